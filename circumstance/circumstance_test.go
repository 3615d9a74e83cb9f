package circumstance_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/pipeline"
)

// circumstances is what a test expects of one statement, found by the
// byte offset where its content starts; "" and nil expect nothing.
type circumstances struct {
	contentStart int
	saidOn       string // value
	evidence     string // said_on's evidence text
	setting      string
	addressee    string // text, then " = name" when it names an entity
	about        []string
}

func check(t *testing.T, rec whosaid.Record, want []circumstances, exact bool) {
	t.Helper()
	byStart := map[int]whosaid.Statement{}
	for _, st := range rec.Statements {
		byStart[st.Content.Start] = st
	}
	for _, w := range want {
		st, ok := byStart[w.contentStart]
		if !ok {
			t.Errorf("no statement with content at %d", w.contentStart)
			continue
		}
		var saidOn, evidence, setting, addressee string
		if st.SaidOn != nil {
			saidOn, evidence = st.SaidOn.Value, st.SaidOn.Evidence.Text
		}
		if st.Setting != nil {
			setting = st.Setting.Text
		}
		if st.Addressee != nil {
			addressee = st.Addressee.Text
			if st.Addressee.Name != "" {
				addressee += " = " + st.Addressee.Name
			}
		}
		var about []string
		for _, a := range st.About {
			about = append(about, a.Name)
			if a.Evidence.Text != rec.Text[a.Evidence.Start:a.Evidence.End] && rec.Text != "" {
				t.Errorf("content at %d: about %s: evidence does not match the text", w.contentStart, a.Name)
			}
		}
		if saidOn != w.saidOn || w.evidence != "" && evidence != w.evidence {
			t.Errorf("content at %d: said_on %q (%q), want %q (%q)", w.contentStart, saidOn, evidence, w.saidOn, w.evidence)
		}
		if setting != w.setting {
			t.Errorf("content at %d: setting %q, want %q", w.contentStart, setting, w.setting)
		}
		if addressee != w.addressee {
			t.Errorf("content at %d: addressee %q, want %q", w.contentStart, addressee, w.addressee)
		}
		for _, a := range w.about {
			if !slices.Contains(about, a) {
				t.Errorf("content at %d: about %q, want %q among them", w.contentStart, about, a)
			}
		}
		if exact && len(about) != len(w.about) {
			t.Errorf("content at %d: about %q, want exactly %q", w.contentStart, about, w.about)
		}
	}
}

// TestFixture reads an article of our own writing with every pattern:
// the dateline's date, weekdays, "earlier this week", "last month",
// month-days and years; settings (news conference, statement, Twitter,
// interview with, confirmation hearing); addressees ("told reporters",
// "told the Senate Finance Committee", "wrote to members of"); and about
// from cue objects ("called him", "called on Varga") and from names and
// pronouns in the content. Dates inside the content ("on Friday", "in
// November", "since March") are not when anything was said.
func TestFixture(t *testing.T) {
	b, err := os.ReadFile("testdata/harbour.txt")
	if err != nil {
		t.Fatal(err)
	}
	rec := pipeline.Extract(whosaid.Article{ID: "harbour", Text: string(b)})
	rec.Text = string(b)
	if rec.Published != "2021-10-14" || rec.PublishedSource != whosaid.PublishedDateline {
		t.Errorf("published %q from %q, want 2021-10-14 from the dateline", rec.Published, rec.PublishedSource)
	}
	check(t, rec, []circumstances{
		{contentStart: 143, saidOn: "2021-10-14", evidence: "Thursday", setting: "at a news conference", about: []string{"Tom Reilly"}},
		{contentStart: 165, about: []string{"Tom Reilly"}},
		{contentStart: 252, saidOn: "2021-10", evidence: "earlier this week", addressee: "reporters"},
		{contentStart: 321, about: []string{"the council"}},
		{contentStart: 356, saidOn: "2021-10-02", evidence: "Oct. 2", setting: "in a statement"},
		{contentStart: 471, setting: "on Twitter"},
		{contentStart: 571, saidOn: "2021-09", evidence: "last month", setting: "In an interview with Radio Coast"},
		{contentStart: 654, addressee: "members of the Harbour Union"},
		{contentStart: 738, addressee: "the Senate Finance Committee = the Senate Finance Committee"},
		{contentStart: 818, saidOn: "2016", evidence: "2016", setting: "during his confirmation hearing"},
		{contentStart: 863, about: []string{"Anna Varga"}},
	}, true)
	names := map[string]string{}
	for _, e := range rec.Entities {
		names[e.Name] = string(e.Kind) + " " + e.Gender
		for _, m := range e.Mentions {
			if rec.Text[m.Start:m.End] != m.Text {
				t.Errorf("entity %s: mention %+v does not match the text", e.Name, m)
			}
		}
	}
	for name, want := range map[string]string{"Anna Varga": "person female", "Tom Reilly": "person male", "Ben Okafor": "person male", "The Harbour Union": "organization "} {
		if names[name] != want {
			t.Errorf("entity %s: %q, want %q", name, names[name], want)
		}
	}
}

// TestNoPublicationDate: without a publication date only dates that give
// their year resolve, and said_on is never the publication date by
// default.
func TestNoPublicationDate(t *testing.T) {
	text := "Kim Tan said Thursday that she would run. In 2012, Tan said she had doubts."
	rec := pipeline.Extract(whosaid.Article{ID: "x", Text: text})
	rec.Text = text
	if rec.Published != "" {
		t.Errorf("published %q, want none", rec.Published)
	}
	check(t, rec, []circumstances{{contentStart: 27}, {contentStart: 60, saidOn: "2012"}}, false)
}

// TestSeed checks the sample article against EXPECTED.md's last two
// columns: rows 2, 7, 17, 18 and 19 dated; rows 1, 3, 4, 9-14, 18 and 19
// about the entity named there. The article is read at run time, never
// copied; statements are found by the offset of their content.
func TestSeed(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "shared", "data", "seed", "000_a9fb59798dae7119.txt"))
	if os.IsNotExist(err) {
		t.Skip("the sample article is not here")
	}
	if err != nil {
		t.Fatal(err)
	}
	rec := pipeline.Extract(whosaid.Article{ID: "seed", Text: string(b), Published: time.Date(2017, 3, 2, 0, 0, 0, 0, time.UTC)})
	rec.Text = string(b)
	check(t, rec, []circumstances{
		{contentStart: 182, about: []string{"Jeff Sessions"}},                                                                               // row 1
		{contentStart: 781, saidOn: "2017-03-02", evidence: "Thursday", setting: "in a statement", about: []string{"Democrats"}},            // row 2
		{contentStart: 1006, about: []string{"Jeff Sessions"}},                                                                              // row 3
		{contentStart: 1145, about: []string{"Jeff Sessions"}},                                                                              // row 4
		{contentStart: 1581, saidOn: "2017-03-02", evidence: "Thursday", setting: "at a news conference"},                                   // row 7
		{contentStart: 2085, about: []string{"Jeff Sessions"}},                                                                              // row 9
		{contentStart: 2156, about: []string{"Jeff Sessions"}},                                                                              // row 10
		{contentStart: 2181, about: []string{"Jeff Sessions"}},                                                                              // row 11
		{contentStart: 2223, about: []string{"Democrats"}},                                                                                  // row 12
		{contentStart: 2312, setting: "in the statement", about: []string{"Democrats"}},                                                     // row 13
		{contentStart: 2423, about: []string{"Democrats"}},                                                                                  // row 14
		{contentStart: 2939, saidOn: "2017-02-09", evidence: "Feb. 9"},                                                                      // row 17
		{contentStart: 3168, saidOn: "2017-02", evidence: "last month", setting: "at a press conference", about: []string{"Michael Flynn"}}, // row 18
		{contentStart: 3202, saidOn: "2017-02", evidence: "last month", setting: "at a press conference", about: []string{"Michael Flynn"}}, // row 19
	}, false)
}
