package syntax

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestAddDense checks addDense (assembly or Go) against addDenseGo, bit
// for bit, on random rows and scores of 0 to 32 blocks.
func TestAddDense(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for blocks := range 33 {
		row := make([]uint32, 4*blocks+1)
		for i := range row {
			row[i] = rng.Uint32()
		}
		var got, want [256]float32
		for i := range got {
			got[i] = rng.Float32()*200 - 100
		}
		want = got
		if blocks > 0 {
			addDense(&got, &row[0], blocks)
			addDenseGo(&want, &row[0], blocks)
		}
		for i := range got {
			if math.Float32bits(got[i]) != math.Float32bits(want[i]) && !(got[i] != got[i] && want[i] != want[i]) {
				t.Fatalf("%d blocks: class %d: got %v, want %v", blocks, i, got[i], want[i])
			}
		}
	}
}

// TestDenseRunsScoreAsSparse builds tables whose features have from one
// weight to one for every class, so that runs of denseMin weights or more
// are dense rows, and checks that scoring gives exactly the sums of the
// weights in feature order, as sparse runs alone did.
func TestDenseRunsScoreAsSparse(t *testing.T) { checkScoresAsSparse(t) }

func checkScoresAsSparse(t *testing.T) {
	t.Helper()
	rng := rand.New(rand.NewPCG(3, 4))
	for _, nClasses := range []int{3, 16, 102, 103, 256} {
		type feature struct {
			cls []uint8
			ws  []float32
		}
		feats := map[uint32]feature{}
		b := newWeightsBuilder(nClasses, 300)
		for k := uint32(1); k <= 300; k++ {
			var f feature
			n := 1 + int(k)%nClasses
			for _, c := range rng.Perm(nClasses)[:n] {
				f.cls = append(f.cls, uint8(c))
			}
			for range f.cls {
				f.ws = append(f.ws, toBfloat16(float32(rng.NormFloat64()*3)))
			}
			feats[k] = f
			b.add(k, f.cls, f.ws)
		}
		w := b.build()
		scores := newScores(nClasses)
		for range 50 {
			var keys []uint64
			want := make([]float32, nClasses)
			for range 1 + rng.IntN(120) {
				k := uint64(1 + rng.IntN(330)) // some features are unknown
				keys = append(keys, k)
				for i, c := range feats[uint32(k)].cls {
					want[c] += feats[uint32(k)].ws[i]
				}
			}
			w.score(keys, scores)
			for c := range nClasses {
				if math.Float32bits(scores[c]) != math.Float32bits(want[c]) {
					t.Fatalf("%d classes: class %d scores %v, want %v", nClasses, c, scores[c], want[c])
				}
			}
		}
	}
}

// TestCheckRun checks that a model whose dense row has a weight past the
// last class, or whose sparse pair names a class out of range, is refused.
func TestCheckRun(t *testing.T) {
	row := make([]uint32, denseWords(102))
	if err := checkRun(row, true, 102); err != nil {
		t.Errorf("clean row: %v", err)
	}
	row[51] = 1 << 16 // class 103
	if err := checkRun(row, true, 102); err == nil {
		t.Error("no error for a weight of class 103 of 102")
	}
	if err := checkRun([]uint32{packPair(5, 1), packPair(102, 1)}, false, 102); err == nil {
		t.Error("no error for a pair of class 102 of 102")
	}
}
