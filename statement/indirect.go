package statement

import (
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/mention"
	"github.com/whosaid/whosaid/syntax"
	"github.com/whosaid/whosaid/text"
)

// objectPronouns are addressees a cue may take: "told reporters that".
var objectPronouns = map[string]bool{
	"him": true, "her": true, "them": true, "us": true, "me": true, "you": true,
	"reporters": true, "journalists": true, "members": true, "supporters": true,
}

// indirect finds reported speech in sentence s: `X said (that) CLAUSE`,
// `CLAUSE, X said`, `according to X, CLAUSE` and mixed forms of them.
func (e *extractor) indirect(s text.Sentence) {
	for c := s.First; c < s.Last; c++ {
		if e.usedCue[c] || e.quoteOf[c] >= 0 {
			continue
		}
		if e.low(c) == "according" && c+1 < s.Last && e.low(c+1) == "to" {
			e.accordingTo(c, s)
			continue
		}
		// Whether the tagger reads the cue as a verb (taggedVerb) is asked
		// last, after the cheaper tests: tagging costs the sentence up to it.
		v, ok := e.cueWord(c)
		if !ok {
			continue
		}
		subj, implicit := e.speakerOf(c, s)
		rule := "speaker cue clause"
		if implicit {
			rule = "participle or coordinated cue"
		}
		inverted := false
		// "CLAUSE, said X." — but not ", arguing X's refusal was ...".
		if subj < 0 && c > s.First && e.t.Str(c-1) == "," && !strings.HasSuffix(e.low(c), "ing") && e.taggedVerb(c) {
			m, end := e.subjectAfter(c, s), 0
			if m >= 0 {
				end = e.mentionEnd(m)
			}
			switch {
			case m < 0:
			case e.endOfAttribution(end, s):
				subj, inverted = m, true
			case end+1 < s.Last && e.t.Str(end) == "," && c-1 > s.First+1 && e.finiteTag(end+1):
				// Between a subject and its verb: "The plan, said Quill,
				// would take months" (not an apposition: "…, said Ana Ruiz,
				// the union's president").
				e.usedCue[c] = true
				e.addAround(s, c-1, end+1, c, m, "parenthetical speaker cue")
				continue
			}
		}
		if subj < 0 || !inverted && e.notAStatement(c, subj, s) || e.scope == Speech && (e.isData(subj) || epistemic[v.lemma] && !e.personal(subj)) {
			continue
		}
		// A noun-like form ("reports", "figure") is a verb only after a
		// pronoun or a name, unless the tagger reads it as a verb ("whom
		// the couple claims they adopted").
		if w := e.low(c); nounLike[v.lemma] && (w == v.lemma || w == v.lemma+"s") && !inverted && (e.syn == nil || !strings.HasPrefix(e.syn.XPOS(c), "VB")) {
			if f := e.ms.Mentions[subj].Form; f != mention.Name && f != mention.Pronoun {
				continue
			}
		}
		outer := e.ms.Mentions[subj].Outer
		afterComma := outer > s.First && e.t.Str(outer-1) == ","
		if !inverted && !implicit {
			inverted = afterComma && e.endOfAttribution(c+1, s)
		}
		if inverted {
			if e.taggedVerb(c) {
				e.invertedClause(c, subj, s)
			}
			continue
		}
		// A parenthetical attribution: "Acts of protest, Mr. Obama said,
		// are acts of patriotism." (addAround). A lone word before it
		// must be a noun ("Critics, he says, …"), not "Well" or "Yes".
		if afterComma && !implicit && c+1 < s.Last-1 && e.t.Str(c+1) == "," &&
			(outer-1 > s.First+1 || outer-1 == s.First+1 && e.nominal(s.First)) {
			if !e.taggedVerb(c) {
				continue
			}
			e.usedCue[c] = true
			e.addAround(s, outer-1, c+2, c, subj, "parenthetical speaker cue")
			continue
		}
		// "describes himself as a centrist", "calls it a rookie mistake":
		// the words are the complement of the cue's object.
		if _, naming := namingVerbs[v.lemma]; naming {
			if start, ok := e.objectComplement(c, v.lemma, s); ok && e.taggedVerb(c) {
				e.usedCue[c] = true
				e.addReported(start, e.complementEnd(start, s), c, subj, rule)
				continue
			}
		}
		cueEnd := c + 1
		if c+1 < s.Last && particles[v.lemma][e.low(c+1)] {
			v.weak, cueEnd = false, c+2
		}
		start, sawThat, addressed := e.contentStart(cueEnd-1, v, s)
		if start < 0 {
			continue
		}
		end := e.contentEnd(start, s)
		if v.weak && !sawThat && !e.quotesAtLeast(start, end, 3) {
			continue
		}
		// "call" reports speech with a particle or a quotation ("called
		// on", "called it "a disgrace""), not with "that" ("a program
		// called Club Moss that ...").
		if v.lemma == "call" && cueEnd == c+1 && !e.quotesAtLeast(start, end, 3) {
			continue
		}
		if !e.taggedVerb(c) {
			continue
		}
		if !sawThat && !addressed && !objectComplement[v.lemma] && cueEnd == c+1 &&
			!e.quotesAtLeast(start, end, 1) && !e.looksLikeClause(start, end) && !e.numberClause(start, end, v) && !e.clausalComplement(c, start, end) {
			continue
		}
		if e.wordCount(start, end-1) < 2 {
			continue
		}
		e.usedCue[c] = true
		e.addReported(start, end, c, subj, rule)
		e.found[len(e.found)-1].cueLast = cueEnd
		e.found[len(e.found)-1].implicit = implicit
	}
}

// addAround adds the statements around an attribution set off by commas in
// the middle of sentence s, the comma before it at token before and its
// words going on at token after. One span cannot leave the attribution out
// of the middle, so each side of it is a statement, as news annotators
// mark them: the predicate or the new clause after it ("…, sources said,
// as employees worry …"), and the words before it when they are a clause
// (a new clause follows) or a subject of four words or more. A short
// subject ("The lawmaker, she says, …") says nothing alone, and one
// opening with a preposition or an adverb ("In the long run, he said, …")
// is no subject. A clause after it joined by "and" (", sources said, and
// as employees worry …") goes on with the narrative. It returns how many
// statements it added.
func (e *extractor) addAround(s text.Sentence, before, after, c, subj int, rule string) int {
	n := 0
	if clauseOpeners[e.low(after)] && before > s.First+1 || e.wordCount(s.First, before-1) >= 4 && !e.adverbialOpener(s.First) {
		e.addReported(s.First, before, c, subj, rule)
		n++
	}
	if end := e.contentEnd(after, s); after < end && e.wordCount(after, end-1) > 0 && !conjunctions[e.low(after)] {
		e.addReported(after, end, c, subj, rule)
		n++
	}
	return n
}

// clauseOpeners start a new clause after a parenthetical attribution,
// which then closes the reported clause before it.
var clauseOpeners = map[string]bool{
	"and": true, "but": true, "or": true, "as": true, "while": true, "where": true, "when": true,
	"because": true, "so": true, "although": true, "though": true, "which": true, "who": true,
	"after": true, "before": true, "since": true, "until": true, "if": true, "whereas": true,
}

// epistemic cues report speech when a person is their subject ("Gillis
// suggested he might make a video"), an inference when an organisation or
// a document is ("In its budget, Ottawa suggested the multiplier …").
var epistemic = map[string]bool{"suggest": true, "indicate": true}

// personal says whether mention m is a person: a personal pronoun, or a
// name or description of a person.
func (e *extractor) personal(m int) bool {
	mm := e.ms.Mentions[m]
	if mm.Form == mention.Pronoun {
		return mm.Head != "it" && mm.Head != "they"
	}
	if mm.Form == mention.Name && mm.Entity >= 0 {
		return e.ms.PersonLike(mm.Entity) && e.ms.Entities[mm.Entity].Kind != whosaid.Organization
	}
	return mm.Kind == whosaid.Person
}

// dataNouns name figures and records, which show things but say nothing:
// "City financial records indicated", "The data suggests".
var dataNouns = map[string]bool{
	"data": true, "figures": true, "survey": true, "surveys": true, "poll": true, "polls": true,
	"statistics": true, "numbers": true, "records": true, "documents": true, "estimates": true,
	"results": true, "findings": true,
}

// isData says whether mention m is a description of data or records (a
// data noun before its first preposition: "figures released on Wednesday
// by …"): in the speech scope it is no speaker.
func (e *extractor) isData(m int) bool {
	mm := e.ms.Mentions[m]
	if mm.Form != mention.Description {
		return false
	}
	for k := mm.First; k < mm.Last; k++ {
		if prepositions[e.low(k)] || objectPrepositions[e.low(k)] {
			break
		}
		if dataNouns[e.low(k)] {
			return true
		}
	}
	return false
}

// subordinators open a clause whose speech act is compared or hypothetical
// ("higher than city reports say", "Whenever he accuses").
var subordinators = map[string]bool{"than": true, "whenever": true, "unless": true, "if": true}

// modals put a speech act in the future or the hypothetical: "will argue",
// "may respond".
var modals = map[string]bool{
	"will": true, "may": true, "might": true, "could": true, "should": true, "can": true,
	"must": true, "'ll": true, "’ll": true, "shall": true,
}

// notAStatement says whether cue c with subject subj reports no statement:
// in a comparison or a hypothetical ("higher than city reports say",
// "whenever he accuses"), or under a modal ("will argue").
func (e *extractor) notAStatement(c, subj int, s text.Sentence) bool {
	if o := e.ms.Mentions[subj].Outer; o > s.First && subordinators[e.low(o-1)] {
		return true
	}
	for j := c - 1; j >= s.First && j >= c-3 && adverbs[e.low(j)]; j-- {
		if modals[e.low(j)] && !e.t.Tokens[j].Upper {
			return true
		}
	}
	return false
}

// speakerOf finds the speaker of cue c before it; for a participle or a
// coordinated cue with no subject of its own ("..., adding", "and said")
// it is the subject of the clause, and implicit is set.
func (e *extractor) speakerOf(c int, s text.Sentence) (m int, implicit bool) {
	// The subject of the verb a participle completes: "Dana Husk
	// continued by saying".
	if c-2 > s.First && e.low(c-1) == "by" && strings.HasSuffix(e.low(c), "ing") {
		if m := e.subjectBefore(c-2, s); m >= 0 {
			return m, false
		}
	}
	if m := e.subjectBefore(c, s); m >= 0 {
		return m, false
	}
	if strings.HasSuffix(e.low(c), "ing") || e.coordinated(c, s) {
		if m := e.clauseSubject(c, s); m >= 0 {
			return m, true
		}
	}
	return -1, false
}

// coordinated says whether cue c follows "and" or "but": "Sessions said
// ..., and said he should have answered differently".
func (e *extractor) coordinated(c int, s text.Sentence) bool {
	j := e.skipBack(c, s.First)
	if j >= s.First && (e.low(j) == "and" || e.low(j) == "but") {
		return true
	}
	// "and in a carefully worded response said": a prepositional phrase
	// between the conjunction and the cue.
	for k := j; k > s.First && k > j-8; k-- {
		if e.t.Tokens[k].Kind != text.Word || e.quoteOf[k] >= 0 {
			return false
		}
		if prepositions[e.low(k)] {
			p := e.low(k - 1)
			return p == "and" || p == "but"
		}
		if _, isCue := lookupCue(e.low(k)); isCue || finiteVerbs[e.low(k)] {
			return false
		}
	}
	return false
}

// clauseSubject returns the subject of an earlier cue in the same
// sentence, or the mention that opens the sentence.
func (e *extractor) clauseSubject(c int, s text.Sentence) int {
	for k := s.First; k < c; k++ {
		if _, ok := e.cueAt(k); ok {
			if m := e.subjectBefore(k, s); m >= 0 {
				return m
			}
		}
	}
	if m, ok := e.mentionOpening(s); ok {
		return m // with its titles: "U.S. District Judge Jane Cass imposed …, saying"
	}
	return -1
}

// invertedClause adds `CLAUSE, X said`: the content runs from the start of
// the sentence to the comma before the attribution.
func (e *extractor) invertedClause(c, subj int, s text.Sentence) {
	attr := min(c, e.ms.Mentions[subj].Outer)
	end := attr - 1 // the comma
	start := s.First
	if end-start < 3 {
		return
	}
	// A quotation filling the clause was attributed as a direct quote.
	if q := e.quoteOf[start]; q >= 0 && e.t.Quotes[q].Close == end-1 {
		return
	}
	// A participle phrase is a circumstance, not a claim: "Speaking in
	// Vaughan on Thursday, Trudeau denied the story" (but "Parking fees
	// are too high" opens with a noun); so is a prepositional phrase
	// without a verb: "After the attack, Ruel said:".
	participle := strings.HasSuffix(e.low(start), "ing") && (e.syn == nil || e.syn.XPOS(start) == "VBG")
	if participle || prepositions[e.low(start)] && !e.hasFiniteVerb(start, end) {
		return
	}
	// "X said:" introduces what follows the colon.
	if c+1 < s.Last && e.t.Str(c+1) == ":" {
		return
	}
	e.usedCue[c] = true
	e.addReported(start, end, c, subj, "clause, speaker cue")
}

// contentStart returns the first token of the content after cue c, and
// whether "that" or a colon introduced it; -1 when no content follows.
func (e *extractor) contentStart(c int, v cueVerb, s text.Sentence) (start int, sawThat, addressed bool) {
	k := c + 1
	if k < s.Last && v.object {
		if m, ok := e.ms.StartingAt(k); ok {
			k = e.mentionEnd(m)
		} else if objectPronouns[e.low(k)] {
			k++
		}
	}
	// The object's own possession, a show or a paper: "told Radio Ten's
	// "Morning Show" that …".
	if k > c+1 && k+1 < s.Last && mention.IsPossessive(e.low(k)) {
		k++
		if q := e.quoteOf[k]; q >= 0 && e.t.Quotes[q].Open == k && e.t.Quotes[q].Close > k {
			k = e.t.Quotes[q].Close + 1
		} else if m, ok := e.ms.StartingAt(k); ok {
			k = e.mentionEnd(m)
		}
	}
	addressed = k > c+1 // "told reporters": what follows is the content
	// Skip an adverbial before the content: "said Thursday", "said in a
	// statement that", "told reporters at a news conference that".
	inPhrase := false
	for n := 0; k < s.Last && n < 10; n++ {
		w := e.low(k)
		if w == "that" || w == ":" {
			return k + 1, true, addressed
		}
		switch {
		case timeWords[w]:
		case prepositions[w] && (w != "this" && w != "last" || k+1 < s.Last && timeWords[e.low(k+1)]):
			inPhrase = true
		case determiners[w] && k > c+1 && e.t.Tokens[k-1].Kind == text.Word && (timeWords[e.low(k-1)] || fillers[e.low(k-1)] && !determiners[e.low(k-1)]):
			// A determiner after the adverbial's noun opens the content:
			// "said in a statement the recall …", "said last week the deal …".
			n = 10
			continue
		case inPhrase && (fillers[w] && w != "," || e.t.Tokens[k].Upper || e.t.Tokens[k].Kind == text.Number):
		default:
			n = 10 // the content starts here
			continue
		}
		k++
	}
	// "screamed and banged the wall": a coordinated verb is no content.
	if k >= s.Last || e.t.Str(k) == "," || e.t.Tokens[k].Kind == text.Punct || objectPrepositions[e.low(k)] || e.low(k) == "for" || conjunctions[e.low(k)] {
		return -1, false, false
	}
	// "agreed to download" is an infinitive, not a preposition.
	if c+1 < s.Last && e.low(c+1) == "to" && c+2 < s.Last && !e.t.Tokens[c+2].Upper && !determiners[e.low(c+2)] && !objectPronouns[e.low(c+2)] {
		return -1, false, false
	}
	// A bare complement after an adverbial is more often an object
	// ("responded at one debate") than a clause.
	if inPhrase {
		for j := k; j < s.Last && j < k+6; j++ {
			if e.low(j) == "that" && e.complementizer(j, c, v) {
				return j + 1, true, addressed
			}
		}
		if !e.looksLikeClause(k, s.Last) {
			return -1, false, false
		}
	}
	// The adverbial may run on to a "that": "reported on Feb. 9 that".
	for j := k; j < s.Last && j < k+6; j++ {
		if e.low(j) == "that" && e.complementizer(j, c, v) {
			return j + 1, true, addressed
		}
		if e.t.Tokens[j].Kind == text.Punct || e.quoteOf[j] >= 0 {
			break
		}
		if _, isCue := lookupCue(e.low(j)); isCue {
			break
		}
		// A verb after a name has its own clause: "said Norway's
		// agency decided that …" reports the decision, whole.
		if w := e.low(j); j > k && e.t.Tokens[j-1].Upper && (finiteVerbs[w] || strings.HasSuffix(w, "ed")) {
			break
		}
	}
	return k, false, addressed
}

// complementizer says whether "that" at token j, after cue v ending at
// token c and an adverbial, introduces its content ("reported on Feb. 9
// that", "said in a statement that") rather than a relative clause on the
// noun before it: a weak cue, or one with a particle, reports nothing
// through one ("pointed to a law that pays").
func (e *extractor) complementizer(j, c int, v cueVerb) bool {
	if !v.weak && !particles[v.lemma][e.low(c)] {
		// Even a strong cue reports nothing through a relative clause on
		// its own object ("announced a plan that differs from last year's"),
		// where "that" is the verb's subject; a clause with its own
		// subject completes the noun ("dismissed the idea that she …").
		return v.object || !e.objectBefore(c+1, j) || j+1 >= len(e.t.Tokens) || !e.finiteTag(j+1)
	}
	w, t := e.low(j-1), e.t.Tokens[j-1]
	return t.Kind != text.Word || t.Upper || fillers[w] || timeWords[w] || prepositions[w]
}

// objectBefore says whether tokens [from, to) are a noun phrase opened by
// an article, with no preposition: the object of the cue before them ("a
// policy"), not an adverbial ("in a statement").
func (e *extractor) objectBefore(from, to int) bool {
	if from >= to || e.low(from) != "a" && e.low(from) != "an" && e.low(from) != "the" {
		return false
	}
	for k := from + 1; k < to; k++ {
		if prepositions[e.low(k)] || timeWords[e.low(k)] || e.t.Tokens[k].Kind != text.Word {
			return false
		}
	}
	return true
}

// conjunctions cannot open the content of a cue.
var conjunctions = map[string]bool{"and": true, "or": true, "but": true, "nor": true}

// objectComplement verbs report speech as an object and a complement:
// "accused Democrats of ...", "urged Ottawa to ...".
var objectComplement = map[string]bool{"accuse": true, "urge": true, "demand": true}

// subjectPronouns open a clause: "said he would".
var subjectPronouns = map[string]bool{
	"he": true, "she": true, "they": true, "it": true, "we": true, "i": true, "you": true,
	"there": true, "this": true, "those": true, "these": true,
}

// finiteVerbs are auxiliaries and common finite verbs whose presence marks a
// clause rather than a noun phrase.
var finiteVerbs = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "has": true, "have": true, "had": true,
	"will": true, "would": true, "could": true, "should": true, "can": true, "may": true,
	"might": true, "must": true, "did": true, "does": true, "do": true, "'s": true, "’s": true,
	"'re": true, "’re": true, "'ll": true, "’ll": true, "wo": true, "ca": true, "shall": true,
	// common irregular past forms
	"meant": true, "lost": true, "made": true, "took": true, "went": true, "got": true,
	"came": true, "saw": true, "knew": true, "thought": true, "became": true, "began": true,
	"kept": true, "left": true, "felt": true, "found": true, "gave": true, "held": true,
	"brought": true, "paid": true, "ran": true, "sent": true, "spent": true, "stood": true,
	"won": true, "wrote": true, "sold": true, "built": true, "fell": true, "grew": true,
	"led": true, "met": true, "rose": true, "struck": true, "understood": true, "told": true,
	"said": true, "bought": true, "caught": true, "chose": true, "drove": true, "ate": true,
	"forgot": true, "hid": true, "lay": true, "lied": true, "shot": true, "sought": true,
	"spoke": true, "stole": true, "swore": true, "taught": true, "threw": true, "wore": true,
}

// numberClause says whether tokens [start, end) after a cue of saying
// are a clause that opens with a number ("said 30 people were hurt"),
// which looksLikeClause leaves out for the cues that take a number as
// their object ("added 0.4 per cent").
func (e *extractor) numberClause(start, end int, v cueVerb) bool {
	return e.syn != nil && e.t.Tokens[start].Kind == text.Number && (v.lemma == "say" || v.lemma == "tell") &&
		e.finiteVerbWithin(start, end)
}

// looksLikeClause says whether tokens [start, end) read as a clause (a
// bare complement "he would resign") rather than an object ("the
// request").
func (e *extractor) looksLikeClause(start, end int) bool {
	if e.t.Tokens[start].Kind == text.Number {
		return false // "added 0.4 per cent to 2,106.10"
	}
	if e.syn != nil {
		return e.finiteVerbWithin(start, end)
	}
	if subjectPronouns[e.low(start)] {
		return true
	}
	// A finite verb must come early, after a subject; a past participle
	// right after a determiner or hyphenated ("their deficit-funded
	// plans") is an adjective.
	for j := start + 1; j < end && j < start+12; j++ {
		w := e.low(j)
		if w == "," || embedders[w] {
			return false
		}
		if finiteVerbs[w] {
			return true
		}
		if strings.HasSuffix(w, "ed") && !e.t.Tokens[j].Upper && !strings.Contains(w, "-") && !determiners[e.low(j-1)] {
			return true
		}
	}
	return false
}

// finiteVerbWithin says whether the tagger finds a finite verb after the
// start of [start, end) and before any comma: a clause has one.
func (e *extractor) finiteVerbWithin(start, end int) bool {
	// A past participle right after a subject pronoun is a past tense the
	// tagger misread ("it raised money"); it counts when no finite verb
	// comes before the clause ends. (After a noun it is as often a
	// reduced relative: "the strategy deployed by the campaign".)
	participle := false
	// The clause may open with its verb, its subject gone to a relative
	// clause: "a poem she said was written by a poet".
	for j := start; j < end && j < start+12; j++ {
		// An age or a short apposition inside the subject: "the driver,
		// 46, was arrested".
		if e.t.Str(j) == "," && j+2 < end && e.t.Str(j+2) == "," && j > start {
			j += 2
			continue
		}
		// A relative or adverbial clause set off inside the subject, the
		// verb right after it: "the plan, if approved, could save",
		// "profits, which rose last year, will fall".
		if e.t.Str(j) == "," && j > start && e.setOffBeforeVerb(j, end) {
			return true
		}
		// A verb after a wh-word or a relative pronoun belongs to a clause
		// inside a noun phrase: "part of the story of how he chose".
		if e.t.Str(j) == "," || embedders[e.low(j)] {
			return participle
		}
		switch e.syn.XPOS(j) {
		case "VBD", "VBZ", "VBP", "MD":
			return true
		case "VB":
			// A present verb after its plural subject, which the tagger
			// often reads as a base form: "most drivers ignore/VB".
			if prev := e.syn.XPOS(j - 1); j > start && (prev == "NNS" || prev == "NNPS") {
				return true
			}
		case "VBN":
			if j > start && e.syn.XPOS(j-1) == "PRP" {
				participle = true
			}
		}
	}
	return participle
}

// setOffBeforeVerb says whether the comma at token j opens a clause set
// off inside a subject: one that starts with a relative pronoun or a
// subordinator and closes with a comma within 15 tokens, a finite verb
// right after it.
func (e *extractor) setOffBeforeVerb(j, end int) bool {
	if !embedders[e.low(j+1)] && !clauseOpeners[e.low(j+1)] {
		return false
	}
	for q := j + 2; q+1 < end && q <= j+15; q++ {
		if e.t.Str(q) != "," {
			continue
		}
		switch e.syn.XPOS(q + 1) {
		case "VBD", "VBZ", "VBP", "MD":
			return true
		}
		return false
	}
	return false
}

// clausalComplement says whether the parser reads tokens [start, end) after
// cue c as the cue's clausal complement: "said the union plans to strike",
// "said the driver, 46, was arrested", where a noun phrase opens the clause
// and could have been the verb's object.
func (e *extractor) clausalComplement(c, start, end int) bool {
	if e.syn == nil || e.t.Tokens[start].Kind == text.Number {
		return false // "added 0.4 per cent to 2,106 and the bond market rose"
	}
	// Parsing costs several times tagging, so it is asked only where the
	// tagger may have read a verb as a noun before an infinitive: "the
	// union plans/NNS to strike".
	ambiguous := false
	for j := start + 1; j+2 < end && j < start+12 && !ambiguous; j++ {
		ambiguous = strings.HasPrefix(e.syn.XPOS(j), "NN") && e.low(j+1) == "to" && e.syn.XPOS(j+2) == "VB"
	}
	if !ambiguous {
		return false
	}
	toks, k := e.syn.Parsed(c)
	first := c - k // the sentence's first token
	for j, tok := range toks {
		if tok.Head != k+1 || tok.Rel != "ccomp" || first+j < start || first+j >= end {
			continue
		}
		// The clause is the complement only if nothing of it lies before
		// the content: its leftmost word is at or after start.
		left := j
		for i := range j {
			if dominates(toks, j, i) {
				left = i
				break
			}
		}
		return first+left >= start
	}
	return false
}

// dominates says whether word a is word b or one of its ancestors in the
// parse toks (heads are 1-based, 0 the root).
func dominates(toks []syntax.Token, a, b int) bool {
	for n := 0; b >= 0 && n <= len(toks); n++ {
		if b == a {
			return true
		}
		b = toks[b].Head - 1
	}
	return false
}

// embedders open a clause inside a noun phrase.
var embedders = map[string]bool{
	"how": true, "who": true, "whom": true, "whose": true, "which": true, "what": true,
	"when": true, "where": true, "why": true, "whether": true,
}

// determiners precede nouns and adjectives, never a finite verb.
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "their": true, "its": true, "his": true, "her": true,
	"our": true, "my": true, "your": true, "this": true, "these": true, "those": true,
}

// quotesAtLeast says whether tokens [start, end) hold a quotation of at
// least n words.
func (e *extractor) quotesAtLeast(start, end, n int) bool {
	for i := start; i < end; i++ {
		if qi := e.quoteOf[i]; qi >= 0 {
			q := e.t.Quotes[qi]
			last := q.Close
			if last < 0 {
				last = end - 1
			}
			if e.wordCount(q.Open, last) >= n {
				return true
			}
		}
	}
	return false
}

// contentEnd returns the token after the content that starts at token k:
// the end of the sentence, or a coordinated or participial cue that starts
// another statement ("..., and said", "..., adding").
func (e *extractor) contentEnd(k int, s text.Sentence) int {
	end := s.Last
	for i := k + 1; i < s.Last; i++ {
		if e.quoteOf[i] >= 0 {
			continue
		}
		w := e.low(i)
		if w == "according" && i+1 < s.Last && e.low(i+1) == "to" && e.t.Str(i-1) == "," {
			end = i - 1
			break
		}
		// A second attribution closing the sentence: "..., he said."
		if w == "," && e.trailingAttribution(i+1, s) {
			end = i
			break
		}
		if _, ok := lookupCue(w); !ok {
			continue
		}
		prev := e.low(i - 1)
		participle := prev == "," && strings.HasSuffix(w, "ing")
		if !participle && prev != "and" && prev != "but" {
			continue
		}
		// A cue word that is not a verb here ("personnel and volunteers
		// had been briefed") starts no statement; asked last, as tagging
		// costs a sentence.
		if _, ok := e.cueAt(i); ok {
			end = i - 1
			break
		}
	}
	// A quotation opened in the content runs on to its close, past the
	// sentence: `he said he was "very pleased. This levels the field."`
	if end == s.Last {
		for i := k; i < end; i++ {
			if qi := e.quoteOf[i]; qi >= 0 && e.t.Quotes[qi].Open == i {
				if cl := e.t.Quotes[qi].Close; cl >= end {
					end = cl + 1
				}
				break
			}
		}
	}
	// Drop the final punctuation, but keep a closing quotation mark.
	for end > k && e.t.Tokens[end-1].Kind == text.Punct {
		end--
	}
	return end
}

// trailingAttribution says whether tokens from i to the end of the
// sentence are a speaker, a cue and an adverbial tail: "he said in a
// statement".
func (e *extractor) trailingAttribution(i int, s text.Sentence) bool {
	m, ok := e.ms.StartingAt(i)
	if !ok {
		return false
	}
	k := e.mentionEnd(m)
	for k < s.Last && adverbs[e.low(k)] {
		k++
	}
	if k >= s.Last {
		return false
	}
	if _, isCue := e.cueAt(k); !isCue {
		return false
	}
	return e.endOfAttribution(k+1, s)
}

// accordingTo adds `according to X, CLAUSE` and `CLAUSE, according to X`.
func (e *extractor) accordingTo(c int, s text.Sentence) {
	// The source runs to the next comma or the end of the sentence.
	srcEnd := c + 2
	for srcEnd < s.Last && srcEnd < c+16 && e.t.Str(srcEnd) != "," && e.quoteOf[srcEnd] < 0 &&
		!(e.t.Tokens[srcEnd].Kind == text.Punct && srcEnd == s.Last-1) {
		srcEnd++
	}
	if srcEnd == c+2 || srcEnd == c+16 {
		return
	}
	srcEnd = e.listedName(srcEnd, s)
	m := e.ms.AddPhrase(c+2, srcEnd)
	if e.scope == Speech && e.isData(m) {
		return // "according to figures released by …", a survey
	}
	after := srcEnd
	// Skip an apposition: "according to Henrik Brand, the party's
	// spokesman, the payments ...".
	if after < s.Last && e.t.Str(after) == "," {
		for k := after + 1; k < s.Last && k < after+12; k++ {
			if e.t.Str(k) == "," {
				if w := e.low(after + 1); fillers[w] || w == "a" || w == "an" {
					after = k
				}
				break
			}
		}
	}
	atEnd := after >= s.Last-1
	var start, end int
	switch {
	case c == s.First && !atEnd && e.t.Str(after) == ",":
		start, end = after+1, e.contentEnd(after+1, s)
	case c > s.First+2 && e.t.Str(c-1) == "," && atEnd:
		start, end = s.First, c-1
	case c > s.First+2 && e.t.Str(c-1) == "," && after+1 < s.Last && e.finiteTag(after+1) && !e.adverbialOpener(s.First):
		// Between a subject and its verb: "Some of those concerns,
		// according to experts, include ..." (addAround); but "Absent
		// from the talks, according to members, was …" is one statement.
		for n := e.addAround(s, c-1, after+1, c, m, "according to"); n > 0; n-- {
			e.found[len(e.found)-n].cueLast = c + 2
		}
		return
	case c > s.First+2 && e.t.Str(c-1) == ",":
		start, end = s.First, e.contentEnd(after+1, s)
	default:
		return
	}
	if e.wordCount(start, end-1) < 3 {
		return
	}
	e.addReported(start, end, c, m, "according to")
	e.found[len(e.found)-1].cueLast = c + 2
}

// listedName extends a source that stops at the comma of a listed
// organisation's name ("the Water, Climate and Coast
// Agency") to the whole name: capitalised words, commas and one "and",
// ending in an organisation noun.
func (e *extractor) listedName(srcEnd int, s text.Sentence) int {
	if srcEnd >= s.Last || e.t.Str(srcEnd) != "," || !e.t.Tokens[srcEnd-1].Upper {
		return srcEnd
	}
	sawAnd := false
	k := srcEnd + 1
name:
	for ; k < s.Last && k < srcEnd+12; k++ {
		w := e.low(k)
		switch {
		case w == "and" && !sawAnd:
			sawAnd = true
		case w == "," || e.t.Tokens[k].Upper && e.t.Tokens[k].Kind == text.Word:
		default:
			break name
		}
	}
	if !sawAnd || !mention.IsOrgNoun(e.low(k-1)) {
		return srcEnd
	}
	return k
}

// addReported adds reported speech over tokens [start, end) with cue c.
func (e *extractor) addReported(start, end, c, subj int, rule string) {
	typ := whosaid.Indirect
	for i := start; i < end; i++ {
		if e.quoteOf[i] >= 0 {
			typ = whosaid.Mixed
			break
		}
	}
	if qi := e.quoteOf[start]; qi >= 0 {
		if q := e.t.Quotes[qi]; q.Open == start && (q.Close == end-1 || q.Close < 0) {
			typ = whosaid.Direct
		}
	}
	e.add(found{
		typ: typ, start: e.t.Tokens[start].Start, end: e.t.Tokens[end-1].End,
		cueFirst: c, cueLast: c + 1, speaker: subj, rule: rule,
	})
}

// nominal says whether token i is a noun phrase on its own: a name or a
// description ("Critics", "Officials"), or a word the tagger reads as a
// noun.
func (e *extractor) nominal(i int) bool {
	if m, ok := e.ms.EndingAt(i); ok && e.ms.Mentions[m].Form != mention.Pronoun {
		return true
	}
	return e.syn != nil && strings.HasPrefix(e.syn.XPOS(i), "NN")
}

// adverbialOpener says whether token i opens an adverbial rather than a
// subject: a preposition, a conjunction, an interjection, a participle
// ("Asked about it, she said, …"), or an adverb that does not modify a
// determiner or number ("Almost all revenues").
func (e *extractor) adverbialOpener(i int) bool {
	if e.syn == nil {
		return false
	}
	switch t := e.syn.XPOS(i); {
	case t == "IN", t == "CC", t == "UH", t == "VBN", strings.HasPrefix(t, "W"):
		return true
	case strings.HasPrefix(t, "RB"):
		next := e.syn.XPOS(i + 1)
		return next != "DT" && next != "PDT" && next != "CD"
	}
	return false
}

// namingVerbs say what someone or something is with an object and its
// complement: "describes himself as a centrist", "called the plan a
// disaster". The value is whether "as" must join them.
var namingVerbs = map[string]bool{"describe": true, "call": false, "characterize": true, "characterise": true, "dismiss": true,
	"portray": true, "label": false, "brand": false, "dub": false}

// objectComplement returns where the complement of naming verb c's object
// starts: after a pronoun, a name or a short noun phrase, and "as" where
// the verb needs it; the complement must open a noun phrase (a
// determiner, a number, an adjective or a quotation), so that "called the
// police" or "called her at home" give none.
func (e *extractor) objectComplement(c int, lemma string, s text.Sentence) (int, bool) {
	if e.syn == nil {
		return -1, false
	}
	k := c + 1
	switch {
	case k >= s.Last:
		return -1, false
	case objectPronouns[e.low(k)] || reflexives[e.low(k)] || e.low(k) == "it" || e.low(k) == "this":
		k++
	case determiners[e.low(k)]:
		k++
		for k < s.Last && k <= c+6 && nounOrAdjective(e.syn.XPOS(k)) && !(k > c+2 && e.low(k) == "one") {
			k++
		}
	default:
		m, ok := e.ms.StartingAt(k)
		if !ok {
			return -1, false
		}
		k = e.mentionEnd(m)
	}
	if k >= s.Last {
		return -1, false
	}
	if e.low(k) == "as" {
		k++
	} else if namingVerbs[lemma] {
		return -1, false
	}
	if k >= s.Last {
		return -1, false
	}
	if e.quoteOf[k] >= 0 {
		return k, true
	}
	switch t := e.syn.XPOS(k); {
	case t == "DT" || t == "CD" || t == "RBS" || strings.HasPrefix(t, "JJ"):
		return k, true
	}
	return -1, false
}

// complementEnd returns where the complement starting at token k ends: at
// the content's end, or before a comma outside a quotation ("described
// himself as a churchgoer, said he …"), or after a quotation closing on a
// comma that a participle follows (`dismissed it as "too little, too
// late," noting`).
func (e *extractor) complementEnd(k int, s text.Sentence) int {
	end := e.contentEnd(k, s)
	for j := k + 1; j < end; j++ {
		if e.t.Str(j) == "," && e.quoteOf[j] < 0 {
			return j
		}
		if t := e.t.Tokens[j]; t.Kind == text.Quote && !t.Opening && e.t.Str(j-1) == "," && j+1 < end && strings.HasSuffix(e.low(j+1), "ing") {
			return j + 1
		}
	}
	return end
}

// reflexives are objects that name the subject again.
var reflexives = map[string]bool{"himself": true, "herself": true, "itself": true, "themselves": true, "myself": true, "ourselves": true}

// nounOrAdjective says whether a Penn tag is a noun, an adjective or a
// possessive ending, the words of a short noun phrase.
func nounOrAdjective(tag string) bool {
	return strings.HasPrefix(tag, "NN") || strings.HasPrefix(tag, "JJ") || tag == "POS"
}
