package syntax

import "golang.org/x/sys/cpu"

// useAVX2 selects addDenseAVX2, which adds eight classes with one
// instruction where the SSE2 version, which every amd64 processor has,
// needs two (and a row of 104 classes in half the instructions).
var useAVX2 = cpu.X86.HasAVX2

// addDense is addDenseGo in assembly (dense_amd64.s): a row's weights
// become float32 by moving each into the upper half of a 32-bit lane, and
// are added to the scores in the same order, so the sums are the same bits.
func addDense(sc *[256]float32, row *uint32, blocks int) {
	if useAVX2 {
		addDenseAVX2(sc, row, blocks)
		return
	}
	addDenseSSE2(sc, row, blocks)
}

//go:noescape
func addDenseSSE2(sc *[256]float32, row *uint32, blocks int)

//go:noescape
func addDenseAVX2(sc *[256]float32, row *uint32, blocks int)
