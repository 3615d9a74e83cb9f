package syntax

import (
	"cmp"
	"log/slog"
	"math/rand/v2"
	"slices"
	"strings"
)

// tagger is a greedy left-to-right averaged-perceptron tagger. Its classes are
// whatever tag strings it was trained on (the shipped model uses joint
// "UPOS\tXPOS" tags, see Model). A second-pass tagger (rightContext) also
// sees the first pass's tags of the following words, which a left-to-right
// tagger otherwise lacks.
type tagger struct {
	classes      []string
	dict         map[uint64]uint8  // exact form hash -> class, for frequent unambiguous words
	ambig        map[uint64]uint64 // lowercase form hash -> hash of the word's set of seen classes
	rightContext bool              // features include first-pass tags (taggerState.first)
	clu          *clusters         // word clusters, shared with the model (not stored per tagger)
	w            *weights
}

// Tagger feature templates.
const (
	tBias = iota + 1
	tForm
	tLower
	tShape
	tPrevLower
	tPrev2Lower
	tNextLower
	tNext2Lower
	tPrevSuf3
	tNextSuf3
	tPrevShape
	tNextShape
	tPrevTag
	tPrev2Tag
	tPrevTags
	tPrevTagLower
	tPrevLowerLower
	tLowerNextLower
	tAmbig
	tNextAmbig
	tNext2Ambig
	tPrevTagAmbig
	tAmbigNextAmbig
	tFirstShape
	tPrevTagSuf2
	tPrevTagNextLower
	tPrevNextLower
	tNextSuf2
	tPrevTagSuf3
	tPrevTagsLower
	tNextLowerAmbig
	tFirstNext
	tFirstNext2
	tFirstNextPair
	tPrevTagFirstNext
	tFirstNextLower
	tFirstCur
	tCluFine
	tCluMid
	tCluCoarse
	tPrevCluMid
	tNextCluMid
	tNextCluFine
	tPrevTagCluMid
	tCluMidNextCluMid
	tPre1             // tPre1..tPre1+3: prefixes of 1..4 bytes
	tSuf1 = tPre1 + 4 // tSuf1..tSuf1+3: suffixes of 1..4 bytes
)

// Hashes standing for positions outside the sentence and unknown ambiguity.
const (
	hashStart   = 0x5354415254 // "START"
	hashEnd     = 0x454e44     // "END"
	ambigUnseen = 0x554e4b     // "UNK"
)

// tokenInfo holds the per-token hashes the tagger features are built from.
type tokenInfo struct {
	form, lower, shape, ambig uint64
	pre, suf                  [4]uint64
	clu                       clusterFeatures
}

// taggerState holds reusable buffers for tagging one sentence.
type taggerState struct {
	info   []tokenInfo
	feats  []uint64
	scores []float32
	first  []uint64 // first-pass tag hashes (tagHash), read by a rightContext tagger
}

func (t *tagger) prepare(st *taggerState, words []string) {
	st.info = slices.Grow(st.info[:0], len(words))[:len(words)]
	t.prepareRange(st, words, 0, len(words))
}

// prepareRange hashes and looks up the words from..to-1 of a sentence whose
// st.info already has one entry per word: tagging word i reads the entries
// up to i+2, so a partial tagging prepares only as far as it tags.
func (t *tagger) prepareRange(st *taggerState, words []string, from, to int) {
	for i := from; i < to; i++ {
		w := words[i]
		in := &st.info[i]
		in.form = hashString(w)
		in.lower = hashLower(w)
		in.shape = wordShapeHash(w)
		affixHashes(w, &in.pre, &in.suf)
		a, ok := t.ambig[in.lower]
		if !ok {
			a = ambigUnseen
		}
		in.ambig = a
		in.clu = t.clu.lookup(w)
	}
	if len(st.scores) != len(t.classes) {
		st.scores = newScores(len(t.classes))
	}
}

// features fills st.feats for token i given the two previous predicted classes.
func (t *tagger) features(st *taggerState, i int, prev, prev2 uint64) []uint64 {
	info := st.info
	cur := &info[i]
	at := func(j int) (lower, suf2, suf3, shape, ambig uint64) {
		switch {
		case j < 0:
			return hashStart, hashStart, hashStart, hashStart, hashStart
		case j >= len(info):
			return hashEnd, hashEnd, hashEnd, hashEnd, hashEnd
		}
		return info[j].lower, info[j].suf[1], info[j].suf[2], info[j].shape, info[j].ambig
	}
	pl, _, ps3, psh, _ := at(i - 1)
	p2l, _, _, _, _ := at(i - 2)
	nl, ns2, ns3, nsh, na := at(i + 1)
	n2l, _, _, _, n2a := at(i + 2)
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	f := append(st.feats[:0],
		feat1(tBias, 0),
		feat1(tForm, cur.form),
		feat1(tLower, cur.lower),
		feat1(tShape, cur.shape),
		feat1(tPrevLower, pl),
		feat1(tPrev2Lower, p2l),
		feat1(tNextLower, nl),
		feat1(tNext2Lower, n2l),
		feat1(tPrevSuf3, ps3),
		feat1(tNextSuf3, ns3),
		feat1(tPrevShape, psh),
		feat1(tNextShape, nsh),
		feat1(tPrevTag, prev),
		feat1(tPrev2Tag, prev2),
		feat2(tPrevTags, prev, prev2),
		feat2(tPrevTagLower, prev, cur.lower),
		feat2(tPrevLowerLower, pl, cur.lower),
		feat2(tLowerNextLower, cur.lower, nl),
		feat1(tAmbig, cur.ambig),
		feat1(tNextAmbig, na),
		feat1(tNext2Ambig, n2a),
		feat2(tPrevTagAmbig, prev, cur.ambig),
		feat2(tAmbigNextAmbig, cur.ambig, na),
		feat2(tFirstShape, first, cur.shape),
		feat2(tPrevTagSuf2, prev, cur.suf[1]),
		feat2(tPrevTagNextLower, prev, nl),
		feat2(tPrevNextLower, pl, nl),
		feat1(tNextSuf2, ns2),
		feat2(tPrevTagSuf3, prev, cur.suf[2]),
		feat3(tPrevTagsLower, prev, prev2, cur.lower),
		feat2(tNextLowerAmbig, nl, cur.ambig),
	)
	// Word clusters generalise over rare and unseen words and their neighbours.
	prevClu, nextClu := clusterFeatures{hashStart, hashStart, hashStart}, clusterFeatures{hashEnd, hashEnd, hashEnd}
	if i > 0 {
		prevClu = info[i-1].clu
	}
	if i+1 < len(info) {
		nextClu = info[i+1].clu
	}
	f = append(f,
		feat1(tCluFine, cur.clu.fine),
		feat1(tCluMid, cur.clu.mid),
		feat1(tCluCoarse, cur.clu.coarse),
		feat1(tPrevCluMid, prevClu.mid),
		feat1(tNextCluMid, nextClu.mid),
		feat1(tNextCluFine, nextClu.fine),
		feat2(tPrevTagCluMid, prev, cur.clu.mid),
		feat2(tCluMidNextCluMid, cur.clu.mid, nextClu.mid),
	)
	for k := range 4 {
		f = append(f, feat1(uint64(tPre1+k), cur.pre[k]), feat1(uint64(tSuf1+k), cur.suf[k]))
	}
	if t.rightContext {
		firstAt := func(j int) uint64 {
			if j >= len(info) {
				return hashEnd
			}
			return st.first[j] // set as far as tagging has gone (see partialTag)
		}
		n1, n2 := firstAt(i+1), firstAt(i+2)
		f = append(f,
			feat1(tFirstNext, n1),
			feat1(tFirstNext2, n2),
			feat2(tFirstNextPair, n1, n2),
			feat2(tPrevTagFirstNext, prev, n1),
			feat2(tFirstNextLower, n1, cur.lower),
			feat1(tFirstCur, st.first[i]),
		)
	}
	st.feats = f
	return f
}

// classHash is the history feature value for a predicted class (or a boundary).
func classHash(c int) uint64 { return uint64(c) + 1000 }

// tagHash is the feature value of a tag seen by a later model (second-pass
// tagger, parser); it hashes the name so models trained on different folds agree.
func tagHash(name string) uint64 { return hashString(name) }

// tag predicts a class for every word into out.
func (t *tagger) tag(st *taggerState, words []string, out []int) {
	t.prepare(st, words)
	t.tagPrepared(st, words, out)
}

// tagPrepared is tag for a state already prepared for words by a tagger
// with the same lexicon (see Model.sharedLexicon).
func (t *tagger) tagPrepared(st *taggerState, words []string, out []int) {
	t.tagRange(st, out, 0, len(words))
}

// tagRange tags the words from..to-1 of the prepared sentence into out,
// which holds the classes of the words before from: tagging is greedy from
// left to right, so it can stop after any word and go on later.
func (t *tagger) tagRange(st *taggerState, out []int, from, to int) {
	prev, prev2 := uint64(hashStart), uint64(hashStart)
	if from > 0 {
		prev = classHash(out[from-1])
	}
	if from > 1 {
		prev2 = classHash(out[from-2])
	}
	for i := from; i < to; i++ {
		c, ok := t.dict[st.info[i].form]
		var cls int
		if ok {
			cls = int(c)
		} else {
			t.w.score(t.features(st, i, prev, prev2), st.scores)
			cls = argmax(st.scores)
		}
		out[i] = cls
		prev2, prev = prev, classHash(cls)
	}
}

// tagNames tags words (reading st.first for a second-pass tagger) and returns class names.
func (t *tagger) tagNames(st *taggerState, words []string) []string {
	classes := make([]int, len(words))
	t.tag(st, words, classes)
	names := make([]string, len(words))
	for i, c := range classes {
		names[i] = t.classes[c]
	}
	return names
}

// tagHashes maps tag names to their feature values.
func tagHashes(names []string) []uint64 {
	out := make([]uint64, len(names))
	for i, n := range names {
		out[i] = tagHash(n)
	}
	return out
}

// argmax returns the index of the highest score (the first one on ties).
func argmax(scores []float32) int {
	if len(scores) == 0 {
		return 0
	}
	best, top := 0, scores[0]
	for i, s := range scores {
		if s > top {
			best, top = i, s
		}
	}
	return best
}

// taggedSentence is a training example: words and gold class names, plus
// first-pass tag hashes when training a second-pass tagger.
type taggedSentence struct {
	words []string
	tags  []string
	first []uint64
}

// trainTagger trains a tagger on sents for iters passes in a seeded shuffled
// order; it is a second-pass tagger when the sentences carry first-pass tags.
func trainTagger(sents []taggedSentence, iters int, seed uint64, clu *clusters, logger *slog.Logger) *tagger {
	t := &tagger{dict: map[uint64]uint8{}, ambig: map[uint64]uint64{}, clu: clu}
	t.rightContext = len(sents) > 0 && sents[0].first != nil
	classIndex := map[string]int{}
	var names []string
	for _, s := range sents {
		for _, tg := range s.tags {
			if _, ok := classIndex[tg]; !ok {
				classIndex[tg] = -1
				names = append(names, tg)
			}
		}
	}
	slices.Sort(names)
	for i, n := range names {
		classIndex[n] = i
	}
	t.classes = names
	if len(names) > 256 {
		panic("syntax: more than 256 tag classes")
	}
	t.buildLexicon(sents, classIndex)

	gold := make([][]int, len(sents))
	for i, s := range sents {
		gold[i] = make([]int, len(s.tags))
		for j, tg := range s.tags {
			gold[i][j] = classIndex[tg]
		}
	}
	p := newPerceptron(len(names))
	st := &taggerState{}
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	for it := range iters {
		rng := rand.New(rand.NewPCG(seed, uint64(it)))
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, si := range order {
			s := sents[si]
			t.prepare(st, s.words)
			st.first = s.first
			prev, prev2 := uint64(hashStart), uint64(hashStart)
			for i := range s.words {
				var guess int
				if c, ok := t.dict[st.info[i].form]; ok {
					guess = int(c)
				} else {
					feats := t.features(st, i, prev, prev2)
					p.score(feats, st.scores)
					guess = argmax(st.scores)
					p.tick()
					p.update(feats, gold[si][i], guess)
				}
				if guess == gold[si][i] {
					correct++
				}
				total++
				prev2, prev = prev, classHash(guess)
			}
		}
		logger.Info("tagger iteration", "iter", it+1, "train_acc", float64(correct)/float64(max(total, 1)))
	}
	t.w = p.averaged(taggerPruneThreshold)
	return t
}

// buildLexicon fills the tag dictionary (frequent words seen with one class
// at least 99% of the time) and the ambiguity classes of lowercase words.
func (t *tagger) buildLexicon(sents []taggedSentence, classIndex map[string]int) {
	type counts map[int]int
	byForm := map[string]counts{}
	byLower := map[string]counts{}
	for _, s := range sents {
		for i, w := range s.words {
			c := classIndex[s.tags[i]]
			if byForm[w] == nil {
				byForm[w] = counts{}
			}
			byForm[w][c]++
			lw := strings.ToLower(w)
			if byLower[lw] == nil {
				byLower[lw] = counts{}
			}
			byLower[lw][c]++
		}
	}
	for w, cs := range byForm {
		n, bestN, best := 0, 0, 0
		for c, k := range cs {
			n += k
			if k > bestN || (k == bestN && c < best) {
				best, bestN = c, k
			}
		}
		if n >= 20 && float64(bestN)/float64(n) >= 0.99 {
			t.dict[hashString(w)] = uint8(best)
		}
	}
	for w, cs := range byLower {
		n := 0
		for _, k := range cs {
			n += k
		}
		if n < 3 {
			continue
		}
		var set []int
		for c, k := range cs {
			if float64(k)/float64(n) >= 0.05 {
				set = append(set, c)
			}
		}
		slices.SortFunc(set, cmp.Compare)
		h := uint64(fnvOffset)
		for _, c := range set {
			h = feat1(h, uint64(c))
		}
		t.ambig[hashLower(w)] = h
	}
}
