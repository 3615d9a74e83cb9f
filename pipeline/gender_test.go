package pipeline

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/corpus"
	"github.com/whosaid/whosaid/eval"
)

// TestGGTGenderBars holds the quoted-people figures of GGT dev to the
// issue's bars: female F1 at least 85, male F1 at least 88 and the genders
// given at least 95% right, on the whole set and on every outlet.
func TestGGTGenderBars(t *testing.T) {
	path := shared + "ggt-dev/ggt_dev.jsonl"
	if _, err := os.Stat(path); err != nil {
		t.Skipf("shared data absent: %v", err)
	}
	gold, err := corpus.LoadGGT(path)
	if err != nil {
		t.Fatal(err)
	}
	pred := eval.PredictGGT(gold, Extract)
	score := func(p map[string]whosaid.Record) *eval.Scores { return eval.ScoreGGT(gold, p) }
	report := eval.Outlets(pred, score)
	bars := map[string]float64{"sources female F1": 85, "sources male F1": 88, "gender precision accuracy": 95}
	for _, f := range report.Figures {
		bar, ok := bars[f.Measure+" "+f.Stat]
		if !ok {
			continue
		}
		delete(bars, f.Measure+" "+f.Stat)
		if f.All < bar {
			t.Errorf("%s %s = %.1f, below %.0f", f.Measure, f.Stat, f.All, bar)
		}
		for i, v := range f.ByOutlet {
			if v < bar {
				t.Errorf("%s %s on %s = %.1f, below %.0f", f.Measure, f.Stat, report.Outlets[i], v, bar)
			}
		}
	}
	if len(bars) > 0 {
		var b bytes.Buffer
		_ = json.NewEncoder(&b).Encode(report.Figures)
		t.Errorf("figures %v missing from the report: %s", bars, b.String())
	}
}
