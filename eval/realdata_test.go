package eval

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/corpus"

	"github.com/whosaid/whosaid"
)

// The licensed gold sets, read where they live and never copied.
const (
	ggtPath     = "../../shared/data/ggt-dev/ggt_dev.jsonl"
	polnearPath = "../../shared/data/polnear/polnear-dev.jsonl"
)

func skipIfAbsent(t testing.TB, path string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		t.Skipf("gold data not available: %v", err)
	}
}

func TestRealGGT(t *testing.T) {
	skipIfAbsent(t, ggtPath)
	gold, err := corpus.LoadGGT(ggtPath)
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) == 0 {
		t.Fatal("no articles")
	}
	for _, a := range gold {
		for i, q := range a.Quotes {
			for _, s := range []*whosaid.Span{&q.Quote, q.Speaker, q.Verb} {
				if s != nil && a.Text[s.Start:s.End] != s.Text {
					t.Errorf("%s quote %d: text[%d:%d] = %q, annotated %q", a.ID, i, s.Start, s.End, a.Text[s.Start:s.End], s.Text)
				}
			}
		}
	}
	checkSelfScore(t, ScoreGGT(gold, ggtAsPredictions(gold)), "quote @0.3")
}

func TestRealPolNeAR(t *testing.T) {
	skipIfAbsent(t, polnearPath)
	gold, err := corpus.LoadPolNeAR(polnearPath)
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) == 0 {
		t.Fatal("no articles")
	}
	for _, a := range gold {
		for _, at := range a.Attributions {
			for _, r := range []*corpus.Region{at.Source, at.Cue, at.Content, at.Content2} {
				if r == nil {
					continue
				}
				var parts []string
				for _, f := range r.Fragments {
					parts = append(parts, a.Text[f.Start:f.End])
				}
				// The annotated text joins the fragments with one space and
				// may differ in white space only.
				if got := strings.TrimSpace(flatten(strings.Join(parts, " "))); got != strings.TrimSpace(flatten(r.Text)) {
					t.Errorf("%s %s: fragments read %q, annotated %q", a.ID, at.ID, got, r.Text)
				}
			}
		}
	}
	checkSelfScore(t, ScorePolNeAR(gold, polnearAsPredictions(gold)), "content @0.3", "content exact")
}

// checkSelfScore checks that gold scored against itself has F1 = 100 on
// the given measures, and logs the report (see it with go test -v).
func checkSelfScore(t *testing.T, s *Scores, measures ...string) {
	t.Helper()
	if len(s.Warnings) > 0 {
		t.Errorf("warnings: %v", s.Warnings)
	}
	r := s.Report(DefaultBootstrap)
	for _, m := range measures {
		found := false
		for _, f := range r.Figures {
			if f.Measure == m && f.Stat == "F1" {
				found = true
				if f.Value != 100 || f.Low != 100 || f.High != 100 {
					t.Errorf("gold against itself: %s F1 %.1f [%.1f, %.1f], want 100", m, f.Value, f.Low, f.High)
				}
			}
		}
		if !found {
			t.Errorf("no F1 figure for %s", m)
		}
	}
	// Judged right is the same criterion as end to end.
	right := 0
	for _, j := range s.Judgements() {
		if j.Right {
			right++
		}
	}
	for m, ms := range s.measures {
		if ms.name == "end to end @0.3" {
			if tp := s.total()[m].TP; right != tp {
				t.Errorf("%d judged right, but end to end TP %d", right, tp)
			}
		}
	}
	if r.Calibration.N != len(s.Judgements()) {
		t.Errorf("calibration over %d, want %d", r.Calibration.N, len(s.Judgements()))
	}
	var b bytes.Buffer
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
}

func BenchmarkScoreGGT(b *testing.B) {
	skipIfAbsent(b, ggtPath)
	gold, err := corpus.LoadGGT(ggtPath)
	if err != nil {
		b.Fatal(err)
	}
	pred := ggtAsPredictions(gold)
	for b.Loop() {
		ScoreGGT(gold, pred).Report(DefaultBootstrap)
	}
}

func BenchmarkScorePolNeAR(b *testing.B) {
	skipIfAbsent(b, polnearPath)
	gold, err := corpus.LoadPolNeAR(polnearPath)
	if err != nil {
		b.Fatal(err)
	}
	pred := polnearAsPredictions(gold)
	for b.Loop() {
		ScorePolNeAR(gold, pred).Report(DefaultBootstrap)
	}
}
