package attribution

import (
	"bytes"
	"compress/gzip"
	"io"
	"testing"
)

// tokenIndex returns the index of the first token of tx that reads w.
func tokenIndex(t *testing.T, ctx *docContext, w string) int {
	t.Helper()
	for i := range ctx.t.Tokens {
		if ctx.t.Str(i) == w {
			return i
		}
	}
	t.Fatalf("no token %q", w)
	return -1
}

func spanText(ctx *docContext, s span) string {
	return ctx.t.Src[ctx.t.Tokens[s.first].Start:ctx.t.Tokens[s.last-1].End]
}

func TestSubjectSource(t *testing.T) {
	tests := []struct {
		name, src, cue, contentFrom, want string
	}{
		{"subject", "The harbour master of Tilbury praised the new crane.", "praised", "the", "The harbour master of Tilbury"},
		{"apposition keeps its closing comma", "Ann Lee, a teacher at the school, praised our new crane.", "praised", "our", "Ann Lee, a teacher at the school,"},
		{"agent of a passive", "The new crane was praised by the harbour master.", "praised", "", "the harbour master"},
		{"subject of a coordinated verb", "The harbour master arrived late and praised the new crane.", "praised", "the", "The harbour master"},
		{"a bracket closed", "Representative Ann Lee (I-Vt.) praised our new crane.", "praised", "our", "Representative Ann Lee (I-Vt.)"},
		{"no subject", "Praise the new crane.", "Praise", "the", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := newDocContext(analyze(tc.src), nil)
			k := tokenIndex(t, ctx, tc.cue)
			cue := span{first: k, last: k + 1}
			if k > 0 && ctx.t.Str(k-1) == "was" {
				cue.first--
			}
			content := span{}
			if tc.contentFrom != "" {
				content = span{first: tokenIndex(t, ctx, tc.contentFrom), last: len(ctx.t.Tokens) - 1}
			} else {
				content = span{first: 0, last: 3}
			}
			got, path, ok := ctx.subjectSource(cue, content)
			if !ok {
				got = span{first: 0, last: 1}
			}
			if tc.want == "" {
				if ok {
					t.Errorf("subjectSource = %q (%s), want none", spanText(ctx, got), path)
				}
				return
			}
			if !ok || spanText(ctx, got) != tc.want {
				t.Errorf("subjectSource = %q, %v (%s); want %q", spanText(ctx, got), ok, path, tc.want)
			}
		})
	}
}

func TestDecisionsComplete(t *testing.T) {
	src := "The harbour master arrived late and praised the new crane."
	tx := analyze(src)
	ctx := newDocContext(tx, nil)
	praised := tokenIndex(t, ctx, "praised")
	attrs := func() []Attribution {
		return []Attribution{{
			Content: tokenSpan(tx, span{first: praised + 1, last: len(tx.Tokens) - 1}),
			Cue:     ptr(tokenSpan(tx, span{first: praised, last: praised + 1})),
		}}
	}
	var f featureHasher
	f.prefix = "subject"
	f.add("bias")
	tests := []struct {
		name string
		d    decisions
		want string
	}{
		{"no decisions", nil, ""},
		{"says yes", decisions{f.out[0]: 1}, "The harbour master"},
		{"says no", decisions{f.out[0]: 1, noSource: 5}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := attrs()
			tc.d.complete(ctx, got)
			if src := got[0].Source; tc.want == "" && src != nil || tc.want != "" && (src == nil || src.Text != tc.want) {
				t.Errorf("source = %+v, want %q", src, tc.want)
			}
		})
	}
}

func TestTrainDecisionsSeparates(t *testing.T) {
	yes, no := []uint32{1, 2}, []uint32{1, 3}
	var exs []spanExample
	for range 5 {
		exs = append(exs, decisionExample(yes, true), decisionExample(no, false))
	}
	d := trainDecisions(exs, 3, 1)
	if !d.yes(yes) || d.yes(no) {
		t.Errorf("trained decisions %v do not separate the examples", d)
	}
}

func TestDecodeModelWithoutDecisions(t *testing.T) {
	m := tinyModel()
	m.decide = decisions{9: 1.5}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := Decode(bytes.NewReader(buf.Bytes()))
	if err != nil || len(back.decide) != 1 || back.decide[9] != 1.5 {
		t.Fatalf("Decode = %v, %v; want the decisions back", back, err)
	}
	// The file of a model without decisions ends after the refiner's
	// weights: cut the decisions (a count of 1, a hash delta of 9 and a
	// four-byte weight) from the end.
	zr, err := gzip.NewReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	var old bytes.Buffer
	zw := gzip.NewWriter(&old)
	zw.Write(raw[:len(raw)-6])
	zw.Close()
	back, err = Decode(&old)
	if err != nil || len(back.decide) != 0 {
		t.Fatalf("Decode of a model without decisions = %v, %v", back, err)
	}
}
