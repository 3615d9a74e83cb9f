package circumstance

import (
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/mention"
	"github.com/whosaid/whosaid/timex"
)

// tellVerbs take their addressee as object: "told reporters", "informed
// the committee".
var tellVerbs = map[string]bool{"told": true, "tell": true, "tells": true, "telling": true, "informed": true,
	"informs": true, "assured": true, "assures": true, "warned": true, "warns": true, "reminded": true,
	"reminds": true, "briefed": true, "urged": true, "urges": true}

// toVerbs take it after "to": "said to reporters", "wrote to members".
var toVerbs = map[string]bool{"said": true, "says": true, "wrote": true, "writes": true, "spoke": true,
	"speaks": true, "explained": true, "explains": true, "complained": true, "complains": true,
	"announced": true, "announces": true, "confided": true, "confirmed": true, "admitted": true,
	"conceded": true, "acknowledged": true, "declared": true, "stated": true, "testified": true,
}

// maxAddresseeWords bounds an addressee that is not a mention: "members
// of the House Intelligence Committee".
const maxAddresseeWords = 6

// addressee finds to whom the statement was made: the object of "told",
// or what follows "to" after the cue or a setting ("said to reporters",
// "in a letter to members").
func (s *stage) addressee(f frame) *whosaid.Addressee {
	for i := f.sent.First; i < f.sent.Last; i++ {
		if s.inContent[i] {
			continue
		}
		w := s.lower(i)
		start := -1
		switch {
		case tellVerbs[w] && s.isAnchor(f, i):
			start = i + 1
		case w == "to" && i > f.sent.First && (toVerbs[s.lower(i-1)] && s.isAnchor(f, i-1) || settingHeads[s.lower(i-1)] && s.near(f, i-1, i)):
			start = i + 1
		}
		if start < 0 || start >= f.sent.Last || s.inContent[start] {
			continue
		}
		if a := s.addresseeAt(start, f.sent.Last); a != nil {
			return a
		}
	}
	return nil
}

func (s *stage) isAnchor(f frame, i int) bool {
	for _, a := range f.anchors {
		if a == i {
			return true
		}
	}
	return false
}

// addresseeAt reads the addressee phrase starting at token i: a mention
// (with its entity's name when it has one), or a plain noun phrase up to
// a clause, a preposition or punctuation ("reporters"); either may go on
// with "of" and a mention ("members of the Harbour Union").
func (s *stage) addresseeAt(i, end int) *whosaid.Addressee {
	m := s.mentionFrom(i)
	// The tagger is asked only when no mention starts here: tagging costs
	// a sentence.
	if m < 0 && s.syn != nil && !nominal[s.syn.XPOS(i)] {
		return nil // "a motion to dismiss the case"
	}
	last, name := -1, ""
	if m >= 0 {
		mm := s.ms.Mentions[m]
		if mm.Form == mention.Pronoun || mm.Last > end || determiners[strings.ToLower(s.t.Src[mm.Start:mm.End])] {
			return nil // a pronoun or "some" (of the miners) names no one by itself
		}
		last = mm.Last - 1
		if e := s.ents.ofMention(m); e >= 0 && mm.Form == mention.Name {
			name = s.ents.all[e].Name
		}
		if last+1 < end && isPossessive(s.t.Str(last+1)) || strings.HasSuffix(s.t.Str(last), "’s") || strings.HasSuffix(s.t.Str(last), "'s") {
			// "Radio Coast's Ana Diaz" is Ana Diaz; "Radio Coast's
			// 'Early Edition'" and "Mr. Lee's remark" are not
			// read.
			if n := s.mentionFrom(last + 2); n >= 0 && s.ms.Mentions[n].Form == mention.Name && s.ms.Mentions[n].Last <= end {
				return s.addresseeAt(last+2, end)
			}
			return nil
		}
		// A name goes on in capitalised words the mention stage left out
		// ("USA Today", "CBS This Morning") and is only a modifier before
		// a common noun ("the RT America audience").
		for last+1 < end && s.t.Tokens[last+1].Upper && isWordy(s.t.Str(last+1)) && (s.t.Str(last+1) == "Today" || !timex.IsTimeWord(s.t.Str(last+1))) {
			last++
		}
		for last+1 < end && !s.t.Tokens[last+1].Upper && isWordy(s.t.Str(last+1)) && !stopAfterAddressee[s.t.Lower(last+1)] &&
			s.syn != nil && strings.HasPrefix(s.syn.XPOS(last+1), "NN") {
			last, name = last+1, ""
		}
	} else {
		for k := i; k < end && k < i+maxAddresseeWords; k++ {
			w := s.t.Str(k)
			low := strings.ToLower(w)
			if isPossessive(w) {
				return nil // "Radio Coast's 'Early Edition'": the show is not read
			}
			if s.inContent[k] || !isWordy(w) || stopAfterAddressee[low] || k > i && low == "the" || timex.IsTimeWord(w) {
				break
			}
			last = k
		}
		if last < 0 || determiners[s.lower(last)] {
			return nil
		}
	}
	if name == "" && last+2 < end && s.t.Str(last+1) == "of" {
		if m := s.mentionFrom(last + 2); m >= 0 && s.ms.Mentions[m].Form != mention.Pronoun && s.ms.Mentions[m].Last <= end {
			last = s.ms.Mentions[m].Last - 1
		}
	}
	endByte := s.t.Tokens[last].End
	if w := s.t.Str(last); strings.HasSuffix(w, ".") && strings.ToLower(w) == w {
		endByte-- // "told me." ends the sentence, it is no abbreviation
	}
	return &whosaid.Addressee{Span: whosaid.NewSpan(s.t.Src, s.t.Tokens[i].Start, endByte), Name: name}
}

func isPossessive(w string) bool { return w == "'s" || w == "’s" }

// mentionFrom returns the longest mention that starts at token i, titles
// and articles included ("the Senate Finance Committee"), or -1.
func (s *stage) mentionFrom(i int) int {
	return int(s.ix.from[i])
}

// stopAfterAddressee end a plain addressee phrase: "told reporters on
// Thursday that".
var stopAfterAddressee = map[string]bool{"that": true, "on": true, "in": true, "at": true, "during": true,
	"after": true, "before": true, "about": true, "of": true, "for": true, "with": true, "from": true,
	"to": true, "by": true, "he": true, "she": true, "they": true, "it": true, "we": true, "i": true,
	"you": true, "was": true, "were": true, "is": true, "are": true, "would": true, "will": true,
	"had": true, "has": true, "have": true, "last": true, "this": true, "earlier": true, "yesterday": true,
	"today": true, "and": true, "but": true, "how": true, "what": true, "why": true, "whether": true,
	"myself": true, "himself": true, "herself": true, "themselves": true, "ourselves": true, "yourself": true,
	"itself": true}
