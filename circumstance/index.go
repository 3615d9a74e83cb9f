package circumstance

import (
	"sort"

	"github.com/whosaid/whosaid/mention"
)

// index finds mentions by position in time independent of the article's
// length: a 50 MB article has millions of them.
type index struct {
	byStart  []int   // mentions in order of their start
	smallest []int32 // token → smallest mention holding it, -1 when none
	from     []int32 // first token, titles included → longest mention from it, -1 when none
	inside   []bool  // name mention → it modifies a larger description ("the Trump campaign")
}

func newIndex(ms *mention.Set, tokens int) index {
	ix := index{byStart: make([]int, len(ms.Mentions)), smallest: make([]int32, tokens), from: make([]int32, tokens), inside: make([]bool, len(ms.Mentions))}
	for i := range ix.smallest {
		ix.smallest[i], ix.from[i] = -1, -1
	}
	cover := make([]int32, tokens) // token → the widest non-group description over it, -1 when none
	for i := range cover {
		cover[i] = -1
	}
	for m, mm := range ms.Mentions {
		ix.byStart[m] = m
		for k := mm.First; k < mm.Last && k < tokens; k++ {
			if s := ix.smallest[k]; s < 0 || mm.Last-mm.First < ms.Mentions[s].Last-ms.Mentions[s].First {
				ix.smallest[k] = int32(m)
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
