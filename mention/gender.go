package mention

import (
	"fmt"
	"slices"
	"strings"

	"github.com/whosaid/whosaid/text"
)

// String is the gender's name in the output: "male", "female" or
// "unknown".
func (g Gender) String() string {
	switch g {
	case Male:
		return "male"
	case Female:
		return "female"
	}
	return "unknown"
}

// GenderEvidence is what an article shows of a person's gender, and the
// gender it adds up to.
//
// Precedence: the article's own evidence (honorifics, gendered role nouns,
// pronouns that refer to the person) decides when it agrees with itself;
// when it disagrees the gender is unknown. Words written with the full
// name ("Ms. Ana Ruiz", "spokeswoman Ana Ruiz") overrule the given name,
// whose gender is only the most common one for it. Pronouns, and words
// written with the surname alone ("Mrs. Clinton"), do not: they are
// counted for the name's cluster, which may hold a namesake (two
// Clintons), so against the given name they leave the gender unknown. The
// given-name table decides when the article says nothing. Nothing else is
// guessed: with no evidence the gender is unknown.
type GenderEvidence struct {
	Gender Gender
	// Why lists the evidence for --explain: "honorific Ms.; pronouns she
	// ×2", "conflicting: honorific Mr. vs pronouns she ×3".
	Why string
}

// genderClue is one piece of the article's evidence.
type genderClue struct {
	gender Gender
	text   string
	// cluster is set for evidence that may belong to a namesake: pronouns,
	// and words written with a surname alone.
	cluster bool
}

// GenderOf weighs the evidence for entity e's gender: call it once every
// statement has been resolved, so that the pronouns resolved to e count.
// Only people have a gender; an organisation or a group gets none.
func (s *Set) GenderOf(e int) GenderEvidence {
	if !s.personLike(e) {
		return GenderEvidence{}
	}
	if s.wordClues == nil {
		s.weighEvidence()
	}
	clues := slices.Clip(s.wordClues[e])
	if v := s.votes[e]; v != nil {
		switch {
		case v[Male] >= 2*v[Female] && v[Male] > 0:
			clues = append(clues, genderClue{Male, pronounCount(v), true})
		case v[Female] >= 2*v[Male] && v[Female] > 0:
			clues = append(clues, genderClue{Female, pronounCount(v), true})
		case v[Male]+v[Female] > 0:
			clues = append(clues, genderClue{UnknownGender, pronounCount(v), true})
		}
	}
	given := UnknownGender
	first := ""
	if w := nameWords(s.Entities[e].Name); len(w) > 1 {
		first = strings.ToLower(w[0])
		given = givenNameGender(first)
	}
	return decideGender(clues, given, first)
}

// decideGender applies the precedence of GenderEvidence to the article's
// clues and the given name's gender.
func decideGender(clues []genderClue, given Gender, first string) GenderEvidence {
	var texts [3][]string
	cluster := true
	for _, c := range clues {
		texts[c.gender] = append(texts[c.gender], c.text)
		cluster = cluster && c.cluster
	}
	name := ""
	if given != UnknownGender {
		name = fmt.Sprintf("given name %s is %s", first, given)
	}
	switch {
	case len(texts[UnknownGender]) > 0 || len(texts[Male]) > 0 && len(texts[Female]) > 0:
		return GenderEvidence{Why: "conflicting: " + strings.Join(join(texts[Male], texts[Female], texts[UnknownGender]), " vs ")}
	case len(texts[Male]) > 0 || len(texts[Female]) > 0:
		g := Male
		if len(texts[Female]) > 0 {
			g = Female
		}
		if cluster && given != UnknownGender && given != g {
			return GenderEvidence{Why: "conflicting: " + name + " vs " + strings.Join(texts[g], "; ")}
		}
		why := strings.Join(texts[g], "; ")
		if name != "" {
			why += "; " + name
		}
		return GenderEvidence{Gender: g, Why: why}
	case given != UnknownGender:
		return GenderEvidence{Gender: given, Why: name}
	}
	return GenderEvidence{Why: "no evidence"}
}

// join returns the non-empty lists, each joined with "; ".
func join(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		if len(l) > 0 {
			out = append(out, strings.Join(l, "; "))
		}
	}
	return out
}

func pronounCount(v *[3]int) string {
	var parts []string
	if v[Male] > 0 {
		parts = append(parts, fmt.Sprintf("he ×%d", v[Male]))
	}
	if v[Female] > 0 {
		parts = append(parts, fmt.Sprintf("she ×%d", v[Female]))
	}
	return "pronouns " + strings.Join(parts, ", ")
}

// weighEvidence counts, once every statement is resolved, the pronouns
// that refer to each person and gathers the words written with each
// person's names, one pass over the article for all its entities.
func (s *Set) weighEvidence() {
	s.votes = s.pronounVotes()
	for _, l := range s.chain {
		v := s.votes[l.entity]
		if v == nil {
			v = new([3]int)
			s.votes[l.entity] = v
		}
		v[l.gender]++
	}
	s.wordClues = map[int][]genderClue{}
	type said struct {
		entity int
		text   string
	}
	seen := map[said]bool{}
	for _, mi := range s.names {
		m := s.Mentions[mi]
		for _, c := range s.cluesOf(m) {
			if key := (said{m.Entity, c.text}); !seen[key] {
				seen[key] = true
				s.wordClues[m.Entity] = append(s.wordClues[m.Entity], c)
			}
		}
	}
}

// cluesOf are the honorifics and gendered role nouns written with name
// mention m: its titles ("Ms. Lena Park", "spokeswoman Ana Ruiz") and an
// apposition after it ("Ana Ruiz, a mother of two,").
func (s *Set) cluesOf(m Mention) []genderClue {
	var clues []genderClue
	surname := nameWordCount(m.Name) < 2
	add := func(j int, kind string) {
		w := s.bare(j)
		if g := genderedWord(w); g != UnknownGender {
			clues = append(clues, genderClue{gender: g, text: kind + " " + s.T.Str(j), cluster: surname})
		}
	}
	for j := m.Outer; j < m.First; j++ {
		if courtesyTitles[s.bare(j)] {
			add(j, "honorific")
		} else {
			add(j, "role")
		}
	}
	sent := s.T.Sentences[s.T.SentenceOf(m.First)]
	if m.Last+1 >= sent.Last || s.T.Str(m.Last) != "," {
		return clues
	}
	for j := m.Last + 1; j < sent.Last && j <= m.Last+8; j++ {
		w := s.bare(j)
		// "Corvane, Mr. Pell said": an honorific starts someone else's name.
		if s.T.Tokens[j].Kind != text.Word || appositionStops[w] || courtesyTitles[w] {
			break
		}
		if j+1 < sent.Last && IsPossessive(s.lower(j+1)) {
			j++ // "the girl's father": the possessor is someone else
			continue
		}
		add(j, "apposition")
	}
	return clues
}

// courtesyTitles are the honorifics that say nothing but gender and rank.
var courtesyTitles = set("mr", "mrs", "ms", "miss", "sir", "dame", "lady", "lord")

// appositionStops end the part of an apposition that describes the person
// named before it: "a mother of two", "the wife of the mayor" (of whom the
// rest speaks), "who said".
var appositionStops = set("of", "for", "at", "who", "whose", "with", "and", "to", "in", "on", "said", "says")

// genderedWord is the gender that an honorific or role noun shows, if
// any.
func genderedWord(w string) Gender {
	switch {
	case maleHonorifics[w] || maleRoleNouns[w]:
		return Male
	case femaleHonorifics[w] || femaleRoleNouns[w]:
		return Female
	}
	return UnknownGender
}

// maleRoleNouns and femaleRoleNouns are role nouns that name the person's
// gender (the honorifics are in maleHonorifics and femaleHonorifics).
var (
	maleRoleNouns = set("businessman", "alderman", "assemblyman", "anchorman", "policeman", "fireman",
		"sportsman", "statesman", "husband", "son", "grandson", "grandfather", "uncle", "nephew",
		"boyfriend", "fiance", "widower", "dad", "man", "boy", "actor", "waiter", "duke", "emperor",
		"stepfather", "godfather", "frontman", "weatherman", "cameraman", "countryman", "clergyman",
		"sultan", "tsar", "czar", "monk")
	femaleRoleNouns = set("businesswoman", "alderwoman", "assemblywoman", "anchorwoman", "policewoman",
		"firewoman", "sportswoman", "stateswoman", "wife", "mother", "daughter", "granddaughter",
		"grandmother", "aunt", "niece", "girlfriend", "fiancee", "widow", "mom", "mum", "woman", "girl",
		"actress", "waitress", "hostess", "heiress", "duchess", "empress", "countess", "stepmother",
		"godmother", "frontwoman", "weatherwoman", "camerawoman", "congresswoman", "nun", "matriarch",
		"sister", "chairwoman", "spokeswoman", "councilwoman", "ballerina", "songstress", "seamstress")
)

// givenNameGender is the gender of a given name in the name table,
// unknown for a name not in it or given to both sexes.
func givenNameGender(first string) Gender {
	table := mobyNames()[first]
	male := maleNames[first] || table == Male
	female := femaleNames[first] || table == Female
	switch {
	case male && !female:
		return Male
	case female && !male:
		return Female
	}
	return UnknownGender
}

// pronounVotes counts, for every person, the first "he", "his", "she"
// or "her" of each sentence that has named that person and no one else
// before it ("Kim Lee was forced to wait outside her neighbour's bed"),
// one vote a sentence; a pronoun before the name votes for no one.
func (s *Set) pronounVotes() map[int]*[3]int {
	votes := map[int]*[3]int{} // entity → count by Gender
	sent, named := -1, -1      // named: the one person named so far in sent; -2 for several or once voted
	for _, m := range s.Mentions {
		if k := s.T.SentenceOf(m.First); k != sent {
			sent, named = k, -1
		}
		switch {
		case m.Form == Name && m.Entity >= 0 && s.personLike(m.Entity):
			if named == -1 || named == m.Entity {
				named = m.Entity
			} else {
				named = -2
			}
		case m.Form == Pronoun && m.Gender != UnknownGender && named == -1:
			named = -2 // someone else is already "he" here: "he forced Kim to hide under his bed"
		case m.Form == Pronoun && m.Gender != UnknownGender && named >= 0:
			v := votes[named]
			if v == nil {
				v = new([3]int)
				votes[named] = v
			}
			v[m.Gender]++
			named = -2
		}
	}
	return votes
}

// DescriptionGender is the gender that the head noun of an unnamed
// speaker's description shows: "a Navy spokeswoman", "the mayor's wife",
// "a mother of three"; unknown for "a spokesperson" or "the official".
func DescriptionGender(desc string) GenderEvidence {
	head := ""
	for _, w := range strings.Fields(strings.ToLower(desc)) {
		if appositionStops[w] {
			break
		}
		head = w
	}
	if g := genderedWord(head); g != UnknownGender {
		return GenderEvidence{Gender: g, Why: "role " + head}
	}
	return GenderEvidence{Why: "no evidence"}
}
