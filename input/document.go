package input

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/input/warc"
	"github.com/whosaid/whosaid/input/webpage"
)

// Options say how input is read.
type Options struct {
	// Published is the publication date of articles that give none; it
	// may be zero.
	Published time.Time
	// AnyLang keeps documents that are not in English (the models are
	// English, so by default they are skipped).
	AnyLang bool
	// BytesRead, when set, counts the bytes read from the input (before
	// decompression), for progress reports.
	BytesRead *atomic.Int64
}

// ErrSkipped marks a document left out on purpose (not English, a page
// with no article, a WARC record that is not a page): a warning to count,
// not a failure.
var ErrSkipped = errors.New("skipped")

// ErrNotEnglish is the cause of a document skipped for its language, along
// with ErrSkipped.
var ErrNotEnglish = errors.New("not English")

// ErrEmpty is the cause of a document skipped because it has no text
// (an empty file, a record whose text is blank), along with ErrSkipped.
var ErrEmpty = errors.New("no text")

// Document is one input document as read: an article, or a web page whose
// article is still to be extracted. Extraction is the costly part of
// reading, so it is left to Load, which runs on the pipeline's workers.
type Document struct {
	Article whosaid.Article // ID, URL and Published of a page; the article otherwise
	Page    []byte          // the HTML of a web page; nil for other input
	// PageType is the HTTP Content-Type of a page from a crawl, "" when
	// unknown: its charset decodes a page that declares none.
	PageType string
}

// Load returns the document's article: a page's main text and metadata
// extracted. Documents without text are skipped, and so are documents not
// in English unless opts.AnyLang.
func (d Document) Load(opts Options) (whosaid.Article, error) {
	a := d.Article
	if d.Page != nil {
		p, err := webpage.Extract(d.Page, a.URL, d.PageType)
		if errors.Is(err, webpage.ErrNoContent) {
			return a, fmt.Errorf("input: %s: %w: %w", a.ID, ErrSkipped, err)
		}
		if err != nil {
			return a, fmt.Errorf("input: %s: %w", a.ID, err)
		}
		page := p.Article
		page.ID = a.ID
		if page.Published.IsZero() {
			page.Published, page.PublishedSource = a.Published, a.PublishedSource
		}
		a = page
	}
	if strings.TrimSpace(a.Text) == "" {
		return a, fmt.Errorf("input: %s: %w: %w", a.ID, ErrSkipped, ErrEmpty)
	}
	if !opts.AnyLang {
		if lang := notEnglish(a); lang != "" {
			return a, fmt.Errorf("input: %s: %w: %w (%s); --lang any keeps it", a.ID, ErrSkipped, ErrNotEnglish, lang)
		}
	}
	return a, nil
}

// Documents streams the documents of every path: files, directories
// (walked in lexical order, hidden entries left out) and "-" for stdin. An
// error concerns one file or one document: reading goes on with the rest.
func Documents(paths []string, stdin io.Reader, opts Options) iter.Seq2[Document, error] {
	return func(yield func(Document, error) bool) {
		for path, err := range Files(paths) {
			if err != nil {
				if !yield(Document{}, err) {
					return
				}
				continue
			}
			if !readPath(path, stdin, opts, yield) {
				return
			}
		}
	}
}

// readPath streams the documents of one file; false when yield asked to stop.
func readPath(path string, stdin io.Reader, opts Options, yield func(Document, error) bool) bool {
	r := stdin
	if path != Stdin {
		f, err := os.Open(path)
		if err != nil {
			return yield(Document{}, fmt.Errorf("input: %w", err))
		}
		defer f.Close()
		r = f
	}
	if opts.BytesRead != nil {
		r = &countingReader{r: r, n: opts.BytesRead}
	}
	for d, err := range StreamDocuments(path, r, opts) {
		if !yield(d, err) {
			return false
		}
	}
	return true
}

type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// Files yields the files named by paths, directories expanded into the
// regular files under them (hidden ones left out) in lexical order; "-"
// is passed through. An unreadable path is an error, and the walk goes on.
func Files(paths []string) iter.Seq2[string, error] {
	return func(yield func(string, error) bool) {
		for _, p := range paths {
			if p == Stdin {
				if !yield(p, nil) {
					return
				}
				continue
			}
			stopped := false
			err := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
				if err != nil {
					if !yield("", fmt.Errorf("input: %w", err)) {
						stopped = true
						return filepath.SkipAll
					}
					return nil
				}
				if path != p && strings.HasPrefix(d.Name(), ".") {
					if d.IsDir() {
						return filepath.SkipDir
					}
					return nil
				}
				if d.Type().IsRegular() || path == p && !d.IsDir() {
					if !yield(path, nil) {
						stopped = true
						return filepath.SkipAll
					}
				}
				return nil
			})
			if stopped {
				return
			}
			if err != nil && !yield("", fmt.Errorf("input: %w", err)) {
				return
			}
		}
	}
}

// StreamDocuments reads the documents of r, whose name is used for ids and
// error messages. The compression (gzip, zstd) and the format (plain text,
// JSON Lines, HTML, WARC) are told from the content, so that standard
// input works like a file.
func StreamDocuments(name string, r io.Reader, opts Options) iter.Seq2[Document, error] {
	return func(yield func(Document, error) bool) {
		in, err := open(name, bufio.NewReaderSize(r, 64<<10))
		if err != nil {
			yield(Document{}, err)
			return
		}
		defer in.close()
		switch in.format {
		case HTML:
			page, err := readPage(name, in.br)
			yield(Document{Page: page, Article: whosaid.Article{ID: name, Published: opts.Published}}, err)
		case WARC:
			readWARC(name, in.br, yield)
		default:
			ext := strings.ToLower(filepath.Ext(trimCompressionExt(name)))
			streamArticles(name, in.br, ext == ".jsonl" || ext == ".ndjson", opts.Published, func(a whosaid.Article, err error) bool {
				return yield(Document{Article: a}, err)
			})
		}
	}
}

// readPage reads a web page of at most MaxDocumentSize bytes.
func readPage(name string, r io.Reader) ([]byte, error) {
	page, err := io.ReadAll(io.LimitReader(r, MaxDocumentSize+1))
	switch {
	case err != nil:
		return nil, fmt.Errorf("input: %s: %w", name, err)
	case len(page) > MaxDocumentSize:
		return nil, fmt.Errorf("input: %s: %w", name, errTooLong)
	}
	if reason := binaryReason(page[:min(len(page), sniffSize)]); reason != "" {
		return nil, fmt.Errorf("input: %s: not an HTML page (%s)", name, reason)
	}
	return page, nil
}

// readWARC yields the pages of a web archive; a record that is not a page
// is a skip, and reading goes on.
func readWARC(name string, r io.Reader, yield func(Document, error) bool) {
	for p, err := range warc.Pages(r) {
		if err != nil {
			var skip *warc.SkipError
			if errors.As(err, &skip) {
				err = fmt.Errorf("input: %s: %w: %w", name, ErrSkipped, err)
			} else {
				err = fmt.Errorf("input: %s: %w", name, err)
			}
			if !yield(Document{}, err) {
				return
			}
			continue
		}
		a := whosaid.Article{ID: p.URL, URL: p.URL}
		if a.ID == "" {
			a.ID = name
		}
		if !p.Fetched.IsZero() {
			// The crawl date, in case the page gives no date of its own: a
			// news page is fetched within days of its publication.
			a.Published, a.PublishedSource = p.Fetched, whosaid.PublishedInput
		}
		if !yield(Document{Page: p.HTML, PageType: p.ContentType, Article: a}, nil) {
			return
		}
	}
}
