package eval

import (
	"slices"
	"strings"
	"unicode"
)

// titles are dropped from the front of a name before comparing. Only
// leading ones go, so that a surname such as "Mayor" survives; "prime" is
// a title only before "minister".
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true,
	"premier": true, "president": true, "sen": true, "rep": true,
	"gov": true, "mayor": true, "chief": true, "minister": true,
}

// unaccented maps lower-case precomposed Latin letters to their base
// letters; decomposed accents (combining marks) are dropped separately.
var unaccented = func() map[rune]string {
	groups := map[string]string{
		"a": "àáâãäåāăąǎ", "c": "çćĉċč", "d": "ďđð", "e": "èéêëēĕėęě",
		"g": "ĝğġģ", "h": "ĥħ", "i": "ìíîïĩīĭįı", "j": "ĵ", "k": "ķ",
		"l": "ĺļľŀł", "n": "ñńņňŉ", "o": "òóôõöøōŏőǒ", "r": "ŕŗř",
		"s": "śŝşšș", "t": "ţťŧț", "u": "ùúûüũūŭůűųǔ", "w": "ŵ", "y": "ýÿŷ",
		"z": "źżž", "ae": "æ", "oe": "œ", "ss": "ß", "th": "þ",
	}
	m := make(map[rune]string)
	for base, letters := range groups {
		for _, r := range letters {
			m[r] = base
		}
	}
	return m
}()

// nameTokens normalises a canonical speaker name: case-folded, accents,
// punctuation and symbols removed (so "O'Brien" is "obrien" and
// "Wilson-Raybould" is "wilsonraybould" on both sides), leading titles
// dropped unless nothing else would be left, split on white space.
func nameTokens(name string) []string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case unaccented[r] != "":
			b.WriteString(unaccented[r])
		case unicode.Is(unicode.Mn, r), unicode.IsPunct(r), unicode.IsSymbol(r):
		default:
			b.WriteRune(r)
		}
	}
	tokens := strings.Fields(b.String())
	for len(tokens) > 1 {
		switch {
		case titles[tokens[0]]:
			tokens = tokens[1:]
		case tokens[0] == "prime" && tokens[1] == "minister" && len(tokens) > 2:
			tokens = tokens[2:]
		default:
			return tokens
		}
	}
	return tokens
}

// sameName is the strict canonical-speaker rule: equal after normalising.
// A missing name normalises to nothing, so an unknown gold reference is
// matched only by a prediction that gives no name either.
func sameName(pred, gold string) bool {
	return slices.Equal(nameTokens(pred), nameTokens(gold))
}

// similarName is the lenient rule: one name's tokens are all among the
// other's and the last tokens agree ("Trudeau" ~ "Justin Trudeau").
func similarName(pred, gold string) bool {
	a, b := nameTokens(pred), nameTokens(gold)
	if slices.Equal(a, b) {
		return true
	}
	if len(a) == 0 || len(b) == 0 || a[len(a)-1] != b[len(b)-1] {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	for _, t := range a {
		if !slices.Contains(b, t) {
			return false
		}
	}
	return true
}
