package statement

import "github.com/whosaid/whosaid/attribution"

// Scope says which attributions count as statements.
type Scope uint8

// Scopes.
const (
	// Speech is what people said or wrote: the "who said what" of news.
	Speech Scope = iota
	// All adds attributed beliefs, intentions and findings ("X believes",
	// "a poll shows", "X plans to"), as the PolNeAR corpus annotates them.
	All
)

// ParseScope reads a scope name: "speech" or "all".
func ParseScope(name string) (Scope, bool) {
	switch name {
	case "speech":
		return Speech, true
	case "all":
		return All, true
	}
	return Speech, false
}

// learnedRule names the statements of the learned model.
const learnedRule = "learned attribution"

// addLearned merges the learned model's attributions with the rules'
// statements in the all scope: the learned attributions come first, as
// they cover what the rules do not look for (beliefs, findings, plans),
// and a rule statement stays when it overlaps none of them. In the speech
// scope the rules stand alone: on speech they are more precise than the
// model (on the GGT development set only 44% of the model's additions to
// the rules were right).
func (e *extractor) addLearned(learned []attribution.Attribution, scope Scope) {
	if scope != All {
		return
	}
	var added []found
	for _, a := range learned {
		f, ok := e.fromLearned(a)
		if !ok {
			continue
		}
		// What the model left out, a rule statement over the same words
		// may have: the dash of a pull quote, a speaker.
		for _, r := range e.found {
			if r.start >= f.end || f.start >= r.end {
				continue
			}
			if r.rule == transcriptRule {
				// A transcript turn names its speaker: its words are what
				// follows the name and colon, whatever cue the model saw.
				f.cueFirst, f.cueLast, f.exactCue, f.lemma = r.cueFirst, r.cueLast, r.exactCue, r.lemma
				f.speaker, f.source, f.implicit = r.speaker, nil, r.implicit
				f.start = max(f.start, r.start)
				continue
			}
			if r.cueFirst >= 0 && (f.cueFirst < 0 || r.cueFirst <= f.cueFirst && f.cueFirst < r.cueLast) {
				f.cueFirst, f.cueLast, f.exactCue, f.lemma = r.cueFirst, r.cueLast, r.exactCue, r.lemma
			}
			if f.speaker < 0 && r.speaker >= 0 {
				f.speaker, f.source, f.implicit = r.speaker, nil, r.implicit
			}
		}
		added = append(added, f)
	}
	for _, f := range e.found {
		if !e.overlapsFound(f, added) {
			added = append(added, f)
		}
	}
	e.found = added
}

func (e *extractor) overlapsFound(f found, in []found) bool {
	for _, g := range in {
		if f.start < g.end && g.start < f.end {
			return true
		}
	}
	return false
}

// fromLearned converts a learned attribution to a found statement: its
// cue to tokens, its source to a mention the mention stage can resolve.
func (e *extractor) fromLearned(a attribution.Attribution) (found, bool) {
	f := found{
		typ: a.Type, start: a.Content.Start, end: a.Content.End, cueFirst: -1, speaker: -1,
		rule: learnedRule, exactCue: true,
	}
	if f.start >= f.end {
		return f, false
	}
	if a.Cue != nil {
		f.cueFirst, f.cueLast = e.t.TokenAt(a.Cue.Start), e.t.TokenAt(a.Cue.End-1)+1
		f.lemma = e.cueLemma(f.cueFirst, f.cueLast)
	}
	if a.Source != nil {
		first, last := e.t.TokenAt(a.Source.Start), e.t.TokenAt(a.Source.End-1)+1
		if first < last && last <= len(e.t.Tokens) {
			f.speaker = e.ms.AddPhrase(first, last)
			f.source = a.Source // the model's span as written; the mention resolves it
		}
	}
	f.paragraph = e.t.Sentences[e.t.SentenceOf(e.t.TokenAt(f.start))].Paragraph
	return f, true
}

// cueLemma is the lemma of the speech verb among tokens [first, last), or
// of the last word when none is in the lexicon.
func (e *extractor) cueLemma(first, last int) string {
	if e.low(first) == "according" {
		return "according to"
	}
	for i := first; i < last; i++ {
		if v, ok := lookupCue(e.low(i)); ok {
			return v.lemma
		}
	}
	return e.low(last - 1)
}
