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
			if floor < 0 || f.paragraph-lastPara > 1 || out[floor].SpeakerName == nil {
				continue
			}
			last := out[floor]
			st.SpeakerName, st.SpeakerKind = last.SpeakerName, last.SpeakerKind
			st.Resolution = "carried from the previous statement"
			if ent := e.introducedSince(last.Content.End, f.start); ent >= 0 && ent != prev.Entity {
				name := e.ms.Entities[ent].Name
				st.SpeakerName, st.SpeakerKind = &name, e.ms.Entities[ent].Kind
				st.Resolution = "the person introduced since the previous statement"
				prev = mention.Prev{Entity: ent, Mention: -1, Paragraph: f.paragraph, Name: name}
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

// introducedSince returns the person first named at the opening of the
// latest sentence between byte from (the end of the previous statement)
// and the floating quotation at byte to, or -1: "“…,” Ford said.
// Opposition critic Sam Reyes disagreed. “It is a disaster.”" continues
// Reyes, not Ford. A person named before is not enough: the article may
// be reporting on them between two quotations of the same speaker.
func (e *extractor) introducedSince(from, to int) int {
	found := -1
	for si := e.t.SentenceOf(e.t.TokenAt(from)); si < len(e.t.Sentences); si++ {
		sent := e.t.Sentences[si]
		if e.t.Tokens[sent.First].Start < from {
			continue
		}
		if e.t.Tokens[sent.First].Start >= to || e.quoteOf[sent.First] >= 0 {
			break
		}
		if m, ok := e.mentionOpening(sent); ok {
			mm := e.ms.Mentions[m]
			// "Silverman and Svensson have won" names no one speaker;
			// "Hadwin's goal" is not about him speaking.
			next := ""
			if mm.Last < sent.Last {
				next = e.low(mm.Last)
			}
			if mm.Form == mention.Name && mm.Entity >= 0 && e.ms.PersonLike(mm.Entity) && e.ms.Introduces(m) && next != "and" && next != "&" && !isClitic(next) {
				found = mm.Entity
			}
		}
	}
	return found
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
