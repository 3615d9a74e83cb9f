package eval

import (
	"strings"

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
	p := quotedPeople{}
	for g, names := range map[string][]string{"female": a.SourcesFemale, "male": a.SourcesMale, "unknown": a.SourcesUnknown} {
		for _, n := range names {
			if k := personKey(n); k != "" {
				p[k] = g
			}
		}
	}
	return p
}

// predictedPeople are the named speakers of the statements whose speaker
// is a person, with the gender the statements give them; a person given
// two genders is of unknown gender.
func predictedPeople(st []whosaid.Statement) quotedPeople {
	p := quotedPeople{}
	for _, s := range st {
		if s.SpeakerKind != whosaid.Person || s.SpeakerName == nil {
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
		if pg == "unknown" || gg != "female" && gg != "male" {
			continue
		}
		t.add(hit(pg == gg))
	}
	return t
}
