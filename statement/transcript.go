package statement

import (
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/mention"
	"github.com/whosaid/whosaid/text"
)

// transcript finds the turns of an interview transcript: a paragraph that
// opens with a speaker's name in capitals and a colon ("PENCE: Well, look,
// …"). The name must be one the article uses elsewhere, so that headings
// such as "KEEPING SCORE:" are not taken for speakers.
func (e *extractor) transcript(p text.Paragraph) {
	first := p.First
	if first < p.Last && e.t.Tokens[first].Kind == text.Quote {
		first++ // the turn may reopen a quotation running over paragraphs
	}
	colon := -1
	for k := first; k < p.Last && k < first+3; k++ {
		if e.t.Str(k) == ":" {
			colon = k
			break
		}
		if t := e.t.Tokens[k]; t.Kind != text.Word || !isCapitals(e.t.Str(k)) {
			return
		}
	}
	if colon <= first || e.wordCount(colon+1, p.Last-1) < 3 || !e.knownName(first, colon) {
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
		exactCue: true, lemma: "say", rule: "transcript turn",
	}
	if e.overlapsFound(f, e.found) {
		return
	}
	e.add(f)
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
