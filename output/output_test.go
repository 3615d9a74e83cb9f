package output

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
)

// sampleRecord builds a record with a direct quote, a floating quote
// without speaker or cue, and an unresolved indirect one.
func sampleRecord() whosaid.Record {
	doc := `Trump said "a <b> & c". "They lost." He said the long content of a statement goes on and on, well past the width of a terminal line, so it must wrap.`
	span := func(s string) whosaid.Span {
		i := strings.Index(doc, s)
		return whosaid.NewSpan(doc, i, i+len(s))
	}
	name := "Donald Trump"
	speaker := span("Trump")
	pronoun := span("He")
	title := whosaid.NewSpan(doc, 0, 5)
	return whosaid.Record{
		ID:    "doc-1",
		Title: &title,
		Statements: []whosaid.Statement{
			{Type: whosaid.Direct, Content: span(`"a <b> & c"`), Cue: &whosaid.Cue{Span: span("said"), Lemma: "say"},
				Speaker: &speaker, SpeakerName: &name, SpeakerKind: whosaid.Person, Confidence: 0.93, Rule: "quote-said"},
			{Type: whosaid.Direct, Content: span(`"They lost."`), SpeakerName: &name, SpeakerKind: whosaid.Person, Confidence: 0.7},
			{Type: whosaid.Indirect, Content: span("the long content of a statement goes on and on, well past the width of a terminal line, so it must wrap."),
				Cue: &whosaid.Cue{Span: span("said"), Lemma: "say"}, Speaker: &pronoun, SpeakerKind: whosaid.Unknown, Confidence: 0.456},
		},
		Furniture: []whosaid.Furniture{{Span: span("Trump"), Reason: "byline"}},
	}
}

func TestJSONL(t *testing.T) {
	var buf bytes.Buffer
	w := NewJSONL(&buf)
	if err := w.Write(sampleRecord()); err != nil {
		t.Fatal(err)
	}
	if err := w.Write(whosaid.Record{ID: "empty"}); err != nil {
		t.Fatal(err)
	}
	want := `{"id":"doc-1","title":{"start":0,"end":5,"text":"Trump"},"statements":[` +
		`{"type":"direct","content":{"start":11,"end":22,"text":"\"a <b> & c\""},"cue":{"start":6,"end":10,"text":"said","lemma":"say"},"speaker":{"start":0,"end":5,"text":"Trump"},"speaker_name":"Donald Trump","speaker_kind":"person","confidence":0.93,"rule":"quote-said"},` +
		`{"type":"direct","content":{"start":24,"end":36,"text":"\"They lost.\""},"cue":null,"speaker":null,"speaker_name":"Donald Trump","speaker_kind":"person","confidence":0.7},` +
		`{"type":"indirect","content":{"start":45,"end":149,"text":"the long content of a statement goes on and on, well past the width of a terminal line, so it must wrap."},"cue":{"start":6,"end":10,"text":"said","lemma":"say"},"speaker":{"start":37,"end":39,"text":"He"},"speaker_name":null,"speaker_kind":"unknown","confidence":0.456}],` +
		`"furniture":[{"start":0,"end":5,"text":"Trump","reason":"byline"}]}` + "\n" +
		`{"id":"empty","statements":[],"furniture":[]}` + "\n"
	if got := buf.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	for line := range strings.Lines(buf.String()) {
		if !json.Valid([]byte(line)) {
			t.Errorf("invalid JSON line %q", line)
		}
	}
}

func TestText(t *testing.T) {
	var buf bytes.Buffer
	w := NewText(&buf)
	if err := w.Write(sampleRecord()); err != nil {
		t.Fatal(err)
	}
	if err := w.Write(whosaid.Record{ID: "one", Statements: []whosaid.Statement{{Type: whosaid.Mixed, Content: whosaid.Span{Text: "x\ny"}, SpeakerKind: whosaid.Group, Confidence: 1}}}); err != nil {
		t.Fatal(err)
	}
	want := `── doc-1: 3 statements
[direct 0.93] Trump → Donald Trump (person) · said (say)
  "a <b> & c"
[direct 0.70] (no speaker) → Donald Trump (person)
  "They lost."
[indirect 0.46] He → ? (unknown) · said (say)
  the long content of a statement goes on and on, well past the width of a terminal line, so it must
  wrap.
── one: 1 statement
[mixed 1.00] (no speaker) → ? (group)
  x y
`
	if got := buf.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestTextExplain(t *testing.T) {
	var buf bytes.Buffer
	w := NewText(&buf)
	w.Explain = true
	rec := sampleRecord()
	rec.Statements = rec.Statements[:1]
	rec.Statements[0].Resolution = "Trump → Donald Trump: most complete name in the article"
	rec.Statements[0].SpeakerGender = "male"
	rec.Statements[0].GenderEvidence = "honorific Mr.; given name donald is male"
	if err := w.Write(rec); err != nil {
		t.Fatal(err)
	}
	want := `── doc-1: 1 statement
[direct 0.93] Trump → Donald Trump (person) · said (say)
  "a <b> & c"
  ↳ rule: quote-said
  ↳ speaker: Trump → Donald Trump: most complete name in the article
  ↳ gender: male — honorific Mr.; given name donald is male
`
	if got := buf.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		text  string
		width int
		want  string
	}{
		{"", 10, ""},
		{"one two three", 10, "> one two\n> three\n"},
		{"ééé ééé", 9, "> ééé ééé\n"},
		{"a verylongwordthatdoesnotfit b", 10, "> a\n> verylongwordthatdoesnotfit\n> b\n"},
		{"  spaced\n\nout  ", 20, "> spaced out\n"},
	}
	for _, tt := range tests {
		var b strings.Builder
		wrap(&b, tt.text, "> ", tt.width)
		if b.String() != tt.want {
			t.Errorf("wrap(%q, %d) = %q, want %q", tt.text, tt.width, b.String(), tt.want)
		}
	}
}

func TestNew(t *testing.T) {
	for _, format := range []string{FormatJSONL, FormatText} {
		if _, err := New(format, &bytes.Buffer{}); err != nil {
			t.Errorf("New(%q): %v", format, err)
		}
	}
	if _, err := New("xml", &bytes.Buffer{}); err == nil {
		t.Error("New(xml) did not fail")
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteErrors(t *testing.T) {
	for _, w := range []Writer{NewJSONL(failingWriter{}), NewText(failingWriter{})} {
		if err := w.Write(whosaid.Record{ID: "x"}); err == nil || !strings.Contains(err.Error(), "disk full") || !strings.Contains(err.Error(), `"x"`) {
			t.Errorf("%T: err = %v", w, err)
		}
	}
}
