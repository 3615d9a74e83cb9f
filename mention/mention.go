// Package mention is the fourth stage of the pipeline: it finds the
// people, organisations and groups an article mentions (names, pronouns and
// descriptions such as "the president" or "a spokesperson") and clusters
// them into entities, so a speaker written "he" or "the president" can be
// resolved to the most complete name the article gives.
package mention

import (
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/text"
)

// Form is how a mention is written.
type Form uint8

// Mention forms.
const (
	Name        Form = iota // "Jeff Sessions", "The Washington Post"
	Pronoun                 // "he", "they"
	Description             // "the president", "a spokesperson", "officials"
)

// Gender of a person, as the article shows it.
type Gender uint8

// pronoun is the subject pronoun of gender g.
func (g Gender) pronoun() string {
	switch g {
	case Male:
		return "he"
	case Female:
		return "she"
	}
	return "they"
}

// Genders.
const (
	UnknownGender Gender = iota
	Male
	Female
)

// Mention is one mention; its tokens are [First, Last).
type Mention struct {
	First, Last int
	Start, End  int
	Form        Form
	Kind        whosaid.SpeakerKind
	Gender      Gender
	Plural      bool
	Definite    bool   // "the ..." descriptions refer back; "a ..." ones do not
	Head        string // lower-case head word of descriptions and pronouns
	Name        string // names: the name without titles or possessive
	// Outer is the first token of the mention with its titles and role
	// words ("Attorney General" in "Attorney General Jeff Sessions").
	Outer  int
	Entity int // index into Set.Entities, -1 when not linked
}

// Entity is a cluster of name mentions of one person or organisation.
type Entity struct {
	Name   string // the most complete name in the article
	Kind   whosaid.SpeakerKind
	Gender Gender
	Roles  map[string]bool // role words from titles and appositions
	Last   int             // token index of the latest name mention
	Spoke  bool            // the entity is the speaker of a statement
	named  int             // name mentions so far
}

// Set holds an article's mentions and entities.
type Set struct {
	T        *text.Text
	Mentions []Mention
	Entities []Entity
	byLast   map[int]int             // last token index → mention
	byFirst  map[int]int             // first token index → mention
	roles    map[int]map[string]bool // name mention → role words seen with it
	names    []int                   // linked name mentions in text order
	byWord   map[string][]int        // name word → entities, for clustering
	byHead   map[string][]int        // head word → description mentions
	// firstNamed is each entity's first name mention.
	firstNamed map[int]int
	// chain holds the resolved "he" and "she" speaker pronouns, in text
	// order.
	chain []chainLink
	// votes are the pronouns that refer to each person, and wordClues the
	// honorifics and role nouns written with their names, gathered once
	// every statement is resolved (GenderOf).
	votes     map[int]*[3]int
	wordClues map[int][]genderClue
	// acronyms are the article's acronyms, gathered on first use.
	acronyms map[string]bool
}

// Find detects the mentions of t and clusters the names into entities.
func Find(t *text.Text) *Set {
	// News text has about one mention in eight tokens (5,282 in the 40,097
	// content tokens of GGT dev): room for one in six spares most articles
	// the copies of growing the slice and the indexes.
	n := len(t.Tokens) / 6
	s := &Set{T: t, Mentions: make([]Mention, 0, n), byLast: make(map[int]int, n), byFirst: make(map[int]int, n),
		byWord: map[string][]int{}, byHead: map[string][]int{}, firstNamed: map[int]int{}}
	for _, sent := range t.Sentences {
		s.findInSentence(sent)
	}
	s.cluster()
	s.genderFromPronouns()
	return s
}

// genderFromPronouns gives a person whose name, title and given name say
// nothing of gender the gender of the pronouns that follow their name
// (pronounVotes). The pronoun may still be someone else's ("police told
// Kim to wait in his car"), so a gender needs twice the votes of the other.
func (s *Set) genderFromPronouns() {
	for e, v := range s.pronounVotes() {
		if s.Entities[e].Gender != UnknownGender {
			continue
		}
		switch {
		case v[Male] >= 2*v[Female] && v[Male] > 0:
			s.Entities[e].Gender = Male
		case v[Female] >= 2*v[Male] && v[Female] > 0:
			s.Entities[e].Gender = Female
		}
	}
}

// personLike says whether entity e may be a person: one, or a name of
// several words of unknown kind, or a lone unknown word that has spoken
// ("Tomas said"; a lone word that has not is more often a place).
func (s *Set) personLike(e int) bool {
	ent := s.Entities[e]
	return ent.Kind == whosaid.Person || ent.Kind == whosaid.Unknown && (ent.Spoke || strings.Contains(ent.Name, " "))
}

// PersonLike says whether entity e may be a person (see personLike).
func (s *Set) PersonLike(e int) bool { return s.personLike(e) }

// Introduces says whether name mention m is the first naming of its
// entity in the article.
func (s *Set) Introduces(m int) bool {
	e := s.Mentions[m].Entity
	return e >= 0 && s.firstNamed[e] == m
}

// EndingAt returns the mention ending at token i (inclusive), if any.
func (s *Set) EndingAt(i int) (int, bool) {
	m, ok := s.byLast[i]
	return m, ok
}

// StartingAt returns the mention starting at token i, if any.
func (s *Set) StartingAt(i int) (int, bool) {
	m, ok := s.byFirst[i]
	return m, ok
}

// Span returns mention m's span in the text, with its titles and role
// words: "Attorney General Jeff Sessions".
func (s *Set) Span(m int) whosaid.Span {
	mm := s.Mentions[m]
	end := mm.End
	// A party label belongs to the name: "Sen. Lindsey Graham (R-S.C.)".
	if l := mm.Last; l+2 < len(s.T.Tokens) && s.T.Str(l) == "(" && partyLabel(s.T.Str(l+1)) {
		for k := l + 2; k < len(s.T.Tokens) && k <= l+5; k++ {
			if s.T.Str(k) == ")" {
				end = s.T.Tokens[k].End
				break
			}
		}
	}
	return whosaid.NewSpan(s.T.Src, s.T.Tokens[mm.Outer].Start, end)
}

func partyLabel(w string) bool {
	return len(w) > 2 && (w[0] == 'D' || w[0] == 'R' || w[0] == 'I') && w[1] == '-'
}

func (s *Set) lower(i int) string { return s.T.Lower(i) }

// bare returns token i's lower-case text without a final period.
func (s *Set) bare(i int) string { return strings.TrimSuffix(s.lower(i), ".") }

func (s *Set) add(m Mention) {
	m.Start, m.End = s.T.Tokens[m.First].Start, s.T.Tokens[m.Last-1].End
	if m.Entity == 0 {
		m.Entity = -1
	}
	if m.Form != Name || m.Outer > m.First {
		m.Outer = m.First
	}
	s.Mentions = append(s.Mentions, m)
	s.byLast[m.Last-1] = len(s.Mentions) - 1
	s.byFirst[m.First] = len(s.Mentions) - 1
	if m.Form == Description {
		s.byHead[m.Head] = append(s.byHead[m.Head], len(s.Mentions)-1)
	}
}

// The classes of words that open a mention, by bit in openers.
const (
	pronounWord     = 1 << iota // a pronoun of any gender or number
	descriptionHead             // a group noun, role, organisation or document noun
)

// openers merges the word lists findInSentence asks of every word, so a
// word costs one lookup instead of nine.
var openers = func() map[string]uint8 {
	m := map[string]uint8{}
	for _, set := range []map[string]bool{speakerPronouns, malePronouns, femalePronouns, pluralPronouns, neuterPronouns} {
		for w := range set {
			m[w] |= pronounWord
		}
	}
	for _, set := range []map[string]bool{groupNouns, personRoles, orgNouns, documentNouns} {
		for w := range set {
			m[w] |= descriptionHead
		}
	}
	return m
}()

func (s *Set) findInSentence(sent text.Sentence) {
	toks := s.T.Tokens
	for i := sent.First; i < sent.Last; i++ {
		tok := toks[i]
		if tok.Kind != text.Word {
			continue
		}
		low := s.lower(i)
		class := openers[low]
		switch {
		case class&pronounWord != 0:
			s.add(pronoun(i, low))
		case tok.Upper && s.nameStart(i, sent):
			i = s.addName(i, sent) - 1
		case class&descriptionHead != 0:
			if m, ok := s.description(i, sent); ok {
				s.add(m)
			}
		}
	}
}

func pronoun(i int, low string) Mention {
	m := Mention{First: i, Last: i + 1, Form: Pronoun, Head: low, Kind: whosaid.Person}
	switch {
	case malePronouns[low]:
		m.Gender = Male
	case femalePronouns[low]:
		m.Gender = Female
	case pluralPronouns[low]:
		m.Plural, m.Kind = true, whosaid.Group
	case neuterPronouns[low]:
		m.Kind = whosaid.Organization
	}
	return m
}

// nameStart says whether the capitalised token i can start a name.
func (s *Set) nameStart(i int, sent text.Sentence) bool {
	b := s.bare(i)
	if quantifiers[b] {
		return false
	}
	// "The" starts a name inside a sentence ("by The Washington Post"), and
	// at its start when an organisation follows ("The Washington Post
	// reported").
	if stopCaps[b] && !(b == "the" && i+1 < sent.Last && s.T.Tokens[i+1].Upper &&
		(i > sent.First || s.isOrganization(i+1, min(i+5, sent.Last)))) {
		return false
	}
	return true
}

// addName adds the name (or capitalised group or organisation) starting at
// token i, with the titles before it split off, and returns the index after
// it.
func (s *Set) addName(i int, sent text.Sentence) int {
	toks := s.T.Tokens
	end := i
	for end < sent.Last {
		tok := toks[end]
		w := s.bare(end)
		if end > i && s.T.Str(end) == "," {
			if next := s.listedName(i, end, sent); next > end {
				end = next
				break
			}
		}
		// "Harlow & Finch", "Marsh & Vale": an ampersand between
		// capitalised words joins one organisation's name.
		if s.T.Str(end) == "&" && end > i && end+1 < sent.Last && toks[end+1].Upper && toks[end+1].Kind == text.Word {
			end++
			continue
		}
		if tok.Kind == text.Word && (tok.Upper || particle(w) && end > i && s.particlesThenUpper(end, sent)) {
			// Words like "May" end a run unless a name continues with
			// them ("Theresa May", "Elizabeth May").
			if end > i && (stopCaps[w] && w != "the" && !(surnameWords[w] && toks[end-1].Upper) && !isInitial(s.T.Str(end)) || !tok.SpaceBefore && isClitic(w)) {
				break
			}
			if heading(s.T.Str(end)) {
				break // "JAPAN ECONOMY:" is a section heading, not a name
			}
			end++
			continue
		}
		break
	}
	if end == i {
		return i + 1
	}
	// A run that ends in a modifier made from a name describes what
	// follows it: "a New Lisbon-based newspaper".
	if nameModifier(s.T.Str(end - 1)) {
		return end
	}
	// Split off titles ("Attorney General", "Sen.", "President") while a
	// name remains after them.
	roles := map[string]bool{}
	gender := UnknownGender
	first := i
	if s.bare(first) == "the" {
		first++
	}
	// A photo credit left in the text runs into the name after it:
	// "KATE MORROW/Harbour Press Photos Dana Dorr, a commander, said".
	for j := end - 2; j >= first; j-- {
		if w := s.T.Str(j); strings.Contains(w, "/") || creditWords[strings.ToLower(w)] {
			first, i = j+1, j+1
			break
		}
	}
	// A modifier made from a name is not part of the name after it, though
	// it is part of the phrase, like a role: "Calgary-based Corvane
	// Energy", "Port Ellery-area Voss".
	for j := end - 2; j >= first; j-- {
		if nameModifier(s.T.Str(j)) {
			first = j + 1
			break
		}
	}
	// A title inside the run splits off what precedes it too: "TransLink
	// CEO Kevin Desmond".
	for j := end - 2; j > first; j-- {
		if innerTitles[s.bare(j)] && !s.isOrganization(j+1, end) {
			for k := first; k <= j; k++ {
				roles[s.bare(k)] = true
			}
			first = j + 1
			break
		}
	}
	// So does a role noun before a known given name and surname:
	// "Resident Carla Moss", "Harbour Press Staff Writer Ana Diaz".
	for j := end - 3; j >= first; j-- {
		if given := s.T.Lower(j + 1); personRoles[s.bare(j)] && (maleNames[given] || femaleNames[given]) && !s.isOrganization(j+1, end) {
			for k := first; k <= j; k++ {
				roles[s.bare(k)] = true
			}
			first = j + 1
			break
		}
	}
	organization := s.isOrganization(first, end)
	// A run that ends in a role is a title, not a titled name: "the
	// Parliamentary Budget Officer".
	// After an honorific it is a surname: "Mr. King", "Ms. Baker".
	honorific := maleHonorifics[s.bare(first)] || femaleHonorifics[s.bare(first)]
	titleOnly := (personRoles[s.bare(end-1)] || titleWords[s.bare(end-1)]) && !(honorific && end-first == 2)
	for first < end-1 && titleWords[s.bare(first)] && !organization && !titleOnly {
		w := s.bare(first)
		roles[w] = true
		if maleHonorifics[w] {
			gender = Male
		} else if femaleHonorifics[w] {
			gender = Female
		}
		first++
	}
	// A role word that opens the sentence is capitalised like the name
	// after it: "Singer Lena Park told followers".
	if first == sent.First && end-first >= 3 && personRoles[s.bare(first)] && !organization && !titleOnly {
		roles[s.bare(first)] = true
		first++
	}
	// Lower-case role words just before the name, and the capitalised
	// words they belong to: "White House spokesman Josh Earnest".
	outer := i
	// "media buying company Adkin", "the security firm Corvane": a noun
	// for an organisation right before the name says what it is.
	orgDescribed := i > sent.First && continuingNouns[s.bare(i-1)] && !toks[i-1].Upper
	for j := i - 1; j >= sent.First && j >= i-4; j-- {
		w := s.bare(j)
		if toks[j].Kind != text.Word || toks[j].Upper || !personRoles[w] && !titleWords[w] && !roleModifiers[w] && !orgDescriptionNouns[w] {
			break
		}
		if personRoles[w] || titleWords[w] || orgDescriptionNouns[w] {
			roles[w] = true // "media buying company Adkin": the company
		}
		outer = j
	}
	if outer < i {
		for outer > sent.First && toks[outer-1].Upper && toks[outer-1].Kind == text.Word && !stopCaps[s.bare(outer-1)] {
			outer--
		}
		for outer < i && roleModifiers[s.bare(outer)] && !toks[outer].Upper && !personRoles[s.bare(outer)] {
			outer++ // a role phrase starts with its role word, not "press"
		}
	}
	m := Mention{First: first, Last: end, Form: Name, Kind: whosaid.Person, Outer: outer}
	if s.bare(i) == "the" && first == i+1 {
		m.First = i // "The Washington Post" keeps its article
	}
	if m.Outer == i && i > sent.First && (s.bare(i-1) == "the" || s.bare(i-1) == "a") && !s.T.Tokens[i-1].Upper {
		m.Outer = i - 1 // "the FBI": the article belongs to the name as written
	}
	last := s.bare(end - 1)
	var name strings.Builder
	for j := first; j < end; j++ {
		if j > first && s.T.Tokens[j].SpaceBefore {
			name.WriteByte(' ')
		}
		name.WriteString(s.T.Str(j))
	}
	m.Name = name.String()
	if s.isOrganization(first, end) && first > sent.First && s.bare(first-1) == "the" {
		// GGT's "most complete name" of an organisation keeps its article:
		// "The Harbour Growers Association".
		m.Name = s.T.Str(first-1) + " " + m.Name
	}
	m.Head = last
	switch {
	case groupNouns[last] && end-first <= 3:
		m.Form, m.Kind, m.Plural, m.Name = Description, whosaid.Group, true, ""
		m.First = i
		// "Dozens of Congressional Democrats", "veteran MPs"
		for j := i - 1; j >= sent.First && j >= i-3; j-- {
			w := s.bare(j)
			if w == "of" && j > sent.First && quantifiers[s.bare(j-1)] {
				m.First = j - 1
				break
			}
			if toks[j].Kind != text.Word || toks[j].Upper || modifierStops[w] || stopCaps[w] && !indefiniteDeterminers[w] {
				break
			}
			m.First = j
			if definiteDeterminers[w] || indefiniteDeterminers[w] {
				break
			}
		}
	case s.isOrganization(first, end) || s.bare(i) == "the":
		m.Kind = whosaid.Organization
	case end-first == 1 && isAcronym(s.T.Str(first)), orgDescribed:
		m.Kind = whosaid.Organization
	case maleNames[s.T.Lower(first)]:
		m.Gender = Male
	case femaleNames[s.T.Lower(first)]:
		m.Gender = Female
	case len(roles) == 0 && gender == UnknownGender:
		// A capitalised run with no title, role or known given name may be
		// a place or a thing ("Patullo Bridge"): its kind waits for more
		// evidence, such as speaking or being called "he".
		m.Kind = whosaid.Unknown
	}
	if gender != UnknownGender {
		m.Gender = gender
	}
	for r := range roles {
		if orgNouns[r] {
			delete(roles, r)
		}
	}
	s.add(m)
	idx := len(s.Mentions) - 1
	s.Mentions[idx].Entity = -1
	s.pendingRoles(idx, roles)
	s.appositionRoles(idx, end, sent)
	return end
}

func (s *Set) isOrganization(first, end int) bool {
	for j := first; j < end; j++ {
		if orgNouns[s.bare(j)] || s.T.Str(j) == "&" {
			return true
		}
	}
	return false
}

// isInitial says whether w is a capital initial with its period, which a
// name continues with: "Marta E. Sollen", "Mark I. Dole".
func isInitial(w string) bool {
	return len(w) == 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] == '.'
}

// nameModifier says whether w is a modifier made from a name and a
// participle or a noun of place or kind: "Calgary-based", "Angeles-area",
// "Kremlin-backed", "Texas-style". A name joined by a hyphen ends in a
// capital part ("Jean-Pierre", "al-Assad") or in a syllable ("Ki-moon").
func nameModifier(w string) bool {
	k := strings.LastIndexByte(w, '-')
	if k <= 0 {
		return false
	}
	tail := w[k+1:]
	for _, c := range []byte(tail) {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return len(tail) >= 4 && (strings.HasSuffix(tail, "ed") || strings.HasSuffix(tail, "ing")) || modifierTails[tail]
}

// modifierTails end a modifier made from a name without a participle.
var modifierTails = set("area", "born", "bred", "made", "run", "style", "era", "wide", "bound", "friendly", "centric", "type", "like")

// creditWords end a photo credit: "Getty Images", "AP Photo".
var creditWords = set("images", "photo", "photos", "pictures", "photography")

// roleModifiers are lower-case words inside a role phrase before a name:
// "White House press secretary", "Trump campaign spokesman".
var roleModifiers = set("press", "campaign", "communications", "deputy", "senior", "longtime", "former", "top", "chief", "police", "party", "national", "security", "policy", "vice-presidential", "presidential", "foreign", "economic", "political")

// particlesThenUpper says whether tokens from i on are name particles
// followed by a capitalised word: "van der Pluijm".
func (s *Set) particlesThenUpper(i int, sent text.Sentence) bool {
	for ; i < sent.Last && particle(s.bare(i)); i++ {
	}
	return i < sent.Last && s.T.Tokens[i].Upper && !stopCaps[s.bare(i)]
}

// surnameWords are stop words that are also common surnames.
var surnameWords = set("may", "june", "april", "august", "bell", "young", "long", "rich", "best", "little", "white", "black", "brown", "green")

// heading says whether w is an upper-case word too long for an acronym,
// as in the section headings of wire stories ("KEEPING SCORE").
func heading(w string) bool {
	if len(w) < 5 {
		return false
	}
	for _, c := range w {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// listedName returns the end of a name that a comma at token comma
// interrupts, a list of capitalised words ending in "and" and more of
// them, when the article also writes the whole name's initials as an
// acronym: "Immigration, Refugees and Citizenship Canada" with "IRCC";
// -1 otherwise.
func (s *Set) listedName(i, comma int, sent text.Sentence) int {
	capitalised := func(j int) bool {
		return j < sent.Last && s.T.Tokens[j].Kind == text.Word && s.T.Tokens[j].Upper && !stopCaps[s.bare(j)]
	}
	j, sawAnd := comma, false
	for j < sent.Last && j < comma+12 && !sawAnd {
		switch {
		case s.T.Str(j) == ",":
		case s.T.Str(j) == "and" && j > comma:
			sawAnd = true
		default:
			return -1
		}
		j++
		if !capitalised(j) {
			return -1
		}
		for capitalised(j) {
			j++
		}
	}
	if !sawAnd {
		return -1
	}
	var initials strings.Builder
	for k := i; k < j; k++ {
		if s.T.Tokens[k].Upper && s.T.Tokens[k].Kind == text.Word {
			initials.WriteByte(s.T.Src[s.T.Tokens[k].Start])
		}
	}
	if !s.hasAcronym(initials.String()) {
		return -1
	}
	return j
}

// hasAcronym says whether the article writes acronym a.
func (s *Set) hasAcronym(a string) bool {
	if s.acronyms == nil {
		s.acronyms = map[string]bool{}
		for k, tok := range s.T.Tokens {
			if w := s.T.Str(k); tok.Kind == text.Word && isAcronym(w) {
				s.acronyms[w] = true
			}
		}
	}
	return s.acronyms[a]
}

func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for _, c := range w {
		if (c < 'A' || c > 'Z') && c != '.' && c != '&' {
			return false
		}
	}
	return true
}

func particle(w string) bool {
	switch w {
	case "de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "bin", "al", "el", "of", "and", "for", "on":
		return true
	}
	return false
}

func isClitic(w string) bool { return w == "'s" || w == "’s" || w == "n't" || w == "n’t" }

// appositionRoles records the role nouns of an apposition after the name:
// "Michael Flynn, the former national security adviser,".
func (s *Set) appositionRoles(m, end int, sent text.Sentence) {
	if end+1 >= sent.Last || s.T.Str(end) != "," {
		return
	}
	roles := map[string]bool{}
	for j := end + 1; j < sent.Last && j <= end+10; j++ {
		w := s.bare(j)
		if s.T.Tokens[j].Kind != text.Word {
			break
		}
		if j == end+1 && w != "the" && w != "a" && w != "an" && !personRoles[w] && !titleWords[w] {
			return
		}
		if personRoles[w] {
			roles[w] = true
		}
		if w == "of" || w == "for" || w == "at" || w == "who" {
			break
		}
	}
	s.pendingRoles(m, roles)
}

func (s *Set) pendingRoles(m int, roles map[string]bool) {
	if len(roles) == 0 {
		return
	}
	if s.roles == nil {
		s.roles = map[int]map[string]bool{}
	}
	if s.roles[m] == nil {
		s.roles[m] = map[string]bool{}
	}
	for r := range roles {
		s.roles[m][r] = true
	}
}
