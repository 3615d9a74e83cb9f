package speaker

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/mention"
	"github.com/whosaid/whosaid/syntax"
	"github.com/whosaid/whosaid/text"
)

// analysed runs the stages the ranker sits on over src, one paragraph.
func analysed(t testing.TB, src string) (*text.Text, *syntax.Sentences, *mention.Set) {
	t.Helper()
	sm, err := syntax.Default()
	if err != nil {
		t.Fatal(err)
	}
	tx := text.Analyze(src, []whosaid.Span{{Start: 0, End: len(src)}})
	return tx, syntax.NewSentences(tx, sm), mention.Find(tx)
}

// tokenOf returns the index of the first token written w.
func tokenOf(t testing.TB, tx *text.Text, w string) int {
	t.Helper()
	for i := range tx.Tokens {
		if tx.Str(i) == w {
			return i
		}
	}
	t.Fatalf("no token %q", w)
	return -1
}

func TestRankPicksTheSubject(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		src, cue, want string
	}{
		{"He said the union plans to strike next week.", "said", "He"},
		{"Authorities said the driver, 46, was arrested at the scene.", "said", "Authorities"},
		{"The bakery closed early on Friday. Its owner, Maren Holt, told reporters the ovens had failed.", "told", "Maren Holt"},
		{"Flooding closed the bridge, said Mayor Ida Brandt of Lakeview.", "said", "Mayor Ida Brandt"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			tx, syn, ms := analysed(t, tt.src)
			cue := tokenOf(t, tx, tt.cue)
			ranked := m.Rank(tx, syn, ms, cue, Candidates(tx, syn, ms, cue))
			if ranked[0].Mention == NoSource {
				t.Fatalf("ranked no source first: %v", ranked)
			}
			if got := ms.Span(ranked[0].Mention).Text; got != tt.want {
				t.Errorf("speaker %q, want %q", got, tt.want)
			}
		})
	}
}

// synthetic returns n examples of a made-up task: the gold candidate has
// feature 1, the others features drawn from a fixed sequence.
func synthetic(n int) []Example {
	var out []Example
	x := uint32(7)
	next := func() uint32 { x = x*1103515245 + 12345; return x >> 8 % 50 }
	for i := range n {
		ex := Example{Gold: i % 3}
		for c := range 4 {
			fs := []uint32{next() + 2, next() + 2}
			if c == ex.Gold {
				fs = append(fs, 1)
			}
			ex.Features = append(ex.Features, fs)
		}
		out = append(out, ex)
	}
	return out
}

func TestTrainingIsDeterministic(t *testing.T) {
	examples := synthetic(300)
	var encoded [2][]byte
	for run := range encoded {
		var buf bytes.Buffer
		if err := Train(examples, 5).Encode(&buf); err != nil {
			t.Fatal(err)
		}
		encoded[run] = buf.Bytes()
	}
	if !bytes.Equal(encoded[0], encoded[1]) {
		t.Error("two trainings on the same examples gave different weights")
	}
	m, err := Decode(bytes.NewReader(encoded[0]))
	if err != nil {
		t.Fatal(err)
	}
	if right := m.Accuracy(examples); right < 290 {
		t.Errorf("decoded model ranks %d of 300 right, want the separable task learned", right)
	}
}

func TestDecodeRejects(t *testing.T) {
	var buf bytes.Buffer
	if err := Train(synthetic(10), 1).Encode(&buf); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	for name, in := range map[string][]byte{
		"empty":     nil,
		"not gzip":  []byte("whosaid-speaker-1\n"),
		"truncated": good[:len(good)/2],
	} {
		if _, err := Decode(bytes.NewReader(in)); err == nil {
			t.Errorf("%s: decoded without error", name)
		}
	}
}

func FuzzDecode(f *testing.F) {
	var buf bytes.Buffer
	if err := Train(synthetic(10), 1).Encode(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte{0x1f, 0x8b})
	f.Fuzz(func(t *testing.T, in []byte) {
		m, err := Decode(bytes.NewReader(in))
		if err == nil && m == nil {
			t.Fatal("nil model without error")
		}
	})
}

func TestPolNeARDev(t *testing.T) {
	const path = "../../shared/data/polnear/polnear-dev.jsonl"
	if _, err := os.Stat(path); err != nil {
		t.Skip("PolNeAR dev not available")
	}
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	examples, skipped, err := loadExamples(path)
	if err != nil {
		t.Fatal(err)
	}
	// Measured 87.0% of the cues whose source is a candidate or absent.
	if acc := pct(m.Accuracy(examples), len(examples)); acc < 85 {
		t.Errorf("top-1 %.1f%% of %d cues (%d skipped), want at least 85", acc, len(examples), skipped)
	}
}

func BenchmarkRank(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	src := strings.Repeat("The bakery closed early on Friday. Its owner, Maren Holt, told reporters the ovens had failed. ", 4)
	tx, syn, ms := analysed(b, src)
	cue := tokenOf(b, tx, "told")
	cands := Candidates(tx, syn, ms, cue)
	b.ResetTimer()
	for b.Loop() {
		m.Rank(tx, syn, ms, cue, cands)
	}
}
