package archive

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/syntax"
)

func TestNounPhrases(t *testing.T) {
	m, err := syntax.Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		content string
		want    []string
	}{
		{"The provincial government will spend three billion dollars on new public transit lines, and rising housing costs are probably the biggest worry along the coast.",
			[]string{"provincial government", "dollar", "public transit line", "rising housing cost", "worry", "coast"}},
		{"We will build more affordable homes for young families, and we will probably do it along the river.",
			[]string{"affordable home", "young family", "river"}},
		{"“I think the carbon tax is a mistake,” she said. “Three of them agree.”", []string{"carbon tax", "mistake"}},
		{"Our teachers deserve a fair contract, and the school board knows that.", []string{"teacher", "fair contract", "school board"}},
		// Generic nouns alone, names and numbers are no topics.
		{"It was a lot of things at the time, Maria Lopez said in 2019.", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := nounPhrases(m, tt.content); !slices.Equal(got, tt.want) {
			t.Errorf("nounPhrases(%q) = %q, want %q", tt.content, got, tt.want)
		}
	}
}

// TestSpeakerTopics checks that a speaker's topics are the noun phrases
// that set them apart: "the government", which every speaker of the
// fixture talks about, ranks below the speaker's own "carbon tax", and
// adverbs and numbers never appear.
func TestSpeakerTopics(t *testing.T) {
	a := openTemp(t)
	var arts []whosaid.Article
	given := map[string][]quoted{}
	add := func(id, speaker, content string) {
		arts = append(arts, whosaid.Article{ID: id, Text: content})
		given[id] = []quoted{{content, speaker, whosaid.Person, ""}}
	}
	for i := range 3 {
		add(fmt.Sprint("v", i), "Nora Vale", fmt.Sprintf("The government has probably raised the carbon tax %d times, and the government knows it.", i+2))
	}
	add("v3", "Nora Vale", "The ferry timetable is along the lines we expected.")
	add("v4", "Nora Vale", "Three ferry timetables changed.")
	for i := range 6 {
		add(fmt.Sprint("o", i), fmt.Sprint("Other Speaker", string(rune('A'+i))), "The government must listen to rural voters.")
	}
	ingestGiven(t, a, given, arts...)
	list, err := a.Speakers(context.Background(), "Nora Vale", 1, 0)
	if err != nil || len(list) != 1 {
		t.Fatalf("speakers: %v, %v", list, err)
	}
	p, err := a.Speaker(context.Background(), list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, c := range p.Topics {
		labels = append(labels, fmt.Sprintf("%s ×%d", c.Label, c.N))
	}
	// tf × log(1 + N/df), N = 11 occurrences: carbon tax 3 × log(1 + 11/3),
	// ferry timetable 2 × log(1 + 11/2), line 1 × log(1 + 11), government
	// 3 × log(1 + 11/9); a phrase said once comes after those said more.
	if want := []string{"carbon tax ×3", "ferry timetable ×2", "government ×3", "line ×1"}; !slices.Equal(labels, want) {
		t.Errorf("topics %q, want %q", labels, want)
	}
	for _, l := range labels {
		if strings.Contains(l, "probably") || strings.Contains(l, "along") || strings.Contains(l, "three") {
			t.Errorf("topic %q is not a noun phrase", l)
		}
	}
}

// FuzzNounPhrases checks that any content gives lower-case phrases of at
// most maxPhraseWords words, each once.
func FuzzNounPhrases(f *testing.F) {
	for _, s := range []string{"The carbon tax is a mistake.", "“Rising housing costs,” she said", "", "a a a a a a", "Ünïcode café prices rose."} {
		f.Add(s)
	}
	m, err := syntax.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, content string) {
		seen := map[string]bool{}
		for _, p := range nounPhrases(m, content) {
			if p == "" || p != strings.ToLower(p) || len(strings.Fields(p)) > maxPhraseWords || seen[p] {
				t.Fatalf("nounPhrases(%q): bad phrase %q", content, p)
			}
			seen[p] = true
		}
	})
}

// BenchmarkNounPhrases measures the parse of a statement's content at
// ingest.
func BenchmarkNounPhrases(b *testing.B) {
	m, err := syntax.Default()
	if err != nil {
		b.Fatal(err)
	}
	content := "“The provincial government will spend three billion dollars on new public transit lines, and rising housing costs are probably the biggest worry along the coast,” she said."
	for b.Loop() {
		nounPhrases(m, content)
	}
}

// TestNounPhrasesLongContent checks that a content that never ends a
// sentence is parsed in pieces, and its phrases still found.
func TestNounPhrasesLongContent(t *testing.T) {
	m, err := syntax.Default()
	if err != nil {
		t.Fatal(err)
	}
	got := nounPhrases(m, strings.Repeat("the ferry timetable and ", 400))
	if !slices.Equal(got, []string{"ferry timetable"}) {
		t.Errorf("long content: %q", got)
	}
}
