package webpage

import (
	"bytes"
	"io"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// parseHTML parses a page into UTF-8 text in NFC without soft hyphens, as
// go-shiori/dom.Parse does, but it runs the statistical charset detector
// only for a page that is neither valid UTF-8 nor declares its charset:
// run on every page, the detector took about 60% of the CPU of a crawl's
// extraction.
func parseHTML(page []byte, contentType string) (*html.Node, error) {
	r := io.Reader(bytes.NewReader(page))
	if enc := pageEncoding(page, contentType); enc != nil {
		r = transform.NewReader(r, enc.NewDecoder())
	}
	if !isASCII(page) {
		r = transform.NewReader(r, transform.Chain(norm.NFD, runes.Remove(runes.Predicate(isSoftHyphen)), norm.NFC))
	}
	return html.Parse(r)
}

// pageEncoding returns the page's character encoding, nil for UTF-8. Valid
// UTF-8 with multi-byte characters is almost never another encoding by
// chance, whatever the page declares; otherwise the byte order mark, the
// charset of the HTTP Content-Type or the <meta> declaration (the HTML
// standard's prescan of the first 1024 bytes) decides, and the detector
// only when there is none of them.
func pageEncoding(page []byte, contentType string) encoding.Encoding {
	if utf8.Valid(page) {
		return nil
	}
	enc, name, certain := charset.DetermineEncoding(page, contentType)
	// Without a BOM or declaration, DetermineEncoding guesses
	// windows-1252; a declared "charset" is kept, even that one.
	if certain || name != "windows-1252" || bytes.Contains(bytes.ToLower(page[:min(len(page), 1024)]), []byte("charset")) {
		return enc
	}
	res, err := chardet.NewHtmlDetector().DetectBest(page)
	if err != nil {
		return enc
	}
	if detected, _ := charset.Lookup(res.Charset); detected != nil {
		return detected
	}
	return enc
}

func isSoftHyphen(r rune) bool { return r == '\u00AD' }

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
