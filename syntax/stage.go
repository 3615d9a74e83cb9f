package syntax

import (
	"time"

	"github.com/whosaid/whosaid/text"
)

// Sentences is the syntax stage of the pipeline: the analysis of a text's
// sentences, aligned with its tokens and computed on demand, sentence by
// sentence, so that only the sentences a later stage asks about are
// tagged or parsed.
type Sentences struct {
	t      *text.Text
	m      *Model
	load   func() *Model   // gives m on first use when m is nil
	tagged map[int][]Token // sentence → its tokens' analysis
	parsed map[int]bool
	// partial holds the sentences tagged only up to a word XPOS asked about.
	partial map[int]*partialSentence
	words   []string // the sentence as the treebank would split it
	owner   []int    // words[k] is part of the sentence's token owner[k]
	// Spent adds up the time spent tagging and parsing when Timed is set
	// (whosaid bench): the analysis runs inside later stages, on demand.
	Timed bool
	Spent time.Duration
}

// NewSentences prepares the syntax of t with model m.
func NewSentences(t *text.Text, m *Model) *Sentences {
	return &Sentences{t: t, m: m, tagged: map[int][]Token{}, parsed: map[int]bool{}}
}

// NewLazySentences prepares the syntax of t with the model that load
// returns, asked for only when a sentence is first analysed: a run whose
// texts no later stage asks about (no speech verb to check) never loads a
// model. When load gives none, words are analysed with no tags and no
// dependencies.
func NewLazySentences(t *text.Text, load func() *Model) *Sentences {
	return &Sentences{t: t, load: load, tagged: map[int][]Token{}, parsed: map[int]bool{}}
}

// Tagged returns the tags and lemmas of token i's sentence and i's
// position in it.
func (s *Sentences) Tagged(i int) ([]Token, int) {
	si := s.t.SentenceOf(i)
	if toks, ok := s.tagged[si]; ok {
		return toks, i - s.t.Sentences[si].First
	}
	return s.analyse(si, false), i - s.t.Sentences[si].First
}

// Parsed returns the full analysis (tags, lemmas and dependencies) of token
// i's sentence and i's position in it; heads are positions in the sentence
// plus one, 0 for the root.
func (s *Sentences) Parsed(i int) ([]Token, int) {
	si := s.t.SentenceOf(i)
	if s.parsed[si] {
		return s.tagged[si], i - s.t.Sentences[si].First
	}
	return s.analyse(si, true), i - s.t.Sentences[si].First
}

// XPOS returns the Penn tag of token i. A sentence not analysed yet is
// tagged only as far as token i's tag needs (see partialTag).
func (s *Sentences) XPOS(i int) string {
	si := s.t.SentenceOf(i)
	sent := s.t.Sentences[si]
	if toks, ok := s.tagged[si]; ok {
		return toks[i-sent.First].XPOS
	}
	ps := s.partial[si]
	if ps == nil {
		ps = s.startPartial(si)
	}
	if ps == nil {
		toks, k := s.Tagged(i)
		return toks[k].XPOS
	}
	if s.Timed {
		defer func(start time.Time) { s.Spent += time.Since(start) }(time.Now())
	}
	k, end := ps.start[i-sent.First], ps.start[i-sent.First+1]
	s.m.tagTo(ps.tag, end-1)
	head := taggedHead(k, end, func(j int) string { return ps.tag.words[j] },
		func(j int) string { return s.m.upos[ps.tag.classes[j]] })
	return s.m.xpos[ps.tag.classes[head]]
}

// partialSentence is a sentence tagged only as far as XPOS needed.
type partialSentence struct {
	tag   *partialTag
	start []int // start[t]: the first of token t's words; start[len]: the number of words
}

// startPartial starts the partial tagging of sentence si, or returns nil
// when there is no model or the model's passes cannot tag partially.
func (s *Sentences) startPartial(si int) *partialSentence {
	sent := s.t.Sentences[si]
	words := make([]string, 0, sent.Last-sent.First)
	start := make([]int, 0, sent.Last-sent.First+1)
	for i := sent.First; i < sent.Last; i++ {
		start = append(start, len(words))
		words = splitWord(words, s.t.Str(i))
	}
	start = append(start, len(words))
	if s.m == nil && s.load != nil {
		s.m, s.load = s.load(), nil
	}
	if s.m == nil {
		return nil
	}
	p := s.m.startTag(words)
	if p == nil {
		return nil
	}
	if s.partial == nil {
		s.partial = map[int]*partialSentence{}
	}
	ps := &partialSentence{tag: p, start: start}
	s.partial[si] = ps
	return ps
}

func (s *Sentences) analyse(si int, parse bool) []Token {
	if s.Timed {
		defer func(start time.Time) { s.Spent += time.Since(start) }(time.Now())
	}
	sent := s.t.Sentences[si]
	// The text stage keeps "well-known" and "cannot" whole, the treebank
	// splits them ("well" "-" "known", "can" "not"): the model sees the
	// words it was trained on, and their analysis is folded back onto the
	// text's tokens.
	s.words, s.owner = s.words[:0], s.owner[:0]
	for i := sent.First; i < sent.Last; i++ {
		n := len(s.words)
		s.words = splitWord(s.words, s.t.Str(i))
		for range len(s.words) - n {
			s.owner = append(s.owner, i-sent.First)
		}
	}
	if s.m == nil && s.load != nil {
		s.m, s.load = s.load(), nil
	}
	var toks []Token
	switch {
	case s.m == nil:
		toks = make([]Token, len(s.words))
		for k, w := range s.words {
			toks[k] = Token{Form: w, Lemma: w}
		}
	case parse && s.partial[si] != nil:
		toks = s.m.finishParse(s.partial[si].tag)
		s.parsed[si] = true
		delete(s.partial, si)
	case parse:
		toks = s.m.Parse(s.words)
		s.parsed[si] = true
	case s.partial[si] != nil:
		toks = s.m.finish(s.partial[si].tag)
		delete(s.partial, si)
	default:
		toks = s.m.Tag(s.words)
	}
	if len(toks) != sent.Last-sent.First {
		toks = s.fold(toks, sent, parse)
	}
	s.tagged[si] = toks
	return toks
}

// fold maps the analysis of the split words back onto the sentence's
// tokens. A token takes the tags and relation of its head part: when
// parsed, its part nearest the root, which is attached outside the token
// (so the folded tree has no cycle: each token's head part lies nearer
// the root than the one before); when only tagged, the last word of a
// hyphenated compound ("co-workers") and the first part otherwise ("can"
// of "cannot"). Its lemma is its form with the head part's lemma in place
// of that part when the head part ends it.
func (s *Sentences) fold(words []Token, sent text.Sentence, parsed bool) []Token {
	var depth []int
	if parsed {
		depth = make([]int, len(words))
		for j := range words {
			for h := words[j].Head; h > 0 && depth[j] <= len(words); h = words[h-1].Head {
				depth[j]++
			}
		}
	}
	toks := make([]Token, sent.Last-sent.First)
	for k := 0; k < len(words); {
		p := s.owner[k]
		end := k + 1
		for end < len(words) && s.owner[end] == p {
			end++
		}
		head := k
		switch {
		case parsed:
			for j := k + 1; j < end; j++ {
				if depth[j] < depth[head] {
					head = j
				}
			}
		default:
			head = taggedHead(k, end, func(j int) string { return words[j].Form },
				func(j int) string { return words[j].UPOS })
		}
		form := s.t.Str(sent.First + p)
		tok := words[head]
		tok.Form = form
		tok.Lemma = form
		if before := prefixLen(words[k:head]); before+len(words[head].Form) == len(form) {
			tok.Lemma = form[:before] + words[head].Lemma // "co-workers" → "co-worker"
		}
		if parsed && tok.Head > 0 {
			tok.Head = s.owner[tok.Head-1] + 1
		}
		toks[p] = tok
		k = end
	}
	return toks
}

// taggedHead is the part of a token made of words k..end-1 whose tags the
// token takes when it is only tagged: the last word of a hyphenated
// compound ("co-workers") that is no punctuation, the first part otherwise
// ("can" of "cannot").
func taggedHead(k, end int, form, upos func(int) string) int {
	if end-k <= 1 || form(k+1) != "-" {
		return k
	}
	head := end - 1
	for head > k && upos(head) == "PUNCT" {
		head--
	}
	return head
}

// prefixLen is the length in bytes of the word parts before a token's head
// part.
func prefixLen(parts []Token) int {
	n := 0
	for _, w := range parts {
		n += len(w.Form)
	}
	return n
}
