package syntax

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/whosaid/whosaid/syntax/conllu"
)

// TrainOptions controls training. Zero values pick the defaults used for the shipped model.
type TrainOptions struct {
	TaggerIters  int    // tagger passes over the data (default 8)
	ParserIters  int    // parser passes over the data (default 20)
	Folds        int    // jack-knife folds for predicted training tags, at least 2 (default 5)
	Workers      int    // goroutines for the jack-knife folds (default 2)
	Seed         uint64 // shuffling and exploration seed (default 1)
	MaxSentences int    // use only the first N training sentences (0 = all); for tests
	// ClusterText is unannotated text (sentences of words) clustered together
	// with the training sentences for the word-cluster features.
	ClusterText [][]string
	Logger      *slog.Logger
}

func (o *TrainOptions) defaults() {
	if o.TaggerIters <= 0 {
		o.TaggerIters = 8
	}
	if o.ParserIters <= 0 {
		o.ParserIters = 20
	}
	if o.Folds <= 0 {
		o.Folds = 5
	}
	o.Folds = max(o.Folds, 2)
	if o.Workers <= 0 {
		o.Workers = 2
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
}

// ReadTreebank reads a CoNLL-U file.
func ReadTreebank(path string) ([]*conllu.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("syntax: %w", err)
	}
	defer f.Close()
	sents, err := conllu.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("syntax: reading %s: %w", path, err)
	}
	return sents, nil
}

// Train trains a tagger, lemmatiser and parser on a treebank. The result is
// deterministic for given sentences and options.
func Train(train []*conllu.Sentence, opts TrainOptions) (*Model, error) {
	opts.defaults()
	log := opts.Logger
	if opts.MaxSentences > 0 && len(train) > opts.MaxSentences {
		train = train[:opts.MaxSentences]
	}
	var sents []*conllu.Sentence
	for _, s := range train {
		if len(s.Words) > 0 && validTree(s) {
			sents = append(sents, s)
		}
	}
	if len(sents) == 0 {
		return nil, errors.New("syntax: train: no usable sentences")
	}

	tagged := make([]taggedSentence, len(sents))
	var lemmaExamples []lemmaExample
	for i, s := range sents {
		for _, w := range s.Words {
			tagged[i].words = append(tagged[i].words, w.Form)
			tagged[i].tags = append(tagged[i].tags, jointTag(w.UPOS, w.XPOS))
			lemmaExamples = append(lemmaExamples, lemmaExample{form: w.Form, xpos: w.XPOS, lemma: w.Lemma})
		}
	}

	start := time.Now()
	clusterSents := slices.Clone(opts.ClusterText)
	for _, s := range tagged {
		clusterSents = append(clusterSents, s.words)
	}
	clu := trainClusters(clusterSents)
	log.Info("word clusters", "sentences", len(clusterSents), "words", len(clu.fine), "elapsed", time.Since(start).Round(time.Second))

	lemmas := trainLemmatizer(lemmaExamples)
	log.Info("trained lemmatiser", "rules", len(lemmas.rules), "known", lemmas.known.size())

	tagged2, predicted := jackknife(tagged, opts, clu)
	log.Info("jack-knifed tags", "folds", opts.Folds, "accuracy", tagAccuracy(tagged, predicted), "elapsed", time.Since(start).Round(time.Second))

	var first, second *tagger
	var wg sync.WaitGroup // the two passes are independent; train them side by side
	wg.Go(func() {
		first = trainTagger(tagged, opts.TaggerIters, opts.Seed, clu, log.With("model", "tagger", "pass", 1))
	})
	wg.Go(func() {
		second = trainTagger(tagged2, opts.TaggerIters, opts.Seed, clu, log.With("model", "tagger", "pass", 2))
	})
	wg.Wait()
	log.Info("trained tagger", "classes", len(second.classes), "features", first.w.count+second.w.count, "elapsed", time.Since(start).Round(time.Second))

	labels, labelIndex := collectLabels(sents)
	rootLabel, ok := labelIndex["root"]
	if !ok {
		return nil, errors.New(`syntax: train: no "root" relation in the treebank`)
	}
	examples, nonProjective := parseExamples(sents, predicted, labelIndex, clu, second.ambig)
	log.Info("parser data", "sentences", len(examples), "projectivised", nonProjective, "labels", len(labels))
	ps := trainParser(examples, labels, rootLabel, opts.ParserIters, opts.Seed, log.With("model", "parser"))
	log.Info("trained parser", "features", ps.w.count, "elapsed", time.Since(start).Round(time.Second))
	return newModel(first, second, lemmas, ps, clu), nil
}

// jackknife tags every training sentence with taggers that did not see it,
// so the second pass and the parser learn from realistic tags. It returns the
// sentences with first-pass tags (to train the second pass) and the
// second-pass predictions.
func jackknife(tagged []taggedSentence, opts TrainOptions, clu *clusters) ([]taggedSentence, [][]string) {
	firstFolds := foldTaggers(tagged, opts, clu)
	tagged2 := make([]taggedSentence, len(tagged))
	st := &taggerState{}
	for i, s := range tagged {
		tagged2[i] = s
		tagged2[i].first = tagHashes(firstFolds[i%opts.Folds].tagNames(st, s.words))
	}
	secondFolds := foldTaggers(tagged2, opts, clu)
	predicted := make([][]string, len(tagged))
	for i, s := range tagged {
		f := i % opts.Folds
		st.first = tagHashes(firstFolds[f].tagNames(st, s.words))
		predicted[i] = secondFolds[f].tagNames(st, s.words)
	}
	return tagged2, predicted
}

func tagAccuracy(tagged []taggedSentence, predicted [][]string) float64 {
	correct, total := 0, 0
	for i, s := range tagged {
		for j, tg := range predicted[i] {
			correct += b2i(tg == s.tags[j])
			total++
		}
	}
	return float64(correct) / float64(max(total, 1))
}

// parseExamples builds the parser's training data from the treebank with
// predicted tags; it returns them and how many trees were projectivised.
func parseExamples(sents []*conllu.Sentence, predicted [][]string, labelIndex map[string]int, clu *clusters, ambig map[uint64]uint64) ([]parseExample, int) {
	examples := make([]parseExample, len(sents))
	nonProjective := 0
	for i, s := range sents {
		ex := &examples[i]
		gold := make([]int, len(s.Words))
		for j, w := range s.Words {
			ex.words = append(ex.words, hashLower(w.Form))
			ex.tags = append(ex.tags, tagHash(predicted[i][j]))
			upos, _ := splitJointTag(predicted[i][j])
			ex.coarse = append(ex.coarse, tagHash(upos))
			ex.suf = append(ex.suf, suffixHash(w.Form))
			ex.clu = append(ex.clu, clu.lookup(w.Form))
			a, ok := ambig[hashLower(w.Form)]
			if !ok {
				a = ambigUnseen
			}
			ex.amb = append(ex.amb, a)
			gold[j] = w.Head
			ex.labels = append(ex.labels, labelIndex[w.Deprel])
		}
		ex.heads = projectivize(gold)
		if !slices.Equal(ex.heads, gold) {
			nonProjective++
		}
	}
	return examples, nonProjective
}

// validTree reports whether every head is in range and the words form one rooted tree.
func validTree(s *conllu.Sentence) bool {
	n := len(s.Words)
	roots := 0
	for _, w := range s.Words {
		if w.Head < 0 || w.Head > n || w.Deprel == "" || w.Deprel == "_" {
			return false
		}
		if w.Head == 0 {
			roots++
		}
	}
	if roots != 1 {
		return false
	}
	for i := range s.Words { // every word must reach the root without a cycle
		a, steps := i+1, 0
		for a != 0 && steps <= n {
			a = s.Words[a-1].Head
			steps++
		}
		if a != 0 {
			return false
		}
	}
	return true
}

// collectLabels returns the sorted relation labels and their indices.
func collectLabels(sents []*conllu.Sentence) ([]string, map[string]int) {
	index := map[string]int{}
	var labels []string
	for _, s := range sents {
		for _, w := range s.Words {
			if _, ok := index[w.Deprel]; !ok {
				index[w.Deprel] = 0
				labels = append(labels, w.Deprel)
			}
		}
	}
	slices.Sort(labels)
	for i, l := range labels {
		index[l] = i
	}
	return labels, index
}

// foldTaggers trains, for each jack-knife fold f, a tagger on the sentences
// not in f (sentence i is in fold i % Folds). Folds run in parallel but each
// is trained independently, so the result is deterministic.
func foldTaggers(sents []taggedSentence, opts TrainOptions, clu *clusters) []*tagger {
	out := make([]*tagger, opts.Folds)
	var wg sync.WaitGroup
	folds := make(chan int)
	for range opts.Workers {
		wg.Go(func() {
			for f := range folds {
				var rest []taggedSentence
				for i, s := range sents {
					if i%opts.Folds != f {
						rest = append(rest, s)
					}
				}
				out[f] = trainTagger(rest, opts.TaggerIters, opts.Seed, clu, slog.New(slog.DiscardHandler))
			}
		})
	}
	for f := range opts.Folds {
		folds <- f
	}
	close(folds)
	wg.Wait()
	return out
}

// DefaultModelPath is where `whosaid train syntax` writes the model that gets embedded.
const DefaultModelPath = "syntax/model/en_ewt.bin"

// TrainMain implements `whosaid train syntax`: it trains on the UD English EWT
// treebank in --ud, writes the model to --out and reports dev and test scores.
func TrainMain(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("train syntax", flag.ContinueOnError)
	fs.SetOutput(stderr)
	ud := fs.String("ud", "../shared/data/ud-english-ewt", "directory with en_ewt-ud-{train,dev,test}.conllu")
	out := fs.String("out", DefaultModelPath, "model file to write")
	iters := fs.Int("iters", 20, "parser training iterations")
	tagIters := fs.Int("tagger-iters", 8, "tagger training iterations")
	folds := fs.Int("folds", 5, "jack-knife folds for predicted training tags")
	workers := fs.Int("workers", 2, "parallel jack-knife folds")
	polnear := fs.String("cluster-text", "../shared/data/polnear/polnear-train.jsonl", "PolNeAR train JSONL whose article texts are clustered with the treebank (empty: treebank only)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	start := time.Now()
	train, err := ReadTreebank(filepath.Join(*ud, "en_ewt-ud-train.conllu"))
	if err != nil {
		return err
	}
	var extra [][]string
	if *polnear != "" {
		if extra, err = ReadPolnearText(*polnear); err != nil {
			return err
		}
	}
	m, err := Train(train, TrainOptions{
		TaggerIters: *tagIters, ParserIters: *iters, Folds: *folds, Workers: *workers, Logger: log,
		ClusterText: extra,
	})
	if err != nil {
		return err
	}
	if err := m.Save(*out); err != nil {
		return err
	}
	info, err := os.Stat(*out)
	if err != nil {
		return fmt.Errorf("syntax: %w", err)
	}
	fmt.Fprintf(stdout, "wrote %s (%.1f MB) in %s\n", *out, float64(info.Size())/1e6, time.Since(start).Round(time.Second))
	for _, split := range []string{"dev", "test"} {
		sents, err := ReadTreebank(filepath.Join(*ud, "en_ewt-ud-"+split+".conllu"))
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%-5s %s\n", split, m.Evaluate(sents))
	}
	return nil
}
