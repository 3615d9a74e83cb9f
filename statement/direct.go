package statement

import (
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/mention"
	"github.com/whosaid/whosaid/text"
)

// fillers may stand between a cue and the quotation it introduces without
// making the quotation part of a reported clause: "told CTV News on
// Friday:", "said in a statement,".
var fillers = map[string]bool{
	",": true, ":": true, "that": true, "a": true, "an": true, "the": true, "statement": true,
	"interview": true, "conference": true, "news": true, "press": true, "release": true,
	"email": true, "e-mail": true, "letter": true, "post": true, "tweet": true, "video": true,
	"speech": true, "reporters": true, "journalists": true, "him": true, "her": true,
	"them": true, "us": true, "me": true, "radio": true, "television": true, "program": true,
	"programme": true, "show": true, "episode": true, "hearing": true, "meeting": true,
	"event": true, "rally": true, "briefing": true, "his": true, "their": true, "its": true,
	"written": true, "emailed": true, "recent": true, "'s": true, "’s": true, "-": true,
	"—": true, "–": true, "--": true, "crowd": true, "audience": true, "supporters": true,
}

// direct attributes top-level quotation qi: `"Q," X said`, `"Q," said X`,
// `X said: "Q"`, or a floating quotation that carries the previous speaker.
func (e *extractor) direct(qi int) {
	q := e.t.Quotes[qi]
	last := q.Close
	if last < 0 {
		last = e.t.Paragraphs[q.Paragraph].Last - 1
	}
	f := found{typ: whosaid.Direct, start: q.Start, end: q.End, cueFirst: -1, speaker: -1}
	words := e.wordCount(q.Open, last)
	// One quoted word with an attribution is a word being discussed
	// ("win-win," he said), not a statement.
	if words < 2 {
		return
	}
	if q.Close >= 0 && e.attributeAfter(&f, q.Close+1) {
		e.reportedBefore(&f, q)
		e.add(f)
		return
	}
	if e.attributeBefore(&f, q.Open) || e.introducedByColon(&f, q.Open) {
		e.add(f)
		return
	}
	s := e.sentence(q.Open)
	// A quotation that is a sentence of its own continues the previous
	// speaker; a short one inside a sentence is a scare quote or a title;
	// one followed by a cue is part of reported speech.
	if (q.Open == s.First || q.Continues) && words >= 3 && !e.cueInSentence(last) && !e.quotedHeading(q, last) {
		f.floating, f.rule = true, "floating quote"
		e.add(f)
	}
}

// introducedByColon attributes a quotation after a colon that ends a cue,
// also across a paragraph break: "At the opening, the mayor declared:" then
// the quotation.
func (e *extractor) introducedByColon(f *found, open int) bool {
	colon := open - 1
	if colon < 1 || e.t.Str(colon) != ":" {
		return false
	}
	s := e.sentence(colon)
	for c := colon - 1; c >= s.First && c >= colon-4; c-- {
		if e.quoteOf[c] >= 0 {
			return false
		}
		if _, ok := e.cueAt(c); ok {
			m, implicit := e.speakerOf(c, s)
			if m < 0 {
				return false
			}
			f.cueFirst, f.cueLast, f.speaker, f.implicit = c, c+1, m, implicit
			f.rule = "speaker cue: quote"
			e.usedCue[c] = true
			return true
		}
		if !timeWords[e.low(c)] && !adverbs[e.low(c)] {
			return e.speechNounBeforeColon(f, colon, s)
		}
	}
	return false
}

// speechNounBeforeColon attributes the quotation after the colon at token
// colon to the subject of a verb whose object is a noun for something said:
// "the governor issued the following statement:", "Voss delivered a blunt
// message to the council:". The cue is the verb with its object.
func (e *extractor) speechNounBeforeColon(f *found, colon int, s text.Sentence) bool {
	n := colon - 1
	// "… message to the council:": a short phrase after the noun.
	for k := colon - 1; k > s.First && k >= colon-5; k-- {
		if w := e.low(k); w == "to" || w == "for" || w == "on" || w == "about" {
			n = k - 1
			break
		}
	}
	if n <= s.First || !speechNouns[e.low(n)] {
		return false
	}
	for v := n - 1; v > s.First && v >= n-4; v-- {
		w := e.low(v)
		if e.t.Tokens[v].Kind != text.Word || e.quoteOf[v] >= 0 {
			return false
		}
		if !strings.HasSuffix(w, "ed") && !givingVerbs[w] {
			continue // "the following", "a blunt", "his"
		}
		m := e.subjectBefore(v, s)
		if m < 0 {
			return false
		}
		f.cueFirst, f.cueLast, f.exactCue, f.speaker = v, n+1, true, m
		f.rule = "speaker cue: quote"
		return true
	}
	return false
}

// speechNouns are things said that a verb gives or issues before a quotation.
var speechNouns = map[string]bool{
	"statement": true, "message": true, "remarks": true, "comments": true, "words": true,
	"warning": true, "response": true, "reply": true, "answer": true, "tweet": true,
	"post": true, "note": true, "letter": true, "email": true, "plea": true,
	"explanation": true, "advice": true, "announcement": true, "appeal": true,
}

// givingVerbs are irregular past forms that give a speech noun: "gave a
// warning", "wrote a note".
var givingVerbs = map[string]bool{"gave": true, "sent": true, "wrote": true, "had": true, "made": true, "put": true, "read": true}

// quotedHeading says whether quotation q, ending at token last, is a
// subheading in single quotation marks, the way many papers title a
// section with a speaker's words: a paragraph of its own, of at most ten
// words, with no full stop, question or exclamation mark.
func (e *extractor) quotedHeading(q text.Quotation, last int) bool {
	p := e.t.Paragraphs[q.Paragraph]
	if e.t.Tokens[q.Open].Shape.Double() || q.Open != p.First || last != p.Last-1 || e.wordCount(q.Open, last) > 10 {
		return false
	}
	for j := q.Open + 1; j < last; j++ {
		if sentenceEnds[e.t.Str(j)] {
			return false
		}
	}
	return true
}

// reportedBefore widens an attributed quotation that closes a clause of
// reported speech to the whole clause, a mixed statement: `The audit found
// a "serious gap" in 2015, when the firm signed the deal "without a
// tender," Holt said.` The clause opens the sentence, has words of its own
// and no cue or colon that would attribute it otherwise; a scare quote
// inside it stays in.
func (e *extractor) reportedBefore(f *found, q text.Quotation) {
	s := e.sentence(q.Open)
	if q.Open-s.First < 3 || f.cueFirst < q.Close {
		return
	}
	for i := s.First; i < q.Open; i++ {
		if e.t.Str(i) == ":" {
			return
		}
		if _, ok := e.cueAt(i); ok {
			return
		}
	}
	if e.wordCount(s.First, q.Open-1) < 3 {
		return
	}
	f.start, f.typ = e.t.Tokens[s.First].Start, whosaid.Mixed
}

func (e *extractor) wordCount(first, last int) int {
	n := 0
	for i := first; i <= last; i++ {
		if k := e.t.Tokens[i].Kind; k == text.Word || k == text.Number {
			n++
		}
	}
	return n
}

// attributeAfter looks for "X said" or "said X" right after a quotation,
// in its sentence or, after "?" or "!", in a short next one.
func (e *extractor) attributeAfter(f *found, j int) bool {
	s := e.sentence(j - 1)
	if j >= s.Last {
		next := e.t.SentenceOf(j)
		if j >= len(e.t.Tokens) || next >= len(e.t.Sentences) || e.t.Sentences[next].First != j {
			return false
		}
		// A pull quote's attribution after a full stop: `"…." — Jane Doe`,
		// also on a line of its own.
		if para := e.t.Sentences[next].Paragraph; dashes[e.t.Str(j)] && (para == s.Paragraph || para == s.Paragraph+1) {
			return e.dashAttribution(f, j, e.t.Sentences[next])
		}
		if e.t.Sentences[next].Paragraph != s.Paragraph {
			return false
		}
		// Only "?" and "!" end a sentence inside the quotation that the
		// attribution still belongs to ("Why?" she asked), or a full stop
		// before a sentence that is only the attribution: `"…." Voss said.`
		if p := e.t.Str(j - 2); p != "?" && p != "!" && !e.attributionOnly(e.t.Sentences[next]) {
			return false
		}
		s = e.t.Sentences[next]
	}
	if j < s.Last && dashes[e.t.Str(j)] && e.dashAttribution(f, j, s) {
		return true
	}
	if j < s.Last && (e.t.Str(j) == "," || dashes[e.t.Str(j)]) {
		j++
	}
	if j >= s.Last {
		return false
	}
	if _, ok := e.cueAt(j); ok {
		f.cueFirst, f.cueLast = j, j+1
		f.speaker = e.subjectAfter(j, s)
		f.rule = "quote, cue speaker"
		e.usedCue[j] = true
		return true
	}
	if e.titledSpeakerCue(f, j, s) {
		return true
	}
	m, ok := e.ms.StartingAt(j)
	// The name after its titles: "Mr. Kong, 82, told me".
	for t := j; !ok && t < j+3 && t+1 < s.Last && mention.PersonTitle(strings.TrimSuffix(e.low(t), ".")); t++ {
		m, ok = e.ms.StartingAt(t + 1)
	}
	if !ok {
		return false
	}
	k := e.mentionEnd(m)
	// A party label after the name: "Sen. Carl Brandt (D-N.Y.) said".
	if k+2 < s.Last && e.t.Str(k) == "(" {
		for c := k + 1; c < s.Last && c <= k+6; c++ {
			if e.t.Str(c) == ")" {
				k = c + 1
				break
			}
		}
	}
	// "her statement said": the possessive pronoun opens a description.
	if d, ok := e.ms.EndingAt(k); ok && k < s.Last && e.ms.Mentions[m].Form == mention.Pronoun && e.ms.Mentions[d].First == j {
		m, k = d, k+1
	}
	// A participle phrase after the speaker: "team members dressed for a
	// game say".
	if k < s.Last {
		if _, isCue := e.cueAt(k); !isCue {
			k = e.cueAfterModifier(k, s)
		}
	}
	for k < s.Last && (adverbs[e.low(k)] || e.low(k) == "as" && e.low(k-1) == "quoted") {
		k++
	}
	if k < s.Last && e.t.Str(k) == "," {
		// An apposition or relative clause: "X, a spokesperson, said".
		for c := k + 1; c < s.Last && c <= k+30; c++ {
			if e.quoteOf[c] >= 0 {
				return false
			}
			if e.t.Str(c) == "," && c+1 < s.Last {
				k = c + 1
				for k < s.Last && adverbs[e.low(k)] {
					k++
				}
				break
			}
		}
	}
	if k < s.Last {
		if _, ok := e.cueAt(k); ok {
			f.cueFirst, f.cueLast = k, k+1
			f.speaker = m
			f.rule = "quote, speaker cue"
			e.usedCue[k] = true
			return true
		}
	}
	return false
}

// attributionOnly says whether sentence s is nothing but a short
// attribution by a name or a pronoun ("Voss said.", "She added Tuesday.").
func (e *extractor) attributionOnly(s text.Sentence) bool {
	if s.Last-s.First > 8 {
		return false
	}
	m, ok := e.ms.StartingAt(s.First)
	return ok && e.ms.Mentions[m].Form != mention.Description && e.trailingAttribution(s.First, s)
}

// cueAfterModifier returns the cue that follows a speaker after a short
// participle or prepositional modifier starting at token k ("dressed for a
// game say", "at the rally said"), or k when there is none.
func (e *extractor) cueAfterModifier(k int, s text.Sentence) int {
	w := e.low(k)
	if !strings.HasSuffix(w, "ed") && !prepositions[w] {
		return k
	}
	for c := k + 1; c < s.Last && c <= k+6; c++ {
		t := e.t.Tokens[c]
		if t.Kind != text.Word || e.quoteOf[c] >= 0 || finiteVerbs[e.low(c)] && !adverbs[e.low(c)] {
			return k
		}
		if _, isCue := e.cueAt(c); isCue {
			return c
		}
	}
	return k
}

var dashes = map[string]bool{"—": true, "―": true, "–": true, "--": true, "-": true}

// dashAttribution attributes a quotation to the name after a dash that
// ends its sentence, the layout of pull quotes, epigraphs and embedded
// posts: `"…" ― Jane Doe`, `― Mayor Jane Doe, in a post on Twitter`,
// `― Jane Doe (@janedoe) March 3, 2026`.
func (e *extractor) dashAttribution(f *found, dash int, s text.Sentence) bool {
	m, ok := e.nameAfterDash(dash, s.Last)
	if !ok {
		return false
	}
	f.cueFirst, f.cueLast, f.speaker, f.exactCue, f.lemma = dash, dash+1, m, true, "dash"
	f.rule = "quote ― speaker"
	return true
}

// nameAfterDash returns the name mention that follows the dash at token
// dash, with its titles, when nothing but a signature tail follows it up to
// token last: a handle in parentheses, a date, or a comma and a title or
// setting with no verb of its own.
func (e *extractor) nameAfterDash(dash, last int) (int, bool) {
	m := -1
	for k := dash + 1; k < last && k <= dash+4; k++ {
		// A name, or a capitalised description ("Harbourton Police").
		if n, ok := e.ms.StartingAt(k); ok && e.ms.Mentions[n].Outer == dash+1 &&
			(e.ms.Mentions[n].Form == mention.Name || e.ms.Mentions[n].Form == mention.Description && e.t.Tokens[k].Upper) {
			m = n
		}
	}
	if m < 0 {
		return -1, false
	}
	end := e.mentionEnd(m)
	if end < last && e.t.Str(end) == "(" {
		for end < last && e.t.Str(end) != ")" {
			end++
		}
		end++
	}
	for k := end; k < last; k++ {
		if e.quoteOf[k] >= 0 || dashes[e.t.Str(k)] {
			return -1, false
		}
		if w := e.low(k); w == "that" || finiteVerbs[w] || subjectPronouns[w] {
			return -1, false
		}
		if _, isCue := e.cueAt(k); isCue {
			return -1, false
		}
	}
	if end < last && e.t.Tokens[end].Kind == text.Word && !e.t.Tokens[end].Upper {
		return -1, false // a sentence goes on: "— Jane Doe walked in"
	}
	return m, true
}

// signedPost adds the unquoted text of a paragraph signed with a dash and
// a name, the layout of embedded posts and tweets: "We are sending crews
// tonight. Stay safe. — Dale Ford (@DaleFordMPP) March 3, 2026". The
// content is the paragraph before the dash; it is the author's own words,
// but without quotation marks it is not a direct quote.
func (e *extractor) signedPost(p text.Paragraph) {
	dash := -1
	for k := p.First + 1; k < p.Last; k++ {
		if e.quoteOf[k] >= 0 || e.t.Tokens[k].Kind == text.Quote {
			return
		}
		if dashes[e.t.Str(k)] {
			dash = k
		}
	}
	if dash < 0 || e.wordCount(p.First, dash-1) < 5 {
		return
	}
	m, ok := e.nameAfterDash(dash, p.Last)
	if !ok {
		return
	}
	end := dash
	for end > p.First && e.t.Tokens[end-1].Kind == text.Punct && !sentenceEnds[e.t.Str(end-1)] {
		end--
	}
	f := found{typ: whosaid.Indirect, start: e.t.Tokens[p.First].Start, end: e.t.Tokens[end-1].End,
		cueFirst: dash, cueLast: dash + 1, speaker: m, exactCue: true, lemma: "dash", rule: "post ― speaker"}
	for _, g := range e.found {
		if f.start < g.end && g.start < f.end {
			return
		}
	}
	e.add(f)
}

// sentenceEnds close the last sentence of a post before its signature.
var sentenceEnds = map[string]bool{".": true, "!": true, "?": true, "…": true}

// titledSpeakerCue finds a speaker with a long title before the name and
// the cue after it: "then-Harbourton mayoral candidate Dale McAlpine
// responded", "Corvane spokesperson Ana Gold said".
func (e *extractor) titledSpeakerCue(f *found, j int, s text.Sentence) bool {
	for c := j + 1; c < s.Last && c < j+14; c++ {
		if e.t.Tokens[c].Kind != text.Word || e.quoteOf[c] >= 0 {
			return false
		}
		if _, isCue := e.cueAt(c); isCue {
			m, ok := e.ms.EndingAt(e.skipBack(c, s.First))
			if !ok || e.ms.Mentions[m].First <= j || e.ms.Mentions[m].Form != mention.Name {
				return false
			}
			if w := e.sourceOf(m, s); e.ms.Mentions[w].First >= j {
				m = w // "Jing Pan of Harbour Capital said"
			}
			f.cueFirst, f.cueLast, f.speaker = c, c+1, m
			f.rule = "quote, titled speaker cue"
			e.usedCue[c] = true
			return true
		}
	}
	return false
}

// attributeBefore looks for "X said:" or "X told reporters," right before
// a quotation.
func (e *extractor) attributeBefore(f *found, open int) bool {
	s := e.sentence(open)
	for c := open - 1; c >= s.First && c >= open-12; c-- {
		if e.quoteOf[c] >= 0 {
			return false
		}
		if v, ok := e.cueAt(c); ok {
			// A clause of reported speech that a quotation ends is a mixed
			// statement, which the rules of reported speech give whole:
			// `Holm said he "cannot leave the house" without …`.
			if e.clauseBeforeQuote(c, open, s) {
				return false
			}
			// "called Sessions "an honest man"" is reported speech, and
			// "blamed "leaks"" a scare quote.
			_, named := e.mentionAt(c + 1)
			named = named || c+1 < open && e.t.Tokens[c+1].Upper
			if named && !v.object && !e.speakerBetween(c, open) || v.weak && c == open-1 {
				return false
			}
			f.cueFirst, f.cueLast = c, c+1
			f.speaker, f.implicit = e.speakerOf(c, s)
			if f.speaker < 0 {
				f.speaker = e.subjectAfter(c, s)
			}
			f.rule = "speaker cue: quote"
			e.usedCue[c] = true
			return true
		}
		w := e.low(c)
		if _, inMention := e.mentionAt(c); inMention || e.t.Tokens[c].Upper {
			continue
		}
		if !fillers[w] && !timeWords[w] && !prepositions[w] && !e.introducesQuote(c, open) {
			return e.cueBeforeAdverbial(f, open, s)
		}
	}
	return false
}

// cueBeforeAdverbial attributes a quotation introduced by a cue, its
// subject and an adverbial of lower-case words ending in a comma or a
// colon: `Rival candidate Ben Hale joked in his turn to answer the
// question, “…”`. Nothing between the cue and the quotation may read as a
// clause of its own ("that", a finite verb, a name).
func (e *extractor) cueBeforeAdverbial(f *found, open int, s text.Sentence) bool {
	if open-1 <= s.First || e.t.Str(open-1) != "," && e.t.Str(open-1) != ":" {
		return false
	}
	for c := open - 2; c >= s.First && c >= open-14; c-- {
		w := e.low(c)
		if e.quoteOf[c] >= 0 || e.t.Tokens[c].Kind != text.Word || w == "that" || finiteVerbs[w] {
			return false
		}
		v, ok := lookupCue(w)
		if !ok {
			if e.t.Tokens[c].Upper {
				return false
			}
			continue
		}
		// The cheap tests first: tagging in cueAt costs a sentence.
		if v.weak || c == open-2 || !prepositions[e.low(c+1)] {
			if _, isCue := e.cueAt(c); isCue {
				return false
			}
			continue // "to answer the question": not the cue
		}
		if _, ok := e.cueAt(c); !ok {
			continue
		}
		m := e.subjectBefore(c, s)
		if m < 0 {
			return false
		}
		f.cueFirst, f.cueLast, f.speaker = c, c+1, m
		f.rule = "speaker cue: quote"
		e.usedCue[c] = true
		return true
	}
	return false
}

// introducesQuote says whether the words from token c to the quotation at
// open are an adverbial that ends in a comma or colon right before it, so
// that a cue further left still introduces the quotation: `X joked in his
// turn to answer the question, "…"`.
func (e *extractor) introducesQuote(c, open int) bool {
	if p := e.t.Str(open - 1); p != "," && p != ":" {
		return false
	}
	for k := c; k < open-1; k++ {
		if e.t.Tokens[k].Kind == text.Punct || e.t.Tokens[k].Kind == text.Quote {
			return false
		}
		if _, isCue := lookupCue(e.low(k)); isCue {
			return false
		}
	}
	return true
}

// clauseBeforeQuote says whether a clause opens between cue c and the
// quotation opening at open: "that" ("told reporters that the mayor
// "…""), or a subject after a cue that has its own before it ("Holm said
// he "…""), rather than an inverted speaker (`said he, "…"`).
func (e *extractor) clauseBeforeQuote(c, open int, s text.Sentence) bool {
	for k := c + 1; k < open; k++ {
		if e.low(k) == "that" {
			return true
		}
	}
	if p := e.t.Str(open - 1); p == "," || p == ":" || open == c+1 {
		return false
	}
	if _, named := e.mentionAt(c + 1); !named {
		return false
	}
	return e.subjectBefore(c, s) >= 0
}

// speakerBetween says whether the tokens between cue c and the opening
// mark at open are the cue's own subject: `said Lewis, "…"`.
func (e *extractor) speakerBetween(c, open int) bool {
	m := e.subjectAfter(c, e.sentence(c))
	if m < 0 {
		return false
	}
	end := e.mentionEnd(m)
	return end == open || end+1 == open && (e.t.Str(end) == "," || e.t.Str(end) == ":")
}

// cueInSentence says whether the sentence of token i has a cue outside
// quotation marks.
func (e *extractor) cueInSentence(i int) bool {
	s := e.sentence(i)
	for k := s.First; k < s.Last; k++ {
		if _, ok := e.cueAt(k); ok {
			return true
		}
		if e.low(k) == "according" && k+1 < s.Last && e.low(k+1) == "to" {
			return true
		}
	}
	return false
}

// mentionAt returns the mention covering token i, if any.
func (e *extractor) mentionAt(i int) (int, bool) {
	for k := i; k >= 0 && k >= i-6; k-- {
		if m, ok := e.ms.StartingAt(k); ok && e.ms.Mentions[m].Last > i {
			return m, true
		}
	}
	return -1, false
}
