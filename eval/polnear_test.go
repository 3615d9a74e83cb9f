package eval

import (
	"testing"

	"github.com/whosaid/whosaid/corpus"

	"github.com/whosaid/whosaid"
)

// A made-up article: a discontinuous content, a pronoun source, and an
// attribution without a source.
const polnearDoc = "Officials said the plan, which cost millions, was dead.\n" +
	"He denies it  . The plan was fine, it was reported."

func region(t testing.TB, frags ...whosaid.Span) *corpus.Region {
	t.Helper()
	return &corpus.Region{Fragments: frags}
}

func polnearGold(t testing.TB) corpus.PolNeARArticle {
	d := polnearDoc
	return corpus.PolNeARArticle{
		Article: whosaid.Article{ID: "p1", Text: d},
		Attributions: []corpus.Attribution{
			{ID: "E1", Source: region(t, find(t, d, "Officials", 0)), Cue: region(t, find(t, d, "said", 0)),
				Content: region(t, find(t, d, "was dead", 0), find(t, d, "the plan,", 0))},
			{ID: "E2", Source: region(t, find(t, d, "He", 0)), Cue: region(t, find(t, d, "denies", 0)),
				Content: region(t, find(t, d, "it  ", 0))}, // trailing spaces in the annotation
			{ID: "E3", Cue: region(t, find(t, d, "was reported", 0)), Content: region(t, find(t, d, "The plan was fine", 0))},
		},
	}
}

func TestScorePolNeAR(t *testing.T) {
	d := polnearDoc
	officials, said := ptr(find(t, d, "Officials", 0)), ptr(find(t, d, "said", 0))
	he, denies := ptr(find(t, d, "He", 0)), ptr(find(t, d, "denies", 0))
	reported := ptr(find(t, d, "was reported", 0))
	plan := find(t, d, "the plan, which cost millions, was dead", 0)
	it := find(t, d, "it", 0)
	fine := find(t, d, "The plan was fine", 0)
	perfect := []whosaid.Statement{
		statement(plan, officials, said, ""),
		statement(it, he, denies, ""),
		statement(fine, nil, reported, ""),
	}
	const (
		sourceExact  = sourceRole*measuresPerRole + polnearExact
		cueExact     = cueRole*measuresPerRole + polnearExact
		contentExact = contentRole*measuresPerRole + polnearExact
		content03    = contentRole*measuresPerRole + polnearOverlap03
		content08    = contentRole*measuresPerRole + polnearOverlap08
	)
	tests := []struct {
		name string
		pred []whosaid.Statement
		want map[int]tally
	}{
		{
			name: "exact trims white space and compares fragments by extent; overlap does not trim",
			pred: perfect,
			want: map[int]tally{
				sourceExact: {TP: 2}, cueExact: {TP: 3}, contentExact: {TP: 3},
				// "it" covers only half of the gold "it  "
				content03: {TP: 3}, content08: {TP: 2, FP: 1, FN: 1}, polnearEndToEnd: {TP: 3},
			},
		},
		{
			name: "prediction with surrounding white space is still exact",
			pred: []whosaid.Statement{perfect[0], statement(find(t, d, " it  ", 0), he, denies, ""), perfect[2]},
			want: map[int]tally{contentExact: {TP: 3}, polnearEndToEnd: {TP: 3}},
		},
		{
			name: "one fragment of a discontinuous content",
			pred: []whosaid.Statement{statement(find(t, d, "the plan,", 0), officials, said, ""), perfect[1], perfect[2]},
			// "the plan," is 9 of the 17 gold bytes: over 0.3, under 0.8
			want: map[int]tally{contentExact: {TP: 2, FP: 1, FN: 1}, content03: {TP: 3}, content08: {TP: 1, FP: 2, FN: 2}},
		},
		{
			name: "a speaker where gold has no source is wrong end to end",
			pred: []whosaid.Statement{perfect[0], perfect[1], statement(fine, he, reported, "")},
			want: map[int]tally{sourceExact: {TP: 2}, polnearEndToEnd: {TP: 2, FP: 1, FN: 1}},
		},
		{
			name: "a missing speaker is wrong end to end and missing as a source",
			pred: []whosaid.Statement{statement(plan, nil, said, ""), perfect[1], perfect[2]},
			want: map[int]tally{sourceExact: {TP: 1, FN: 1}, polnearEndToEnd: {TP: 2, FP: 1, FN: 1}},
		},
		{
			name: "two statements sharing a speaker and cue give one source and one cue",
			pred: append([]whosaid.Statement{statement(find(t, d, "cost millions", 0), officials, said, "")}, perfect...),
			want: map[int]tally{sourceExact: {TP: 2}, cueExact: {TP: 3}, content03: {TP: 3, FP: 1}, polnearEndToEnd: {TP: 3, FP: 1}},
		},
		{
			name: "no record",
			want: map[int]tally{sourceExact: {FN: 2}, cueExact: {FN: 3}, contentExact: {FN: 3}, polnearEndToEnd: {FN: 3}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pred := map[string]whosaid.Record{}
			if tc.pred != nil {
				pred["p1"] = whosaid.Record{ID: "p1", Statements: tc.pred}
			}
			total := ScorePolNeAR([]corpus.PolNeARArticle{polnearGold(t)}, pred).total()
			for m, want := range tc.want {
				if total[m] != want {
					t.Errorf("%s = %+v, want %+v", polnearMeasures[m].name, total[m], want)
				}
			}
		})
	}
}

func TestPolNeARContent2(t *testing.T) {
	d := polnearDoc
	a := polnearGold(t)
	a.Attributions = a.Attributions[:1]
	a.Attributions[0].Content2 = region(t, find(t, d, "He denies it", 0))
	pred := polnearAsPredictions([]corpus.PolNeARArticle{a})
	if n := len(pred["p1"].Statements); n != 2 {
		t.Fatalf("gold as predictions has %d statements, want 2", n)
	}
	total := ScorePolNeAR([]corpus.PolNeARArticle{a}, pred).total()
	for m, want := range map[int]tally{
		sourceRole * measuresPerRole:  {TP: 1},
		contentRole * measuresPerRole: {TP: 2},
		polnearEndToEnd:               {TP: 2},
	} {
		if total[m] != want {
			t.Errorf("%s = %+v, want %+v", polnearMeasures[m].name, total[m], want)
		}
	}
}
