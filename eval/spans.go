package eval

import (
	"cmp"
	"fmt"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/corpus"

	"github.com/whosaid/whosaid"
)

// interval is a half-open range of byte offsets.
type interval struct{ start, end int }

// extent is a gold or predicted span reduced to what scoring needs.
//
// Discontinuous PolNeAR spans keep their fragments: overlap coverage uses
// the union of the fragments (parts), while exact match compares the
// overall extent from the earliest fragment start to the latest fragment
// end with white space trimmed at both ends (lo, hi). Exact match on the
// extent rather than fragment by fragment because a prediction is a single
// contiguous span, and trimming because annotators and systems differ in
// whether they take a space or newline at a span edge. Overlap coverage
// counts bytes as annotated, untrimmed, as the protocol states it.
type extent struct {
	parts  []interval // sorted, merged, non-empty
	size   int        // total bytes in parts
	lo, hi int        // trimmed overall extent
}

// newExtent builds the extent of the given ranges of doc. Ranges are
// clamped to the text, so a prediction with bad offsets cannot crash the
// scorer.
func newExtent(doc string, ranges []interval) extent {
	var parts []interval
	for _, r := range ranges {
		r.start = min(max(r.start, 0), len(doc))
		r.end = min(max(r.end, r.start), len(doc))
		if r.end > r.start {
			parts = append(parts, r)
		}
	}
	slices.SortFunc(parts, func(a, b interval) int { return cmp.Compare(a.start, b.start) })
	var e extent
	for _, p := range parts {
		if n := len(e.parts); n > 0 && p.start <= e.parts[n-1].end {
			e.parts[n-1].end = max(e.parts[n-1].end, p.end)
			continue
		}
		e.parts = append(e.parts, p)
	}
	if len(e.parts) == 0 {
		return e
	}
	for _, p := range e.parts {
		e.size += p.end - p.start
	}
	e.lo, e.hi = e.parts[0].start, e.parts[len(e.parts)-1].end
	for e.lo < e.hi {
		r, n := utf8.DecodeRuneInString(doc[e.lo:e.hi])
		if !unicode.IsSpace(r) {
			break
		}
		e.lo += n
	}
	for e.hi > e.lo {
		r, n := utf8.DecodeLastRuneInString(doc[e.lo:e.hi])
		if !unicode.IsSpace(r) {
			break
		}
		e.hi -= n
	}
	return e
}

func spanExtent(doc string, s whosaid.Span) extent {
	return newExtent(doc, []interval{{s.Start, s.End}})
}

func regionExtent(doc string, r *corpus.Region) extent {
	ranges := make([]interval, len(r.Fragments))
	for i, f := range r.Fragments {
		ranges[i] = interval{f.Start, f.End}
	}
	return newExtent(doc, ranges)
}

// shared counts the bytes a and b have in common.
func (a extent) shared(b extent) int {
	n := 0
	for i, j := 0, 0; i < len(a.parts) && j < len(b.parts); {
		p, q := a.parts[i], b.parts[j]
		n += max(0, min(p.end, q.end)-max(p.start, q.start))
		if p.end < q.end {
			i++
		} else {
			j++
		}
	}
	return n
}

// coverage is cov(g, p) = |g ∩ p| / |g|, the share of gold g that p covers.
func (g extent) coverage(p extent) float64 {
	if g.size == 0 {
		return 0
	}
	return float64(g.shared(p)) / float64(g.size)
}

func (a extent) overlaps(b extent) bool { return a.shared(b) > 0 }

// compareExtents orders extents as they appear in the document.
func compareExtents(a, b extent) int {
	return cmp.Or(cmp.Compare(a.lo, b.lo), cmp.Compare(a.hi, b.hi))
}

// greedyMatch walks gold in order and pairs each with the still-unmatched
// prediction of highest coverage, if that coverage is strictly above theta;
// ties go to the earlier prediction. It returns, for each gold item, the
// index of its prediction or -1.
func greedyMatch(gold, pred []extent, theta float64) []int {
	match := make([]int, len(gold))
	taken := make([]bool, len(pred))
	for i, g := range gold {
		match[i] = -1
		best := theta
		for j, p := range pred {
			if taken[j] {
				continue
			}
			if c := g.coverage(p); c > best {
				match[i], best = j, c
			}
		}
		if match[i] >= 0 {
			taken[match[i]] = true
		}
	}
	return match
}

// exactMatches counts the one-to-one pairs with the same trimmed extent.
func exactMatches(gold, pred []extent) int {
	left := make(map[interval]int)
	for _, g := range gold {
		left[interval{g.lo, g.hi}]++
	}
	n := 0
	for _, p := range pred {
		k := interval{p.lo, p.hi}
		if left[k] > 0 {
			left[k]--
			n++
		}
	}
	return n
}

// distinct sorts extents in document order and drops repeats, for the
// PolNeAR roles that are scored as sets of spans.
func distinct(exts []extent) []extent {
	seen := make(map[string]bool)
	var out []extent
	for _, e := range exts {
		k := fmt.Sprint(e.parts)
		if !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, compareExtents)
	return out
}
