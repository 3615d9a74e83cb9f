package attribution

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/whosaid/whosaid/corpus"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/document"
	"github.com/whosaid/whosaid/text"
)

// TrainConfig sets how a model is trained.
type TrainConfig struct {
	Epochs   int    // passes over the training articles
	MinCount int    // features seen fewer times are dropped
	Seed     uint64 // seeds the order of the articles in each epoch
	// RoleWeight scales the perceptron updates at tokens where the gold
	// or predicted tag is a cue or source; values below 1 count as 1.
	RoleWeight float64
	// CueBias is added to the cue tags' scores when the model decodes. The
	// perceptron, whose cue updates RoleWeight amplifies, tags more cues
	// than are right; a negative bias drops the doubtful ones. The
	// default was chosen by two-fold cross-validation on PolNeAR train
	// (cue exact F1 66.2 with no bias, 66.5 at -100, 66.7 at -250, 66.6
	// at -400), not on the development set.
	CueBias float64
}

// DefaultTrainConfig is the setting of the shipped model.
var DefaultTrainConfig = TrainConfig{Epochs: 20, MinCount: 2, Seed: 1, RoleWeight: 8, CueBias: -250}

// Analyze runs the document and text stages the way the model was trained
// on them: the title (which PolNeAR annotates too) followed by the
// content paragraphs.
func Analyze(a whosaid.Article) *text.Text {
	doc := document.Analyze(a.Text, a.Title)
	return text.Analyze(a.Text, doc.Blocks(true))
}

// goldTags labels the tokens of t with the roles of the gold
// attributions: each fragment of a role is one span. A token takes the
// role of the fragment its first byte lies in; the first role given wins,
// as the corpus is univocal.
func goldTags(t *text.Text, attrs []corpus.Attribution) []Tag {
	tags := make([]Tag, len(t.Tokens))
	mark := func(r *corpus.Region, begin, in Tag) {
		if r == nil {
			return
		}
		for _, f := range r.Fragments {
			first := true
			for i := t.TokenAt(f.Start); i < len(t.Tokens) && t.Tokens[i].Start < f.End; i++ {
				switch {
				case t.Tokens[i].Start < f.Start:
				case tags[i] != Outside: // another span holds the token
					first = true
				case first:
					tags[i], first = begin, false
				default:
					tags[i] = in
				}
			}
		}
	}
	for _, a := range attrs {
		mark(a.Source, BeginSource, InSource)
		mark(a.Cue, BeginCue, InCue)
		mark(a.Content, BeginContent, InContent)
		mark(a.Content2, BeginContent, InContent)
	}
	return tags
}

// buildLexicon counts how often each word, and each word's lemma (keyed
// by lemmaKey), is tagged cue.
func buildLexicon(texts []*text.Text, tags [][]Tag) map[string]uint8 {
	total, cue := map[string]int{}, map[string]int{}
	for d, t := range texts {
		for i := range t.Tokens {
			if t.Tokens[i].Kind != text.Word {
				continue
			}
			w := normalise(t.Str(i))
			l := lemmaKey(w)
			total[w]++
			total[l]++
			if tags[d][i].Role() == CueRole {
				cue[w]++
				cue[l]++
			}
		}
	}
	lex := map[string]uint8{}
	for w, n := range cue {
		if n < 2 {
			continue
		}
		if b := rateBucket(n, total[w]); b != rateNone {
			lex[w] = b
		}
	}
	return lex
}

// sequence is one paragraph of training data.
type sequence struct {
	doc    int // index of the article
	para   text.Paragraph
	hashes [][]uint32
	rows   [][]int32
	gold   []Tag
}

// Train trains a model on PolNeAR articles. The result depends only on
// the articles and cfg.
func Train(articles []corpus.PolNeARArticle, cfg TrainConfig) (*Model, error) {
	if len(articles) == 0 {
		return nil, errors.New("train: no articles")
	}
	if cfg.Epochs < 1 {
		return nil, fmt.Errorf("train: %d epochs", cfg.Epochs)
	}
	lex, ctxs, seqs, index := prepare(articles, cfg)
	all := make([]int, len(seqs))
	for k := range all {
		all[k] = k
	}
	w := trainTagger(seqs, all, index, cfg)
	r, decide := trainRefiner(articles, ctxs, seqs, index, cfg)
	return &Model{lexicon: lex, w: w, cueBias: float32(cfg.CueBias), refine: r, decide: decide}, nil
}

// prepare analyses the articles and returns the cue lexicon, each
// article's context, the paragraphs as training sequences and the row
// of each feature kept.
func prepare(articles []corpus.PolNeARArticle, cfg TrainConfig) (map[string]uint8, []*docContext, []sequence, map[uint32]int32) {
	texts := make([]*text.Text, len(articles))
	tags := make([][]Tag, len(articles))
	for d, a := range articles {
		texts[d] = Analyze(a.Article)
		tags[d] = goldTags(texts[d], a.Attributions)
	}
	lex := buildLexicon(texts, tags)
	slog.Info("cue lexicon built", "words", len(lex))

	var seqs []sequence
	ctxs := make([]*docContext, len(texts))
	counts := map[uint32]int{}
	for d, t := range texts {
		ctxs[d] = newDocContext(t, lex)
		for _, p := range t.Paragraphs {
			s := sequence{doc: d, para: p, hashes: ctxs[d].sequenceFeatures(p), gold: tags[d][p.First:p.Last]}
			for _, fs := range s.hashes {
				for _, h := range fs {
					counts[h]++
				}
			}
			seqs = append(seqs, s)
		}
	}
	// Rows are numbered in order of first appearance, so the numbering is
	// deterministic.
	index := map[uint32]int32{}
	for k := range seqs {
		s := &seqs[k]
		s.rows = make([][]int32, len(s.hashes))
		for i, fs := range s.hashes {
			rows := make([]int32, 0, len(fs))
			for _, h := range fs {
				if counts[h] < cfg.MinCount {
					continue
				}
				row, ok := index[h]
				if !ok {
					row = int32(len(index))
					index[h] = row
				}
				rows = append(rows, row)
			}
			s.rows[i] = rows
		}
		s.hashes = nil
	}
	slog.Info("features indexed", "paragraphs", len(seqs), "features", len(index), "seen", len(counts))
	return lex, ctxs, seqs, index
}

// trainTagger trains the tagger's weights on the sequences listed in
// which.
func trainTagger(seqs []sequence, which []int, index map[uint32]int32, cfg TrainConfig) *weights {
	w := &weights{index: index, rows: make([]float32, len(index)*int(tagCount))}
	avg := newAverager(w, float32(cfg.RoleWeight))
	rng := rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15))
	order := slices.Clone(which)
	for epoch := range cfg.Epochs {
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		wrong, total := 0, 0
		for _, k := range order {
			s := &seqs[k]
			pred := viterbi(w.rowEmissions(s.rows), &w.trans)
			differs := false
			for i := range pred {
				if pred[i] != s.gold[i] {
					wrong++
					differs = true
				}
			}
			total += len(pred)
			if differs {
				avg.update(s.rows, s.gold, pred)
			} else {
				avg.tick()
			}
		}
		slog.Info("epoch done", "epoch", epoch+1, "token_error", float64(wrong)/float64(max(total, 1)), "took", time.Since(start).Round(time.Millisecond))
	}
	return avg.averaged()
}

// refinerFolds is how many parts the training articles are cut into to
// train the refiner: it learns from the contents of each part as tagged
// by a tagger trained on the other parts, so it sees the tagger's errors
// on unseen text rather than on text it has fitted.
const refinerFolds = 2

// trainRefiner trains the content-edge refiner on the cross-fitted
// tagger's contents.
func trainRefiner(articles []corpus.PolNeARArticle, ctxs []*docContext, seqs []sequence, index map[uint32]int32, cfg TrainConfig) (*refiner, decisions) {
	return fitRefiner(articles, ctxs, crossTag(ctxs, seqs, index, cfg), cfg)
}

// tagged is an article as a tagger tagged it: each token's tag, margin
// over the runner-up and tag scores.
type tagged struct {
	tags    []Tag
	margins []float32
	scores  [][tagCount]float32
}

// crossTag tags the articles of each of refinerFolds parts with a tagger
// trained on the other parts.
func crossTag(ctxs []*docContext, seqs []sequence, index map[uint32]int32, cfg TrainConfig) []tagged {
	out := make([]tagged, len(ctxs))
	for d, ctx := range ctxs {
		n := len(ctx.t.Tokens)
		out[d] = tagged{make([]Tag, n), make([]float32, n), make([][tagCount]float32, n)}
	}
	for fold := range refinerFolds {
		var train []int
		for k, s := range seqs {
			if s.doc%refinerFolds != fold {
				train = append(train, k)
			}
		}
		w := trainTagger(seqs, train, index, cfg)
		for _, s := range seqs {
			if s.doc%refinerFolds != fold {
				continue
			}
			o, p := &out[s.doc], s.para
			em := w.rowEmissions(s.rows)
			addCueBias(em, float32(cfg.CueBias))
			copy(o.scores[p.First:p.Last], em)
			decode(em, &w.trans, o.tags[p.First:p.Last], o.margins[p.First:p.Last])
		}
		slog.Info("refiner fold tagged", "fold", fold+1)
	}
	return out
}

// fitRefiner trains the refiner on the contents and sources of the
// articles as tagged (by crossTag).
func fitRefiner(articles []corpus.PolNeARArticle, ctxs []*docContext, tags []tagged, cfg TrainConfig) (*refiner, decisions) {
	examples := map[Role][]spanExample{}
	var subjects []spanExample
	for d, ctx := range ctxs {
		for role, exs := range docExamples(articles[d], ctx, tags[d], &subjects) {
			examples[role] = append(examples[role], exs...)
		}
	}
	slog.Info("decision examples", "subjects", len(subjects))
	slog.Info("refiner examples", "content", len(examples[ContentRole]), "source", len(examples[SourceRole]))
	// Each role is learnt on its own, so that neither's averaged weights
	// depend on how many examples the other has; their features differ
	// by prefix, so the weights merge into one refiner.
	r := &refiner{w: map[uint32]float32{}}
	for _, role := range []Role{ContentRole, SourceRole} {
		maps.Copy(r.w, learnRefiner(examples[role], refinerEpochs, rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x51ed2701))).w)
	}
	return r, trainDecisions(subjects, cfg.Epochs, cfg.Seed)
}

// docExamples returns by role the refiner's training examples of an
// article as tagged: the spans the tagger found that match a gold one; it
// appends the examples of the source decision (post.go) to subjects.
func docExamples(a corpus.PolNeARArticle, ctx *docContext, tg tagged, subjects *[]spanExample) map[Role][]spanExample {
	out := map[Role][]spanExample{}
	gold := goldSpans(ctx.t, a.Attributions)
	ctx.setScores(tg.scores, tg.margins)
	ctx.countRoles(tg.tags)
	attrs := group(ctx, tg.tags, tg.margins, func(s edgeSpan) (int, int) {
		if g, ok := matchGold(s, gold[s.role]); ok {
			if ex, ok := ctx.spanExample(s, g.first, g.last-1, tg.tags); ok {
				out[s.role] = append(out[s.role], ex)
			}
		}
		return s.first, s.last
	})
	ctx.decisionExamples(attrs, gold[SourceRole], subjects)
	return out
}

// refinerEpochs is how many passes the refiner makes over its examples.
const refinerEpochs = 5

// learnRefiner trains a refiner on examples, in an order that rng
// shuffles anew each epoch.
func learnRefiner(examples []spanExample, epochs int, rng *rand.Rand) *refiner {
	tr := newRefinerTrainer()
	order := make([]int, len(examples))
	for k := range order {
		order[k] = k
	}
	for range epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			tr.learn(examples[k])
		}
	}
	return tr.averaged()
}

// goldSpans returns by role the token spans of the gold sources and
// contents whose edges fall on token edges (white space trimmed), from
// the first fragment's start to the last one's end.
func goldSpans(t *text.Text, attrs []corpus.Attribution) map[Role][]span {
	out := map[Role][]span{}
	for _, a := range attrs {
		for _, r := range []*corpus.Region{a.Source, a.Content, a.Content2} {
			if r == nil || len(r.Fragments) == 0 {
				continue
			}
			lo, hi := r.Fragments[0].Start, r.Fragments[len(r.Fragments)-1].End
			for lo < hi && isSpace(t.Src[lo]) {
				lo++
			}
			for hi > lo && isSpace(t.Src[hi-1]) {
				hi--
			}
			if lo >= hi || lo >= len(t.Src) {
				continue
			}
			first, last := t.TokenAt(lo), t.TokenAt(hi-1)
			if first < 0 || last < 0 || first >= len(t.Tokens) || last >= len(t.Tokens) || t.Tokens[first].Start != lo || t.Tokens[last].End != hi {
				continue
			}
			role := ContentRole
			if r == a.Source {
				role = SourceRole
			}
			out[role] = append(out[role], span{role: role, first: first, last: last + 1})
		}
	}
	return out
}

func isSpace(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

// matchGold returns the gold span that span s covers best, if s
// covers at least 30% of its tokens (the evaluation's overlap rule).
func matchGold(s edgeSpan, gold []span) (span, bool) {
	best, bestCov := span{}, 0.3
	found := false
	for _, g := range gold {
		overlap := min(g.last, s.last) - max(g.first, s.first)
		if cov := float64(overlap) / float64(g.last-g.first); overlap > 0 && cov >= bestCov {
			best, bestCov, found = g, cov, true
		}
	}
	return best, found
}

// TrainMain runs "whosaid train attribution": it trains a model on the
// PolNeAR training set and writes it where the package embeds it.
func TrainMain(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("train attribution", flag.ContinueOnError)
	fs.SetOutput(stderr)
	polnear := fs.String("polnear", "", "PolNeAR training set (polnear-train.jsonl)")
	out := fs.String("out", filepath.Join("attribution", "model", "polnear.bin.gz"), "model file to write")
	cfg := DefaultTrainConfig
	fs.IntVar(&cfg.Epochs, "epochs", cfg.Epochs, "training passes")
	fs.IntVar(&cfg.MinCount, "min-count", cfg.MinCount, "drop features seen fewer times")
	fs.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "seed of the article order")
	fs.Float64Var(&cfg.RoleWeight, "role-weight", cfg.RoleWeight, "update weight of cue and source tokens")
	fs.Float64Var(&cfg.CueBias, "cue-bias", cfg.CueBias, "score added to the cue tags when decoding")
	limit := fs.Int("limit", 0, "train on the first N articles only (0: all)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *polnear == "" {
		return errors.New("train attribution: --polnear is required")
	}
	start := time.Now()
	articles, err := corpus.LoadPolNeAR(*polnear)
	if err != nil {
		return fmt.Errorf("train attribution: %w", err)
	}
	if *limit > 0 && *limit < len(articles) {
		articles = articles[:*limit]
	}
	m, err := Train(articles, cfg)
	if err != nil {
		return fmt.Errorf("train attribution: %w", err)
	}
	f, err := os.Create(*out)
	if err != nil {
		return fmt.Errorf("train attribution: %w", err)
	}
	if err := m.Encode(f); err != nil {
		f.Close()
		return fmt.Errorf("train attribution: writing %s: %w", *out, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("train attribution: %w", err)
	}
	info, err := os.Stat(*out)
	if err != nil {
		return fmt.Errorf("train attribution: %w", err)
	}
	fmt.Fprintf(stdout, "trained on %d articles in %s; wrote %s (%d bytes)\n", len(articles), time.Since(start).Round(time.Second), *out, info.Size())
	return nil
}
