package eval

import (
	"bytes"
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/corpus"
)

// person is a statement by a person of the given gender ("" when none).
func person(name, gender string) whosaid.Statement {
	s := statement(whosaid.Span{}, nil, nil, name)
	s.SpeakerKind, s.SpeakerGender = whosaid.Person, gender
	return s
}

func TestSourcesByGender(t *testing.T) {
	gold := corpus.GGTArticle{
		Article:        whosaid.Article{ID: "a1"},
		SourcesFemale:  []string{"Ana López", "Rita Vale"},
		SourcesMale:    []string{"Tom Pell", "Jon Reyes"},
		SourcesUnknown: []string{"Kim Sato"},
	}
	org := statement(whosaid.Span{}, nil, nil, "Harbour Transit")
	org.SpeakerKind = whosaid.Organization
	tests := []struct {
		name string
		pred []whosaid.Statement
		want map[int]tally
	}{
		{"perfect, names normalised as canonical speakers",
			[]whosaid.Statement{person("Mayor Ana Lopez", "female"), person("Rita Vale", "female"), person("Tom Pell", "male"),
				person("Jon Reyes", "male"), person("Kim Sato", "unknown"), person("Tom Pell", "male"), org},
			map[int]tally{ggtSourcesFemale: {TP: 2}, ggtSourcesMale: {TP: 2}, ggtSourcesAny: {TP: 5},
				ggtGenderPrecision: {Correct: 4, Total: 4}}},
		{"a wrong gender costs both sets and precision; an unknown one only recall",
			[]whosaid.Statement{person("Ana López", "male"), person("Rita Vale", "unknown"), person("Tom Pell", "male")},
			map[int]tally{ggtSourcesFemale: {FN: 2}, ggtSourcesMale: {TP: 1, FP: 1, FN: 1}, ggtSourcesAny: {TP: 3, FN: 2},
				ggtGenderPrecision: {Correct: 1, Total: 2}}},
		{"an unnamed speaker is in no set",
			[]whosaid.Statement{person("a Navy spokeswoman", "female"), person("Another player", "unknown"), person("Ana López", "female")},
			map[int]tally{ggtSourcesFemale: {TP: 1, FN: 1}, ggtSourcesAny: {TP: 1, FN: 4}}},
		{"a person given two genders is unknown; someone not quoted by the gold is a false positive",
			[]whosaid.Statement{person("Tom Pell", "male"), person("Tom Pell", "female"), person("Lee Dorn", "female")},
			map[int]tally{ggtSourcesFemale: {FP: 1, FN: 2}, ggtSourcesMale: {FN: 2}, ggtSourcesAny: {TP: 1, FP: 1, FN: 4},
				ggtGenderPrecision: {}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pred := map[string]whosaid.Record{"a1": {ID: "a1", Statements: tc.pred}}
			total := ScoreGGT([]corpus.GGTArticle{gold}, pred).total()
			for m, want := range tc.want {
				if total[m] != want {
					t.Errorf("%s = %+v, want %+v", ggtMeasures[m].name, total[m], want)
				}
			}
		})
	}
}

func TestPublishedBeside(t *testing.T) {
	gold := corpus.GGTArticle{Article: whosaid.Article{ID: "a1"}, SourcesFemale: []string{"Ana López"}}
	pred := map[string]whosaid.Record{"a1": {ID: "a1", Statements: []whosaid.Statement{person("Ana López", "female")}}}
	var b bytes.Buffer
	if err := ScoreGGT([]corpus.GGTArticle{gold}, pred).Report(Bootstrap{Draws: 10, Seed: 1}).WriteText(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"F1        100.0  [100.0, 100.0]  TP 1  FP 0  FN 0  (GGT published 76.8)", "(GGT published 87.8)", "gender precision   accuracy  100.0"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
}

func TestPeopleGender(t *testing.T) {
	gold := corpus.GGTArticle{Article: whosaid.Article{ID: "a1"}, PeopleFemale: []string{"Ana López"}, PeopleMale: []string{"Tom Pell", "Jon Reyes"}}
	rec := whosaid.Record{ID: "a1", Entities: []whosaid.Entity{
		{Name: "Ana Lopez", Kind: whosaid.Person, Gender: "female"},
		{Name: "Tom Pell", Kind: whosaid.Person, Gender: "female"},
		{Name: "Jon Reyes", Kind: whosaid.Person, Gender: "unknown"},
		{Name: "Rita Vale", Kind: whosaid.Person, Gender: "female"},
		{Name: "Harbour Transit", Kind: whosaid.Organization},
	}}
	got := ScoreGGT([]corpus.GGTArticle{gold}, map[string]whosaid.Record{"a1": rec}).total()[ggtPeopleGender]
	if want := (tally{Correct: 1, Total: 2}); got != want {
		t.Errorf("people gender = %+v, want %+v", got, want)
	}
}
