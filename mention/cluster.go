package mention

import (
	"strings"

	"github.com/whosaid/whosaid"
)

// cluster links name mentions into entities: a full name, its surname, its
// first name when used alone, and the same name with titles.
func (s *Set) cluster() {
	for mi := range s.Mentions {
		m := &s.Mentions[mi]
		if m.Form != Name {
			continue
		}
		words := nameWords(m.Name)
		e := s.findEntity(words, m.Kind)
		if e < 0 {
			s.Entities = append(s.Entities, Entity{Name: m.Name, Kind: m.Kind, Roles: map[string]bool{}})
			e = len(s.Entities) - 1
		}
		ent := &s.Entities[e]
		if len(strings.Fields(m.Name)) > len(strings.Fields(ent.Name)) || ent.Name == m.Name {
			ent.Name = m.Name
			s.indexEntity(e, m.Name)
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
		m.Entity = e
		if _, seen := s.firstNamed[e]; !seen {
			s.firstNamed[e] = mi
		}
		s.names = append(s.names, mi)
	}
}

// findEntity returns the most recently mentioned entity the name words
// can refer to, or -1. Candidates come from an index by name word, so
// clustering stays linear in the number of names.
func (s *Set) findEntity(words []string, kind whosaid.SpeakerKind) int {
	best, bestLast := -1, -1
	if len(words) == 0 {
		return best
	}
	for _, key := range []string{strings.ToLower(words[0]), strings.ToLower(words[len(words)-1]), strings.ToLower(initials(words))} {
		for _, e := range s.byWord[key] {
			ent := &s.Entities[e]
			if ent.Last <= bestLast {
				continue
			}
			if compatibleNames(words, nameWords(ent.Name)) {
				best, bestLast = e, ent.Last
			}
		}
	}
	return best
}

// nameWords splits a name into words without a leading article.
func nameWords(name string) []string {
	words := strings.Fields(name)
	if len(words) > 1 && strings.EqualFold(words[0], "the") {
		words = words[1:]
	}
	return words
}

// indexEntity files entity e under the first and last words of its name,
// and under its initials, for findEntity.
func (s *Set) indexEntity(e int, name string) {
	words := nameWords(name)
	if len(words) == 0 {
		return
	}
	keys := []string{strings.ToLower(words[0]), strings.ToLower(words[len(words)-1])}
	if in := initials(words); in != "" {
		keys = append(keys, strings.ToLower(in))
	}
	for _, k := range keys {
		if l := s.byWord[k]; len(l) == 0 || l[len(l)-1] != e {
			s.byWord[k] = append(l, e)
		}
	}
}

// compatibleNames says whether two names can be the same person or
// organisation: same surname and compatible first names, or one is the
// other's surname or first name alone.
func compatibleNames(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 1 {
		if strings.EqualFold(a[0], b[len(b)-1]) || isAcronym(a[0]) && a[0] == initials(b) {
			return true
		}
		return len(b) > 1 && strings.EqualFold(a[0], b[0])
	}
	if !strings.EqualFold(a[len(a)-1], b[len(b)-1]) {
		return false
	}
	fa, fb := a[0], b[0]
	return strings.EqualFold(fa, fb) || strings.HasSuffix(fa, ".") && strings.HasPrefix(fb, strings.TrimSuffix(fa, "."))
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
