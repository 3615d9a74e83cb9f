package eval

import (
	"reflect"
	"testing"
)

// variedScores is a made-up set of articles whose counts differ, so the
// bootstrap intervals have some width.
func variedScores() *Scores {
	s := &Scores{Set: "test", measures: []measure{{"quote", prfMeasure}, {"speaker", accuracyMeasure}}}
	for i := range 30 {
		s.tallies = append(s.tallies, []tally{
			{TP: i % 7, FP: i % 3, FN: (i * 5) % 4},
			{Correct: i % 5, Total: 4},
		})
	}
	return s
}

func TestBootstrapDeterministic(t *testing.T) {
	a := variedScores().Report(DefaultBootstrap)
	b := variedScores().Report(DefaultBootstrap)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("two reports of the same scores differ:\n%+v\n%+v", a, b)
	}
	c := variedScores().Report(Bootstrap{Draws: 1000, Seed: 2})
	if reflect.DeepEqual(a.Figures, c.Figures) {
		t.Error("another seed gave the same intervals")
	}
}

func TestBootstrapIntervalContainsEstimate(t *testing.T) {
	r := variedScores().Report(DefaultBootstrap)
	if len(r.Figures) != 4 {
		t.Fatalf("got %d figures, want P, R, F1 and accuracy", len(r.Figures))
	}
	for _, f := range r.Figures {
		if f.Low > f.Value || f.Value > f.High || f.Low == f.High {
			t.Errorf("%s %s: %.2f not strictly inside [%.2f, %.2f]", f.Measure, f.Stat, f.Value, f.Low, f.High)
		}
	}
}

func TestBootstrapIdenticalArticles(t *testing.T) {
	s := &Scores{Set: "test", measures: []measure{{"quote", prfMeasure}}}
	for range 5 {
		s.tallies = append(s.tallies, []tally{{TP: 3, FP: 1, FN: 0}})
	}
	for _, f := range s.Report(DefaultBootstrap).Figures {
		if f.Low != f.Value || f.High != f.Value {
			t.Errorf("%s: [%v, %v] around %v, want a point", f.Stat, f.Low, f.High, f.Value)
		}
	}
}

func TestPercentile(t *testing.T) {
	s := []float64{0, 10, 20, 30, 40}
	for q, want := range map[float64]float64{0: 0, 0.5: 20, 0.125: 5, 1: 40} {
		if got := percentile(s, q); got != want {
			t.Errorf("percentile(%v) = %v, want %v", q, got, want)
		}
	}
}
