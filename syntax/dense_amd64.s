#include "textflag.h"

// func addDense(sc *[256]float32, row *uint32, blocks int)
//
// For each block of eight bfloat16 weights (16 bytes of row), interleaving
// them with zeros gives eight float32 values (weight bits << 16), added to
// the next eight scores.
TEXT ·addDense(SB), NOSPLIT, $0-24
	MOVQ sc+0(FP), DI
	MOVQ row+8(FP), SI
	MOVQ blocks+16(FP), CX
loop:
	TESTQ CX, CX
	JZ    done
	MOVOU (SI), X0
	PXOR  X1, X1
	PUNPCKLWL X0, X1 // classes 0-3 of the block
	PXOR  X2, X2
	PUNPCKHWL X0, X2 // classes 4-7
	MOVUPS (DI), X3
	ADDPS  X1, X3
	MOVUPS X3, (DI)
	MOVUPS 16(DI), X4
	ADDPS  X2, X4
	MOVUPS X4, 16(DI)
	ADDQ  $16, SI
	ADDQ  $32, DI
	DECQ  CX
	JMP   loop
done:
	RET
