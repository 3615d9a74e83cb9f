package whosaid

// SaidOn is when a statement was made, as the text tells: Value is
// YYYY-MM-DD, YYYY-MM or YYYY to match Granularity (day, month, year).
type SaidOn struct {
	Value       string `json:"value"`
	Granularity string `json:"granularity"`
	Evidence    Span   `json:"evidence"`
}

// Addressee is to whom a statement was made ("reporters", "the Senate"),
// with the canonical name when it is one of the article's entities.
type Addressee struct {
	Span
	Name string `json:"name,omitempty"`
}

// About is an entity a statement is about, with the mention that shows
// it.
type About struct {
	Name     string      `json:"name"`
	Kind     SpeakerKind `json:"kind"`
	Evidence Span        `json:"evidence"`
}

// Entity is a person, organisation or group of the article, with its
// mentions.
type Entity struct {
	Name     string      `json:"name"`
	Kind     SpeakerKind `json:"kind"`
	Gender   string      `json:"gender,omitempty"` // female, male or unknown, for people
	Mentions []Span      `json:"mentions"`
}

// Where the publication date of a record comes from.
const (
	PublishedInput    = "input"     // the input record or --published
	PublishedHTMLMeta = "html-meta" // the page's meta tags, JSON-LD or htmldate
	PublishedDateline = "dateline"  // a dateline in the text
)
