package eval

import (
	"math"
	"testing"

	"github.com/whosaid/whosaid/corpus"

	"github.com/whosaid/whosaid"
)

// judged builds judgements of one rule from confidences, right when the
// matching flag is true.
func judged(rule string, conf []float64, right ...bool) []Judgement {
	js := make([]Judgement, len(conf))
	for i, c := range conf {
		js[i] = judge(c, right[i], rule)
	}
	return js
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestCalibrate(t *testing.T) {
	type bin struct {
		index, count   int
		conf, accuracy float64
	}
	tests := []struct {
		name  string
		js    []Judgement
		ece   float64
		brier float64
		bins  []bin // the non-empty bins; every other must be empty
	}{
		{
			name: "nothing judged",
		},
		{
			name:  "all 0.8, four of five right: perfectly calibrated",
			js:    judged("r", []float64{0.8, 0.8, 0.8, 0.8, 0.8}, true, true, false, true, true),
			ece:   0,
			brier: (4*0.2*0.2 + 0.8*0.8) / 5,
			bins:  []bin{{8, 5, 0.8, 0.8}},
		},
		{
			name: "two bins, each off by its own gap",
			// 0.9 twice, both right: gap 0.1; 0.2 twice, none right: gap 0.2
			js:    judged("r", []float64{0.9, 0.2, 0.9, 0.2}, true, false, true, false),
			ece:   0.5*0.1 + 0.5*0.2,
			brier: (2*0.1*0.1 + 2*0.2*0.2) / 4,
			bins:  []bin{{2, 2, 0.2, 0}, {9, 2, 0.9, 1}},
		},
		{
			name:  "edges: 0 in the first bin, 1 in the last, 0.1 and 0.3 in the bins they open",
			js:    judged("r", []float64{0, 1, 0.1, 0.3, 0.0999}, false, true, false, true, false),
			ece:   (0.0999 + 0.1 + 0.7) / 5, // bins 0, 1, 3 off by their confidence's distance from 0 or 1; bin 9 exact
			brier: (0 + 0 + 0.01 + 0.49 + 0.0999*0.0999) / 5,
			bins:  []bin{{0, 2, 0.0999 / 2, 0}, {1, 1, 0.1, 0}, {3, 1, 0.3, 1}, {9, 1, 1, 1}},
		},
		{
			name:  "out of range and NaN are clamped",
			js:    judged("r", []float64{-0.5, 1.7, math.NaN()}, false, true, false),
			ece:   0,
			brier: 0,
			bins:  []bin{{0, 2, 0, 0}, {9, 1, 1, 1}},
		},
		{
			name:  "confidence 1 and wrong",
			js:    judged("r", []float64{1}, false),
			ece:   1,
			brier: 1,
			bins:  []bin{{9, 1, 1, 0}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := Calibrate(tc.js)
			if c.N != len(tc.js) || !near(c.ECE, tc.ece) || !near(c.Brier, tc.brier) {
				t.Errorf("N %d, ECE %v, Brier %v; want %d, %v, %v", c.N, c.ECE, c.Brier, len(tc.js), tc.ece, tc.brier)
			}
			if len(c.Bins) != CalibrationBins {
				t.Fatalf("%d bins, want %d", len(c.Bins), CalibrationBins)
			}
			want := make(map[int]bin)
			for _, b := range tc.bins {
				want[b.index] = b
			}
			for i, b := range c.Bins {
				w := want[i]
				if !near(b.Low, float64(i)/10) || !near(b.High, float64(i+1)/10) {
					t.Errorf("bin %d covers [%v, %v)", i, b.Low, b.High)
				}
				if b.Count != w.count || !near(b.Confidence, w.conf) || !near(b.Accuracy, w.accuracy) {
					t.Errorf("bin %d = %+v, want count %d, confidence %v, accuracy %v", i, b, w.count, w.conf, w.accuracy)
				}
			}
		})
	}
}

func TestBinOf(t *testing.T) {
	for k := 0; k <= 10; k++ {
		if got, want := binOf(float64(k)/10), min(k, 9); got != want {
			t.Errorf("binOf(%v) = %d, want %d", float64(k)/10, got, want)
		}
	}
	for _, tc := range []struct {
		c    float64
		want int
	}{{math.Nextafter(0.1, 0) - 1e-8, 0}, {0.7, 7}, {0.6999, 6}, {0.95, 9}, {math.Nextafter(1, 0), 9}} {
		if got := binOf(tc.c); got != tc.want {
			t.Errorf("binOf(%v) = %d, want %d", tc.c, got, tc.want)
		}
	}
}

func TestCalibrateRules(t *testing.T) {
	js := append(judged("quote", []float64{0.9, 0.9, 0.6}, true, false, true),
		append(judged("clause", []float64{0.5}, true), judged("", []float64{0.2, 0.4, 0.3}, false, false, true)...)...)
	got := Calibrate(js).Rules
	want := []RuleCalibration{
		{Rule: "", Count: 3, Confidence: 0.3, Accuracy: 1.0 / 3},
		{Rule: "quote", Count: 3, Confidence: 0.8, Accuracy: 2.0 / 3},
		{Rule: "clause", Count: 1, Confidence: 0.5, Accuracy: 1},
	}
	if len(got) != len(want) {
		t.Fatalf("rules = %+v, want %+v", got, want)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Rule != w.Rule || g.Count != w.Count || !near(g.Confidence, w.Confidence) || !near(g.Accuracy, w.Accuracy) {
			t.Errorf("rule %d = %+v, want %+v", i, g, w)
		}
	}
}

// withConfidence sets a statement's confidence and rule.
func withConfidence(s whosaid.Statement, c float64, rule string) whosaid.Statement {
	s.Confidence, s.Rule = c, rule
	return s
}

func TestGGTJudgements(t *testing.T) {
	d := ggtDoc
	said0, said1 := ptr(find(t, d, "said", 0)), ptr(find(t, d, "said", 1))
	pred := map[string]whosaid.Record{"a1": {ID: "a1", Statements: []whosaid.Statement{
		// given out of document order: judgements come in document order
		withConfidence(statement(find(t, d, `"It is a scandal."`, 0), nil, nil, "Critics"), 0.7, "floating"),
		withConfidence(statement(find(t, d, `"The ferry runs again in May,"`, 0), ptr(find(t, d, "Ana López", 0)), said0, "López"), 0.9, "quote"), // lenient only: wrong
		withConfidence(statement(find(t, d, `the fares were far too high`, 0), ptr(find(t, d, "Critics", 0)), said1, "critics"), 0.6, "clause"),
		withConfidence(statement(find(t, d, "The vote is next week.", 0), nil, nil, ""), 0.3, "clause"), // spurious: wrong
	}}}
	s := ScoreGGT([]corpus.GGTArticle{ggtGold(t)}, pred)
	want := []Judgement{{0.9, false, "quote"}, {0.6, true, "clause"}, {0.7, true, "floating"}, {0.3, false, "clause"}}
	got := s.Judgements()
	if len(got) != len(want) {
		t.Fatalf("judgements = %+v, want %+v", got, want)
	}
	right := 0
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("judgement %d = %+v, want %+v", i, got[i], want[i])
		}
		if got[i].Right {
			right++
		}
	}
	if tp := s.total()[ggtEndToEnd].TP; right != tp {
		t.Errorf("%d right, but end to end TP %d", right, tp)
	}
	c := s.Report(Bootstrap{Draws: 50, Seed: 3}).Calibration
	// one article: every bootstrap draw is the article itself
	if c.N != 4 || !near(c.ECELow, c.ECE) || !near(c.ECEHigh, c.ECE) {
		t.Errorf("calibration N %d, ECE %v [%v, %v]", c.N, c.ECE, c.ECELow, c.ECEHigh)
	}
}

func TestPolNeARJudgements(t *testing.T) {
	d := polnearDoc
	officials, said := ptr(find(t, d, "Officials", 0)), ptr(find(t, d, "said", 0))
	he, denies := ptr(find(t, d, "He", 0)), ptr(find(t, d, "denies", 0))
	pred := map[string]whosaid.Record{"p1": {ID: "p1", Statements: []whosaid.Statement{
		withConfidence(statement(find(t, d, "the plan, which cost millions, was dead", 0), officials, said, ""), 0.8, "a"),
		withConfidence(statement(find(t, d, "it", 0), officials, denies, ""), 0.8, "a"),       // wrong source
		withConfidence(statement(find(t, d, "The plan was fine", 0), nil, nil, ""), 0.8, "b"), // no source on either side
		withConfidence(statement(find(t, d, "He denies", 0), he, denies, ""), 0.8, "b"),       // matches no content
	}}}
	s := ScorePolNeAR([]corpus.PolNeARArticle{polnearGold(t)}, pred)
	var right []bool
	for _, j := range s.Judgements() {
		right = append(right, j.Right)
	}
	want := []bool{true, false, false, true} // document order: plan, "He denies", "it", "The plan was fine"
	if len(right) != len(want) {
		t.Fatalf("right = %v, want %v", right, want)
	}
	for i := range want {
		if right[i] != want[i] {
			t.Fatalf("right = %v, want %v", right, want)
		}
	}
	if tp := s.total()[polnearEndToEnd].TP; tp != 2 {
		t.Errorf("end to end TP %d, want 2", tp)
	}
}
