package syntax

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/whosaid/whosaid/syntax/conllu"
)

// Scores are accuracies in percent over words with gold tokenisation.
// Punctuation counts in UAS and LAS, as in the CoNLL 2018 shared task.
type Scores struct {
	Words   int
	UPOS    float64
	XPOS    float64
	Lemma   float64
	UAS     float64
	LAS     float64 // universal relation only (subtypes ignored), as CoNLL 2018
	LASFull float64 // full relation including subtype, e.g. nmod:poss
	Elapsed time.Duration
}

func (s Scores) String() string {
	return fmt.Sprintf("words=%d UPOS=%.2f XPOS=%.2f Lemma=%.2f UAS=%.2f LAS=%.2f LAS(full labels)=%.2f tokens/s=%.0f",
		s.Words, s.UPOS, s.XPOS, s.Lemma, s.UAS, s.LAS, s.LASFull, float64(s.Words)/max(s.Elapsed.Seconds(), 1e-9))
}

// Evaluate parses the gold-tokenised sentences and scores them against the gold annotation.
func (m *Model) Evaluate(sents []*conllu.Sentence) Scores {
	var upos, xpos, lemma, uas, las, lasFull, total int
	var elapsed time.Duration
	words := []string{}
	for _, s := range sents {
		words = words[:0]
		for _, w := range s.Words {
			words = append(words, w.Form)
		}
		start := time.Now()
		toks := m.Parse(words)
		elapsed += time.Since(start)
		for i, w := range s.Words {
			t := toks[i]
			total++
			upos += b2i(t.UPOS == w.UPOS)
			xpos += b2i(t.XPOS == w.XPOS)
			lemma += b2i(t.Lemma == w.Lemma)
			if t.Head == w.Head {
				uas++
				las += b2i(universal(t.Rel) == universal(w.Deprel))
				lasFull += b2i(t.Rel == w.Deprel)
			}
		}
	}
	pct := func(n int) float64 { return 100 * float64(n) / float64(max(total, 1)) }
	return Scores{Words: total, UPOS: pct(upos), XPOS: pct(xpos), Lemma: pct(lemma),
		UAS: pct(uas), LAS: pct(las), LASFull: pct(lasFull), Elapsed: elapsed}
}

func universal(rel string) string {
	u, _, _ := strings.Cut(rel, ":")
	return u
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// EvalMain implements `whosaid eval ud [--model FILE] FILE.conllu`: it prints
// UPOS, XPOS, lemma accuracy, UAS and LAS with gold tokenisation.
func EvalMain(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("eval ud", flag.ContinueOnError)
	fs.SetOutput(stdout)
	modelPath := fs.String("model", "", "model file (default: the embedded model)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("usage: whosaid eval ud [--model FILE] FILE.conllu")
	}
	m, err := loadModel(*modelPath)
	if err != nil {
		return err
	}
	sents, err := ReadTreebank(fs.Arg(0))
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(stdout, m.Evaluate(sents))
	return err
}

// loadModel loads path, or the embedded model when path is empty.
func loadModel(path string) (*Model, error) {
	if path == "" {
		return Default()
	}
	return Load(path)
}
