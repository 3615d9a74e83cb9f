package syntax

import "testing"

// TestAddDenseAMD64 checks both assembly versions, whichever addDense uses
// on this machine.
func TestAddDenseAMD64(t *testing.T) {
	t.Run("SSE2", func(t *testing.T) { checkAddDense(t, addDenseSSE2) })
	t.Run("AVX2", func(t *testing.T) {
		if !useAVX2 {
			t.Skip("no AVX2 on this machine")
		}
		checkAddDense(t, addDenseAVX2)
	})
}

// BenchmarkAddDenseAMD64 times each version on rows of the shipped models'
// 102 classes (13 blocks).
func BenchmarkAddDenseAMD64(b *testing.B) {
	row := make([]uint32, denseWords(102))
	for i := range row {
		row[i] = uint32(i) * 0x3c003c00 // small bfloat16 weights
	}
	for _, v := range []struct {
		name string
		ok   bool
		add  func(*[256]float32, *uint32, int)
	}{{"SSE2", true, addDenseSSE2}, {"AVX2", useAVX2, addDenseAVX2}} {
		b.Run(v.name, func(b *testing.B) {
			if !v.ok {
				b.Skip("not on this machine")
			}
			var sc [256]float32
			for b.Loop() {
				v.add(&sc, &row[0], len(row)/4)
			}
		})
	}
}
