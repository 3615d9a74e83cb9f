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

// func accumulateAVX2(sc *[256]float32, pairs *uint32, spans *uint32, n int, blocks int)
//
// The adding of (*weights).score in one call: for each of the n spans, a
// sparse run's (class, weight) pairs one at a time, or a dense row of
// blocks blocks, in the order of the spans. A dense row's eight classes
// are one register: each bfloat16 weight is zero-extended to 32 bits and
// shifted into the upper half of its lane.
TEXT ·accumulateAVX2(SB), NOSPLIT, $0-40
	MOVQ sc+0(FP), DI
	MOVQ pairs+8(FP), SI
	MOVQ spans+16(FP), R8
	MOVQ n+24(FP), R9
	MOVQ blocks+32(FP), R10
span:
	TESTQ R9, R9
	JZ    done
	MOVL  (R8), AX
	ADDQ  $4, R8
	DECQ  R9
	MOVL  AX, CX
	SHRL  $8, AX         // start
	ANDL  $0xff, CX      // length; 0 for a dense row
	LEAQ  (SI)(AX*4), BX // the run
	TESTL CX, CX
	JZ    dense
pair:
	MOVL    (BX), DX
	MOVBLZX DL, R11         // class
	ANDL    $0xffff0000, DX // weight
	VMOVD   DX, X0
	VADDSS  (DI)(R11*4), X0, X0
	VMOVSS  X0, (DI)(R11*4)
	ADDQ    $4, BX
	DECL    CX
	JNZ     pair
	JMP     span
dense:
	MOVQ R10, CX
	MOVQ DI, DX
two:
	CMPQ      CX, $2
	JLT       one
	VPMOVZXWD (BX), Y0
	VPMOVZXWD 16(BX), Y1
	VPSLLD    $16, Y0, Y0
	VPSLLD    $16, Y1, Y1
	VADDPS    (DX), Y0, Y0
	VADDPS    32(DX), Y1, Y1
	VMOVUPS   Y0, (DX)
	VMOVUPS   Y1, 32(DX)
	ADDQ      $32, BX
	ADDQ      $64, DX
	SUBQ      $2, CX
	JMP       two
one:
	TESTQ     CX, CX
	JZ        span
	VPMOVZXWD (BX), Y0
	VPSLLD    $16, Y0, Y0
	VADDPS    (DX), Y0, Y0
	VMOVUPS   Y0, (DX)
	JMP       span
done:
	VZEROUPPER
	RET
