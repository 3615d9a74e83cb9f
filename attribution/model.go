package attribution

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"

	"github.com/whosaid/whosaid/text"
)

// Model is a trained attribution tagger. It is read-only after loading
// and safe for concurrent use.
type Model struct {
	lexicon map[string]uint8 // word → cue-rate bucket
	w       *weights
	// cueBias is added to the cue tags' scores when decoding (not in
	// training): below zero, the tagger keeps only the cues it is surer
	// of. See TrainConfig.CueBias.
	cueBias float32
	// refine re-chooses the edges of contents and sources; nil in a model
	// without one.
	refine *refiner
	// decide gives sources to attributions without one after grouping
	// (post.go); empty in a model without it.
	decide decisions
}

// Predict tags the tokens of t and groups the tagged spans into
// attributions, in document order.
func (m *Model) Predict(t *text.Text) []Attribution {
	ctx := newDocContext(t, m.lexicon)
	tags := make([]Tag, len(t.Tokens))
	margin := make([]float32, len(t.Tokens))
	scores := make([][tagCount]float32, len(t.Tokens))
	for _, p := range t.Paragraphs {
		em := m.emissions(ctx, p)
		copy(scores[p.First:p.Last], em)
		decode(em, &m.w.trans, tags[p.First:p.Last], margin[p.First:p.Last])
	}
	ctx.setScores(scores, margin)
	ctx.countRoles(tags)
	edges := keepEdges
	if m.refine != nil {
		edges = func(s edgeSpan) (int, int) { return m.refine.refine(ctx, s, tags) }
	}
	attrs := group(ctx, tags, margin, edges)
	m.decide.complete(ctx, attrs)
	return attrs
}

// decode writes the best tags of a paragraph and, for each token, how far
// its tag's score is ahead of the runner-up tag's.
func decode(em [][tagCount]float32, trans *[tagCount + 1][tagCount]float32, tags []Tag, margin []float32) {
	seq := viterbi(em, trans)
	copy(tags, seq)
	for k, g := range seq {
		runnerUp := float32(math.Inf(-1))
		for h := range tagCount {
			if h != g {
				runnerUp = max(runnerUp, em[k][h])
			}
		}
		margin[k] = em[k][g] - runnerUp
	}
}

// Tags returns the tag of every token of t, for inspection and tests.
func (m *Model) Tags(t *text.Text) []Tag {
	ctx := newDocContext(t, m.lexicon)
	tags := make([]Tag, len(t.Tokens))
	for _, p := range t.Paragraphs {
		copy(tags[p.First:p.Last], viterbi(m.emissions(ctx, p), &m.w.trans))
	}
	return tags
}

// emissions returns the tag scores of the tokens of paragraph p, with the
// cue bias.
func (m *Model) emissions(ctx *docContext, p text.Paragraph) [][tagCount]float32 {
	em := m.w.emissions(ctx.sequenceFeatures(p))
	addCueBias(em, m.cueBias)
	return em
}

func addCueBias(em [][tagCount]float32, bias float32) {
	for k := range em {
		em[k][BeginCue] += bias
		em[k][InCue] += bias
	}
}

// The model file is gzipped: a magic line, the cue lexicon, the
// transition scores, the cue bias, then the features in hash order with their per-tag
// weights quantised to multiples of a scale, then the refiner's weights
// in hash order, then the source decision's (post.go; a file written
// before it ends after the refiner's). Hashes are delta coded and the
// tagger's weights zig-zag varints, so sparse rows cost little.
const modelMagic = "whosaid attribution model v3\n"

// quantSteps is how many quantisation steps the largest weight gets.
const quantSteps = 2000

// Encode writes the model in the compact file format.
func (m *Model) Encode(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("encode model: %w", err)
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	uvarint := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	varint := func(v int64) { bw.Write(buf[:binary.PutVarint(buf[:], v)]) }

	bw.WriteString(modelMagic)
	words := make([]string, 0, len(m.lexicon))
	for w := range m.lexicon {
		words = append(words, w)
	}
	sort.Strings(words)
	uvarint(uint64(len(words)))
	for _, w := range words {
		uvarint(uint64(len(w)))
		bw.WriteString(w)
		bw.WriteByte(m.lexicon[w])
	}
	for _, row := range m.w.trans {
		for _, v := range row {
			binary.Write(bw, binary.LittleEndian, v)
		}
	}
	binary.Write(bw, binary.LittleEndian, m.cueBias)

	maxAbs := float32(0)
	for _, v := range m.w.rows {
		maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
	}
	scale := maxAbs / quantSteps
	if scale == 0 {
		scale = 1
	}
	binary.Write(bw, binary.LittleEndian, scale)
	type entry struct {
		hash uint32
		q    [tagCount]int64
	}
	var entries []entry
	for h, row := range m.w.index {
		var e entry
		keep := false
		for g := range tagCount {
			e.q[g] = int64(math.Round(float64(m.w.rows[int(row)*int(tagCount)+int(g)] / scale)))
			keep = keep || e.q[g] != 0
		}
		if keep {
			e.hash = h
			entries = append(entries, e)
		}
	}
	slices.SortFunc(entries, func(a, b entry) int { return cmp.Compare(a.hash, b.hash) })
	uvarint(uint64(len(entries)))
	prev := uint32(0)
	for _, e := range entries {
		uvarint(uint64(e.hash - prev))
		prev = e.hash
		for _, q := range e.q {
			varint(q)
		}
	}
	var refine map[uint32]float32
	if m.refine != nil {
		refine = m.refine.w
	}
	writeHashed := func(weights map[uint32]float32) {
		hashes := make([]uint32, 0, len(weights))
		for h := range weights {
			hashes = append(hashes, h)
		}
		slices.Sort(hashes)
		uvarint(uint64(len(hashes)))
		prev := uint32(0)
		for _, h := range hashes {
			uvarint(uint64(h - prev))
			prev = h
			binary.Write(bw, binary.LittleEndian, weights[h])
		}
	}
	writeHashed(refine)
	writeHashed(m.decide)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("encode model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("encode model: %w", err)
	}
	return nil
}

// Decode reads a model written by Encode.
func Decode(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("decode model: %w", err)
	}
	br := bufio.NewReader(zr)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || !bytes.Equal(magic, []byte(modelMagic)) {
		return nil, errors.New("decode model: not an attribution model file")
	}
	m := &Model{lexicon: map[string]uint8{}, w: &weights{index: map[uint32]int32{}}}
	fail := func(err error) (*Model, error) { return nil, fmt.Errorf("decode model: %w", err) }
	n, err := binary.ReadUvarint(br)
	if err != nil {
		return fail(err)
	}
	for range n {
		size, err := binary.ReadUvarint(br)
		if err != nil {
			return fail(err)
		}
		if size > 1<<10 {
			return fail(fmt.Errorf("lexicon word of %d bytes", size))
		}
		word := make([]byte, size+1)
		if _, err := io.ReadFull(br, word); err != nil {
			return fail(err)
		}
		m.lexicon[string(word[:size])] = word[size]
	}
	if err := binary.Read(br, binary.LittleEndian, &m.w.trans); err != nil {
		return fail(err)
	}
	if err := binary.Read(br, binary.LittleEndian, &m.cueBias); err != nil {
		return fail(err)
	}
	var scale float32
	if err := binary.Read(br, binary.LittleEndian, &scale); err != nil {
		return fail(err)
	}
	if n, err = binary.ReadUvarint(br); err != nil {
		return fail(err)
	}
	if n > 1<<26 {
		return fail(fmt.Errorf("%d features", n))
	}
	m.w.rows = make([]float32, 0, min(n, 1<<16)*uint64(tagCount)) // a corrupt count must not allocate
	hash := uint32(0)
	for k := range n {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return fail(err)
		}
		hash += uint32(d)
		m.w.index[hash] = int32(k)
		for range tagCount {
			q, err := binary.ReadVarint(br)
			if err != nil {
				return fail(err)
			}
			m.w.rows = append(m.w.rows, float32(q)*scale)
		}
	}
	refine, err := readHashed(br, "refiner")
	if err != nil {
		return fail(err)
	}
	if len(refine) > 0 {
		m.refine = &refiner{w: refine}
	}
	// A model written before the decisions ends here.
	if _, err := br.Peek(1); err == io.EOF {
		return m, nil
	}
	if m.decide, err = readHashed(br, "decision"); err != nil {
		return fail(err)
	}
	return m, nil
}

// readHashed reads a count and that many (hash delta, weight) pairs.
func readHashed(br *bufio.Reader, what string) (map[uint32]float32, error) {
	n, err := binary.ReadUvarint(br)
	if err != nil {
		return nil, err
	}
	if n > 1<<24 {
		return nil, fmt.Errorf("%d %s features", n, what)
	}
	w := make(map[uint32]float32, min(n, 1<<16))
	hash := uint32(0)
	for range n {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, err
		}
		hash += uint32(d)
		var v float32
		if err := binary.Read(br, binary.LittleEndian, &v); err != nil {
			return nil, err
		}
		w[hash] = v
	}
	return w, nil
}
