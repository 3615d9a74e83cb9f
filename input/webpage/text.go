package webpage

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockTags start a paragraph of their own: the document stage reads
// blank-line separated paragraphs, so each block becomes one.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Blockquote: true, atom.Pre: true,
	atom.Tr: true, atom.Figcaption: true, atom.Dd: true, atom.Dt: true, atom.Section: true,
	atom.Article: true, atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Figure: true,
	atom.Ul: true, atom.Ol: true, atom.Table: true, atom.Hr: true,
}

// blocksText returns the text of the extracted content: one paragraph per
// block, white space inside a block collapsed, a <br> kept as a line break.
func blocksText(root *html.Node) string {
	var out, para strings.Builder
	flush := func() {
		p := strings.TrimSpace(para.String())
		para.Reset()
		if p == "" {
			return
		}
		if out.Len() > 0 {
			out.WriteString("\n\n")
		}
		out.WriteString(p)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			writeCollapsed(&para, n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				return
			case atom.Br:
				trimTrailingSpace(&para)
				para.WriteString("\n")
				return
			}
		}
		block := n.Type == html.ElementNode && (blockTags[n.DataAtom] || !isKnownInline(n))
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	if root != nil {
		walk(root)
	}
	flush()
	return out.String()
}

// isKnownInline reports elements that continue the paragraph around them.
// trafilatura writes some blocks under tag names of its own ("head",
// "item", "quote"), which are therefore taken as blocks.
func isKnownInline(n *html.Node) bool {
	switch n.DataAtom {
	case atom.A, atom.B, atom.I, atom.Em, atom.Strong, atom.Span, atom.U, atom.Small, atom.Sub, atom.Sup,
		atom.Abbr, atom.Cite, atom.Code, atom.Q, atom.Mark, atom.S, atom.Time, atom.Font, atom.Del, atom.Ins,
		atom.Img, atom.Label, atom.Var, atom.Kbd, atom.Samp, atom.Bdi, atom.Bdo, atom.Data, atom.Dfn:
		return true
	}
	switch n.Data {
	case "hi", "ref", "del":
		return true // trafilatura's inline tags
	}
	return false
}

// writeCollapsed appends s with each run of white space as one space,
// and none at the start of a paragraph.
func writeCollapsed(b *strings.Builder, s string) {
	for _, r := range s {
		if isSpace(r) {
			if b.Len() > 0 && !endsWithSpace(b) {
				b.WriteByte(' ')
			}
			continue
		}
		b.WriteRune(r)
	}
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\u00a0'
}

func endsWithSpace(b *strings.Builder) bool {
	s := b.String()
	return s[len(s)-1] == ' ' || s[len(s)-1] == '\n'
}

// trimTrailingSpace drops a space written before a line break.
func trimTrailingSpace(b *strings.Builder) {
	s := b.String()
	if t := strings.TrimRight(s, " "); len(t) != len(s) {
		b.Reset()
		b.WriteString(t)
	}
}
