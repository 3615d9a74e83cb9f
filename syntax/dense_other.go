//go:build !amd64

package syntax

func addDense(sc *[256]float32, row *uint32, blocks int) { addDenseGo(sc, row, blocks) }

func (w *weights) accumulate(sc *[256]float32, spans []uint32) { w.accumulateGo(sc, spans) }
