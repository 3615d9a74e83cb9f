package syntax

import (
	"math"
	"path/filepath"
	"slices"
	"strings"
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
	var texts [][]string
	for _, sentence := range sentences {
		texts = append(texts, SplitWords(sentence))
	}
	// More configurations, when the treebank is here: the first 150 dev sentences.
	if dev, err := ReadTreebank(filepath.Join(udDir, "en_ewt-ud-dev.conllu")); err == nil {
		for _, s := range dev[:150] {
			var words []string
			for _, w := range s.Words {
				words = append(words, w.Form)
			}
			texts = append(texts, words)
		}
	}
	joins := 0
	for _, words := range texts {
		sentence := strings.Join(words, " ")
		ws := &workspace{}
		m.tag(ws, words)
		m.parseInputs(ws, &ws.tagSt, ws.classes)
		heads, labels := make([]int, len(words)), make([]int, len(words))
		st, ps := &ws.parseSt, m.parser
		dec := ps.decoder()
		dec.parse(st, ws.words, ws.tags, ws.coarse, ws.suf, ws.clu, ws.amb, heads, labels)
		greedy := slices.Clone(st.steps)
		replay := func(steps []step) {
			st.reset(ws.words, ws.tags, ws.coarse, ws.suf, ws.clu, ws.amb)
			for _, s := range steps {
				st.apply(int(s.class))
			}
		}
		// The signatures of every greedy configuration (parse keeps only
		// those after its first branch point).
		sigs := make([]uint64, len(greedy)+1)
		for k := range sigs {
			replay(greedy[:k])
			sigs[k] = st.signature()
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
			borrowed, join := dec.run(st, nil, sigs)
			replay(greedy[:i])
			st.apply(int(s.second))
			whole, end := dec.run(st, nil, nil)
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

// TestValidity checks the validity snapshot against the transition system's
// rules, spelled out here per transition, for every class of every
// configuration of a three-word sentence.
func TestValidity(t *testing.T) {
	const rootLabel, nLabels = 1, 3
	want := func(st *parseState, class int) bool {
		act, label := actionOf(class)
		switch act {
		case actShift:
			return st.b <= st.n // words left to read
		case actLeft: // s0 <- b; only the last word goes to the root token, with the root label
			if len(st.stack) == 0 {
				return false
			}
			if st.b == st.n+1 {
				return len(st.stack) == 1 && label == rootLabel
			}
			return label != rootLabel
		}
		return len(st.stack) >= 2 && label != rootLabel // s1 -> s0
	}
	words := []uint64{1, 2, 3}
	var walk func(st *parseState, seq []int)
	checked := 0
	walk = func(st *parseState, seq []int) {
		v := st.validity(rootLabel)
		var next []int
		for c := range 1 + 2*nLabels {
			if got := v.ok(c); got != want(st, c) {
				t.Fatalf("after %v, class %d: valid %v, want %v", seq, c, got, !got)
			}
			checked++
			if want(st, c) && c <= 3 { // SHIFT, LEFT and RIGHT with label 0, LEFT with the root label: the walk stays small
				next = append(next, c)
			}
		}
		for _, c := range next {
			s := append(slices.Clone(seq), c)
			st.reset(words, words, words, words, make([]clusterFeatures, 3), words)
			for _, x := range s {
				st.apply(x)
			}
			walk(st, s)
		}
	}
	st := &parseState{}
	st.reset(words, words, words, words, make([]clusterFeatures, 3), words)
	walk(st, nil)
	if checked < 100 {
		t.Fatalf("only %d checks", checked)
	}
}

// TestSearchUpdateLearnsFromBranches checks the training step that compares
// the decoder's own candidate sequences: starting from a perceptron that
// knows nothing (every transition ties, so the greedy parse is a chain of
// SHIFTs and RIGHTs), the structured updates alone must make the branching
// decoder find the gold tree, and must leave the weights alone once it does.
func TestSearchUpdateLearnsFromBranches(t *testing.T) {
	const nLabels, rootLabel = 2, 1
	words := []uint64{11, 12, 13, 14}
	ex := &parseExample{words: words, tags: words, coarse: words, suf: words, clu: make([]clusterFeatures, len(words)), amb: words}
	// Gold: 1 <- 2, 2 <- 4, 3 <- 4 (all label 0), 4 is the root.
	gold := []int{2, 4, 4, 0}
	o := &oracle{heads: []int{0}, labels: []int{labelNone}}
	for _, h := range gold {
		l := 0
		if h == 0 {
			h, l = len(words)+1, rootLabel
		}
		o.heads = append(o.heads, h)
		o.labels = append(o.labels, l)
	}
	nClasses := 1 + 2*nLabels
	p := newPerceptron(nClasses)
	dec := decoder{w: p, rootLabel: rootLabel, nClasses: nClasses}
	st := &parseState{}
	parse := func() []int {
		heads, labels := make([]int, len(words)), make([]int, len(words))
		dec.parse(st, ex.words, ex.tags, ex.coarse, ex.suf, ex.clu, ex.amb, heads, labels)
		return heads
	}
	if slices.Equal(parse(), gold) {
		t.Fatal("the untrained decoder already finds the gold tree: the test shows nothing")
	}
	for range 20 {
		searchUpdate(p, dec, st, ex, o)
		if slices.Equal(parse(), gold) {
			break
		}
	}
	if got := parse(); !slices.Equal(got, gold) {
		t.Fatalf("after 20 updates the decoder parses %v, want %v", got, gold)
	}
	before := p.step
	searchUpdate(p, dec, st, ex, o)
	if p.step != before {
		t.Error("searchUpdate changed the weights although the decoder's choice was already the best candidate")
	}
}
