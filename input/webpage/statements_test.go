package webpage_test

import (
	"os"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/input/webpage"
	"github.com/whosaid/whosaid/pipeline"
)

// statementKey is what must agree between the plain text and the page:
// the offsets differ, the statements do not.
type statementKey struct {
	typ                   whosaid.StatementType
	content, cue, speaker string
	name                  string
}

func keys(r whosaid.Record) map[statementKey]bool {
	m := map[statementKey]bool{}
	for _, s := range r.Statements {
		k := statementKey{typ: s.Type, content: s.Content.Text}
		if s.Cue != nil {
			k.cue = s.Cue.Text
		}
		if s.Speaker != nil {
			k.speaker = s.Speaker.Text
		}
		if s.SpeakerName != nil {
			k.name = *s.SpeakerName
		}
		m[k] = true
	}
	return m
}

// The sample article gives the same statements as a web page as it gives
// as plain text, and the record's offsets refer to the text it carries.
func TestPageStatementsMatchText(t *testing.T) {
	plain, err := os.ReadFile("../../testdata/sample.txt")
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile("testdata/sample.html")
	if err != nil {
		t.Fatal(err)
	}
	p, err := webpage.Extract(page, "", "")
	if err != nil {
		t.Fatal(err)
	}
	fromText := pipeline.Extract(whosaid.Article{ID: "sample.txt", Text: string(plain)})
	fromPage := pipeline.Extract(p.Article)
	want, got := keys(fromText), keys(fromPage)
	for k := range want {
		if !got[k] {
			t.Errorf("missing from the page: %+v", k)
		}
	}
	for k := range got {
		if !want[k] {
			t.Errorf("only in the page: %+v", k)
		}
	}
	if fromPage.Text != p.Article.Text || fromPage.URL == "" || fromPage.Title == nil {
		t.Fatalf("record lacks the page's text, URL or title: %+v", fromPage.Title)
	}
	for _, s := range fromPage.Statements {
		if fromPage.Text[s.Content.Start:s.Content.End] != s.Content.Text {
			t.Errorf("content offsets do not match the record's text: %+v", s.Content)
		}
	}
}
