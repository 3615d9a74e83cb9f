package syntax

import (
	"math/rand/v2"
	"testing"
)

// TestScoreWithoutAVX2 checks scoring through the Go loop on a machine
// whose scoring adds with accumulateAVX2 (which TestDenseRunsScoreAsSparse
// checks).
func TestScoreWithoutAVX2(t *testing.T) {
	if !useAVX2 {
		t.Skip("the Go loop is what TestDenseRunsScoreAsSparse checks here")
	}
	useAVX2 = false
	defer func() { useAVX2 = true }()
	checkScoresAsSparse(t)
}

// BenchmarkScoreAMD64 scores 48 features a call, as the taggers do, half
// of them dense rows of 102 classes, with and without AVX2.
func BenchmarkScoreAMD64(b *testing.B) {
	rng := rand.New(rand.NewPCG(5, 6))
	const nClasses = 102
	bld := newWeightsBuilder(nClasses, 1000)
	for k := uint32(1); k <= 1000; k++ {
		n := 1 + rng.IntN(6)
		if k%2 == 0 {
			n = denseMin + rng.IntN(nClasses-denseMin)
		}
		var cls []uint8
		var ws []float32
		for _, c := range rng.Perm(nClasses)[:n] {
			cls = append(cls, uint8(c))
			ws = append(ws, float32(rng.NormFloat64()))
		}
		bld.add(k, cls, ws)
	}
	w := bld.build()
	feats := make([]uint64, 48)
	for i := range feats {
		feats[i] = uint64(1 + rng.IntN(1000))
	}
	scores := newScores(nClasses)
	for _, avx2 := range []bool{false, true} {
		name := "Go"
		if avx2 {
			name = "AVX2"
		}
		b.Run(name, func(b *testing.B) {
			if avx2 && !useAVX2 {
				b.Skip("no AVX2 on this machine")
			}
			defer func(was bool) { useAVX2 = was }(useAVX2)
			useAVX2 = avx2
			for b.Loop() {
				w.score(feats, scores)
			}
		})
	}
}
