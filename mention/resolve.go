package mention

import (
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/text"
)

// determiners start a description; definite ones refer back.
var (
	definiteDeterminers   = set("the", "this", "that", "these", "those", "his", "her", "their", "its", "our")
	indefiniteDeterminers = set("a", "an", "one", "some", "many", "several", "two", "three", "four", "five", "most", "other", "another", "few", "numerous", "various", "all", "both", "dozens", "hundreds", "thousands", "no")
	quantifiers           = set("dozens", "hundreds", "thousands", "some", "many", "most", "one", "two", "three", "several", "all", "none", "both", "each", "few", "millions")
	documentNouns         = set("report", "statement", "study", "complaint", "survey", "poll", "memo", "release", "letter", "ruling", "decision", "lawsuit", "filing", "indictment", "documents", "records", "data", "analysis", "audit", "review", "website", "post", "tweet", "affidavit", "motion", "judgment", "verdict", "forecast", "estimate", "reports", "studies", "polls", "surveys", "figures")
	orgDescriptionNouns   = set("company", "agency", "ministry", "department", "government", "council", "committee", "court", "bank", "university", "board", "union", "party", "firm", "group", "organization", "organisation", "association", "commission", "administration", "campaign", "coalition", "network", "office", "authority", "regime", "club", "league", "school", "hospital", "city", "province", "state", "station", "broadcaster", "newspaper", "paper", "team", "police")
	modifierStops         = set("said", "says", "say", "told", "tells", "added", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "do", "does", "did", "and", "or", "but", "of", "in", "on", "at", "for", "with", "to", "by", "from", "about", "as", "that", "which", "who", "when", "while", "if", "than", "not", "also", "according", "like")
)

// description finds a description ending at head token i: "the president",
// "a spokesperson", "Some voters", "the lanky, bespectacled professor".
func (s *Set) description(i int, sent text.Sentence) (Mention, bool) {
	head := s.bare(i)
	m := Mention{First: i, Last: i + 1, Form: Description, Head: head, Kind: whosaid.Person}
	switch {
	case groupNouns[head]:
		m.Kind, m.Plural = whosaid.Group, true
	case orgDescriptionNouns[head]:
		m.Kind = whosaid.Organization
	case documentNouns[head]:
		m.Kind = whosaid.Unknown
	case !personRoles[head]:
		return m, false
	}
	// The next word may continue a compound ("police officers"): let the
	// later head take it.
	if i+1 < sent.Last {
		next := s.bare(i + 1)
		if (groupNouns[next] || personRoles[next]) && s.T.Tokens[i+1].Kind == text.Word {
			return m, false
		}
	}
	determined := false
	for j := i - 1; j >= sent.First && i-j <= 6; j-- {
		tok := s.T.Tokens[j]
		w := s.bare(j)
		if definiteDeterminers[w] || indefiniteDeterminers[w] {
			m.First, m.Definite, determined = j, definiteDeterminers[w], true
			// "dozens of", "some of the"
			if j-2 >= sent.First && s.bare(j-1) == "of" && quantifiers[s.bare(j-2)] {
				m.First = j - 2
			}
			break
		}
		if w == "of" && j-1 >= sent.First && quantifiers[s.bare(j-1)] {
			m.First, determined = j-1, true
			break
		}
		if tok.Kind == text.Word && !modifierStops[w] && !stopCaps[w] || tok.Kind == text.Number {
			m.First = j
			continue
		}
		if w == "," && j-1 >= sent.First && j+1 < i && s.T.Tokens[j-1].Kind == text.Word && !modifierStops[s.bare(j-1)] {
			continue
		}
		break
	}
	if !determined && !m.Plural {
		return m, false
	}
	// A trailing comma from an "adjective," run is not part of the mention.
	for m.First < i && s.T.Str(m.First) == "," {
		m.First++
	}
	return m, true
}

// AddPhrase records tokens [first, last) as a mention when no stage
// before found one there (a speaker noun phrase such as "the military" or
// "a resident of the area") and returns it. A name mention inside the
// phrase is returned instead, so the phrase resolves to the name.
func (s *Set) AddPhrase(first, last int) int {
	for j := last - 1; j >= first; j-- {
		if mi, ok := s.byLast[j]; ok && s.Mentions[mi].First >= first {
			if s.Mentions[mi].Form == Name || s.Mentions[mi].First == first {
				return mi
			}
		}
	}
	head := s.bare(last - 1)
	m := Mention{First: first, Last: last, Form: Description, Head: head, Kind: whosaid.Unknown, Entity: -1}
	w := s.bare(first)
	m.Definite = definiteDeterminers[w]
	switch {
	case personRoles[head]:
		m.Kind = whosaid.Person
	case orgDescriptionNouns[head] || orgNouns[head]:
		m.Kind = whosaid.Organization
	case strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") && !s.T.Tokens[last-1].Upper:
		m.Kind, m.Plural = whosaid.Group, true
	}
	m.Start, m.End, m.Outer = s.T.Tokens[first].Start, s.T.Tokens[last-1].End, first
	s.Mentions = append(s.Mentions, m)
	mi := len(s.Mentions) - 1
	if _, taken := s.byLast[last-1]; !taken {
		s.byLast[last-1] = mi
	}
	if _, taken := s.byFirst[first]; !taken {
		s.byFirst[first] = mi
	}
	return mi
}

// cluster links name mentions into entities: a full name, its surname, its
// first name when used alone, and the same name with titles.
func (s *Set) cluster() {
	for mi := range s.Mentions {
		m := &s.Mentions[mi]
		if m.Form != Name {
			continue
		}
		words := strings.Fields(strings.TrimPrefix(m.Name, "The "))
		e := s.findEntity(words, m.Kind)
		if e < 0 {
			s.Entities = append(s.Entities, Entity{Name: m.Name, Kind: m.Kind, Roles: map[string]bool{}})
			e = len(s.Entities) - 1
		}
		ent := &s.Entities[e]
		if len(strings.Fields(m.Name)) > len(strings.Fields(ent.Name)) {
			ent.Name = m.Name
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
	}
}

// findEntity returns the most recently mentioned entity the name words
// can refer to, or -1.
func (s *Set) findEntity(words []string, kind whosaid.SpeakerKind) int {
	best, bestLast := -1, -1
	for e := range s.Entities {
		ent := &s.Entities[e]
		if ent.Last <= bestLast {
			continue
		}
		if compatibleNames(words, strings.Fields(strings.TrimPrefix(ent.Name, "The "))) {
			best, bestLast = e, ent.Last
		}
	}
	return best
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

// Prev is the speaker of the statement before the one being resolved: news
// writing keeps talking about whoever spoke last.
type Prev struct {
	Entity    int // -1 when none
	Mention   int // the previous speaker mention, -1 when none
	Paragraph int
}

// Resolution is a speaker mention resolved to a canonical name.
type Resolution struct {
	Entity int
	Name   string // "" when unknown
	Kind   whosaid.SpeakerKind
	How    string // why, for --explain
}

// Resolve finds the canonical speaker for mention mi.
func (s *Set) Resolve(mi int, prev Prev) Resolution {
	m := s.Mentions[mi]
	para := s.T.SentenceOf(m.First)
	if para < len(s.T.Sentences) {
		para = s.T.Sentences[para].Paragraph
	}
	recent := prev.Entity >= 0 && para-prev.Paragraph <= 2
	asWritten := Resolution{Entity: -1, Name: s.T.Src[m.Start:m.End], Kind: m.Kind, How: "as written"}
	switch m.Form {
	case Name:
		if m.Entity < 0 {
			return asWritten
		}
		e := s.Entities[m.Entity]
		return Resolution{Entity: m.Entity, Name: e.Name, Kind: e.Kind, How: "most complete name in the article"}
	case Pronoun:
		return s.resolvePronoun(m, prev, recent)
	}
	if !m.Definite || m.Plural {
		return asWritten
	}
	if e := s.entityWithRole(m.Head, m.First); e >= 0 {
		return Resolution{Entity: e, Name: s.Entities[e].Name, Kind: s.Entities[e].Kind, How: "the entity titled " + m.Head}
	}
	switch m.Kind {
	case whosaid.Organization:
		if s.bare(m.First) != "the" {
			break // "her office" is not the article's organisation
		}
		if recent && s.Entities[prev.Entity].Kind == whosaid.Organization {
			return Resolution{Entity: prev.Entity, Name: s.Entities[prev.Entity].Name, Kind: whosaid.Organization, How: "previous speaker"}
		}
		if e := s.salientEntity(m.First, whosaid.Organization); e >= 0 {
			return Resolution{Entity: e, Name: s.Entities[e].Name, Kind: whosaid.Organization, How: "most mentioned organisation so far"}
		}
	case whosaid.Person:
		if recent && s.Entities[prev.Entity].Kind == whosaid.Person {
			return Resolution{Entity: prev.Entity, Name: s.Entities[prev.Entity].Name, Kind: whosaid.Person, How: "previous speaker"}
		}
	}
	return asWritten
}

func (s *Set) resolvePronoun(m Mention, prev Prev, recent bool) Resolution {
	switch m.Head {
	case "he", "she":
		g := Male
		if m.Head == "she" {
			g = Female
		}
		if e := s.personInSentenceBefore(m.First, g); e >= 0 {
			return s.pronounTo(e, g, "nearest person earlier in the sentence")
		}
		if recent && s.Entities[prev.Entity].Kind == whosaid.Person && genderFits(s.Entities[prev.Entity].Gender, g) {
			return s.pronounTo(prev.Entity, g, "previous speaker")
		}
		if e := s.likelyPerson(m.First, g); e >= 0 {
			return s.pronounTo(e, g, "nearest preceding person who spoke or whose gender fits")
		}
		if e := s.latestEntity(m.First, whosaid.Person, g); e >= 0 {
			return s.pronounTo(e, g, "nearest preceding person")
		}
	case "they", "we":
		if recent && s.Entities[prev.Entity].Kind != whosaid.Person {
			return Resolution{Entity: prev.Entity, Name: s.Entities[prev.Entity].Name, Kind: s.Entities[prev.Entity].Kind, How: "previous speaker"}
		}
		if prev.Mention >= 0 && s.Mentions[prev.Mention].Plural && prev.Entity < 0 {
			pm := s.Mentions[prev.Mention]
			return Resolution{Entity: -1, Name: s.T.Src[pm.Start:pm.End], Kind: pm.Kind, How: "previous speaker"}
		}
	case "it":
		if recent && s.Entities[prev.Entity].Kind == whosaid.Organization {
			return Resolution{Entity: prev.Entity, Name: s.Entities[prev.Entity].Name, Kind: whosaid.Organization, How: "previous speaker"}
		}
		if e := s.latestEntity(m.First, whosaid.Organization, UnknownGender); e >= 0 {
			return Resolution{Entity: e, Name: s.Entities[e].Name, Kind: whosaid.Organization, How: "nearest preceding organisation"}
		}
	}
	return Resolution{Entity: -1, Kind: m.Kind, How: "no antecedent found"}
}

// pronounTo resolves a pronoun of gender g to entity e, and records the
// gender the pronoun shows.
func (s *Set) pronounTo(e int, g Gender, how string) Resolution {
	ent := &s.Entities[e]
	if ent.Gender == UnknownGender {
		ent.Gender = g
	}
	ent.Kind = whosaid.Person
	return Resolution{Entity: e, Name: ent.Name, Kind: whosaid.Person, How: how}
}

func genderFits(a, b Gender) bool { return a == UnknownGender || b == UnknownGender || a == b }

// personInSentenceBefore returns the entity of the last person name in the
// same sentence before token i ("When Jones arrived, he said"), or -1.
func (s *Set) personInSentenceBefore(i int, g Gender) int {
	sent := s.T.Sentences[s.T.SentenceOf(i)]
	for j := i - 1; j >= sent.First; j-- {
		if mi, ok := s.byLast[j]; ok {
			m := s.Mentions[mi]
			if m.Form == Name && m.Entity >= 0 && s.Entities[m.Entity].Kind == whosaid.Person && genderFits(s.Entities[m.Entity].Gender, g) {
				return m.Entity
			}
		}
	}
	return -1
}

// latestEntity returns the entity of kind k (and fitting gender) whose name
// was mentioned last before token i, or -1.
func (s *Set) latestEntity(i int, k whosaid.SpeakerKind, g Gender) int {
	for mi := len(s.Mentions) - 1; mi >= 0; mi-- {
		m := s.Mentions[mi]
		if m.Last > i || m.Form != Name || m.Entity < 0 {
			continue
		}
		e := s.Entities[m.Entity]
		if e.Kind == k && genderFits(e.Gender, g) {
			return m.Entity
		}
	}
	return -1
}

// salientEntity returns the entity of kind k mentioned most often by
// name before token i (at least twice), or -1.
func (s *Set) salientEntity(i int, k whosaid.SpeakerKind) int {
	counts := map[int]int{}
	best := -1
	for _, m := range s.Mentions {
		if m.Last > i {
			break
		}
		if m.Form != Name || m.Entity < 0 || s.Entities[m.Entity].Kind != k {
			continue
		}
		counts[m.Entity]++
		if best < 0 || counts[m.Entity] > counts[best] {
			best = m.Entity
		}
	}
	if best >= 0 && counts[best] < 2 {
		return -1
	}
	return best
}

// likelyPerson returns the person mentioned last before token i, within
// a few paragraphs, who has spoken or whose gender is known to be g.
func (s *Set) likelyPerson(i int, g Gender) int {
	for mi := len(s.Mentions) - 1; mi >= 0; mi-- {
		m := s.Mentions[mi]
		if m.Last > i || m.Form != Name || m.Entity < 0 {
			continue
		}
		if i-m.Last > 400 {
			break
		}
		e := s.Entities[m.Entity]
		if e.Kind == whosaid.Person && (e.Gender == g || e.Spoke && e.Gender == UnknownGender) {
			return m.Entity
		}
	}
	return -1
}

// entityWithRole returns the entity most recently mentioned before token i
// that carries role r; failing that, the first one after it (a lede says
// "the president" before naming him); or -1.
func (s *Set) entityWithRole(r string, i int) int {
	after := -1
	for mi := len(s.Mentions) - 1; mi >= 0; mi-- {
		m := s.Mentions[mi]
		if m.Form != Name || m.Entity < 0 || !s.Entities[m.Entity].Roles[r] {
			continue
		}
		if m.Last <= i {
			return m.Entity
		}
		after = m.Entity
	}
	return after
}

// MarkSpeaker records that name mention mi speaks, which makes an entity of
// unknown kind a person ("Kim told reporters").
func (s *Set) MarkSpeaker(mi int) {
	m := s.Mentions[mi]
	if m.Form == Name && m.Entity >= 0 {
		e := &s.Entities[m.Entity]
		e.Spoke = true
		// A lone word that speaks may be a country or a company ("Canada
		// said"); a full name that speaks is a person.
		if e.Kind == whosaid.Unknown && strings.Contains(e.Name, " ") {
			e.Kind = whosaid.Person
		}
	}
}
