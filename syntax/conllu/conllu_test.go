package conllu

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

const sample = `# sent_id = 1
# text = I don't know.
1	I	I	PRON	PRP	Case=Nom	4	nsubj	4:nsubj	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	4:aux	_
3	n't	not	PART	RB	_	4	advmod	4:advmod	_
4	know	know	VERB	VB	_	0	root	0:root	SpaceAfter=No
4.1	known	know	VERB	VBN	_	_	_	4:conj	_
5	.	.	PUNCT	.	_	4	punct	4:punct	_

# text = Yes
1	Yes	yes	INTJ	UH	_	0	root	0:root	_
`

func TestReadSkipsRangesAndEmptyNodes(t *testing.T) {
	sents, err := ReadAll(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 {
		t.Fatalf("got %d sentences, want 2", len(sents))
	}
	s := sents[0]
	if got := s.Text(); got != "I don't know." {
		t.Errorf("Text() = %q", got)
	}
	if len(s.Words) != 5 {
		t.Fatalf("got %d words, want 5", len(s.Words))
	}
	if w := s.Words[2]; w.Form != "n't" || w.Lemma != "not" || w.Head != 4 || w.Deprel != "advmod" {
		t.Errorf("word 3 = %+v", w)
	}
}

func TestRoundTrip(t *testing.T) {
	sents, err := ReadAll(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, sents); err != nil {
		t.Fatal(err)
	}
	again, err := ReadAll(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var buf2 bytes.Buffer
	if err := Write(&buf2, again); err != nil {
		t.Fatal(err)
	}
	if buf.String() != buf2.String() {
		t.Errorf("round trip differs:\n%s\n---\n%s", buf.String(), buf2.String())
	}
	if !strings.Contains(buf.String(), "# text = I don't know.\n") {
		t.Errorf("comment lost:\n%s", buf.String())
	}
}

// TestRoundTripTreebank checks the whole dev set survives write + read unchanged.
func TestRoundTripTreebank(t *testing.T) {
	f, err := os.Open("../../../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu")
	if err != nil {
		t.Skip("treebank not available:", err)
	}
	defer f.Close()
	sents, err := ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2001 {
		t.Errorf("dev has %d sentences, want 2001", len(sents))
	}
	var buf bytes.Buffer
	if err := Write(&buf, sents); err != nil {
		t.Fatal(err)
	}
	again, err := ReadAll(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for i := range sents {
		a, b := sents[i], again[i]
		if len(a.Words) != len(b.Words) || len(a.Comments) != len(b.Comments) {
			t.Fatalf("sentence %d changed size", i)
		}
		for j := range a.Words {
			if a.Words[j] != b.Words[j] {
				t.Fatalf("sentence %d word %d: %+v != %+v", i, j, a.Words[j], b.Words[j])
			}
		}
	}
}

func TestReadErrors(t *testing.T) {
	for _, in := range []string{
		"1\tonly\tthree\n",
		"x\ta\ta\tX\tX\t_\t0\troot\t_\t_\n",
		"1\ta\ta\tX\tX\t_\tq\troot\t_\t_\n",
		"2\ta\ta\tX\tX\t_\t0\troot\t_\t_\n",
	} {
		if _, err := ReadAll(strings.NewReader(in)); err == nil {
			t.Errorf("no error for %q", in)
		}
	}
}

// FuzzReader checks the reader never panics and that writing what it read is stable.
func FuzzReader(f *testing.F) {
	f.Add(sample)
	f.Add("")
	f.Add("#\n\n\n1\t_\t_\t_\t_\t_\t_\t_\t_\t_\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadAll(strings.NewReader(in))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := Write(&buf, sents); err != nil {
			t.Fatal(err)
		}
		again, err := ReadAll(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("re-reading written output: %v\n%q", err, buf.String())
		}
		var buf2 bytes.Buffer
		if err := Write(&buf2, again); err != nil {
			t.Fatal(err)
		}
		if buf.String() != buf2.String() {
			t.Fatalf("write/read not stable:\n%q\n%q", buf.String(), buf2.String())
		}
	})
}
