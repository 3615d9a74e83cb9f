package circumstance

import (
	"strings"

	"github.com/whosaid/whosaid"
)

// settingHeads are the occasions and channels of speech: "at a news
// conference", "in a statement", "during his confirmation hearing".
var settingHeads = map[string]bool{
	"conference": true, "briefing": true, "rally": true, "hearing": true, "statement": true, "interview": true,
	"tweet": true, "tweets": true, "post": true, "posting": true, "speech": true, "letter": true, "email": true,
	"e-mail": true, "remarks": true, "event": true, "debate": true, "testimony": true, "filing": true, "memo": true,
	"appearance": true, "call": true, "address": true, "op-ed": true, "editorial": true, "broadcast": true,
	"podcast": true, "video": true, "meeting": true, "session": true, "summit": true, "forum": true, "hall": true,
	"release": true, "message": true, "sermon": true, "lecture": true, "ceremony": true, "announcement": true,
	"report": true, "blog": true, "column": true, "documentary": true, "show": true, "program": true,
	"programme": true, "dinner": true, "luncheon": true, "gathering": true, "stop": true, "town-hall": true,
	"memoir": true, "book": true, "essay": true, "newsletter": true, "telecast": true, "livestream": true,
	"questioning": true, "deposition": true, "affidavit": true, "complaint": true, "lawsuit": true, "motion": true,
}

// settingPrepositions open a setting phrase.
var settingPrepositions = map[string]bool{"at": true, "in": true, "during": true, "on": true, "via": true, "through": true}

// platforms are where "on X" is a channel of speech, not a topic.
var platforms = map[string]bool{"Twitter": true, "Facebook": true, "Instagram": true, "YouTube": true, "TikTok": true,
	"Telegram": true, "Truth": true, "Threads": true, "LinkedIn": true, "Snapchat": true, "Reddit": true,
	"CNN": true, "MSNBC": true, "Fox": true, "NBC": true, "CBS": true, "ABC": true, "NPR": true, "BBC": true,
	"PBS": true, "Sky": true, "CNBC": true, "C-SPAN": true, "radio": true, "television": true, "TV": true}

// determiners may open the noun phrase of a setting.
var determiners = map[string]bool{"a": true, "an": true, "the": true, "his": true, "her": true, "their": true,
	"its": true, "our": true, "this": true, "that": true, "one": true, "some": true, "many": true,
	"all": true, "most": true, "several": true}

// onHeads are the settings "on" opens besides platforms: "on a conference
// call", "on his radio show"; "on your card statement" is no setting.
var onHeads = map[string]bool{"call": true, "show": true, "program": true, "programme": true, "broadcast": true,
	"podcast": true, "livestream": true, "telecast": true, "blog": true, "video": true}

// maxSettingWords bounds a setting's noun phrase before its head: "at a
// White House news conference".
const maxSettingWords = 5

// setting finds the first setting phrase of the frame that attaches to the
// cue or speaker.
func (s *stage) setting(f frame) *whosaid.Span {
	for i := f.sent.First; i < f.sent.Last; i++ {
		if s.inContent[i] || !settingPrepositions[s.lower(i)] {
			continue
		}
		last := s.settingEnd(i, f.sent.Last)
		if last < 0 || !s.near(f, i, last+1) {
			continue
		}
		last = s.withWhom(last, f.sent.Last)
		sp := whosaid.NewSpan(s.t.Src, s.t.Tokens[i].Start, s.t.Tokens[last].End)
		return &sp
	}
	return nil
}

// settingEnd returns the head token of the setting phrase that
// preposition p opens, or -1.
func (s *stage) settingEnd(p, end int) int {
	prep := s.lower(p)
	if prep == "on" && p+1 < end && platforms[s.t.Str(p+1)] {
		if p+2 < end && s.t.Str(p+2) == "News" {
			return p + 2 // "on Fox News"
		}
		return p + 1
	}
	for i := p + 1; i < end && i <= p+1+maxSettingWords; i++ {
		w := s.t.Str(i)
		low := strings.ToLower(w)
		switch {
		case s.inContent[i]:
			return -1
		case settingHeads[low]:
			if i+1 < end && settingHeads[s.lower(i+1)] {
				continue // "news conference call", "town hall meeting"
			}
			if prep == "on" && !onHeads[low] {
				return -1
			}
			return i
		case i == p+1 && determiners[low]:
		case isWordy(w):
		default:
			return -1
		}
	}
	return -1
}

// isWordy says whether w can stand inside a noun phrase: a word, a
// possessive, a hyphen.
func isWordy(w string) bool {
	if w == "'s" || w == "’s" || w == "-" {
		return true
	}
	for _, r := range w {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-' || r == '.') {
			return false
		}
	}
	return !blockers[strings.ToLower(w)] && !strings.EqualFold(w, "that") && !strings.EqualFold(w, "and")
}

// withWhom extends a setting by its partner: "an interview with CNN", "a
// call with reporters".
func (s *stage) withWhom(head, end int) int {
	if head+2 >= end || s.t.Str(head+1) != "with" {
		return head
	}
	if m, ok := s.ms.StartingAt(head + 2); ok {
		// "an interview with Norway's public radio" would need the
		// phrase after the possessive: the setting stops at "interview".
		if last := s.ms.Mentions[m].Last - 1; last < end && !s.inContent[last] && (last+1 >= end || !isPossessive(s.t.Str(last+1))) {
			return last
		}
	}
	return head
}
