package eval

import (
	"cmp"
	"slices"

	"github.com/whosaid/whosaid"
)

// tally holds the counts behind one measure, for one article or summed.
type tally struct {
	TP, FP, FN     int // for precision/recall/F1 measures
	Correct, Total int // for accuracy measures
}

func (t *tally) add(u tally) {
	t.TP += u.TP
	t.FP += u.FP
	t.FN += u.FN
	t.Correct += u.Correct
	t.Total += u.Total
}

// matchTally counts a one-to-one matching of gold against nPred
// predictions given as the number of matched pairs.
func matchTally(tp, nGold, nPred int) tally {
	return tally{TP: tp, FP: nPred - tp, FN: nGold - tp}
}

func matchedPairs(match []int) int {
	n := 0
	for _, j := range match {
		if j >= 0 {
			n++
		}
	}
	return n
}

type measureKind int

const (
	prfMeasure      measureKind = iota // precision, recall and F1 from TP/FP/FN
	accuracyMeasure                    // Correct / Total
)

type measure struct {
	name string
	kind measureKind
}

// Scores holds what scoring a gold set found, before any bootstrap.
type Scores struct {
	Set      string          // "ggt" or "polnear"
	Errors   []ArticleErrors // the articles with at least one error
	Warnings []string        // problems with the predictions themselves

	measures []measure
	tallies  [][]tally     // [article][measure]
	judged   [][]Judgement // [article][prediction in document order]
	outlets  []string      // [article] its outlet, "" when the set names none
	// published are another system's figures to report beside these.
	published []Figure
}

// scoreArticles scores every gold article of a set with score, which
// tallies the measures of one article, judges its predictions and lists
// its errors; article gives a gold article's text and its outlet.
func scoreArticles[A any](set string, measures []measure, gold []A, article func(A) (whosaid.Article, string),
	pred map[string]whosaid.Record, score func(A, whosaid.Record) ([]tally, []Judgement, []ErrorItem)) *Scores {
	s := &Scores{Set: set, Errors: []ArticleErrors{}, measures: measures}
	articles := make([]whosaid.Article, len(gold))
	for i, g := range gold {
		var outlet string
		articles[i], outlet = article(g)
		row, judged, errs := score(g, pred[articles[i].ID])
		s.tallies = append(s.tallies, row)
		s.judged = append(s.judged, judged)
		s.outlets = append(s.outlets, outlet)
		s.addErrors(articles[i].ID, outlet, errs)
	}
	s.Warnings = predictionWarnings(articles, pred)
	return s
}

// total sums each measure over all articles.
func (s *Scores) total() []tally {
	sum := make([]tally, len(s.measures))
	for _, row := range s.tallies {
		for m := range sum {
			sum[m].add(row[m])
		}
	}
	return sum
}

// statements returns rec's statements in document order of their content,
// so that ties in matching go to the earlier one.
func statements(rec whosaid.Record) []whosaid.Statement {
	st := slices.Clone(rec.Statements)
	slices.SortStableFunc(st, func(a, b whosaid.Statement) int {
		return cmp.Or(cmp.Compare(a.Content.Start, b.Content.Start), cmp.Compare(a.Content.End, b.Content.End))
	})
	return st
}

// spanExtentOf is the extent of an optional span, nil when absent.
func spanExtentOf(doc string, s *whosaid.Span) *extent {
	if s == nil {
		return nil
	}
	e := spanExtent(doc, *s)
	return &e
}

// sameOrBothAbsent is the speaker and verb rule: the spans share a byte,
// or neither exists.
func sameOrBothAbsent(pred, gold *extent) bool {
	if pred == nil || gold == nil {
		return pred == nil && gold == nil
	}
	return pred.overlaps(*gold)
}

// predictionWarnings reports records that cannot line up with the gold:
// a missing record, a different text, or spans outside the text.
func predictionWarnings(articles []whosaid.Article, pred map[string]whosaid.Record) []string {
	var warn []string
	known := make(map[string]bool, len(articles))
	for _, a := range articles {
		known[a.ID] = true
		rec, ok := pred[a.ID]
		switch {
		case !ok:
			warn = append(warn, "no prediction for article "+a.ID)
		case rec.Text != "" && rec.Text != a.Text:
			warn = append(warn, "prediction for "+a.ID+" carries a different text; offsets may not line up")
		case outOfRange(rec.Statements, len(a.Text)):
			warn = append(warn, "prediction for "+a.ID+" has spans outside the text; they were clamped")
		}
		if ok && badConfidence(rec.Statements) {
			warn = append(warn, "prediction for "+a.ID+" has confidences outside [0, 1]; calibration clamps them")
		}
	}
	var unknown []string
	for id := range pred {
		if !known[id] {
			unknown = append(unknown, id)
		}
	}
	slices.Sort(unknown)
	for _, id := range unknown {
		warn = append(warn, "prediction "+id+" matches no gold article")
	}
	return warn
}

func outOfRange(st []whosaid.Statement, n int) bool {
	bad := func(s whosaid.Span) bool { return s.Start < 0 || s.Start > s.End || s.End > n }
	for _, s := range st {
		if bad(s.Content) || (s.Cue != nil && bad(s.Cue.Span)) || (s.Speaker != nil && bad(*s.Speaker)) {
			return true
		}
	}
	return false
}

func badConfidence(st []whosaid.Statement) bool {
	for _, s := range st {
		if !(s.Confidence >= 0 && s.Confidence <= 1) { // NaN too
			return true
		}
	}
	return false
}

// hit is one accuracy trial.
func hit(ok bool) tally {
	if ok {
		return tally{Correct: 1, Total: 1}
	}
	return tally{Total: 1}
}

// cueSpan is the span of an optional cue.
func cueSpan(c *whosaid.Cue) *whosaid.Span {
	if c == nil {
		return nil
	}
	return &c.Span
}
