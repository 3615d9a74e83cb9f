package pipeline

import (
	"strings"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
)

// PieceBytes is the work budget of one analysis: an article longer than
// this is analysed in pieces of whole paragraphs of at most this size, so
// that no input, however long or strange, costs more than linear time and
// memory, and a cancelled request stops within one piece. News articles
// are far shorter (the longest of GGT dev and PolNeAR has 34 KB).
const PieceBytes = 64 << 10

// Pieces groups the content blocks of src, in text order, into pieces of
// at most budget bytes. A block longer than the budget is cut, at its last
// line break or space before the budget if it has one.
func Pieces(src string, blocks []whosaid.Span, budget int) [][]whosaid.Span {
	var (
		pieces [][]whosaid.Span
		cur    []whosaid.Span
		size   int
	)
	for _, b := range blocks {
		for b.Len() > 0 {
			part := cutBlock(src, b, budget)
			if size+part.Len() > budget && len(cur) > 0 {
				pieces, cur, size = append(pieces, cur), nil, 0
			}
			cur, size = append(cur, part), size+part.Len()
			b = whosaid.NewSpan(src, part.End, b.End)
		}
	}
	if len(cur) > 0 {
		pieces = append(pieces, cur)
	}
	return pieces
}

// cutBlock returns the first part of block b that fits the budget: all of
// it, or up to its last line break or space within the budget, or up to
// the last whole character within it.
func cutBlock(src string, b whosaid.Span, budget int) whosaid.Span {
	if b.Len() <= budget {
		return b
	}
	limit := b.Start + budget
	head := src[b.Start:limit]
	cut := strings.LastIndexByte(head, '\n')
	if cut <= 0 {
		cut = strings.LastIndexByte(head, ' ')
	}
	if cut <= 0 {
		cut = budget
		for cut > 1 && !utf8.RuneStart(src[b.Start+cut]) {
			cut--
		}
	}
	return whosaid.NewSpan(src, b.Start, b.Start+cut)
}
