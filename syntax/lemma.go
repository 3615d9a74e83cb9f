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
	known  *lemmaTable // (lowercase form, xpos) -> rule
	suffix *lemmaTable // (xpos, lowercase suffix of up to maxLemmaSuffix bytes) -> rule
	noRule uint32      // index of the identity rule
}

type lemmaKey struct{ a, b string }

const maxLemmaSuffix = 6

func (l *lemmatizer) lemma(form, xpos string) string {
	lower := strings.ToLower(form)
	if r, ok := l.known.get(lower, xpos); ok {
		return l.rules[r].apply(form)
	}
	for k := min(maxLemmaSuffix, len(lower)); k >= 0; k-- {
		if r, ok := l.suffix.get(xpos, lower[len(lower)-k:]); ok {
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
	l := &lemmatizer{}
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
	l.known, l.suffix = countedRules(knownCounts), countedRules(suffixCounts)
	return l
}

// countedRules is the table of each key's most frequent rule.
func countedRules(counts map[lemmaKey]map[uint32]int) *lemmaTable {
	var t lemmaTable
	for k, cs := range counts {
		t.add(k.a, k.b, mostFrequentRule(cs))
	}
	return &t
}

// lemmaTable maps a pair of strings (lemmaKey) to a rule index. It holds
// no pointers but its one string of key bytes, so the garbage collector
// does not trace its 100,000 or so keys at every cycle, as it did when
// they were a map[lemmaKey]uint32 (two-thirds of the live heap of a running
// extraction). A key is found by its hash and checked against the bytes;
// keys whose hash an earlier key has (rare) go to clash.
type lemmaTable struct {
	index map[uint64]uint32 // lemmaHash(a, b) -> index in ents
	text  []byte            // the keys' bytes, one after the other
	ents  []lemmaEntry
	clash map[lemmaKey]uint32
}

// lemmaEntry is a key of a lemmaTable, text[start:mid] and text[mid:end],
// and its rule.
type lemmaEntry struct{ start, mid, end, rule uint32 }

func lemmaHash(a, b string) uint64 { return mix(hashString(a)*fnvPrime ^ hashString(b)) }

// add sets the rule of key (a, b).
func (t *lemmaTable) add(a, b string, rule uint32) {
	if t.index == nil {
		t.index = map[uint64]uint32{}
	}
	h := lemmaHash(a, b)
	if i, ok := t.index[h]; ok {
		if e := &t.ents[i]; t.key(*e) == (lemmaKey{a, b}) {
			e.rule = rule
			return
		}
		if t.clash == nil {
			t.clash = map[lemmaKey]uint32{}
		}
		t.clash[lemmaKey{a, b}] = rule
		return
	}
	start := uint32(len(t.text))
	t.text = append(append(t.text, a...), b...)
	t.index[h] = uint32(len(t.ents))
	t.ents = append(t.ents, lemmaEntry{start, start + uint32(len(a)), uint32(len(t.text)), rule})
}

// key returns the key of entry e (copies of its bytes).
func (t *lemmaTable) key(e lemmaEntry) lemmaKey {
	return lemmaKey{string(t.text[e.start:e.mid]), string(t.text[e.mid:e.end])}
}

// get returns the rule of key (a, b).
func (t *lemmaTable) get(a, b string) (uint32, bool) {
	if i, ok := t.index[lemmaHash(a, b)]; ok {
		e := t.ents[i]
		if string(t.text[e.start:e.mid]) == a && string(t.text[e.mid:e.end]) == b {
			return e.rule, true
		}
	}
	r, ok := t.clash[lemmaKey{a, b}]
	return r, ok
}

// size returns the number of keys.
func (t *lemmaTable) size() int { return len(t.ents) + len(t.clash) }

// all calls f with every key and its rule.
func (t *lemmaTable) all(f func(lemmaKey, uint32)) {
	for _, e := range t.ents {
		f(t.key(e), e.rule)
	}
	for k, r := range t.clash {
		f(k, r)
	}
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
