package attribution

import "math/rand/v2"

// After grouping, a decision completes what the tagger left out: an
// attribution with a cue but no source takes the subject of the cue's
// verb (subjectSource) when a linear model over hashed features says
// yes. The model is trained like the refiner on the cross-fitted
// tagger's attributions of PolNeAR train: its examples are the
// candidates a tagger that has not seen the article leaves, labelled by
// the gold source spans.

// decisions holds the weights of the decision; a candidate is accepted
// when its features score above the weight of the "no" feature.
type decisions map[uint32]float32

// noSource is the one feature of the "no" alternative.
var noSource = hashString(fnvOffset, "subject: no")

func (d decisions) yes(feats []uint32) bool {
	v := float32(0)
	for _, h := range feats {
		v += d[h]
	}
	return v > d[noSource]
}

// complete applies the decision to the attributions of a document.
func (d decisions) complete(ctx *docContext, attrs []Attribution) {
	if len(d) == 0 {
		return
	}
	ctx.eachSubject(attrs, func(a *Attribution, s span, feats []uint32) {
		if d.yes(feats) {
			a.Source = ptr(tokenSpan(ctx.t, s))
		}
	})
}

// decisionExamples appends the training examples of the decision that
// the attributions a cross-fitted tagger found in a document give,
// labelled by the document's gold source spans.
func (ctx *docContext) decisionExamples(attrs []Attribution, goldSources []span, examples *[]spanExample) {
	ctx.eachSubject(attrs, func(_ *Attribution, s span, feats []uint32) {
		*examples = append(*examples, decisionExample(feats, containsSpan(goldSources, s)))
	})
}

// eachSubject calls fn with every attribution that has a cue but no
// source and whose cue's verb has a subject, the subject and its
// features.
func (ctx *docContext) eachSubject(attrs []Attribution, fn func(a *Attribution, s span, feats []uint32)) {
	for k := range attrs {
		a := &attrs[k]
		if a.Cue == nil || a.Source != nil {
			continue
		}
		cue, content := ctx.tokensOf(a.Cue.Start, a.Cue.End), ctx.tokensOf(a.Content.Start, a.Content.End)
		if s, path, ok := ctx.subjectSource(cue, content); ok {
			fn(a, s, ctx.sourceFeatures(s, cue, path))
		}
	}
}

// tokensOf returns the tokens that bytes [start, end) cover.
func (ctx *docContext) tokensOf(start, end int) span {
	return span{first: ctx.t.TokenAt(start), last: ctx.t.TokenAt(end-1) + 1}
}

// decisionExample is a yes-or-no choice as a ranking of two
// alternatives, the features or the "no" feature, taught as the start of
// a span with no end (refinerTrainer.learn).
func decisionExample(feats []uint32, yes bool) spanExample {
	ex := spanExample{starts: [][]uint32{feats, {noSource}}, goldEnd: -1}
	if !yes {
		ex.goldStart = 1
	}
	return ex
}

// trainDecisions learns the weights of the decision from its examples.
func trainDecisions(examples []spanExample, epochs int, seed uint64) decisions {
	return decisions(learnRefiner(examples, epochs, rand.New(rand.NewPCG(seed, seed^0x2545f4914f6cdd1d))).w)
}

func containsSpan(spans []span, s span) bool {
	for _, g := range spans {
		if g.first == s.first && g.last == s.last {
			return true
		}
	}
	return false
}
