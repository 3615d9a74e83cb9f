#include "textflag.h"

// func addDenseSSE2(sc *[256]float32, row *uint32, blocks int)
//
// For each block of eight bfloat16 weights (16 bytes of row), interleaving
// them with zeros gives eight float32 values (weight bits << 16), added to
// the next eight scores.
TEXT ·addDenseSSE2(SB), NOSPLIT, $0-24
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

// func addDenseAVX2(sc *[256]float32, row *uint32, blocks int)
//
// The same with AVX2, eight classes to a register: each bfloat16 weight
// is zero-extended to 32 bits and shifted into the upper half of its lane,
// two blocks a round.
TEXT ·addDenseAVX2(SB), NOSPLIT, $0-24
	MOVQ sc+0(FP), DI
	MOVQ row+8(FP), SI
	MOVQ blocks+16(FP), CX
two:
	CMPQ CX, $2
	JLT  one
	VPMOVZXWD (SI), Y0
	VPMOVZXWD 16(SI), Y1
	VPSLLD    $16, Y0, Y0
	VPSLLD    $16, Y1, Y1
	VADDPS    (DI), Y0, Y0
	VADDPS    32(DI), Y1, Y1
	VMOVUPS   Y0, (DI)
	VMOVUPS   Y1, 32(DI)
	ADDQ      $32, SI
	ADDQ      $64, DI
	SUBQ      $2, CX
	JMP       two
one:
	TESTQ CX, CX
	JZ    end
	VPMOVZXWD (SI), Y0
	VPSLLD    $16, Y0, Y0
	VADDPS    (DI), Y0, Y0
	VMOVUPS   Y0, (DI)
end:
	VZEROUPPER
	RET
