package attribution

import (
	"sync"

	"github.com/whosaid/whosaid/syntax"
	"github.com/whosaid/whosaid/text"
)

// syntaxModel is the embedded syntax model, loaded on first use; nil if it
// cannot be read, and then the syntactic features are all empty.
var syntaxModel = sync.OnceValue(func() *syntax.Model {
	m, err := syntax.Default()
	if err != nil {
		return nil
	}
	return m
})

// parse is the syntax of a text's tokens: Penn tag, dependency relation
// and head token (-1 for a root or without the syntax model).
type parse struct {
	pos, rel []string
	head     []int
}

// parseText parses t sentence by sentence.
func parseText(t *text.Text) parse {
	n := len(t.Tokens)
	ps := parse{pos: make([]string, n), rel: make([]string, n), head: make([]int, n)}
	for i := range ps.head {
		ps.head[i] = -1
	}
	m := syntaxModel()
	if m == nil {
		return ps
	}
	var words []string
	for _, s := range t.Sentences {
		words = words[:0]
		for i := s.First; i < s.Last; i++ {
			words = append(words, t.Str(i))
		}
		for k, tok := range m.Parse(words) {
			i := s.First + k
			ps.pos[i], ps.rel[i] = tok.XPOS, tok.Rel
			if tok.Head > 0 {
				ps.head[i] = s.First + tok.Head - 1
			}
		}
	}
	return ps
}
