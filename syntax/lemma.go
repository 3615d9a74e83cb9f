package syntax

import (
	"strings"
	"unicode/utf8"
)

// lemmaRule rewrites a form into its lemma: optionally lowercase it, cut
// Strip bytes from the end and append Suffix. Rules are learned from the
// treebank, so irregulars ("went" -> "go") are whole-word rules in the dictionary.
type lemmaRule struct {
	Lower  bool
	Strip  int
	Suffix string
}

func (r lemmaRule) apply(form string) string {
	s := form
	if r.Lower {
		s = strings.ToLower(s)
	}
	if r.Strip > len(s) {
		return s
	}
	return s[:len(s)-r.Strip] + r.Suffix
}

// ruleFor derives the rule that turns form into lemma.
func ruleFor(form, lemma string) lemmaRule {
	lower := strings.ToLower(form)
	if n := commonPrefix(lower, lemma); n >= commonPrefix(form, lemma) { // ties lowercase, so "The" and "the" share a rule
		return lemmaRule{Lower: true, Strip: len(lower) - n, Suffix: lemma[n:]}
	}
	n := commonPrefix(form, lemma)
	return lemmaRule{Strip: len(form) - n, Suffix: lemma[n:]}
}

// commonPrefix returns the byte length of the longest common prefix, cut at a rune boundary.
func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	for n > 0 && n < len(a) && !utf8.RuneStart(a[n]) {
		n--
	}
	return n
}

// lemmatizer maps (lowercase form, XPOS) to a rule seen in training, and falls
// back to the most frequent rule for the longest known (XPOS, suffix) of an unseen word.
type lemmatizer struct {
	rules  []lemmaRule
	known  map[lemmaKey]uint32 // (lowercase form, xpos) -> rule
	suffix map[lemmaKey]uint32 // (xpos, lowercase suffix of up to maxLemmaSuffix bytes) -> rule
	noRule uint32              // index of the identity rule
}

type lemmaKey struct{ a, b string }

const maxLemmaSuffix = 6

func (l *lemmatizer) lemma(form, xpos string) string {
	lower := strings.ToLower(form)
	if r, ok := l.known[lemmaKey{lower, xpos}]; ok {
		return l.rules[r].apply(form)
	}
	for k := min(maxLemmaSuffix, len(lower)); k >= 0; k-- {
		if r, ok := l.suffix[lemmaKey{xpos, lower[len(lower)-k:]}]; ok {
			return l.rules[r].apply(form)
		}
	}
	return l.rules[l.noRule].apply(form)
}

// lemmaExample is one training word.
type lemmaExample struct{ form, xpos, lemma string }

// trainLemmatizer learns the dictionary from all tokens and the suffix rules
// from word types, since unseen words behave like rare types, not frequent tokens.
func trainLemmatizer(examples []lemmaExample) *lemmatizer {
	l := &lemmatizer{known: map[lemmaKey]uint32{}, suffix: map[lemmaKey]uint32{}}
	ruleIndex := map[lemmaRule]uint32{}
	intern := func(r lemmaRule) uint32 {
		if i, ok := ruleIndex[r]; ok {
			return i
		}
		i := uint32(len(l.rules))
		ruleIndex[r] = i
		l.rules = append(l.rules, r)
		return i
	}
	l.noRule = intern(lemmaRule{})
	knownCounts := map[lemmaKey]map[uint32]int{}
	seenType := map[lemmaExample]bool{}
	suffixCounts := map[lemmaKey]map[uint32]int{}
	for _, ex := range examples {
		r := intern(ruleFor(ex.form, ex.lemma))
		key := lemmaKey{strings.ToLower(ex.form), ex.xpos}
		if knownCounts[key] == nil {
			knownCounts[key] = map[uint32]int{}
		}
		knownCounts[key][r]++
		if seenType[ex] {
			continue
		}
		seenType[ex] = true
		lower := key.a
		for k := 0; k <= min(maxLemmaSuffix, len(lower)); k++ {
			sk := lemmaKey{ex.xpos, lower[len(lower)-k:]}
			if suffixCounts[sk] == nil {
				suffixCounts[sk] = map[uint32]int{}
			}
			suffixCounts[sk][r]++
		}
	}
	for k, cs := range knownCounts {
		l.known[k] = mostFrequentRule(cs)
	}
	for k, cs := range suffixCounts {
		l.suffix[k] = mostFrequentRule(cs)
	}
	return l
}

// mostFrequentRule picks the commonest rule, the lowest index on ties (deterministic).
func mostFrequentRule(cs map[uint32]int) uint32 {
	best, bestN := uint32(0), -1
	for r, n := range cs {
		if n > bestN || (n == bestN && r < best) {
			best, bestN = r, n
		}
	}
	return best
}
