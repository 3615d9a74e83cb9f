package syntax

import (
	"cmp"
	"log/slog"
	"math/rand/v2"
	"slices"
	"sync"
)

// The parser is arc-hybrid (Kuhlmann et al. 2011) with the root token at the
// end of the buffer (Ballesteros & Nivre 2013), which guarantees exactly one
// root. It is trained with the dynamic oracle of Goldberg & Nivre (2013) and
// scored by an averaged perceptron over Zhang & Nivre (2011) style features.
//
// Positions 1..n are words, n+1 is the root token, 0 means "no token".
// Classes: 0 = SHIFT, 1+2l = LEFT with label l, 2+2l = RIGHT with label l.

type parser struct {
	labels    []string
	rootLabel int
	w         *weights
}

// scorer adds the weights of features into per-class scores: the trained
// weights at run time, the perceptron being trained while training learns
// from the decoder's own search.
type scorer interface {
	score(feats []uint64, scores []float32)
}

// decoder is the search over transitions with a given scorer.
type decoder struct {
	w         scorer
	rootLabel int
	nClasses  int
}

func (ps *parser) decoder() decoder {
	return decoder{w: ps.w, rootLabel: ps.rootLabel, nClasses: 1 + 2*len(ps.labels)}
}

const (
	actShift = iota
	actLeft
	actRight
)

func actionOf(class int) (act, label int) {
	if class == 0 {
		return actShift, 0
	}
	return 2 - class%2, (class - 1) / 2
}

// parseState is one configuration plus the reusable buffers of a parse.
type parseState struct {
	n      int
	word   []uint64          // lowercase form hash per position
	tag    []uint64          // tag hash per position (joint UPOS+XPOS)
	coarse []uint64          // UPOS hash per position, which generalises across XPOS
	suf    []uint64          // lowercase 3-byte suffix hash per position
	clu    []clusterFeatures // word clusters per position
	amb    []uint64          // the tagger's ambiguity class (set of tags seen with the word)
	stack  []int
	b      int // front of the buffer
	heads  []int
	labels []int
	// Children kept for features: leftmost/second leftmost, rightmost/second rightmost.
	lc1, lc2, rc1, rc2 []int
	nLeft, nRight      []int
	leftSet, rightSet  []uint64 // bit sets of dependents' labels
	feats              []uint64
	scores             []float32
	// Selectional branching: the greedy steps, the branch points, the
	// current branch's and the best branch's steps after the branch point.
	steps, alt, bestAlt []step
	branches            []int32
	sigs                []uint64 // greedy configurations' signatures, by transitions made
	// Scores of the buffer features per buffer position (256 floats each,
	// for weights.score), shared by the greedy parse and its branches.
	bufScores []float32
	bufDone   []bool
	groups    groupCache // scores of the feature groups, for the whole sentence (see score)
	suffix    []float32  // greedy steps' scores from each step to the end
	// With record set, parse keeps every sequence it scored in candidates
	// (the greedy one first), for training on the search's own choices.
	record     bool
	candidates []candidate
}

// candidate is one complete transition sequence of a parse and its total score.
type candidate struct {
	classes []int16
	total   float32
}

// Hashes for the root token and for missing positions.
const (
	hashRootWord = 0x524f4f54 // "ROOT"
	hashNone     = 0x4e4f4e45 // "NONE"
	labelNone    = 0xffff
)

func (st *parseState) reset(words, tags, coarse, suf []uint64, clu []clusterFeatures, amb []uint64) {
	n := len(words)
	st.n = n
	size := n + 2
	grow := func(s []int) []int {
		s = slices.Grow(s[:0], size)[:size]
		clear(s)
		return s
	}
	growU := func(s []uint64) []uint64 {
		s = slices.Grow(s[:0], size)[:size]
		clear(s)
		return s
	}
	st.word, st.tag, st.coarse, st.suf, st.amb = growU(st.word), growU(st.tag), growU(st.coarse), growU(st.suf), growU(st.amb)
	st.word[0], st.tag[0], st.coarse[0], st.suf[0], st.amb[0] = hashNone, hashNone, hashNone, hashNone, hashNone
	copy(st.amb[1:], amb)
	st.amb[n+1] = hashRootWord
	copy(st.word[1:], words)
	copy(st.tag[1:], tags)
	copy(st.coarse[1:], coarse)
	copy(st.suf[1:], suf)
	st.word[n+1], st.tag[n+1], st.coarse[n+1], st.suf[n+1] = hashRootWord, hashRootWord, hashRootWord, hashRootWord
	st.clu = slices.Grow(st.clu[:0], size)[:size]
	st.clu[0] = clusterFeatures{hashNone, hashNone, hashNone}
	copy(st.clu[1:], clu)
	st.clu[n+1] = clusterFeatures{hashRootWord, hashRootWord, hashRootWord}
	st.heads, st.labels = grow(st.heads), grow(st.labels)
	for i := range st.heads {
		st.heads[i] = -1
		st.labels[i] = labelNone
	}
	st.labels[0] = labelNone
	st.lc1, st.lc2, st.rc1, st.rc2 = grow(st.lc1), grow(st.lc2), grow(st.rc1), grow(st.rc2)
	st.nLeft, st.nRight = grow(st.nLeft), grow(st.nRight)
	st.leftSet, st.rightSet = growU(st.leftSet), growU(st.rightSet)
	st.stack = st.stack[:0]
	st.b = 1
}

func (st *parseState) terminal() bool { return st.b == st.n+1 && len(st.stack) == 0 }

func (st *parseState) s(i int) int {
	if i < len(st.stack) {
		return st.stack[len(st.stack)-1-i]
	}
	return 0
}

func (st *parseState) bufAt(i int) int {
	if st.b+i <= st.n+1 {
		return st.b + i
	}
	return 0
}

// validity is which transitions a configuration allows: whether a class is
// valid depends only on its transition and on whether its label is the root's
// (rootLabel may only attach to the root token).
type validity struct {
	shift, left, leftRoot, right bool
	rootLeft                     int // the class attaching to the root token
}

func (st *parseState) validity(rootLabel int) validity {
	return validity{
		shift:    st.b <= st.n,
		left:     len(st.stack) > 0 && st.b <= st.n,
		leftRoot: len(st.stack) == 1 && st.b == st.n+1,
		right:    len(st.stack) >= 2,
		rootLeft: 1 + 2*rootLabel,
	}
}

func (v validity) ok(class int) bool {
	switch {
	case class == 0:
		return v.shift
	case class == v.rootLeft:
		return v.leftRoot
	case class == v.rootLeft+1: // RIGHT with the root label
		return false
	case class%2 == 1:
		return v.left
	}
	return v.right
}

func (st *parseState) apply(class int) {
	act, label := actionOf(class)
	switch act {
	case actShift:
		st.stack = append(st.stack, st.b)
		st.b++
	case actLeft:
		d := st.stack[len(st.stack)-1]
		st.stack = st.stack[:len(st.stack)-1]
		st.addArc(st.b, d, label)
	default:
		d := st.stack[len(st.stack)-1]
		h := st.stack[len(st.stack)-2]
		st.stack = st.stack[:len(st.stack)-1]
		st.addArc(h, d, label)
	}
}

func (st *parseState) addArc(h, d, label int) {
	st.heads[d], st.labels[d] = h, label
	bit := uint64(1) << (uint(label) % 64)
	if d < h {
		st.nLeft[h]++
		st.leftSet[h] |= bit
		switch {
		case st.lc1[h] == 0 || d < st.lc1[h]:
			st.lc2[h], st.lc1[h] = st.lc1[h], d
		case st.lc2[h] == 0 || d < st.lc2[h]:
			st.lc2[h] = d
		}
		return
	}
	st.nRight[h]++
	st.rightSet[h] |= bit
	switch {
	case d > st.rc1[h]:
		st.rc2[h], st.rc1[h] = st.rc1[h], d
	case d > st.rc2[h]:
		st.rc2[h] = d
	}
}

// Parser feature templates.
const (
	pS0w = iota + 1
	pS0p
	pS0wp
	pN0w
	pN0p
	pN0wp
	pN1w
	pN1p
	pN1wp
	pN2w
	pN2p
	pN2wp
	pS1w
	pS1p
	pS1wp
	pS2w
	pS2p
	pS0lw
	pS0lp
	pS0ll
	pS0rw
	pS0rp
	pS0rl
	pN0lw
	pN0lp
	pN0ll
	pS1rp
	pS1rl
	pS1lp
	pS1ll
	pS0wpN0wp
	pS0wpN0w
	pS0wN0wp
	pS0wpN0p
	pS0pN0wp
	pS0wN0w
	pS0pN0p
	pN0pN1p
	pS1wpS0wp
	pS1wS0w
	pS1pS0p
	pS1wpS0p
	pS1pS0wp
	pN0pN1pN2p
	pS0pN0pN1p
	pS1pS0pN0p
	pS0pS0lpN0p
	pS0pS0rpN0p
	pS0pN0pN0lp
	pS1pS1rpS0p
	pS2pS1pS0p
	pS1pS0pS0lp
	pS1pS0pS0rp
	pS0wD
	pS0pD
	pN0wD
	pN0pD
	pS0wN0wD
	pS0pN0pD
	pS1pS0pD
	pS1wS0wD
	pS0wVr
	pS0pVr
	pS0wVl
	pS0pVl
	pN0wVl
	pN0pVl
	pS1pVr
	pS1pVl
	pS0l2w
	pS0l2p
	pS0l2l
	pS0r2w
	pS0r2p
	pS0r2l
	pN0l2w
	pN0l2p
	pN0l2l
	pS0pS0lpS0l2p
	pS0pS0rpS0r2p
	pN0pN0lpN0l2p
	pS0wSr
	pS0pSr
	pS0wSl
	pS0pSl
	pN0wNl
	pN0pNl
	pS1pS1r
	pS1pS1l
	pN0wN1w
	pS1wN0w
	pS1pN0p
	pS0wN0pN1p
	pS1pS0pN0pN1p
	pS0pS0lwN0p
	pS0uN0u
	pS1uS0u
	pS0uN0uN1u
	pS1uS0uN0u
	pS0wN0u
	pS0uN0w
	// moreFeatures: suffixes, child labels with tags, linear context, coarse tags
	pS0s
	pN0s
	pS0sN0p
	pS0pN0s
	pN1s
	pS1s
	pS0pS0ll
	pS0pS0rl
	pN0pN0ll
	pS1pS1rl
	pS0pS0rlN0p
	pN0pPrevp
	pS0pNextp
	pS0pNextpN0p
	pS0pN0pPrevp
	pS0pPrevp
	pS0lu
	pS0ru
	pN0lu
	pS2uS1uS0u
	pN0uN1uN2u
	pS0uS0luN0u
	pS0uS0ruN0u
	pS1wpN0p
	pS1pN0wp
	pS1pS0pN0pD
	pS0wN0pD
	// clusterFeatures: word clusters at three levels
	pS0cm
	pN0cm
	pN1cm
	pS1cm
	pS0cf
	pN0cf
	pS1cf
	pN1cf
	pS0cfP
	pN0cfP
	pS0cmN0cm
	pS0cfN0p
	pS0pN0cf
	pS1cmS0cm
	pS0ccN0ccN1cc
	pS1ccS0ccN0cc
	pS0lcm
	pS0rcm
	pN0lcm
	pS0cmN0cmD
	pS0a
	pN0a
	pN1a
	pS0aN0a
	pS0pN0a
)

// distBucket keeps small distances exact and groups long ones.
func distBucket(a, b int) uint64 {
	if a == 0 || b == 0 {
		return 0
	}
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d < 5:
		return uint64(d)
	case d < 10:
		return 5
	}
	return 6
}

// features returns the features of the current configuration: those of the
// buffer, then those of the rest.
func (st *parseState) features() []uint64 {
	st.feats = st.stateFeatures(st.bufferFeatures(st.feats[:0]))
	return st.feats
}

// bufferFeatures appends the templates that read only the buffer's first
// three words and the word before it. They stay the same until the next
// shift, so decoding scores them once per buffer position (see score).
func (st *parseState) bufferFeatures(f []uint64) []uint64 {
	n0, n1, n2 := st.bufAt(0), st.bufAt(1), st.bufAt(2)
	w, p, u, sf, c := st.word, st.tag, st.coarse, st.suf, st.clu
	prevN0 := st.tagBefore(n0)
	return append(f,
		feat1(pN0w, w[n0]), feat1(pN0p, p[n0]), feat2(pN0wp, w[n0], p[n0]),
		feat1(pN1w, w[n1]), feat1(pN1p, p[n1]), feat2(pN1wp, w[n1], p[n1]),
		feat1(pN2w, w[n2]), feat1(pN2p, p[n2]), feat2(pN2wp, w[n2], p[n2]),
		feat2(pN0pN1p, p[n0], p[n1]),
		feat3(pN0pN1pN2p, p[n0], p[n1], p[n2]),
		feat2(pN0wN1w, w[n0], w[n1]),
		feat1(pN0s, sf[n0]), feat1(pN1s, sf[n1]),
		feat2(pN0pPrevp, p[n0], prevN0),
		feat3(pN0uN1uN2u, u[n0], u[n1], u[n2]),
		feat1(pN0cm, c[n0].mid), feat1(pN1cm, c[n1].mid),
		feat1(pN0cf, c[n0].fine), feat1(pN1cf, c[n1].fine),
		feat2(pN0cfP, c[n0].fine, p[n0]),
		feat1(pN0a, st.amb[n0]), feat1(pN1a, st.amb[n1]),
	)
}

// tagBefore is the tag of the word before buffer word i (none for the
// first word and the root token).
func (st *parseState) tagBefore(i int) uint64 {
	if i > 1 && i <= st.n {
		return st.tag[i-1]
	}
	return hashNone
}

// The state templates fall into groups by what they read (see score):
//
//   - s0n0: the words s0 and n0 (and what their positions fix: n1, the
//     tags next to them, their distance), without dependents;
//   - s1s0: the words s1 and s0 without dependents;
//   - s0Node, n0Node, s1Node: one word with its dependents (outer children,
//     their labels, valencies, label sets);
//   - cross: the rest, which combine a word's dependents with other words,
//     or read three of s2, s1, s0 and n0 together.
//
// Decoding scores a group once per distinct value of what it reads and keeps
// the scores for the rest of the sentence: the greedy parse and its branches
// see the same pairs of words and the same subtrees again and again.
const (
	groupS0N0 = iota
	groupS1S0
	groupS0Node
	groupN0Node
	groupS1Node
	nGroups
)

// stateFeatures appends the templates that read the stack, the arcs built
// so far or both the stack and the buffer.
func (st *parseState) stateFeatures(f []uint64) []uint64 {
	f = st.crossFeatures(f)
	for g := range nGroups {
		f = st.groupFeatures(g, f)
	}
	return f
}

// groupFeatures appends the templates of group g.
func (st *parseState) groupFeatures(g int, f []uint64) []uint64 {
	switch g {
	case groupS0N0:
		return st.s0n0Features(f)
	case groupS1S0:
		return st.s1s0Features(f)
	case groupS0Node:
		return st.s0NodeFeatures(f)
	case groupN0Node:
		return st.n0NodeFeatures(f)
	}
	return st.s1NodeFeatures(f)
}

// groupKey identifies everything group g reads in the current configuration.
func (st *parseState) groupKey(g int) uint64 {
	switch g {
	case groupS0N0:
		return mix(uint64(g)<<56 ^ uint64(st.s(0))<<28 ^ uint64(st.b))
	case groupS1S0:
		return mix(uint64(g)<<56 ^ uint64(st.s(1))<<28 ^ uint64(st.s(0)))
	case groupS0Node:
		return st.nodeKey(g, st.s(0))
	case groupN0Node:
		return st.nodeKey(g, st.bufAt(0))
	}
	return st.nodeKey(g, st.s(1))
}

// nodeKey hashes word i with its outer children, their labels, its
// valencies and label sets, for group g (or, with g = nGroups, for signature).
func (st *parseState) nodeKey(g, i int) uint64 {
	h := mix(uint64(g)<<56 ^ uint64(i)<<32 ^ uint64(st.nLeft[i])<<16 ^ uint64(st.nRight[i]))
	h = mix(h ^ uint64(st.lc1[i])<<32 ^ uint64(st.lc2[i]))
	h = mix(h ^ uint64(st.rc1[i])<<32 ^ uint64(st.rc2[i]))
	h = mix(h ^ uint64(st.labels[st.lc1[i]])<<48 ^ uint64(st.labels[st.lc2[i]])<<32 ^
		uint64(st.labels[st.rc1[i]])<<16 ^ uint64(st.labels[st.rc2[i]]))
	h = mix(h ^ st.leftSet[i])
	return mix(h ^ st.rightSet[i])
}

// label is the label of the arc to i, or labelNone for no word.
func (st *parseState) label(i int) uint64 {
	if i == 0 {
		return labelNone
	}
	return uint64(st.labels[i])
}

// valency is a feature value for a number of dependents (99 for no word).
func valency(i, n int) uint64 {
	if i == 0 {
		return 99
	}
	return uint64(n)
}

// s0n0Features appends the templates of s0 and the buffer front without dependents.
func (st *parseState) s0n0Features(f []uint64) []uint64 {
	s0, n0, n1 := st.s(0), st.bufAt(0), st.bufAt(1)
	w, p, u, sf, c := st.word, st.tag, st.coarse, st.suf, st.clu
	d := distBucket(s0, n0)
	// Linear context: the tags just before n0 and around s0.
	prevN0, nextS0, prevS0 := st.tagBefore(n0), uint64(hashNone), uint64(hashNone)
	if s0 != 0 {
		nextS0, prevS0 = p[s0+1], p[s0-1]
	}
	return append(f,
		feat1(pS0w, w[s0]), feat1(pS0p, p[s0]), feat2(pS0wp, w[s0], p[s0]),
		feat4(pS0wpN0wp, w[s0], p[s0], w[n0], p[n0]),
		feat3(pS0wpN0w, w[s0], p[s0], w[n0]),
		feat3(pS0wN0wp, w[s0], w[n0], p[n0]),
		feat3(pS0wpN0p, w[s0], p[s0], p[n0]),
		feat3(pS0pN0wp, p[s0], w[n0], p[n0]),
		feat2(pS0wN0w, w[s0], w[n0]),
		feat2(pS0pN0p, p[s0], p[n0]),
		feat3(pS0pN0pN1p, p[s0], p[n0], p[n1]),
		feat2(pS0wD, w[s0], d), feat2(pS0pD, p[s0], d),
		feat2(pN0wD, w[n0], d), feat2(pN0pD, p[n0], d),
		feat3(pS0wN0wD, w[s0], w[n0], d), feat3(pS0pN0pD, p[s0], p[n0], d),
		feat3(pS0wN0pN1p, w[s0], p[n0], p[n1]),
		feat2(pS0uN0u, u[s0], u[n0]),
		feat3(pS0uN0uN1u, u[s0], u[n0], u[n1]),
		feat2(pS0wN0u, w[s0], u[n0]),
		feat2(pS0uN0w, u[s0], w[n0]),
		// 3-byte suffixes, linear context and distance (added together with
		// other templates; see the syntax README's design table).
		feat1(pS0s, sf[s0]), feat2(pS0sN0p, sf[s0], p[n0]),
		feat2(pS0pN0s, p[s0], sf[n0]),
		feat2(pS0pNextp, p[s0], nextS0),
		feat3(pS0pNextpN0p, p[s0], nextS0, p[n0]), feat3(pS0pN0pPrevp, p[s0], p[n0], prevN0),
		feat2(pS0pPrevp, p[s0], prevS0),
		feat3(pS0wN0pD, w[s0], p[n0], d),
		// Word clusters stand in for words (Koo et al. 2008), so the parser
		// generalises over words it rarely saw.
		feat1(pS0cm, c[s0].mid),
		feat1(pS0cf, c[s0].fine),
		feat2(pS0cfP, c[s0].fine, p[s0]),
		feat2(pS0cmN0cm, c[s0].mid, c[n0].mid),
		feat2(pS0cfN0p, c[s0].fine, p[n0]), feat2(pS0pN0cf, p[s0], c[n0].fine),
		feat3(pS0ccN0ccN1cc, c[s0].coarse, c[n0].coarse, c[n1].coarse),
		feat3(pS0cmN0cmD, c[s0].mid, c[n0].mid, d),
		// The tags a word was seen with let the parser hedge against tagging errors.
		feat1(pS0a, st.amb[s0]),
		feat2(pS0aN0a, st.amb[s0], st.amb[n0]), feat2(pS0pN0a, p[s0], st.amb[n0]),
	)
}

// s1s0Features appends the templates of s1 and s0 without dependents.
func (st *parseState) s1s0Features(f []uint64) []uint64 {
	s0, s1 := st.s(0), st.s(1)
	w, p, u, sf, c := st.word, st.tag, st.coarse, st.suf, st.clu
	d1 := distBucket(s1, s0)
	return append(f,
		feat1(pS1w, w[s1]), feat1(pS1p, p[s1]), feat2(pS1wp, w[s1], p[s1]),
		feat4(pS1wpS0wp, w[s1], p[s1], w[s0], p[s0]),
		feat2(pS1wS0w, w[s1], w[s0]),
		feat2(pS1pS0p, p[s1], p[s0]),
		feat3(pS1wpS0p, w[s1], p[s1], p[s0]),
		feat3(pS1pS0wp, p[s1], w[s0], p[s0]),
		feat3(pS1pS0pD, p[s1], p[s0], d1), feat3(pS1wS0wD, w[s1], w[s0], d1),
		feat2(pS1uS0u, u[s1], u[s0]),
		feat1(pS1s, sf[s1]),
		feat1(pS1cm, c[s1].mid), feat1(pS1cf, c[s1].fine),
		feat2(pS1cmS0cm, c[s1].mid, c[s0].mid),
	)
}

// s0NodeFeatures appends the templates of s0 with its dependents.
func (st *parseState) s0NodeFeatures(f []uint64) []uint64 {
	s0 := st.s(0)
	w, p, u, c := st.word, st.tag, st.coarse, st.clu
	s0l, s0l2, s0r, s0r2 := st.lc1[s0], st.lc2[s0], st.rc1[s0], st.rc2[s0]
	s0vr, s0vl := valency(s0, st.nRight[s0]), valency(s0, st.nLeft[s0])
	return append(f,
		feat1(pS0lw, w[s0l]), feat1(pS0lp, p[s0l]), feat1(pS0ll, st.label(s0l)),
		feat1(pS0rw, w[s0r]), feat1(pS0rp, p[s0r]), feat1(pS0rl, st.label(s0r)),
		feat2(pS0wVr, w[s0], s0vr), feat2(pS0pVr, p[s0], s0vr),
		feat2(pS0wVl, w[s0], s0vl), feat2(pS0pVl, p[s0], s0vl),
		feat1(pS0l2w, w[s0l2]), feat1(pS0l2p, p[s0l2]), feat1(pS0l2l, st.label(s0l2)),
		feat1(pS0r2w, w[s0r2]), feat1(pS0r2p, p[s0r2]), feat1(pS0r2l, st.label(s0r2)),
		feat3(pS0pS0lpS0l2p, p[s0], p[s0l], p[s0l2]),
		feat3(pS0pS0rpS0r2p, p[s0], p[s0r], p[s0r2]),
		feat2(pS0wSr, w[s0], st.rightSet[s0]), feat2(pS0pSr, p[s0], st.rightSet[s0]),
		feat2(pS0wSl, w[s0], st.leftSet[s0]), feat2(pS0pSl, p[s0], st.leftSet[s0]),
		feat2(pS0pS0ll, p[s0], st.label(s0l)), feat2(pS0pS0rl, p[s0], st.label(s0r)),
		feat1(pS0lu, u[s0l]), feat1(pS0ru, u[s0r]),
		feat1(pS0lcm, c[s0l].mid), feat1(pS0rcm, c[s0r].mid),
	)
}

// n0NodeFeatures appends the templates of the buffer front with its (left) dependents.
func (st *parseState) n0NodeFeatures(f []uint64) []uint64 {
	n0 := st.bufAt(0)
	w, p, u, c := st.word, st.tag, st.coarse, st.clu
	n0l, n0l2 := st.lc1[n0], st.lc2[n0]
	n0vl := valency(n0, st.nLeft[n0])
	return append(f,
		feat1(pN0lw, w[n0l]), feat1(pN0lp, p[n0l]), feat1(pN0ll, st.label(n0l)),
		feat2(pN0wVl, w[n0], n0vl), feat2(pN0pVl, p[n0], n0vl),
		feat1(pN0l2w, w[n0l2]), feat1(pN0l2p, p[n0l2]), feat1(pN0l2l, st.label(n0l2)),
		feat3(pN0pN0lpN0l2p, p[n0], p[n0l], p[n0l2]),
		feat2(pN0wNl, w[n0], st.leftSet[n0]), feat2(pN0pNl, p[n0], st.leftSet[n0]),
		feat2(pN0pN0ll, p[n0], st.label(n0l)),
		feat1(pN0lu, u[n0l]),
		feat1(pN0lcm, c[n0l].mid),
	)
}

// s1NodeFeatures appends the templates of s1 with its dependents.
func (st *parseState) s1NodeFeatures(f []uint64) []uint64 {
	s1 := st.s(1)
	p := st.tag
	s1l, s1r := st.lc1[s1], st.rc1[s1] // position 0 never has children
	s1vr, s1vl := valency(s1, st.nRight[s1]), valency(s1, st.nLeft[s1])
	return append(f,
		feat1(pS1rp, p[s1r]), feat1(pS1rl, st.label(s1r)),
		feat1(pS1lp, p[s1l]), feat1(pS1ll, st.label(s1l)),
		feat2(pS1pVr, p[s1], s1vr), feat2(pS1pVl, p[s1], s1vl),
		feat2(pS1pS1r, p[s1], st.rightSet[s1]), feat2(pS1pS1l, p[s1], st.leftSet[s1]),
		feat2(pS1pS1rl, p[s1], st.label(s1r)),
	)
}

// crossFeatures appends the templates that combine a word's dependents with
// other words, or read s2, s1 and n0 together with s0.
func (st *parseState) crossFeatures(f []uint64) []uint64 {
	s0, s1, s2 := st.s(0), st.s(1), st.s(2)
	n0, n1 := st.bufAt(0), st.bufAt(1)
	w, p, u, c := st.word, st.tag, st.coarse, st.clu
	s0l, s0r := st.lc1[s0], st.rc1[s0]
	n0l := st.lc1[n0]
	s1r := st.rc1[s1]
	d := distBucket(s0, n0)
	return append(f,
		feat1(pS2w, w[s2]), feat1(pS2p, p[s2]),
		feat3(pS1pS0pN0p, p[s1], p[s0], p[n0]),
		feat3(pS0pS0lpN0p, p[s0], p[s0l], p[n0]),
		feat3(pS0pS0rpN0p, p[s0], p[s0r], p[n0]),
		feat3(pS0pN0pN0lp, p[s0], p[n0], p[n0l]),
		feat3(pS1pS1rpS0p, p[s1], p[s1r], p[s0]),
		feat3(pS2pS1pS0p, p[s2], p[s1], p[s0]),
		feat3(pS1pS0pS0lp, p[s1], p[s0], p[s0l]),
		feat3(pS1pS0pS0rp, p[s1], p[s0], p[s0r]),
		feat2(pS1wN0w, w[s1], w[n0]),
		feat2(pS1pN0p, p[s1], p[n0]),
		feat4(pS1pS0pN0pN1p, p[s1], p[s0], p[n0], p[n1]),
		feat3(pS0pS0lwN0p, p[s0], w[s0l], p[n0]),
		feat3(pS1uS0uN0u, u[s1], u[s0], u[n0]),
		feat3(pS0pS0rlN0p, p[s0], st.label(s0r), p[n0]),
		feat3(pS2uS1uS0u, u[s2], u[s1], u[s0]),
		feat3(pS0uS0luN0u, u[s0], u[s0l], u[n0]), feat3(pS0uS0ruN0u, u[s0], u[s0r], u[n0]),
		feat3(pS1wpN0p, w[s1], p[s1], p[n0]), feat3(pS1pN0wp, p[s1], w[n0], p[n0]),
		feat4(pS1pS0pN0pD, p[s1], p[s0], p[n0], d),
		feat3(pS1ccS0ccN0cc, c[s1].coarse, c[s0].coarse, c[n0].coarse),
	)
}

// bestValid returns the highest-scoring valid class.
func (st *parseState) bestValid(scores []float32, rootLabel int) int {
	v := st.validity(rootLabel)
	best := -1
	for c, s := range scores {
		if (best < 0 || s > scores[best]) && v.ok(c) {
			best = c
		}
	}
	return best
}

// parse fills heads (0 = root) and label indices for one sentence.
//
// After the greedy pass it branches (Choi & McCallum 2013, selectional
// branching): from each of the branchK decisions with the smallest margin
// between the best and second-best valid transition (if under branchMargin
// and a different transition, not just another label) it takes the
// second-best one instead and parses on greedily. Of these transition
// sequences, which all have 2n transitions, the one with the highest total
// score wins. A branch that reaches a configuration the greedy parse also
// passed through (same stack, buffer and every arc a feature can see) would
// repeat the greedy continuation, so it stops there and borrows its steps.
// Training teaches the model which sequence should win (see searchUpdate).
func (dec decoder) parse(st *parseState, words, tags, coarse, suf []uint64, clu []clusterFeatures, amb []uint64, heads, labels []int) {
	st.reset(words, tags, coarse, suf, clu, amb)
	if len(st.scores) != dec.nClasses {
		st.scores = newScores(dec.nClasses)
	}
	st.bufScores = slices.Grow(st.bufScores[:0], 256*(st.n+2))[:256*(st.n+2)]
	st.bufDone = slices.Grow(st.bufDone[:0], st.n+2)[:st.n+2]
	clear(st.bufDone)
	st.groups.reset(8 * (st.n + 2))
	greedy, _ := dec.run(st, st.steps[:0], nil)
	st.steps = greedy
	st.output(heads, labels)
	// suffix[i] is the total score of the greedy steps from i on.
	st.suffix = slices.Grow(st.suffix[:0], len(greedy)+1)[:len(greedy)+1]
	st.suffix[len(greedy)] = 0
	for i := len(greedy) - 1; i >= 0; i-- {
		st.suffix[i] = st.suffix[i+1] + greedy[i].score
	}
	total := st.suffix[0]
	if st.record {
		st.candidates = append(st.candidates[:0], candidate{total: total})
		st.candidates[0].classes = appendClasses(nil, greedy)
	}
	// The branch points: the lowest margins, in sequence order for ties.
	st.branches = st.branches[:0]
	for i, s := range greedy {
		if s.second >= 0 && s.score-s.alt < branchMargin && structural(int(s.class), int(s.second)) {
			st.branches = append(st.branches, int32(i))
		}
	}
	slices.SortStableFunc(st.branches, func(a, b int32) int {
		return cmp.Compare(greedy[a].score-greedy[a].alt, greedy[b].score-greedy[b].alt)
	})
	st.branches = st.branches[:min(len(st.branches), branchK)]
	if len(st.branches) == 0 {
		return
	}
	// The greedy configurations' signatures, from the first branch point on:
	// a branch from step i can only meet the greedy parse after i+1 transitions.
	first := slices.Min(st.branches)
	st.sigs = slices.Grow(st.sigs[:0], len(greedy)+1)[:len(greedy)+1]
	st.reset(words, tags, coarse, suf, clu, amb)
	for k, s := range greedy {
		if k > int(first) {
			st.sigs[k] = st.signature()
		}
		st.apply(int(s.class))
	}
	st.sigs[len(greedy)] = st.signature()
	// branchFrom puts st in the configuration just after the alternative at greedy step i.
	branchFrom := func(i int32) {
		st.reset(words, tags, coarse, suf, clu, amb)
		for _, s := range greedy[:i] {
			st.apply(int(s.class))
		}
		st.apply(int(greedy[i].second))
	}
	best, bestJoin := -1, 0 // the best branch (index into st.branches; -1 = greedy) and where it joins greedy
	for bi, i := range st.branches {
		branchFrom(i)
		t := st.suffix[0] - st.suffix[i] + greedy[i].alt
		var join int
		st.alt, join = dec.run(st, st.alt[:0], st.sigs)
		for _, s := range st.alt {
			t += s.score
		}
		t += st.suffix[join]
		if st.record {
			c := appendClasses(nil, greedy[:i])
			c = append(c, greedy[i].second)
			c = appendClasses(appendClasses(c, st.alt), greedy[join:])
			st.candidates = append(st.candidates, candidate{classes: c, total: t})
		}
		if t > total {
			best, bestJoin, total = bi, join, t
			st.bestAlt = append(st.bestAlt[:0], st.alt...)
		}
	}
	if best < 0 {
		return
	}
	branchFrom(st.branches[best]) // st holds the last branch: rebuild the winner
	for _, s := range st.bestAlt {
		st.apply(int(s.class))
	}
	for _, s := range greedy[bestJoin:] {
		st.apply(int(s.class))
	}
	st.output(heads, labels)
}

// output copies the arcs of a finished parse to heads (0 = root) and labels.
func (st *parseState) output(heads, labels []int) {
	for i := 1; i <= st.n; i++ {
		h := st.heads[i]
		if h == st.n+1 {
			h = 0
		}
		heads[i-1], labels[i-1] = h, st.labels[i]
	}
}

// appendClasses appends the classes of steps to c.
func appendClasses(c []int16, steps []step) []int16 {
	for _, s := range steps {
		c = append(c, s.class)
	}
	return c
}

// step is one transition of a parse: the class taken with its score, and the
// second-best valid class (-1 if none, as for forced moves) with its score.
type step struct {
	class, second int16
	score, alt    float32
}

// run parses greedily from the current state to the end, appending the
// steps to seq. With join, the signatures of another parse's configurations
// (indexed by the number of transitions made), it stops as soon as a
// configuration matches that parse's after as many transitions, and
// returns that number: from there the other parse's steps follow.
// Otherwise it returns the total number of transitions.
func (dec decoder) run(st *parseState, seq []step, join []uint64) ([]step, int) {
	for !st.terminal() {
		if join != nil {
			if k := st.transitions(); join[k] == st.signature() {
				return seq, k
			}
		}
		if c := st.forcedClass(dec.rootLabel); c >= 0 { // forced moves need no scoring
			st.apply(c)
			seq = append(seq, step{class: int16(c), second: -1})
			continue
		}
		st.score(dec.w)
		best, second := st.bestTwoValid(st.scores, dec.rootLabel)
		s := step{class: int16(best), second: int16(second), score: st.scores[best]}
		if second >= 0 {
			s.alt = st.scores[second]
		}
		seq = append(seq, s)
		st.apply(best)
	}
	return seq, st.transitions()
}

// score fills st.scores for the current configuration. The buffer features
// are scored once per buffer position: the greedy parse scores about two
// transitions per position, and its branches revisit the same positions.
// Each feature group is scored once per distinct key in the sentence (a
// 64-bit hash of what the group reads; as for signature, a collision is
// possible but vanishingly rare): only the cross templates are scored at
// every step.
func (st *parseState) score(w scorer) {
	b := st.b
	buf := st.bufScores[256*b : 256*b+len(st.scores) : 256*(b+1)]
	if !st.bufDone[b] {
		w.score(st.bufferFeatures(st.feats[:0]), buf)
		st.bufDone[b] = true
	}
	st.feats = st.crossFeatures(st.feats[:0])
	w.score(st.feats, st.scores)
	sc := st.scores
	for c, v := range buf {
		sc[c] += v
	}
	for g := range nGroups {
		vec, ok := st.groups.get(st.groupKey(g), len(sc))
		if !ok {
			st.feats = st.groupFeatures(g, st.feats[:0])
			w.score(st.feats, vec)
		}
		for c, v := range vec {
			sc[c] += v
		}
	}
}

// groupCache holds the scores of feature groups for one sentence: an
// open-addressing table from group key to an offset in vecs, where each
// entry has 256 floats (see newScores). A Go map was about 5 % of parse time.
type groupCache struct {
	keys []uint64 // 0 marks an empty slot
	at   []int32
	n    int
	vecs []float32
}

// reset empties the cache, sized for about size entries.
func (c *groupCache) reset(size int) {
	slots := 16
	for slots < 2*size {
		slots *= 2
	}
	if cap(c.keys) < slots {
		c.keys, c.at = make([]uint64, slots), make([]int32, slots)
	}
	c.keys, c.at = c.keys[:slots], c.at[:slots]
	clear(c.keys)
	c.n = 0
	c.vecs = c.vecs[:0]
}

// get returns the scores of the group with key (nClasses long, capacity
// 256) and whether they were cached; if not, the caller fills them.
func (c *groupCache) get(key uint64, nClasses int) ([]float32, bool) {
	key |= 1 // never 0; keys are 64-bit hashes, so this costs nothing measurable
	mask := len(c.keys) - 1
	i := int(key) & mask
	for ; c.keys[i] != 0; i = (i + 1) & mask {
		if c.keys[i] == key {
			a := int(c.at[i])
			return c.vecs[a : a+nClasses : a+256], true
		}
	}
	if 2*(c.n+1) > len(c.keys) {
		c.grow()
		return c.get(key, nClasses)
	}
	a := len(c.vecs)
	c.vecs = slices.Grow(c.vecs, 256)[:a+256]
	c.keys[i], c.at[i] = key, int32(a)
	c.n++
	return c.vecs[a : a+nClasses : a+256], false
}

// grow doubles the table.
func (c *groupCache) grow() {
	keys, at := c.keys, c.at
	c.keys, c.at = make([]uint64, 2*len(keys)), make([]int32, 2*len(keys)) // reset reuses them
	mask := len(c.keys) - 1
	for j, k := range keys {
		if k == 0 {
			continue
		}
		i := int(k) & mask
		for c.keys[i] != 0 {
			i = (i + 1) & mask
		}
		c.keys[i], c.at[i] = k, at[j]
	}
}

// forcedClass returns the one class a configuration allows, when it allows
// only one: an empty stack can only shift, and the last word on the stack
// can only go to the root token. Otherwise it returns -1.
func (st *parseState) forcedClass(rootLabel int) int {
	switch {
	case len(st.stack) == 0:
		return 0
	case st.b == st.n+1 && len(st.stack) == 1:
		return 1 + 2*rootLabel
	}
	return -1
}

// transitions is the number of transitions made so far: a shift per word
// read and an arc per word no longer on the stack.
func (st *parseState) transitions() int { return 2*(st.b-1) - len(st.stack) }

// signature hashes everything of the configuration that later features can
// see: the buffer front, the stack, and for each stack word and the buffer
// front their outer children, those children's labels, valencies and label
// sets. Two configurations with the same signature score every later
// transition alike (barring a 64-bit hash collision).
func (st *parseState) signature() uint64 {
	h := mix(uint64(st.b))
	for _, i := range st.stack {
		h = mix(h ^ st.nodeKey(nGroups, i))
	}
	return mix(h ^ st.nodeKey(nGroups, st.b))
}

// bestTwoValid returns the highest and second-highest scoring valid classes
// (second is -1 if only one is valid).
func (st *parseState) bestTwoValid(scores []float32, rootLabel int) (best, second int) {
	v := st.validity(rootLabel)
	best, second = -1, -1
	var bestScore, secondScore float32
	for c, s := range scores {
		switch {
		case second >= 0 && s <= secondScore: // then also s <= bestScore
		case !v.ok(c):
		case best < 0 || s > bestScore:
			best, second, bestScore, secondScore = c, best, s, bestScore
		default:
			second, secondScore = c, s
		}
	}
	return best, second
}

// Selectional branching settings, for decoding and for the search that
// training learns from (searchUpdate). Chosen on EWT dev: the model trained
// with four branches below margin 60 parses dev at UAS 86.89, LAS 83.84 with
// them; with two below 20, 86.24 / 83.17; three below 60, 86.78 / 83.73;
// five below 60, 86.86 / 83.80. A model trained with the search at two
// branches below 20 gets 86.71 / 83.64 at four below 60. Before the feature
// groups (see score) four branches ran at about 40,000 tokens/s.
const (
	branchK      = 4
	branchMargin = 60
)

// structural reports whether classes a and b are different transitions, not
// the same one with another label. Branching on a label alone rarely changes
// the parse (EWT dev: UAS about -0.05 when allowed).
func structural(a, b int) bool {
	x, _ := actionOf(a)
	y, _ := actionOf(b)
	return x != y
}

// parseExample is one training sentence: word and tag hashes with the
// projectivised gold tree (heads 0 = root, labels as indices).
type parseExample struct {
	words, tags, coarse, suf []uint64
	clu                      []clusterFeatures
	amb                      []uint64
	heads                    []int
	labels                   []int
}

// oracle holds the gold tree in state positions (root = n+1).
type oracle struct {
	heads, labels []int
}

// costs returns, for each transition type, how many gold arcs it makes
// unreachable (Goldberg & Nivre 2013, arc-hybrid).
func (o *oracle) costs(st *parseState) (shift, left, right int) {
	n := st.n
	b := st.b
	s0, s1 := st.s(0), st.s(1)
	gh := o.heads
	if b <= n {
		for i, k := range st.stack {
			if gh[k] == b {
				shift++
			}
			if gh[b] == k && i < len(st.stack)-1 {
				shift++
			}
		}
	}
	if s0 != 0 {
		depsInBuffer := 0
		for k := b; k <= n; k++ {
			if gh[k] == s0 {
				depsInBuffer++
			}
		}
		left, right = depsInBuffer, depsInBuffer
		h := gh[s0]
		if h != b && (h == s1 && s1 != 0 || h > b) {
			left++
		}
		if h >= b {
			right++
		}
	}
	return shift, left, right
}

// parserEnsemble is how many parsers, trained alike but for the shuffling and
// exploration seed, are averaged into the model. For linear models the mean
// of the weights scores every decision as the ensemble would, and it costs
// nothing at run time: the table even shrinks, as the weights that only one
// member learned are halved and more of them fall under the pruning
// threshold (EWT dev: a tie with one parser; model 11.2 -> 10.1 MB).
const parserEnsemble = 2

// trainParser trains parserEnsemble parsers side by side and averages them.
func trainParser(examples []parseExample, labels []string, rootLabel, iters int, seed uint64, logger *slog.Logger) *parser {
	nClasses := 1 + 2*len(labels)
	if nClasses > 256 {
		panic("syntax: too many dependency labels")
	}
	ps := make([]*perceptron, parserEnsemble)
	var wg sync.WaitGroup
	for i := range ps {
		wg.Go(func() {
			ps[i] = trainParserPerceptron(examples, nClasses, rootLabel, iters, seed+uint64(i), logger.With("member", i))
		})
	}
	wg.Wait()
	return &parser{labels: labels, rootLabel: rootLabel, w: averageModels(ps, parserPruneThreshold)}
}

// trainParserPerceptron trains one parser with the dynamic oracle and error exploration.
func trainParserPerceptron(examples []parseExample, nClasses, rootLabel, iters int, seed uint64, logger *slog.Logger) *perceptron {
	p := newPerceptron(nClasses)
	st := &parseState{scores: newScores(nClasses)}
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	var o oracle
	dec := decoder{w: p, rootLabel: rootLabel, nClasses: nClasses}
	for it := range iters {
		rng := rand.New(rand.NewPCG(seed, uint64(it)))
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, ei := range order {
			ex := &examples[ei]
			st.reset(ex.words, ex.tags, ex.coarse, ex.suf, ex.clu, ex.amb)
			n := len(ex.words)
			o.heads = append(o.heads[:0], 0)
			o.labels = append(o.labels[:0], labelNone)
			for i := range n {
				h := ex.heads[i]
				if h == 0 {
					h = n + 1
				}
				o.heads = append(o.heads, h)
				o.labels = append(o.labels, ex.labels[i])
			}
			for !st.terminal() {
				feats := st.features()
				p.score(feats, st.scores)
				guess := st.bestValid(st.scores, rootLabel)
				shiftCost, leftCost, rightCost := o.costs(st)
				s0, s1 := st.s(0), st.s(1)
				cost := func(c int) int {
					act, l := actionOf(c)
					switch act {
					case actShift:
						return shiftCost
					case actLeft:
						if o.heads[s0] == st.b && o.labels[s0] != l {
							return leftCost + 1
						}
						return leftCost
					}
					if o.heads[s0] == s1 && o.labels[s0] != l {
						return rightCost + 1
					}
					return rightCost
				}
				best, bestCost := -1, 0
				v := st.validity(rootLabel)
				for c := range nClasses {
					if !v.ok(c) {
						continue
					}
					cc := cost(c)
					if best < 0 || cc < bestCost || (cc == bestCost && st.scores[c] > st.scores[best]) {
						best, bestCost = c, cc
					}
				}
				p.tick()
				next := best
				if cost(guess) > bestCost {
					p.update(feats, best, guess)
					if it > 0 && rng.Float64() < 0.9 {
						next = guess // explore: learn to recover from own mistakes
					}
				} else {
					next = guess
				}
				st.apply(next)
			}
			for i := 1; i <= n; i++ {
				if st.heads[i] == o.heads[i] {
					correct++
				}
				total++
			}
			if it > 0 {
				searchUpdate(p, dec, st, ex, &o)
			}
		}
		logger.Info("parser iteration", "iter", it+1, "train_uas", float64(correct)/float64(max(total, 1)), "features", len(p.index))
	}
	return p
}

// searchUpdate trains the perceptron on the decoder's choice among its own
// candidate sequences (the greedy parse and its branches). When the
// highest-scoring sequence has fewer correct arcs than another candidate,
// it is a structured perceptron update (Collins 2002) between the two: every
// scored transition of the better sequence is rewarded and every one of the
// chosen sequence penalised, from the first transition where they differ.
// Local training alone makes each decision well but never compares whole
// sequences, which is what selecting among branches does; with these updates
// from the second iteration on, four branches below margin 60 parse EWT dev
// at UAS 86.89, LAS 83.84, against 86.33 / 83.20 for the same search on the
// locally trained model (see branchK).
func searchUpdate(p *perceptron, dec decoder, st *parseState, ex *parseExample, o *oracle) {
	n := len(ex.words)
	heads, labels := make([]int, n), make([]int, n)
	st.record = true
	dec.parse(st, ex.words, ex.tags, ex.coarse, ex.suf, ex.clu, ex.amb, heads, labels)
	st.record = false
	cands := st.candidates
	if len(cands) < 2 {
		return
	}
	// Each correct head counts 2, a correct label with it 1 more.
	correct := make([]int, len(cands))
	chosen, better := 0, 0
	for ci, c := range cands {
		st.reset(ex.words, ex.tags, ex.coarse, ex.suf, ex.clu, ex.amb)
		for _, class := range c.classes {
			st.apply(int(class))
		}
		for i := 1; i <= n; i++ {
			if st.heads[i] == o.heads[i] {
				correct[ci] += 2 + b2i(st.labels[i] == o.labels[i])
			}
		}
		if c.total > cands[chosen].total {
			chosen = ci
		}
		if correct[ci] > correct[better] || correct[ci] == correct[better] && c.total > cands[better].total {
			better = ci
		}
	}
	if correct[chosen] >= correct[better] {
		return
	}
	good, bad := cands[better].classes, cands[chosen].classes
	common := 0
	for common < len(good) && common < len(bad) && good[common] == bad[common] {
		common++
	}
	p.tick()
	for _, side := range []struct {
		seq   []int16
		delta float32
	}{{good, 1}, {bad, -1}} {
		st.reset(ex.words, ex.tags, ex.coarse, ex.suf, ex.clu, ex.amb)
		for _, class := range side.seq[:common] {
			st.apply(int(class))
		}
		for _, class := range side.seq[common:] {
			if st.forcedClass(dec.rootLabel) < 0 { // forced moves are not scored
				p.add(st.features(), int(class), side.delta)
			}
			st.apply(int(class))
		}
	}
}

// projectivize lifts non-projective arcs (reattaching a dependent to its
// grandparent) until the tree is projective, so the oracle can reach it.
func projectivize(heads []int) []int {
	h := slices.Clone(heads) // 1-based heads per word, index 0 = word 1
	for {
		lifted := false
		for d := 1; d <= len(h); d++ {
			if !arcProjective(h, h[d-1], d) {
				h[d-1] = h[h[d-1]-1]
				lifted = true
				break
			}
		}
		if !lifted {
			return h
		}
	}
}

// arcProjective reports whether every word between head and dep descends from head.
func arcProjective(heads []int, head, dep int) bool {
	lo, hi := min(head, dep), max(head, dep)
	for k := lo + 1; k < hi; k++ {
		a := k
		for a != 0 && a != head {
			a = heads[a-1]
		}
		if a != head {
			return false
		}
	}
	return true
}
