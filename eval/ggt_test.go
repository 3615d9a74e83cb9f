package eval

import (
	"testing"

	"github.com/whosaid/whosaid/corpus"

	"github.com/whosaid/whosaid"
)

// A made-up article: a direct quote with a titled, accented speaker, an
// indirect one, and a floating quote with neither speaker nor verb.
const ggtDoc = `"The ferry runs again in May," said Mayor Ana López on Monday. ` +
	`Critics said the fares were far too high. "It is a scandal." The vote is next week.`

func ggtGold(t testing.TB) corpus.GGTArticle {
	d := ggtDoc
	return corpus.GGTArticle{
		Article: whosaid.Article{ID: "a1", Text: d},
		Quotes: []corpus.GGTQuote{
			// Given out of order: scoring walks them in document order.
			{Quote: find(t, d, `the fares were far too high`, 0), Speaker: ptr(find(t, d, "Critics", 0)), Verb: ptr(find(t, d, "said", 1)), Reference: "critics"},
			{Quote: find(t, d, `"The ferry runs again in May,"`, 0), Speaker: ptr(find(t, d, "Ana López", 0)), Verb: ptr(find(t, d, "said", 0)), Reference: "Ana López"},
			{Quote: find(t, d, `"It is a scandal."`, 0), Reference: "Critics"},
		},
	}
}

func TestScoreGGT(t *testing.T) {
	d := ggtDoc
	gold := ggtGold(t)
	ferry := find(t, d, `"The ferry runs again in May,"`, 0)
	fares := find(t, d, `the fares were far too high`, 0)
	scandal := find(t, d, `"It is a scandal."`, 0)
	said0, said1 := ptr(find(t, d, "said", 0)), ptr(find(t, d, "said", 1))
	mayor := ptr(find(t, d, "Mayor Ana López", 0))
	critics := ptr(find(t, d, "Critics", 0))

	perfect := []whosaid.Statement{
		statement(ferry, mayor, said0, "Ana Lopez"),
		statement(fares, critics, said1, "Critics"),
		statement(scandal, nil, nil, "Critics"),
	}
	tests := []struct {
		name string
		pred []whosaid.Statement
		want map[int]tally // the measures to check
	}{
		{
			name: "perfect",
			pred: perfect,
			want: map[int]tally{
				ggtQuote03: {TP: 3}, ggtQuote08: {TP: 3}, ggtSpeaker: {Correct: 3, Total: 3},
				ggtVerb: {Correct: 3, Total: 3}, ggtCanonicalStrict: {Correct: 3, Total: 3},
				ggtCanonicalLenient: {Correct: 3, Total: 3}, ggtEndToEnd: {TP: 3},
			},
		},
		{
			name: "no record",
			want: map[int]tally{ggtQuote03: {FN: 3}, ggtSpeaker: {}, ggtEndToEnd: {FN: 3}},
		},
		{
			name: "floating quote given a speaker and a cue",
			pred: []whosaid.Statement{perfect[0], perfect[1], statement(scandal, critics, said1, "Critics")},
			want: map[int]tally{ggtSpeaker: {Correct: 2, Total: 3}, ggtVerb: {Correct: 2, Total: 3}, ggtEndToEnd: {TP: 3}},
		},
		{
			name: "missing speaker and cue where gold has them",
			pred: []whosaid.Statement{statement(ferry, nil, nil, "Ana López"), perfect[1], perfect[2]},
			want: map[int]tally{ggtSpeaker: {Correct: 2, Total: 3}, ggtVerb: {Correct: 2, Total: 3}},
		},
		{
			name: "speaker span overlapping by one word is right",
			pred: []whosaid.Statement{statement(ferry, ptr(find(t, d, "López on Monday", 0)), said0, "Ana López"), perfect[1], perfect[2]},
			want: map[int]tally{ggtSpeaker: {Correct: 3, Total: 3}},
		},
		{
			name: "surname only: lenient but not strict, so not end to end",
			pred: []whosaid.Statement{statement(ferry, mayor, said0, "López"), perfect[1], perfect[2]},
			want: map[int]tally{
				ggtCanonicalStrict: {Correct: 2, Total: 3}, ggtCanonicalLenient: {Correct: 3, Total: 3},
				ggtEndToEnd: {TP: 2, FP: 1, FN: 1},
			},
		},
		{
			name: "half a quote matches at 0.3 only",
			pred: []whosaid.Statement{statement(find(t, d, `"The ferry runs`, 0), mayor, said0, "Ana López"), perfect[1], perfect[2]},
			want: map[int]tally{ggtQuote03: {TP: 3}, ggtQuote08: {TP: 2, FP: 1, FN: 1}},
		},
		{
			name: "spurious statement",
			pred: append([]whosaid.Statement{statement(find(t, d, "The vote is next week.", 0), nil, nil, "")}, perfect...),
			want: map[int]tally{ggtQuote03: {TP: 3, FP: 1}, ggtEndToEnd: {TP: 3, FP: 1}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pred := map[string]whosaid.Record{}
			if tc.pred != nil {
				pred["a1"] = whosaid.Record{ID: "a1", Statements: tc.pred}
			}
			total := ScoreGGT([]corpus.GGTArticle{gold}, pred).total()
			for m, want := range tc.want {
				if total[m] != want {
					t.Errorf("%s = %+v, want %+v", ggtMeasures[m].name, total[m], want)
				}
			}
		})
	}
}

func TestGGTErrors(t *testing.T) {
	d := ggtDoc
	pred := map[string]whosaid.Record{"a1": {ID: "a1", Statements: []whosaid.Statement{
		statement(find(t, d, `"The ferry runs again in May,"`, 0), ptr(find(t, d, "Monday", 0)), nil, "Ana Perez"),
		statement(find(t, d, "The vote is next week.", 0), nil, nil, ""),
	}}}
	s := ScoreGGT([]corpus.GGTArticle{ggtGold(t)}, pred)
	if len(s.Errors) != 1 {
		t.Fatalf("got errors for %d articles, want 1", len(s.Errors))
	}
	var kinds []ErrorKind
	for _, it := range s.Errors[0].Items {
		kinds = append(kinds, it.Kind)
	}
	want := []ErrorKind{Missed, Missed, Spurious, WrongSpeaker, WrongName}
	if len(kinds) != len(want) {
		t.Fatalf("error kinds = %v, want %v", kinds, want)
	}
	for i := range want {
		if kinds[i] != want[i] {
			t.Fatalf("error kinds = %v, want %v", kinds, want)
		}
	}
	first := s.Errors[0].Items[0]
	if first.Gold == nil || first.Gold.Speaker != "Critics" || first.Context != `"The ferry runs again in May," said Mayor Ana López on Monday. Critics said ⟦the fares were far too high⟧. "It is a scandal." The vote is next week.` {
		t.Errorf("first missed item = %+v", first)
	}
}
