package text

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
)

// Text is the analysis of a document's content blocks.
type Text struct {
	Src        string
	Tokens     []Token
	Sentences  []Sentence
	Quotes     []Quotation
	Paragraphs []Paragraph

	lower []string // lower[i]: token i in lower case once Lower has read it
}

// Paragraph is one line of content; quotations and sentences never cross
// paragraph boundaries (a quote running on is split per paragraph).
type Paragraph struct {
	Start, End  int // byte offsets
	First, Last int // token range [First, Last)
}

// Sentence is a token range [First, Last) within one paragraph.
type Sentence struct {
	Start, End  int
	First, Last int
	Paragraph   int
}

// Quotation is a quoted stretch of one paragraph.
type Quotation struct {
	Start, End int // from the opening mark to the closing one, inclusive
	Open       int // token index of the opening mark
	Close      int // token index of the closing mark, -1 when unclosed
	Parent     int // index of the enclosing quotation, -1 at top level
	Paragraph  int
	// RunsOn says the quotation is left open at the end of its paragraph
	// and the next paragraph reopens it (the news convention for a quote
	// spanning paragraphs); Continues says it is such a reopening.
	RunsOn, Continues bool
}

// Analyze tokenizes the given blocks of src (content paragraphs, in order)
// and finds their sentences and quotations. Blocks are split further at
// line breaks.
func Analyze(src string, blocks []whosaid.Span) *Text {
	size := 0
	for _, b := range blocks {
		size += b.Len()
	}
	// About one token per five bytes; sized by the blocks, not the whole
	// text, which may be analysed piece by piece.
	t := &Text{Src: src, Tokens: make([]Token, 0, size/5)}
	for _, b := range blocks {
		for start := b.Start; start < b.End; {
			end := strings.IndexByte(src[start:b.End], '\n')
			if end < 0 {
				end = b.End
			} else {
				end += start
			}
			t.addParagraph(start, end)
			start = end + 1
		}
	}
	return t
}

func (t *Text) addParagraph(start, end int) {
	first := len(t.Tokens)
	t.Tokens = tokenize(t.Src, start, end, t.Tokens)
	if len(t.Tokens) == first {
		return
	}
	p := Paragraph{Start: t.Tokens[first].Start, End: t.Tokens[len(t.Tokens)-1].End, First: first, Last: len(t.Tokens)}
	t.Paragraphs = append(t.Paragraphs, p)
	pi := len(t.Paragraphs) - 1
	for i := first; i < p.Last; i++ {
		t.Tokens[i].Upper = t.Tokens[i].Upper || startsUpper(t.Src[t.Tokens[i].Start:t.Tokens[i].End])
	}
	t.pairQuotes(pi)
	t.splitSentences(pi)
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// Str returns the text of token i.
func (t *Text) Str(i int) string { return t.Src[t.Tokens[i].Start:t.Tokens[i].End] }

// Lower returns the text of token i in lower case. The later stages read
// the same words in lower case many times, so each is lowered once and kept.
// As it fills that cache, Lower must not run on one Text in several
// goroutines at once.
func (t *Text) Lower(i int) string {
	if i < len(t.lower) && t.lower[i] != "" {
		return t.lower[i] // the common case, small enough to be inlined
	}
	return t.lowerOnce(i)
}

// lowerOnce lowers token i and keeps it for Lower.
func (t *Text) lowerOnce(i int) string {
	if len(t.lower) < len(t.Tokens) {
		t.lower = append(t.lower, make([]string, len(t.Tokens)-len(t.lower))...)
	}
	s := strings.ToLower(t.Str(i))
	t.lower[i] = s
	return s
}

// flanks reports whether the mark at token i can open (a word follows it
// directly) and close (a word precedes it directly) a quotation.
func (t *Text) flanks(i int, p Paragraph) (left, right bool) {
	tok := t.Tokens[i]
	nextSpace := i+1 >= p.Last || t.Tokens[i+1].SpaceBefore
	left = !nextSpace
	right = !tok.SpaceBefore && i > p.First
	if left && right {
		// Glued on both sides: decide by what is glued.
		prev, next := t.Tokens[i-1], t.Tokens[i+1]
		if prev.Kind == Punct && (t.Src[prev.Start] == '(' || t.Src[prev.Start] == '[' || t.Src[prev.Start] == '-') || prev.Kind == Quote && prev.Opening {
			right = false
		} else if next.Kind == Punct || next.Kind == Quote {
			left = false
		}
	}
	return left, right
}

// pairQuotes finds the quotations of paragraph pi: a stack pairs opening
// and closing marks, double marks enclose single ones, a single mark that
// pairs with nothing is an apostrophe.
func (t *Text) pairQuotes(pi int) {
	p := t.Paragraphs[pi]
	var stack []int // token indices of open marks
	// doubles holds the stack positions of the open double marks, so the
	// innermost one is found without scanning a run of single marks.
	var doubles []int
	openDouble := func() int {
		if len(doubles) == 0 {
			return -1
		}
		return doubles[len(doubles)-1]
	}
	// openSingle is the innermost open mark if it is a single one.
	openSingle := func() int {
		if k := len(stack) - 1; k >= 0 && !t.Tokens[stack[k]].Shape.Double() {
			return k
		}
		return -1
	}
	var pairs [][2]int
	closeAt := func(k, i int) {
		// Inner marks left open are not quotation marks after all.
		for _, o := range stack[k+1:] {
			t.demote(o)
		}
		pairs = append(pairs, [2]int{stack[k], i})
		stack = stack[:k]
		for len(doubles) > 0 && doubles[len(doubles)-1] >= k {
			doubles = doubles[:len(doubles)-1]
		}
	}
	open := func(i int) {
		t.Tokens[i].Opening = true
		if t.Tokens[i].Shape.Double() {
			doubles = append(doubles, len(stack))
		}
		stack = append(stack, i)
	}
	for i := p.First; i < p.Last; i++ {
		tok := &t.Tokens[i]
		if tok.Kind != Quote {
			continue
		}
		left, right := t.flanks(i, p)
		d := openDouble()
		switch tok.Shape {
		case DoubleOpen:
			if right && !left && d >= 0 {
				closeAt(d, i)
			} else {
				open(i)
			}
		case DoubleClose:
			switch {
			case d >= 0:
				closeAt(d, i)
			case left && !right:
				open(i)
			default:
				t.demote(i)
			}
		case DoubleStraight:
			switch {
			case d >= 0 && (right || !left):
				closeAt(d, i)
			case left || d < 0:
				open(i)
			default:
				closeAt(d, i)
			}
		default: // single marks
			s := openSingle()
			switch {
			case s >= 0 && (right || !left):
				closeAt(s, i)
			case left && !right && tok.Shape != SingleClose:
				open(i)
			case left && !right && s < 0 && tok.SpaceBefore:
				// ’ used as an opening mark by a careless scraper.
				open(i)
			default:
				t.demote(i)
			}
		}
	}
	// A quote left open: single marks were apostrophes; a double runs to the
	// end of the paragraph.
	for _, o := range stack {
		if !t.Tokens[o].Shape.Double() {
			t.demote(o)
		}
	}
	first := len(t.Quotes)
	for _, pr := range pairs {
		t.Quotes = append(t.Quotes, Quotation{
			Start: t.Tokens[pr[0]].Start, End: t.Tokens[pr[1]].End,
			Open: pr[0], Close: pr[1], Parent: -1, Paragraph: pi,
		})
	}
	for _, o := range stack {
		if !t.Tokens[o].Shape.Double() {
			continue
		}
		t.Quotes = append(t.Quotes, Quotation{
			Start: t.Tokens[o].Start, End: p.End,
			Open: o, Close: -1, Parent: -1, Paragraph: pi, RunsOn: true,
		})
	}
	qs := t.Quotes[first:]
	sortQuotes(qs)
	// The marks were paired on a stack, so the quotations nest: in start
	// order, the parent of each is the innermost earlier one still open.
	var enclosing []int // indices into qs
	for k := range qs {
		for len(enclosing) > 0 && !qs[enclosing[len(enclosing)-1]].encloses(qs[k]) {
			enclosing = enclosing[:len(enclosing)-1]
		}
		if len(enclosing) > 0 {
			qs[k].Parent = first + enclosing[len(enclosing)-1]
		}
		enclosing = append(enclosing, k)
	}
	// The previous paragraph's quote runs on only if this one reopens.
	if prev := t.lastTopQuote(first, pi-1); prev >= 0 && t.Quotes[prev].Close < 0 {
		reopens := len(qs) > 0 && qs[0].Open == p.First
		t.Quotes[prev].RunsOn = reopens
		if reopens {
			qs[0].Continues = true
		}
	}
}

func (q Quotation) encloses(inner Quotation) bool {
	return q.Start < inner.Start && q.End >= inner.End
}

// lastTopQuote returns the last top-level quotation of paragraph pi among
// t.Quotes[:before], or -1.
func (t *Text) lastTopQuote(before, pi int) int {
	for k := before - 1; k >= 0 && t.Quotes[k].Paragraph == pi; k-- {
		if t.Quotes[k].Parent < 0 {
			return k
		}
	}
	return -1
}

// demote turns a quotation mark that pairs with nothing into punctuation.
func (t *Text) demote(i int) {
	t.Tokens[i].Kind = Punct
	t.Tokens[i].Opening = false
}

// sortQuotes orders quotations by start, an enclosing one before those it
// encloses.
func sortQuotes(qs []Quotation) {
	slices.SortStableFunc(qs, func(a, b Quotation) int {
		if c := cmp.Compare(a.Start, b.Start); c != 0 {
			return c
		}
		return cmp.Compare(b.End, a.End)
	})
}

// sentenceStarters are capitalised function words that, after an
// abbreviation such as "U.S.", show that a new sentence began.
var sentenceStarters = map[string]bool{
	"The": true, "He": true, "She": true, "It": true, "They": true, "We": true, "I": true,
	"But": true, "And": true, "In": true, "A": true, "This": true, "That": true, "His": true,
	"Her": true, "Their": true, "There": true, "When": true, "If": true,
}

// splitSentences splits paragraph pi at sentence-final punctuation,
// keeping closing quotation marks and brackets with the sentence they end.
func (t *Text) splitSentences(pi int) {
	p := t.Paragraphs[pi]
	start := p.First
	for i := p.First; i < p.Last; i++ {
		if !t.endsSentence(i, p) {
			continue
		}
		end := i + 1
		for end < p.Last && (t.Tokens[end].Kind == Quote && !t.Tokens[end].Opening || isCloser(t.Str(end))) {
			end++
		}
		if end < p.Last && !t.startsSentence(end) {
			continue
		}
		t.addSentence(start, end, pi)
		start = end
		i = end - 1
	}
	if start < p.Last {
		t.addSentence(start, p.Last, pi)
	}
}

// MaxSentenceTokens bounds a sentence: a longer stretch without a
// sentence end (a list, a scrape without punctuation) is cut into pieces
// of this many tokens, because later stages scan a sentence once per cue
// word in it. The longest sentence of GGT dev and PolNeAR has 220 tokens.
const MaxSentenceTokens = 300

func (t *Text) addSentence(first, last, pi int) {
	for first < last {
		end := min(last, first+MaxSentenceTokens)
		t.Sentences = append(t.Sentences, Sentence{
			Start: t.Tokens[first].Start, End: t.Tokens[end-1].End,
			First: first, Last: end, Paragraph: pi,
		})
		first = end
	}
}

func (t *Text) endsSentence(i int, p Paragraph) bool {
	tok := t.Tokens[i]
	s := t.Str(i)
	switch {
	case tok.Kind == Punct && (s == "." || s == "!" || s == "?" || s == "…" || s == "..." || s == "?!"):
		return true
	case tok.Kind == Word && strings.HasSuffix(s, ".") && strings.Count(s, ".") > 1:
		// "U.S." ends a sentence only when a sentence visibly starts next.
		return i+1 < p.Last && sentenceStarters[t.Str(i+1)]
	}
	return false
}

func (t *Text) startsSentence(i int) bool {
	tok := t.Tokens[i]
	if !tok.SpaceBefore {
		return false
	}
	return tok.Upper || tok.Kind == Number || tok.Kind == Quote && tok.Opening ||
		tok.Kind == Punct && (t.Src[tok.Start] == '(' || t.Src[tok.Start] == '[')
}

func isCloser(s string) bool { return s == ")" || s == "]" }

// SentenceOf returns the index of the sentence containing token i.
func (t *Text) SentenceOf(i int) int {
	return sort.Search(len(t.Sentences), func(m int) bool { return t.Sentences[m].Last > i })
}

// TokenAt returns the index of the first token that ends after byte offset
// off.
func (t *Text) TokenAt(off int) int {
	return sort.Search(len(t.Tokens), func(m int) bool { return t.Tokens[m].End > off })
}
