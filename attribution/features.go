package attribution

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/text"
)

// Tag is the BIO label of one token: outside, or the beginning or inside
// of a source, cue or content span. PolNeAR is univocal (a token has at
// most one role), so one layer of tags covers it.
type Tag uint8

// The tags.
const (
	Outside Tag = iota
	BeginSource
	InSource
	BeginCue
	InCue
	BeginContent
	InContent
	tagCount
)

// Role is what a span is in an attribution.
type Role uint8

// The roles.
const (
	NoRole Role = iota
	SourceRole
	CueRole
	ContentRole
)

// Role returns the role the tag marks.
func (g Tag) Role() Role {
	switch g {
	case BeginSource, InSource:
		return SourceRole
	case BeginCue, InCue:
		return CueRole
	case BeginContent, InContent:
		return ContentRole
	}
	return NoRole
}

// begins reports whether the tag opens a span.
func (g Tag) begins() bool { return g == BeginSource || g == BeginCue || g == BeginContent }

// allowed reports whether tag cur may follow prev (BIO well-formedness);
// prev is Outside at the start of a sequence.
func allowed(prev, cur Tag) bool {
	switch cur {
	case InSource, InCue, InContent:
		return prev.Role() == cur.Role()
	}
	return true
}

// Cue-lexicon buckets: how often a word is (part of) a cue in training,
// coarsened so the features generalise.
const (
	rateNone = iota
	rateRare // ≥ 5%
	rateSome // ≥ 20%
	rateMost // ≥ 50%
	rateAlways
)

// cueCandidate is the lowest bucket that makes a token outside quotes a
// cue candidate for the sentence-level features.
const cueCandidate = rateSome

func rateBucket(cue, total int) uint8 {
	r := float64(cue) / float64(total)
	switch {
	case r >= 0.8:
		return rateAlways
	case r >= 0.5:
		return rateMost
	case r >= 0.2:
		return rateSome
	case r >= 0.05:
		return rateRare
	}
	return rateNone
}

// docContext is what the features of a document need, computed once.
type docContext struct {
	t        *text.Text
	low      []string // normalised lower-case token texts
	depth    []uint8  // quotation depth of each token (marks included)
	rate     []uint8  // cue-lexicon bucket of each token
	lrate    []uint8  // cue-lexicon bucket of each token's lemma
	cand     []bool   // cue candidate: a likely cue word outside quotes
	sentence []int    // sentence index of each token
	pos      []string // Penn part-of-speech tag of each token, "" without the syntax model
	rel      []string // dependency relation of each token to its head
	head     []int    // head token of each token, -1 for the root
	// candFirst and candLast are the first and last cue-candidate token
	// of each sentence, -1 when none.
	candFirst, candLast []int
	// opens and closes are, for each token, the largest phrase of the
	// parse (subtree) that starts or ends there, -1 when none: a content
	// is usually the whole complement of its cue, so its edges are the
	// edges of a subtree. A phrase's end ignores its final punctuation.
	opens, closes []int
	// subFirst and subLast are the first and last token of each token's
	// subtree (phraseSpans).
	subFirst, subLast []int
	// quotesBefore and candsBefore count the quotation marks and cue
	// candidates before each token (and before the end, at index n).
	quotesBefore, candsBefore []int32
	// sourcesBefore and cuesBefore count the tokens tagged source and cue
	// before each token, once the document is tagged (countRoles).
	sourcesBefore, cuesBefore []int32
	// em holds the tagger's tag scores of each token once the document is
	// tagged (nil before): the refiner weighs its candidate edges by them.
	em [][tagCount]float32
	// emScale is the document's mean margin of the tagger's best tag
	// over the runner-up: lean measures scores in it, so that taggers
	// trained on more or less text, whose scores differ in scale, lean
	// alike.
	emScale float32
}

// setScores keeps the tagger's scores of the document and their scale,
// given each token's margin.
func (c *docContext) setScores(em [][tagCount]float32, margin []float32) {
	c.em = em
	sum := float32(0)
	for _, m := range margin {
		sum += m
	}
	c.emScale = max(sum/float32(max(len(margin), 1)), 1e-6)
}

func newDocContext(t *text.Text, lexicon map[string]uint8) *docContext {
	n := len(t.Tokens)
	c := &docContext{
		t: t, low: make([]string, n), depth: make([]uint8, n), rate: make([]uint8, n), lrate: make([]uint8, n),
		cand: make([]bool, n), sentence: make([]int, n),
		candFirst: make([]int, len(t.Sentences)), candLast: make([]int, len(t.Sentences)),
	}
	ps := parseText(t)
	c.pos, c.rel, c.head = ps.pos, ps.rel, ps.head
	c.subFirst, c.subLast = phraseSpans(ps)
	c.opens, c.closes = phraseEdges(ps, c.subFirst, c.subLast)
	for i := range t.Tokens {
		c.low[i] = normalise(t.Str(i))
		c.rate[i] = lexicon[c.low[i]]
		if t.Tokens[i].Kind == text.Word {
			c.lrate[i] = lexicon[lemmaKey(c.low[i])]
		}
	}
	for _, q := range t.Quotes {
		last := q.Close
		if last < 0 {
			last = t.Paragraphs[q.Paragraph].Last - 1
		}
		for i := q.Open; i <= last && i < n; i++ {
			if c.depth[i] < 3 {
				c.depth[i]++
			}
		}
	}
	for si, s := range t.Sentences {
		c.candFirst[si], c.candLast[si] = -1, -1
		for i := s.First; i < s.Last; i++ {
			c.sentence[i] = si
			if c.depth[i] == 0 && c.rate[i] >= cueCandidate && t.Tokens[i].Kind == text.Word {
				c.cand[i] = true
				if c.candFirst[si] < 0 {
					c.candFirst[si] = i
				}
				c.candLast[si] = i
			}
		}
	}
	c.countSpans()
	return c
}

// phraseSpans returns the first and last token of each token's subtree;
// the last ignores punctuation (-1 for a punctuation leaf).
func phraseSpans(ps parse) (first, last []int) {
	n := len(ps.head)
	first, last = make([]int, n), make([]int, n)
	for i := range n {
		first[i], last[i] = i, i
		if ps.rel[i] == "punct" {
			last[i] = -1
		}
	}
	// Each token widens the spans of its ancestors; the depth bound guards
	// against a malformed parse.
	for i := range n {
		for j, steps := ps.head[i], 0; j >= 0 && steps < n; j, steps = ps.head[j], steps+1 {
			first[j] = min(first[j], i)
			if ps.rel[i] != "punct" {
				last[j] = max(last[j], i)
			}
		}
	}
	return first, last
}

// phraseEdges returns, for each token, the highest node of the parse
// whose subtree starts at it and the highest whose subtree, punctuation
// aside, ends at it (-1 when none), given the subtrees' spans
// (phraseSpans).
func phraseEdges(ps parse, first, last []int) (opens, closes []int) {
	n := len(ps.head)
	opens, closes = make([]int, n), make([]int, n)
	for i := range n {
		opens[i], closes[i] = -1, -1
	}
	for i := range n {
		// Climbing from a token, the subtrees only grow, so the highest
		// node with a given edge is the last one seen with it.
		for j, steps := i, 0; j >= 0 && steps < n; j, steps = ps.head[j], steps+1 {
			if first[j] == i {
				opens[i] = j
			}
			if last[j] == i {
				closes[i] = j
			}
		}
	}
	return opens, closes
}

// lemmaKey is the lexicon key of a word's lemma; the prefix keeps lemmas
// apart from words.
func lemmaKey(w string) string { return "\x01" + lemma(w) }

// normalise lower-cases a token and unifies apostrophes and digits, so
// "Trump’s" and "trump's" or "2015" and "1999" share features.
func normalise(s string) string {
	s = strings.ToLower(s)
	s = strings.ReplaceAll(s, "’", "'")
	if strings.IndexFunc(s, unicode.IsDigit) >= 0 {
		s = strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) {
				return '0'
			}
			return r
		}, s)
	}
	return s
}

// shape maps a token to a coarse pattern of its characters ("Xx", "X.",
// "d,d") with repeats collapsed.
func shape(s string) string {
	var b strings.Builder
	var last rune
	for _, r := range s {
		var k rune
		switch {
		case unicode.IsUpper(r):
			k = 'X'
		case unicode.IsLower(r):
			k = 'x'
		case unicode.IsDigit(r):
			k = 'd'
		default:
			k = r
		}
		if k != last {
			b.WriteRune(k)
			last = k
		}
	}
	return b.String()
}

func suffix(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[len(r)-n:])
}

// bucket coarsens a token distance.
func bucket(d int) byte {
	switch {
	case d <= 3:
		return byte('0' + d)
	case d <= 6:
		return 'a'
	case d <= 10:
		return 'b'
	case d <= 20:
		return 'c'
	}
	return 'd'
}

// featureHasher builds 32-bit FNV-1a hashes of (template, values) without
// allocating; the model only ever sees the hashes.
// prefix, when set, sets a family of templates apart (the refiner's
// source edges from its content edges).
type featureHasher struct {
	out    []uint32
	prefix string
}

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

func hashString(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * fnvPrime
	}
	return h
}

func (f *featureHasher) add(tmpl string, vals ...string) {
	h := hashString(hashString(fnvOffset, f.prefix), tmpl)
	for _, v := range vals {
		h = (h ^ 0xff) * fnvPrime // separator: ("ab","c") ≠ ("a","bc")
		h = hashString(h, v)
	}
	f.out = append(f.out, h)
}

// markKind describes a token for its neighbours' features: quotation
// marks by direction, punctuation by itself, other tokens by kind.
func (c *docContext) markKind(i int) string {
	tok := c.t.Tokens[i]
	switch tok.Kind {
	case text.Quote:
		if tok.Opening {
			return "q("
		}
		return "q)"
	case text.Punct:
		return c.low[i]
	case text.Number:
		return "num"
	}
	if tok.Upper {
		return "Cap"
	}
	return "low"
}

var boolStr = [2]string{"0", "1"}

func btoa(b bool) string {
	if b {
		return boolStr[1]
	}
	return boolStr[0]
}

// features appends the feature hashes of token i, which lies in
// paragraph p, to f.out.
func (c *docContext) features(i int, p text.Paragraph, f *featureHasher) {
	t := c.t
	word := func(j int) string {
		if j < p.First {
			return "<p>"
		}
		if j >= p.Last {
			return "</p>"
		}
		return c.low[j]
	}
	v := inPara{c, p}
	kind := v.kind
	w := c.low[i]
	si := c.sentence[i]
	s := t.Sentences[si]
	tok := t.Tokens[i]
	depth := string(rune('0' + c.depth[i]))

	f.add("b")
	f.add("w", w)
	f.add("w-1", word(i-1))
	f.add("w+1", word(i+1))
	f.add("w-2", word(i-2))
	f.add("w+2", word(i+2))
	f.add("w-1w", word(i-1), w)
	f.add("ww+1", w, word(i+1))
	f.add("w-1ww+1", word(i-1), w, word(i+1))
	f.add("w-1w+1", word(i-1), word(i+1))
	f.add("w+1w+2", word(i+1), word(i+2))
	f.add("w-2w-1", word(i-2), word(i-1))
	f.add("s3", suffix(w, 3))
	f.add("sh", shape(t.Str(i)))
	f.add("k-1k+1", kind(i-1), kind(i+1))
	f.add("k-1", kind(i-1))
	f.add("k+1", kind(i+1))
	f.add("q", depth, c.markKind(i))
	f.add("qw", depth, w)
	f.add("rate", string(rune('0'+c.rate[i])), depth)
	if i > p.First {
		f.add("rate-1", string(rune('0'+c.rate[i-1])))
	}
	if i+1 < p.Last {
		f.add("rate+1", string(rune('0'+c.rate[i+1])))
		f.add("ratew+1", string(rune('0'+c.rate[i])), word(i+1))
	}
	if i > p.First {
		f.add("w-1rate", word(i-1), string(rune('0'+c.rate[i])))
	}
	if i > p.First+1 {
		f.add("rate-2", string(rune('0'+c.rate[i-2])), string(rune('0'+c.rate[i-1])))
	}
	if i+2 < p.Last {
		f.add("rate+2", string(rune('0'+c.rate[i+1])), string(rune('0'+c.rate[i+2])))
	}

	// The cue rate of the lemma carries what "said" taught to "says"; the
	// wider word and kind windows place cue and source boundaries.
	lr := string(rune('0' + c.lrate[i]))
	f.add("lrate", lr, depth)
	f.add("lratew-1", lr, word(i-1))
	f.add("lratew+1", lr, word(i+1))
	if i > p.First {
		f.add("lrate-1", string(rune('0'+c.lrate[i-1])), lr)
	}
	if i+1 < p.Last {
		f.add("lrate+1", lr, string(rune('0'+c.lrate[i+1])))
	}
	f.add("s2", suffix(w, 2))
	f.add("s4", suffix(w, 4))
	f.add("w-2w-1w", word(i-2), word(i-1), w)
	f.add("ww+1w+2", w, word(i+1), word(i+2))
	f.add("k-2k-1k", kind(i-2), kind(i-1), c.markKind(i))
	f.add("kk+1k+2", c.markKind(i), kind(i+1), kind(i+2))

	// Parts of speech tell a cue verb from a noun and where a source
	// phrase ends.
	pos := v.pos
	f.add("p", pos(i), depth)
	f.add("p-1p", pos(i-1), pos(i))
	f.add("pp+1", pos(i), pos(i+1))
	f.add("p-1pp+1", pos(i-1), pos(i), pos(i+1))
	f.add("p-2p-1p", pos(i-2), pos(i-1), pos(i))
	f.add("pp+1p+2", pos(i), pos(i+1), pos(i+2))
	f.add("prate", pos(i), string(rune('0'+c.rate[i])))
	f.add("plrate", pos(i), lr)

	// The dependency tree: a cue verb's auxiliaries, negation and adverbs
	// join it, its subject is the source and its complement the content.
	rel := c.rel[i]
	hrate, hpos := "-", "-"
	if h := c.head[i]; h >= 0 {
		hrate, hpos = string(rune('0'+max(c.rate[h], c.lrate[h]))), c.pos[h]
	}
	f.add("dep", rel, hrate)
	f.add("deph", rel, hpos, pos(i))
	// The nearest ancestor that is a likely cue, and the relation by which
	// the path reaches it.
	anc, via, ancTok := "-", rel, -1
	for j, steps := i, 0; steps < 8; steps++ {
		h := c.head[j]
		if h < 0 {
			break
		}
		if max(c.rate[h], c.lrate[h]) >= cueCandidate {
			anc, via, ancTok = string(bucket(steps)), c.rel[j], h
			break
		}
		j = h
	}
	f.add("anc", anc, via)
	f.add("ancd", anc, via, depth)
	if ancTok >= 0 {
		f.add("ancw", via, c.low[ancTok])
	}
	if h := c.head[i]; h >= 0 {
		f.add("hw", rel, lemma(c.low[h]))
	}

	// Where the token stands in its sentence and paragraph.
	fromStart, toEnd := i-s.First, s.Last-1-i
	f.add("ds", string(bucket(fromStart)))
	f.add("de", string(bucket(toEnd)))
	f.add("sent0", btoa(si == 0 || t.Sentences[si-1].Paragraph != s.Paragraph), btoa(s.Paragraph == 0))
	f.add("up", btoa(tok.Upper), btoa(fromStart == 0))

	// The nearest cue candidates around the token in its sentence: content
	// tends to lie on the far side of a cue from its source.
	left, right := -1, -1
	for j := i - 1; j >= s.First; j-- {
		if c.cand[j] {
			left = j
			break
		}
	}
	for j := i + 1; j < s.Last; j++ {
		if c.cand[j] {
			right = j
			break
		}
	}
	leftDist, rightDist := "-", "-"
	if left >= 0 {
		leftDist = string(bucket(i - left))
		f.add("cl", leftDist, depth)
		f.add("clw", c.low[left], depth)
		f.add("clww", c.low[left], w)
		f.add("clk", leftDist, c.markKind(i))
		if i-left <= 3 {
			f.add("cldw", leftDist, w, c.low[left])
		}
	}
	if right >= 0 {
		rightDist = string(bucket(right - i))
		f.add("cr", rightDist, depth)
		f.add("crw", c.low[right], depth)
		f.add("crww", c.low[right], w)
		f.add("crk", rightDist, c.markKind(i))
	}
	f.add("clcr", leftDist, rightDist, depth)
	f.add("clcrk", btoa(left >= 0), btoa(right >= 0), c.markKind(i))

	// Attributions often span sentences: "… ," in one sentence, "he said."
	// opening the next; or "He said:" ending the previous one.
	prevCue, nextCue := "-", "-"
	if si > 0 && t.Sentences[si-1].Paragraph == s.Paragraph && c.candLast[si-1] >= 0 {
		prevCue = string(bucket(t.Sentences[si-1].Last - 1 - c.candLast[si-1]))
	}
	if si+1 < len(t.Sentences) && t.Sentences[si+1].Paragraph == s.Paragraph && c.candFirst[si+1] >= 0 {
		nextCue = string(bucket(c.candFirst[si+1] - t.Sentences[si+1].First))
	}
	f.add("adj", prevCue, nextCue, btoa(left >= 0 || right >= 0), depth)

	// Quotation layout of the sentence.
	firstQuote := t.Tokens[s.First].Kind == text.Quote
	lastQuote := t.Tokens[s.Last-1].Kind == text.Quote || s.Last-s.First > 1 && t.Tokens[s.Last-2].Kind == text.Quote
	f.add("sq", btoa(firstQuote), btoa(lastQuote), depth)
}

// sequenceFeatures returns the feature hashes of every token of
// paragraph p, one slice per token sharing one backing array.
func (c *docContext) sequenceFeatures(p text.Paragraph) [][]uint32 {
	var f featureHasher
	ends := make([]int, 0, p.Last-p.First)
	for i := p.First; i < p.Last; i++ {
		c.features(i, p, &f)
		ends = append(ends, len(f.out))
	}
	out := make([][]uint32, len(ends))
	start := 0
	for k, e := range ends {
		out[k] = f.out[start:e:e]
		start = e
	}
	return out
}
