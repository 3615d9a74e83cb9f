// Package circumstance is the stage after statement: it gives each
// statement its circumstances as the text tells them — when it was said
// (said_on), where or how (setting), to whom (addressee) and about whom
// (about) — and lists the article's entities.
//
// The circumstances of a statement are read from its frame: the words of
// its sentence outside every statement's content, near its cue or speaker
// ("Varga said at a news conference Thursday"). A time or a place
// inside the content is what the speaker talks about, not when or where
// they spoke.
package circumstance

import (
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/mention"
	"github.com/whosaid/whosaid/syntax"
	"github.com/whosaid/whosaid/text"
	"github.com/whosaid/whosaid/timex"
)

// stage holds one article's analysis while its statements are read.
type stage struct {
	t         *text.Text
	syn       *syntax.Sentences // nil without the syntax stage
	ms        *mention.Set
	published time.Time
	sts       []whosaid.Statement
	inContent []bool // token → inside some statement's content
	ents      entities
	ix        index
	objects   map[int][]int // statement → the mentions that are its cue's objects
}

// Attach fills in said_on, setting, addressee and about of the statements
// of t, in place, and returns the article's people, organisations and
// groups. published anchors relative dates; zero when unknown.
func Attach(t *text.Text, syn *syntax.Sentences, ms *mention.Set, published time.Time, sts []whosaid.Statement) []whosaid.Entity {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	tables, inContent := sc.tables(4, len(t.Tokens))
	s := &stage{t: t, syn: syn, ms: ms, published: published, sts: sts, inContent: inContent}
	s.ix = newIndex(ms, len(t.Tokens), tables)
	s.ents = newEntities(t, ms, &s.ix)
	s.objects = map[int][]int{}
	for _, st := range sts {
		for i := t.TokenAt(st.Content.Start); i < len(t.Tokens) && t.Tokens[i].Start < st.Content.End; i++ {
			s.inContent[i] = true
		}
	}
	for k := range sts {
		f, ok := s.frameOf(k)
		if !ok {
			continue
		}
		sts[k].SaidOn = s.saidOn(f)
		sts[k].Setting = s.setting(f)
		sts[k].Addressee = s.addressee(f)
	}
	for k := range sts {
		sts[k].About = s.about(k)
		if sts[k].SpeakerKind == whosaid.Person && sts[k].SpeakerName != nil {
			g := s.ents.speakerGender(sts[k])
			sts[k].SpeakerGender, sts[k].GenderEvidence = g.Gender.String(), g.Why
		}
	}
	return s.ents.list()
}

// frame is where a statement's circumstances are looked for: its
// sentence, and the tokens of its cue and speaker that they attach to.
type frame struct {
	sent    text.Sentence // tokens [First, Last) and bytes [Start, End)
	anchors []int         // cue and speaker tokens
}

func (s *stage) frameOf(k int) (frame, bool) {
	st := s.sts[k]
	if st.Cue == nil {
		return frame{}, false // a floating quote: its circumstances are its neighbour's
	}
	var f frame
	for _, sp := range []*whosaid.Span{&st.Cue.Span, st.Speaker} {
		if sp == nil {
			continue
		}
		for i := s.t.TokenAt(sp.Start); i < len(s.t.Tokens) && s.t.Tokens[i].Start < sp.End; i++ {
			f.anchors = append(f.anchors, i)
		}
	}
	first := s.t.TokenAt(st.Cue.Start)
	if first >= len(s.t.Tokens) || s.inContent[first] {
		// A statement reported inside another's content ("Trump said
		// Clinton once described ...") has none of the outer one's
		// circumstances.
		return frame{}, false
	}
	// The frame runs from the cue's sentence to the content's nearest end:
	// a sentence may be split wrongly between them ("announced on Oct. | 2
	// that").
	f.sent = s.t.Sentences[s.t.SentenceOf(first)]
	c := s.t.TokenAt(st.Content.Start)
	if st.Content.Start < st.Cue.Start {
		c = s.t.TokenAt(st.Content.End - 1)
	}
	if c < len(s.t.Tokens) {
		cs := s.t.Sentences[s.t.SentenceOf(c)]
		f.sent.First, f.sent.Last = min(f.sent.First, cs.First), max(f.sent.Last, cs.Last)
		f.sent.Start, f.sent.End = s.t.Tokens[f.sent.First].Start, s.t.Tokens[f.sent.Last-1].End
	}
	return f, true
}

// blockers open a clause of their own: a time or place after one of them
// belongs to that clause ("Reilly, who resigned on Oct. 3, said").
var blockers = map[string]bool{"who": true, "which": true, "whose": true, "whom": true, "when": true, "where": true,
	"after": true, "before": true, "because": true, "while": true, "since": true, "until": true, "if": true,
	"although": true, "though": true, "as": true, ";": true}

// maxGap is how many frame words may stand between a circumstance and the
// cue or speaker it belongs to: "said at a news conference Thursday".
const maxGap = 6

// near says whether the frame tokens [first, last) attach to the cue or
// speaker: few frame words between, no clause opening between, and no
// content in them.
func (s *stage) near(f frame, first, last int) bool {
	for i := first; i < last; i++ {
		if s.inContent[i] {
			return false
		}
	}
	best := -1
	for _, a := range f.anchors {
		lo, hi := a+1, first
		if a >= last {
			lo, hi = last, a
		} else if a >= first {
			return true
		}
		gap, ok := 0, true
		for i := lo; i < hi && ok; i++ {
			if s.inContent[i] {
				continue
			}
			gap++
			ok = !blockers[s.lower(i)]
		}
		if ok && (best < 0 || gap < best) {
			best = gap
		}
	}
	return best >= 0 && best <= maxGap
}

// notWhen are the words before a date that make it something other than
// the time of speaking: "since March", "until Friday", "by 2020".
// So do the words of an approximation ("more than 20 years ago") and an
// article: "the Nov. 8 vote" names an event.
var notWhen = map[string]bool{"since": true, "until": true, "till": true, "by": true, "before": true,
	"after": true, "from": true, "through": true, "to": true, "of": true, "for": true, "between": true,
	"than": true, "about": true, "nearly": true, "almost": true, "around": true, "roughly": true,
	"some": true, "over": true, "within": true, "the": true}

// saidOn resolves the first time expression of the frame that attaches to
// its cue or speaker and is not in the future.
func (s *stage) saidOn(f frame) *whosaid.SaidOn {
	has := false
	for i := f.sent.First; i < f.sent.Last && !has; i++ {
		has = !s.inContent[i] && timex.IsTimeWord(s.t.Str(i))
	}
	if !has {
		return nil
	}
	base := s.t.Tokens[f.sent.First].Start
	end := s.t.Tokens[f.sent.Last-1].End
	for _, e := range timex.Find(s.t.Src[base:end], s.published) {
		first := s.t.TokenAt(base + e.Start)
		last := s.t.TokenAt(base+e.End-1) + 1
		prev := ""
		if first > f.sent.First {
			prev = s.lower(first - 1)
		}
		// A possessive weekday is the occasion of speech after a setting
		// preposition ("at Monday's debate"), and something else's
		// elsewhere ("called Friday's decision a win"); a date in
		// quotation marks is a title ("Fox News Sunday").
		possessive := last < f.sent.Last && isPossessive(s.t.Str(last))
		if notWhen[prev] || possessive && !settingPrepositions[prev] || s.quoted(base+e.Start) ||
			!s.near(f, first, last) || s.subordinate(f, first) || !s.published.IsZero() && e.Date.After(s.published) {
			continue
		}
		return &whosaid.SaidOn{Value: e.Date.Value(), Granularity: string(e.Date.Granularity),
			Evidence: whosaid.NewSpan(s.t.Src, base+e.Start, base+e.End)}
	}
	return nil
}

// lower is token i in lower case, without allocating for the lower-case
// words that most are.
func (s *stage) lower(i int) string {
	if !s.t.Tokens[i].Upper {
		return s.t.Str(i)
	}
	return s.t.Lower(i)
}

// subordinate says whether frame token i stands in a clause of its own:
// a clause opener between it and the nearest cue or speaker word, comma
// or frame start to its left ("Lee, who left the board in 2011, said").
func (s *stage) subordinate(f frame, i int) bool {
	for k := i - 1; k >= f.sent.First; k-- {
		if s.isAnchor(f, k) || s.t.Str(k) == "," {
			return false
		}
		if blockers[s.lower(k)] {
			return true
		}
	}
	return false
}
