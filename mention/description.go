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
	documentNouns         = set("report", "statement", "study", "complaint", "survey", "poll", "memo", "release", "letter", "ruling", "decision", "lawsuit", "filing", "indictment", "documents", "records", "data", "analysis", "audit", "review", "website", "database", "post", "tweet", "affidavit", "motion", "judgment", "verdict", "forecast", "estimate", "reports", "studies", "polls", "surveys", "figures")
	orgDescriptionNouns   = set("company", "agency", "ministry", "department", "government", "council", "committee", "court", "bank", "university", "board", "union", "party", "firm", "group", "organization", "organisation", "association", "commission", "administration", "campaign", "coalition", "network", "office", "authority", "regime", "club", "league", "school", "hospital", "city", "province", "state", "station", "broadcaster", "newspaper", "paper", "team", "police", "business", "corporation", "utility", "retailer", "airline", "carrier", "insurer", "automaker", "carmaker", "lender", "manufacturer", "maker", "startup", "charity", "foundation", "institute")
	determiners           = set("the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our")
	modifierStops         = set("said", "says", "say", "told", "tells", "added", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "do", "does", "did", "and", "or", "but", "of", "in", "on", "at", "for", "with", "to", "by", "from", "about", "as", "that", "which", "who", "when", "while", "if", "than", "not", "also", "according", "like")
)

// description finds a description ending at head token i: "the president",
// "a spokesperson", "Some voters", "the tall, soft-spoken professor".
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
	// Only a determiner makes a comma part of the phrase ("the tall,
	// soft-spoken professor"); otherwise the comma ends it ("In that
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
// a list of adjectives ("the tall, soft-spoken professor"): one or two
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
	// A plural noun ends the phrase before the comma: "both parties,
	// political experts said" ("famous", "glass" are no plurals).
	for j := det + 1; j < afterComma-1; j++ {
		w := s.bare(j)
		if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ous") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") {
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

// Extend returns description d widened to end before token last, with its
// head, kind and number: "A spokeswoman" with "for Harbour Hydro" is one
// source, a person, whose name as written is the whole phrase.
func (s *Set) Extend(d, last int) int {
	m := s.Mentions[d]
	if m.Last == last {
		return d
	}
	if mi, ok := s.byFirst[m.First]; ok && s.Mentions[mi].Last == last {
		return mi
	}
	m.Last, m.End, m.Entity = last, s.T.Tokens[last-1].End, -1
	s.Mentions = append(s.Mentions, m)
	mi := len(s.Mentions) - 1
	s.byFirst[m.First] = mi
	s.byLast[last-1] = mi
	return mi
}

// AddNames records tokens [first, last) as one mention of several people
// named together ("Carla Glenn and Ricky Jonas") and returns it: a
// group whose name as written is the whole phrase.
func (s *Set) AddNames(first, last int) int {
	if mi, ok := s.byFirst[first]; ok && s.Mentions[mi].Last == last {
		return mi
	}
	m := Mention{First: first, Last: last, Outer: first, Form: Description, Kind: whosaid.Group, Plural: true,
		Head: s.bare(last - 1), Entity: -1, Start: s.T.Tokens[first].Start, End: s.T.Tokens[last-1].End}
	s.Mentions = append(s.Mentions, m)
	return len(s.Mentions) - 1
}
