package syntax

import "golang.org/x/sys/cpu"

// useAVX2 selects accumulateAVX2 for the adding of (*weights).score.
var useAVX2 = cpu.X86.HasAVX2

// addDense is addDenseGo in SSE2 assembly (dense_amd64.s), which every
// amd64 processor has: a row's weights become float32 by moving each into
// the upper half of a 32-bit lane, and are added four lanes at a time.
//
//go:noescape
func addDense(sc *[256]float32, row *uint32, blocks int)

// accumulate is accumulateGo, in one call of assembly with AVX2, which
// adds a dense row eight classes an instruction; the calls and bounds
// checks of the Go loop were about a third of its instructions. The sums
// are the same bits: each class's weights are added in the same order.
// The tables' runs are in range: the embedded model's are checked by a
// test, other models' when they load.
func (w *weights) accumulate(sc *[256]float32, spans []uint32) {
	if !useAVX2 || len(spans) == 0 {
		w.accumulateGo(sc, spans)
		return
	}
	accumulateAVX2(sc, &w.pairs[0], &spans[0], len(spans), denseWords(w.nClasses)/4)
}

//go:noescape
func accumulateAVX2(sc *[256]float32, pairs *uint32, spans *uint32, n int, blocks int)
