package attribution

import "strings"

// irregular maps the irregular past forms common among cues to their base
// form.
var irregular = map[string]string{
	"said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write",
	"thought": "think", "felt": "feel", "knew": "know", "known": "know", "made": "make",
	"spoke": "speak", "spoken": "speak", "found": "find", "saw": "see", "seen": "see",
	"took": "take", "taken": "take", "gave": "give", "given": "give", "held": "hold",
	"heard": "hear", "meant": "mean", "put": "put", "went": "go", "gone": "go",
	"is": "be", "was": "be", "were": "be", "are": "be", "been": "be",
	"has": "have", "had": "have", "according": "according to",
}

// lemma gives a cue the base form of its first word by the common
// English suffix rules ("argued" → "argue", "told reporters" → "tell").
// It names the cue for people and picks speech cues; scoring ignores it.
func lemma(cue string) string {
	fields := strings.Fields(strings.ToLower(strings.ReplaceAll(cue, "’", "'")))
	if len(fields) == 0 {
		return ""
	}
	w := strings.Trim(fields[0], ",.:;\"'")
	if l, ok := irregular[w]; ok {
		return l
	}
	switch {
	case strings.HasSuffix(w, "ied") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ed") && len(w) > 4:
		stem := w[:len(w)-2]
		if strings.HasSuffix(stem, "at") || strings.HasSuffix(stem, "iz") || strings.HasSuffix(stem, "us") || strings.HasSuffix(stem, "ar") || strings.HasSuffix(stem, "iv") || strings.HasSuffix(stem, "ot") || strings.HasSuffix(stem, "os") || strings.HasSuffix(stem, "ur") || strings.HasSuffix(stem, "u") {
			return stem + "e"
		}
		return stem
	case strings.HasSuffix(w, "ing") && len(w) > 5:
		return w[:len(w)-3]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}
