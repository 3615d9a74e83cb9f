package statement

import (
	"log/slog"
	"sync"

	"github.com/whosaid/whosaid/speaker"
)

// ranker is the embedded speaker ranker, loaded on first use; nil (logged
// once) when it cannot be read, and the rules do without.
var ranker = sync.OnceValue(func() *speaker.Model {
	m, err := speaker.Default()
	if err != nil {
		slog.Error("speaker ranker unavailable; the rules work without it", "err", err)
		return nil
	}
	return m
})

// rankedRule marks in a statement's rule that its speaker is the ranker's.
const rankedRule = ", ranked speaker"

// rankSpeakers gives a statement of speech whose cue the rules found no
// speaker for the ranker's best candidate, unless the ranker's best is
// that the source is not in reach. Measured on PolNeAR dev, speech scope:
// source exact F1 52.0 → 52.2, end to end 47.1 → 47.4; GGT dev end to end
// unchanged on every outlet (one statement). In the all scope the learned
// tagger's "no source" stands: there the ranker's mention spans, narrower
// than PolNeAR's sources (which take in appositions), lowered source exact
// F1 (76.2 → 75.8) though end to end rose (66.2 → 67.7).
func (e *extractor) rankSpeakers() {
	m := ranker()
	if m == nil || e.scope != Speech {
		return
	}
	for i := range e.found {
		f := &e.found[i]
		if f.cueFirst < 0 || f.speaker >= 0 || f.floating {
			continue
		}
		ranked := m.Rank(e.t, e.syn, e.ms, f.cueFirst, speaker.Candidates(e.t, e.syn, e.ms, f.cueFirst))
		if ranked[0].Mention == speaker.NoSource {
			continue
		}
		f.speaker = ranked[0].Mention
		f.rule += rankedRule
	}
}
