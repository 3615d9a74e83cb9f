package syntax

import "github.com/whosaid/whosaid/text"

// Sentences is the syntax stage of the pipeline: the analysis of a text's
// sentences, aligned with its tokens and computed on demand, sentence by
// sentence, so that only the sentences a later stage asks about are
// tagged or parsed.
type Sentences struct {
	t      *text.Text
	m      *Model
	tagged map[int][]Token // sentence → its tokens' analysis
	parsed map[int]bool
	words  []string
}

// NewSentences prepares the syntax of t with model m.
func NewSentences(t *text.Text, m *Model) *Sentences {
	return &Sentences{t: t, m: m, tagged: map[int][]Token{}, parsed: map[int]bool{}}
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

// XPOS returns the Penn tag of token i.
func (s *Sentences) XPOS(i int) string {
	toks, k := s.Tagged(i)
	return toks[k].XPOS
}

func (s *Sentences) analyse(si int, parse bool) []Token {
	sent := s.t.Sentences[si]
	s.words = s.words[:0]
	for i := sent.First; i < sent.Last; i++ {
		s.words = append(s.words, s.t.Str(i))
	}
	var toks []Token
	if parse {
		toks = s.m.Parse(s.words)
		s.parsed[si] = true
	} else {
		toks = s.m.Tag(s.words)
	}
	s.tagged[si] = toks
	return toks
}
