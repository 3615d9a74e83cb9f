package eval

import (
	"slices"
	"strings"
	"testing"
)

// filler is a text long enough for offset-only tests.
var filler = strings.Repeat("x", 100)

func ext(ranges ...interval) extent { return newExtent(filler, ranges) }

func TestGreedyMatch(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred []extent
		theta      float64
		want       []int
	}{
		{
			name:  "earlier gold takes its best prediction first",
			gold:  []extent{ext(interval{0, 10}), ext(interval{5, 15})},
			pred:  []extent{ext(interval{0, 15}), ext(interval{5, 12})},
			theta: 0.3,
			want:  []int{0, 1}, // g2 gets p2 at cov 0.7, though p1 would cover it fully
		},
		{
			name:  "the same at 0.8 leaves the second gold unmatched",
			gold:  []extent{ext(interval{0, 10}), ext(interval{5, 15})},
			pred:  []extent{ext(interval{0, 15}), ext(interval{5, 12})},
			theta: 0.8,
			want:  []int{0, -1},
		},
		{
			name:  "coverage equal to theta does not match",
			gold:  []extent{ext(interval{0, 10})},
			pred:  []extent{ext(interval{0, 3})},
			theta: 0.3,
			want:  []int{-1},
		},
		{
			name:  "coverage just above theta matches",
			gold:  []extent{ext(interval{0, 10})},
			pred:  []extent{ext(interval{0, 4})},
			theta: 0.3,
			want:  []int{0},
		},
		{
			name:  "coverage 0.8 exactly fails at 0.8",
			gold:  []extent{ext(interval{0, 10})},
			pred:  []extent{ext(interval{2, 10})},
			theta: 0.8,
			want:  []int{-1},
		},
		{
			name:  "ties go to the earlier prediction",
			gold:  []extent{ext(interval{10, 20})},
			pred:  []extent{ext(interval{0, 20}), ext(interval{10, 30})},
			theta: 0.3,
			want:  []int{0},
		},
		{
			name:  "one prediction serves one gold only",
			gold:  []extent{ext(interval{0, 10}), ext(interval{0, 10})},
			pred:  []extent{ext(interval{0, 10})},
			theta: 0.3,
			want:  []int{0, -1},
		},
		{
			name:  "coverage is over the gold, so a huge prediction matches",
			gold:  []extent{ext(interval{40, 45})},
			pred:  []extent{ext(interval{0, 100})},
			theta: 0.8,
			want:  []int{0},
		},
		{
			name:  "fragments: coverage uses their union",
			gold:  []extent{ext(interval{0, 5}, interval{10, 15})},
			pred:  []extent{ext(interval{3, 12})}, // covers 2 + 2 of 10 bytes
			theta: 0.3,
			want:  []int{0},
		},
		{
			name:  "fragments: a prediction over the gap only is no match",
			gold:  []extent{ext(interval{0, 5}, interval{10, 15})},
			pred:  []extent{ext(interval{5, 10})},
			theta: 0.3,
			want:  []int{-1},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := greedyMatch(tc.gold, tc.pred, tc.theta); !slices.Equal(got, tc.want) {
				t.Errorf("greedyMatch = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestExtent(t *testing.T) {
	doc := "  hello,\nworld \n and more"
	tests := []struct {
		name   string
		ranges []interval
		lo, hi int
		size   int
	}{
		{"white space trimmed at both ends", []interval{{0, 16}}, 2, 14, 16},
		{"fragments give the overall extent", []interval{{2, 7}, {9, 14}}, 2, 14, 10},
		{"unordered fragments are sorted", []interval{{9, 14}, {2, 7}}, 2, 14, 10},
		{"overlapping fragments merge", []interval{{2, 9}, {5, 14}}, 2, 14, 12},
		{"offsets past the text are clamped", []interval{{20, 99}}, 21, len(doc), len(doc) - 20},
		{"empty span", []interval{{3, 3}}, 0, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := newExtent(doc, tc.ranges)
			if e.lo != tc.lo || e.hi != tc.hi || e.size != tc.size {
				t.Errorf("extent = [%d,%d) size %d, want [%d,%d) size %d", e.lo, e.hi, e.size, tc.lo, tc.hi, tc.size)
			}
		})
	}
}

func TestExactMatches(t *testing.T) {
	doc := " alpha beta\tgamma "
	gold := []extent{
		newExtent(doc, []interval{{0, 6}}),            // " alpha"
		newExtent(doc, []interval{{7, 11}, {12, 17}}), // "beta" + "gamma", one span
	}
	pred := []extent{
		newExtent(doc, []interval{{1, 7}}),   // "alpha ": same once trimmed
		newExtent(doc, []interval{{6, 18}}),  // " beta\tgamma ": same extent as the fragments
		newExtent(doc, []interval{{1, 6}}),   // a second "alpha": only one gold to take
		newExtent(doc, []interval{{7, 11}}),  // "beta" alone is not exact
		newExtent(doc, []interval{{12, 17}}), // nor is "gamma"
	}
	if got := exactMatches(gold, pred); got != 2 {
		t.Errorf("exactMatches = %d, want 2", got)
	}
}

func TestDistinct(t *testing.T) {
	got := distinct([]extent{ext(interval{5, 9}), ext(interval{0, 3}), ext(interval{5, 9})})
	if len(got) != 2 || got[0].lo != 0 || got[1].lo != 5 {
		t.Errorf("distinct = %+v, want [0,3) then [5,9)", got)
	}
}
