package syntax

import (
	"math"
	"unsafe"
)

// addDenseGo adds a dense row of blocks*8 bfloat16 weights (see weights)
// to the scores of classes 0 to blocks*8-1. It is addDense in Go, for
// machines without an assembly version.
func addDenseGo(sc *[256]float32, row *uint32, blocks int) {
	for j, p := range unsafe.Slice(row, 4*blocks) {
		sc[uint8(2*j)] += math.Float32frombits(p << 16)
		sc[uint8(2*j+1)] += math.Float32frombits(p &^ 0xffff)
	}
}
