package archive

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MatchExpression turns a user's search query into an FTS5 MATCH
// expression that cannot fail to parse or reach FTS5 syntax: every term
// becomes a quoted string. Supported: words (all must match), "phrase
// queries", prefix* terms, OR between terms, AND (words are all required
// anyway), and -term to exclude. It returns "" when the query has no
// searchable term. CheckQuery tells the user what is wrong with a query
// this would read in a way they did not mean.
func MatchExpression(query string) string {
	groups, exclude := searchTerms(query)
	if len(groups) == 0 {
		return "" // exclusions alone match nothing in FTS5
	}
	fts := func(t searchTerm) string {
		term := `"` + strings.ReplaceAll(t.text, `"`, `""`) + `"`
		if t.prefix {
			term += "*"
		}
		return term
	}
	parts := make([]string, len(groups))
	for i, g := range groups {
		alternatives := make([]string, len(g))
		for j, t := range g {
			alternatives[j] = fts(t)
		}
		parts[i] = strings.Join(alternatives, " OR ")
		if len(g) > 1 {
			parts[i] = "(" + parts[i] + ")"
		}
	}
	expr := strings.Join(parts, " AND ")
	for _, t := range exclude {
		expr = "(" + expr + ") NOT " + fts(t)
	}
	return expr
}

// searchTerm is a word or phrase of a search query, perhaps a prefix.
type searchTerm struct {
	text   string
	prefix bool
}

// searchTerms reads a user's search query as an AND of groups of OR-ed
// terms, and terms to exclude; terms with nothing a tokenizer would index
// are dropped. Control characters and invalid UTF-8 become spaces.
func searchTerms(query string) (groups [][]searchTerm, exclude []searchTerm) {
	query = plainText(straightQuotes.Replace(query))
	orNext := false
	for _, tok := range splitQuery(query) {
		if !tok.phrase && tok.text == "OR" {
			orNext = len(groups) > 0
			continue
		}
		if !tok.phrase && tok.text == "AND" {
			continue
		}
		negated := false
		if !tok.phrase && strings.HasPrefix(tok.text, "-") {
			negated, tok.text = true, tok.text[1:]
		}
		if !tok.phrase && strings.HasSuffix(tok.text, "*") {
			tok.text, tok.prefix = strings.TrimRight(tok.text, "*"), true
		}
		if !strings.ContainsFunc(tok.text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			continue // nothing the tokenizer would index; an empty string would be a syntax error
		}
		term := searchTerm{text: tok.text, prefix: tok.prefix}
		switch {
		case negated:
			exclude = append(exclude, term)
		case orNext:
			groups[len(groups)-1] = append(groups[len(groups)-1], term)
		default:
			groups = append(groups, []searchTerm{term})
		}
		orNext = false
	}
	return groups, exclude
}

// plainText turns control characters and invalid UTF-8 into spaces,
// which the tokenizers and name matching ignore anyway: SQLite reads a
// NUL as the end of a string and PostgreSQL refuses it.
func plainText(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return ' '
		}
		return r
	}, s)
}

var straightQuotes = strings.NewReplacer("“", `"`, "”", `"`, "„", `"`)

// QueryError says where a search query is malformed and what was expected
// there.
type QueryError struct {
	Position int // 1-based, in characters
	Msg      string
}

func (e *QueryError) Error() string {
	return fmt.Sprintf("malformed query at character %d: %s", e.Position, e.Msg)
}

// operatorChars are FTS5 syntax characters a user may take for operators;
// the search syntax has none of them.
const operatorChars = "()^:+{}[]"

// CheckQuery reports, as a *QueryError, a query that MatchExpression would
// not read as its writer meant: an unclosed phrase, an operator without a
// word on each side, characters of a syntax whosaid does not have, or no
// word to look for. An empty query is fine (filters alone).
func CheckQuery(query string) error {
	runes := []rune(straightQuotes.Replace(query))
	bad := func(at int, format string, args ...any) error {
		return &QueryError{Position: at + 1, Msg: fmt.Sprintf(format, args...)}
	}
	hasWord := func(rs []rune) bool {
		return slices.ContainsFunc(rs, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	}
	var (
		operator    = -1 // position of an OR or AND still waiting for its right-hand word
		operatorArg string
		terms       int // words and phrases so far
		included    int // those not excluded
	)
	for i := 0; i < len(runes); {
		if unicode.IsSpace(runes[i]) {
			i++
			continue
		}
		start := i
		if runes[i] == '"' {
			end := slices.Index(runes[i+1:], '"')
			if end < 0 {
				return bad(start, `the phrase opened here is not closed: expected a closing "`)
			}
			if !hasWord(runes[i+1 : i+1+end]) {
				return bad(start, "expected a word inside the quotation marks")
			}
			i += end + 2
			for i < len(runes) && runes[i] == '*' {
				i++
			}
			terms, included, operator = terms+1, included+1, -1
			continue
		}
		for i < len(runes) && !unicode.IsSpace(runes[i]) && runes[i] != '"' {
			i++
		}
		word := string(runes[start:i])
		switch word {
		case "OR", "AND":
			if terms == 0 || operator >= 0 {
				return bad(start, "expected a word before %s", word)
			}
			operator, operatorArg = start, word
			continue
		case "NOT":
			return bad(start, "NOT is not supported: put - before a word to exclude it (-word)")
		}
		body := []rune(word)
		negated := body[0] == '-'
		if negated {
			body = body[1:]
		}
		stars := 0
		for len(body) > 0 && body[len(body)-1] == '*' {
			body, stars = body[:len(body)-1], stars+1
		}
		if k := slices.IndexFunc(body, func(r rune) bool { return strings.ContainsRune(operatorChars+"*", r) }); k >= 0 {
			at := start + k
			if negated {
				at++
			}
			return bad(at, "unexpected %q: the search syntax is words, \"phrases\", prefix*, a OR b and -word", body[k])
		}
		if !hasWord(body) {
			switch {
			case stars > 0:
				return bad(start, "expected a word before *")
			case negated:
				return bad(start, "expected a word after -")
			}
			continue // a dash or a comma: not indexed, and harmless
		}
		terms, operator = terms+1, -1
		if !negated {
			included++
		}
	}
	if operator >= 0 {
		return bad(operator, "expected a word after %s", operatorArg)
	}
	if included == 0 && strings.TrimSpace(query) != "" {
		return bad(0, "expected a word to look for: punctuation and excluded words (-word) alone match nothing")
	}
	return nil
}

type queryToken struct {
	text           string
	phrase, prefix bool
}

// splitQuery splits a query into words and "quoted phrases" (an
// unterminated phrase runs to the end; a * right after it makes its last
// word a prefix).
func splitQuery(query string) []queryToken {
	var toks []queryToken
	for query != "" {
		query = strings.TrimLeftFunc(query, unicode.IsSpace)
		if query == "" {
			break
		}
		if query[0] == '"' {
			end := strings.IndexByte(query[1:], '"')
			if end < 0 {
				toks = append(toks, queryToken{text: query[1:], phrase: true})
				break
			}
			tok := queryToken{text: query[1 : 1+end], phrase: true}
			query = query[2+end:]
			if strings.HasPrefix(query, "*") {
				tok.prefix, query = true, strings.TrimLeft(query, "*")
			}
			toks = append(toks, tok)
			continue
		}
		end := strings.IndexFunc(query, func(r rune) bool { return unicode.IsSpace(r) || r == '"' })
		if end < 0 {
			end = len(query)
		}
		toks = append(toks, queryToken{text: query[:end]})
		query = query[end:]
	}
	return toks
}
