package eval

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/corpus"
)

// Published are the GGT pipeline's own figures on its 98-article
// evaluation set (Asr et al., PLOS ONE 16(1), 2021), for the measures
// whosaid reports beside them.
var Published = []Figure{
	{Measure: "sources female", Stat: "P", Value: 94.6},
	{Measure: "sources female", Stat: "R", Value: 64.6},
	{Measure: "sources female", Stat: "F1", Value: 76.8},
	{Measure: "sources male", Stat: "P", Value: 87.8},
	{Measure: "sources male", Stat: "R", Value: 76.9},
	{Measure: "sources male", Stat: "F1", Value: 82.0},
}

// personKey is a person's name normalised as canonical speakers are
// compared (sameName), "" when nothing is left of it.
func personKey(name string) string { return strings.Join(nameTokens(name), " ") }

// quotedPeople are the people an article quotes, by normalised name, with
// their gender: "female", "male" or "unknown".
type quotedPeople map[string]string

// goldPeople are the people the annotators list as the article's sources.
func goldPeople(a corpus.GGTArticle) quotedPeople {
	return byGender(map[string][]string{"female": a.SourcesFemale, "male": a.SourcesMale, "unknown": a.SourcesUnknown})
}

// goldMentioned are all the people the annotators list with a gender,
// quoted or not.
func goldMentioned(a corpus.GGTArticle) quotedPeople {
	return byGender(map[string][]string{"female": a.PeopleFemale, "male": a.PeopleMale})
}

// byGender files lists of names under their gender.
func byGender(lists map[string][]string) quotedPeople {
	p := quotedPeople{}
	for g, names := range lists {
		for _, n := range names {
			if k := personKey(n); k != "" {
				p[k] = g
			}
		}
	}
	return p
}

// entityPeople are the people among a record's entities, with their
// gender.
func entityPeople(ents []whosaid.Entity) quotedPeople {
	p := quotedPeople{}
	for _, e := range ents {
		if k := personKey(e.Name); e.Kind == whosaid.Person && k != "" {
			p[k] = e.Gender
		}
	}
	return p
}

// predictedPeople are the named speakers of the statements whose speaker
// is a person, with the gender the statements give them; a person given
// two genders is of unknown gender. Like the gold lists, the sets hold
// people named by their names: an unnamed speaker ("a spokeswoman", "the
// official") is no one's name, so it is left out of them.
func predictedPeople(st []whosaid.Statement) quotedPeople {
	p := quotedPeople{}
	for _, s := range st {
		if s.SpeakerKind != whosaid.Person || s.SpeakerName == nil || !properName(*s.SpeakerName) {
			continue
		}
		k := personKey(*s.SpeakerName)
		if k == "" {
			continue
		}
		g := s.SpeakerGender
		if g != "female" && g != "male" {
			g = "unknown"
		}
		if old, ok := p[k]; ok && old != g {
			g = "unknown"
		}
		p[k] = g
	}
	return p
}

// setTally compares the people of gender g (any gender when g is "")
// predicted against gold.
func setTally(pred, gold quotedPeople, g string) tally {
	var t tally
	for k, pg := range pred {
		if g != "" && pg != g {
			continue
		}
		if gg, ok := gold[k]; ok && (g == "" || gg == g) {
			t.TP++
		} else {
			t.FP++
		}
	}
	for k, gg := range gold {
		if g != "" && gg != g {
			continue
		}
		if pg, ok := pred[k]; !ok || g != "" && pg != g {
			t.FN++
		}
	}
	return t
}

// genderTally is the precision of the genders given: over the people
// labelled female or male who are among the gold sources with a gender,
// how many have the gold one.
func genderTally(pred, gold quotedPeople) tally {
	var t tally
	for k, pg := range pred {
		gg := gold[k]
		if pg != "female" && pg != "male" || gg != "female" && gg != "male" {
			continue
		}
		t.add(hit(pg == gg))
	}
	return t
}

// properName says whether every word of name is capitalised, name
// particles aside ("Ludwig van Beethoven"): "Another player" and "the
// Budget Officer" describe someone rather than name them.
func properName(name string) bool {
	for _, w := range strings.Fields(name) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !nameParticles[w] {
			return false
		}
	}
	return name != ""
}

// nameParticles are the lower-case words inside people's names.
var nameParticles = map[string]bool{"de": true, "van": true, "von": true, "der": true, "den": true, "da": true,
	"di": true, "du": true, "la": true, "le": true, "bin": true, "al": true, "el": true, "dos": true, "del": true}
