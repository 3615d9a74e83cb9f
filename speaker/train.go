package speaker

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math"
	"os"
	"slices"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/corpus"
	"github.com/whosaid/whosaid/document"
	"github.com/whosaid/whosaid/mention"
	"github.com/whosaid/whosaid/syntax"
	"github.com/whosaid/whosaid/text"
)

// Example is one cue with its candidates' features and the index of the
// gold source among them.
type Example struct {
	Features [][]uint32
	Gold     int
}

// Epochs is the number of passes of the shipped model's training.
const Epochs = 10

// Train fits a model to the examples with an averaged ranking perceptron:
// in each pass over the examples, in their order, a wrong top candidate
// moves the weights toward the gold one. There is no randomness, so the
// same examples give the same weights.
func Train(examples []Example, epochs int) *Model {
	w, sum := map[uint32]float32{}, map[uint32]float32{}
	step := float32(1)
	bump := func(feats []uint32, d float32) {
		for _, f := range feats {
			w[f] += d
			sum[f] += step * d
		}
	}
	for range epochs {
		for _, ex := range examples {
			best, bestScore := 0, float32(math.Inf(-1))
			for i, fs := range ex.Features {
				var s float32
				for _, f := range fs {
					s += w[f]
				}
				if s > bestScore {
					best, bestScore = i, s
				}
			}
			if best != ex.Gold {
				bump(ex.Features[ex.Gold], 1)
				bump(ex.Features[best], -1)
			}
			step++
		}
	}
	avg := make(map[uint32]float32, len(w))
	for f, v := range w {
		if a := v - sum[f]/step; a != 0 {
			avg[f] = a
		}
	}
	return &Model{weights: avg}
}

// Examples turns an article's gold attributions into training examples:
// for each attribution with a cue, the candidates of the cue's first
// token and NoSource (last), with the candidate goldCandidate picks as
// the target, or NoSource when the attribution has no source. Attributions whose source is not among the
// candidates give no example; kept and skipped count both.
func Examples(a corpus.PolNeARArticle, m *syntax.Model) (out []Example, skipped int) {
	doc := document.Analyze(a.Text, a.Title)
	t := text.Analyze(a.Text, doc.Blocks(true))
	syn := syntax.NewSentences(t, m)
	ms := mention.Find(t)
	for _, at := range a.Attributions {
		if at.Cue == nil || at.Source != nil && len(at.Source.Fragments) != 1 {
			continue
		}
		cue := t.TokenAt(at.Cue.Fragments[0].Start)
		if cue < 0 || cue >= len(t.Tokens) || t.Tokens[cue].Start != at.Cue.Fragments[0].Start {
			skipped++
			continue
		}
		cands := Candidates(t, syn, ms, cue)
		gold := len(cands) // NoSource
		if at.Source != nil {
			if gold = goldCandidate(ms, cands, at.Source.Fragments[0]); gold < 0 {
				skipped++
				continue
			}
		}
		ctx := newContext(t, syn, cue)
		ex := Example{Gold: gold, Features: make([][]uint32, len(cands)+1)}
		for i := range cands {
			ex.Features[i] = ctx.features(nil, ms, cands, i)
		}
		ex.Features[len(cands)] = ctx.noSource(nil, len(cands))
		out = append(out, ex)
	}
	return out, skipped
}

// goldCandidate returns the index of the candidate that is the gold
// source span src: the one with its span (with or without titles), or
// else the name inside it, or the longest mention inside it ("Brian
// Fallon" in "Brian Fallon, the campaign's press secretary,"), as
// PolNeAR's sources take in appositions and relative clauses that no
// mention does; -1 when none is.
func goldCandidate(ms *mention.Set, cands []int, src whosaid.Span) int {
	best, bestRank := -1, 0
	for i, c := range cands {
		sp := ms.Span(c)
		if sp.End == src.End && (sp.Start == src.Start || ms.Mentions[c].Start == src.Start) {
			return i
		}
		rank := sp.End - sp.Start
		if ms.Mentions[c].Form == mention.Name {
			rank += len(src.Text) // a name outranks any description
		}
		if sp.Start >= src.Start && sp.End <= src.End && rank > bestRank {
			best, bestRank = i, rank
		}
	}
	return best
}

// magic opens an encoded model.
const magic = "whosaid-speaker-1\n"

// Encode writes the model gzip-compressed: the magic line, the number of
// weights, then (feature, weight) pairs in feature order, so that equal
// models give equal bytes.
func (m *Model) Encode(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("speaker: encode: %w", err)
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(magic)
	keys := make([]uint32, 0, len(m.weights))
	for f := range m.weights {
		keys = append(keys, f)
	}
	slices.Sort(keys)
	var b [8]byte
	binary.LittleEndian.PutUint32(b[:4], uint32(len(keys)))
	bw.Write(b[:4])
	for _, f := range keys {
		binary.LittleEndian.PutUint32(b[:4], f)
		binary.LittleEndian.PutUint32(b[4:], math.Float32bits(m.weights[f]))
		bw.Write(b[:])
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("speaker: encode: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("speaker: encode: %w", err)
	}
	return nil
}

// maxWeights bounds the weights a decoded model may declare, so that a
// corrupt header cannot ask for an absurd allocation.
const maxWeights = 1 << 22

// Decode reads a model written by Encode.
func Decode(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("speaker: decode: %w", err)
	}
	defer zr.Close()
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("speaker: decode: not a speaker model")
	}
	var b [8]byte
	if _, err := io.ReadFull(br, b[:4]); err != nil {
		return nil, fmt.Errorf("speaker: decode: weight count: %w", err)
	}
	n := binary.LittleEndian.Uint32(b[:4])
	if n > maxWeights {
		return nil, fmt.Errorf("speaker: decode: %d weights, at most %d expected", n, maxWeights)
	}
	m := &Model{weights: make(map[uint32]float32, n)}
	for i := range n {
		if _, err := io.ReadFull(br, b[:]); err != nil {
			return nil, fmt.Errorf("speaker: decode: weight %d of %d: %w", i, n, err)
		}
		m.weights[binary.LittleEndian.Uint32(b[:4])] = math.Float32frombits(binary.LittleEndian.Uint32(b[4:]))
	}
	return m, nil
}

// TrainMain is the `whosaid train speaker` command.
func TrainMain(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("train speaker", flag.ContinueOnError)
	fs.SetOutput(stderr)
	polnear := fs.String("polnear", "", "PolNeAR training set (JSON Lines)")
	out := fs.String("out", "speaker/model/polnear.bin.gz", "where to write the model")
	epochs := fs.Int("epochs", Epochs, "passes over the training examples")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *polnear == "" {
		return errors.New("train speaker: --polnear FILE is required")
	}
	examples, skipped, err := loadExamples(*polnear)
	if err != nil {
		return fmt.Errorf("train speaker: %w", err)
	}
	m := Train(examples, *epochs)
	f, err := os.Create(*out)
	if err != nil {
		return fmt.Errorf("train speaker: %w", err)
	}
	if err := m.Encode(f); err != nil {
		f.Close()
		return fmt.Errorf("train speaker: %s: %w", *out, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("train speaker: %w", err)
	}
	fmt.Fprintf(stdout, "%d examples (%d sources not among the candidates), %d weights written to %s\n", len(examples), skipped, len(m.weights), *out)
	return nil
}

// loadExamples reads a PolNeAR file and returns its examples, with the
// number of attributions whose source is not among the candidates.
func loadExamples(path string) (examples []Example, skipped int, err error) {
	articles, err := corpus.LoadPolNeAR(path)
	if err != nil {
		return nil, 0, err
	}
	sm, err := syntax.Default()
	if err != nil {
		return nil, 0, fmt.Errorf("syntax model: %w", err)
	}
	for _, a := range articles {
		ex, sk := Examples(a, sm)
		examples = append(examples, ex...)
		skipped += sk
	}
	slog.Info("speaker examples", "articles", len(articles), "examples", len(examples), "source not a candidate", skipped)
	return examples, skipped, nil
}
