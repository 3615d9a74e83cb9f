// Package output writes statement records: as JSON Lines, the contract of
// ../shared/docs/output-format.md, or as text for reading in a terminal.
package output

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
)

// Writer writes one record per document.
type Writer interface {
	Write(rec whosaid.Record) error
}

// The output formats.
const (
	FormatJSONL = "jsonl"
	FormatText  = "text"
)

// New returns a writer of the named format to w.
func New(format string, w io.Writer) (Writer, error) {
	switch format {
	case FormatJSONL:
		return NewJSONL(w), nil
	case FormatText:
		return NewText(w), nil
	}
	return nil, fmt.Errorf("output: unknown format %q (want %s or %s)", format, FormatJSONL, FormatText)
}

// JSONL writes records as JSON Lines, one object per line.
type JSONL struct {
	enc *json.Encoder
}

// NewJSONL returns a JSON Lines writer to w.
func NewJSONL(w io.Writer) *JSONL {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // quotes like "<" and "&" stay readable
	return &JSONL{enc: enc}
}

// Write writes rec as one line. Empty statement and furniture lists are
// written as [], never null, as the contract requires.
func (j *JSONL) Write(rec whosaid.Record) error {
	if rec.Statements == nil {
		rec.Statements = []whosaid.Statement{}
	}
	if rec.Furniture == nil {
		rec.Furniture = []whosaid.Furniture{}
	}
	if err := j.enc.Encode(rec); err != nil {
		return fmt.Errorf("output: record %q: %w", rec.ID, err)
	}
	return nil
}

// Text writes records for people: a header per document, then a block per
// statement with its type, confidence, speaker, cue and wrapped content.
type Text struct {
	w io.Writer
	// Explain adds to each statement the rule that found it, how its
	// speaker was resolved and the evidence of the speaker's gender.
	Explain bool
}

// NewText returns a text writer to w.
func NewText(w io.Writer) *Text { return &Text{w: w} }

// textWidth is the column at which statement content is wrapped.
const textWidth = 100

// Write writes rec as a header and one block per statement.
func (t *Text) Write(rec whosaid.Record) error {
	var b strings.Builder
	fmt.Fprintf(&b, "── %s: %s\n", rec.ID, plural(len(rec.Statements), "statement"))
	for _, s := range rec.Statements {
		fmt.Fprintf(&b, "[%s %.2f] %s\n", s.Type, s.Confidence, attribution(s))
		wrap(&b, s.Content.Text, "  ", textWidth)
		if c := circumstances(s); c != "" {
			fmt.Fprintf(&b, "  ↳ %s\n", c)
		}
		if t.Explain {
			fmt.Fprintf(&b, "  ↳ rule: %s\n", s.Rule)
			if s.Resolution != "" {
				fmt.Fprintf(&b, "  ↳ speaker: %s\n", oneLine(s.Resolution))
			}
			if s.SpeakerGender != "" {
				fmt.Fprintf(&b, "  ↳ gender: %s — %s\n", s.SpeakerGender, s.GenderEvidence)
			}
		}
	}
	if _, err := io.WriteString(t.w, b.String()); err != nil {
		return fmt.Errorf("output: record %q: %w", rec.ID, err)
	}
	return nil
}

// attribution describes who said it: "Trump → Donald Trump (person) ·
// said (say)".
func attribution(s whosaid.Statement) string {
	speaker, name := "(no speaker)", "?"
	if s.Speaker != nil {
		speaker = s.Speaker.Text
	}
	if s.SpeakerName != nil {
		name = *s.SpeakerName
	}
	out := fmt.Sprintf("%s → %s (%s)", oneLine(speaker), name, s.SpeakerKind)
	if s.Cue != nil {
		out += " · " + oneLine(s.Cue.Text)
		if s.Cue.Lemma != "" && s.Cue.Lemma != s.Cue.Text {
			out += " (" + s.Cue.Lemma + ")"
		}
	}
	return out
}

// oneLine collapses runs of white space, line breaks included.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// wrap writes text as lines of at most width runes, each with indent,
// breaking between words; a longer word gets a line of its own.
func wrap(b *strings.Builder, text, indent string, width int) {
	limit := width - utf8.RuneCountInString(indent)
	n := 0 // runes on the current line
	for _, word := range strings.Fields(text) {
		w := utf8.RuneCountInString(word)
		switch {
		case n == 0:
			b.WriteString(indent)
		case n+1+w > limit:
			b.WriteString("\n")
			b.WriteString(indent)
			n = 0
		default:
			b.WriteString(" ")
			n++
		}
		b.WriteString(word)
		n += w
	}
	if n > 0 {
		b.WriteString("\n")
	}
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
