// Package document finds the parts of an article text: its title, the
// page furniture a scraper saved with it (notices, captions, photo
// credits, links, bylines, datelines), and the content paragraphs that
// statements may come from. All offsets are bytes into the original text.
package document

import (
	"slices"
	"strings"

	"github.com/whosaid/whosaid"
)

// The furniture reasons.
const (
	Notice      = "notice"      // browser, cookie and subscription notices
	Caption     = "caption"     // photo captions
	Credit      = "credit"      // photo credits
	Link        = "link"        // links to other pages, "story continues" markers
	Share       = "share"       // share and follow prompts
	Byline      = "byline"      // author lines, author contact details and bios
	Dateline    = "dateline"    // "OTTAWA —" at the start of the first paragraph
	Contributor = "contributor" // "With files from ...", "... contributed to this report"
	Separator   = "separator"   // lines of dashes or asterisks
)

// Document is the analysis of one article text.
type Document struct {
	Text string
	// Title is the headline, nil when none is recognised. It is neither
	// furniture nor content: speech statements never come from it, and
	// only a reader of every attribution reads it (see Blocks).
	Title *whosaid.Span
	// Paragraphs are the content: blank-line separated blocks, cut where
	// furniture interrupts them, in text order.
	Paragraphs []whosaid.Span
	// Furniture is sorted and non-overlapping; it never overlaps the
	// title or the paragraphs.
	Furniture []whosaid.Furniture
}

// Blocks returns the spans to read statements from, in text order: the
// paragraphs, and the title among them when withTitle is set (a headline
// reports speech in its own shorthand, "Mayor says bridge will open").
func (d *Document) Blocks(withTitle bool) []whosaid.Span {
	if !withTitle || d.Title == nil {
		return d.Paragraphs
	}
	at, _ := slices.BinarySearchFunc(d.Paragraphs, d.Title.Start, func(p whosaid.Span, start int) int { return p.Start - start })
	return slices.Insert(slices.Clone(d.Paragraphs), at, *d.Title)
}

// line is one line of the text and what it was found to be.
type line struct {
	start, end int    // the line without surrounding whitespace and line break
	blankAfter bool   // a blank line (or the end of the text) follows
	title      bool   // the line is (part of) the title
	reason     string // furniture reason of the whole line, "" for content
	// contentStart is where the content of a content line begins: after
	// its dateline, if it has one.
	contentStart int
	// creditStart, when > start, splits a caption line into its caption
	// and a glued photo credit.
	creditStart int
}

func (l *line) isContent() bool { return !l.title && l.reason == "" }

// Analyze finds the title, furniture and content paragraphs of text.
// title is the title given by the input record ("" when none); it is
// recognised where it appears near the top of the text.
func Analyze(text, title string) *Document {
	lines := splitLines(text)
	titleStart, titleEnd, found := findTitle(text, lines, title)
	inHeader := true // before the first content line
	for i := range lines {
		l := &lines[i]
		s := text[l.start:l.end]
		if found && l.start < titleEnd && l.end > titleStart {
			l.title = true
			continue
		}
		l.reason = classify(s, inHeader)
		if l.reason == "" && i > 0 && lines[i-1].reason == Caption && isCaptionContinuation(text[lines[i-1].start:lines[i-1].end], s) {
			l.reason = Caption
		}
		if l.reason == Caption {
			if k := creditTail(s); k > 0 {
				l.creditStart = l.start + k
			}
		}
		if l.reason != "" || !inHeader {
			continue
		}
		if !found && isHeadline(text, lines, i) {
			l.title, found = true, true
			titleStart, titleEnd = l.start, l.end
			continue
		}
		if n := datelineLen(s); n > 0 {
			l.contentStart = l.start + n
		}
		inHeader = false
	}
	markAuthorBio(text, lines)
	return assemble(text, lines, titleStart, titleEnd, found)
}

// splitLines returns the non-blank lines of text. A line ends at "\n"; a
// "\r" before it and surrounding white space are not part of the line.
func splitLines(text string) []line {
	var lines []line
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		next := start + end + 1
		if end < 0 {
			end, next = len(text)-start, len(text)
		}
		raw := text[start : start+end]
		trimmed := strings.TrimSpace(raw)
		if trimmed == "" {
			if len(lines) > 0 {
				lines[len(lines)-1].blankAfter = true
			}
		} else {
			s := start + strings.Index(raw, trimmed)
			lines = append(lines, line{start: s, end: s + len(trimmed), contentStart: s})
		}
		start = next
	}
	if len(lines) > 0 {
		lines[len(lines)-1].blankAfter = true
	}
	return lines
}

// assemble builds the document from the classified lines: content lines
// of one block run together into a paragraph until furniture, the title or
// a blank line interrupts them.
func assemble(text string, lines []line, titleStart, titleEnd int, found bool) *Document {
	doc := &Document{Text: text, Paragraphs: []whosaid.Span{}, Furniture: []whosaid.Furniture{}}
	if found {
		t := whosaid.NewSpan(text, titleStart, titleEnd)
		doc.Title = &t
	}
	para := -1 // start of the open paragraph
	for i, l := range lines {
		switch {
		case l.title:
		case l.reason != "":
			if l.creditStart > l.start {
				doc.Furniture = append(doc.Furniture, furniture(text, l.start, trimEnd(text, l.start, l.creditStart), l.reason))
				doc.Furniture = append(doc.Furniture, furniture(text, l.creditStart, l.end, Credit))
			} else {
				doc.Furniture = append(doc.Furniture, furniture(text, l.start, l.end, l.reason))
			}
		default:
			if l.contentStart > l.start {
				doc.Furniture = append(doc.Furniture, furniture(text, l.start, trimEnd(text, l.start, l.contentStart), Dateline))
			}
			if para < 0 {
				para = l.contentStart
			}
			if l.blankAfter || i+1 == len(lines) || !lines[i+1].isContent() {
				doc.Paragraphs = append(doc.Paragraphs, whosaid.NewSpan(text, para, l.end))
				para = -1
			}
		}
	}
	return doc
}

func furniture(text string, start, end int, reason string) whosaid.Furniture {
	return whosaid.Furniture{Span: whosaid.NewSpan(text, start, end), Reason: reason}
}

// trimEnd returns end moved back over white space, but not before start.
func trimEnd(text string, start, end int) int {
	return start + len(strings.TrimRight(text[start:end], " \t\u00a0"))
}
