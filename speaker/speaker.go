// Package speaker is a learned ranker of speaker candidates: given a cue
// token, it scores the mentions of the cue's sentence and the sentence
// before (names, pronouns, descriptions, and the subject noun phrase the
// parse gives the cue) and picks the one most likely to be its source. It
// is trained on PolNeAR, whose gold source spans are the targets, and the
// statement stage asks it when its rules find no speaker for a cue.
package speaker

import (
	"strconv"
	"strings"

	"github.com/whosaid/whosaid/mention"
	"github.com/whosaid/whosaid/syntax"
	"github.com/whosaid/whosaid/text"
)

// Candidate is a mention that may be the source of a cue, or none.
type Candidate struct {
	Mention int     // index into mention.Set.Mentions; NoSource for none
	Score   float32 // the model's score; higher is likelier
}

// NoSource is the candidate that says the cue's source is not among the
// mentions in reach: unwritten ("it was reported"), or further away.
const NoSource = -1

// Model is a linear scorer of candidates over hashed features. It is
// read-only after training or decoding and safe for concurrent use.
type Model struct {
	weights map[uint32]float32
}

// Candidates returns the candidate mentions of cue token cue: every
// mention of its sentence and the sentence before that lies outside the
// cue, plus the subject noun phrase of the cue verb in the parse, added to
// ms when no mention covers it (syn may be nil). They are in text order.
func Candidates(t *text.Text, syn *syntax.Sentences, ms *mention.Set, cue int) []int {
	si := t.SentenceOf(cue)
	first := t.Sentences[max(si-1, 0)].First
	last := t.Sentences[si].Last
	if syn != nil {
		if f, l, ok := parsedSubject(t, syn, cue); ok {
			ms.AddPhrase(f, l)
		}
	}
	var out []int
	for mi, m := range ms.Mentions {
		if m.First >= first && m.Last <= last && (m.Last <= cue || m.Outer > cue) {
			out = append(out, mi)
		}
	}
	return out
}

// parsedSubject returns the tokens [first, last) of the subject of the
// cue verb in the parse: the subject word with its dependents up to it
// ("the union's new president"), without what follows it (a relative
// clause, an apposition).
func parsedSubject(t *text.Text, syn *syntax.Sentences, cue int) (first, last int, ok bool) {
	toks, k := syn.Parsed(cue)
	base := cue - k
	subj := -1
	for j, tok := range toks {
		if tok.Head == k+1 && (tok.Rel == "nsubj" || tok.Rel == "nsubj:pass") {
			subj = j
			break
		}
	}
	if subj < 0 {
		return 0, 0, false
	}
	lo := subj
	for changed := true; changed; {
		changed = false
		for j := lo - 1; j >= 0; j-- {
			if toks[j].Head-1 >= lo && toks[j].Head-1 <= subj && toks[j].Rel != "punct" {
				lo, changed = j, true
			}
		}
	}
	if toks[subj].UPOS != "NOUN" && toks[subj].UPOS != "PROPN" && toks[subj].UPOS != "PRON" {
		return 0, 0, false
	}
	return base + lo, base + subj + 1, true
}

// Rank scores the candidates of cue (from Candidates) and NoSource, and
// returns them best first; ties keep text order, NoSource last.
func (m *Model) Rank(t *text.Text, syn *syntax.Sentences, ms *mention.Set, cue int, cands []int) []Candidate {
	ctx := newContext(t, syn, cue)
	out := make([]Candidate, len(cands), len(cands)+1)
	var buf []uint32
	for i, c := range cands {
		buf = ctx.features(buf[:0], ms, cands, i)
		out[i] = Candidate{Mention: c, Score: m.score(buf)}
	}
	out = append(out, Candidate{Mention: NoSource, Score: m.score(ctx.noSource(buf[:0], len(cands)))})
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Score > out[j-1].Score; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func (m *Model) score(feats []uint32) float32 {
	var s float32
	for _, f := range feats {
		s += m.weights[f]
	}
	return s
}

// context holds what the features of one cue's candidates share.
type context struct {
	t       *text.Text
	cue     int
	cueWord string
	sent    text.Sentence
	parse   []syntax.Token // the cue sentence's parse, nil without syntax
	quoted  []bool         // token inside a quotation, over the two sentences
	base    int            // first token of the previous sentence
}

func newContext(t *text.Text, syn *syntax.Sentences, cue int) *context {
	si := t.SentenceOf(cue)
	c := &context{t: t, cue: cue, cueWord: t.Lower(cue), sent: t.Sentences[si], base: t.Sentences[max(si-1, 0)].First}
	if syn != nil {
		c.parse, _ = syn.Parsed(cue)
	}
	c.quoted = make([]bool, c.sent.Last-c.base)
	for _, q := range t.Quotes {
		last := q.Close
		if last < 0 {
			last = t.Paragraphs[q.Paragraph].Last - 1
		}
		for i := max(q.Open, c.base); i <= last && i < c.sent.Last; i++ {
			c.quoted[i-c.base] = true
		}
	}
	return c
}

// features appends the hashed features of candidate i of cands to buf.
func (c *context) features(buf []uint32, ms *mention.Set, cands []int, i int) []uint32 {
	m := ms.Mentions[cands[i]]
	t := c.t
	add := func(parts ...string) { buf = append(buf, hash(parts)) }
	form := [...]string{"name", "pron", "desc"}[m.Form]
	kind := string(m.Kind)
	dir, dist := "before", c.cue-m.Last+1
	if m.First > c.cue {
		dir, dist = "after", m.First-c.cue
	}
	same := "same"
	if m.First < c.sent.First {
		same = "prev"
	}
	// Candidates between this one and the cue: the nearest is 0.
	order := 0
	for _, o := range cands {
		om := ms.Mentions[o]
		if dir == "before" && om.First > m.Last-1 && om.Last <= c.cue || dir == "after" && om.Last <= m.First && om.First > c.cue {
			order++
		}
	}
	commas, quotes, words := 0, 0, 0
	lo, hi := m.Last, c.cue
	if dir == "after" {
		lo, hi = c.cue+1, m.First
	}
	for k := lo; k < hi; k++ {
		switch {
		case t.Str(k) == ",":
			commas++
		case c.quoted[k-c.base]:
			quotes++
		case t.Tokens[k].Kind == text.Word:
			words++
		}
	}
	db, ob, cb := bucket(dist), strconv.Itoa(min(order, 3)), strconv.Itoa(min(commas, 3))
	inQuote := strconv.FormatBool(c.quoted[m.First-c.base])
	add("bias")
	add("form", form)
	add("kind", kind)
	add("form-kind", form, kind)
	add("plural", strconv.FormatBool(m.Plural))
	add("dir", dir, same)
	add("dir-dist", dir, same, db)
	add("dir-order", dir, ob)
	add("dir-order-form", dir, ob, form)
	add("dir-commas", dir, cb)
	add("dir-quotes", dir, strconv.Itoa(min(quotes, 2)))
	add("dir-words", dir, bucket(words))
	add("in-quote", inQuote, dir)
	add("head", m.Head)
	add("head-dir", m.Head, dir)
	add("cue-dir-form", c.cueWord, dir, form)
	add("definite", strconv.FormatBool(m.Definite), form)
	add("span-len", bucket(m.Last-m.Outer))
	add("outer-titled", strconv.FormatBool(m.Outer < m.First), form)
	add("prev-word", c.word(m.Outer-1), dir)
	add("next-word", c.word(m.Last), dir)
	add("next-word-form", c.word(m.Last), form)
	add("opens-sentence", strconv.FormatBool(m.Outer == t.Sentences[t.SentenceOf(m.First)].First), dir)
	if c.parse != nil && m.First >= c.sent.First {
		rel, toCue := c.relation(c.headOf(m.First, m.Last))
		add("rel", rel, dir)
		add("rel-to-cue", rel, toCue)
		add("rel-to-cue-form", rel, toCue, form)
		add("rel-to-cue-dir", rel, toCue, dir)
	} else {
		add("rel", "none", dir)
	}
	return buf
}

// noSource appends the features of the NoSource candidate, given the
// number of mention candidates.
func (c *context) noSource(buf []uint32, cands int) []uint32 {
	add := func(parts ...string) { buf = append(buf, hash(parts)) }
	add("none")
	add("none-cue", c.cueWord)
	add("none-cands", bucket(cands))
	add("none-prev-word", c.word(c.cue-1))
	add("none-next-word", c.word(c.cue+1))
	add("none-opens", strconv.FormatBool(c.cue == c.sent.First))
	add("none-in-quote", strconv.FormatBool(c.quoted[c.cue-c.base]))
	if c.parse != nil {
		k := c.cue - c.sent.First
		subj := false
		for _, tok := range c.parse {
			subj = subj || tok.Head == k+1 && strings.HasPrefix(tok.Rel, "nsubj")
		}
		add("none-subject", strconv.FormatBool(subj))
		add("none-cue-rel", c.parse[k].Rel)
		add("none-cue-tag", c.parse[k].XPOS)
	}
	return buf
}

// headOf returns the token of [first, last), in the cue's sentence, whose
// parse head lies outside it: the head of the phrase ("Ida" in "Ida
// Brandt", where "Brandt" is flat under "Ida").
func (c *context) headOf(first, last int) int {
	for i := first; i < last; i++ {
		h := c.parse[i-c.sent.First].Head - 1 + c.sent.First
		if h < first || h >= last {
			return i
		}
	}
	return last - 1
}

// relation returns the parse relation of token i, in the cue's sentence,
// and how its head relates to the cue: the cue itself, a word under the
// cue, the cue under it, or neither.
func (c *context) relation(i int) (rel, toCue string) {
	k := i - c.sent.First
	cueK := c.cue - c.sent.First
	tok := c.parse[k]
	switch {
	case tok.Head == cueK+1:
		return tok.Rel, "cue"
	case c.dominates(cueK, k):
		return tok.Rel, "under-cue"
	case c.dominates(k, cueK):
		return tok.Rel, "over-cue"
	}
	return tok.Rel, "apart"
}

// dominates says whether word a of the parse is an ancestor of word b.
func (c *context) dominates(a, b int) bool {
	for steps := 0; b >= 0 && steps < len(c.parse); steps++ {
		h := c.parse[b].Head - 1
		if h == a {
			return true
		}
		b = h
	}
	return false
}

func (c *context) word(i int) string {
	if i < 0 || i >= len(c.t.Tokens) {
		return "<edge>"
	}
	return c.t.Lower(i)
}

// bucket groups a count: 0, 1, 2, 3–4, 5–8, more.
func bucket(n int) string {
	switch {
	case n <= 2:
		return strconv.Itoa(n)
	case n <= 4:
		return "3-4"
	case n <= 8:
		return "5-8"
	}
	return "9+"
}

// hash is FNV-1a over the parts, each ended by a zero byte, written out
// so that scoring allocates nothing.
func hash(parts []string) uint32 {
	h := uint32(2166136261)
	for _, p := range parts {
		for i := 0; i < len(p); i++ {
			h = (h ^ uint32(p[i])) * 16777619
		}
		h *= 16777619
	}
	return h
}
