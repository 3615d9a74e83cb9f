// Package whosaid holds the domain types shared by every stage of the
// pipeline: the article that goes in, and the statement record that comes
// out (the contract in ../shared/docs/output-format.md).
//
// The stages live in their own packages, each importing only the ones
// before it:
//
//	input → document → text → mention → statement → output
//
// pipeline chains them; eval, cmd/whosaid and later the archive and web
// server sit on top.
package whosaid

import "time"

// Article is one input document.
type Article struct {
	ID        string
	Text      string
	Title     string    // optional title given by the input record
	URL       string    // optional
	Published time.Time // zero when unknown; anchors relative dates
	// Outlet is the news outlet the input names ("outlet" of a JSON Lines
	// record); empty when it names none, and the archive then takes the
	// site or the URL's host.
	Outlet string

	// Metadata of a web page (input/webpage); empty for other input.
	PublishedSource string // where Published came from: PublishedInput or PublishedHTMLMeta
	Site            string // the site's name
	Author          string
	Lang            string // the declared language ("en")
	// Extracted is set when Text was extracted from the input (a web page)
	// rather than being its bytes, so the record must carry it.
	Extracted bool
}

// Span is a half-open range of UTF-8 byte offsets into the document text,
// with the text it covers: Text == doc[Start:End].
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// NewSpan returns the span [start, end) of doc.
func NewSpan(doc string, start, end int) Span {
	return Span{Start: start, End: end, Text: doc[start:end]}
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Cue is the speech or attribution expression of a statement.
type Cue struct {
	Span
	Lemma string `json:"lemma"`
}

// StatementType says how the content is reported.
type StatementType string

// The statement types of the output contract.
const (
	Direct   StatementType = "direct"   // wholly inside quotation marks
	Indirect StatementType = "indirect" // reported speech, no quotation marks
	Mixed    StatementType = "mixed"    // reported speech with a quoted fragment
)

// SpeakerKind is what sort of entity a speaker is.
type SpeakerKind string

// The speaker kinds of the output contract.
const (
	Person       SpeakerKind = "person"
	Organization SpeakerKind = "organization"
	Group        SpeakerKind = "group"
	Unknown      SpeakerKind = "unknown"
)

// Statement is one attributed piece of speech.
type Statement struct {
	Type        StatementType `json:"type"`
	Content     Span          `json:"content"`
	Cue         *Cue          `json:"cue"`
	Speaker     *Span         `json:"speaker"`
	SpeakerName *string       `json:"speaker_name"`
	SpeakerKind SpeakerKind   `json:"speaker_kind"`
	// SpeakerGender is female, male or unknown for a person speaker, from
	// the article's own evidence; empty for other kinds.
	SpeakerGender string `json:"speaker_gender,omitempty"`
	// GenderEvidence is what SpeakerGender was decided from.
	GenderEvidence string  `json:"gender_evidence,omitempty"`
	Confidence     float64 `json:"confidence"`
	// Rule names the extraction rule that produced the statement.
	Rule string `json:"rule,omitempty"`
	// Resolution says how the speaker's canonical name was found.
	Resolution string `json:"resolution,omitempty"`
	// The circumstances of the statement, where the text gives them.
	SaidOn    *SaidOn    `json:"said_on,omitempty"`
	Setting   *Span      `json:"setting,omitempty"`
	Addressee *Addressee `json:"addressee,omitempty"`
	About     []About    `json:"about,omitempty"`
}

// Furniture is a stretch of page furniture (notices, captions, links,
// bylines) that is not article text and yields no statement.
type Furniture struct {
	Span
	Reason string `json:"reason"`
}

// Record is the output for one input document.
type Record struct {
	ID         string      `json:"id"`
	Title      *Span       `json:"title,omitempty"`
	Statements []Statement `json:"statements"`
	Furniture  []Furniture `json:"furniture"`
	// Text carries the document text when it is not the input bytes
	// themselves (e.g. text extracted from HTML), so spans can be checked.
	Text string `json:"text,omitempty"`
	// Metadata of a web page, where found.
	URL    string `json:"url,omitempty"`
	Site   string `json:"site,omitempty"`
	Author string `json:"author,omitempty"`
	Lang   string `json:"lang,omitempty"`
	// Published is the publication date (YYYY-MM-DD) and where it comes
	// from (PublishedInput, PublishedHTMLMeta, PublishedDateline).
	Published       string   `json:"published,omitempty"`
	PublishedSource string   `json:"published_source,omitempty"`
	Entities        []Entity `json:"entities,omitempty"`
}
