package syntax

import (
	"maps"
	"testing"
)

// TestLemmaTable checks the table against a map, including a key whose hash
// another key already has (made by pointing that hash at the other's entry).
func TestLemmaTable(t *testing.T) {
	var tab lemmaTable
	want := map[lemmaKey]uint32{}
	add := func(a, b string, r uint32) {
		tab.add(a, b, r)
		want[lemmaKey{a, b}] = r
	}
	add("walked", "VBD", 3)
	add("walk", "VBDX", 4) // the same bytes in a row, split elsewhere
	add("", "NN", 5)
	add("NN", "", 6)
	add("walked", "VBD", 7)                                                    // a key set again keeps the last rule
	tab.index[lemmaHash("ran", "VBD")] = tab.index[lemmaHash("walked", "VBD")] // a clash
	add("ran", "VBD", 8)
	add("ran", "VBD", 9)
	if len(tab.clash) != 1 {
		t.Fatalf("%d keys in clash, want 1", len(tab.clash))
	}
	for _, k := range []lemmaKey{{"walked", "VBD"}, {"walk", "VBDX"}, {"", "NN"}, {"NN", ""}, {"ran", "VBD"}, {"walke", "dVBD"}, {"run", "VB"}, {"", ""}} {
		r, ok := tab.get(k.a, k.b)
		wr, wok := want[k]
		if r != wr || ok != wok {
			t.Errorf("get(%q, %q) = %d, %v; want %d, %v", k.a, k.b, r, ok, wr, wok)
		}
	}
	got := map[lemmaKey]uint32{}
	tab.all(func(k lemmaKey, r uint32) { got[k] = r })
	if !maps.Equal(got, want) || tab.size() != len(want) {
		t.Errorf("all gives %v (size %d), want %v", got, tab.size(), want)
	}
}
