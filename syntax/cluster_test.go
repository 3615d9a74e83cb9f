package syntax

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestClusterKey(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"Apple", "apple", true},
		{"1999", "2024", true},
		{"3.5", "7.0", true},
		{"$12", "$40", true},
		{"ÉCOLE", "école", true},
		{"apple", "apples", false},
		{"12", "123", false},
		{"a", "", false},
	} {
		if got := clusterKey(tc.a) == clusterKey(tc.b); got != tc.same {
			t.Errorf("clusterKey(%q) == clusterKey(%q) is %v, want %v", tc.a, tc.b, got, tc.same)
		}
		// normWord is what the clustering sees; it must agree with clusterKey.
		if got := clusterKey(normWord(tc.a)) == clusterKey(tc.a); !got {
			t.Errorf("clusterKey(normWord(%q)) differs from clusterKey(%q)", tc.a, tc.a)
		}
	}
}

// TestExchangeSeparatesContexts clusters a toy corpus in which nouns and
// verbs occur in different contexts; the exchange algorithm must put each
// group in its own class, and do so identically on every run. (With exactly
// as many classes as groups it can stop in a local optimum that merges nouns
// and verbs, as moving one word at a time cannot split them; one spare class
// avoids that.)
func TestExchangeSeparatesContexts(t *testing.T) {
	nouns := []string{"cat", "dog", "bird", "fish"}
	verbs := []string{"runs", "sleeps", "sings", "eats"}
	var sents [][]string
	for i := range 40 {
		det := []string{"the", "a"}[i%2]
		sents = append(sents, []string{det, nouns[i%4], verbs[(i/4)%4], "."})
	}
	vocab := []string{".", "the", "a", "cat", "dog", "bird", "fish", "runs", "sleeps", "sings", "eats"}
	index := map[string]int32{}
	for i, w := range vocab {
		index[w] = int32(i)
	}
	boundary := int32(len(vocab))
	seq := []int32{boundary}
	for _, s := range sents {
		for _, w := range s {
			seq = append(seq, index[w])
		}
		seq = append(seq, boundary)
	}
	classes := exchange(seq, len(vocab)+1, 5)
	if again := exchange(seq, len(vocab)+1, 5); !slices.Equal(classes, again) {
		t.Fatalf("exchange is not deterministic: %v vs %v", classes, again)
	}
	for _, tc := range []struct {
		name  string
		group []string
	}{{"nouns", nouns}, {"verbs", verbs}, {"determiners", []string{"the", "a"}}} {
		c := classes[index[tc.group[0]]]
		for _, w := range tc.group[1:] {
			if classes[index[w]] != c {
				t.Errorf("%s split: %q in class %d, %q in class %d", tc.name, tc.group[0], c, w, classes[index[w]])
			}
		}
	}
	if classes[index["cat"]] == classes[index["runs"]] {
		t.Error("nouns and verbs share a class")
	}
}

func TestClustersLookup(t *testing.T) {
	sents := [][]string{{"The", "cat", "runs", "."}, {"the", "dog", "runs", "."}, {"The", "cat", "sleeps", "."}}
	c := trainClusters(sents)
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"The", "the", true},         // case-folded
		{"unseenword", "dog", true},  // both rarer than clusterMinCount: the rare item's class
		{"unseenword", "the", false}, // a frequent word has its own class here
	} {
		if got := c.lookup(tc.a) == c.lookup(tc.b); got != tc.same {
			t.Errorf("lookup(%q) == lookup(%q) is %v, want %v", tc.a, tc.b, got, tc.same)
		}
	}
	var none *clusters
	if got := none.lookup("cat"); got != (clusterFeatures{hashNone, hashNone, hashNone}) {
		t.Errorf("nil clusters give %v", got)
	}
}

// TestReadPolnearText reads a small file in the PolNeAR JSONL layout written
// here (no corpus text is part of the tests); duplicate article ids are read once.
func TestReadPolnearText(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.jsonl")
	lines := []string{
		`{"id": "a1", "annotator": "x", "text": "Title here\n\nThe minister said taxes would rise. Nobody agreed."}`,
		`{"id": "a1", "annotator": "y", "text": "Title here\n\nThe minister said taxes would rise. Nobody agreed."}`,
		`{"id": "a2", "annotator": "x", "text": "Short one."}`,
	}
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := ReadPolnearText(path)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"Title", "here"},
		{"The", "minister", "said", "taxes", "would", "rise", "."},
		{"Nobody", "agreed", "."},
		{"Short", "one", "."},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d sentences %q, want %d", len(got), got, len(want))
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("sentence %d: got %q, want %q", i, got[i], want[i])
		}
	}
	if _, err := ReadPolnearText(filepath.Join(t.TempDir(), "missing.jsonl")); err == nil {
		t.Error("no error for a missing file")
	}
}

// TestSuffixHashMatchesAffix checks the equivalence Model.Parse relies on
// when it takes the parser's suffix feature from the tagger's affixes.
func TestSuffixHashMatchesAffix(t *testing.T) {
	for _, w := range []string{"", "a", "ab", "abc", "Running", "ÉCOLE", "東京", "n't"} {
		var pre, suf [4]uint64
		affixHashes(w, &pre, &suf)
		if suf[2] != suffixHash(w) {
			t.Errorf("%q: affix suffix %x, suffixHash %x", w, suf[2], suffixHash(w))
		}
	}
}
