package eval

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/corpus"

	"github.com/whosaid/whosaid"
)

// outletFixture is two outlets of one article each, with two gold quotes
// per article, and predictions where rule "good" finds every quote with
// the right name and rule "mixed" is right at outlet A and wrong (a
// spurious statement) at outlet B.
func outletFixture(t *testing.T) ([]corpus.GGTArticle, map[string]whosaid.Record) {
	t.Helper()
	doc := "Ann Lee said the bridge is safe. Bo Kim said the road is closed. Cy Day said the port is open."
	var gold []corpus.GGTArticle
	pred := make(map[string]whosaid.Record)
	for _, id := range []string{"a", "b"} {
		outlet := strings.ToUpper(id)
		g := corpus.GGTArticle{Article: whosaid.Article{ID: id, Text: doc}, Outlet: outlet}
		rec := whosaid.Record{ID: id}
		for _, q := range []struct{ content, speaker, name string }{
			{"the bridge is safe", "Ann Lee", "Ann Lee"},
			{"the road is closed", "Bo Kim", "Bo Kim"},
		} {
			c, sp := find(t, doc, q.content, 0), find(t, doc, q.speaker, 0)
			g.Quotes = append(g.Quotes, corpus.GGTQuote{Quote: c, Speaker: &sp, Reference: q.name})
			st := statement(c, &sp, nil, q.name)
			st.Rule, st.Confidence = "good", 0.9
			rec.Statements = append(rec.Statements, st)
		}
		// The third sentence is gold at A only: "mixed" finds it at both.
		c, sp := find(t, doc, "the port is open", 0), find(t, doc, "Cy Day", 0)
		if id == "a" {
			g.Quotes = append(g.Quotes, corpus.GGTQuote{Quote: c, Speaker: &sp, Reference: "Cy Day"})
		}
		st := statement(c, &sp, nil, "Cy Day")
		st.Rule, st.Confidence = "mixed", 0.5
		rec.Statements = append(rec.Statements, st)
		gold = append(gold, g)
		pred[id] = rec
	}
	return gold, pred
}

func TestOutlets(t *testing.T) {
	gold, pred := outletFixture(t)
	r := Outlets(pred, func(p map[string]whosaid.Record) *Scores { return ScoreGGT(gold, p) })
	if strings.Join(r.Outlets, ",") != "A,B" {
		t.Fatalf("outlets %v, want A,B", r.Outlets)
	}
	var e2e *OutletFigure
	for i, f := range r.Figures {
		if f.Measure == endToEndMeasure {
			e2e = &r.Figures[i]
		}
		if f.Stat == "P" || f.Stat == "R" {
			t.Errorf("figure %s %s: only F1 and accuracies are listed", f.Measure, f.Stat)
		}
	}
	if e2e == nil {
		t.Fatal("no end-to-end figure")
	}
	// A: 3 of 3 right. B: 2 right, 1 spurious, F1 = 4/5.
	if e2e.ByOutlet[0] != 100 || math.Abs(e2e.ByOutlet[1]-80) > 1e-9 || e2e.Worst != "B" {
		t.Errorf("end to end by outlet %v, worst %s; want [100 80], B", e2e.ByOutlet, e2e.Worst)
	}
	ablation := map[string]Ablation{}
	for _, a := range r.Ablations {
		ablation[a.Kind+" "+a.Name] = a
	}
	mixed, good := ablation["rule mixed"], ablation["rule good"]
	if !mixed.Mixed || mixed.ByOutlet[0] <= 0 || mixed.ByOutlet[1] >= 0 {
		t.Errorf("rule mixed: %+v, want a gain at A, a loss at B, flagged", mixed)
	}
	if good.Mixed || good.ByOutlet[0] <= 0 || good.ByOutlet[1] <= 0 {
		t.Errorf("rule good: %+v, want a gain at both, not flagged", good)
	}
	// Cross-fitted: "mixed" is always right at A and never at B, so
	// refitted on the other outlet its confidence is exactly wrong at
	// both; "good" is always right. ECE = 2 wrong-by-1 of 6.
	c := r.Calibration
	if c.N != 6 || math.Abs(c.ECE-2.0/6) > 1e-9 {
		t.Errorf("cross-fitted calibration %+v, want n 6, ECE 1/3", c)
	}
	var out bytes.Buffer
	if err := r.WriteText(&out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"GGT by outlet", "MIXED", "held out"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}
