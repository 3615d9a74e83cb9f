package circumstance_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/circumstance"
	"github.com/whosaid/whosaid/corpus"
	"github.com/whosaid/whosaid/document"
	"github.com/whosaid/whosaid/mention"
	"github.com/whosaid/whosaid/statement"
	"github.com/whosaid/whosaid/syntax"
	"github.com/whosaid/whosaid/text"
)

// analysed is one article through the stages before this one.
type analysed struct {
	t         *text.Text
	syn       *syntax.Sentences
	ms        *mention.Set
	published time.Time
	sts       []whosaid.Statement
}

// BenchmarkAttach runs the stage alone over PolNeAR dev (which has
// publication dates, so relative dates resolve), the earlier stages run
// once beforehand; the sentences they tagged stay tagged, as in the
// pipeline.
func BenchmarkAttach(b *testing.B) {
	arts, err := corpus.LoadPolNeAR(filepath.Join("..", "..", "shared", "data", "polnear", "polnear-dev.jsonl"))
	if err != nil {
		b.Skipf("PolNeAR dev: %v", err)
	}
	m, err := syntax.Default()
	if err != nil {
		b.Fatal(err)
	}
	var in []analysed
	size := 0
	for _, a := range arts {
		doc := document.Analyze(a.Text, a.Title)
		t := text.Analyze(a.Text, doc.Blocks(false))
		syn := syntax.NewSentences(t, m)
		ms := mention.Find(t)
		sts := statement.Extract(t, syn, ms, nil, statement.Speech)
		in = append(in, analysed{t, syn, ms, a.Published, sts})
		size += len(a.Text)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, a := range in {
			circumstance.Attach(a.t, a.syn, a.ms, a.published, a.sts)
		}
	}
	b.ReportMetric(float64(b.N*len(in))/b.Elapsed().Seconds(), "articles/s")
}
