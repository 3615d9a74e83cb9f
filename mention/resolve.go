package mention

import (
	"slices"
	"sort"
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/text"
)

// Prev is the speaker of the statement before the one being resolved: news
// writing keeps talking about whoever spoke last.
type Prev struct {
	Entity    int // -1 when none
	Mention   int // the previous speaker mention, -1 when none
	Paragraph int
	Name      string // the previous speaker's canonical name, "" when none
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
	if m.Form == Description && m.Kind == whosaid.Group {
		asWritten.Name = s.groupName(m)
	}
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
	if m.Plural && !documentNouns[m.Head] {
		// "sources said" after "sources familiar with the negotiations"
		if d, ok := s.introduced(m); ok && d.Last-d.First > m.Last-m.First {
			return Resolution{Entity: -1, Name: s.T.Src[d.Start:d.End], Kind: m.Kind, How: "as first described"}
		}
		return asWritten
	}
	if r, ok := s.pronounAuthor(m, prev, recent); ok {
		return r
	}
	if e := s.documentOwner(m); e >= 0 {
		return Resolution{Entity: e, Name: s.Entities[e].Name, Kind: s.Entities[e].Kind, How: "the owner of the document"}
	}
	if e := s.appositiveTo(m); e >= 0 {
		return Resolution{Entity: e, Name: s.Entities[e].Name, Kind: s.Entities[e].Kind, How: "in apposition to the name"}
	}
	if e := s.namedAfterLede(m); e >= 0 {
		return Resolution{Entity: e, Name: s.Entities[e].Name, Kind: whosaid.Person, How: "named in the next sentence, after a lede"}
	}
	if !m.Definite {
		return asWritten
	}
	if e := s.entityWithRole(m.Head, m.First); e >= 0 {
		return Resolution{Entity: e, Name: s.Entities[e].Name, Kind: s.Entities[e].Kind, How: "the entity titled " + m.Head}
	}
	// "the official" is the "justice official" introduced earlier as "a
	// justice official": an unnamed source keeps the name it was given. A
	// document ("a recent report") names no source.
	if d, ok := s.introduced(m); ok && s.bare(m.First) == "the" && !documentNouns[m.Head] {
		return Resolution{Entity: -1, Name: s.T.Src[d.Start:d.End], Kind: m.Kind, How: "as first described"}
	}
	switch m.Kind {
	case whosaid.Organization:
		if s.bare(m.First) != "the" {
			break // "her office" is not the article's organisation
		}
		if e := s.organizationJustNamed(m, 0); e >= 0 {
			return Resolution{Entity: e, Name: s.Entities[e].Name, Kind: whosaid.Organization, How: "the organisation named before it in its sentence"}
		}
		if recent && s.Entities[prev.Entity].Kind == whosaid.Organization {
			return Resolution{Entity: prev.Entity, Name: s.Entities[prev.Entity].Name, Kind: whosaid.Organization, How: "previous speaker"}
		}
		if e := s.organizationBefore(m); e >= 0 {
			return Resolution{Entity: e, Name: s.Entities[e].Name, Kind: whosaid.Organization, How: "the " + m.Head + " named before it"}
		}
		if e := s.organizationJustNamed(m, 1); e >= 0 {
			return Resolution{Entity: e, Name: s.Entities[e].Name, Kind: whosaid.Organization, How: "the organisation named just before it"}
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
		if d.Last <= m.First && !d.Definite && d.Plural == m.Plural && !s.namesInside(d) {
			return d, true
		}
	}
	return Mention{}, false
}

// namesInside says whether description d runs over capitalised words
// after its first: then it swallowed a clause ("Lara Kadlow denied
// reports"), and cannot name anyone.
func (s *Set) namesInside(d Mention) bool {
	for j := d.First + 1; j < d.Last; j++ {
		if s.T.Tokens[j].Upper {
			return true
		}
	}
	return false
}

func (s *Set) resolvePronoun(m Mention, prev Prev, recent bool) Resolution {
	switch m.Head {
	case "he", "she":
		g := Male
		if m.Head == "she" {
			g = Female
		}
		if r, ok := s.unnamedPreviousSpeaker(m, g, prev); ok {
			return r
		}
		if e, why := s.antecedent(m.First, g, prev, recent); e >= 0 {
			s.link(chainLink{token: m.First, entity: e, gender: g})
			return s.pronounTo(e, g, why)
		}
	case "they", "we":
		if recent && s.Entities[prev.Entity].Kind != whosaid.Person {
			return Resolution{Entity: prev.Entity, Name: s.Entities[prev.Entity].Name, Kind: s.Entities[prev.Entity].Kind, How: "previous speaker"}
		}
		if prev.Mention >= 0 && s.Mentions[prev.Mention].Plural && prev.Entity < 0 && prev.Name != "" {
			return Resolution{Entity: -1, Name: prev.Name, Kind: s.Mentions[prev.Mention].Kind, How: "previous speaker"}
		}
		if g, ok := s.groupBefore(m.First); ok {
			return Resolution{Entity: -1, Name: s.groupName(g), Kind: whosaid.Group, How: "nearest group in the two sentences before"}
		}
	case "it":
		if recent && s.Entities[prev.Entity].Kind == whosaid.Organization {
			return Resolution{Entity: prev.Entity, Name: s.Entities[prev.Entity].Name, Kind: whosaid.Organization, How: "previous speaker"}
		}
		if e := s.subjectOrganization(m.First); e >= 0 {
			return Resolution{Entity: e, Name: s.Entities[e].Name, Kind: whosaid.Organization, How: "the organisation the sentence before it opens with"}
		}
		if e := s.latestEntity(m.First, whosaid.Organization, UnknownGender); e >= 0 {
			return Resolution{Entity: e, Name: s.Entities[e].Name, Kind: whosaid.Organization, How: "nearest preceding organisation"}
		}
	}
	return Resolution{Entity: -1, Kind: m.Kind, How: "no antecedent found"}
}

// unnamedPreviousSpeaker resolves "he" or "she" to the previous speaker
// when that speaker was never named ("A spokeswoman for the utility
// said … “…,” she said."), spoke in this sentence or the one before, and no
// person of fitting gender has been named since: the antecedent search
// weighs named people only, and would reach back to an earlier one.
func (s *Set) unnamedPreviousSpeaker(m Mention, g Gender, prev Prev) (Resolution, bool) {
	if prev.Entity >= 0 || prev.Mention < 0 || prev.Name == "" {
		return Resolution{}, false
	}
	d := s.Mentions[prev.Mention]
	if d.Form != Description || d.Kind != whosaid.Person || d.Plural || d.Last > m.First ||
		s.T.SentenceOf(m.First)-s.T.SentenceOf(d.First) > 1 || !genderFits(genderedWord(d.Head), g) {
		return Resolution{}, false
	}
	for _, mi := range s.namesBefore(m.First) {
		n := s.Mentions[mi]
		if n.Last <= d.Last {
			break
		}
		if s.personLike(n.Entity) && genderFits(s.Entities[n.Entity].Gender, g) {
			return Resolution{}, false
		}
	}
	return Resolution{Entity: -1, Name: prev.Name, Kind: whosaid.Person, How: "previous speaker, unnamed"}, true
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

// chainLink is a resolved "he" or "she": the next one often continues it.
type chainLink struct {
	token, entity int
	gender        Gender
}

// link records a resolved pronoun in s.chain, which is kept in text order
// whatever order statements are resolved in; resolving a pronoun again
// replaces its link.
func (s *Set) link(l chainLink) {
	k := sort.Search(len(s.chain), func(k int) bool { return s.chain[k].token >= l.token })
	if k < len(s.chain) && s.chain[k].token == l.token {
		s.chain[k] = l
		return
	}
	s.chain = slices.Insert(s.chain, k, l)
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
		// yet ("Sunaryo Wiratmo Putro").
		if !s.personLike(m.Entity) || !genderFits(e.Gender, g) {
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
	// The first mention of a person, in this sentence or the one before,
	// introduces who speaks next ("Liberal MP Jo Tan went on the radio. “…,” he
	// said."); a "he" that continues the last "he" is most often the same
	// person.
	newcomer, subject := -1, false
	for _, mi := range window {
		m := s.Mentions[mi]
		if s.T.SentenceOf(m.First) < sent-1 {
			break
		}
		// A name of unknown kind that opens its sentence is introduced
		// as its subject, like a person: "Marta Quill runs a bakery."
		opens := m.Outer == s.T.Sentences[s.T.SentenceOf(m.First)].First && s.personLike(m.Entity)
		if s.firstNamed[m.Entity] == mi && (s.Entities[m.Entity].Kind == whosaid.Person || opens) {
			newcomer = m.Entity
			subject = opens && s.T.SentenceOf(m.First) == sent-1
		}
	}
	chained := -1
	for k := sort.Search(len(s.chain), func(k int) bool { return s.chain[k].token >= i }) - 1; k >= 0; k-- {
		if l := s.chain[k]; l.gender == g {
			if para-s.T.Sentences[s.T.SentenceOf(l.token)].Paragraph <= 1 {
				chained = l.entity
			}
			break
		}
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
		if e == newcomer {
			score += 2
			reasons = append(reasons, "just introduced")
			if subject {
				score += 1.5
			}
		}
		if e == chained {
			score += 2
			reasons = append(reasons, "as the last "+g.pronoun())
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
	// A place holds no role of a person: "Pennsylvania" before "Vice
	// President" does not make the state the vice president.
	titled := func(e int) bool { return s.Entities[e].Roles[r] && !IsPlace(s.Entities[e].Name) }
	for _, mi := range s.namesBefore(i) {
		if e := s.Mentions[mi].Entity; titled(e) {
			return e
		}
	}
	for _, mi := range s.namesAfter(i) {
		if e := s.Mentions[mi].Entity; titled(e) {
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

// namedAfterLede returns the person a lede describes before naming them:
// "A Vancouver hockey coach says he is overwhelmed. Sam Field said …".
// The description m, one person, opens one of the article's first two
// paragraphs, and the next sentence opens with the first mention of a
// person's full name; -1 otherwise. Later in an article the next name is
// as often someone else ("A witness said the car sped. Dorin Ashby, the
// driver, said he braked"): allowing it there gained one statement on GGT
// dev for that risk.
func (s *Set) namedAfterLede(m Mention) int {
	sent := s.T.SentenceOf(m.First)
	if m.Kind != whosaid.Person || m.Plural || m.Form != Description || sent+1 >= len(s.T.Sentences) {
		return -1
	}
	if st := s.T.Sentences[sent]; st.Paragraph > 1 || st.First != m.First || s.T.Paragraphs[st.Paragraph].First != st.First {
		return -1
	}
	after := s.namesAfter(m.Last)
	if len(after) == 0 {
		return -1
	}
	n := s.Mentions[after[0]]
	next := s.T.Sentences[sent+1]
	if n.Outer != next.First || s.firstNamed[n.Entity] != after[0] || !s.personLike(n.Entity) || !strings.Contains(s.Entities[n.Entity].Name, " ") {
		return -1
	}
	return n.Entity
}

// orgWindow is how many paragraphs back "the company" looks for the
// organisation it refers to.
const orgWindow = 4

// organizationBefore returns the organisation a definite description such
// as "the city" or "the agency" refers back to: the latest one named within
// orgWindow paragraphs whose name carries the description's head ("the
// city" → "City of Surrey"); -1 when none. Linking to the latest or the
// most named organisation whatever its name was right for only one in
// seven on the GGT development set: an article names many organisations.
func (s *Set) organizationBefore(m Mention) int {
	para := s.T.Sentences[s.T.SentenceOf(m.First)].Paragraph
	for _, mi := range s.namesBefore(m.First) {
		n := s.Mentions[mi]
		if para-s.T.Sentences[s.T.SentenceOf(n.First)].Paragraph > orgWindow {
			break
		}
		if s.Entities[n.Entity].Kind == whosaid.Person {
			continue
		}
		for _, w := range nameWords(s.Entities[n.Entity].Name) {
			if strings.EqualFold(w, m.Head) {
				return n.Entity
			}
		}
	}
	return -1
}

// organizationJustNamed returns the organisation that "the company" or
// "the agency" continues when its name does not carry the noun: the one
// organisation named earlier in its own sentence or, with back 1, in the
// sentence before (" … by Harbour Transit. The agency said"); -1 when
// those name none or several, or a person after it, or when the
// description names its own ("the Corvane campaign") or a kind of body
// that a nearby name seldom is ("the ministry" after "the U.S.").
func (s *Set) organizationJustNamed(m Mention, back int) int {
	if !continuingNouns[m.Head] || s.namesInside(m) {
		return -1
	}
	sent := s.T.SentenceOf(m.First)
	found := -1
	for _, mi := range s.namesBefore(m.First) {
		n := s.Mentions[mi]
		if s.T.SentenceOf(n.First) < sent-back {
			break
		}
		switch e := s.Entities[n.Entity]; {
		case s.T.SentenceOf(n.First) == sent && s.quoteBetween(n.Last, m.First):
			// "“We are working with Corvane,” the company said" names
			// someone else inside the quotation.
		case IsPlace(e.Name):
		case e.Kind == whosaid.Organization || e.Kind == whosaid.Unknown && isAcronym(e.Name):
			if found >= 0 && found != n.Entity {
				return -1
			}
			found = n.Entity
		case s.personLike(n.Entity) && found < 0:
			return -1
		}
	}
	return found
}

// quoteBetween says whether a quotation mark lies in tokens [a, b).
func (s *Set) quoteBetween(a, b int) bool {
	for j := a; j < b; j++ {
		if s.T.Tokens[j].Kind == text.Quote {
			return true
		}
	}
	return false
}

// continuingNouns are the heads of "the company"-like descriptions that
// continue whichever organisation was just named.
var continuingNouns = set("company", "firm", "agency", "bank", "business", "corporation", "utility",
	"retailer", "airline", "carrier", "insurer", "automaker", "carmaker", "lender", "manufacturer",
	"maker", "startup", "organization", "organisation", "association", "charity", "foundation",
	"network", "broadcaster", "newspaper", "union", "university", "hospital", "institute")

// documentOwner returns the entity whose document description m names:
// "Harbour Transit’s public database", "the ministry's report"
// speak for Harbour Transit and the ministry; -1 otherwise.
func (s *Set) documentOwner(m Mention) int {
	if m.Form != Description || !documentNouns[m.Head] {
		return -1
	}
	first := m.First
	if s.bare(first) == "the" {
		first++
	}
	n, ok := s.byFirst[first]
	if !ok || s.Mentions[n].Form != Name || s.Mentions[n].Entity < 0 {
		return -1
	}
	if end := s.Mentions[n].Last; end >= m.Last || !IsPossessive(s.lower(end)) {
		return -1
	}
	return s.Mentions[n].Entity
}

// subjectOrganization returns the organisation named at the opening of the
// sentence of token i, or of the sentence before it when i opens its own:
// the subject that "it" most often continues ("HTB declined to answer
// questions about the Corvane policy. “…,” it said"); -1 when that is no
// organisation (a person, or a lone word that may be a place).
func (s *Set) subjectOrganization(i int) int {
	si := s.T.SentenceOf(i)
	for k := si; k >= 0 && k >= si-1; k-- {
		sent := s.T.Sentences[k]
		if k == si && i == sent.First {
			continue
		}
		for j := sent.First; j < sent.Last && j < sent.First+4; j++ {
			mi, ok := s.byFirst[j]
			if !ok {
				continue
			}
			m := s.Mentions[mi]
			if m.Form != Name || m.Entity < 0 || m.Outer != sent.First || m.Last > i {
				break
			}
			e := s.Entities[m.Entity]
			if e.Kind == whosaid.Organization || e.Kind == whosaid.Unknown && isAcronym(e.Name) {
				return m.Entity
			}
			break
		}
	}
	return -1
}

// possessivePronouns stand for a document's author: "her statement".
var possessivePronouns = map[string]string{"his": "he", "her": "she", "its": "it", "their": "they"}

// pronounAuthor resolves a document described with a possessive pronoun
// to the pronoun's referent: "her statement said" is hers.
func (s *Set) pronounAuthor(m Mention, prev Prev, recent bool) (Resolution, bool) {
	head, ok := possessivePronouns[s.bare(m.First)]
	if m.Form != Description || !documentNouns[m.Head] || !ok {
		return Resolution{}, false
	}
	p := pronoun(m.First, head)
	r := s.resolvePronoun(p, prev, recent)
	if r.Name == "" {
		return Resolution{}, false
	}
	r.How = "the author of the document: " + r.How
	return r, true
}

// groupName is the name of a group as the article writes it, with the
// article of a capitalised group ("the Conservatives").
func (s *Set) groupName(g Mention) string {
	if g.First > 0 && s.T.Tokens[g.First].Upper && s.bare(g.First-1) == "the" {
		return s.T.Src[s.T.Tokens[g.First-1].Start:g.End]
	}
	return s.T.Src[g.Start:g.End]
}

// appositiveTo returns the person a description stands in apposition to:
// "Nunez, the relentless striker who calls herself …" is Nunez; -1
// otherwise.
func (s *Set) appositiveTo(m Mention) int {
	o := m.Outer
	if m.Form != Description || m.Plural || o < 2 || s.T.Str(o-1) != "," {
		return -1
	}
	n, ok := s.byLast[o-2]
	if !ok || s.Mentions[n].Form != Name || s.Mentions[n].Entity < 0 || !s.personLike(s.Mentions[n].Entity) {
		return -1
	}
	if s.T.SentenceOf(o-2) != s.T.SentenceOf(m.First) {
		return -1
	}
	return s.Mentions[n].Entity
}
