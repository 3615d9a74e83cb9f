package statement

import (
	"strings"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/mention"
	"github.com/whosaid/whosaid/text"
)

// transcriptRule names the statements of transcript turns.
const transcriptRule = "transcript turn"

// transcript finds the turns of an interview transcript: a paragraph that
// opens with a speaker's name in capitals and a colon ("PENCE: Well, look,
// …"). The name must be one the article uses elsewhere, or the article
// must read as a dialogue (turns of two or more such names, this one
// opening two paragraphs or more), so that headings such as "KEEPING
// SCORE:" are not taken for speakers.
func (e *extractor) transcript(p text.Paragraph) {
	first, colon := e.turnOpener(p)
	if colon <= first || e.wordCount(colon+1, p.Last-1) < 3 || !e.knownName(first, colon) && !e.dialogue(first, colon) {
		return
	}
	start := colon + 1
	typ := whosaid.Indirect
	if e.quoteOf[start] >= 0 || first > p.First && e.quoteOf[first-1] >= 0 {
		typ = whosaid.Direct
	}
	f := found{
		typ: typ, start: e.t.Tokens[start].Start, end: e.t.Tokens[p.Last-1].End,
		cueFirst: colon, cueLast: colon + 1, speaker: e.ms.AddPhrase(first, colon),
		exactCue: true, lemma: "say", rule: transcriptRule,
	}
	// The turn replaces a floating quote over its words: the quotation
	// marks of a transcript do not make its turns speakerless.
	kept := e.found[:0:0]
	for _, g := range e.found {
		if f.start < g.end && g.start < f.end {
			if !g.floating {
				return
			}
			continue
		}
		kept = append(kept, g)
	}
	e.found = kept
	e.add(f)
}

// turnOpener returns the capitalised words [first, colon) and the colon
// that open paragraph p ("PENCE:", perhaps after a quotation mark), or
// colon -1 when it opens otherwise.
func (e *extractor) turnOpener(p text.Paragraph) (first, colon int) {
	first = p.First
	if first < p.Last && e.t.Tokens[first].Kind == text.Quote {
		first++ // the turn may reopen a quotation running over paragraphs
	}
	for k := first; k < p.Last && k < first+3; k++ {
		if e.t.Str(k) == ":" {
			if k == first+1 && utf8.RuneCountInString(e.t.Str(first)) == 1 {
				return first, -1 // "Q:" and "A:" name no one
			}
			return first, k
		}
		if t := e.t.Tokens[k]; t.Kind != text.Word || !isCapitals(e.t.Str(k)) {
			return first, -1
		}
	}
	return first, -1
}

// dialogue says whether the capitalised words [first, last) open two
// paragraphs or more of an article whose paragraphs open with two
// different such names or more: the turns of a transcript.
func (e *extractor) dialogue(first, last int) bool {
	if e.openers == nil {
		e.openers = map[string]int{}
		for _, p := range e.t.Paragraphs {
			if f, c := e.turnOpener(p); c > f {
				e.openers[e.t.Src[e.t.Tokens[f].Start:e.t.Tokens[c-1].End]]++
			}
		}
	}
	return len(e.openers) >= 2 && e.openers[e.t.Src[e.t.Tokens[first].Start:e.t.Tokens[last-1].End]] >= 2
}

// isCapitals says whether w is written in capital letters: "PENCE".
func isCapitals(w string) bool { return strings.ToUpper(w) == w && strings.ToLower(w) != w }

// knownName says whether the capitalised words [first, last) are names a
// person the article mentions elsewhere goes by: "WALLACE" for "Chris
// Wallace", "MIKE PENCE" for "Mike Pence".
func (e *extractor) knownName(first, last int) bool {
	words := make(map[string]bool)
	for _, m := range e.ms.Mentions {
		if m.Form != mention.Name || m.Entity < 0 || e.ms.Entities[m.Entity].Kind == whosaid.Organization {
			continue
		}
		for _, w := range strings.Fields(e.ms.Entities[m.Entity].Name) {
			words[strings.ToLower(w)] = true
		}
	}
	for k := first; k < last; k++ {
		if !words[e.low(k)] {
			return false
		}
	}
	return true
}
