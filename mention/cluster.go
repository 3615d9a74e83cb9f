package mention

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
)

// cluster links name mentions into entities: a full name, its surname, its
// first name when used alone, and the same name with titles.
func (s *Set) cluster() {
	var entWords [][]string // nameWords of each entity's name
	for mi := range s.Mentions {
		m := &s.Mentions[mi]
		if m.Form != Name {
			continue
		}
		words := nameWords(m.Name)
		e := s.findEntity(words, m.Kind, entWords)
		if e >= 0 && s.extendsEstablishedName(e, words, m.Kind, entWords[e]) {
			e = -1 // "an app called Facebook Research" after "Facebook" twice
		}
		if e < 0 {
			s.Entities = append(s.Entities, Entity{Name: m.Name, Kind: m.Kind, Roles: map[string]bool{}})
			e = len(s.Entities) - 1
			entWords = append(entWords, words)
		}
		ent := &s.Entities[e]
		if len(words) > len(entWords[e]) || ent.Name == m.Name {
			ent.Name, entWords[e] = m.Name, words
			s.indexEntity(e, words)
		}
		switch {
		case ent.Kind != whosaid.Organization && m.Kind == whosaid.Organization && len(words) > 1:
			ent.Kind = whosaid.Organization
		case ent.Kind == whosaid.Unknown && m.Kind == whosaid.Person:
			ent.Kind = whosaid.Person
		}
		if m.Gender != UnknownGender && ent.Gender == UnknownGender {
			ent.Gender = m.Gender
		}
		for r := range s.roles[mi] {
			ent.Roles[r] = true
		}
		ent.Last = m.Last - 1
		ent.named++
		m.Entity = e
		if _, seen := s.firstNamed[e]; !seen {
			s.firstNamed[e] = mi
		}
		s.names = append(s.names, mi)
	}
	s.keepArticles()
}

// keepArticles gives an organisation or a group the article its name is
// written with when the article writes it so at least half the time: the
// canonical name is the article's own fullest form ("the Liberals", "the
// City of Surrey"), while "the Facebook app" does not make "Facebook"
// "the Facebook".
func (s *Set) keepArticles() {
	withThe := make([]int, len(s.Entities))
	named := make([]int, len(s.Entities))
	for _, mi := range s.names {
		m := s.Mentions[mi]
		named[m.Entity]++
		if m.First > 0 && s.bare(m.First-1) == "the" {
			withThe[m.Entity]++
		}
	}
	for e := range s.Entities {
		ent := &s.Entities[e]
		words := strings.Fields(ent.Name)
		if len(words) == 0 {
			continue
		}
		last := strings.ToLower(words[len(words)-1])
		// An office is named by its title: "the Harbour Budget Officer".
		office := len(words) > 1 && ent.Kind != whosaid.Person && (personRoles[last] || titleWords[last])
		if ent.Kind == whosaid.Person || s.personLike(e) && !office || 2*withThe[e] < named[e] || len(nameWords(ent.Name)) < len(words) {
			continue
		}
		ent.Name = "the " + ent.Name
	}
}

// findEntity returns the entity the name words can refer to: the one with
// exactly that name, or else the most recently mentioned of the compatible
// ones that match best (see nameMatch); -1 when none. Candidates come from
// an index by name word, so clustering stays linear in the number of
// names. entWords holds the nameWords of each entity's name.
func (s *Set) findEntity(words []string, kind whosaid.SpeakerKind, entWords [][]string) int {
	best, bestMatch, bestLast := -1, noMatch, -1
	if len(words) == 0 {
		return best
	}
	var buf [64]byte
	for _, word := range [...]string{words[0], words[len(words)-1], initials(words)} {
		for _, e := range s.byWord[string(appendLower(buf[:0], word))] {
			ent := &s.Entities[e]
			own := entWords[e]
			if slices.EqualFunc(own, words, strings.EqualFold) {
				return e
			}
			if m := nameMatch(words, own); m > bestMatch || m == bestMatch && m != noMatch && ent.Last > bestLast {
				best, bestMatch, bestLast = e, m, ent.Last
			}
		}
	}
	return best
}

// extendsEstablishedName says whether a longer name that starts with the
// name of organisation e, named twice or more already, is something else
// ("Facebook" then "Facebook Research"): an organisation gives its full
// name at its first or second mention ("Corvane's refinery … Corvane
// Energy").
func (s *Set) extendsEstablishedName(e int, words []string, kind whosaid.SpeakerKind, own []string) bool {
	ent := s.Entities[e]
	if ent.Kind == whosaid.Person || kind == whosaid.Person || ent.named < 2 {
		return false
	}
	if len(words) <= len(own) || !strings.EqualFold(words[0], own[0]) {
		return false
	}
	// A corporate suffix completes the name: "Corvane" is "Corvane Energy".
	for _, w := range words[len(own):] {
		if !corporateSuffixes[strings.ToLower(strings.TrimSuffix(w, "."))] {
			return true
		}
	}
	return false
}

// corporateSuffixes complete a company's short name rather than name
// something else.
var corporateSuffixes = set("inc", "corp", "corporation", "ltd", "llc", "co", "company", "group",
	"holdings", "energy", "technologies", "industries", "international", "limited", "plc", "ag", "sa")

// nameWordCount is len(nameWords(name)) without making the words.
func nameWordCount(name string) int {
	n, first := 0, ""
	for w := range strings.FieldsSeq(name) {
		if n == 0 {
			first = w
		}
		n++
	}
	if n > 1 && strings.EqualFold(first, "the") {
		n--
	}
	return n
}

// nameWords splits a name into words without a leading article.
func nameWords(name string) []string {
	words := strings.Fields(name)
	if len(words) > 1 && strings.EqualFold(words[0], "the") {
		words = words[1:]
	}
	return words
}

// indexEntity files entity e under the first and last of the words of its
// name (nameWords), and under its initials, for findEntity.
func (s *Set) indexEntity(e int, words []string) {
	if len(words) == 0 {
		return
	}
	var buf [64]byte
	for _, w := range [...]string{words[0], words[len(words)-1], initials(words)} {
		if w == "" {
			continue // no initials
		}
		k := appendLower(buf[:0], w)
		if l := s.byWord[string(k)]; len(l) == 0 || l[len(l)-1] != e {
			s.byWord[string(k)] = append(l, e)
		}
	}
}

// How two names can be the same person or organisation, from the weakest
// link to the strongest.
const (
	noMatch    = iota
	firstWord  // one is the other's first word alone: "Bernie", "Corvane" (Energy)
	sameEnding // same surname and compatible first names, one is the other's surname, or its initials
)

// nameMatch says how two names can be the same person or organisation. A
// word alone is a surname before it is the first word of a longer name:
// after "Mara Quell" and "the Quell Harbour Hotel", "Quell said"
// is the man, however recent the hotel.
func nameMatch(a, b []string) int {
	if len(a) == 0 || len(b) == 0 {
		return noMatch
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 1 {
		switch {
		case strings.EqualFold(a[0], b[len(b)-1]) || isAcronym(a[0]) && a[0] == initials(b):
			return sameEnding
		case len(b) > 1 && strings.EqualFold(a[0], b[0]):
			return firstWord
		}
		return noMatch
	}
	if !strings.EqualFold(a[len(a)-1], b[len(b)-1]) {
		return noMatch
	}
	fa, fb := a[0], b[0]
	if strings.EqualFold(fa, fb) || strings.HasSuffix(fa, ".") && strings.HasPrefix(fb, strings.TrimSuffix(fa, ".")) {
		return sameEnding
	}
	return noMatch
}

// appendLower appends w in lower case to dst, as strings.ToLower writes
// it, without allocating for an ASCII word; a map look-up with
// string(appendLower(…)) allocates nothing either.
func appendLower(dst []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return append(dst, strings.ToLower(w)...)
		}
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// initials returns the capital initials of a multi-word name: "Export
// Development Canada" → "EDC".
func initials(words []string) string {
	if len(words) < 2 {
		return ""
	}
	var b strings.Builder
	for _, w := range words {
		if r := w[0]; r >= 'A' && r <= 'Z' {
			b.WriteByte(r)
		}
	}
	return b.String()
}
