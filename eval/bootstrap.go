package eval

import (
	"math"
	"math/rand/v2"
	"slices"
)

// Bootstrap sets how confidence intervals are drawn: articles are
// resampled with replacement Draws times from a generator seeded with
// Seed, so the same scores always give the same intervals.
type Bootstrap struct {
	Draws int    `json:"draws"`
	Seed  uint64 `json:"seed"`
}

// DefaultBootstrap is the protocol's setting.
var DefaultBootstrap = Bootstrap{Draws: 1000, Seed: 1}

// statistic is one figure computed from a measure's summed tally.
type statistic struct {
	name  string
	value func(tally) float64
}

var (
	prfStats = []statistic{
		{"P", func(t tally) float64 { return percent(t.TP, t.TP+t.FP) }},
		{"R", func(t tally) float64 { return percent(t.TP, t.TP+t.FN) }},
		{"F1", func(t tally) float64 { return percent(2*t.TP, 2*t.TP+t.FP+t.FN) }},
	}
	accuracyStats = []statistic{
		{"accuracy", func(t tally) float64 { return percent(t.Correct, t.Total) }},
	}
)

func (m measure) stats() []statistic {
	if m.kind == accuracyMeasure {
		return accuracyStats
	}
	return prfStats
}

// percent is 100·n/d, and 0 when there is nothing to divide.
func percent(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return 100 * float64(n) / float64(d)
}

// intervals returns, for every statistic of every measure in order, the
// 2.5th and 97.5th percentiles of its value over the bootstrap draws. A
// draw only sums precomputed per-article tallies.
func (b Bootstrap) intervals(measures []measure, tallies [][]tally) (low, high []float64) {
	var samples [][]float64
	for _, m := range measures {
		for range m.stats() {
			samples = append(samples, make([]float64, 0, b.Draws))
		}
	}
	n := len(tallies)
	rng := rand.New(rand.NewPCG(b.Seed, b.Seed))
	sum := make([]tally, len(measures))
	for d := 0; d < b.Draws && n > 0; d++ {
		clear(sum)
		for range n {
			row := tallies[rng.IntN(n)]
			for m := range sum {
				sum[m].add(row[m])
			}
		}
		f := 0
		for m, ms := range measures {
			for _, st := range ms.stats() {
				samples[f] = append(samples[f], st.value(sum[m]))
				f++
			}
		}
	}
	for _, s := range samples {
		slices.Sort(s)
		low = append(low, percentile(s, 0.025))
		high = append(high, percentile(s, 0.975))
	}
	return low, high
}

// percentile interpolates linearly between the closest ranks of sorted s.
func percentile(s []float64, q float64) float64 {
	if len(s) == 0 {
		return 0
	}
	pos := q * float64(len(s)-1)
	i := int(math.Floor(pos))
	if i+1 >= len(s) {
		return s[len(s)-1]
	}
	return s[i] + (pos-float64(i))*(s[i+1]-s[i])
}
