// Package statement is the fifth stage of the pipeline: it finds direct,
// indirect and mixed statements with their cues and speakers, and resolves
// each speaker to a canonical name through the mention stage.
package statement

import (
	"sort"
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/attribution"
	"github.com/whosaid/whosaid/mention"
	"github.com/whosaid/whosaid/syntax"
	"github.com/whosaid/whosaid/text"
)

// found is a statement before its speaker is resolved.
type found struct {
	typ               whosaid.StatementType
	start, end        int           // content bytes
	cueFirst, cueLast int           // cue tokens [cueFirst, cueLast), cueFirst < 0 when none
	speaker           int           // speaker mention, -1 when none
	implicit          bool          // the speaker is not written next to the cue ("..., adding")
	exactCue          bool          // the cue span is final: no auxiliaries or colon to add
	lemma             string        // the cue's lemma, when known before resolution
	source            *whosaid.Span // the speaker as the learned model wrote it
	floating          bool
	rule              string
	paragraph         int
}

type extractor struct {
	scope   Scope
	syn     *syntax.Sentences // nil without the syntax stage
	t       *text.Text
	ms      *mention.Set
	quoteOf []int // token → top-level quotation index, -1 outside quotes
	usedCue map[int]bool
	found   []found
	openers map[string]int // capitalised paragraph openers before a colon, by paragraphs: see dialogue
}

// Extract returns the statements of an analysed text, in document order:
// those the rules find, merged with the learned model's attributions as
// the scope says (learned may be nil).
func Extract(t *text.Text, syn *syntax.Sentences, ms *mention.Set, learned []attribution.Attribution, scope Scope) []whosaid.Statement {
	e := &extractor{scope: scope, syn: syn, t: t, ms: ms, usedCue: map[int]bool{}}
	e.quoteOf = make([]int, len(t.Tokens))
	for i := range e.quoteOf {
		e.quoteOf[i] = -1
	}
	for qi, q := range t.Quotes {
		if q.Parent >= 0 {
			continue
		}
		last := q.Close
		if last < 0 {
			last = t.Paragraphs[q.Paragraph].Last - 1
		}
		for i := q.Open; i <= last; i++ {
			e.quoteOf[i] = qi
		}
	}
	for qi, q := range t.Quotes {
		if q.Parent < 0 {
			e.direct(qi)
		}
	}
	for _, s := range t.Sentences {
		e.indirect(s)
	}
	for _, p := range t.Paragraphs {
		e.transcript(p)
		e.signedPost(p)
	}
	e.addLearned(learned, scope)
	e.rankSpeakers()
	sort.SliceStable(e.found, func(a, b int) bool { return e.found[a].start < e.found[b].start })
	return e.resolve()
}

func (e *extractor) low(i int) string { return e.t.Lower(i) }

func (e *extractor) sentence(i int) text.Sentence { return e.t.Sentences[e.t.SentenceOf(i)] }

// cueAt reports whether token i is a usable speech verb outside quotes.
func (e *extractor) cueAt(i int) (cueVerb, bool) {
	v, ok := e.cueWord(i)
	return v, ok && e.taggedVerb(i)
}

// cueWord is cueAt without asking the tagger (taggedVerb), which costs a
// sentence: a caller that may reject the cue for other reasons asks those
// first.
func (e *extractor) cueWord(i int) (cueVerb, bool) {
	tok := e.t.Tokens[i]
	if tok.Kind != text.Word || e.quoteOf[i] >= 0 {
		return cueVerb{}, false
	}
	v, ok := lookupCue(e.low(i))
	if !ok || v.belief && e.scope == Speech {
		return v, false
	}
	if i == 0 {
		return v, true
	}
	w := e.low(i)
	if tok.Upper && i > e.sentence(i).First {
		return v, false // a name: "the United States"
	}
	if nounLike[v.lemma] && (w == v.lemma || w == v.lemma+"s") {
		// "a fair question", "notes from when he taught"
		if i >= 2 && determiners[e.low(i-2)] || i+1 < len(e.t.Tokens) && (e.low(i+1) == "from" || e.low(i+1) == "of") {
			return v, false
		}
	}
	switch e.low(i - 1) {
	case "the", "a", "an", "his", "her", "their", "its", "this", "that", "my", "our", "your", "to", "whose":
		return v, false // a noun or an infinitive: "the report", "to say"
	case "was", "were", "is", "are", "been", "being", "be":
		if !strings.HasSuffix(w, "ing") {
			return v, false // passive: "was told"
		}
	}
	// Negated speech reports no statement: "did not reveal", "won't say".
	for j := i - 1; j >= 0 && j >= i-3 && adverbs[e.low(j)]; j-- {
		if negations[e.low(j)] {
			return v, false
		}
	}
	// A bare -ing form is a noun or gerund ("confirmation hearing", "for
	// not disclosing") unless it opens a participial clause (", saying")
	// or is progressive ("is saying").
	if strings.HasSuffix(w, "ing") {
		j := i - 1
		for j > 0 && adverbs[e.low(j)] && !progressive[e.low(j)] {
			j--
		}
		if p := e.low(j); p != "," && p != "and" && !progressive[p] && !e.quotedAs(i) && !e.byParticiple(j) {
			return v, false
		}
	}
	return v, true
}

// byParticiple says whether token j is the "by" of a participle that
// completes a past verb: "she continued by saying", "he began by saying".
func (e *extractor) byParticiple(j int) bool {
	if j < 1 || e.low(j) != "by" {
		return false
	}
	v := e.low(j - 1)
	return strings.HasSuffix(v, "ed") || v == "began"
}

// taggedVerb says whether the tagger, when there is one, reads token i as
// a verb rather than a noun or an adjective ("the strange remark"). It is
// asked last, after the cheaper tests, as tagging costs a sentence.
func (e *extractor) taggedVerb(i int) bool {
	return e.syn == nil || unambiguousCues[e.low(i)] || strings.HasPrefix(e.syn.XPOS(i), "VB")
}

// unambiguousCues are the commonest cue forms, verbs wherever they stand:
// they need no tagging.
var unambiguousCues = map[string]bool{"said": true, "says": true, "told": true, "tells": true, "saying": true}

// quotedAs says whether cue i follows "quoted as": "he was quoted as
// saying".
func (e *extractor) quotedAs(i int) bool {
	return i >= 2 && e.low(i-1) == "as" && e.low(i-2) == "quoted"
}

var negations = map[string]bool{"not": true, "n't": true, "n’t": true, "never": true}

// adverbs may stand between a speaker and the cue: "Trump also said".
var adverbs = map[string]bool{
	"also": true, "later": true, "previously": true, "repeatedly": true, "recently": true,
	"earlier": true, "then": true, "further": true, "again": true, "often": true, "once": true,
	"has": true, "have": true, "had": true, "would": true, "will": true, "did": true, "does": true,
	"do": true, "however": true, "reportedly": true, "publicly": true, "privately": true,
	"frequently": true, "simply": true, "just": true, "first": true, "separately": true,
	"quickly": true, "flatly": true, "firmly": true, "bluntly": true, "openly": true,
	"subsequently": true, "finally": true, "initially": true, "originally": true,
	"similarly": true, "likewise": true, "still": true, "even": true, "never": true, "not": true,
	"n't": true, "n’t": true, "could": true, "can": true, "may": true, "might": true, "must": true,
	"should": true, "shall": true, "always": true, "since": true, "already": true, "now": true,
	"yesterday": true, "today": true, "tonight": true, "earnestly": true, "angrily": true, "quoted": true,
	"calmly": true, "softly": true, "proudly": true, "confidently": true, "emphatically": true,
	"is": true, "are": true, "was": true, "were": true, "been": true, "being": true,
}

var progressive = map[string]bool{"is": true, "are": true, "was": true, "were": true, "been": true, "be": true}

// timeWords may follow a cue before its content: "said Thursday".
var timeWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "today": true, "yesterday": true, "tonight": true,
	"earlier": true, "later": true, "recently": true, "previously": true, "again": true,
	"also": true, "repeatedly": true, "publicly": true, "privately": true, "morning": true,
	"afternoon": true, "evening": true, "night": true, "week": true, "month": true,
	"year": true, "weekend": true,
}

// prepositions open an adverbial between a cue and its content: "said in
// a statement that", "told reporters at a news conference that".
var prepositions = map[string]bool{
	"on": true, "in": true, "at": true, "during": true, "after": true, "before": true,
	"via": true, "through": true, "over": true, "to": true, "by": true, "with": true,
	"from": true, "last": true, "this": true, "late": true, "early": true,
}

// skipBack returns the index of the first token before i that is not an
// adverb or auxiliary, staying within the sentence.
func (e *extractor) skipBack(i, first int) int {
	j := i - 1
	for j >= first {
		w := e.low(j)
		if adverbs[w] && !e.t.Tokens[j].Upper { // "May" is a name, not a modal
			j--
			continue
		}
		// ", however," between speaker and cue
		if w == "," && j-2 >= first && adverbs[e.low(j-1)] && e.t.Str(j-2) == "," {
			j -= 3
			continue
		}
		break
	}
	return j
}

// subjectBefore finds the speaker mention of cue c: adjacent ("Trump
// said"), across an apposition or relative clause ("Cora Sedley, who sits
// on the committee, said"), or across a short adverbial ("Trump at a press
// conference last month said").
func (e *extractor) subjectBefore(c int, s text.Sentence) int {
	if e.quotedAs(c) {
		c -= 2
	}
	j := e.skipBack(c, s.First)
	// A relative clause: "many Green supporters who said".
	if j > s.First && (e.low(j) == "who" || e.low(j) == "that" && c-j == 1) {
		if m, ok := e.ms.EndingAt(j - 1); ok {
			return m
		}
		return e.nounPhraseBefore(j-1, s)
	}
	// A clause set off by dashes after the subject: "The judge -- who
	// had argued with the coach -- said".
	if j > s.First+2 && dashes[e.t.Str(j)] {
		for k := j - 2; k > s.First && k >= j-30; k-- {
			if e.quoteOf[k] >= 0 {
				break
			}
			if e.t.Str(k) == e.t.Str(j) {
				j = k - 1
				break
			}
		}
	}
	// A party label after the name: "Rep. Gwen Moorcroft (D-Ore.) said".
	if j > s.First+2 && e.t.Str(j) == ")" {
		for k := j - 1; k > s.First && k >= j-6; k-- {
			if e.t.Str(k) == "(" {
				j = k - 1
				break
			}
		}
	}
	if j < s.First {
		return -1
	}
	if m, ok := e.ms.EndingAt(j); ok && e.quoteOf[j] < 0 {
		if po := e.namedPair(m, s); po >= 0 {
			return e.ms.AddNames(po, e.ms.Mentions[m].Last)
		}
		return e.sourceOf(m, s)
	}
	if j > s.First && e.t.Str(j) == "," {
		// A name in apposition: "Delane's agent, Danny Fritch, told", or
		// an unnamed source with its organisation: "their allies, members
		// of the Unionist Party (HUP), have said".
		end := j - 1
		if e.t.Str(end) == ")" && end-3 > s.First && e.t.Str(end-2) == "(" {
			end -= 3 // an acronym after the name: "(HUP)"
		}
		if c0 := e.partyLabelBefore(j, s); c0 > 0 {
			end = c0 - 1 // "Rep. Tom Ames, R-N.Y., said"
		}
		// A place in apposition most often ends a description ("a
		// nurse from Aldwick, Vermont,"): the subject is looked
		// for before it, and the place is taken only when none is found.
		place := -1
		if m, ok := e.ms.EndingAt(end); ok && e.ms.Mentions[m].Form == mention.Name {
			if mention.IsPlace(e.ms.Mentions[m].Name) {
				place = m
			} else if a := e.apposedName(m, j, s); a >= 0 {
				return a
			}
		}
		// Find the comma opening the apposition; through a relative
		// clause inside it ("Dora Tuck, president of the Harbour
		// Council, which represents the towns, urged") the subject is
		// the mention that opens the clause.
		found := -1
		for k := j - 1; k >= s.First && k >= j-40; k-- {
			if e.quoteOf[k] >= 0 {
				break
			}
			if e.t.Str(k) != "," {
				continue
			}
			// A party label after a name: "Sen. Karen Whitfield, D-Ore.,
			// the bill's sponsor, said".
			if c0 := e.partyLabelBefore(k, s); c0 > 0 {
				k = c0
			}
			m, ok := e.ms.EndingAt(k - 1)
			// An age after the name: "Mira Sand, 52, a retired nurse, said".
			if !ok && k-2 > s.First && e.t.Tokens[k-1].Kind == text.Number && e.t.Str(k-2) == "," {
				k--
				continue
			}
			if !ok {
				// A subject no earlier stage named: "Their allies, members
				// of the Harbour Unionist Party, have said", when what lies
				// between the commas has no verb of its own, or only one of
				// a relative clause ("a veteran who works for the agency").
				if e.hasFiniteVerb(k+1, j) && !e.relativeWithin(k+1, j) {
					break
				}
				if m = e.nounPhraseBefore(k-1, s); m < 0 {
					break
				}
			}
			if e.ms.Mentions[m].Form == mention.Name {
				m = e.sourceOf(m, s) // "Dale Amos of Ohio, who …, said"
			}
			found = m
			o := e.ms.Mentions[m].Outer
			// A description in apposition to a name before it: the name is
			// the subject ("Rina Holt, a nurse from Aldwick,").
			if e.ms.Mentions[m].Form == mention.Description && o-2 >= s.First && e.t.Str(o-1) == "," {
				if n, ok := e.ms.EndingAt(o - 2); ok && e.ms.Mentions[n].Form == mention.Name && !mention.IsPlace(e.ms.Mentions[n].Name) {
					continue
				}
			}
			if o == s.First || e.t.Tokens[o-1].Kind == text.Punct || conjunctions[e.low(o-1)] {
				return m
			}
		}
		if found < 0 && place >= 0 {
			return e.apposedName(place, j, s)
		}
		return found
	}
	// Across a short adverbial, only from the start of a clause.
	for k := j - 1; k >= s.First && k >= j-8; k-- {
		if e.quoteOf[k] >= 0 || e.t.Tokens[k].Kind == text.Punct {
			break
		}
		if _, isCue := lookupCue(e.low(k)); isCue {
			break
		}
		if m, ok := e.ms.EndingAt(k); ok {
			o := e.ms.Mentions[m].Outer
			if o == s.First || e.t.Tokens[o-1].Kind == text.Punct || e.low(o-1) == "and" || e.low(o-1) == "but" {
				return m
			}
			break
		}
	}
	return e.nounPhraseBefore(j, s)
}

// relativeWithin says whether a relative pronoun stands in tokens [from,
// to).
func (e *extractor) relativeWithin(from, to int) bool {
	for k := from; k < to; k++ {
		switch e.low(k) {
		case "who", "which", "whose", "whom":
			return true
		}
	}
	return false
}

// apposedName returns the subject that name mention m, before the comma
// at j, gives when it stands in apposition ("Delane's agent, Danny Fritch,
// told"): m, the person or group it belongs to ("members of the Unionist
// Party (HUP),"), or a pair of names ("His lawyers, Ann Lee and Bo Kim,");
// -1 when m is no apposition.
func (e *extractor) apposedName(m, j int, s text.Sentence) int {
	if w := e.sourceOf(m, s); w != m {
		m = e.ms.Extend(w, j) // the acronym belongs to the description as written
	}
	if po := e.namedPair(m, s); po > s.First && e.t.Str(po-1) == "," {
		return e.ms.AddNames(po, e.ms.Mentions[m].Last)
	}
	if o := e.ms.Mentions[m].Outer; o > s.First && e.t.Str(o-1) == "," {
		return m
	}
	return -1
}

// sourcePrepositions join an unnamed source to its organisation: "a
// spokeswoman for", "officials at", "members of".
var sourcePrepositions = map[string]bool{"for": true, "at": true, "of": true, "from": true, "with": true, "in": true}

// sourceOf returns the speaker that mention m, right before a cue, belongs
// to: m itself, or an unnamed person or group it postmodifies ("A
// spokeswoman for Harbour Hydro said", "Officials at the ministry said"),
// which speaks for the organisation but is not it.
func (e *extractor) sourceOf(m int, s text.Sentence) int {
	// Through an organisation to the person of it: "A spokesperson for
	// the City of Harbourton said".
	cur := m
	for hop := 0; hop < 3; hop++ {
		o := e.ms.Mentions[cur].Outer
		// "members of the Harbour Coast’s Unionist Party": the
		// possessor belongs to the organisation's name.
		if o-2 > s.First && mention.IsPossessive(e.low(o-1)) {
			if p, ok := e.ms.EndingAt(o - 2); ok && e.ms.Mentions[p].Form == mention.Name {
				o = e.ms.Mentions[p].Outer
			}
		}
		if o-2 < s.First || !sourcePrepositions[e.low(o-1)] {
			return m
		}
		d, ok := e.ms.EndingAt(o - 2)
		if !ok {
			return m
		}
		dm := e.ms.Mentions[d]
		switch {
		case dm.Form == mention.Name && !strings.Contains(dm.Name, " ") && mention.PersonTitle(strings.ToLower(dm.Name)):
			return m // a title of the name: "Secretary of State Ana Ruiz"
		case dm.Form == mention.Name && dm.Entity >= 0 && e.ms.PersonLike(dm.Entity) && e.ms.Entities[dm.Entity].Kind != whosaid.Organization && e.low(dm.Outer) != "the":
			// A person of the organisation: "Jing Pan of Harbour Capital
			// said" ("the City of Harbourton" is none).
			return d
		case dm.Form == mention.Description && (dm.Kind == whosaid.Person || dm.Kind == whosaid.Group):
			return e.ms.Extend(d, e.ms.Mentions[m].Last)
		case dm.Form == mention.Name:
			cur = d
		default:
			return m
		}
	}
	return m
}

// phraseStops end a subject noun phrase on its left.
var phraseStops = map[string]bool{
	"that": true, "which": true, "who": true, "whom": true, "and": true, "but": true, "or": true,
	"when": true, "while": true, "because": true, "as": true, "if": true, "although": true,
	"though": true, "since": true, "after": true, "before": true, "where": true, "than": true,
	"so": true, "what": true, "how": true, "why": true, "whether": true, "until": true,
}

// nounPhraseBefore returns a noun phrase ending at token j that opens its
// clause ("The military said", "many Green supporters who said"), as a new
// mention, or -1. A phrase after a preposition is an adverbial, not a
// subject.
func (e *extractor) nounPhraseBefore(j int, s text.Sentence) int {
	if j < s.First {
		return -1
	}
	tok := e.t.Tokens[j]
	head := e.low(j)
	if tok.Kind != text.Word || e.quoteOf[j] >= 0 || adverbs[head] || phraseStops[head] || notHeads[head] || timeWords[head] ||
		strings.HasSuffix(head, "ly") || strings.HasSuffix(head, "ed") || strings.HasSuffix(head, "ing") {
		return -1
	}
	first := j
	for k := j - 1; k >= s.First && j-k < 8; k-- {
		w := e.low(k)
		t := e.t.Tokens[k]
		// A possessor opens the phrase: "the Coastal Nations’ fisheries
		// panel".
		if mention.IsPossessive(w) && k > s.First {
			if m, ok := e.ms.EndingAt(k - 1); ok && e.ms.Mentions[m].Form == mention.Name {
				first = e.ms.Mentions[m].Outer
				if first > s.First && e.low(first-1) == "the" {
					first--
				}
			}
			break
		}
		if t.Kind != text.Word && t.Kind != text.Number || e.quoteOf[k] >= 0 || phraseStops[w] || adverbs[w] {
			break
		}
		if _, isCue := lookupCue(w); isCue {
			return -1
		}
		first = k
	}
	if first > s.First {
		w := e.low(first - 1)
		if prepositions[w] || objectPrepositions[w] {
			return -1
		}
		if !(phraseStops[w] || e.t.Tokens[first-1].Kind == text.Punct) {
			return -1
		}
	}
	if prepositions[e.low(first)] || objectPrepositions[e.low(first)] {
		return -1
	}
	for k := first; k < j; k++ {
		if w := e.low(k); strings.HasSuffix(w, "ed") && !e.t.Tokens[k].Upper || finiteVerbs[w] {
			return -1 // a verb: not a noun phrase
		}
		if e.mayBeVerb(k) && e.finiteTag(k) {
			return -1 // "The government needs ten more votes"
		}
	}
	return e.ms.AddPhrase(first, j+1)
}

// fullName says whether mention m is a person's name of two words or more,
// as people named together in an apposition are ("Ann Lee and Bo Kim"),
// unlike the parts of a listed organisation ("Innovation, Science and
// Economic Development").
// partyLabelBefore returns the comma that opens a party and state label
// ending at comma k ("D-Ore.", "R-N.Y.", "I-Vt."), or -1.
func (e *extractor) partyLabelBefore(k int, s text.Sentence) int {
	l := k - 1
	if l > s.First && e.t.Str(l) == "." {
		l--
	}
	if l-1 < s.First {
		return -1
	}
	w := e.t.Str(l)
	if e.t.Str(l-1) != "," || len(w) < 3 || !strings.ContainsRune("DRI", rune(w[0])) || w[1] != '-' || w[2] < 'A' || w[2] > 'Z' {
		return -1
	}
	return l - 1
}

// namedPair returns where two people named together begin, whose second
// name is mention m, when the first opens the subject ("Premier Dale Ford
// and Mayor Ana Ruiz said", "His lawyers, Ann Lee and Bo Kim, said"); -1
// otherwise.
func (e *extractor) namedPair(m int, s text.Sentence) int {
	o := e.ms.Mentions[m].Outer
	if o-2 <= s.First || e.low(o-1) != "and" || !e.fullName(m) {
		return -1
	}
	p, ok := e.ms.EndingAt(o - 2)
	if !ok || !e.fullName(p) {
		return -1
	}
	if po := e.ms.Mentions[p].Outer; po == s.First || e.t.Tokens[po-1].Kind == text.Punct {
		return po
	}
	return -1
}

func (e *extractor) fullName(m int) bool {
	mm := e.ms.Mentions[m]
	return mm.Form == mention.Name && mm.Kind != whosaid.Organization && mm.Last-mm.First >= 2
}

// hasFiniteVerb says whether tokens [from, to) hold a finite verb or a
// modal, by the word lists and, when there is one, the tagger.
func (e *extractor) hasFiniteVerb(from, to int) bool {
	for k := from; k < to; k++ {
		if finiteVerbs[e.low(k)] || e.mayBeVerb(k) && e.finiteTag(k) {
			return true
		}
	}
	return false
}

// notHeads are words that cannot end a subject noun phrase.
var notHeads = map[string]bool{
	"the": true, "a": true, "an": true, "his": true, "her": true, "its": true, "their": true,
	"our": true, "my": true, "your": true, "whose": true, "this": true, "these": true,
	"those": true, "some": true, "any": true, "no": true, "every": true, "each": true,
	"long": true, "bigger": true, "strange": true, "it": true, "is": true, "be": true,
}

// objectPrepositions never start a subject: "of the area", "for the city".
var objectPrepositions = map[string]bool{"of": true, "for": true, "about": true, "into": true, "under": true, "against": true, "like": true, "among": true, "between": true, "without": true, "within": true, "across": true, "behind": true, "near": true, "per": true}

// subjectAfter finds the speaker of an inverted attribution: "said
// Trump", "said Conservative Leader Andrew Scheer".
func (e *extractor) subjectAfter(c int, s text.Sentence) int {
	for k := c + 1; k < s.Last && k <= c+6; k++ {
		if m, ok := e.ms.StartingAt(k); ok {
			// "asks Policy Options editor Jennifer Ditchburn", "said the
			// IFSD's Azfar Ali Khan": the name after the role or the
			// possessive is the speaker.
			end := e.mentionEnd(m)
			if end < s.Last && (personRolesAt(e, end) || isClitic(e.low(end))) {
				// The name may follow its own titles: "said Pentagon
				// spokesman Navy Capt. Jo Dale".
				for k2 := end + 1; k2 < s.Last && k2 <= end+4; k2++ {
					if n, ok := e.ms.StartingAt(k2); ok && e.ms.Mentions[n].Form == mention.Name && e.ms.Mentions[n].Outer <= end+1 {
						return n
					}
				}
			}
			return m
		}
		// "said resident Ann Holt", "said lead author Dr. Alan Garr": a
		// lower-case role phrase may stand before the name, but not a verb
		// or a clause.
		if w := e.low(k); e.t.Tokens[k].Kind != text.Word || !e.t.Tokens[k].Upper && !fillers[w] && !mention.IsRole(w) && !mention.IsRoleModifier(w) &&
			(k-c > 3 || w == "that" || phraseStops[w] || finiteVerbs[w] || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || timeWords[w] || prepositions[w] || objectPrepositions[w]) {
			break
		}
	}
	return -1
}

func isClitic(w string) bool { return w == "'s" || w == "’s" }

// personRolesAt says whether token i is a lower-case role word.
func personRolesAt(e *extractor, i int) bool {
	return i < len(e.t.Tokens) && !e.t.Tokens[i].Upper && mention.IsRole(e.low(i))
}

// mentionEnd returns the token after mention m.
func (e *extractor) mentionEnd(m int) int { return e.ms.Mentions[m].Last }

// endOfAttribution says whether tokens [i, s.Last) hold nothing but an
// adverbial tail: the end of an attribution "... Trump said in a statement."
func (e *extractor) endOfAttribution(i int, s text.Sentence) bool {
	// A relative clause on a description in apposition belongs to the
	// speaker's description: "said Ann Wilcox, a Republican who founded
	// two firms."
	last := s.Last
	comma := i < last && e.t.Str(i) == ","
	for k := i + 2; comma && k < last && k < i+10; k++ {
		if w := e.low(k); w == "who" || w == "which" || w == "whose" {
			last = k
			break
		}
	}
	if last-i > 12 {
		return false
	}
	for k := i; k < last; k++ {
		if e.quoteOf[k] >= 0 {
			return false
		}
		if _, isCue := e.cueAt(k); isCue && k > i {
			return false
		}
		if w := e.low(k); w == "that" || subjectPronouns[w] || finiteVerbs[w] && !isClitic(w) {
			return false
		}
	}
	// A finite verb the word lists do not know ("the basement flooded")
	// makes the rest a clause, not an adverbial tail. Tagging costs a
	// sentence, so it is asked only about words that may be verbs.
	for k := i; k < last; k++ {
		if e.mayBeVerb(k) && e.finiteTag(k) {
			return false
		}
	}
	return true
}

// mayBeVerb says whether token k may be a finite verb the word lists do
// not know: a lower-case word that is no function word, adverbial or
// filler.
func (e *extractor) mayBeVerb(k int) bool {
	t := e.t.Tokens[k]
	w := e.low(k)
	return t.Kind == text.Word && !t.Upper && !prepositions[w] && !objectPrepositions[w] && !determiners[w] &&
		!fillers[w] && !timeWords[w] && !adverbs[w] && !phraseStops[w]
}

// finiteTag says whether the tagger, when there is one, reads token k as a
// finite verb or a modal.
func (e *extractor) finiteTag(k int) bool {
	if e.syn == nil {
		return false
	}
	switch e.syn.XPOS(k) {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

func (e *extractor) add(f found) {
	f.paragraph = e.t.Sentences[e.t.SentenceOf(e.t.TokenAt(f.start))].Paragraph
	e.found = append(e.found, f)
}
