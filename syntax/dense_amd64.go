package syntax

// addDense is addDenseGo in SSE2 assembly (dense_amd64.s), which every
// amd64 processor has: a row's weights become float32 by moving each into
// the upper half of a 32-bit lane, and are added four lanes at a time.
//
//go:noescape
func addDense(sc *[256]float32, row *uint32, blocks int)
