package circumstance

import (
	"slices"
	"sort"
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/mention"
	"github.com/whosaid/whosaid/text"
)

// aboutVerbs are cues whose object is whom the statement is about:
// "defended Reilly", "accused the union", "called on Varga to
// resign".
var aboutVerbs = map[string]bool{"defend": true, "accuse": true, "call": true, "praise": true, "criticize": true,
	"criticise": true, "blame": true, "attack": true, "lash": true, "slam": true, "thank": true, "dismiss": true,
	"denounce": true, "condemn": true, "mock": true, "congratulate": true, "applaud": true, "describe": true,
	"label": true, "dub": true, "commend": true, "fault": true, "rebuke": true, "chide": true, "scold": true,
	"assail": true, "blast": true, "hail": true, "laud": true, "insult": true, "berate": true, "credit": true,
	"endorse": true, "urge": true, "question": true, "ridicule": true, "disparage": true, "lambast": true,
	"lambaste": true, "castigate": true, "excoriate": true, "compliment": true, "target": true}

// thirdPerson are the pronouns that refer to someone other than the
// speaker of a quotation.
var thirdPerson = map[string]mention.Gender{"he": mention.Male, "him": mention.Male, "his": mention.Male,
	"she": mention.Female, "her": mention.Female, "hers": mention.Female,
	"they": mention.UnknownGender, "them": mention.UnknownGender, "their": mention.UnknownGender}

// objectReach is how far after a cue its object may start: "lashed out
// at the critics".
const objectReach = 3

// maxBefore is how many statements before one in the same sentence a
// pronoun of its content may continue: "called Reilly a careful manager and
// said he did nothing wrong".
const maxBefore = 3

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
	var seen []int // a statement is about a few entities at most
	add := func(e int, ev whosaid.Span) {
		if e < 0 || e == speaker || !s.surePerson(e) || slices.Contains(seen, e) {
			return
		}
		seen = append(seen, e)
		out = append(out, whosaid.About{Name: s.ents.all[e].Name, Kind: s.ents.all[e].Kind, Evidence: ev})
	}
	for _, m := range s.cueObjects(k) {
		mm := s.ms.Mentions[m]
		ev := whosaid.NewSpan(s.t.Src, mm.Start, mm.End)
		switch {
		case mm.Form == mention.Pronoun:
			add(s.antecedent(m, k, speaker, true), ev)
		case s.ents.ofMention(m) >= 0:
			add(s.ents.ofMention(m), s.groupSpan(mm, ev))
		case mm.Form == mention.Description && (mm.Definite || mm.Plural) && !writings[mm.Head] && !s.quoted(mm.Start) && !seenText(out, ev.Text):
			// An unnamed object is reported as written: "accused critics";
			// "a careful manager" in "called Reilly a careful manager" is what
			// they were called.
			out = append(out, whosaid.About{Name: ev.Text, Kind: mm.Kind, Evidence: ev})
		}
	}
	for _, m := range s.ix.between(s.ms, st.Content.Start, st.Content.End) {
		mm := s.ms.Mentions[m]
		if mm.End > st.Content.End {
			continue
		}
		ev := whosaid.NewSpan(s.t.Src, mm.Start, mm.End)
		if mm.Form == mention.Pronoun {
			if _, ok := thirdPerson[mm.Head]; ok {
				add(s.antecedent(m, k, speaker, s.quoted(mm.Start)), ev)
			}
			continue
		}
		if e := s.ents.ofMention(m); e >= 0 && s.talkedAbout(m) {
			add(e, s.groupSpan(mm, ev))
		}
	}
	return out
}

// surePerson says whether entity e, when a person, has a name that shows
// it is one: the entities that only a pronoun or a speech verb made
// people are as often companies and places. A name opening a sentence
// ("Harbour Coal said", "Outside Harbour Coal, ...") is asked of the
// tagger, only for such entities.
func (s *stage) surePerson(e int) bool {
	if !s.ents.unsure[e] {
		return true
	}
	m := s.ents.opener[e]
	return m >= 0 && s.syn != nil && s.syn.XPOS(s.ms.Mentions[m].First) == "NNP"
}

// talkedAbout says whether the named mention m in a content is someone
// the statement talks about, rather than a word of something else's name
// ("the Varga campaign", "Labour leadership candidate", "Halifax,
// N.S.", "'The Closer'"), someone addressed ("this is serious, Dana.") or
// the source of an attribution the content holds ("Mr. Okafor said").
func (s *stage) talkedAbout(m int) bool {
	mm := s.ms.Mentions[m]
	return !s.ix.inside[m] && !s.ents.partial(m) && !s.placeQualifier(mm) && !s.title(mm) &&
		!s.vocative(mm) && !s.source(mm) && !s.ofLongerName(mm)
}

// nameJoiners join the words of an organisation's longer name: "the
// Department of Fisheries", "the Centre for Coastal Studies".
var nameJoiners = map[string]bool{"of": true, "for": true}

// ofLongerName says whether organisation mention mm is one side of a
// longer name joined by "of" or "for" ("Department" or "Fisheries" in
// "the state Department of Fisheries", "the Centre for Coastal Studies"):
// the mention stage took a part of a name, and the entity it was linked
// to is another one.
func (s *stage) ofLongerName(mm mention.Mention) bool {
	if mm.Form != mention.Name || mm.Kind != whosaid.Organization && mm.Kind != whosaid.Unknown {
		return false
	}
	sent := s.t.Sentences[s.t.SentenceOf(mm.First)]
	if k := mm.Last; k+1 < sent.Last && nameJoiners[s.t.Str(k)] && s.t.Tokens[k+1].Upper {
		return true
	}
	k := mm.First - 1
	return k-1 >= sent.First && nameJoiners[s.t.Str(k)] && s.t.Tokens[k-1].Upper && s.t.Tokens[k-1].Kind == text.Word
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
	qs := s.t.Quotes
	k := sort.Search(len(qs), func(k int) bool { return qs[k].Start > off }) - 1
	// The quotation opening last before off, or one around it.
	for k >= 0 {
		if qs[k].End > off {
			return true
		}
		k = qs[k].Parent
	}
	return false
}

// cueObjects returns the mentions that are objects of statement k's cue
// when it is an about-verb: the mention just after the cue, past a
// particle ("lashed out at critics"), and those it is coordinated with
// ("accused Democrats and Republicans").
//
// The dependency parse would give the same objects, but parsing the
// sentence of every such cue cost 6% of the pipeline's time on GGT dev;
// the part-of-speech tag of the word after the cue, mostly already
// computed for the cue itself, tells an object from a clause.
func (s *stage) cueObjects(k int) []int {
	if objs, ok := s.objects[k]; ok {
		return objs
	}
	objs := s.findCueObjects(s.sts[k])
	s.objects[k] = objs
	return objs
}

// particles stand between an about-verb and its object.
var particles = map[string]bool{"out": true, "at": true, "on": true, "of": true, "up": true, "down": true, "off": true}

func (s *stage) findCueObjects(st whosaid.Statement) []int {
	if st.Cue == nil || !aboutVerbs[st.Cue.Lemma] {
		return nil
	}
	first, last := s.t.TokenAt(st.Cue.Start), s.t.TokenAt(st.Cue.End-1)
	i := last + 1
	for i < len(s.t.Tokens) && i <= last+objectReach && particles[s.lower(i)] {
		i++
	}
	if i >= len(s.t.Tokens) || s.t.SentenceOf(i) != s.t.SentenceOf(last) {
		return nil
	}
	m := s.mentionAt(i)
	if m < 0 || s.ms.Mentions[m].First < first || s.ms.Mentions[m].Head == "it" {
		return nil
	}
	if s.syn != nil && !nominal[s.syn.XPOS(i)] {
		return nil // "called for", "described how"
	}
	objs := []int{m}
	for j := s.ms.Mentions[m].Last; j+1 < len(s.t.Tokens) && len(objs) < maxObjects; {
		if w := s.t.Str(j); w != "and" && w != "," {
			break
		}
		n := s.mentionAt(j + 1)
		if n < 0 || s.ms.Mentions[n].First != j+1 && s.ms.Mentions[n].Outer != j+1 {
			break
		}
		objs = append(objs, n)
		j = s.ms.Mentions[n].Last
	}
	return objs
}

// maxObjects bounds a list of objects: "accused Smith, Jones and Lee".
const maxObjects = 4

// nominal are the Penn tags that open a noun phrase object.
var nominal = map[string]bool{"NN": true, "NNS": true, "NNP": true, "NNPS": true, "PRP": true, "DT": true,
	"JJ": true, "CD": true, "PRP$": true}

// mentionAt returns the smallest mention holding token i, or -1.
func (s *stage) mentionAt(i int) int { return int(s.ix.smallest[i]) }

// antecedent resolves third-person pronoun mention p of statement st to
// an entity, or -1. Inside quotation marks the speaker would say "I", so
// "he" is someone else: the nearest fitting name before it in the
// quotation, then in its sentence, then the first in the sentences before
// (the subject of the last one, most often). Outside them, in reported
// speech, "he" is most often the speaker ("Okafor said he would
// step aside"): it is someone else only when the quotation names them
// before it, or when it continues a statement by the same speaker about one
// fitting entity ("called Reilly a careful manager and said he did nothing
// wrong").
func (s *stage) antecedent(p, k, speaker int, quoted bool) int {
	pm, st := s.ms.Mentions[p], s.sts[k]
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
	from := sentStart
	if !quoted {
		from = st.Content.Start
	}
	cands := s.ix.between(s.ms, from, pm.Start)
	for k := len(cands) - 1; k >= 0; k-- {
		m := cands[k]
		if s.ms.Mentions[m].End > pm.Start {
			continue
		}
		if e := fits(m); e >= 0 {
			return e
		}
	}
	if !quoted {
		return s.continued(st, pm)
	}
	if plural(pm) {
		// "They" in a quotation is as often people at large as the last
		// group named: only the group its own sentence names, or the one
		// the statement it continues is about, is taken.
		return s.groupContinued(k, speaker)
	}
	for back := 1; back <= maxBack && sent-back >= 0; back++ {
		prev := s.t.Sentences[sent-back]
		for _, m := range s.ix.between(s.ms, prev.Start, prev.End) {
			if s.ms.Mentions[m].Form != mention.Pronoun {
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
	// Statements are in document order: the ones before st in its
	// sentence are just before it.
	at := sort.Search(len(s.sts), func(k int) bool { return s.sts[k].Content.Start >= st.Content.Start })
	for k := at - 1; k >= 0 && k >= at-maxBefore; k-- {
		other := s.sts[k]
		if other.Cue == nil || s.t.SentenceOf(s.t.TokenAt(other.Cue.Start)) != sent {
			break
		}
		if other.SpeakerName == nil || st.SpeakerName == nil || *other.SpeakerName != *st.SpeakerName {
			continue
		}
		for _, m := range s.cueObjects(k) {
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

// groupContinued returns the one group that the statement before
// statement k, a floating quotation of the same speaker, is about; -1
// otherwise.
func (s *stage) groupContinued(k, speaker int) int {
	st := s.sts[k]
	if st.Cue != nil || k == 0 || st.SpeakerName == nil || s.sts[k-1].SpeakerName == nil || *s.sts[k-1].SpeakerName != *st.SpeakerName {
		return -1
	}
	found := -1
	for _, ab := range s.sts[k-1].About {
		if e := s.ents.byName(ab.Name); e >= 0 && e != speaker && ab.Kind == whosaid.Group {
			if found >= 0 {
				return -1
			}
			found = e
		}
	}
	return found
}

func plural(pm mention.Mention) bool {
	return pm.Plural || pm.Head == "they" || pm.Head == "them" || pm.Head == "their"
}

// fits says whether entity e can be what pronoun pm refers to.
func (s *stage) fits(e int, pm mention.Mention) bool {
	g, kind := s.ents.gender[e], s.ents.all[e].Kind
	if plural(pm) {
		// "They" is a group named as one ("Democrats"); an organisation
		// is "it", and a plural in a quotation is as often people at
		// large ("nobody wants their fares raised").
		return kind == whosaid.Group
	}
	// The gender must be known: "she" is no organisation that the
	// mention stage took for a person.
	return kind == whosaid.Person && g == thirdPerson[pm.Head]
}

// vocative says whether mention mm addresses someone rather than talks
// about them: a name between a comma and the end of a sentence ("this
// is serious, Dana.") or between a sentence's opening words and a comma
// ("But, Governor Pence, I've got to ask you").
func (s *stage) vocative(mm mention.Mention) bool {
	if mm.Form != mention.Name || mm.Outer == 0 || mm.Last >= len(s.t.Tokens) {
		return false
	}
	before, after := s.t.Str(mm.Outer-1), s.t.Str(mm.Last)
	if before == "Dear" {
		return true // "Dear Sam,"
	}
	switch after {
	case ".", "?", "!":
		return before == ","
	case ",":
		sent := s.t.Sentences[s.t.SentenceOf(mm.Outer)]
		return before == "," && mm.Outer-1 <= sent.First+1
	}
	return false
}

// placeQualifier says whether mention mm is the state or country after a
// place ("Halifax, N.S.", "Paris, France"), which the mention stage may
// take for an organisation.
func (s *stage) placeQualifier(mm mention.Mention) bool {
	k := mm.Outer
	if k < 2 || s.t.Str(k-1) != "," || !s.t.Tokens[k-2].Upper {
		return false
	}
	// The place before may be a mention the entities leave out when the
	// qualifier is abbreviated ("Charlotte, N.C.": a city, though a
	// woman's name).
	p := s.ix.smallest[k-2]
	return p < 0 || mm.Last-mm.First == 1 && abbreviated(s.t.Str(mm.First)) && s.ents.ofMention(int(p)) < 0
}

// abbreviated says whether w is written as an abbreviation of a state or a
// country: "N.C.", "NH", "U.K.".
func abbreviated(w string) bool {
	return strings.HasSuffix(w, ".") || len(w) <= 2 && strings.ToUpper(w) == w
}

// maxTitle is how many words a title in quotation marks may have: "State
// of the Harbour", "Meet the Press".
const maxTitle = 6

// titleWords are the lower-case words a title in title case may hold.
var titleWords = setOf(`of the and a an in on for to at with from by`)

// title says whether name mention mm stands in quotation marks that hold a
// few words in title case and nothing else: a title or a nickname
// ("hailed Lee as 'The Closer'", "said on 'State of the Harbour'"), not
// someone the statement is about.
func (s *stage) title(mm mention.Mention) bool {
	open, close := mm.Outer-1, mm.Last
	for open >= 0 && open >= mm.Outer-maxTitle && s.t.Tokens[open].Kind != text.Quote && s.titleWord(open) {
		open--
	}
	for close < len(s.t.Tokens) && close < mm.Last+maxTitle && s.t.Tokens[close].Kind != text.Quote && s.titleWord(close) {
		close++
	}
	if close+1 < len(s.t.Tokens) && (s.t.Str(close) == "," || s.t.Str(close) == ".") && s.t.Tokens[close+1].Kind == text.Quote {
		close++ // "on “Meet the Harbour,” she said"
	}
	if open < 0 || close >= len(s.t.Tokens) || close-open-1 > maxTitle+1 ||
		s.t.Tokens[open].Kind != text.Quote || !s.t.Tokens[open].Opening ||
		s.t.Tokens[close].Kind != text.Quote || s.t.Tokens[close].Opening {
		return false
	}
	for i := mm.Outer; i < mm.Last; i++ {
		if !s.titleWord(i) {
			return false // "and encouraged Americans to" between two quotations
		}
	}
	return true
}

// titleWord says whether token i may be a word of a title in title case.
func (s *stage) titleWord(i int) bool {
	return s.t.Tokens[i].Kind == text.Word && (s.t.Tokens[i].Upper || titleWords[s.t.Str(i)])
}

// speechVerbs after a name make it the source of a statement of its own
// that the content holds ("..., Mr. Okafor said, ..."): a speaker, not
// what the statement is about.
var speechVerbs = map[string]bool{"said": true, "says": true, "told": true, "tells": true, "wrote": true,
	"writes": true, "added": true, "adds": true, "noted": true, "asked": true, "recalled": true, "reported": true,
	"reports": true, "announced": true, "announces": true, "tweeted": true, "stated": true, "explained": true}

// source says whether name mention mm is the source of an attribution
// inside a content: followed by a speech verb, or after "according to"
// in the same clause.
func (s *stage) source(mm mention.Mention) bool {
	if mm.Last < len(s.t.Tokens) && speechVerbs[s.lower(mm.Last)] {
		return true
	}
	sent := s.t.Sentences[s.t.SentenceOf(mm.Outer)]
	for k := mm.Outer - 1; k > sent.First; k-- {
		if s.lower(k) == "to" && s.lower(k-1) == "according" {
			return true
		}
		if s.t.Tokens[k].Kind == text.Quote || s.t.Str(k) == "," {
			return false // "According to the poll, Trump leads"
		}
	}
	return false
}
