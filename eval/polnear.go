package eval

import (
	"slices"
	"strings"

	"github.com/whosaid/whosaid/corpus"

	"github.com/whosaid/whosaid"
)

// The PolNeAR roles, each scored on its own as a set of spans.
const (
	sourceRole = iota
	cueRole
	contentRole
	roleCount
)

var roleNames = [roleCount]string{"source", "cue", "content"}

// PolNeAR measures: for each role, exact then overlap at 0.3 and 0.8;
// end to end last.
const (
	polnearExact = iota
	polnearOverlap03
	polnearOverlap08
	measuresPerRole
	polnearEndToEnd = roleCount * measuresPerRole
)

var polnearMeasures = func() []measure {
	var ms []measure
	for _, role := range roleNames {
		ms = append(ms,
			measure{role + " exact", prfMeasure},
			measure{role + " @0.3", prfMeasure},
			measure{role + " @0.8", prfMeasure})
	}
	return append(ms, measure{"end to end @0.3", prfMeasure})
}()

// polnearContent is one gold content span with its attribution's source,
// the unit of the end-to-end measure.
type polnearContent struct {
	content extent
	source  *extent
	at      corpus.Attribution
	text    string // the annotated content text
}

// ScorePolNeAR scores predictions against PolNeAR gold. A statement maps to
// content → content, cue → cue and speaker → source. The roles are sets:
// a span given twice (two statements sharing one speaker mention) counts
// once. An attribution's content2, a second content span, is one more
// content span with the same source and cue. An article without a
// prediction counts as one with no statements.
func ScorePolNeAR(gold []corpus.PolNeARArticle, pred map[string]whosaid.Record) *Scores {
	return scoreArticles("polnear", polnearMeasures, gold, func(a corpus.PolNeARArticle) (whosaid.Article, string) { return a.Article, a.Outlet }, pred, scorePolNeARArticle)
}

// scorePolNeARArticle scores one article and judges each of its
// predictions: right when its content matches at θ = 0.3 and its speaker
// overlaps the gold source (or both are absent), the end-to-end criterion.
func scorePolNeARArticle(a corpus.PolNeARArticle, rec whosaid.Record) ([]tally, []Judgement, []ErrorItem) {
	doc := a.Text
	var goldRoles, predRoles [roleCount][]extent
	var contents []polnearContent
	for _, at := range a.Attributions {
		var source *extent
		if at.Source != nil {
			e := regionExtent(doc, at.Source)
			source = &e
			goldRoles[sourceRole] = append(goldRoles[sourceRole], e)
		}
		if at.Cue != nil {
			goldRoles[cueRole] = append(goldRoles[cueRole], regionExtent(doc, at.Cue))
		}
		for _, c := range []*corpus.Region{at.Content, at.Content2} {
			if c != nil {
				e := regionExtent(doc, c)
				goldRoles[contentRole] = append(goldRoles[contentRole], e)
				contents = append(contents, polnearContent{content: e, source: source, at: at, text: fragmentsText(c)})
			}
		}
	}
	slices.SortStableFunc(contents, func(x, y polnearContent) int { return compareExtents(x.content, y.content) })

	st := statements(rec)
	for _, s := range st {
		predRoles[contentRole] = append(predRoles[contentRole], spanExtent(doc, s.Content))
		if s.Cue != nil {
			predRoles[cueRole] = append(predRoles[cueRole], spanExtent(doc, s.Cue.Span))
		}
		if s.Speaker != nil {
			predRoles[sourceRole] = append(predRoles[sourceRole], spanExtent(doc, *s.Speaker))
		}
	}

	row := make([]tally, len(polnearMeasures))
	for r := range roleCount {
		g, p := distinct(goldRoles[r]), distinct(predRoles[r])
		base := r * measuresPerRole
		row[base+polnearExact] = matchTally(exactMatches(g, p), len(g), len(p))
		row[base+polnearOverlap03] = matchTally(matchedPairs(greedyMatch(g, p, 0.3)), len(g), len(p))
		row[base+polnearOverlap08] = matchTally(matchedPairs(greedyMatch(g, p, 0.8)), len(g), len(p))
	}

	gold := make([]extent, len(contents))
	for i, c := range contents {
		gold[i] = c.content
	}
	match := greedyMatch(gold, predRoles[contentRole], 0.3)
	var errs []ErrorItem
	endToEnd := 0
	right := make([]bool, len(st))
	for i, j := range match {
		c := contents[i]
		g := Attributed{Speaker: regionText(c.at.Source), Cue: regionText(c.at.Cue)}
		span := whosaid.NewSpan(doc, c.content.lo, c.content.hi)
		if j < 0 {
			errs = append(errs, newErrorItem(doc, Missed, missedCause(c.text, c.at.Cue != nil), span, &g, nil))
			continue
		}
		if sameOrBothAbsent(spanExtentOf(doc, st[j].Speaker), c.source) {
			endToEnd++
			right[j] = true
			continue
		}
		p := predAttributed(st[j])
		errs = append(errs, newErrorItem(doc, WrongSpeaker, ruleCause(st[j]), span, &g, &p))
	}
	row[polnearEndToEnd] = matchTally(endToEnd, len(gold), len(st))
	errs = append(errs, spurious(doc, st, match)...)
	return row, judgements(st, right), errs
}

// fragmentsText is a region's fragments joined by one space, as the
// annotated text is.
func fragmentsText(r *corpus.Region) string {
	parts := make([]string, len(r.Fragments))
	for i, f := range r.Fragments {
		parts[i] = f.Text
	}
	return strings.Join(parts, " ")
}

func regionText(r *corpus.Region) string {
	if r == nil {
		return ""
	}
	return r.Text
}
