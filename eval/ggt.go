package eval

import (
	"slices"

	"github.com/whosaid/whosaid/corpus"

	"github.com/whosaid/whosaid"
)

// The GGT measures, in report order.
const (
	ggtQuote03 = iota
	ggtQuote08
	ggtSpeaker
	ggtVerb
	ggtCanonicalStrict
	ggtCanonicalLenient
	ggtEndToEnd
	ggtSourcesFemale
	ggtSourcesMale
	ggtSourcesAny
	ggtGenderPrecision
	ggtPeopleGender
)

var ggtMeasures = []measure{
	ggtQuote03:          {"quote @0.3", prfMeasure},
	ggtQuote08:          {"quote @0.8", prfMeasure},
	ggtSpeaker:          {"speaker", accuracyMeasure},
	ggtVerb:             {"verb", accuracyMeasure},
	ggtCanonicalStrict:  {"canonical strict", accuracyMeasure},
	ggtCanonicalLenient: {"canonical lenient", accuracyMeasure},
	ggtEndToEnd:         {"end to end @0.3", prfMeasure},
	// The article-level sets of quoted people (GGT's sourcesFemale and
	// sourcesMale), names compared as canonical speakers; the set with
	// gender ignored shows how much of the error is in finding them.
	ggtSourcesFemale:   {"sources female", prfMeasure},
	ggtSourcesMale:     {"sources male", prfMeasure},
	ggtSourcesAny:      {"sources any", prfMeasure},
	ggtGenderPrecision: {"gender precision", accuracyMeasure},
	// The genders of all the people the record lists (entities), quoted
	// or not, against the annotators' people lists.
	ggtPeopleGender: {"people gender", accuracyMeasure},
}

// ScoreGGT scores predictions against the GGT gold. Speaker, verb and
// canonical-name accuracy are over the pairs matched at θ = 0.3. An article
// without a prediction counts as one with no statements.
func ScoreGGT(gold []corpus.GGTArticle, pred map[string]whosaid.Record) *Scores {
	s := scoreArticles("ggt", ggtMeasures, gold, func(a corpus.GGTArticle) (whosaid.Article, string) { return a.Article, a.Outlet }, pred, scoreGGTArticle)
	s.published = Published
	return s
}

// scoreGGTArticle scores one article and judges each of its predictions:
// right when its quote matches at θ = 0.3 and its canonical speaker is
// right (strict), the end-to-end criterion.
func scoreGGTArticle(a corpus.GGTArticle, rec whosaid.Record) ([]tally, []Judgement, []ErrorItem) {
	doc := a.Text
	quotes := slices.Clone(a.Quotes)
	slices.SortStableFunc(quotes, func(x, y corpus.GGTQuote) int {
		return compareExtents(spanExtent(doc, x.Quote), spanExtent(doc, y.Quote))
	})
	gold := make([]extent, len(quotes))
	for i, q := range quotes {
		gold[i] = spanExtent(doc, q.Quote)
	}
	st := statements(rec)
	pred := make([]extent, len(st))
	for j, s := range st {
		pred[j] = spanExtent(doc, s.Content)
	}

	row := make([]tally, len(ggtMeasures))
	match := greedyMatch(gold, pred, 0.3)
	row[ggtQuote03] = matchTally(matchedPairs(match), len(gold), len(pred))
	row[ggtQuote08] = matchTally(matchedPairs(greedyMatch(gold, pred, 0.8)), len(gold), len(pred))

	var errs []ErrorItem
	endToEnd := 0
	right := make([]bool, len(st))
	for i, j := range match {
		q := quotes[i]
		g := ggtAttributed(q)
		if j < 0 {
			errs = append(errs, newErrorItem(doc, Missed, missedCause(q.Quote.Text, q.Verb != nil), q.Quote, &g, nil))
			continue
		}
		s := st[j]
		p := predAttributed(s)
		speakerOK := sameOrBothAbsent(spanExtentOf(doc, s.Speaker), spanExtentOf(doc, q.Speaker))
		verbOK := sameOrBothAbsent(spanExtentOf(doc, cueSpan(s.Cue)), spanExtentOf(doc, q.Verb))
		strict := sameName(p.Name, q.Reference)
		row[ggtSpeaker].add(hit(speakerOK))
		row[ggtVerb].add(hit(verbOK))
		row[ggtCanonicalStrict].add(hit(strict))
		row[ggtCanonicalLenient].add(hit(similarName(p.Name, q.Reference)))
		if strict {
			endToEnd++
			right[j] = true
		}
		if !speakerOK {
			errs = append(errs, newErrorItem(doc, WrongSpeaker, ruleCause(s), q.Quote, &g, &p))
		}
		if !strict {
			errs = append(errs, newErrorItem(doc, WrongName, nameCause(s), q.Quote, &g, &p))
		}
	}
	row[ggtEndToEnd] = matchTally(endToEnd, len(gold), len(pred))
	people, goldSources := predictedPeople(st), goldPeople(a)
	row[ggtSourcesFemale] = setTally(people, goldSources, "female")
	row[ggtSourcesMale] = setTally(people, goldSources, "male")
	row[ggtSourcesAny] = setTally(people, goldSources, "")
	row[ggtGenderPrecision] = genderTally(people, goldSources)
	row[ggtPeopleGender] = genderTally(entityPeople(rec.Entities), goldMentioned(a))
	errs = append(errs, spurious(doc, st, match)...)
	return row, judgements(st, right), errs
}

func ggtAttributed(q corpus.GGTQuote) Attributed {
	return Attributed{Speaker: spanText(q.Speaker), Cue: spanText(q.Verb), Name: q.Reference}
}

func spanText(s *whosaid.Span) string {
	if s == nil {
		return ""
	}
	return s.Text
}
