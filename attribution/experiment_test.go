package attribution_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/corpus"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/attribution"
	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/pipeline"
)

// TestExperiment prints the PolNeAR dev and GGT dev figures of the
// learned model alone and of the pipeline in both scopes (speech: the
// rules; all: the learned model with the rules' other statements). It reads the shared
// data, so it runs only when asked:
//
//	WHOSAID_EXPERIMENT=1 go test ./attribution -run Experiment -v
//
// WHOSAID_ATTRIBUTION_MODEL=FILE scores a model file instead of the
// embedded one.
func TestExperiment(t *testing.T) {
	if os.Getenv("WHOSAID_EXPERIMENT") == "" {
		t.Skip("set WHOSAID_EXPERIMENT=1 to run")
	}
	polnear, err := corpus.LoadPolNeAR("../../shared/data/polnear/polnear-dev.jsonl")
	if err != nil {
		t.Skipf("no PolNeAR dev: %v", err)
	}
	ggt, err := corpus.LoadGGT("../../shared/data/ggt-dev/ggt_dev.jsonl")
	if err != nil {
		t.Skipf("no GGT dev: %v", err)
	}
	m := experimentModel(t)
	systems := []struct {
		name string
		ex   eval.Extractor
	}{
		{"learned", func(a whosaid.Article) whosaid.Record { return learned(m, a) }},
		{"speech", pipeline.Extract},
		{"all", pipeline.ExtractAll},
	}
	for _, s := range systems {
		pn := eval.ScorePolNeAR(polnear, eval.PredictPolNeAR(polnear, s.ex)).Report(eval.DefaultBootstrap)
		gg := eval.ScoreGGT(ggt, eval.PredictGGT(ggt, s.ex)).Report(eval.DefaultBootstrap)
		t.Logf("%-14s PolNeAR %s", s.name, summary(pn, "source exact", "source @0.3", "cue exact", "cue @0.3", "content exact", "content @0.3", "end to end @0.3"))
		t.Logf("%-14s GGT     %s", s.name, summary(gg, "quote @0.3", "quote @0.8", "speaker", "end to end @0.3"))
		if os.Getenv("WHOSAID_EXPERIMENT") == "full" {
			var b strings.Builder
			pn.WriteText(&b)
			gg.WriteText(&b)
			t.Log(b.String())
		}
	}
}

func experimentModel(t *testing.T) *attribution.Model {
	t.Helper()
	if path := os.Getenv("WHOSAID_ATTRIBUTION_MODEL"); path != "" {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		m, err := attribution.Decode(f)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	m, err := attribution.Default()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// summary picks the F1 (or accuracy) of the named measures.
func summary(r eval.Report, measures ...string) string {
	var b strings.Builder
	for _, name := range measures {
		for _, f := range r.Figures {
			if f.Measure == name && (f.Stat == "F1" || f.Stat == "accuracy") {
				fmt.Fprintf(&b, "%s %.1f [%.1f, %.1f]  ", name, f.Value, f.Low, f.High)
			}
		}
	}
	return b.String()
}

func learned(m *attribution.Model, a whosaid.Article) whosaid.Record {
	var st []whosaid.Statement
	for _, at := range m.Predict(attribution.Analyze(a)) {
		st = append(st, at.Statement())
	}
	return whosaid.Record{ID: a.ID, Statements: st}
}
