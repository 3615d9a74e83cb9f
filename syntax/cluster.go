package syntax

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
)

// Distributional word clusters (in the spirit of Brown clusters as used by
// Koo et al. 2008) give the tagger and parser a way to generalise over words
// seen rarely or never in the treebank. They are computed at training time
// from unannotated text with the exchange algorithm (Kneser & Ney 1993,
// Martin et al. 1998): words are moved between a fixed number of classes to
// maximise the likelihood of a class bigram model. A hierarchy with three
// levels (fine, mid, coarse; the analogue of Brown-cluster bit-string
// prefixes) comes from clustering the fine classes themselves the same way.
// Only the word -> cluster table ships in the model, keyed by word hash.

// Cluster levels and their sizes.
const (
	clusterFine   = 1024
	clusterMid    = 64
	clusterCoarse = 16
	// clusterMinCount is how often a word must occur to get its own cluster;
	// rarer words share one item, whose clusters unknown words get at run time.
	clusterMinCount = 3
	clusterIters    = 12
)

// clusters maps a normalised word hash to its cluster ids.
type clusters struct {
	fine        map[uint64]uint16 // clusterKey(word) -> fine class
	rare        uint16            // fine class of rare and unseen words
	mid, coarse []uint16          // fine class -> mid, coarse class
}

// clusterKey is the word's lookup key: lowercased, with digits folded to '0'
// so that numbers share their statistics.
func clusterKey(s string) uint64 { return hashFolded(s, true) }

// clusterFeatures are a word's cluster feature values at the three levels.
type clusterFeatures struct{ fine, mid, coarse uint64 }

// lookup returns the feature values for word; a nil table gives constants.
func (c *clusters) lookup(word string) clusterFeatures {
	if c == nil {
		return clusterFeatures{hashNone, hashNone, hashNone}
	}
	f, ok := c.fine[clusterKey(word)]
	if !ok {
		f = c.rare
	}
	// Distinct ranges per level, so equal ids at two levels never collide.
	return clusterFeatures{
		fine:   0x10000 + uint64(f),
		mid:    0x20000 + uint64(c.mid[f]),
		coarse: 0x30000 + uint64(c.coarse[f]),
	}
}

// normWord is the clustering's view of a word, matching clusterKey.
func normWord(s string) string {
	s = strings.ToLower(s)
	return strings.Map(func(r rune) rune {
		if '1' <= r && r <= '9' {
			return '0'
		}
		return r
	}, s)
}

// trainClusters clusters the words of sents. It is deterministic: items are
// processed in a fixed order, and ties go to the lowest class.
func trainClusters(sents [][]string) *clusters {
	counts := map[string]int{}
	for _, s := range sents {
		for _, w := range s {
			counts[normWord(w)]++
		}
	}
	var vocab []string
	for w, n := range counts {
		if n >= clusterMinCount {
			vocab = append(vocab, w)
		}
	}
	// Most frequent first: they are initialised into separate classes.
	slices.SortFunc(vocab, func(a, b string) int {
		return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b))
	})
	index := make(map[string]int32, len(vocab))
	for i, w := range vocab {
		index[w] = int32(i)
	}
	rare, boundary := int32(len(vocab)), int32(len(vocab)+1)
	seq := make([]int32, 0, 1<<20)
	seq = append(seq, boundary)
	for _, s := range sents {
		for _, w := range s {
			id, ok := index[normWord(w)]
			if !ok {
				id = rare
			}
			seq = append(seq, id)
		}
		seq = append(seq, boundary)
	}
	nItems := len(vocab) + 2
	fine := exchange(seq, nItems, clusterFine)
	// Cluster the fine classes by the same criterion over the class sequence.
	classSeq := make([]int32, len(seq))
	for i, id := range seq {
		classSeq[i] = fine[id]
	}
	mid := exchange(classSeq, clusterFine, clusterMid)
	for i, c := range classSeq {
		classSeq[i] = mid[c]
	}
	coarseOfMid := exchange(classSeq, clusterMid, clusterCoarse)

	c := &clusters{fine: make(map[uint64]uint16, len(vocab)), rare: uint16(fine[rare])}
	for i, w := range vocab {
		c.fine[clusterKey(w)] = uint16(fine[i])
	}
	for f := range clusterFine {
		c.mid = append(c.mid, uint16(mid[f]))
		c.coarse = append(c.coarse, uint16(coarseOfMid[mid[f]]))
	}
	return c
}

// neighbour is one entry of an item's bigram list.
type neighbour struct {
	item  int32
	count int32
}

// exchange assigns each of nItems items in seq to one of k classes by the
// exchange algorithm, maximising sum N(c,d) log N(c,d) - sum N(c.) log N(c.)
// - sum N(.d) log N(.d) over class bigram counts N. Items with no
// occurrences keep their initial class.
func exchange(seq []int32, nItems, k int) []int32 {
	k = min(k, nItems)
	// Bigram lists in both directions, sorted by item for determinism.
	pairCount := map[int64]int32{}
	for i := 1; i < len(seq); i++ {
		pairCount[int64(seq[i-1])<<32|int64(seq[i])]++
	}
	pairs := make([]int64, 0, len(pairCount))
	for p := range pairCount {
		pairs = append(pairs, p)
	}
	slices.Sort(pairs)
	right := make([][]neighbour, nItems)
	left := make([][]neighbour, nItems)
	self := make([]int32, nItems)
	nLeft := make([]int64, nItems) // occurrences as the first of a bigram
	nRight := make([]int64, nItems)
	for _, p := range pairs {
		a, b, n := int32(p>>32), int32(p&0xffffffff), pairCount[p]
		nLeft[a] += int64(n)
		nRight[b] += int64(n)
		if a == b {
			self[a] += n
			continue
		}
		right[a] = append(right[a], neighbour{b, n})
		left[b] = append(left[b], neighbour{a, n})
	}
	// Items in order of frequency (ties by id), first k in classes of their own.
	order := make([]int32, nItems)
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int {
		return cmp.Compare(nLeft[b]+nRight[b], nLeft[a]+nRight[a])
	})
	class := make([]int32, nItems)
	for rank, it := range order {
		class[it] = int32(rank % k)
	}
	// xlogx table: counts never exceed the number of bigrams.
	flog := make([]float64, len(seq)+1)
	for i := 1; i < len(flog); i++ {
		flog[i] = float64(i) * math.Log(float64(i))
	}
	m := make([]int32, k*k)  // m[c*k+d]: bigrams with first in c, second in d
	mt := make([]int32, k*k) // transpose of m, so column reads are contiguous
	cl := make([]int64, k)
	cr := make([]int64, k)
	for a := range nItems {
		ca := class[a]
		cl[ca] += nLeft[a]
		cr[ca] += nRight[a]
		m[ca*int32(k)+ca] += self[a]
		mt[ca*int32(k)+ca] += self[a]
		for _, nb := range right[a] {
			cb := class[nb.item]
			m[ca*int32(k)+cb] += nb.count
			mt[cb*int32(k)+ca] += nb.count
		}
	}
	// Per-item scratch: counts towards each class, as sparse lists.
	rc := make([]int32, k)
	lc := make([]int32, k)
	var rList, lList []int32
	for iter := range clusterIters {
		moves := 0
		for _, w := range order {
			if nLeft[w]+nRight[w] == 0 {
				continue
			}
			rList, lList = rList[:0], lList[:0]
			for _, nb := range right[w] {
				c := class[nb.item]
				if rc[c] == 0 {
					rList = append(rList, c)
				}
				rc[c] += nb.count
			}
			for _, nb := range left[w] {
				c := class[nb.item]
				if lc[c] == 0 {
					lList = append(lList, c)
				}
				lc[c] += nb.count
			}
			slices.Sort(rList)
			slices.Sort(lList)
			move := func(c int32, sign int32) {
				kc := c * int32(k)
				for _, d := range rList {
					m[kc+d] += sign * rc[d]
					mt[d*int32(k)+c] += sign * rc[d]
				}
				for _, d := range lList {
					m[d*int32(k)+c] += sign * lc[d]
					mt[kc+d] += sign * lc[d]
				}
				m[kc+c] += sign * self[w]
				mt[kc+c] += sign * self[w]
				cl[c] += int64(sign) * nLeft[w]
				cr[c] += int64(sign) * nRight[w]
			}
			old := class[w]
			move(old, -1)
			best, bestGain := old, math.Inf(-1)
			for b := range int32(k) {
				kb := b * int32(k)
				row, col := m[kb:kb+int32(k)], mt[kb:kb+int32(k)]
				gain := 0.0
				for _, d := range rList {
					if d != b {
						gain += flog[row[d]+rc[d]] - flog[row[d]]
					}
				}
				for _, d := range lList {
					if d != b {
						gain += flog[col[d]+lc[d]] - flog[col[d]]
					}
				}
				gain += flog[row[b]+rc[b]+lc[b]+self[w]] - flog[row[b]]
				gain -= flog[cl[b]+nLeft[w]] - flog[cl[b]]
				gain -= flog[cr[b]+nRight[w]] - flog[cr[b]]
				if gain > bestGain+1e-9 || (b == old && gain >= bestGain-1e-9) {
					best, bestGain = b, gain
				}
			}
			move(best, 1)
			class[w] = best
			if best != old {
				moves++
			}
			for _, d := range rList {
				rc[d] = 0
			}
			for _, d := range lList {
				lc[d] = 0
			}
		}
		if moves*1000 < nItems && iter > 0 {
			break
		}
	}
	return class
}

// ReadPolnearText reads the article texts of a PolNeAR JSONL file (one line
// per article and annotator; each article is used once) and splits them into
// sentences of words for clustering. The text is used only to compute
// clusters; none of it is stored.
func ReadPolnearText(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("syntax: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	seen := map[string]bool{}
	var out [][]string
	for sc.Scan() {
		var art struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &art); err != nil {
			return nil, fmt.Errorf("syntax: reading %s: %w", path, err)
		}
		if seen[art.ID] {
			continue
		}
		seen[art.ID] = true
		for para := range strings.SplitSeq(art.Text, "\n") {
			out = append(out, SplitSentences(SplitWords(para))...)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("syntax: reading %s: %w", path, err)
	}
	return out, nil
}
