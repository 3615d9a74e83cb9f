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
