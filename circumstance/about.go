package circumstance

import (
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/mention"
	"github.com/whosaid/whosaid/syntax"
)

// aboutVerbs are cues whose object is whom the statement is about:
// "defended Sessions", "accused Democrats", "called on Sessions to
// resign".
var aboutVerbs = map[string]bool{"defend": true, "accuse": true, "call": true, "praise": true, "criticize": true,
	"criticise": true, "blame": true, "attack": true, "lash": true, "slam": true, "thank": true, "dismiss": true,
	"denounce": true, "condemn": true, "mock": true, "congratulate": true, "applaud": true, "describe": true,
	"label": true, "dub": true, "commend": true, "fault": true, "rebuke": true, "chide": true, "scold": true,
	"assail": true, "blast": true, "hail": true, "laud": true, "insult": true, "berate": true, "credit": true,
	"endorse": true, "urge": true, "question": true, "ridicule": true, "disparage": true, "lambast": true,
	"lambaste": true, "castigate": true, "excoriate": true, "compliment": true, "target": true}

// objectRels are the dependency relations of a cue's objects; obl only
// after "at", "on" or "of" ("lashed out at Democrats").
var objectRels = map[string]bool{"obj": true, "iobj": true, "obl": true}

// thirdPerson are the pronouns that refer to someone other than the
// speaker of a quotation.
var thirdPerson = map[string]mention.Gender{"he": mention.Male, "him": mention.Male, "his": mention.Male,
	"she": mention.Female, "her": mention.Female, "hers": mention.Female,
	"they": mention.UnknownGender, "them": mention.UnknownGender, "their": mention.UnknownGender}

// maxBack is how many sentences before a quotation its pronouns may find
// their antecedent in.
const maxBack = 2

// about lists the entities statement k is about: the objects of its cue,
// and the people, organisations and groups named or referred to in its
// content, without its speaker.
func (s *stage) about(k int) []whosaid.About {
	st := s.sts[k]
	speaker := -1
	if st.SpeakerName != nil {
		speaker = s.ents.byName(*st.SpeakerName)
	}
	var out []whosaid.About
	seen := map[int]bool{}
	add := func(e int, ev whosaid.Span) {
		if e < 0 || e == speaker || seen[e] {
			return
		}
		seen[e] = true
		out = append(out, whosaid.About{Name: s.ents.all[e].Name, Kind: s.ents.all[e].Kind, Evidence: ev})
	}
	for _, m := range s.cueObjects(st) {
		mm := s.ms.Mentions[m]
		ev := whosaid.NewSpan(s.t.Src, mm.Start, mm.End)
		switch {
		case mm.Form == mention.Pronoun:
			add(s.antecedent(m, st, speaker, true), ev)
		case s.ents.ofMention(m) >= 0:
			add(s.ents.ofMention(m), s.groupSpan(mm, ev))
		case mm.Form == mention.Description && (mm.Definite || mm.Plural) && !s.quoted(mm.Start) && !seenText(out, ev.Text):
			// An unnamed object is reported as written: "accused critics";
			// "an honest man" in "called Sessions an honest man" is what
			// they were called.
			out = append(out, whosaid.About{Name: ev.Text, Kind: mm.Kind, Evidence: ev})
		}
	}
	for m, mm := range s.ms.Mentions {
		if mm.Start < st.Content.Start || mm.End > st.Content.End {
			continue
		}
		ev := whosaid.NewSpan(s.t.Src, mm.Start, mm.End)
		if mm.Form == mention.Pronoun {
			if _, ok := thirdPerson[mm.Head]; ok {
				add(s.antecedent(m, st, speaker, s.quoted(mm.Start)), ev)
			}
			continue
		}
		if e := s.ents.ofMention(m); e >= 0 && !s.modifier(m) {
			add(e, s.groupSpan(mm, ev))
		}
	}
	return out
}

func seenText(as []whosaid.About, text string) bool {
	for _, a := range as {
		if a.Name == text {
			return true
		}
	}
	return false
}

// groupSpan is the evidence of a group description: its capitalised
// head; other mentions are their own evidence.
func (s *stage) groupSpan(mm mention.Mention, fallback whosaid.Span) whosaid.Span {
	if mm.Form != mention.Description {
		return fallback
	}
	if h := s.ents.groupHead(mm); h >= 0 {
		return whosaid.NewSpan(s.t.Src, s.t.Tokens[h].Start, s.t.Tokens[h].End)
	}
	return fallback
}

// quoted says whether byte off lies inside quotation marks.
func (s *stage) quoted(off int) bool {
	for _, q := range s.t.Quotes {
		if q.Start <= off && off < q.End {
			return true
		}
	}
	return false
}

// cueObjects returns the mentions that are objects of an about-verb cue:
// with the syntax stage, the cue verb's obj, iobj and obl dependents
// ("lashed out at Democrats") and what they conjoin; without it, the
// mention right after the cue.
func (s *stage) cueObjects(st whosaid.Statement) []int {
	if st.Cue == nil || !aboutVerbs[st.Cue.Lemma] {
		return nil
	}
	first, last := s.t.TokenAt(st.Cue.Start), s.t.TokenAt(st.Cue.End-1)
	if last >= len(s.t.Tokens) {
		return nil
	}
	if s.syn == nil {
		for i := last + 1; i <= last+2 && i < len(s.t.Tokens); i++ {
			if m, ok := s.ms.StartingAt(i); ok {
				return []int{m}
			}
		}
		return nil
	}
	toks, pos := s.syn.Parsed(first)
	base := first - pos
	verb := -1
	for i := first; i <= last; i++ {
		if strings.HasPrefix(toks[i-base].XPOS, "VB") && toks[i-base].Lemma == st.Cue.Lemma {
			verb = i - base
		}
	}
	if verb < 0 {
		return nil
	}
	objs := map[int]bool{}
	for j, tok := range toks {
		if tok.Head != verb+1 {
			continue
		}
		rel, _, _ := strings.Cut(tok.Rel, ":")
		switch {
		case rel == "obj" || rel == "iobj":
		case rel == "obl" && s.introducedBy(toks, j, "at", "on", "of"):
		case rel == "xcomp" && (tok.UPOS == "PROPN" || tok.UPOS == "PRON"):
			// "called Sessions an honest man": the parser often takes the
			// object of a naming verb for its complement.
		default:
			continue
		}
		objs[j] = true
	}
	// What the objects conjoin, and the names compounded into them:
	// "accused Democrats and government leakers".
	for range 2 {
		for j, tok := range toks {
			if (tok.Rel == "conj" || tok.Rel == "compound") && tok.Head > 0 && objs[tok.Head-1] {
				objs[j] = true
			}
		}
	}
	var out []int
	for j := range toks {
		if objs[j] {
			if m := s.mentionAt(base + j); m >= 0 {
				out = append(out, m)
			}
		}
	}
	return out
}

// introducedBy says whether word j has a case marker among words.
func (s *stage) introducedBy(toks []syntax.Token, j int, words ...string) bool {
	for _, tok := range toks {
		if tok.Head == j+1 && tok.Rel == "case" {
			for _, w := range words {
				if strings.EqualFold(tok.Form, w) {
					return true
				}
			}
		}
	}
	return false
}

// mentionAt returns the smallest mention holding token i, or -1.
func (s *stage) mentionAt(i int) int {
	best := -1
	for m, mm := range s.ms.Mentions {
		if mm.First <= i && i < mm.Last && (best < 0 || mm.Last-mm.First < s.ms.Mentions[best].Last-s.ms.Mentions[best].First) {
			best = m
		}
	}
	return best
}

// antecedent resolves third-person pronoun mention p of statement st to
// an entity, or -1. Inside quotation marks the speaker would say "I", so
// "he" is someone else: the nearest fitting name before it in the
// quotation, then in its sentence, then the first in the sentences before
// (the subject of the last one, most often). Outside them, in reported
// speech, "he" is most often the speaker ("Sessions said he would
// recuse himself"): it is someone else only when the quotation names them
// before it, or when it continues a statement by the same speaker about one
// fitting entity ("called Sessions an honest man and said he did nothing
// wrong").
func (s *stage) antecedent(p int, st whosaid.Statement, speaker int, quoted bool) int {
	pm := s.ms.Mentions[p]
	fits := func(m int) int {
		e := s.ents.ofMention(m)
		if e < 0 || e == speaker || !s.fits(e, pm) {
			return -1
		}
		return e
	}
	sent := s.t.SentenceOf(pm.First)
	sentStart := s.t.Sentences[sent].Start
	// Nearest first, back to the start of the sentence: in the quotation,
	// then before it.
	for m := len(s.ms.Mentions) - 1; m >= 0; m-- {
		mm := s.ms.Mentions[m]
		if mm.End > pm.Start || mm.Start < sentStart || !quoted && mm.Start < st.Content.Start {
			continue
		}
		if e := fits(m); e >= 0 {
			return e
		}
	}
	if !quoted {
		return s.continued(st, pm)
	}
	for back := 1; back <= maxBack && sent-back >= 0; back++ {
		prev := s.t.Sentences[sent-back]
		for m, mm := range s.ms.Mentions {
			if mm.Start >= prev.Start && mm.End <= prev.End && mm.Form != mention.Pronoun {
				if e := fits(m); e >= 0 {
					return e
				}
			}
		}
	}
	return -1
}

// continued returns the one entity fitting pronoun pm that an earlier
// statement of the same speaker in the same sentence is about through its
// cue's object; -1 otherwise.
func (s *stage) continued(st whosaid.Statement, pm mention.Mention) int {
	sent := s.t.SentenceOf(pm.First)
	found := -1
	for _, other := range s.sts {
		if other.Content.Start >= st.Content.Start || other.SpeakerName == nil || st.SpeakerName == nil ||
			*other.SpeakerName != *st.SpeakerName || other.Cue == nil || s.t.SentenceOf(s.t.TokenAt(other.Cue.Start)) != sent {
			continue
		}
		for _, m := range s.cueObjects(other) {
			if e := s.ents.ofMention(m); e >= 0 && s.fits(e, pm) {
				if found >= 0 && found != e {
					return -1
				}
				found = e
			}
		}
	}
	return found
}

// fits says whether entity e can be what pronoun pm refers to.
func (s *stage) fits(e int, pm mention.Mention) bool {
	g, kind := s.ents.gender[e], s.ents.all[e].Kind
	if pm.Plural || pm.Head == "they" || pm.Head == "them" || pm.Head == "their" {
		return kind == whosaid.Group || kind == whosaid.Organization
	}
	want := thirdPerson[pm.Head]
	return kind == whosaid.Person && (g == mention.UnknownGender || g == want)
}

// modifier says whether name mention m only modifies a description around
// it: "the Trump campaign" is about the campaign.
func (s *stage) modifier(m int) bool {
	mm := s.ms.Mentions[m]
	if mm.Form != mention.Name {
		return false
	}
	for _, d := range s.ms.Mentions {
		if d.Form == mention.Description && d.First <= mm.First && mm.Last < d.Last && d.Kind != whosaid.Group {
			return true
		}
	}
	return false
}
