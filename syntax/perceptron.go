package syntax

import (
	"cmp"
	"math"
	"slices"
)

// parserPruneThreshold drops averaged parser weights of smaller magnitude
// from the model. Those are mostly features updated once or twice; on EWT dev
// pruning at 1.5 keeps about 80 % of the features of pruning at 0.99, with the
// same accuracy (baseline features: -0.4 UAS; with moreFeatures: +0.03 UAS),
// so lookups stay fast. The taggers are small, so they keep all but the
// tiniest weights.
const (
	parserPruneThreshold = 1.5
	taggerPruneThreshold = 0.5
)

// entry is one (class, weight) pair of a feature's sparse weight vector during
// training, with the bookkeeping for lazy averaging.
type entry struct {
	class int32
	stamp int32   // update step when weight last changed
	w     float32 // current weight
	total float64 // sum of w over steps up to stamp
}

// perceptron is an averaged multi-class perceptron with sparse per-feature
// class vectors, so memory grows with updates rather than features x classes.
type perceptron struct {
	nClasses int
	index    map[uint64]int32 // feature key -> row in rows
	rows     [][]entry
	step     int32 // number of training decisions seen
}

func newPerceptron(nClasses int) *perceptron {
	return &perceptron{nClasses: nClasses, index: make(map[uint64]int32)}
}

// score adds the current (non-averaged) weights of feats into scores.
func (p *perceptron) score(feats []uint64, scores []float32) {
	clear(scores)
	for _, f := range feats {
		row, ok := p.index[f]
		if !ok {
			continue
		}
		for _, e := range p.rows[row] {
			scores[e.class] += e.w
		}
	}
}

// tick advances the averaging clock by one decision.
func (p *perceptron) tick() { p.step++ }

// update moves weights towards truth and away from guess.
func (p *perceptron) update(feats []uint64, truth, guess int) {
	if truth == guess {
		return
	}
	for _, f := range feats {
		row := p.row(f)
		p.bump(row, truth, 1)
		p.bump(row, guess, -1)
	}
}

// add adds delta to the weight of class for each of feats.
func (p *perceptron) add(feats []uint64, class int, delta float32) {
	for _, f := range feats {
		p.bump(p.row(f), class, delta)
	}
}

// row returns the row of feature f, adding an empty one for a new feature.
func (p *perceptron) row(f uint64) int32 {
	row, ok := p.index[f]
	if !ok {
		row = int32(len(p.rows))
		p.index[f] = row
		p.rows = append(p.rows, nil)
	}
	return row
}

func (p *perceptron) bump(row int32, class int, delta float32) {
	r := p.rows[row]
	for i := range r {
		if r[i].class == int32(class) {
			e := &r[i]
			e.total += float64(p.step-e.stamp) * float64(e.w)
			e.stamp = p.step
			e.w += delta
			return
		}
	}
	p.rows[row] = append(r, entry{class: int32(class), stamp: p.step, w: delta})
}

// averaged returns the averaged weights as a compact read-only table.
// Weights are rounded to bfloat16 precision (what the model file stores) and
// entries whose magnitude is below prune are dropped. Feature keys are cut to
// 32 bits; the rare features that then collide are merged, exactly as they
// would share a slot at run time.
func (p *perceptron) averaged(prune float32) *weights { return averageModels([]*perceptron{p}, prune) }

// averageModels is averaged for the mean of several perceptrons over the same
// classes: the linear models' mean scores every decision as the ensemble of
// the models would.
func averageModels(ps []*perceptron, prune float32) *weights {
	var keys []uint64
	for _, p := range ps {
		for k := range p.index {
			keys = append(keys, k)
		}
	}
	// Fixed order so the output never depends on map iteration.
	slices.SortFunc(keys, func(a, b uint64) int {
		return cmp.Or(cmp.Compare(shortKey(a), shortKey(b)), cmp.Compare(a, b))
	})
	keys = slices.Compact(keys)
	nClasses := ps[0].nClasses
	b := newWeightsBuilder(nClasses, len(keys))
	sums := make([]float64, nClasses)
	var cls []uint8
	var ws []float32
	for i := 0; i < len(keys); {
		short := shortKey(keys[i])
		clear(sums)
		for ; i < len(keys) && shortKey(keys[i]) == short; i++ {
			for _, p := range ps {
				row, ok := p.index[keys[i]]
				if !ok {
					continue
				}
				steps := math.Max(float64(p.step), 1) * float64(len(ps))
				for _, e := range p.rows[row] {
					sums[e.class] += (e.total + float64(p.step-e.stamp)*float64(e.w)) / steps
				}
			}
		}
		cls, ws = cls[:0], ws[:0]
		for c, sum := range sums {
			avg := toBfloat16(float32(sum))
			if avg > prune || avg < -prune {
				cls = append(cls, uint8(c))
				ws = append(ws, avg)
			}
		}
		if len(cls) > 0 {
			b.add(short, cls, ws)
		}
	}
	return b.build()
}

// toBfloat16 rounds v to the nearest bfloat16 (the top 16 bits of a float32).
func toBfloat16(v float32) float32 {
	bits := math.Float32bits(v)
	bits += 0x7fff + (bits>>16)&1
	return math.Float32frombits(bits &^ 0xffff)
}

// weights is the frozen model: an open-addressing hash table from 32-bit
// feature key to a run of weights. Each slot packs key, start and length
// into one word. A run is sparse, a list of (class, weight) pairs that packs
// a bfloat16 weight with its class into 32 bits, or, for a feature with
// weights for denseMin classes or more, dense (length 0): a row of one
// bfloat16 weight per class, classes padded to a multiple of 8 with zeros,
// two to a 32-bit word (class 2k in the low half of word k), which
// addDense adds eight classes at a time. A lookup touches two cache lines
// or a few more for a dense row. It is read-only and safe for concurrent
// use.
type weights struct {
	nClasses int
	slots    []uint64 // key<<32 | start<<8 | length; key emptyKey marks a free slot
	mask     uint32
	pairs    []uint32 // sparse runs (bfloat16 weight bits<<16 | class) and dense rows
	count    int      // number of features stored
}

// denseMin is the number of weights from which a feature's run is stored
// as a dense row. A dense row of the models' 102 or 103 classes is 13
// additions of eight classes; from 16 weights that costs fewer
// instructions than adding the pairs one by one (in a count of the
// pipeline's instructions over GGT dev, a threshold of 16 beat 52 and
// more), and the tables grow by 9 %. Adding a dense row's zeros leaves the
// scores as the sparse run does: x + 0 is x, and no score is ever -0.
const denseMin = 16

// denseWords is the number of 32-bit words of a dense row of n classes.
func denseWords(n int) int { return (n + 7) / 8 * 4 }

// emptyKey marks a free slot; shortKey never returns it.
const emptyKey = 0

// maxPairs is the most (class, weight) pairs a slot's 24-bit start can address.
const maxPairs = 1 << 24

// shortKey folds a 64-bit feature hash to the 32-bit key stored in the model.
func shortKey(k uint64) uint32 {
	s := uint32(k)
	if s == emptyKey {
		return 1
	}
	return s
}

func packPair(class uint8, w float32) uint32 {
	return math.Float32bits(toBfloat16(w))&^0xffff | uint32(class)
}

type weightsBuilder struct {
	nClasses int
	keys     []uint32
	spans    []uint32 // start<<8 | length
	pairs    []uint32
}

func newWeightsBuilder(nClasses, capacity int) *weightsBuilder {
	return &weightsBuilder{nClasses: nClasses, keys: make([]uint32, 0, capacity)}
}

// add appends one feature; keys must be distinct and cls at most 255 long.
func (b *weightsBuilder) add(key uint32, cls []uint8, ws []float32) {
	b.keys = append(b.keys, key)
	if len(cls) >= denseMin {
		b.spans = append(b.spans, uint32(len(b.pairs))<<8)
		start := len(b.pairs)
		b.pairs = append(b.pairs, make([]uint32, denseWords(b.nClasses))...)
		for i, c := range cls {
			b.pairs[start+int(c)/2] |= packPair(0, ws[i]) >> (16 * (1 - uint32(c)%2))
		}
	} else {
		b.spans = append(b.spans, uint32(len(b.pairs))<<8|uint32(len(cls)))
		for i, c := range cls {
			b.pairs = append(b.pairs, packPair(c, ws[i]))
		}
	}
	if len(b.pairs) >= maxPairs {
		panic("syntax: model too large for the weight table") // ~16M pairs; models are far smaller
	}
}

func (b *weightsBuilder) build() *weights {
	w := newTable(b.nClasses, len(b.keys))
	w.pairs = b.pairs
	for i, k := range b.keys {
		w.insert(k, b.spans[i])
	}
	return w
}

// newTable returns an empty table for n features, without pairs; a load
// factor of at most 0.5 keeps probes short.
func newTable(nClasses, n int) *weights {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return &weights{nClasses: nClasses, slots: make([]uint64, size), mask: uint32(size - 1)}
}

// insert adds feature k with its run of pairs (start<<8 | length); k must
// not be in the table yet.
func (w *weights) insert(k, span uint32) {
	s := k & w.mask
	for uint32(w.slots[s]>>32) != emptyKey {
		s = (s + 1) & w.mask
	}
	w.slots[s] = uint64(k)<<32 | uint64(span)
	w.count++
}

// score adds the weights of feats into scores (which it clears first).
// It works in chunks, first loading every feature's home slot and then
// following them, so the independent cache misses overlap instead of queueing.
// Adding the (class, weight) pairs is most of the time of tagging and
// parsing; through a [256]float32 view of scores (see newScores) the byte
// class index needs no bounds check.
func (w *weights) score(feats []uint64, scores []float32) {
	clear(scores)
	if cap(scores) < 256 {
		full := newScores(len(scores))
		w.score(feats, full)
		copy(scores, full)
		return
	}
	sc := (*[256]float32)(scores[:256])
	dense := uint32(denseWords(w.nClasses))
	var touch uint32 // see below
	const chunk = 64
	var slots [chunk]uint64
	var spans [chunk]uint32
	for len(feats) > 0 {
		part := feats[:min(chunk, len(feats))]
		feats = feats[len(part):]
		for i, f := range part {
			slots[i] = w.slots[shortKey(f)&w.mask]
		}
		n := 0
		for i, f := range part {
			k := shortKey(f)
			s, slot := k&w.mask, slots[i]
			for uint32(slot>>32) != k && uint32(slot>>32) != emptyKey {
				s = (s + 1) & w.mask
				slot = w.slots[s]
			}
			if uint32(slot>>32) == k {
				spans[n] = uint32(slot)
				n++
			}
		}
		// Touch the first and last pair of every run before adding any, so
		// their cache misses overlap too (scoring is about 15 % faster).
		for _, span := range spans[:n] {
			start, end := span>>8, span>>8+span&0xff-1
			if span&0xff == 0 {
				end = start + dense - 1
			}
			touch ^= w.pairs[start] ^ w.pairs[end]
		}
		w.accumulate(sc, spans[:n])
	}
	// A use of touch keeps the loads: a store past the classes, never read.
	if touch == 0 && len(scores) < 256 {
		sc[255] = 0
	}
}

// accumulateGo adds the runs of spans (slots' low words) to sc in their
// order: the adding of score, in Go (see accumulate).
func (w *weights) accumulateGo(sc *[256]float32, spans []uint32) {
	dense := uint32(denseWords(w.nClasses))
	for _, span := range spans {
		start := span >> 8
		if span&0xff == 0 {
			row := w.pairs[start : start+dense]
			addDense(sc, &row[0], len(row)/4)
			continue
		}
		for _, p := range w.pairs[start : start+span&0xff] {
			sc[uint8(p)] += math.Float32frombits(p &^ 0xffff)
		}
	}
}

// newScores returns a zeroed score vector of n classes whose capacity allows
// the [256]float32 view used by (*weights).score.
func newScores(n int) []float32 { return make([]float32, n, 256) }
