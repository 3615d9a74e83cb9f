package archive

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MatchExpression turns a user's search query into an FTS5 MATCH
// expression that cannot fail to parse or reach FTS5 syntax: every term
// becomes a quoted string. Supported: words (all must match), "phrase
// queries", prefix* terms, OR between terms, and -term to exclude. It
// returns "" when the query has no searchable term.
func MatchExpression(query string) string {
	query = strings.NewReplacer("“", `"`, "”", `"`, "„", `"`).Replace(query)
	// SQLite reads a NUL as the end of the string: control characters and
	// invalid UTF-8 become spaces, which the tokenizer ignores anyway.
	query = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return ' '
		}
		return r
	}, query)
	var (
		groups  [][]string // AND of ORs
		exclude []string
		orNext  bool
	)
	for _, tok := range splitQuery(query) {
		if !tok.phrase && tok.text == "OR" {
			orNext = len(groups) > 0
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
		term := `"` + strings.ReplaceAll(tok.text, `"`, `""`) + `"`
		if tok.prefix {
			term += "*"
		}
		switch {
		case negated:
			exclude = append(exclude, term)
		case orNext:
			groups[len(groups)-1] = append(groups[len(groups)-1], term)
		default:
			groups = append(groups, []string{term})
		}
		orNext = false
	}
	if len(groups) == 0 {
		return "" // exclusions alone match nothing in FTS5
	}
	parts := make([]string, len(groups))
	for i, g := range groups {
		parts[i] = strings.Join(g, " OR ")
		if len(g) > 1 {
			parts[i] = "(" + parts[i] + ")"
		}
	}
	expr := strings.Join(parts, " AND ")
	for _, term := range exclude {
		expr = "(" + expr + ") NOT " + term
	}
	return expr
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
