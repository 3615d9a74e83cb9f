package syntax

import "testing"

// TestBestTwoValid checks the choice of the greedy transition and of the
// branching alternative: invalid classes are skipped, ties keep the first.
func TestBestTwoValid(t *testing.T) {
	st := &parseState{}
	st.reset([]uint64{1, 2, 3}, []uint64{1, 2, 3}, []uint64{1, 2, 3}, []uint64{1, 2, 3}, make([]clusterFeatures, 3), []uint64{1, 2, 3})
	st.apply(0) // shift: stack [1], buffer front 2; RIGHT (even classes > 0) is invalid
	const rootLabel = 0
	for _, tc := range []struct {
		name         string
		scores       []float32
		best, second int
	}{
		{"shift best", []float32{3, 1, 9, 2, 0}, 0, 3},            // class 2 (RIGHT) is invalid, class 1 is LEFT with the root label
		{"left best", []float32{1, 0, 9, 4, 0}, 3, 0},             // LEFT label 1
		{"ties keep the first", []float32{2, 0, 0, 2, 0}, 0, 3},   // equal scores: first wins
		{"only shift and left", []float32{-1, 0, 0, -2, 0}, 0, 3}, // negative scores still rank
	} {
		best, second := st.bestTwoValid(tc.scores, rootLabel)
		if best != tc.best || second != tc.second {
			t.Errorf("%s: got %d, %d, want %d, %d", tc.name, best, second, tc.best, tc.second)
		}
		if want := st.bestValid(tc.scores, rootLabel); best != want {
			t.Errorf("%s: best %d differs from bestValid %d", tc.name, best, want)
		}
	}
	for _, tc := range []struct {
		a, b int
		want bool
	}{{0, 1, true}, {1, 3, false}, {2, 4, false}, {1, 2, true}, {0, 0, false}} {
		if got := structural(tc.a, tc.b); got != tc.want {
			t.Errorf("structural(%d, %d) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
