package circumstance_test

import (
	"testing"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/pipeline"
)

// FuzzCircumstances checks that every span the stage adds lies in the
// text and says what it covers, and that dates are well formed, whatever
// the article.
func FuzzCircumstances(f *testing.F) {
	f.Add("WASHINGTON, March 2, 2017 (AP) — Kim Tan told reporters Thursday at a news conference that \"he did nothing wrong,\" defending Lee Park.")
	f.Add("\"They have lost it,\" Democrats said on Feb. 9. Tan accused Democrats and Republicans of lying in an interview with CNN last week.")
	f.Add("Dear Sam, said May. Mr. Lee wrote to members of the Harbour Union in 2016 that the USA Today story was wrong.")
	published := time.Date(2017, 3, 2, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, doc string) {
		rec := pipeline.Extract(whosaid.Article{ID: "fuzz", Text: doc, Published: published})
		check := func(what string, sp whosaid.Span) {
			if sp.Start < 0 || sp.End > len(doc) || sp.Start > sp.End || doc[sp.Start:sp.End] != sp.Text {
				t.Fatalf("%s: span %+v is not the text's", what, sp)
			}
		}
		for _, st := range rec.Statements {
			if st.SaidOn != nil {
				check("said_on", st.SaidOn.Evidence)
				if !wellFormed(st.SaidOn.Value, st.SaidOn.Granularity) {
					t.Fatalf("said_on %q is no %s", st.SaidOn.Value, st.SaidOn.Granularity)
				}
			}
			if st.Setting != nil {
				check("setting", *st.Setting)
			}
			if st.Addressee != nil {
				check("addressee", st.Addressee.Span)
			}
			for _, a := range st.About {
				check("about "+a.Name, a.Evidence)
			}
		}
		for _, e := range rec.Entities {
			for _, m := range e.Mentions {
				check("entity "+e.Name, m)
			}
		}
	})
}

// wellFormed says whether a said_on value is written to its granularity.
func wellFormed(value, granularity string) bool {
	layout := map[string]string{"day": time.DateOnly, "month": "2006-01", "year": "2006"}[granularity]
	_, err := time.Parse(layout, value)
	return layout != "" && err == nil
}
