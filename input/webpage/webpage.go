// Package webpage turns a saved news web page into an article: the main
// text, without navigation, banners, share bars, comments and related
// links (github.com/markusmobius/go-trafilatura with its fallbacks), and
// the page's metadata (title, author, site, language, canonical URL and
// publication time).
package webpage

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/whosaid/whosaid"
)

// hiddenSelector selects what a reader never sees: hidden elements and
// the paywall and subscription prompts that pages ship with the article.
const hiddenSelector = `[hidden], [aria-hidden="true"], [style*="display:none"], [style*="display: none"], ` +
	`[class*="paywall"], [id*="paywall"], [class*="subscribe"], [class*="newsletter"], [class*="cookie"], [id*="cookie"]`

// ErrNoContent reports a page with no main text worth analysing.
var ErrNoContent = errors.New("no article text found in the page")

// Page is what a web page yields.
type Page struct {
	Article whosaid.Article
	// Lang is the language the page declares ("en", "de"), "" when none.
	Lang string
}

// Extract returns the article of the HTML page. pageURL is where the page
// came from ("" when unknown); it resolves the canonical URL and helps the
// extractor. contentType is the HTTP Content-Type the page was served
// with ("" when unknown), whose charset counts when the page declares
// none. The article text starts with the title, as a paragraph of its
// own, so that title and statements share offsets.
func Extract(page []byte, pageURL, contentType string) (p Page, err error) {
	// The extractor and its date parser are large and see every page of
	// the web: a bug they hit on one page must cost that page, not a run
	// over a whole crawl.
	defer func() {
		if r := recover(); r != nil {
			p, err = Page{}, fmt.Errorf("webpage: extractor failed on the page: %v", r)
		}
	}()
	// Saved pages are not all UTF-8: parseHTML decodes the page's
	// character set and normalises to NFC.
	doc, err := parseHTML(page, contentType)
	if err != nil {
		return Page{}, fmt.Errorf("webpage: parse HTML: %w", err)
	}
	meta := readMeta(doc)
	opts := trafilatura.Options{EnableFallback: true, ExcludeComments: true, PruneSelector: hiddenSelector}
	if u, err := url.Parse(pageURL); err == nil && u.Host != "" {
		opts.OriginalURL = u
	}
	res, err := trafilatura.ExtractDocument(doc, opts)
	var body string
	md := trafilatura.Metadata{}
	if err == nil {
		body, md = blocksText(res.ContentNode), res.Metadata
	}
	// A paywall's teaser has little text in its markup, its JSON-LD
	// articleBody has it all; and where the extractor fell back on the
	// articleBody itself (a page rendered by its scripts), it ran the
	// paragraphs together.
	if ld := jsonLDText(meta.articleBody); ld != "" {
		if n := wordCount(ld); n >= minBodyWords && n > 2*wordCount(body) || squeeze(ld) == squeeze(body) {
			body = ld
		}
	}
	if strings.TrimSpace(body) == "" {
		if err != nil {
			return Page{}, fmt.Errorf("webpage: %w: %w", ErrNoContent, err)
		}
		return Page{}, fmt.Errorf("webpage: %w", ErrNoContent)
	}
	title := oneLine(first(md.Title, meta.headline))
	text := body
	if title != "" && !strings.HasPrefix(body, title) {
		text = title + "\n\n" + body
	}
	a := whosaid.Article{
		Text:   text,
		Title:  title,
		URL:    first(meta.canonical, md.URL, pageURL),
		Site:   oneLine(md.Sitename),
		Author: oneLine(md.Author),
		Lang:   first(meta.lang, md.Language),
		// The text is extracted, not the input bytes: the record carries it.
		Extracted: true,
	}
	// The page's own timestamp is exact; trafilatura's date (htmldate)
	// often keeps only the day.
	switch {
	case !meta.published.IsZero():
		a.Published, a.PublishedSource = meta.published, whosaid.PublishedHTMLMeta
	case !md.Date.IsZero():
		a.Published, a.PublishedSource = md.Date, whosaid.PublishedHTMLMeta
	}
	return Page{Article: a, Lang: a.Lang}, nil
}

func first(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// oneLine collapses runs of white space, so metadata never spans lines.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// pageMeta is what the page states about itself, read before extraction
// (which prunes the head).
type pageMeta struct {
	lang      string
	canonical string
	published time.Time
	// From JSON-LD: the article's full text, which a page may hold only
	// there, and its headline.
	articleBody, headline string
}

// readMeta reads <html lang>, <link rel=canonical>, the article:published_time
// family of meta tags and the datePublished, articleBody and headline of
// JSON-LD.
func readMeta(doc *html.Node) pageMeta {
	var m pageMeta
	var metaTime, ldTime time.Time
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				m.lang = langCode(attr(n, "lang"))
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && m.canonical == "" {
					m.canonical = attr(n, "href")
				}
			case atom.Meta:
				switch strings.ToLower(first(attr(n, "property"), attr(n, "name"), attr(n, "itemprop"))) {
				case "article:published_time", "og:article:published_time", "datepublished", "parsely-pub-date", "pubdate":
					if t, ok := parseTime(attr(n, "content")); ok && metaTime.IsZero() {
						metaTime = t
					}
				}
			case atom.Script:
				if strings.EqualFold(attr(n, "type"), "application/ld+json") && n.FirstChild != nil {
					ld := readJSONLD([]byte(n.FirstChild.Data))
					if ldTime.IsZero() {
						ldTime = ld.published
					}
					if m.articleBody == "" {
						m.articleBody, m.headline = ld.articleBody, ld.headline
					}
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	m.published = metaTime
	if m.published.IsZero() {
		m.published = ldTime
	}
	return m
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// langCode turns "en-GB" into "en".
func langCode(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i >= 0 {
		s = s[:i]
	}
	return s
}

// jsonLD is what a JSON-LD block says of the page's article.
type jsonLD struct {
	published             time.Time
	articleBody, headline string
}

// readJSONLD finds the first datePublished, and the first articleBody with
// the headline beside it, in a JSON-LD block, which may be an object, a
// list or an @graph of them.
func readJSONLD(data []byte) jsonLD {
	var v any
	var ld jsonLD
	if json.Unmarshal(data, &v) != nil {
		return ld
	}
	var find func(v any)
	find = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if s, ok := v["datePublished"].(string); ok && ld.published.IsZero() {
				if t, ok := parseTime(s); ok {
					ld.published = t
				}
			}
			if s, ok := v["articleBody"].(string); ok && ld.articleBody == "" && strings.TrimSpace(s) != "" {
				ld.articleBody = s
				ld.headline, _ = v["headline"].(string)
			}
			for _, key := range []string{"@graph", "mainEntity", "mainEntityOfPage"} {
				find(v[key])
			}
		case []any:
			for _, e := range v {
				find(e)
			}
		}
	}
	find(v)
	return ld
}

// minBodyWords is the fewest words of a JSON-LD articleBody taken as the
// article: less is a summary.
const minBodyWords = 60

// jsonLDText is an articleBody as the article's text: markup, which some
// sites leave in it, read as a page's blocks are, and each line a
// paragraph of its own.
func jsonLDText(body string) string {
	if strings.ContainsRune(body, '<') {
		if doc, err := html.Parse(strings.NewReader(body)); err == nil {
			body = blocksText(doc)
		}
	}
	var paras []string
	for line := range strings.Lines(body) {
		if line = oneLine(line); line != "" {
			paras = append(paras, line)
		}
	}
	return strings.Join(paras, "\n\n")
}

func wordCount(s string) int { return len(strings.Fields(s)) }

// squeeze is s without its white space.
func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// timeLayouts are the forms pages write timestamps in, most exact first.
var timeLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00", "2006-01-02 15:04:05", time.DateOnly}

func parseTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
