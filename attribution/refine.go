package attribution

import (
	"math"
	"slices"
	"strings"

	"github.com/whosaid/whosaid/text"
)

// The tagger places a content's edges token by token, and most of its
// boundary errors are whole phrases: a content that starts at the object
// of the cue instead of its complement, or runs on into ", saying …" or a
// trailing "on Twitter". The refiner re-chooses each edge among the
// tokens where a phrase of the parse opens or closes, near the tagger's
// edge, with a ranking perceptron over features of the candidate edge.
// Sources get the same treatment ("A 2014 study that appeared in …",
// "Dean, a medical doctor,"), with features of their own.

// refineWindow bounds how many tokens an edge may move. Long contents
// need a wide one: on PolNeAR dev, 20 tokens gave content exact 52.6,
// 40 gave 53.7, 60 gave 54.7 (at 16% rather than 11% of the tagger's
// time) and 100 gave 54.4.
const refineWindow = 60

// refiner scores candidate content edges; start and end features use
// distinct templates, so one weight map holds both.
type refiner struct {
	w map[uint32]float32
}

// edgeSpan is a content or source found by the tagger with what the
// refiner looks at: its role, its tokens [first, last) and its cue's
// tokens (cueFirst < 0 when none).
type edgeSpan struct {
	role              Role
	first, last       int
	cueFirst, cueLast int
}

// prefix keeps the features of source edges apart from those of
// content edges: the same words mark different edges.
func (s edgeSpan) prefix() string {
	if s.role == SourceRole {
		return "source:"
	}
	return ""
}

// startCandidates returns the tokens a content may start at instead of
// s.first: phrase openings, the token after one (past "that", a mark or a
// conjunction) and sentence starts, within the window and before the
// content's last token. s.first is always among them.
func (c *docContext) startCandidates(s edgeSpan, p text.Paragraph) []int {
	var out []int
	for i := max(p.First, s.first-refineWindow); i <= min(s.last-1, s.first+refineWindow); i++ {
		tok := c.t.Tokens[i]
		open := c.opens[i] >= 0 || i > p.First && c.opens[i-1] >= 0 || c.t.Sentences[c.sentence[i]].First == i
		if i == s.first || open && (tok.Kind != text.Punct && (tok.Kind != text.Quote || tok.Opening)) {
			out = append(out, i)
		}
	}
	return out
}

// endCandidates returns the tokens a content may end at (inclusive)
// instead of s.last-1: phrase ends, the token after one (a closing mark
// or full stop) and sentence ends, within the window and after the
// content's first token.
func (c *docContext) endCandidates(s edgeSpan, p text.Paragraph) []int {
	var out []int
	for e := max(s.first, s.last-1-refineWindow); e <= min(p.Last-1, s.last-1+refineWindow); e++ {
		closes := c.closes[e] >= 0 || e > p.First && c.closes[e-1] >= 0 || c.t.Sentences[c.sentence[e]].Last-1 == e
		if e == s.last-1 || closes {
			out = append(out, e)
		}
	}
	return out
}

// phraseOf describes a phrase of the parse by its relation and what it
// depends on: a likely cue, the root, or its head's part of speech.
func (c *docContext) phraseOf(a int) (rel, head string) {
	if a < 0 {
		return "-", "-"
	}
	h := c.head[a]
	switch {
	case h < 0:
		return c.rel[a], "root"
	case max(c.rate[h], c.lrate[h]) >= cueCandidate:
		return c.rel[a], "cue"
	}
	return c.rel[a], c.pos[h]
}

// between describes the tokens an edge moves over, from a to b (either
// order, b excluded): whether they hold a likely cue, a sentence end, a
// quotation mark, a comma.
func (c *docContext) between(a, b int) string {
	lo, hi := min(a, b), max(a, b)
	var flags [4]bool
	for i := lo; i < hi; i++ {
		flags[0] = flags[0] || c.cand[i]
		flags[1] = flags[1] || c.sentence[i] != c.sentence[hi]
		flags[2] = flags[2] || c.t.Tokens[i].Kind == text.Quote
		flags[3] = flags[3] || c.low[i] == ","
	}
	return btoa(flags[0]) + btoa(flags[1]) + btoa(flags[2]) + btoa(flags[3])
}

// phraseAt describes the phrase that opens or closes (edges) at token i
// of paragraph p; "|" before the paragraph.
func (c *docContext) phraseAt(edges []int, i int, p text.Paragraph) (rel, head string) {
	if i < p.First {
		return "|", "|"
	}
	return c.phraseOf(edges[i])
}

// signedBucket coarsens a signed token offset.
func signedBucket(d int) string {
	if d < 0 {
		return "-" + string(bucket(-d))
	}
	return "+" + string(bucket(d))
}

// inPara is the features' view of the tokens of a paragraph: "|" beyond
// it.
type inPara struct {
	c *docContext
	p text.Paragraph
}

func (v inPara) outside(j int) bool { return j < v.p.First || j >= v.p.Last }

func (v inPara) word(j int) string {
	if v.outside(j) {
		return "|"
	}
	return v.c.low[j]
}

func (v inPara) kind(j int) string {
	if v.outside(j) {
		return "|"
	}
	return v.c.markKind(j)
}

func (v inPara) pos(j int) string {
	if v.outside(j) {
		return "|"
	}
	return v.c.pos[j]
}

// tag is a tag for features.
func (v inPara) tag(tags []Tag, j int) string {
	if v.outside(j) {
		return "|"
	}
	return string(rune('0' + tags[j]))
}

// startFeatures returns the features of starting content s at token i.
func (c *docContext) startFeatures(s edgeSpan, i int, tags []Tag, p text.Paragraph, f *featureHasher) {
	f.out = f.out[:0]
	v := inPara{c, p}
	word, kind, pos := v.word, v.kind, v.pos
	d := signedBucket(i - s.first)
	orel, ohead := c.phraseAt(c.opens, i, p)
	prel, phead := c.phraseAt(c.opens, i-1, p)
	f.add("S")
	f.add("Sd", d)
	f.add("Sbetween", d[:1], c.between(i, s.first))
	f.add("Sw", word(i))
	f.add("Sw-1", word(i-1))
	f.add("Sw-1w", word(i-1), word(i))
	f.add("Sp-1p", pos(i-1), pos(i))
	f.add("Sk-1k", kind(i-1), kind(i))
	f.add("So", orel, ohead)
	f.add("So-1", prel, phead)
	f.add("Soo-1", orel, ohead, prel, phead)
	f.add("Sdo", d, orel, ohead)
	f.add("Sg", v.tag(tags, i-1), v.tag(tags, i))
	f.add("Sdg", d, v.tag(tags, i-1))
	f.add("Ssent", btoa(c.t.Sentences[c.sentence[i]].First == i), kind(i))
	// How sure the tagger was that the span holds token i and not the
	// token before: the phrase cues above decide between edges it was
	// unsure of, not against a clear score.
	begin, in := s.role.tags()
	opens, before := c.lean(i, begin, in, p), c.lean(i-1, begin, in, p)
	f.add("Sem", opens)
	f.add("Sem-1", before)
	f.add("Sem-1em", before, opens)
	f.add("Sdem", d[:1], opens, before)
	if s.cueFirst >= 0 {
		side := "after"
		gap := i - s.cueLast
		if i < s.cueFirst {
			side, gap = "before", s.cueFirst-i
		}
		f.add("Scue", side, string(bucket(max(gap, 0))))
		f.add("Scuew", side, string(bucket(max(gap, 0))), word(i))
		f.add("Scuep", side, string(bucket(max(gap, 0))), pos(i-1), pos(i))
		// How the phrase opening here (or at the token before) hangs
		// from the cue: its complement, its object, or not at all.
		path := c.pathToCue(c.opens[i], s)
		f.add("Spath", path, side)
		f.add("Spathd", path, side, d)
		f.add("Spathw", path, word(i))
		if i > p.First {
			f.add("Spath-1", c.pathToCue(c.opens[i-1], s), side)
		}
		f.add("Scuel", side, lemma(c.low[s.cueLast-1]), pos(i))
	} else {
		f.add("Snocue", d, kind(i))
	}
	// A likely cue just before: the content starts past it.
	for j := i - 1; j >= max(p.First, i-3); j-- {
		if c.cand[j] {
			f.add("Scand", string(bucket(i-j)), kind(i))
			break
		}
	}
}

// pathToCue is the chain of relations from token a up to the cue of s,
// at most three steps; "?" when the chain does not reach the cue.
func (c *docContext) pathToCue(a int, s edgeSpan) string {
	if a < 0 {
		return "-"
	}
	var b strings.Builder
	for steps := 0; steps < 3 && a >= 0; steps++ {
		if a >= s.cueFirst && a < s.cueLast {
			return b.String()
		}
		b.WriteString(c.rel[a])
		b.WriteByte('/')
		a = c.head[a]
	}
	if a >= s.cueFirst && a < s.cueLast {
		return b.String()
	}
	return "?"
}

// endFeatures returns the features of ending content s at token e
// (inclusive).
func (c *docContext) endFeatures(s edgeSpan, e int, tags []Tag, p text.Paragraph, f *featureHasher) {
	f.out = f.out[:0]
	v := inPara{c, p}
	word, kind, pos := v.word, v.kind, v.pos
	d := signedBucket(e - (s.last - 1))
	crel, chead := c.phraseAt(c.closes, e, p)
	prel, phead := c.phraseAt(c.closes, e-1, p)
	f.add("E")
	f.add("Ed", d)
	f.add("Ebetween", d[:1], c.between(e, s.last-1))
	f.add("Ew", word(e))
	f.add("Ew+1", word(e+1))
	f.add("Eww+1", word(e), word(e+1))
	f.add("Ew+1w+2", word(e+1), word(e+2))
	f.add("Epp+1", pos(e), pos(e+1))
	f.add("Ekk+1", kind(e), kind(e+1))
	f.add("Ekk+1k+2", kind(e), kind(e+1), kind(e+2))
	f.add("Ec", crel, chead)
	f.add("Ec-1", prel, phead, kind(e))
	f.add("Edc", d, crel, chead)
	f.add("Eg", v.tag(tags, e), v.tag(tags, e+1))
	f.add("Edg", d, v.tag(tags, e+1))
	sent := c.t.Sentences[c.sentence[e]]
	f.add("Esent", btoa(sent.Last-1 == e), btoa(sent.Last-2 == e), kind(e))
	// How sure the tagger was that the span holds token e and not the
	// token after, or that a new span opens there.
	begin, in := s.role.tags()
	stays, after := c.lean(e, in, in, p), c.lean(e+1, in, in, p)
	f.add("Eem", stays)
	f.add("Eem+1", after)
	f.add("Eemem+1", stays, after)
	f.add("Edem", d[:1], stays, after)
	f.add("Eemb+1", c.lean(e+1, begin, begin, p))
	if s.cueFirst >= 0 {
		side := "after"
		gap := s.cueFirst - e
		if e >= s.cueFirst {
			side, gap = "past", e-s.cueLast+1
		}
		f.add("Ecue", side, string(bucket(max(gap, 0))))
		f.add("Ecuew", side, string(bucket(max(gap, 0))), word(e+1))
		f.add("Ecuek", side, string(bucket(max(gap, 0))), kind(e), kind(e+1))
		path := c.pathToCue(c.closes[e], s)
		f.add("Epath", path, side)
		f.add("Epathd", path, side, d)
		f.add("Epathw", path, word(e+1))
		if e > p.First {
			f.add("Epath-1", c.pathToCue(c.closes[e-1], s), side, kind(e))
		}
		f.add("Ecuel", side, lemma(c.low[s.cueLast-1]), kind(e+1))
	} else {
		f.add("Enocue", d, kind(e+1))
	}
	// A likely cue just after: ", saying …" or ", he said".
	for j := e + 1; j <= min(p.Last-1, e+3); j++ {
		if c.cand[j] {
			f.add("Ecand", string(bucket(j-e)), kind(e+1), v.tag(tags, j))
			break
		}
	}
}

// score sums the weights of the features.
func (r *refiner) score(fs []uint32) float32 {
	v := float32(0)
	for _, h := range fs {
		v += r.w[h]
	}
	return v
}

// pairBeam is how many of the best-scoring starts, and of the best
// ends, are scored in pairs.
const pairBeam = 6

// countSpans fills quotesBefore and candsBefore.
func (c *docContext) countSpans() {
	n := len(c.t.Tokens)
	c.quotesBefore, c.candsBefore = make([]int32, n+1), make([]int32, n+1)
	for i := range n {
		c.quotesBefore[i+1], c.candsBefore[i+1] = c.quotesBefore[i], c.candsBefore[i]
		if c.t.Tokens[i].Kind == text.Quote {
			c.quotesBefore[i+1]++
		}
		if c.cand[i] {
			c.candsBefore[i+1]++
		}
	}
}

// countRoles fills sourcesBefore and cuesBefore from the document's tags.
func (c *docContext) countRoles(tags []Tag) {
	n := len(tags)
	c.sourcesBefore, c.cuesBefore = make([]int32, n+1), make([]int32, n+1)
	for i, g := range tags {
		c.sourcesBefore[i+1], c.cuesBefore[i+1] = c.sourcesBefore[i], c.cuesBefore[i]
		switch g.Role() {
		case SourceRole:
			c.sourcesBefore[i+1]++
		case CueRole:
			c.cuesBefore[i+1]++
		}
	}
}

// subtreeAt returns the highest node of the parse whose subtree is
// tokens [i, e] (a final punctuation mark aside), -1 when none.
func (c *docContext) subtreeAt(i, e int) int {
	found := -1
	for j, steps := i, 0; j >= 0 && steps < len(c.head) && c.subFirst[j] == i; j, steps = c.head[j], steps+1 {
		if l := c.subLast[j]; l == e || l == e-1 && c.rel[e] == "punct" {
			found = j
		}
	}
	return found
}

// subtreeRel describes the phrase of the parse that tokens [i, e] make
// ("none" when they make none): its relation, what it depends on and its
// path to the cue of s.
func (c *docContext) subtreeRel(s edgeSpan, i, e int) string {
	n := c.subtreeAt(i, e)
	if n < 0 {
		return "none"
	}
	rel, head := c.phraseOf(n)
	if s.cueFirst < 0 {
		return rel + "/" + head
	}
	return rel + "/" + head + "/" + c.pathToCue(n, s)
}

// pairFeatures returns the features of the span of s from token i to
// token e (inclusive), on top of those of its two edges: whether it is a
// phrase of the parse and how that hangs from the cue, its length, its
// quotation marks, the likely cues inside it, its outer words.
func (c *docContext) pairFeatures(s edgeSpan, i, e int, p text.Paragraph, f *featureHasher) {
	f.out = f.out[:0]
	v := inPara{c, p}
	kind := v.kind
	sub := c.subtreeRel(s, i, e)
	cueIn := s.cueFirst >= i && s.cueFirst <= e
	quotes := c.quotesBefore[e+1] - c.quotesBefore[i]
	cands := c.candsBefore[e+1] - c.candsBefore[i]
	length := string(bucket(e - i + 1))
	f.add("Pdd", signedBucket(i-s.first), signedBucket(e-(s.last-1)))
	f.add("Psub", sub)
	if s.cueFirst >= 0 {
		f.add("Psubl", sub, lemma(c.low[s.cueLast-1]))
	}
	f.add("Psubk", sub, kind(e+1))
	f.add("Pq", btoa(quotes%2 == 0), kind(i), kind(e))
	f.add("Pcand", string(rune('0'+min(cands, 3))), btoa(cueIn))
	// Quotation marks of the tagger's span left outside this one.
	kept := int32(0)
	if lo, hi := max(i, s.first), min(e+1, s.last); hi > lo {
		kept = c.quotesBefore[hi] - c.quotesBefore[lo]
	}
	dropped := c.quotesBefore[s.last] - c.quotesBefore[s.first] - kept
	f.add("Pdrop", string(rune('0'+min(dropped, 3))), btoa(cueIn), btoa(i > s.first))
	// Other roles the tagger found inside the span.
	sources := c.sourcesBefore[e+1] > c.sourcesBefore[i]
	cues := c.cuesBefore[e+1] > c.cuesBefore[i]
	f.add("Proles", btoa(sources), btoa(cues), btoa(cueIn))
	f.add("Plen", length, string(rune('0'+min(c.sentence[e]-c.sentence[i], 3))))
	f.add("Pkk", kind(i-1), kind(i), kind(e), kind(e+1))
}

// refine returns the span's edges as the refiner chooses them: the
// best-scoring pair of a start and an end among the best starts and the
// best ends.
func (r *refiner) refine(c *docContext, s edgeSpan, tags []Tag) (first, last int) {
	p := c.t.Paragraphs[c.t.Sentences[c.sentence[s.first]].Paragraph]
	f := featureHasher{prefix: s.prefix()}
	starts, ends := c.startCandidates(s, p), c.endCandidates(s, p)
	ss, es := make([]float32, len(starts)), make([]float32, len(ends))
	for k, i := range starts {
		c.startFeatures(s, i, tags, p, &f)
		ss[k] = r.score(f.out)
	}
	for k, e := range ends {
		c.endFeatures(s, e, tags, p, &f)
		es[k] = r.score(f.out)
	}
	a, b := bestPair(ss, es, beam(ss, slices.Index(starts, s.first)), beam(es, slices.Index(ends, s.last-1)),
		func(a, b int) bool { return ends[b] >= starts[a] },
		func(a, b int) float32 {
			c.pairFeatures(s, starts[a], ends[b], p, &f)
			return r.score(f.out)
		})
	if a < 0 {
		return s.first, s.last
	}
	return starts[a], ends[b] + 1
}

// bestPair returns the valid pair of a start among bs and an end among
// be (indices into the scores ss and es) with the highest sum of the
// two edges' scores and the pair's own; (-1, -1) when none is valid.
// Ties keep the first pair, which holds the tagger's edges when they tie.
func bestPair[T float32 | float64](ss, es []T, bs, be []int, valid func(a, b int) bool, pair func(a, b int) T) (int, int) {
	pa, pb, best := -1, -1, T(0)
	for _, a := range bs {
		for _, b := range be {
			if !valid(a, b) {
				continue
			}
			if v := ss[a] + es[b] + pair(a, b); pa < 0 || v > best {
				pa, pb, best = a, b, v
			}
		}
	}
	return pa, pb
}

// beam returns the indices of the pairBeam best scores, and the
// tagger's edge (its index) if it is not among them.
func beam[T float32 | float64](scores []T, tagger int) []int {
	out := topK(scores, pairBeam, tagger)
	if tagger >= 0 && !slices.Contains(out, tagger) {
		out = append(out, tagger)
	}
	return out
}

// topK returns the indices of the k highest scores, best first; among
// ties, prefer (the tagger's edge; -1 for none) comes first, then the
// earlier index.
func topK[T float32 | float64](scores []T, k, prefer int) []int {
	idx := make([]int, len(scores))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case scores[a] > scores[b]:
			return -1
		case scores[a] < scores[b]:
			return 1
		case a == prefer:
			return -1
		case b == prefer:
			return 1
		}
		return 0
	})
	return idx[:min(k, len(idx))]
}

// refinerTrainer trains a refiner as an averaged ranking perceptron.
type refinerTrainer struct {
	w, sum map[uint32]float64
	stamp  map[uint32]int
	step   int
}

func newRefinerTrainer() *refinerTrainer {
	return &refinerTrainer{w: map[uint32]float64{}, sum: map[uint32]float64{}, stamp: map[uint32]int{}}
}

func (t *refinerTrainer) bump(h uint32, d float64) {
	t.sum[h] += float64(t.step-t.stamp[h]) * t.w[h]
	t.stamp[h] = t.step
	t.w[h] += d
}

// spanExample is one span to learn: the features of its candidate
// starts and ends, the index of the gold start and end among them (-1
// when not among them), the index of the tagger's start and end, and the
// features of a pair of them.
type spanExample struct {
	starts, ends           [][]uint32
	goldStart, goldEnd     int
	taggerStart, taggerEnd int
	valid                  func(a, b int) bool
	pair                   func(a, b int) []uint32
}

// scores returns the current scores of feature sets.
func (t *refinerTrainer) scores(sets [][]uint32) []float64 {
	out := make([]float64, len(sets))
	for k, fs := range sets {
		for _, h := range fs {
			out[k] += t.w[h]
		}
	}
	return out
}

// update moves the weights towards the gold features and away from the
// predicted ones, unless they are the same.
func (t *refinerTrainer) update(gold, pred []uint32, same bool) {
	if same {
		return
	}
	for _, h := range gold {
		t.bump(h, 1)
	}
	for _, h := range pred {
		t.bump(h, -1)
	}
}

// learn learns each edge on its own, as the best of its candidates, and
// the pairs' features from the pair refine would choose with the
// current weights: when it is not the gold pair (both gold edges among
// the candidates), they move towards the gold pair's features.
func (t *refinerTrainer) learn(ex spanExample) {
	t.step++
	ss, es := t.scores(ex.starts), t.scores(ex.ends)
	if ex.goldStart >= 0 {
		best := topK(ss, 1, ex.taggerStart)[0]
		t.update(ex.starts[ex.goldStart], ex.starts[best], best == ex.goldStart)
	}
	if ex.goldEnd >= 0 {
		best := topK(es, 1, ex.taggerEnd)[0]
		t.update(ex.ends[ex.goldEnd], ex.ends[best], best == ex.goldEnd)
	}
	if ex.goldStart < 0 || ex.goldEnd < 0 {
		return
	}
	bs, be := beam(ss, ex.taggerStart), beam(es, ex.taggerEnd)
	if !slices.Contains(bs, ex.goldStart) || !slices.Contains(be, ex.goldEnd) {
		return
	}
	pa, pb := bestPair(ss, es, bs, be, ex.valid, func(a, b int) float64 { return t.scores([][]uint32{ex.pair(a, b)})[0] })
	if pa != ex.goldStart || pb != ex.goldEnd {
		t.update(ex.pair(ex.goldStart, ex.goldEnd), ex.pair(pa, pb), false)
	}
}

// averaged returns the refiner with the averaged weights, zeros dropped.
func (t *refinerTrainer) averaged() *refiner {
	r := &refiner{w: map[uint32]float32{}}
	hashes := make([]uint32, 0, len(t.w))
	for h := range t.w {
		hashes = append(hashes, h)
	}
	slices.Sort(hashes)
	for _, h := range hashes {
		if v := (t.sum[h] + float64(t.step-t.stamp[h])*t.w[h]) / float64(max(t.step, 1)); v != 0 {
			r.w[h] = float32(v)
		}
	}
	return r
}

// spanExample returns the training example of a span the tagger found
// (s) whose gold span is tokens [gFirst, gLast], and whether either
// gold edge is among the candidates.
func (c *docContext) spanExample(s edgeSpan, gFirst, gLast int, tags []Tag) (spanExample, bool) {
	p := c.t.Paragraphs[c.t.Sentences[c.sentence[s.first]].Paragraph]
	starts, ends := c.startCandidates(s, p), c.endCandidates(s, p)
	ex := spanExample{
		goldStart: slices.Index(starts, gFirst), goldEnd: slices.Index(ends, gLast),
		taggerStart: slices.Index(starts, s.first), taggerEnd: slices.Index(ends, s.last-1),
	}
	if ex.goldStart < 0 && ex.goldEnd < 0 {
		return ex, false
	}
	for _, i := range starts {
		f := featureHasher{prefix: s.prefix()}
		c.startFeatures(s, i, tags, p, &f)
		ex.starts = append(ex.starts, f.out)
	}
	for _, e := range ends {
		f := featureHasher{prefix: s.prefix()}
		c.endFeatures(s, e, tags, p, &f)
		ex.ends = append(ex.ends, f.out)
	}
	ex.valid = func(a, b int) bool { return ends[b] >= starts[a] }
	ex.pair = func(a, b int) []uint32 {
		f := featureHasher{prefix: s.prefix()}
		c.pairFeatures(s, starts[a], ends[b], p, &f)
		return f.out
	}
	return ex, true
}

// tags returns the begin and inside tags of a role's spans.
func (r Role) tags() (begin, in Tag) {
	if r == SourceRole {
		return BeginSource, InSource
	}
	return BeginContent, InContent
}

// lean describes how far the tagger leaned, at token i of paragraph p,
// towards tag a or b over every other tag: the sign and binary order of
// the score difference in eighths of the document's mean margin ("|"
// outside the paragraph, "-" before tagging).
func (c *docContext) lean(i int, a, b Tag, p text.Paragraph) string {
	if i < p.First || i >= p.Last {
		return "|"
	}
	if c.em == nil {
		return "-"
	}
	em := &c.em[i]
	other := float32(math.Inf(-1))
	for g := range tagCount {
		if g != a && g != b {
			other = max(other, em[g])
		}
	}
	return logBucket((max(em[a], em[b]) - other) / c.emScale * 8)
}

// logBucket coarsens a score difference to its sign and binary order of
// magnitude.
func logBucket(x float32) string {
	sign := "+"
	if x < 0 {
		sign, x = "-", -x
	}
	return sign + string(rune('a'+min(int(math.Log2(float64(x)+1)), 15)))
}
