package syntax

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"
	"unsafe"

	_ "embed"
)

// Token is one analysed word.
type Token struct {
	Form, UPOS, XPOS, Lemma string
	Head                    int // 0 = root, else the 1-based index of the head word
	Rel                     string
}

// Model is a trained tagger, lemmatiser and parser. It is read-only after
// loading and safe for concurrent use.
type Model struct {
	first    *tagger  // first tagging pass
	tagger   *tagger  // second pass, which also sees the first pass's tags to the right
	upos     []string // per tagger class
	xpos     []string // per tagger class
	tagHash  []uint64 // per tagger class: the parser's tag feature value
	uposHash []uint64 // per tagger class: the parser's coarse tag feature value
	lemmas   *lemmatizer
	parser   *parser
	clu      *clusters
	// sharedLexicon is set when both tagger passes have the same classes, tag
	// dictionary and ambiguity classes (they are trained on the same words
	// and tags), so the second pass reuses the first pass's token hashes.
	sharedLexicon bool
	work          sync.Pool // *workspace
}

// workspace holds the buffers of one Parse call, reused through a pool.
type workspace struct {
	tagSt   taggerState
	parseSt parseState
	classes []int
	firstCl []int
	words   []uint64
	tags    []uint64
	coarse  []uint64
	suf     []uint64
	clu     []clusterFeatures
	amb     []uint64
	heads   []int
	labels  []int
}

//go:embed model/en_ewt.bin
var embeddedModel []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	errDefault   error
)

// Default returns the embedded English EWT model, loading it on first use.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, errDefault = readModel(embeddedModel, false)
		if errDefault != nil {
			errDefault = fmt.Errorf("syntax: embedded model: %w", errDefault)
		}
	})
	return defaultModel, errDefault
}

func mustDefault() *Model {
	m, err := Default()
	if err != nil {
		panic(err) // the embedded model is part of the build; tests check it loads
	}
	return m
}

// Parse tags, lemmatises and parses one sentence with the embedded model.
func Parse(words []string) []Token { return mustDefault().Parse(words) }

// Tag tags and lemmatises one sentence with the embedded model (no parse).
func Tag(words []string) []Token { return mustDefault().Tag(words) }

// Parse tags, lemmatises and parses one sentence.
func (m *Model) Parse(words []string) []Token {
	ws := m.getWorkspace()
	defer m.work.Put(ws)
	out := m.tag(ws, words)
	m.parseTagged(ws, out, &ws.tagSt, ws.classes)
	return out
}

// finishParse tags the rest of p's sentence and parses it, as Parse would,
// reusing the tags p already has.
func (m *Model) finishParse(p *partialTag) []Token {
	out := m.finish(p)
	ws := m.getWorkspace()
	defer m.work.Put(ws)
	m.parseTagged(ws, out, &p.st, p.classes)
	return out
}

// parseTagged sets the heads and relations of out, a sentence tagged with
// classes and the tagger state st, using ws's parser buffers.
func (m *Model) parseTagged(ws *workspace, out []Token, st *taggerState, classes []int) {
	if len(out) == 0 {
		return
	}
	m.parseInputs(ws, st, classes)
	ws.heads = slices.Grow(ws.heads[:0], len(out))[:len(out)]
	ws.labels = slices.Grow(ws.labels[:0], len(out))[:len(out)]
	m.parser.decoder().parse(&ws.parseSt, ws.words, ws.tags, ws.coarse, ws.suf, ws.clu, ws.amb, ws.heads, ws.labels)
	for i := range out {
		out[i].Head = ws.heads[i]
		out[i].Rel = m.parser.labels[ws.labels[i]]
	}
}

// parseInputs fills the parser's per-word inputs of ws from a sentence's
// tagging: its classes and the tagger state st that tagged it.
func (m *Model) parseInputs(ws *workspace, st *taggerState, classes []int) {
	ws.words = ws.words[:0]
	ws.tags = ws.tags[:0]
	ws.coarse = ws.coarse[:0]
	ws.suf = ws.suf[:0]
	ws.clu = ws.clu[:0]
	ws.amb = ws.amb[:0]
	for i, c := range classes {
		// The tagger already hashed each word: lowercase form, 3-byte suffix
		// (what suffixHash computes) and clusters.
		in := &st.info[i]
		ws.suf = append(ws.suf, in.suf[2])
		ws.clu = append(ws.clu, in.clu)
		ws.amb = append(ws.amb, in.ambig)
		ws.words = append(ws.words, in.lower)
		ws.tags = append(ws.tags, m.tagHash[c])
		ws.coarse = append(ws.coarse, m.uposHash[c])
	}
}

// Tag tags and lemmatises one sentence; Head and Rel are left zero.
func (m *Model) Tag(words []string) []Token {
	ws := m.getWorkspace()
	defer m.work.Put(ws)
	return m.tag(ws, words)
}

func (m *Model) getWorkspace() *workspace {
	if ws, ok := m.work.Get().(*workspace); ok {
		return ws
	}
	return &workspace{}
}

func (m *Model) tag(ws *workspace, words []string) []Token {
	out := make([]Token, len(words))
	ws.firstCl = slices.Grow(ws.firstCl[:0], len(words))[:len(words)]
	m.first.tag(&ws.tagSt, words, ws.firstCl)
	ws.tagSt.first = ws.tagSt.first[:0]
	for _, c := range ws.firstCl {
		ws.tagSt.first = append(ws.tagSt.first, tagHash(m.first.classes[c]))
	}
	ws.classes = slices.Grow(ws.classes[:0], len(words))[:len(words)]
	if m.sharedLexicon {
		m.tagger.tagPrepared(&ws.tagSt, words, ws.classes)
	} else {
		m.tagger.tag(&ws.tagSt, words, ws.classes)
	}
	m.fillTokens(out, words, ws.classes)
	return out
}

// fillTokens sets out[i] to word i with the tags and lemma of class classes[i].
func (m *Model) fillTokens(out []Token, words []string, classes []int) {
	for i, w := range words {
		c := classes[i]
		out[i] = Token{Form: w, UPOS: m.upos[c], XPOS: m.xpos[c], Lemma: m.lemmas.lemma(w, m.xpos[c])}
	}
}

// partialTag is the tagging of one sentence carried only as far as it was
// needed: the tag of word i depends only on the words up to i+2, the
// first pass's tags up to i+2 and the second pass's tags before i, so a
// question about one word (is this cue a verb) costs the sentence up to
// it, and the rest can follow later with the same result as tagging the
// whole sentence at once (TestPartialTagging).
type partialTag struct {
	words            []string
	st               taggerState
	firstCl, classes []int
	nFirst, nSecond  int // words tagged by each pass
	nPrepared        int // words whose st.info is filled
}

// startTag prepares the partial tagging of words, which it keeps; it
// returns nil when the two passes do not share a lexicon, whose states
// then differ.
func (m *Model) startTag(words []string) *partialTag {
	if !m.sharedLexicon {
		return nil
	}
	p := &partialTag{words: words, firstCl: make([]int, len(words)), classes: make([]int, len(words))}
	p.st.info = make([]tokenInfo, len(words))
	p.st.first = make([]uint64, len(words))
	return p
}

// tagTo tags p's sentence as far as the second pass's tag of word i needs.
func (m *Model) tagTo(p *partialTag, i int) {
	// The feature and score buffers are scratch: a pooled workspace lends
	// them, rather than every partly tagged sentence keeping its own.
	ws := m.getWorkspace()
	p.st.feats, p.st.scores = ws.tagSt.feats, ws.tagSt.scores
	defer func() {
		ws.tagSt.feats, ws.tagSt.scores = p.st.feats, p.st.scores
		p.st.feats, p.st.scores = nil, nil
		m.work.Put(ws)
	}()
	if f := min(len(p.words), i+3); f > p.nFirst {
		// The first pass's tag of word f-1 reads the words up to f+1.
		if n := min(len(p.words), f+2); n > p.nPrepared {
			m.first.prepareRange(&p.st, p.words, p.nPrepared, n)
			p.nPrepared = n
		}
		m.first.tagRange(&p.st, p.firstCl, p.nFirst, f)
		for j := p.nFirst; j < f; j++ {
			p.st.first[j] = tagHash(m.first.classes[p.firstCl[j]])
		}
		p.nFirst = f
	}
	if s := min(len(p.words), i+1); s > p.nSecond {
		m.tagger.tagRange(&p.st, p.classes, p.nSecond, s)
		p.nSecond = s
	}
}

// finish tags the rest of p's sentence and returns the analysis of all of
// it, as Tag would.
func (m *Model) finish(p *partialTag) []Token {
	m.tagTo(p, len(p.words)-1)
	out := make([]Token, len(p.words))
	m.fillTokens(out, p.words, p.classes)
	return out
}

// newModel wires the derived per-class tables of a model from its parts.
func newModel(first, second *tagger, l *lemmatizer, p *parser, clu *clusters) *Model {
	m := &Model{first: first, tagger: second, lemmas: l, parser: p, clu: clu}
	first.clu, second.clu = clu, clu
	m.sharedLexicon = slices.Equal(first.classes, second.classes) &&
		maps.Equal(first.dict, second.dict) && maps.Equal(first.ambig, second.ambig)
	for _, c := range second.classes {
		u, x := splitJointTag(c)
		m.upos = append(m.upos, u)
		m.xpos = append(m.xpos, x)
		m.tagHash = append(m.tagHash, tagHash(c))
		m.uposHash = append(m.uposHash, tagHash(u))
	}
	return m
}

// jointTag and splitJointTag convert between a UPOS/XPOS pair and the tagger's class name.
func jointTag(upos, xpos string) string { return upos + "\t" + xpos }

func splitJointTag(c string) (upos, xpos string) {
	u, x, _ := strings.Cut(c, "\t")
	return u, x
}

// File format: a little-endian stream starting with modelMagic, then the
// word clusters, the two tagger passes (classes, dictionary, ambiguity
// classes, weights), the lemmatiser (rules, known words, suffixes) and the
// parser (labels, weights). Weights are stored after averaging and pruning
// as the arrays of the hash table that holds them at run time (see
// binWriter.weights), so that loading is copying, not decoding: the
// embedded model loads in a few tens of milliseconds (it was gzip
// compressed with per-feature varints, about 300 ms). Version 7 stores the
// runs of weights of common features as dense rows (see weights).
const modelMagic = "whosaid-syntax-v7"

// Load reads a model file written by (*Model).Save.
func Load(path string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("syntax: load model: %w", err)
	}
	defer f.Close()
	m, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("syntax: load model %s: %w", path, err)
	}
	return m, nil
}

// Save writes the model to path.
func (m *Model) Save(path string) error {
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("syntax: save model: %w", err)
	}
	return nil
}

// Write writes the model in the binary format.
func (m *Model) Write(w io.Writer) error {
	bw := &binWriter{w: bufio.NewWriter(w)}
	bw.str(modelMagic)
	bw.clusters(m.clu)

	bw.tagger(m.first)
	bw.tagger(m.tagger)

	l := m.lemmas
	bw.uvarint(uint64(len(l.rules)))
	for _, r := range l.rules {
		lower := uint64(0)
		if r.Lower {
			lower = 1
		}
		bw.uvarint(lower)
		bw.uvarint(uint64(r.Strip))
		bw.str(r.Suffix)
	}
	bw.uvarint(uint64(l.noRule))
	writeLemmaMap(bw, l.known)
	writeLemmaMap(bw, l.suffix)

	bw.strs(m.parser.labels)
	bw.uvarint(uint64(m.parser.rootLabel))
	bw.weights(m.parser.w)

	if bw.err == nil {
		bw.err = bw.w.Flush()
	}
	if bw.err != nil {
		return fmt.Errorf("syntax: write model: %w", bw.err)
	}
	return nil
}

// Read reads a model in the format written by Write.
func Read(r io.Reader) (*Model, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("syntax: read model: %w", err)
	}
	return readModel(data, true)
}

// readModel reads a model from data, whose weight tables it may use in
// place: data must not change afterwards. With verify unset the tables are
// not checked (see (*binReader).weights), for the embedded model, which
// TestEmbeddedModelVerifies checks.
func readModel(data []byte, verify bool) (*Model, error) {
	br := &binReader{b: data, size: len(data), verify: verify}
	if magic := br.str(); magic != modelMagic {
		return nil, fmt.Errorf("syntax: read model: bad magic %q", magic)
	}
	clu := br.clusters()
	first := br.tagger()
	second := br.tagger()

	l := &lemmatizer{}
	nRules := br.count()
	for range nRules {
		lower := br.uvarint() == 1
		strip := int(br.uvarint())
		l.rules = append(l.rules, lemmaRule{Lower: lower, Strip: strip, Suffix: br.str()})
	}
	l.noRule = uint32(br.uvarint())
	l.known = readLemmaMap(br, len(l.rules))
	l.suffix = readLemmaMap(br, len(l.rules))

	p := &parser{}
	p.labels = br.strs()
	p.rootLabel = int(br.uvarint())
	p.w = br.weights()
	if br.err != nil {
		return nil, fmt.Errorf("syntax: read model: %w", br.err)
	}
	for _, t := range []*tagger{first, second} {
		if len(t.classes) == 0 || t.w.nClasses != len(t.classes) {
			return nil, errors.New("syntax: read model: tagger classes do not match weights")
		}
		for _, tc := range t.dict {
			if int(tc) >= len(t.classes) {
				return nil, errors.New("syntax: read model: bad tag dictionary entry")
			}
		}
	}
	if first.rightContext || !second.rightContext {
		return nil, errors.New("syntax: read model: tagger passes out of order")
	}
	switch {
	case int(l.noRule) >= len(l.rules):
		return nil, errors.New("syntax: read model: bad lemma rule index")
	case len(p.labels) == 0 || p.rootLabel >= len(p.labels) || p.w.nClasses != 1+2*len(p.labels):
		return nil, errors.New("syntax: read model: parser labels do not match weights")
	}
	return newModel(first, second, l, p, clu), nil
}

func writeU64Map[V any](bw *binWriter, m map[uint64]V, enc func(V) uint64) {
	keys := make([]uint64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	bw.uvarint(uint64(len(keys)))
	for _, k := range keys {
		bw.u64(k)
		bw.uvarint(enc(m[k]))
	}
}

func readU64Map[V any](br *binReader, dec func(uint64) V) map[uint64]V {
	n := br.count()
	m := make(map[uint64]V, n)
	for range n {
		k := br.u64()
		m[k] = dec(br.uvarint())
	}
	return m
}

func writeLemmaMap(bw *binWriter, t *lemmaTable) {
	type keyRule struct {
		k lemmaKey
		r uint32
	}
	keys := make([]keyRule, 0, t.size())
	t.all(func(k lemmaKey, r uint32) { keys = append(keys, keyRule{k, r}) })
	slices.SortFunc(keys, func(x, y keyRule) int {
		return cmp.Or(cmp.Compare(x.k.a, y.k.a), cmp.Compare(x.k.b, y.k.b))
	})
	bw.uvarint(uint64(len(keys)))
	for _, k := range keys {
		bw.str(k.k.a)
		bw.str(k.k.b)
		bw.uvarint(uint64(k.r))
	}
}

func readLemmaMap(br *binReader, nRules int) *lemmaTable {
	n := br.count()
	t := &lemmaTable{index: make(map[uint64]uint32, n), ents: make([]lemmaEntry, 0, n)}
	for range n {
		a := br.str()
		b := br.str()
		r := br.uvarint()
		if r >= uint64(nRules) {
			br.fail(errors.New("lemma rule index out of range"))
			return t
		}
		t.add(a, b, uint32(r))
	}
	return t
}

// binWriter writes primitive values and remembers the first error.
type binWriter struct {
	w   *bufio.Writer
	off int // bytes written
	err error
	buf [binary.MaxVarintLen64]byte
}

func (b *binWriter) write(p []byte) {
	if b.err == nil {
		_, b.err = b.w.Write(p)
		b.off += len(p)
	}
}

// align writes zero bytes up to the next multiple of n.
func (b *binWriter) align(n int) { b.write(make([]byte, (n-b.off%n)%n)) }

func (b *binWriter) uvarint(v uint64) { b.write(b.buf[:binary.PutUvarint(b.buf[:], v)]) }

func (b *binWriter) u64(v uint64) {
	binary.LittleEndian.PutUint64(b.buf[:8], v)
	b.write(b.buf[:8])
}

func (b *binWriter) str(s string) {
	b.uvarint(uint64(len(s)))
	b.write([]byte(s))
}

func (b *binWriter) strs(ss []string) {
	b.uvarint(uint64(len(ss)))
	for _, s := range ss {
		b.str(s)
	}
}

// weights writes the table as it is held in memory: the class count, the
// feature count, the slot count and the pair count, then, from an offset
// that is a multiple of 8, the slots as 64-bit words and the pairs as 32-bit
// words, little-endian (see weights).
func (b *binWriter) weights(w *weights) {
	b.uvarint(uint64(w.nClasses))
	b.uvarint(uint64(w.count))
	b.uvarint(uint64(len(w.slots)))
	b.uvarint(uint64(len(w.pairs)))
	b.align(8)
	for _, s := range w.slots {
		binary.LittleEndian.PutUint64(b.buf[:8], s)
		b.write(b.buf[:8])
	}
	for _, p := range w.pairs {
		binary.LittleEndian.PutUint32(b.buf[:4], p)
		b.write(b.buf[:4])
	}
}

// clusters writes the word -> fine class table in key order, then each fine
// class's mid and coarse class.
func (b *binWriter) clusters(c *clusters) {
	writeU64Map(b, c.fine, func(v uint16) uint64 { return uint64(v) })
	b.uvarint(uint64(c.rare))
	b.uvarint(uint64(len(c.mid)))
	for i := range c.mid {
		b.uvarint(uint64(c.mid[i]))
		b.uvarint(uint64(c.coarse[i]))
	}
}

func (b *binReader) clusters() *clusters {
	c := &clusters{}
	c.fine = readU64Map(b, func(v uint64) uint16 { return uint16(v) })
	c.rare = uint16(b.uvarint())
	n := b.count()
	if n > 1<<16 {
		b.fail(fmt.Errorf("%d clusters, at most 65536 supported", n))
		return c
	}
	for range n {
		c.mid = append(c.mid, uint16(b.uvarint()))
		c.coarse = append(c.coarse, uint16(b.uvarint()))
	}
	if b.err == nil {
		for _, f := range c.fine {
			if int(f) >= n {
				b.fail(errors.New("cluster id out of range"))
				break
			}
		}
		if int(c.rare) >= n {
			b.fail(errors.New("cluster id out of range"))
		}
	}
	return c
}

func (b *binWriter) tagger(t *tagger) {
	b.strs(t.classes)
	writeU64Map(b, t.dict, func(v uint8) uint64 { return uint64(v) })
	writeU64Map(b, t.ambig, func(v uint64) uint64 { return v })
	b.uvarint(uint64(b2i(t.rightContext)))
	b.weights(t.w)
}

func (b *binReader) tagger() *tagger {
	t := &tagger{}
	t.classes = b.strs()
	t.dict = readU64Map(b, func(v uint64) uint8 { return uint8(v) })
	t.ambig = readU64Map(b, func(v uint64) uint64 { return v })
	t.rightContext = b.uvarint() == 1
	t.w = b.weights()
	return t
}

// binReader reads primitive values from a byte slice and remembers the
// first error.
type binReader struct {
	b      []byte
	size   int  // of the whole input, so that off can tell the position
	verify bool // check the weight tables (see weights)
	err    error
}

// off is the position of the next byte in the input.
func (b *binReader) off() int { return b.size - len(b.b) }

func (b *binReader) fail(err error) {
	if b.err == nil {
		b.err = err
	}
}

func (b *binReader) uvarint() uint64 {
	if b.err != nil {
		return 0
	}
	v, n := binary.Uvarint(b.b)
	if n <= 0 {
		b.fail(errors.New("bad or truncated number"))
		return 0
	}
	b.b = b.b[n:]
	return v
}

// count reads a length and rejects absurd values so corrupt files cannot exhaust memory.
func (b *binReader) count() int {
	n := b.uvarint()
	if n > 1<<28 {
		b.fail(fmt.Errorf("length %d too large", n))
		return 0
	}
	return int(n)
}

// next returns the next n bytes, or nil (with the error set) when fewer are left.
func (b *binReader) next(n int) []byte {
	if b.err != nil {
		return nil
	}
	if n > len(b.b) {
		b.fail(io.ErrUnexpectedEOF)
		return nil
	}
	p := b.b[:n:n]
	b.b = b.b[n:]
	return p
}

func (b *binReader) u64() uint64 {
	p := b.next(8)
	if p == nil {
		return 0
	}
	return binary.LittleEndian.Uint64(p)
}

func (b *binReader) str() string {
	n := b.count()
	if n > 1<<20 {
		b.fail(fmt.Errorf("string length %d too large", n))
		return ""
	}
	return string(b.next(n))
}

func (b *binReader) strs() []string {
	n := b.count()
	var ss []string
	for range n {
		if b.err != nil {
			break
		}
		ss = append(ss, b.str())
	}
	return ss
}

// weights reads what (*binWriter).weights writes. The slots and pairs are
// used in place when data is aligned for them and the machine is
// little-endian (always, in practice), else copied; either way, with verify
// set, every slot's run, the class of every pair of a sparse run and the
// padding of every dense row are checked, which reads the whole table.
func (b *binReader) weights() *weights {
	nClasses := b.count()
	n := b.count()
	size := b.count()
	nPairs := b.count()
	switch {
	case b.err != nil:
		return &weights{}
	case nClasses > 256:
		b.fail(fmt.Errorf("%d classes, at most 256 supported", nClasses))
		return &weights{}
	case nPairs >= maxPairs:
		b.fail(errors.New("too many weights"))
		return &weights{}
	case size < 2*n || size&(size-1) != 0:
		b.fail(fmt.Errorf("%d slots for %d features", size, n))
		return &weights{}
	}
	b.next((8 - b.off()%8) % 8)
	w := &weights{nClasses: nClasses, count: n, mask: uint32(size - 1)}
	w.slots = words[uint64](b.next(8 * size))
	w.pairs = words[uint32](b.next(4 * nPairs))
	if b.err != nil || !b.verify {
		return w
	}
	used := 0
	dense := denseWords(nClasses)
	for _, s := range w.slots {
		if uint32(s>>32) == emptyKey {
			continue
		}
		used++
		start, l := int(uint32(s)>>8), int(uint32(s)&0xff)
		if l == 0 {
			l = dense
		}
		if start+l > nPairs {
			b.fail(fmt.Errorf("bad feature %d: %d weights from %d", s>>32, l, start))
			return &weights{}
		}
		if err := checkRun(w.pairs[start:start+l], uint32(s)&0xff == 0, nClasses); err != nil {
			b.fail(fmt.Errorf("feature %d: %w", s>>32, err))
			return &weights{}
		}
	}
	if used != n {
		b.fail(fmt.Errorf("%d features, %d stored", n, used))
	}
	return w
}

// checkRun checks one feature's run of weights: every pair's class of a
// sparse run, and that a dense row has no weight past the last class.
func checkRun(run []uint32, dense bool, nClasses int) error {
	if !dense {
		for _, p := range run {
			if int(uint8(p)) >= nClasses {
				return fmt.Errorf("class %d out of range", uint8(p))
			}
		}
		return nil
	}
	for c := nClasses; c < 2*len(run); c++ {
		if run[c/2]>>(16*(c%2))&0xffff != 0 {
			return fmt.Errorf("weight for class %d out of range", c)
		}
	}
	return nil
}

// words returns p as a slice of little-endian words of type T: p itself
// when it is aligned for T and the machine is little-endian, a copy
// otherwise.
func words[T uint32 | uint64](p []byte) []T {
	var zero T
	size := int(unsafe.Sizeof(zero))
	if len(p) == 0 {
		return nil
	}
	if littleEndian && uintptr(unsafe.Pointer(&p[0]))%uintptr(size) == 0 {
		return unsafe.Slice((*T)(unsafe.Pointer(&p[0])), len(p)/size)
	}
	out := make([]T, len(p)/size)
	for i := range out {
		if size == 8 {
			out[i] = T(binary.LittleEndian.Uint64(p[8*i:]))
		} else {
			out[i] = T(binary.LittleEndian.Uint32(p[4*i:]))
		}
	}
	return out
}

// littleEndian is whether this machine stores words little-endian, as the
// model file does.
var littleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1
