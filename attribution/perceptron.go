package attribution

import "math"

// weights is a linear model over hashed features: one score per tag for
// each known feature, plus first-order tag transitions.
type weights struct {
	index map[uint32]int32 // feature hash → row
	rows  []float32        // row*tagCount + tag
	// trans[prev][cur] scores tag bigrams; row tagCount is the start of a
	// sequence.
	trans [tagCount + 1][tagCount]float32
}

// emissions returns the per-token tag scores of a sequence.
func (w *weights) emissions(feats [][]uint32) [][tagCount]float32 {
	out := make([][tagCount]float32, len(feats))
	for k, fs := range feats {
		for _, h := range fs {
			row, ok := w.index[h]
			if !ok {
				continue
			}
			r := w.rows[int(row)*int(tagCount) : int(row+1)*int(tagCount)]
			for g := range tagCount {
				out[k][g] += r[g]
			}
		}
	}
	return out
}

// viterbi returns the best well-formed tag sequence for the emission
// scores under the transition scores.
func viterbi(em [][tagCount]float32, trans *[tagCount + 1][tagCount]float32) []Tag {
	n := len(em)
	if n == 0 {
		return nil
	}
	negInf := float32(math.Inf(-1))
	score := make([][tagCount]float32, n)
	back := make([][tagCount]Tag, n)
	for g := range tagCount {
		score[0][g] = negInf
		if allowed(Outside, g) {
			score[0][g] = em[0][g] + trans[tagCount][g]
		}
	}
	for k := 1; k < n; k++ {
		for g := range tagCount {
			best, arg := negInf, Outside
			for p := range tagCount {
				if !allowed(p, g) || score[k-1][p] == negInf {
					continue
				}
				if s := score[k-1][p] + trans[p][g]; s > best {
					best, arg = s, p
				}
			}
			score[k][g] = best + em[k][g]
			back[k][g] = arg
		}
	}
	tags := make([]Tag, n)
	best := negInf
	for g := range tagCount {
		if score[n-1][g] > best {
			best, tags[n-1] = score[n-1][g], g
		}
	}
	for k := n - 1; k > 0; k-- {
		tags[k-1] = back[k][tags[k]]
	}
	return tags
}

// averager trains weights as an averaged perceptron: the returned model's
// weights are the mean of the weights after every update step, which
// keeps the perceptron from overfitting its last examples. Sums are kept
// lazily: each weight remembers the step it last changed at.
type averager struct {
	w *weights
	// roleWeight scales the updates at tokens where the gold or the
	// predicted tag is a cue or source (see TrainConfig.RoleWeight).
	roleWeight float32
	sum        []float64
	stamp      []int32
	tsum       [tagCount + 1][tagCount]float64
	tstmp      [tagCount + 1][tagCount]int32
	step       int32
}

func newAverager(w *weights, roleWeight float32) *averager {
	return &averager{w: w, roleWeight: max(roleWeight, 1), sum: make([]float64, len(w.rows)), stamp: make([]int32, len(w.rows))}
}

func (a *averager) bump(k int, delta float32) {
	a.sum[k] += float64(a.step-a.stamp[k]) * float64(a.w.rows[k])
	a.stamp[k] = a.step
	a.w.rows[k] += delta
}

func (a *averager) bumpTrans(p, g int, delta float32) {
	a.tsum[p][g] += float64(a.step-a.tstmp[p][g]) * float64(a.w.trans[p][g])
	a.tstmp[p][g] = a.step
	a.w.trans[p][g] += delta
}

// update moves the weights towards the gold tags and away from the
// predicted ones, at the positions where they differ. feats holds
// feature rows (not hashes). A token where either tag is a cue or source
// moves its feature weights roleWeight times as far: those spans are
// short, so the token-level loss, dominated by long contents, would
// otherwise underweight their boundaries.
func (a *averager) update(feats [][]int32, gold, pred []Tag) {
	a.step++
	for k := range gold {
		if gold[k] != pred[k] {
			d := float32(1)
			if r, s := gold[k].Role(), pred[k].Role(); r == CueRole || r == SourceRole || s == CueRole || s == SourceRole {
				d = a.roleWeight
			}
			for _, row := range feats[k] {
				a.bump(int(row)*int(tagCount)+int(gold[k]), d)
				a.bump(int(row)*int(tagCount)+int(pred[k]), -d)
			}
		}
		gp, pp := int(tagCount), int(tagCount)
		if k > 0 {
			gp, pp = int(gold[k-1]), int(pred[k-1])
		}
		if gp != pp || gold[k] != pred[k] {
			a.bumpTrans(gp, int(gold[k]), 1)
			a.bumpTrans(pp, int(pred[k]), -1)
		}
	}
}

// tick advances the step count for a sequence that needed no update, so
// that the average counts it.
func (a *averager) tick() { a.step++ }

// averaged returns the averaged weights.
func (a *averager) averaged() *weights {
	out := &weights{index: a.w.index, rows: make([]float32, len(a.w.rows))}
	if a.step == 0 {
		copy(out.rows, a.w.rows)
		out.trans = a.w.trans
		return out
	}
	n := float64(a.step)
	for k, v := range a.w.rows {
		out.rows[k] = float32((a.sum[k] + float64(a.step-a.stamp[k])*float64(v)) / n)
	}
	for p := range a.w.trans {
		for g := range a.w.trans[p] {
			out.trans[p][g] = float32((a.tsum[p][g] + float64(a.step-a.tstmp[p][g])*float64(a.w.trans[p][g])) / n)
		}
	}
	return out
}

// rowEmissions is emissions for sequences whose features are already rows.
func (w *weights) rowEmissions(feats [][]int32) [][tagCount]float32 {
	out := make([][tagCount]float32, len(feats))
	for k, fs := range feats {
		for _, row := range fs {
			r := w.rows[int(row)*int(tagCount) : int(row+1)*int(tagCount)]
			for g := range tagCount {
				out[k][g] += r[g]
			}
		}
	}
	return out
}
