package circumstance

import (
	"sort"
	"sync"

	"github.com/whosaid/whosaid/mention"
)

// index finds mentions by position in time independent of the article's
// length: a 50 MB article has millions of them.
type index struct {
	byStart  []int   // mentions in order of their start
	smallest []int32 // token → smallest mention holding it, -1 when none
	from     []int32 // first token, titles included → longest mention from it, -1 when none
	nameAt   []int32 // token → the name mention over it, -1 when none
	inside   []bool  // name mention → it modifies a larger description ("the Varga campaign")
}

// scratch holds the tables of one article that are as long as it is,
// reused from article to article: allocating them anew cost the pipeline
// a measurable share of its time in garbage collection.
type scratch struct {
	ints  []int32
	flags []bool
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// tables returns n int32 tables of the given length, filled with -1, and
// one bool table, all false.
func (sc *scratch) tables(n, length int) ([][]int32, []bool) {
	if cap(sc.ints) < n*length {
		sc.ints = make([]int32, n*length)
	}
	sc.ints = sc.ints[:n*length]
	for i := range sc.ints {
		sc.ints[i] = -1
	}
	if cap(sc.flags) < length {
		sc.flags = make([]bool, length)
	}
	sc.flags = sc.flags[:length]
	clear(sc.flags)
	out := make([][]int32, n)
	for k := range out {
		out[k] = sc.ints[k*length : (k+1)*length]
	}
	return out, sc.flags
}

func newIndex(ms *mention.Set, tokens int, tables [][]int32) index {
	ix := index{byStart: make([]int, len(ms.Mentions)), smallest: tables[0], from: tables[1], nameAt: tables[2], inside: make([]bool, len(ms.Mentions))}
	cover := tables[3] // token → the widest non-group description over it, -1 when none
	for m, mm := range ms.Mentions {
		ix.byStart[m] = m
		for k := mm.First; k < mm.Last && k < tokens; k++ {
			if s := ix.smallest[k]; s < 0 || mm.Last-mm.First < ms.Mentions[s].Last-ms.Mentions[s].First {
				ix.smallest[k] = int32(m)
			}
			if mm.Form == mention.Name {
				ix.nameAt[k] = int32(m)
			}
			if mm.Form == mention.Description && mm.Kind != "group" {
				if c := cover[k]; c < 0 || mm.Last-mm.First > ms.Mentions[c].Last-ms.Mentions[c].First {
					cover[k] = int32(m)
				}
			}
		}
		for _, k := range [2]int{mm.First, mm.Outer} {
			if k >= tokens {
				continue
			}
			if b := ix.from[k]; b < 0 || mm.Last > ms.Mentions[b].Last {
				ix.from[k] = int32(m)
			}
		}
	}
	for m, mm := range ms.Mentions {
		if c := cover[mm.First]; mm.Form == mention.Name && c >= 0 {
			d := ms.Mentions[c]
			ix.inside[m] = d.First <= mm.First && mm.Last < d.Last
		}
	}
	sort.SliceStable(ix.byStart, func(a, b int) bool { return ms.Mentions[ix.byStart[a]].Start < ms.Mentions[ix.byStart[b]].Start })
	return ix
}

// between returns the mentions starting in bytes [start, end), in order.
func (ix *index) between(ms *mention.Set, start, end int) []int {
	lo := sort.Search(len(ix.byStart), func(k int) bool { return ms.Mentions[ix.byStart[k]].Start >= start })
	hi := sort.Search(len(ix.byStart), func(k int) bool { return ms.Mentions[ix.byStart[k]].Start >= end })
	return ix.byStart[lo:hi]
}
