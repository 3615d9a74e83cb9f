package syntax

import (
	"math"
	"slices"
	"testing"
)

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

// TestDecodingShortcutsKeepParses checks that the two shortcuts of decoding
// change no parse: buffer features scored once per buffer position give the
// scores of a full scoring, and a branch that stops where it meets the greedy
// parse and borrows the rest ends as the branch run to the end would.
func TestDecodingShortcutsKeepParses(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sentences := []string{
		"The mayor, who took office in March, said on Tuesday that the bridge would reopen next week.",
		"Officials had warned residents, shop owners and visitors that the river could flood the old town again.",
		"\"We are not going to wait,\" the coach told reporters after the game, adding that two players were injured.",
		"She bought apples and pears at the market and then walked home through the park with her brother.",
		"According to the report, prices rose by 3 percent in the first quarter, the fastest pace since 2019.",
		"I think you should call them first, because nobody there reads email on weekends.",
		"Neither the union nor the company would comment on the talks, which resumed late on Friday.",
		"The committee, however, rejected the plan: it was too expensive, too slow and too risky.",
	}
	joins := 0
	for _, sentence := range sentences {
		words := SplitWords(sentence)
		ws := &workspace{}
		m.tag(ws, words)
		m.parseInputs(ws, words)
		heads, labels := make([]int, len(words)), make([]int, len(words))
		st, ps := &ws.parseSt, m.parser
		ps.parse(st, ws.words, ws.tags, ws.coarse, ws.suf, ws.clu, ws.amb, heads, labels)
		greedy, sigs := slices.Clone(st.steps), slices.Clone(st.sigs)
		replay := func(steps []step) {
			st.reset(ws.words, ws.tags, ws.coarse, ws.suf, ws.clu, ws.amb)
			for _, s := range steps {
				st.apply(int(s.class))
			}
		}

		full := newScores(len(st.scores))
		for i, s := range greedy {
			if s.second < 0 { // forced moves are not scored
				continue
			}
			replay(greedy[:i])
			st.score(ps.w)
			ps.w.score(st.features(), full)
			for c, want := range full {
				if got := st.scores[c]; math.Abs(float64(got-want)) > 1e-3*max(1, math.Abs(float64(want))) {
					t.Fatalf("%q step %d class %d: cached score %v, full score %v", sentence, i, c, got, want)
				}
			}
		}

		for i, s := range greedy {
			if s.second < 0 {
				continue
			}
			replay(greedy[:i])
			st.apply(int(s.second))
			borrowed, join := ps.run(st, nil, sigs)
			replay(greedy[:i])
			st.apply(int(s.second))
			st.sigs = nil // a run without join records signatures
			whole, end := ps.run(st, nil, nil)
			if end != 2*len(words) {
				t.Fatalf("%q: a parse of %d words ended after %d transitions", sentence, len(words), end)
			}
			if join < end {
				joins++
			}
			got := append(slices.Clone(borrowed), greedy[join:]...)
			if len(got) != len(whole) {
				t.Fatalf("%q branch at %d: %d transitions with borrowing, %d without", sentence, i, len(got), len(whole))
			}
			for k := range got {
				if got[k].class != whole[k].class {
					t.Fatalf("%q branch at %d: transition %d is %d with borrowing, %d without", sentence, i, k, got[k].class, whole[k].class)
				}
			}
		}
	}
	if joins == 0 {
		t.Error("no branch met the greedy parse: borrowing was not exercised")
	}
}
