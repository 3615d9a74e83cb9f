package statement

import (
	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/mention"
	"github.com/whosaid/whosaid/text"
)

// resolve turns the found statements, in document order, into output
// statements with canonical speakers. Resolution runs in document order
// because a pronoun or a floating quote leans on the previous speaker.
func (e *extractor) resolve() []whosaid.Statement {
	out := make([]whosaid.Statement, 0, len(e.found))
	prev := mention.Prev{Entity: -1, Mention: -1}
	// The floor is the last statement not reported inside another's
	// content ("He said he heard from supporters who said …"): a pronoun
	// leans on its speaker and a floating quote continues it.
	floor, floorStart, floorEnd := -1, -1, -1
	lastPara := -10
	for _, f := range e.found {
		nested := f.start >= floorStart && f.end <= floorEnd
		st := whosaid.Statement{
			Type:        f.typ,
			Content:     whosaid.NewSpan(e.t.Src, f.start, f.end),
			SpeakerKind: whosaid.Unknown,
			Rule:        f.rule,
		}
		if f.cueFirst >= 0 {
			first, last := f.cueFirst, f.cueLast
			if !f.exactCue {
				first, last = e.cueExtent(f)
			}
			c := e.t.Tokens[first].Start
			cueEnd := e.t.Tokens[last-1].End
			lemma := f.lemma
			if lemma == "" {
				lemma = e.cueLemma(f.cueFirst, f.cueLast)
			}
			st.Cue = &whosaid.Cue{Span: whosaid.NewSpan(e.t.Src, c, cueEnd), Lemma: lemma}
		}
		switch {
		case f.speaker >= 0:
			e.ms.MarkSpeaker(f.speaker)
			r := e.ms.Resolve(f.speaker, prev)
			if r.How == "as written" {
				if a := e.documentAuthor(f.speaker); a >= 0 {
					ra := e.ms.Resolve(a, prev)
					r = mention.Resolution{Entity: ra.Entity, Name: ra.Name, Kind: ra.Kind, How: "the author of the document: " + ra.How}
				}
			}
			sp := e.ms.Span(f.speaker)
			if f.source != nil {
				sp = *f.source
			}
			if !f.implicit {
				st.Speaker = &sp
			}
			st.SpeakerKind = r.Kind
			if r.Name != "" {
				name := r.Name
				st.SpeakerName = &name
			}
			st.Resolution = sp.Text + " → " + r.Name + ": " + r.How
			if !nested {
				prev = mention.Prev{Entity: r.Entity, Mention: f.speaker, Paragraph: f.paragraph, Name: r.Name}
			}
		case f.floating:
			carried := floor >= 0 && f.paragraph-lastPara <= 1 && out[floor].SpeakerName != nil
			if carried {
				last := out[floor]
				st.SpeakerName, st.SpeakerKind = last.SpeakerName, last.SpeakerKind
				st.Resolution = "carried from the previous statement"
			}
			r, ok := e.subjectBeforeQuote(f, carried, out, floor, prev)
			switch {
			case ok && (!carried || r.Entity != prev.Entity):
				st.SpeakerName, st.SpeakerKind = &r.Name, r.Kind
				st.Resolution = r.How
				prev = mention.Prev{Entity: r.Entity, Mention: -1, Paragraph: f.paragraph, Name: r.Name}
			case !carried:
				continue
			}
		}
		st.Confidence = e.confidence(f, st.SpeakerName != nil)
		if !nested {
			floor, floorStart, floorEnd = len(out), f.start, f.end
		}
		out = append(out, st)
		lastPara = f.paragraph
	}
	return out
}

// auxiliaries belong to the cue as written: "has said", "is calling for",
// "also noted".
var auxiliaries = map[string]bool{
	"has": true, "have": true, "had": true, "is": true, "are": true, "was": true, "were": true,
	"also": true, "now": true, "then": true, "often": true, "even": true, "will": true,
	"would": true, "again": true, "later": true, "repeatedly": true, "once": true,
}

// cueExtent returns the cue tokens as written: the verb with its
// auxiliaries and adverbs before it, and a colon right after it.
func (e *extractor) cueExtent(f found) (first, last int) {
	first, last = f.cueFirst, f.cueLast
	s := e.sentence(first)
	for first > s.First && auxiliaries[e.low(first-1)] && (f.speaker < 0 || e.ms.Mentions[f.speaker].Last < first) {
		first--
	}
	if last < s.Last && e.t.Str(last) == ":" {
		last++
	}
	return first, last
}

// subjectBeforeQuote finds who a floating quotation continues when the
// sentences before it say so, from the end of the previous statement (or,
// with no statement close before it, from two sentences back):
//   - a person first named at the opening of a sentence: "“…,” Ford said.
//     Opposition critic Sam Reyes disagreed. “It is a disaster.”" is
//     Reyes's, not Ford's. A person named before is not enough: the article
//     may be reporting on them between two quotations of the same speaker;
//   - with no previous statement to carry, a sentence opening with "he" or
//     "she": "She had to give up her career. “It took me two years …”".
func (e *extractor) subjectBeforeQuote(f found, carried bool, out []whosaid.Statement, floor int, prev mention.Prev) (mention.Resolution, bool) {
	qs := e.t.SentenceOf(e.t.TokenAt(f.start))
	first := max(qs-2, 0)
	from := e.t.Tokens[e.t.Sentences[first].First].Start
	if carried {
		first = e.t.SentenceOf(e.t.TokenAt(out[floor].Content.End - 1))
		from = out[floor].Content.End
	}
	opener := -1
	for si := first; si < qs; si++ {
		sent := e.t.Sentences[si]
		if e.t.Tokens[sent.First].Start < from || e.quoteOf[sent.First] >= 0 || f.paragraph-sent.Paragraph > 1 {
			continue
		}
		m, ok := e.mentionOpening(sent)
		if !ok {
			continue
		}
		mm := e.ms.Mentions[m]
		// "Silverman and Svensson have won" names no one speaker;
		// "Hadwin's goal" is not about him speaking.
		next := ""
		if mm.Last < sent.Last {
			next = e.low(mm.Last)
		}
		if next == "and" || next == "&" || isClitic(next) {
			continue
		}
		switch {
		case mm.Form == mention.Name && mm.Entity >= 0 && e.ms.PersonLike(mm.Entity) && e.ms.Introduces(m):
			opener = m
		case mm.Form == mention.Pronoun && !carried && (mm.Head == "he" || mm.Head == "she"):
			opener = m
		}
	}
	if opener < 0 {
		return mention.Resolution{}, false
	}
	e.ms.MarkSpeaker(opener)
	r := e.ms.Resolve(opener, prev)
	if r.Entity < 0 || r.Name == "" {
		return mention.Resolution{}, false
	}
	r.How = "the person the sentence before it is about (" + r.How + ")"
	return r, true
}

// mentionOpening returns the mention that opens sentence s, with its
// titles and roles: "Opposition critic Sam Reyes disagreed."
// The last such mention is the name, after any capitalised role the
// mention stage also took for a name of its own ("Opposition").
func (e *extractor) mentionOpening(s text.Sentence) (int, bool) {
	found := -1
	for k := s.First; k < s.Last && k < s.First+6; k++ {
		if m, ok := e.ms.StartingAt(k); ok && e.ms.Mentions[m].Outer == s.First {
			found = m
		}
	}
	return found, found >= 0
}

// authorWindow is how many sentences back a document's author is looked
// for.
const authorWindow = 12

// documentAuthor returns the mention of who wrote or issued the document
// that speaker mention m describes ("the statement also said"): the
// subject of the verb whose object or oblique the same document noun was
// in the sentences before ("The association said in a statement …",
// "Prosecutors filed a complaint"), by the parse; -1 when none.
func (e *extractor) documentAuthor(m int) int {
	mm := e.ms.Mentions[m]
	if e.syn == nil || mm.Form != mention.Description || !mention.IsDocument(mm.Head) {
		return -1
	}
	for k := mm.First; k < mm.Last; k++ {
		if mention.IsPossessive(e.low(k)) {
			return -1 // "the city's own report" has its owner
		}
	}
	si := e.t.SentenceOf(mm.First)
	for k := mm.First - 1; k >= 0 && e.t.SentenceOf(k) >= si-authorWindow; k-- {
		if e.low(k) != mm.Head || e.quoteOf[k] >= 0 {
			continue
		}
		// "a new report from the Fenwick Centre", "a study by Lara Kent".
		if a := e.nameAfterBy(k + 1); a >= 0 {
			return a
		}
		// Parsing costs a sentence: only one with an authoring verb form
		// shortly before the document ("said in a statement").
		if !e.authoredBefore(k) {
			continue
		}
		toks, j := e.syn.Parsed(k)
		first := k - j
		if toks[j].Rel != "obj" && toks[j].Rel != "obl" || toks[j].Head == 0 {
			continue
		}
		verb := toks[j].Head - 1
		if !authoring[toks[verb].Lemma] {
			continue // "Kadlow denied reports by several newspapers" did not write them
		}
		for n, tok := range toks {
			if tok.Head == verb+1 && tok.Rel == "nsubj" {
				if a := e.mentionCovering(first + n); a >= 0 && (e.ms.Mentions[a].Form != mention.Pronoun || e.ms.Mentions[a].Head != "it") {
					return a
				}
			}
		}
	}
	return -1
}

// nameAfterBy returns the name mention after "from" or "by" at token k
// ("from the Fenwick Centre", "by Lara Kent"), or -1.
func (e *extractor) nameAfterBy(k int) int {
	if k+1 >= len(e.t.Tokens) || e.low(k) != "from" && e.low(k) != "by" {
		return -1
	}
	k++
	if e.low(k) == "the" && k+1 < len(e.t.Tokens) {
		k++
	}
	m, ok := e.ms.StartingAt(k)
	if !ok || e.ms.Mentions[m].Form != mention.Name {
		return -1
	}
	// "by the ministry's inspector" names someone else.
	if end := e.mentionEnd(m); end < len(e.t.Tokens) && mention.IsPossessive(e.low(end)) {
		return -1
	}
	return m
}

// authoring verbs make their subject the author of their object or
// oblique: "filed a complaint", "said in a statement".
var authoring = map[string]bool{
	"write": true, "issue": true, "release": true, "publish": true, "file": true, "say": true,
	"send": true, "post": true, "submit": true, "prepare": true, "produce": true, "author": true,
	"sign": true, "present": true, "table": true, "deliver": true, "commission": true, "tweet": true,
}

// authoringForms are the inflected forms of the authoring verbs (by the
// cue lexicon's inflect, and its irregular forms) that a sentence must
// hold before it is parsed for a document's author.
var authoringForms = func() map[string]bool {
	m := map[string]bool{}
	for lemma := range authoring {
		for _, f := range inflect(lemma) {
			m[f] = true
		}
	}
	for form, lemma := range irregular {
		if authoring[lemma] {
			m[form] = true
		}
	}
	return m
}()

// authoredBefore says whether an authoring verb form stands in the few
// tokens before token k, in its sentence.
func (e *extractor) authoredBefore(k int) bool {
	first := e.sentence(k).First
	for j := k - 1; j >= first && j >= k-6; j-- {
		if authoringForms[e.low(j)] {
			return true
		}
	}
	return false
}

// mentionCovering returns the mention that token i belongs to (the parser
// heads a name on its first word, the mention stage ends it on its last),
// or -1.
func (e *extractor) mentionCovering(i int) int {
	for k := i; k < len(e.t.Tokens) && k <= i+4; k++ {
		if m, ok := e.ms.EndingAt(k); ok && e.ms.Mentions[m].First <= i {
			return m
		}
	}
	return -1
}
