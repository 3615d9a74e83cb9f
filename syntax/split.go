package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SplitWords is a small rule-based tokeniser following UD English (EWT)
// conventions: punctuation is split off, clitics are separated ("don't" ->
// "do" "n't", "she's" -> "she" "'s"), hyphens between letters are split, and
// abbreviations ("U.S.", "Dr."), numbers ("3.5", "1,000"), URLs and e-mail
// addresses stay whole. It stands in until the text stage provides tokens.
func SplitWords(sentence string) []string {
	var out []string
	for _, chunk := range strings.Fields(sentence) {
		out = splitChunk(out, chunk)
	}
	return out
}

// abbreviations that keep their final period (lowercase, without the period).
var abbreviations = map[string]bool{
	"dr": true, "mr": true, "mrs": true, "ms": true, "prof": true, "st": true, "jr": true, "sr": true,
	"inc": true, "ltd": true, "co": true, "corp": true, "vs": true, "etc": true, "no": true, "gen": true,
	"rev": true, "lt": true, "ft": true, "sen": true, "rep": true, "gov": true, "col": true, "sgt": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true, "mon": true, "tue": true, "wed": true, "thu": true, "fri": true,
	"sat": true, "sun": true, "approx": true, "dept": true, "est": true, "fig": true, "mt": true,
}

// clitics split from the end of a word.
var clitics = []string{"n't", "'s", "'re", "'ll", "'d", "'m", "'ve"}

const leadingPunct = "\"'([{<`“‘«¿¡*#$£€"
const trailingPunct = "\"')]}>,;:!?“”’»*%…"

func splitChunk(out []string, chunk string) []string {
	chunk = strings.ReplaceAll(chunk, "’", "'")
	// Leading punctuation, one character at a time.
	for chunk != "" {
		r, size := utf8.DecodeRuneInString(chunk)
		if !strings.ContainsRune(leadingPunct, r) || size == len(chunk) {
			break
		}
		if r == '\'' && len(chunk) > 1 && isCliticStart(chunk) {
			break
		}
		out = append(out, chunk[:size])
		chunk = chunk[size:]
	}
	// Trailing punctuation, collected in reverse.
	var tail []string
	for chunk != "" {
		if strings.HasSuffix(chunk, "...") && len(chunk) > 3 {
			tail = append(tail, "...")
			chunk = chunk[:len(chunk)-3]
			continue
		}
		r, size := utf8.DecodeLastRuneInString(chunk)
		if size == len(chunk) {
			break
		}
		if r == '.' {
			if keepsPeriod(chunk) {
				break
			}
			tail = append(tail, ".")
			chunk = chunk[:len(chunk)-1]
			continue
		}
		if !strings.ContainsRune(trailingPunct, r) {
			break
		}
		tail = append(tail, chunk[len(chunk)-size:])
		chunk = chunk[:len(chunk)-size]
	}
	if chunk != "" {
		out = splitWord(out, chunk)
	}
	for i := len(tail) - 1; i >= 0; i-- {
		out = append(out, tail[i])
	}
	return out
}

// isCliticStart reports whether chunk is a bare clitic such as "'s" or "'ll".
func isCliticStart(chunk string) bool {
	lower := strings.ToLower(chunk)
	for _, c := range clitics {
		if lower == c {
			return true
		}
	}
	return false
}

// keepsPeriod reports whether a word ending in "." is an abbreviation or initialism.
func keepsPeriod(word string) bool {
	stem := strings.TrimSuffix(word, ".")
	if abbreviations[strings.ToLower(stem)] {
		return true
	}
	// Initialisms like "U.S." or "e.g.": single letters separated by periods.
	if !strings.Contains(stem, ".") {
		r, _ := utf8.DecodeRuneInString(stem)
		return utf8.RuneCountInString(stem) == 1 && unicode.IsUpper(r) // "J." in "J. Smith"
	}
	for _, part := range strings.Split(stem, ".") {
		if utf8.RuneCountInString(part) != 1 || !unicode.IsLetter([]rune(part)[0]) {
			return false
		}
	}
	return true
}

// splitWord splits clitics and inner hyphens off a word without outer punctuation.
func splitWord(out []string, w string) []string {
	if strings.Contains(w, "://") || strings.Contains(w, "@") || strings.HasPrefix(w, "www.") {
		return append(out, w)
	}
	lower := strings.ToLower(w)
	for _, c := range clitics {
		if len(lower) <= len(c) || !strings.HasSuffix(lower, c) {
			continue
		}
		// "can't" -> "ca" "n't" and "won't" -> "wo" "n't", as in EWT.
		return append(splitWord(out, w[:len(w)-len(c)]), w[len(w)-len(c):])
	}
	if lower == "cannot" {
		return append(out, w[:3], w[3:])
	}
	// Hyphens between letters or digits are separate tokens in EWT ("Al-Zaman").
	if i := strings.IndexByte(w, '-'); i > 0 && i < len(w)-1 && !isNumberLike(w) {
		out = append(out, w[:i], "-")
		return splitWord(out, w[i+1:])
	}
	return append(out, w)
}

// isNumberLike reports words such as "555-1234" or "1-2" that keep their hyphens.
func isNumberLike(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) && r != '-' && r != '.' && r != ',' {
			return false
		}
	}
	return true
}
