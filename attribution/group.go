package attribution

import (
	"math"
	"slices"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/text"
)

// Attribution is one attribution the model found: what was said or
// thought (Content), the expression that attributes it (Cue) and who it
// is attributed to, as written (Source).
type Attribution struct {
	Type    whosaid.StatementType
	Content whosaid.Span
	Cue     *whosaid.Span // nil when the model found none nearby
	Source  *whosaid.Span // nil when the model found none nearby
	// Score in [0, 1] grows with how clearly the model preferred its tags
	// for the content tokens over the runner-up tags; 0 for a content
	// inferred around a lone cue. Not calibrated.
	Score float64
}

// span is a run of tokens [first, last) with one role.
type span struct {
	role        Role
	first, last int
}

// maxLinkGap bounds how many tokens may separate a content from the cue
// it is linked to.
const maxLinkGap = 40

// group turns the tags of an article into attributions: content runs
// interrupted only by a cue or source ("Acts of protest, Mr. Obama said,
// are …") become one content, as PolNeAR annotates them as one
// discontinuous span; each content then takes the nearest cue in its own
// or an adjacent sentence of the paragraph, and the source nearest that
// cue. edges returns the final edges of each content (the refiner's
// choice, or the tagger's).
func group(ctx *docContext, tags []Tag, margin []float32, edges func(edgeSpan) (first, last int)) []Attribution {
	t := ctx.t
	var runs []span
	for i, g := range tags {
		r := g.Role()
		if r == NoRole {
			continue
		}
		if g.begins() || len(runs) == 0 || runs[len(runs)-1].role != r || runs[len(runs)-1].last != i {
			runs = append(runs, span{role: r, first: i, last: i + 1})
			continue
		}
		runs[len(runs)-1].last = i + 1
	}

	runs = ctx.splitCues(runs)

	var contents []span
	var cues, sources []span
	for k := 0; k < len(runs); k++ {
		r := runs[k]
		switch r.role {
		case CueRole:
			cues = append(cues, r)
		case SourceRole:
			sources = append(sources, r)
		case ContentRole:
			if n := len(contents); n > 0 && ctx.interrupted(contents[n-1], r, tags) {
				contents[n-1].last = r.last
				continue
			}
			contents = append(contents, r)
		}
	}

	out := make([]Attribution, 0, len(contents))
	usedCue := make([]bool, len(cues))
	usedSource := make([]bool, len(sources))
	for q := 0; q < len(contents); q++ {
		c := contents[q]
		// The refiner sees the cue the content would take as tagged.
		es := edgeSpan{role: ContentRole, first: c.first, last: c.last, cueFirst: -1, cueLast: -1}
		if k, ok := ctx.nearest(cues, c, c); ok {
			es.cueFirst, es.cueLast = cues[k].first, cues[k].last
		} else if k, colon, ok := ctx.introducedBy(cues, usedCue, c); ok {
			es.cueFirst, es.cueLast = cues[k].first, colon+1
		}
		tagged := c
		c.first, c.last = edges(es)
		if rest, ok := ctx.restAfterCue(c.last, tagged.last, tags); ok {
			// "Y mocked the complaint, saying …": the refiner ended the
			// first content before a cue the tagger had taken into it,
			// and what follows that cue is a content of its own.
			contents = append(contents, rest)
		}
		var a Attribution
		sum := float32(0)
		for i := c.first; i < c.last; i++ {
			sum += margin[i]
		}
		a.Score = max(0, 1-math.Exp(-float64(sum)/float64(c.last-c.first)/10))
		anchor, within := c, c
		cue := span{first: -1, last: -1}
		if k, ok := ctx.nearest(cues, c, c); ok {
			usedCue[k] = true
			cue = cues[k]
			a.Cue = ptr(tokenSpan(t, cue))
			anchor = cues[k]
		} else if k, colon, ok := ctx.introducedBy(cues, usedCue, tagged); ok {
			usedCue[k] = true
			cue = cues[k]
			cue.last = colon + 1
			a.Cue = ptr(tokenSpan(t, cue))
			anchor, within = cues[k], cues[k]
		}
		if k, ok := ctx.nearest(sources, anchor, within); ok {
			usedSource[k] = true
			a.Source = ptr(tokenSpan(t, refineSource(sources[k], cue, edges)))
		}
		a.Content, a.Type = tokenSpan(t, c), contentType(t, c)
		out = append(out, a)
	}
	// A cue the tagger found without a content nearby still marks an
	// attribution: its content is the untagged rest of the sentence.
	for k, cue := range cues {
		if usedCue[k] {
			continue
		}
		c, ok := ctx.guessContent(cue, tags)
		if ok {
			c.first, c.last = edges(edgeSpan{role: ContentRole, first: c.first, last: c.last, cueFirst: cue.first, cueLast: cue.last})
		}
		if next, colon, below := ctx.setOffBelow(cue); !ok && below {
			// "Reporter Ann Lee says:" and the next paragraph.
			c, ok = next, true
			cue.last = colon + 1
		}
		if !ok {
			// Otherwise it is a second attribution of the nearest content.
			j, ok := ctx.nearest(contents, cue, cue)
			if !ok {
				continue
			}
			c = contents[j]
		}
		a := Attribution{Content: tokenSpan(t, c), Type: contentType(t, c), Cue: ptr(tokenSpan(t, cue))}
		if k, ok := ctx.nearest(sources, cue, cue); ok && !usedSource[k] {
			usedSource[k] = true
			a.Source = ptr(tokenSpan(t, refineSource(sources[k], cue, edges)))
		}
		out = append(out, a)
	}
	slices.SortStableFunc(out, func(x, y Attribution) int { return x.Content.Start - y.Content.Start })
	return out
}

// restAfterCue returns the content tokens in [from, to) that follow a
// cue there, as one content.
func (ctx *docContext) restAfterCue(from, to int, tags []Tag) (span, bool) {
	cue := false
	for i := from; i < to; i++ {
		switch tags[i].Role() {
		case CueRole:
			cue = true
		case ContentRole:
			if cue {
				return span{role: ContentRole, first: i, last: to}, true
			}
		}
	}
	return span{}, false
}

// refineSource returns a source with the edges the refiner chooses for
// it, seen from its cue (first < 0 when none).
func refineSource(source, cue span, edges func(edgeSpan) (int, int)) span {
	source.first, source.last = edges(edgeSpan{role: SourceRole, first: source.first, last: source.last, cueFirst: cue.first, cueLast: cue.last})
	return source
}

// keepEdges keeps the tagger's edges of a content.
func keepEdges(s edgeSpan) (int, int) { return s.first, s.last }

func ptr[T any](v T) *T { return &v }

// nominal holds the Penn tags of the words a noun phrase is made of.
var nominal = map[string]bool{"NN": true, "NNS": true, "NNP": true, "NNPS": true, "DT": true, "PDT": true, "CD": true, "POS": true}

// splitCues takes out of a cue run the noun phrase it starts with when a
// verb follows ("voters saying", "The petition accuses", "this month
// rejected"): the cue is the verb group, and the phrase before it is the
// source or lies outside the attribution. The verb must be finite, or
// follow a noun rather than a determiner ("a glowing endorsement"), and
// not be a form of "be", as in "his concern is", where the noun is the
// cue. The words join a source run that ends where they start.
func (ctx *docContext) splitCues(runs []span) []span {
	out := runs[:0:0]
	for _, r := range runs {
		k := r.first
		for r.role == CueRole && k < r.last-1 && nominal[ctx.pos[k]] {
			k++
		}
		if k == r.first || !ctx.verbAfterNoun(k) {
			out = append(out, r)
			continue
		}
		if n := len(out); n > 0 && out[n-1].role == SourceRole && out[n-1].last == r.first {
			out[n-1].last = k
		}
		out = append(out, span{role: CueRole, first: k, last: r.last})
	}
	return out
}

// verbAfterNoun says whether token k, which follows a noun phrase, is a
// verb that can head a cue.
func (ctx *docContext) verbAfterNoun(k int) bool {
	switch ctx.low[k] {
	case "be", "being", "'s", "'re":
		return false
	}
	if irregular[ctx.low[k]] == "be" {
		return false
	}
	switch ctx.pos[k] {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	case "VB", "VBG", "VBN":
		return ctx.pos[k-1] != "DT" && ctx.pos[k-1] != "PDT"
	}
	return false
}

// setOffBelow returns the paragraph after a cue that ends its own with a
// colon, and the colon.
func (ctx *docContext) setOffBelow(cue span) (span, int, bool) {
	t := ctx.t
	pi := t.Sentences[ctx.sentence[cue.first]].Paragraph
	colon := cue.last
	if t.Str(colon-1) == ":" {
		colon--
	}
	if pi+1 >= len(t.Paragraphs) || colon != t.Paragraphs[pi].Last-1 || t.Str(colon) != ":" {
		return span{}, 0, false
	}
	next := t.Paragraphs[pi+1]
	return span{role: ContentRole, first: next.First, last: next.Last}, colon, next.Last > next.First
}

// introducedBy finds the cue of a content that opens a paragraph after
// one that ends in a cue and a colon ("The governor added:" and the quote
// set off below it), a layout that links an attribution across
// paragraphs. It returns the cue and the colon, which PolNeAR counts as
// part of the cue.
func (ctx *docContext) introducedBy(cues []span, used []bool, c span) (int, int, bool) {
	t := ctx.t
	pi := t.Sentences[ctx.sentence[c.first]].Paragraph
	p := t.Paragraphs[pi]
	first := p.First
	if first < p.Last && t.Tokens[first].Kind == text.Quote {
		first++
	}
	if pi == 0 || c.first != p.First && c.first != first {
		return 0, 0, false
	}
	prev := t.Paragraphs[pi-1]
	colon := prev.Last - 1
	if colon < prev.First || t.Str(colon) != ":" {
		return 0, 0, false
	}
	for k, cue := range cues {
		if !used[k] && (cue.last == colon || cue.last == colon+1) {
			return k, colon, true
		}
	}
	return 0, 0, false
}

// guessContent returns the untagged tokens of the cue's sentence on the
// side of the cue that has more of them, without a leading "that" or
// punctuation at either end.
func (ctx *docContext) guessContent(cue span, tags []Tag) (span, bool) {
	s := ctx.t.Sentences[ctx.sentence[cue.first]]
	after := span{role: ContentRole, first: cue.last, last: cue.last}
	for after.last < s.Last && tags[after.last] == Outside {
		after.last++
	}
	before := span{role: ContentRole, first: cue.first, last: cue.first}
	for before.first > s.First && tags[before.first-1] == Outside {
		before.first--
	}
	c := after
	if before.last-before.first > after.last-after.first {
		c = before
	}
	for c.first < c.last && (ctx.low[c.first] == "that" || ctx.t.Tokens[c.first].Kind == text.Punct) {
		c.first++
	}
	for c.last > c.first && ctx.t.Tokens[c.last-1].Kind == text.Punct {
		c.last--
	}
	return c, c.last-c.first >= 3
}

// interrupted reports whether content runs a and b (a before b) are one
// content broken by its attribution: nothing between them but cue,
// source and punctuation, with at least one cue or source and at most one
// cue, and either
// the same sentence or a quotation resumed in the next one ("“Q1,” she
// said. “Q2.”", which PolNeAR annotates as one content: 1,451 of the
// 19,832 contents of PolNeAR train).
func (ctx *docContext) interrupted(a, b span, tags []Tag) bool {
	if sa, sb := ctx.sentence[a.last-1], ctx.sentence[b.first]; sa != sb && !ctx.quoteResumed(a, b) {
		return false
	}
	attributed, cues, roleTokens := false, 0, 0
	participle := false
	for i := a.last; i < b.first; i++ {
		switch {
		case tags[i].Role() == CueRole || tags[i].Role() == SourceRole:
			attributed = true
			roleTokens++
			if tags[i].Role() == CueRole && (i == a.last || tags[i-1].Role() != CueRole || tags[i].begins()) {
				cues++
				participle = ctx.pos[i] == "VBG" && i > a.last && setsOff[ctx.low[i-1]]
			}
		case ctx.t.Tokens[i].Kind == text.Word || ctx.t.Tokens[i].Kind == text.Number:
			return false
		}
	}
	// Two cues between them ("…,” he said, adding “…”) make two
	// attributions, and so does a participle set off alone ("X denied
	// the report, saying …"), which PolNeAR annotates as an attribution
	// of its own with the first one's source.
	return attributed && cues <= 1 && !(participle && roleTokens == 1)
}

// setsOff holds the marks that set off a participle clause.
var setsOff = map[string]bool{",": true, "—": true, "--": true, "–": true}

// quoteResumed reports whether content a ends a quotation in one
// sentence and content b opens one at the start of the next sentence of
// the same paragraph; a quotation opened after an attribution that
// starts its sentence ("“Q1.” She added, “Q2.”") is a new content.
func (ctx *docContext) quoteResumed(a, b span) bool {
	t := ctx.t
	sa, sb := ctx.sentence[a.last-1], ctx.sentence[b.first]
	end, open := t.Tokens[a.last-1], t.Tokens[b.first]
	return sb == sa+1 && t.Sentences[sa].Paragraph == t.Sentences[sb].Paragraph &&
		end.Kind == text.Quote && !end.Opening && open.Kind == text.Quote && open.Opening &&
		t.Sentences[sb].First == b.first
}

// nearest returns the index of the span of cands closest to anchor that
// lies in the same paragraph as within and in its sentence or an adjacent
// one; the sentence of anchor is preferred.
func (ctx *docContext) nearest(cands []span, anchor, within span) (int, bool) {
	t := ctx.t
	para := t.Sentences[ctx.sentence[within.first]].Paragraph
	lo, hi := ctx.sentence[within.first]-1, ctx.sentence[within.last-1]+1
	best, bestCost := -1, math.MaxInt
	for k, s := range cands {
		si := ctx.sentence[s.first]
		if si < lo || si > hi || t.Sentences[si].Paragraph != para {
			continue
		}
		gap := 0
		switch {
		case s.last <= anchor.first:
			gap = anchor.first - s.last
		case s.first >= anchor.last:
			gap = s.first - anchor.last
		}
		if gap > maxLinkGap {
			continue
		}
		cost := gap
		if si < ctx.sentence[anchor.first] || si > ctx.sentence[anchor.last-1] {
			cost += maxLinkGap
		}
		if cost < bestCost {
			best, bestCost = k, cost
		}
	}
	return best, best >= 0
}

func tokenSpan(t *text.Text, s span) whosaid.Span {
	return whosaid.NewSpan(t.Src, t.Tokens[s.first].Start, t.Tokens[s.last-1].End)
}

// contentType is direct when the content is wholly quoted (from its
// first mark to a closing mark at its end, perhaps before final
// punctuation), mixed when it holds a quotation mark, else indirect.
func contentType(t *text.Text, s span) whosaid.StatementType {
	quotes := 0
	for i := s.first; i < s.last; i++ {
		if t.Tokens[i].Kind == text.Quote {
			quotes++
		}
	}
	if quotes == 0 {
		return whosaid.Indirect
	}
	last := s.last - 1
	if t.Tokens[last].Kind == text.Punct && last > s.first {
		last--
	}
	if t.Tokens[s.first].Kind == text.Quote && t.Tokens[last].Kind == text.Quote && quotes == 2 {
		return whosaid.Direct
	}
	return whosaid.Mixed
}

// Statement returns the attribution as a statement record without a
// canonical speaker (the mention stage resolves Source to one).
func (a Attribution) Statement() whosaid.Statement {
	st := whosaid.Statement{
		Type: a.Type, Content: a.Content, Speaker: a.Source,
		SpeakerKind: whosaid.Unknown, Confidence: a.Score, Rule: "learned attribution",
	}
	if a.Cue != nil {
		st.Cue = &whosaid.Cue{Span: *a.Cue, Lemma: lemma(a.Cue.Text)}
	}
	return st
}
