package mention

import (
	"sort"
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
	determiners           = set("the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our")
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
	afterComma := -1 // the first token after a comma the phrase crossed
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
			if afterComma < 0 {
				afterComma = j + 1
			}
			continue
		}
		break
	}
	// A past form at the left edge is the verb before the phrase
	// ("accused opposition lawmakers"), not an adjective.
	if !determined && m.First < i && strings.HasSuffix(s.bare(m.First), "ed") {
		m.First++
	}
	// Only a determiner makes a comma part of the phrase ("the lanky,
	// bespectacled professor"); otherwise the comma ends it ("In that
	// budget, Finance officials").
	if afterComma >= 0 && (!determined || !s.adjectiveList(m.First, afterComma, i)) {
		m.First = afterComma
	}
	if !determined && !m.Plural {
		return m, false
	}
	// Anonymous sources carry their qualification: "sources familiar with
	// the negotiations", "officials close to the talks".
	if m.Plural && i+3 < sent.Last && (s.bare(i+1) == "familiar" && s.bare(i+2) == "with" || s.bare(i+1) == "close" && s.bare(i+2) == "to") {
		end := i + 3
		if determiners[s.bare(end)] && end+1 < sent.Last {
			end++
		}
		for end < sent.Last && s.T.Tokens[end].Kind == text.Word && !modifierStops[s.bare(end)] && end < i+8 {
			end++
		}
		m.Last = end
	}
	// A trailing comma from an "adjective," run is not part of the mention.
	for m.First < i && s.T.Str(m.First) == "," {
		m.First++
	}
	return m, true
}

// adjectiveList says whether a description that crossed a comma reads as
// a list of adjectives ("the lanky, bespectacled professor"): one or two
// lower-case words between its determiner and the comma, and no
// capitalised word after it ("that same budget, Finance officials" is not).
func (s *Set) adjectiveList(det, afterComma, head int) bool {
	if n := afterComma - 1 - (det + 1); n < 1 || n > 2 {
		return false
	}
	for j := det + 1; j <= head; j++ {
		if s.T.Tokens[j].Upper {
			return false
		}
	}
	return true
}

// AddPhrase records tokens [first, last) as a mention when no stage
// before found one there (a speaker noun phrase such as "the military" or
// "a resident of the area") and returns it. A name mention inside the
// phrase is returned instead, so the phrase resolves to the name.
func (s *Set) AddPhrase(first, last int) int {
	if mi, ok := s.byFirst[first]; ok && s.Mentions[mi].Last == last {
		return mi
	}
	if mi, ok := s.byLast[last-1]; ok && s.Mentions[mi].Form == Name && s.titledFrom(first, s.Mentions[mi].First) {
		return mi // "former Bank of Canada governor David Dodge"
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

// titledFrom says whether tokens [first, name) read as a title or role
// before a name: capitalised words, titles, role words and particles.
func (s *Set) titledFrom(first, name int) bool {
	for j := first; j < name; j++ {
		w := s.bare(j)
		if !s.T.Tokens[j].Upper && !titleWords[w] && !personRoles[w] && !roleModifiers[w] && !particle(w) && w != "the" && w != "a" {
			return false
		}
	}
	return true
}

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
	if m.Plural {
		// "sources said" after "sources familiar with the negotiations"
		if d, ok := s.introduced(m); ok && d.Last-d.First > m.Last-m.First {
			return Resolution{Entity: -1, Name: s.T.Src[d.Start:d.End], Kind: m.Kind, How: "as first described"}
		}
		return asWritten
	}
	if !m.Definite {
		return asWritten
	}
	if e := s.entityWithRole(m.Head, m.First); e >= 0 {
		return Resolution{Entity: e, Name: s.Entities[e].Name, Kind: s.Entities[e].Kind, How: "the entity titled " + m.Head}
	}
	// "the official" is the "justice official" introduced earlier as "a
	// justice official": an unnamed source keeps the name it was given.
	if d, ok := s.introduced(m); ok && s.bare(m.First) == "the" {
		return Resolution{Entity: -1, Name: s.T.Src[d.Start:d.End], Kind: m.Kind, How: "as first described"}
	}
	switch m.Kind {
	case whosaid.Organization:
		if s.bare(m.First) != "the" {
			break // "her office" is not the article's organisation
		}
		if recent && s.Entities[prev.Entity].Kind == whosaid.Organization {
			return Resolution{Entity: prev.Entity, Name: s.Entities[prev.Entity].Name, Kind: whosaid.Organization, How: "previous speaker"}
		}

	case whosaid.Person:
		if recent && s.Entities[prev.Entity].Kind == whosaid.Person {
			return Resolution{Entity: prev.Entity, Name: s.Entities[prev.Entity].Name, Kind: whosaid.Person, How: "previous speaker"}
		}
	}
	return asWritten
}

// introduced returns the indefinite description that introduced the
// referent of definite description m: the last one before it with the
// same head.
func (s *Set) introduced(m Mention) (Mention, bool) {
	list := s.byHead[m.Head]
	for k := len(list) - 1; k >= 0 && k >= len(list)-50; k-- {
		d := s.Mentions[list[k]]
		if d.Last <= m.First && !d.Definite && d.Plural == m.Plural {
			return d, true
		}
	}
	return Mention{}, false
}

func (s *Set) resolvePronoun(m Mention, prev Prev, recent bool) Resolution {
	switch m.Head {
	case "he", "she":
		g := Male
		if m.Head == "she" {
			g = Female
		}
		if e, why := s.antecedent(m.First, g, prev, recent); e >= 0 {
			return s.pronounTo(e, g, why)
		}
	case "they", "we":
		if recent && s.Entities[prev.Entity].Kind != whosaid.Person {
			return Resolution{Entity: prev.Entity, Name: s.Entities[prev.Entity].Name, Kind: s.Entities[prev.Entity].Kind, How: "previous speaker"}
		}
		if prev.Mention >= 0 && s.Mentions[prev.Mention].Plural && prev.Entity < 0 {
			pm := s.Mentions[prev.Mention]
			return Resolution{Entity: -1, Name: s.T.Src[pm.Start:pm.End], Kind: pm.Kind, How: "previous speaker"}
		}
		if g, ok := s.groupBefore(m.First); ok {
			return Resolution{Entity: -1, Name: s.T.Src[g.Start:g.End], Kind: whosaid.Group, How: "nearest group in the two sentences before"}
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

// groupBefore returns the last group description ("the Liberals", "auto
// industry executives") in the sentence of token i or the one before.
func (s *Set) groupBefore(i int) (Mention, bool) {
	sent := s.T.SentenceOf(i)
	first := s.T.Sentences[max(0, sent-1)].First
	for j := i - 1; j >= first; j-- {
		if mi, ok := s.byLast[j]; ok {
			if m := s.Mentions[mi]; m.Form == Description && m.Plural && m.Kind == whosaid.Group {
				return m, true
			}
		}
	}
	return Mention{}, false
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

// latestEntity returns the entity of kind k (and fitting gender) whose name
// was mentioned last before token i, or -1.
func (s *Set) latestEntity(i int, k whosaid.SpeakerKind, g Gender) int {
	for _, mi := range s.namesBefore(i) {
		e := s.Entities[s.Mentions[mi].Entity]
		if e.Kind == k && genderFits(e.Gender, g) {
			return s.Mentions[mi].Entity
		}
	}
	return -1
}

// window bounds how many name mentions a resolution looks at on either
// side, so that resolving stays linear in the length of an article.
const window = 400

// namesBefore returns the linked name mentions that end at or before token
// i, latest first, at most window of them.
func (s *Set) namesBefore(i int) []int {
	k := sort.Search(len(s.names), func(k int) bool { return s.Mentions[s.names[k]].Last > i })
	lo := max(0, k-window)
	out := make([]int, 0, k-lo)
	for j := k - 1; j >= lo; j-- {
		out = append(out, s.names[j])
	}
	return out
}

// namesAfter returns the linked name mentions that end after token i,
// earliest first, at most window of them.
func (s *Set) namesAfter(i int) []int {
	k := sort.Search(len(s.names), func(k int) bool { return s.Mentions[s.names[k]].Last > i })
	return s.names[k:min(len(s.names), k+window)]
}

// antecedent scores the people mentioned before token i as the referent
// of a pronoun of gender g: the previous speaker, people in the same or the
// previous sentence, people with the right gender, people who spoke and
// people the article mentions often weigh more; a known different gender
// rules a person out. It returns the best and why it won.
func (s *Set) antecedent(i int, g Gender, prev Prev, recent bool) (int, string) {
	type candidate struct {
		score   float64
		reasons []string
	}
	sent := s.T.SentenceOf(i)
	para := s.T.Sentences[sent].Paragraph
	cands := map[int]*candidate{}
	counts := map[int]int{}
	window := s.namesBefore(i)
	for k := len(window) - 1; k >= 0; k-- { // oldest first: the latest mention decides
		m := s.Mentions[window[k]]
		counts[m.Entity]++
		e := s.Entities[m.Entity]
		// A name of unknown kind may be a person nobody has called one
		// yet ("Sutopo Purwo Nugroho"); a lone word of unknown kind is
		// more often a place.
		if !(e.Kind == whosaid.Person || e.Kind == whosaid.Unknown && strings.Contains(e.Name, " ")) || !genderFits(e.Gender, g) {
			continue
		}
		ms := s.T.SentenceOf(m.First)
		if para-s.T.Sentences[ms].Paragraph > 4 && !(recent && prev.Entity == m.Entity) {
			continue
		}
		c := cands[m.Entity]
		if c == nil {
			c = &candidate{}
			cands[m.Entity] = c
		}
		// The latest mention decides the position bonuses.
		c.score, c.reasons = 0, nil
		switch {
		case ms == sent:
			c.score, c.reasons = 2, []string{"same sentence"}
		case ms == sent-1:
			c.score, c.reasons = 1.5, []string{"previous sentence"}
		case s.T.Sentences[ms].Paragraph == para:
			c.score, c.reasons = 1, []string{"same paragraph"}
		}
		c.score -= 0.3 * float64(para-s.T.Sentences[ms].Paragraph)
	}
	best, bestScore, why := -1, -1e9, ""
	for e, c := range cands {
		ent := s.Entities[e]
		score := c.score + 0.2*float64(min(counts[e], 5))
		reasons := c.reasons
		if recent && prev.Entity == e {
			score += 2.5
			reasons = append(reasons, "previous speaker")
		}
		if ent.Gender == g {
			score += 1.5
			reasons = append(reasons, "gender")
		}
		if ent.Spoke {
			score += 1
			reasons = append(reasons, "has spoken")
		}
		if ent.Kind != whosaid.Person {
			score -= 1.5
		}
		if score > bestScore || score == bestScore && e < best {
			best, bestScore, why = e, score, strings.Join(reasons, ", ")
		}
	}
	if why == "" {
		why = "most likely person before it"
	}
	return best, why
}

// entityWithRole returns the entity most recently mentioned before token i
// that carries role r; failing that, the first one after it (a lede says
// "the president" before naming him); or -1.
func (s *Set) entityWithRole(r string, i int) int {
	for _, mi := range s.namesBefore(i) {
		if e := s.Mentions[mi].Entity; s.Entities[e].Roles[r] {
			return e
		}
	}
	for _, mi := range s.namesAfter(i) {
		if e := s.Mentions[mi].Entity; s.Entities[e].Roles[r] {
			return e
		}
	}
	return -1
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
