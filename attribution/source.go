package attribution

import (
	"strconv"

	"github.com/whosaid/whosaid/text"
)

// subjectSource finds a candidate source for an attribution the tagger
// gave a cue but no source: the subject of the cue's verb in the parse,
// with the words it governs ("Dr. Lee, a surgeon at the clinic,"), as
// PolNeAR marks sources. The verb's own subject comes first, then the
// agent of a passive ("was praised by X": X), then a passive's subject
// (which the decision mostly turns down), then the subject of the
// verb the cue's verb is coordinated with or depends on ("X arrived and
// promptly voted against", "X tried …, accusing her"). The span touches
// neither the cue nor the content. path names the way there ("advcl>"
// for each step up, then the relation), for the decision's features.
func (ctx *docContext) subjectSource(cue, content span) (s span, path string, ok bool) {
	v := ctx.phraseHead(cue)
	for steps := 0; v >= 0 && steps < 3; steps++ {
		if s, rel, ok := ctx.dependentPhrase(v, cue, content, "nsubj", "obl:agent", "nsubj:pass"); ok {
			return s, path + rel, true
		}
		switch ctx.rel[v] {
		case "conj", "xcomp", "advcl":
			path += ctx.rel[v] + ">"
			v = ctx.head[v]
		default:
			return span{}, "", false
		}
	}
	return span{}, "", false
}

// sourceFeatures describes a candidate source s of an attribution with
// cue and content, reached by path.
func (ctx *docContext) sourceFeatures(s, cue span, path string) []uint32 {
	f := &featureHasher{prefix: "subject"}
	kind := "np"
	if s.last-s.first == 1 {
		kind = ctx.wordClass(s.first)
	}
	h := ctx.phraseHead(s)
	v := ctx.phraseHead(cue)
	srcLean := ctx.leanAt(h, BeginSource, InSource)
	cueLean := ctx.leanAt(v, BeginCue, InCue)
	size := strconv.Itoa(min(s.last-s.first, 6))
	f.add("bias")
	f.add("path", path)
	f.add("path kind", path, kind)
	f.add("lean", srcLean)
	f.add("path lean", path, srcLean)
	f.add("cue lean", cueLean)
	f.add("leans", srcLean, cueLean)
	f.add("size", size)
	f.add("head tag", ctx.pos[h])
	f.add("verb", lemma(ctx.low[v]))
	f.add("verb tag", ctx.pos[v])
	f.add("cue size", strconv.Itoa(min(cue.last-cue.first, 4)))
	return f.out
}

// wordClass is a word's own lower-case form for the closed classes whose
// words differ in how they attach (prepositions, particles, auxiliaries,
// negation, determiners, pronouns), and its Penn tag otherwise.
func (ctx *docContext) wordClass(i int) string {
	switch ctx.pos[i] {
	case "IN", "TO", "RP", "MD", "DT", "PRP", "PRP$", "WDT", "WP":
		return ctx.low[i]
	case "RB":
		switch ctx.low[i] {
		case "not", "n't", "never":
			return ctx.low[i]
		}
	}
	if irregular[ctx.low[i]] == "be" || ctx.low[i] == "be" {
		return "be"
	}
	return ctx.pos[i]
}

// leanAt is lean at token i within its own paragraph.
func (ctx *docContext) leanAt(i int, a, b Tag) string {
	return ctx.lean(i, a, b, ctx.t.Paragraphs[ctx.t.Sentences[ctx.sentence[i]].Paragraph])
}

// phraseHead returns the token of s whose head lies outside s: the head
// of the phrase s spans (its first such token), or -1.
func (ctx *docContext) phraseHead(s span) int {
	for i := s.first; i < s.last; i++ {
		if h := ctx.head[i]; h < s.first || h >= s.last {
			return i
		}
	}
	return -1
}

// dependentPhrase returns the subtree of the first dependent of v with
// one of the relations rels (in their order) that overlaps neither the
// cue nor the content, and the relation, without the preposition of an
// agent and without punctuation at its edges.
func (ctx *docContext) dependentPhrase(v int, cue, content span, rels ...string) (span, string, bool) {
	s := ctx.t.Sentences[ctx.sentence[v]]
	for _, want := range rels {
		for i := s.First; i < s.Last; i++ {
			if ctx.head[i] != v || ctx.rel[i] != want {
				continue
			}
			p := ctx.subtree(i, s)
			for p.first < p.last && (ctx.rel[p.first] == "case" && ctx.head[p.first] == i || ctx.t.Tokens[p.first].Kind == text.Punct) {
				p.first++
			}
			for p.last > p.first && ctx.t.Tokens[p.last-1].Kind == text.Punct && !ctx.closesAside(p, p.last-1) {
				p.last--
			}
			p = ctx.closeBracket(p)
			if p.first <= i && i < p.last && !overlaps(p, cue) && !overlaps(p, content) {
				return p, want, true
			}
		}
	}
	return span{}, "", false
}

// closesAside says whether the comma at k closes an aside that a comma
// inside p opened (an apposition, a relative clause), which PolNeAR
// keeps in the source.
func (ctx *docContext) closesAside(p span, k int) bool {
	if ctx.t.Str(k) != "," {
		return false
	}
	for i := p.first; i < k; i++ {
		if ctx.t.Str(i) == "," {
			return true
		}
	}
	return false
}

// closeBracket extends p to the bracket that closes one it opened
// ("Sen. Ann Lee (D-Ore.)"), when that lies at most three tokens on.
func (ctx *docContext) closeBracket(p span) span {
	open := 0
	for i := p.first; i < p.last; i++ {
		switch ctx.t.Str(i) {
		case "(":
			open++
		case ")":
			open--
		}
	}
	if open <= 0 {
		return p
	}
	end := ctx.t.Sentences[ctx.sentence[p.last-1]].Last
	for i := p.last; i < min(p.last+3, end); i++ {
		if ctx.t.Str(i) == ")" {
			p.last = i + 1
			break
		}
	}
	return p
}

// subtree returns the tokens of sentence s that descend from node i (i
// included), as the span from the first to the last.
func (ctx *docContext) subtree(i int, s text.Sentence) span {
	p := span{role: SourceRole, first: i, last: i + 1}
	for j := s.First; j < s.Last; j++ {
		for a, steps := j, 0; a >= 0 && steps < s.Last-s.First; a, steps = ctx.head[a], steps+1 {
			if a == i {
				p.first, p.last = min(p.first, j), max(p.last, j+1)
				break
			}
		}
	}
	return p
}

func overlaps(a, b span) bool { return a.first < b.last && b.first < a.last }
