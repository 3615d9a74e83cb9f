// Package eval scores extracted statements against the human-annotated
// gold sets (GGT and PolNeAR) following ../shared/docs/evaluation.md, and
// reports every figure with a 95% bootstrap interval.
//
// The flow is: load the gold (corpus.LoadGGT, corpus.LoadPolNeAR), get
// predictions
// (ReadPredictions, or PredictGGT/PredictPolNeAR with an Extractor), score
// them (ScoreGGT, ScorePolNeAR), then turn the scores into a Report, which
// also carries a reliability table of the predictions' confidences
// (Calibration) and, when wanted, the errors counted by cause (CountCauses).
package eval

import (
	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/corpus"
)

// Extractor turns one article into its statement record.
type Extractor func(whosaid.Article) whosaid.Record

// PredictGGT runs ex over every gold article, keyed by article ID.
func PredictGGT(gold []corpus.GGTArticle, ex Extractor) map[string]whosaid.Record {
	articles := make([]whosaid.Article, len(gold))
	for i, g := range gold {
		articles[i] = g.Article
	}
	return predict(articles, ex)
}

// PredictPolNeAR runs ex over every gold article, keyed by article ID.
func PredictPolNeAR(gold []corpus.PolNeARArticle, ex Extractor) map[string]whosaid.Record {
	articles := make([]whosaid.Article, len(gold))
	for i, g := range gold {
		articles[i] = g.Article
	}
	return predict(articles, ex)
}

// predict keys records by the article's ID rather than the record's, so an
// extractor that forgets to copy the ID is still scored.
func predict(articles []whosaid.Article, ex Extractor) map[string]whosaid.Record {
	pred := make(map[string]whosaid.Record, len(articles))
	for _, a := range articles {
		pred[a.ID] = ex(a)
	}
	return pred
}
