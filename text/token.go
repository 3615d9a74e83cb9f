// Package text is the third stage of the pipeline: it splits the content
// blocks of a document into tokens, sentences and quotations, keeping UTF-8
// byte offsets into the original text throughout.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota // letters, possibly with digits, hyphens, internal periods or apostrophes
	Number             // starts with a digit (or a currency sign followed by one)
	Punct              // punctuation other than quotation marks
	Quote              // a quotation mark (not an apostrophe)
	Symbol             // anything else
)

// QuoteShape is the written form of a quotation mark.
type QuoteShape uint8

// Quotation mark shapes; the zero value means "not a quotation mark".
const (
	NoQuote        QuoteShape = iota
	DoubleOpen                // “ „ «
	DoubleClose               // ” »
	DoubleStraight            // "
	SingleOpen                // ‘ ‹
	SingleClose               // ’ ›
	SingleStraight            // '
)

// Double reports whether the shape is a double quotation mark.
func (q QuoteShape) Double() bool { return q >= DoubleOpen && q <= DoubleStraight }

// Token is one token of the text; its text is src[Start:End].
type Token struct {
	Start, End int
	Kind       Kind
	Shape      QuoteShape // for Quote tokens
	// Opening is set on Quote tokens the pairing found to open a quotation.
	Opening bool
	// SpaceBefore says whether white space precedes the token.
	SpaceBefore bool
	// Upper says whether the token starts with an upper-case letter.
	Upper bool
}

// elisions are words that start with an apostrophe which is not a quote.
var elisions = map[string]bool{
	"em": true, "til": true, "tis": true, "twas": true, "cause": true, "n": true,
	"round": true, "bout": true, "nuff": true, "s": true,
}

// clitics split off a word the way UD English does ("did" + "n't").
var clitics = []string{"n't", "'s", "'re", "'ll", "'ve", "'m", "'d"}

// abbreviations keep their final period: "Mr." is one token, not a sentence end.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sen": true, "rep": true,
	"gov": true, "gen": true, "lt": true, "col": true, "sgt": true, "capt": true, "cpl": true,
	"st": true, "jr": true, "sr": true, "inc": true, "corp": true, "ltd": true, "co": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "vs": true, "etc": true,
	"no": true, "mt": true, "ft": true, "ave": true, "blvd": true, "rev": true, "hon": true,
	"supt": true, "insp": true, "det": true, "cst": true, "const": true, "adm": true,
	"maj": true, "pres": true, "dept": true, "univ": true, "assn": true, "bros": true,
	"approx": true, "est": true, "fig": true, "mins": true, "hrs": true, "sgts": true,
}

// tokenize appends the tokens of src[start:end] to toks.
func tokenize(src string, start, end int, toks []Token) []Token {
	i := start
	space := true
	for i < end {
		r, size := utf8.DecodeRuneInString(src[i:end])
		if r == utf8.RuneError && size <= 1 {
			// Invalid UTF-8: one byte, one symbol token, offsets stay exact.
			toks = append(toks, Token{Start: i, End: i + 1, Kind: Symbol, SpaceBefore: space})
			i++
			space = false
			continue
		}
		if unicode.IsSpace(r) {
			space = true
			i += size
			continue
		}
		// Two apostrophes or backticks stand for a double mark (''Q'').
		if (r == '\'' || r == '`') && i+1 < end && src[i+1] == byte(r) {
			shape := DoubleStraight
			if r == '`' {
				shape = DoubleOpen
			}
			toks = append(toks, Token{Start: i, End: i + 2, Kind: Quote, Shape: shape, SpaceBefore: space})
			i += 2
			space = false
			continue
		}
		if shape := quoteShape(r); shape != NoQuote {
			if shape >= SingleOpen {
				if n := apostropheWordEnd(src, i, end, size, space); n > 0 {
					toks = appendWord(src, i, n, space, toks)
					i, space = n, false
					continue
				}
			}
			toks = append(toks, Token{Start: i, End: i + size, Kind: Quote, Shape: shape, SpaceBefore: space})
			i += size
			space = false
			continue
		}
		if isWordRune(r) || (r == '$' || r == '€' || r == '£') && i+size < end && isDigit(src[i+size]) {
			n := wordEnd(src, i, end)
			toks = appendWord(src, i, n, space, toks)
			i, space = n, false
			continue
		}
		n := i + size
		kind := Symbol
		if unicode.IsPunct(r) {
			kind = Punct
			// "--" and "..." are one token each.
			for n < end && (r == '-' || r == '.') && src[n] == byte(r) {
				n++
			}
		}
		toks = append(toks, Token{Start: i, End: n, Kind: kind, SpaceBefore: space})
		i, space = n, false
	}
	return toks
}

// appendWord appends the word src[i:n], split into word + clitic when it
// ends in one.
func appendWord(src string, i, n int, space bool, toks []Token) []Token {
	w := src[i:n]
	first, _ := utf8.DecodeRuneInString(w)
	kind := Word
	if unicode.IsDigit(first) || first == '$' || first == '€' || first == '£' {
		kind = Number
	}
	// Most words have no apostrophe, so no clitic. (Two plain searches:
	// strings.ContainsAny with the non-ASCII ’ decodes every rune of w.)
	if strings.IndexByte(w, '\'') >= 0 || strings.Contains(w, "’") {
		for _, c := range clitics {
			if cut, ok := cliticCut(w, c); ok && cut > 0 {
				toks = append(toks, Token{Start: i, End: i + cut, Kind: kind, SpaceBefore: space, Upper: unicode.IsUpper(first)})
				return append(toks, Token{Start: i + cut, End: n, Kind: Word})
			}
		}
	}
	return append(toks, Token{Start: i, End: n, Kind: kind, SpaceBefore: space, Upper: unicode.IsUpper(first)})
}

// cliticCut finds clitic c (with ' standing for either apostrophe) at the
// end of w and returns where it starts.
func cliticCut(w, c string) (int, bool) {
	lw := strings.ToLower(w)
	for _, apo := range []string{"'", "’"} {
		cc := strings.Replace(c, "'", apo, 1)
		if strings.HasSuffix(lw, cc) && len(lw) > len(cc) {
			return len(w) - len(cc), true
		}
	}
	return 0, false
}

// wordEnd returns the end of the word starting at i: letters and digits,
// joined by internal hyphens, periods (U.S., 3.5), commas in numbers,
// slashes (24/7), ampersands (AT&T) and apostrophes (didn't, O'Brien).
func wordEnd(src string, i, end int) int {
	n := i
	_, size := utf8.DecodeRuneInString(src[n:end])
	n += size
	for n < end {
		if c := src[n]; c < utf8.RuneSelf && ('a' <= c|0x20 && c|0x20 <= 'z' || isDigit(c)) {
			n++ // an ASCII letter or digit, the commonest case
			continue
		}
		r, size := utf8.DecodeRuneInString(src[n:end])
		if isWordRune(r) {
			n += size
			continue
		}
		if joiner(r) && n+size < end {
			next, _ := utf8.DecodeRuneInString(src[n+size : end])
			if isWordRune(next) && (r != ',' || isDigit(src[n-1]) && isDigit(src[n+size])) {
				n += size
				continue
			}
		}
		break
	}
	// Keep the period of abbreviations and initials: "Mr.", "J.", "U.S.".
	if n < end && src[n] == '.' {
		w := strings.ToLower(src[i:n])
		if abbreviations[w] || strings.Contains(w, ".") || utf8.RuneCountInString(w) == 1 && unicode.IsUpper(rune(src[i])) {
			n++
		}
	}
	return n
}

func joiner(r rune) bool {
	switch r {
	case '-', '.', ',', '/', '&', '\'', '’', '‑':
		return true
	}
	return false
}

// apostropheWordEnd decides whether the single mark at i is an apostrophe
// that starts a word ('90s, 'em, rock 'n' roll) and returns the word's end,
// or 0 when the mark is a quotation mark.
func apostropheWordEnd(src string, i, end, size int, spaceBefore bool) int {
	j := i + size
	if j >= end || !spaceBefore {
		return 0
	}
	if isDigit(src[j]) {
		n := j
		for n < end && isDigit(src[n]) {
			n++
		}
		if n-j == 2 {
			if n < end && src[n] == 's' {
				n++
			}
			return n
		}
		return 0
	}
	n := j
	for n < end {
		r, s := utf8.DecodeRuneInString(src[n:end])
		if !unicode.IsLetter(r) {
			break
		}
		n += s
	}
	if n == j || !elisions[strings.ToLower(src[j:n])] {
		return 0
	}
	// 'n' keeps its closing apostrophe.
	if strings.EqualFold(src[j:n], "n") && n < end {
		if r, s := utf8.DecodeRuneInString(src[n:end]); r == '\'' || r == '’' {
			return n + s
		}
	}
	return n
}

func quoteShape(r rune) QuoteShape {
	switch r {
	case '“', '„', '«', '‟':
		return DoubleOpen
	case '”', '»':
		return DoubleClose
	case '"':
		return DoubleStraight
	case '‘', '‹', '‛':
		return SingleOpen
	case '’', '›':
		return SingleClose
	case '\'':
		return SingleStraight
	}
	return NoQuote
}

// isWordRune reports a letter, digit or combining mark. Latin-1 has no
// marks, and unicode.IsMark, unlike IsLetter and IsDigit, has no fast path
// for it: it searched its tables for every space and punctuation mark.
func isWordRune(r rune) bool {
	if r <= unicode.MaxLatin1 {
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }
