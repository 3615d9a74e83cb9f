package statement

import "strings"

// cueVerb describes a verb that can introduce speech.
type cueVerb struct {
	lemma string
	// weak verbs ("add", "note", "call") mean speech only when a quotation,
	// a colon or "that" follows, or a quotation precedes them.
	weak bool
	// object verbs take the addressee before the content ("told reporters").
	object bool
	// belief verbs attribute thoughts and findings ("believes", "a study
	// found"), not speech: they count only in the all scope.
	belief bool
}

// cueLemmas lists speech and attribution verbs by lemma. Inflected forms
// are derived by inflect, with irregular forms listed in irregular.
var cueLemmas = map[string]cueVerb{}

func init() {
	strong := "say tell add note claim insist argue warn explain admit concede deny acknowledge confirm " +
		"announce state report suggest allege assert maintain contend declare stress emphasize " +
		"emphasise predict promise vow pledge reply respond tweet testify recall complain " +
		"lament joke quip observe remark comment indicate reveal disclose reiterate repeat " +
		"mention boast brag caution counter retort assure inform remind speculate conclude " +
		"estimate question shout yell scream whisper exclaim recount concur agree acknowledge " +
		"affirm proclaim profess protest urge demand threaten charge accuse " +
		"criticize criticise praise dismiss slam blast defend " +
		"confess decry dispute grumble mock opine recount rejoin scoff scold swear " +
		"theorize theorise tout chide blurt clarify concur elaborate gush marvel posit rebut " +
		"reassure relay sneer stipulate summarize summarise surmise underline underscore whine " +
		"assert proclaim advocate recommend forewarn reaffirm restate reiterate retort holler " +
		"murmur mutter grouse fume rage rave concede acknowledge brief lecture preach chant"
	weak := "show find call describe continue begin learn believe think object write ask " +
		"reason snap hail volunteer contest highlight outline " +
		"feel know hope fear worry expect figure reckon guess understand point signal hint " +
		"muse wonder propose recommend suggest advise order instruct cite blame"
	object := "tell assure inform remind ask warn advise"
	belief := "learn believe think feel know hope fear worry expect figure reckon guess " +
		"understand wonder show find estimate conclude"
	for _, l := range strings.Fields(weak) {
		cueLemmas[l] = cueVerb{lemma: l, weak: true}
	}
	for _, l := range strings.Fields(strong) {
		cueLemmas[l] = cueVerb{lemma: l}
	}
	for _, l := range strings.Fields(belief) {
		v := cueLemmas[l]
		v.lemma, v.weak, v.belief = l, true, true
		cueLemmas[l] = v
	}
	for _, l := range strings.Fields(object) {
		v := cueLemmas[l]
		v.object = true
		cueLemmas[l] = v
	}
	for lemma, v := range cueLemmas {
		for _, f := range inflect(lemma) {
			if _, taken := cueForms[f]; !taken {
				cueForms[f] = v
			}
		}
	}
	for form, lemma := range irregular {
		if v, ok := cueLemmas[lemma]; ok {
			cueForms[form] = v
		}
	}
}

// particles turn a weak verb into a phrasal cue that takes a bare
// complement: "called on Sessions to resign", "pointed out the cost".
var particles = map[string]map[string]bool{
	"call":  {"on": true, "for": true},
	"point": {"out": true},
}

// cueForms maps every inflected form to its verb.
var cueForms = map[string]cueVerb{}

var irregular = map[string]string{
	"said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write",
	"thought": "think", "felt": "feel", "knew": "know", "known": "know", "heard": "hear",
	"read": "read", "found": "find", "began": "begin", "begun": "begin", "understood": "understand",
	"learnt": "learn", "forecast": "forecast", "spoke": "speak", "spoken": "speak",
	"shown": "show", "swore": "swear", "sworn": "swear", "sent": "send",
}

// inflect returns the regular forms of an English verb lemma.
func inflect(l string) []string {
	var third, past, ing string
	switch {
	case strings.HasSuffix(l, "y") && !strings.ContainsAny(l[len(l)-2:len(l)-1], "aeiou"):
		third, past, ing = l[:len(l)-1]+"ies", l[:len(l)-1]+"ied", l+"ing"
	case strings.HasSuffix(l, "e"):
		third, past, ing = l+"s", l+"d", l[:len(l)-1]+"ing"
	case strings.HasSuffix(l, "sh") || strings.HasSuffix(l, "ch") || strings.HasSuffix(l, "ss") || strings.HasSuffix(l, "x"):
		third, past, ing = l+"es", l+"ed", l+"ing"
	case doublesFinal(l):
		last := l[len(l)-1:]
		third, past, ing = l+"s", l+last+"ed", l+last+"ing"
	default:
		third, past, ing = l+"s", l+"ed", l+"ing"
	}
	return []string{l, third, past, ing}
}

// doublesFinal says whether a verb doubles its final consonant (quip →
// quipped); only short stressed verbs of this lexicon do.
func doublesFinal(l string) bool {
	switch l {
	case "quip", "admit", "regret", "slam", "omit", "commit", "refer", "prefer", "plan", "stop", "chat":
		return true
	}
	return false
}

// nounLike are cue lemmas whose base and -s forms are more often nouns
// ("the strange remark", "city reports", "the $514 million figure").
var nounLike = map[string]bool{
	"remark": true, "report": true, "figure": true, "estimate": true, "question": true,
	"order": true, "comment": true, "claim": true, "promise": true, "call": true, "note": true,
	"state": true, "hope": true, "show": true, "find": true, "answer": true, "reply": true,
	"charge": true, "demand": true, "protest": true, "concern": true, "caution": true,
	"signal": true, "hint": true, "point": true, "fear": true, "worry": true, "guess": true,
	"joke": true, "boast": true, "counter": true, "post": true, "tweet": true, "blast": true,
	"slam": true, "vow": true, "pledge": true, "testify": true, "forecast": true, "praise": true,
}

// lookupCue returns the cue verb of a lower-case word form.
func lookupCue(w string) (cueVerb, bool) {
	v, ok := cueForms[w]
	return v, ok
}
