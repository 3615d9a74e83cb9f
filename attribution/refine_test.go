package attribution

import (
	"bytes"
	"slices"
	"testing"
)

func TestPhraseEdges(t *testing.T) {
	// "The mayor said that taxes rise ." with "said" the root, "mayor" its
	// subject, "rise" its complement and the full stop attached to it.
	ps := parse{
		rel:  []string{"det", "nsubj", "root", "mark", "nsubj", "ccomp", "punct"},
		head: []int{1, 2, -1, 5, 5, 2, 2},
	}
	first, last := phraseSpans(ps)
	opens, closes := phraseEdges(ps, first, last)
	wantOpens := []int{2, -1, -1, 5, 4, -1, 6}
	wantCloses := []int{0, 1, -1, 3, 4, 2, -1}
	if !slices.Equal(opens, wantOpens) {
		t.Errorf("opens = %v, want %v", opens, wantOpens)
	}
	if !slices.Equal(closes, wantCloses) {
		t.Errorf("closes = %v, want %v", closes, wantCloses)
	}
}

func TestSubtreeAt(t *testing.T) {
	// The parse of TestPhraseEdges: "The mayor said that taxes rise ."
	ps := parse{
		rel:  []string{"det", "nsubj", "root", "mark", "nsubj", "ccomp", "punct"},
		head: []int{1, 2, -1, 5, 5, 2, 2},
	}
	c := &docContext{rel: ps.rel, head: ps.head}
	c.subFirst, c.subLast = phraseSpans(ps)
	tests := []struct {
		name string
		i, e int
		want int
	}{
		{"the subject", 0, 1, 1},
		{"the complement with its mark", 3, 5, 5},
		{"the sentence, full stop aside", 0, 6, 2},
		{"the complement less its mark", 4, 5, -1},
		{"across the phrases", 1, 2, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := c.subtreeAt(tc.i, tc.e); got != tc.want {
				t.Errorf("subtreeAt(%d, %d) = %d, want %d", tc.i, tc.e, got, tc.want)
			}
		})
	}
}

func TestRestAfterCue(t *testing.T) {
	tx := analyze("Lee mocked the plan, saying it will fail.")
	tags := tagsOf(t, "s q c C - q c C C -")
	ctx := newDocContext(tx, nil)
	tests := []struct {
		name     string
		from, to int
		want     span
		ok       bool
	}{
		{"a cue then content", 4, 9, span{role: ContentRole, first: 6, last: 9}, true},
		{"no cue in between", 2, 4, span{}, false},
		{"a cue with nothing after it", 4, 6, span{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := ctx.restAfterCue(tc.from, tc.to, tags)
			if ok != tc.ok || got != tc.want {
				t.Errorf("restAfterCue(%d, %d) = %+v, %v; want %+v, %v", tc.from, tc.to, got, ok, tc.want, tc.ok)
			}
		})
	}
}

// hashOf is the hash featureHasher gives a feature.
func hashOf(tmpl string, vals ...string) uint32 {
	var f featureHasher
	f.add(tmpl, vals...)
	return f.out[0]
}

func TestRefineMovesStartPastThat(t *testing.T) {
	tx := analyze("The mayor said that the bridge will open in May.")
	ctx := newDocContext(tx, nil)
	tags := tagsOf(t, "s S q c C C C C C C -")
	ctx.countRoles(tags)
	s := edgeSpan{role: ContentRole, first: 3, last: 10, cueFirst: 2, cueLast: 3}
	tests := []struct {
		name      string
		r         refiner
		wantFirst int
	}{
		{"no weights keep the tagger's edges", refiner{w: map[uint32]float32{}}, 3},
		{"a start after that", refiner{w: map[uint32]float32{hashOf("Sw-1", "that"): 1}}, 4},
		{"the whole complement, as a pair, outweighs the start", refiner{w: map[uint32]float32{
			hashOf("Sw-1", "that"): 1, hashOf("Psub", ctx.subtreeRel(s, 3, 9)): 2,
		}}, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			first, last := tc.r.refine(ctx, s, tags)
			if first != tc.wantFirst || last != s.last {
				t.Errorf("refine = [%d, %d), want [%d, %d)", first, last, tc.wantFirst, s.last)
			}
		})
	}
}

func TestRefinerTrainerLearnsGold(t *testing.T) {
	// Two starts that differ in one feature, one end, and pairs whose
	// features differ with the start: one update makes the gold pair
	// win, and the average over the second, correct, step keeps it
	// ahead. With the gold end not among the candidates, the start is
	// learnt alone.
	pairs := [][]uint32{{5}, {6}}
	tests := []struct {
		name    string
		goldEnd int
	}{
		{"gold pair", 0},
		{"gold start only", -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ex := spanExample{
				starts: [][]uint32{{1, 2}, {1, 3}}, ends: [][]uint32{{4}},
				goldStart: 1, goldEnd: tc.goldEnd,
				valid: func(a, b int) bool { return true },
				pair:  func(a, b int) []uint32 { return pairs[a] },
			}
			tr := newRefinerTrainer()
			tr.learn(ex)
			tr.learn(ex)
			r := tr.averaged()
			gold := r.score(ex.starts[1]) + r.score(pairs[1])
			other := r.score(ex.starts[0]) + r.score(pairs[0])
			if gold <= other {
				t.Errorf("gold scores %v, other %v", gold, other)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	var buf bytes.Buffer
	m := tinyModel()
	m.refine = &refiner{w: map[uint32]float32{7: 0.5}}
	if err := m.Encode(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("whosaid attribution model v3\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// Any input either decodes or fails with an error; it must not
		// panic or exhaust memory.
		m, err := Decode(bytes.NewReader(data))
		if err == nil && m == nil {
			t.Fatal("nil model without an error")
		}
	})
}

func TestLean(t *testing.T) {
	tx := analyze("Lee said the bridge opens.")
	ctx := newDocContext(tx, nil)
	p := tx.Paragraphs[0]
	tests := []struct {
		name  string
		em    [][tagCount]float32
		i     int
		a, b  Tag
		scale float32 // the document's mean margin
		want  string
	}{
		{"before tagging", nil, 1, BeginContent, InContent, 8, "-"},
		{"before the paragraph", make([][tagCount]float32, len(tx.Tokens)), -1, BeginContent, InContent, 8, "|"},
		{"content ahead by 6", scores(len(tx.Tokens), 2, InContent, 7, Outside, 1), 2, BeginContent, InContent, 8, "+c"},
		{"ahead by 6 where margins are 8 times wider", scores(len(tx.Tokens), 2, InContent, 7, Outside, 1), 2, BeginContent, InContent, 64, "+a"},
		{"content behind by 1", scores(len(tx.Tokens), 2, BeginContent, 1, Outside, 2), 2, BeginContent, InContent, 8, "-b"},
		{"a tie", make([][tagCount]float32, len(tx.Tokens)), 2, BeginSource, InSource, 8, "+a"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx.setScores(tc.em, []float32{tc.scale})
			if got := ctx.lean(tc.i, tc.a, tc.b, p); got != tc.want {
				t.Errorf("lean = %q, want %q", got, tc.want)
			}
		})
	}
}

// scores returns n tokens' tag scores, zero but for token i's tag g
// (score v) and tag h (score w).
func scores(n, i int, g Tag, v float32, h Tag, w float32) [][tagCount]float32 {
	em := make([][tagCount]float32, n)
	em[i][g], em[i][h] = v, w
	return em
}
