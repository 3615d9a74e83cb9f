// Package input reads articles: a plain-text file is one article whose
// text is the file's bytes exactly, a JSON Lines file holds one article
// per line, an HTML file is a web page and a WARC file a web archive of
// them; any of them may be gzip or zstd compressed, and "-" is standard
// input in any form. Directories are walked.
package input

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
)

// MaxDocumentSize is the largest document (a plain-text file or one JSONL
// line) accepted. It bounds memory and rejects files that are surely not
// one article.
const MaxDocumentSize = 64 << 20

// Stdin is the path that names standard input.
const Stdin = "-"

// sniffSize is how much of a plain-text file is inspected to tell text
// from binary data.
const sniffSize = 8 << 10

// ReadFile reads every article of the file at path ("-" for standard
// input). published is the publication date of articles that do not give
// their own; it may be zero.
func ReadFile(path string, published time.Time) ([]whosaid.Article, error) {
	var articles []whosaid.Article
	for a, err := range Articles(path, published) {
		if err != nil {
			return nil, err
		}
		articles = append(articles, a)
	}
	return articles, nil
}

// Articles streams the articles of the file at path ("-" for standard
// input) one at a time, so a large JSONL file is never held in memory at
// once. A bad JSON Lines record is yielded as a *RecordError and reading
// goes on, as after a document skipped on purpose (ErrSkipped); iteration
// stops after any other error.
func Articles(path string, published time.Time) iter.Seq2[whosaid.Article, error] {
	return loaded(Documents([]string{path}, os.Stdin, Options{Published: published, AnyLang: true}), published)
}

// Stream reads the articles of r, whose name is used for ids, format
// detection and error messages. A bad JSON Lines record is yielded as a
// *RecordError and reading goes on, as after a document skipped on purpose
// (ErrSkipped); iteration stops after any other error.
func Stream(name string, r io.Reader, published time.Time) iter.Seq2[whosaid.Article, error] {
	return loaded(StreamDocuments(name, r, Options{Published: published, AnyLang: true}), published)
}

// loaded turns documents into articles, going on after a bad record or a
// document skipped on purpose and stopping at any other error.
func loaded(docs iter.Seq2[Document, error], published time.Time) iter.Seq2[whosaid.Article, error] {
	return func(yield func(whosaid.Article, error) bool) {
		opts := Options{Published: published, AnyLang: true}
		for d, err := range docs {
			var a whosaid.Article
			if err == nil {
				a, err = d.Load(opts)
			}
			if !yield(a, err) || err != nil && !isRecordError(err) && !errors.Is(err, ErrSkipped) {
				return
			}
		}
	}
}

// streamArticles reads plain text or JSON Lines from br. Input detected as
// JSON Lines (forceJSONL) is JSON Lines even when its first line is bad;
// other input is JSON Lines when its first non-blank line is a JSON object
// with a "text" field, and plain text otherwise. A bad JSON Lines record
// is yielded as a *RecordError and the records after it are still read.
func streamArticles(name string, br *bufio.Reader, forceJSONL bool, published time.Time, yield func(whosaid.Article, error) bool) {
	// Read up to the first non-blank line, keeping the bytes in case the
	// input turns out to be plain text.
	var head []byte
	lineNo := 0
	for {
		line, err := readLine(br)
		if forceJSONL && errors.Is(err, errTooLong) {
			if yield(whosaid.Article{}, &RecordError{File: name, Line: lineNo + 1, Err: err}) {
				streamJSONL(name, br, lineNo+1, published, yield)
			}
			return
		}
		if err != nil && !errors.Is(err, io.EOF) {
			yield(whosaid.Article{}, readError(name, lineNo+1, err))
			return
		}
		if len(line) == 0 && errors.Is(err, io.EOF) {
			break
		}
		lineNo++
		if len(bytes.TrimSpace(line)) == 0 {
			head = append(head, line...)
			if errors.Is(err, io.EOF) {
				break
			}
			continue
		}
		rec, recErr := parseRecord(bytes.TrimPrefix(line, utf8BOM))
		if forceJSONL || recErr == nil {
			a, aErr := toArticle(name, lineNo, line, rec, recErr, published)
			if !yield(a, aErr) {
				return
			}
			streamJSONL(name, br, lineNo, published, yield)
			return
		}
		head = append(head, line...)
		break
	}
	if forceJSONL {
		return // only blank lines: no records
	}
	a, err := readText(name, head, br, published)
	yield(a, err)
}

var utf8BOM = []byte("\uFEFF")

// streamJSONL yields the records after line lineNo.
func streamJSONL(name string, br *bufio.Reader, lineNo int, published time.Time, yield func(whosaid.Article, error) bool) {
	for {
		line, err := readLine(br)
		if errors.Is(err, errTooLong) {
			// readLine skipped the rest of the line: go on with the next.
			lineNo++
			if !yield(whosaid.Article{}, &RecordError{File: name, Line: lineNo, Err: err}) {
				return
			}
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			yield(whosaid.Article{}, readError(name, lineNo+1, err))
			return
		}
		if len(line) == 0 && errors.Is(err, io.EOF) {
			return
		}
		lineNo++
		if len(bytes.TrimSpace(line)) > 0 {
			rec, recErr := parseRecord(line)
			a, aErr := toArticle(name, lineNo, line, rec, recErr, published)
			if !yield(a, aErr) {
				return
			}
		}
		if errors.Is(err, io.EOF) {
			return
		}
	}
}

func readError(name string, lineNo int, err error) error {
	return fmt.Errorf("input: %s:%d: %w", name, lineNo, err)
}

// RecordError is a bad record of a JSON Lines input (malformed JSON, no
// "text", a bad field, a line over the size limit). It loses that record
// only: the records after it are read.
type RecordError struct {
	File string
	Line int // 1-based
	Err  error
}

func (e *RecordError) Error() string { return fmt.Sprintf("input: %s:%d: %v", e.File, e.Line, e.Err) }

func (e *RecordError) Unwrap() error { return e.Err }

func isRecordError(err error) bool {
	var re *RecordError
	return errors.As(err, &re)
}

// SkipBad passes on the articles and errors of src except bad records,
// which it hands to skipped instead, so that one bad record costs nothing
// else.
func SkipBad(src iter.Seq2[whosaid.Article, error], skipped func(*RecordError)) iter.Seq2[whosaid.Article, error] {
	return func(yield func(whosaid.Article, error) bool) {
		for a, err := range src {
			var re *RecordError
			if errors.As(err, &re) {
				skipped(re)
				continue
			}
			if !yield(a, err) {
				return
			}
		}
	}
}

// errTooLong reports a document over MaxDocumentSize.
var errTooLong = fmt.Errorf("document longer than %d MB", MaxDocumentSize>>20)

// readLine returns the next line including its "\n", of any length up to
// MaxDocumentSize (bufio.Scanner would stop at 64 KB). At the end of the
// input it returns the last bytes with io.EOF. A longer line is skipped,
// up to its end, with errTooLong.
func readLine(br *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(line)+len(chunk) > MaxDocumentSize {
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			return nil, errTooLong
		}
		line = append(line, chunk...)
		if !errors.Is(err, bufio.ErrBufferFull) {
			return line, err
		}
	}
}

// readText reads the rest of a plain-text article whose first bytes are head.
func readText(name string, head []byte, br *bufio.Reader, published time.Time) (whosaid.Article, error) {
	rest, err := io.ReadAll(io.LimitReader(br, int64(MaxDocumentSize-len(head)+1)))
	if err != nil {
		return whosaid.Article{}, fmt.Errorf("input: %s: %w", name, err)
	}
	text := append(head, rest...)
	if len(text) > MaxDocumentSize {
		return whosaid.Article{}, fmt.Errorf("input: %s: %w", name, errTooLong)
	}
	if reason := binaryReason(text[:min(len(text), sniffSize)]); reason != "" {
		return whosaid.Article{}, fmt.Errorf("input: %s: not a text file (%s)", name, reason)
	}
	return whosaid.Article{ID: name, Text: string(text), Published: published}, nil
}

// binaryReason says why sample looks like binary data rather than text, or
// returns "" when it looks like text. Invalid UTF-8 alone is tolerated:
// scraped text is sometimes Latin-1 or damaged, and spans are bytes anyway.
func binaryReason(sample []byte) string {
	if bytes.IndexByte(sample, 0) >= 0 {
		return "contains NUL bytes; UTF-16 and binary files are not supported"
	}
	bad := 0
	for i := 0; i < len(sample); {
		r, size := utf8.DecodeRune(sample[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			bad++
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != '\v', r == 0x7f:
			bad++
		}
		i += size
	}
	if bad*10 > len(sample)*3 {
		return "mostly control characters or invalid UTF-8"
	}
	return ""
}

// record is one JSON Lines input record; unknown fields are ignored.
type record struct {
	ID        json.RawMessage `json:"id"`
	Text      *string         `json:"text"`
	Title     string          `json:"title"`
	Published string          `json:"published"`
	URL       string          `json:"url"`
	Outlet    string          `json:"outlet"`
	Site      string          `json:"site"`
	// news-please's names (Common Crawl's CC-NEWS dumps), taken where
	// the fields above are absent.
	MainText     *string `json:"maintext"`
	DatePublish  *string `json:"date_publish"`
	SourceDomain string  `json:"source_domain"`
}

// parseRecord decodes one JSON Lines record, which must be an object with
// a string "text" (or news-please's "maintext").
func parseRecord(line []byte) (record, error) {
	var rec record
	trimmed := bytes.TrimSpace(line)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return rec, errors.New("not a JSON object")
	}
	if fast, ok := scanRecord(trimmed); ok {
		rec = fast
	} else if err := json.Unmarshal(trimmed, &rec); err != nil {
		return rec, err
	}
	if rec.Text == nil {
		rec.Text = rec.MainText
	}
	if rec.Text == nil {
		return rec, errors.New(`missing "text" field`)
	}
	return rec, nil
}

// toArticle turns the record on line lineNo into an article, or reports
// recErr (the record's parse error) or a bad field as a *RecordError.
func toArticle(name string, lineNo int, line []byte, rec record, recErr error, published time.Time) (whosaid.Article, error) {
	bad := func(err error) (whosaid.Article, error) {
		return whosaid.Article{}, &RecordError{File: name, Line: lineNo, Err: err}
	}
	if recErr != nil {
		return bad(fmt.Errorf("bad JSON Lines record %s: %w", preview(line), recErr))
	}
	if strings.TrimSpace(*rec.Text) == "" {
		// Not malformed: a scrape that failed leaves such records.
		return whosaid.Article{}, fmt.Errorf("input: %s:%d: %w: %w", name, lineNo, ErrSkipped, ErrEmpty)
	}
	id, err := recordID(rec.ID, lineNo)
	if err != nil {
		return bad(err)
	}
	if rec.Published == "" && rec.DatePublish != nil {
		rec.Published = *rec.DatePublish
	}
	if rec.Published != "" {
		published, err = ParsePublished(rec.Published)
		if err != nil {
			return bad(err)
		}
	}
	url := rec.URL
	if url != "" && !whosaid.IsWebURL(url) {
		slog.Warn("dropping an article URL that is not http or https", "file", name, "line", lineNo, "url", preview([]byte(url)))
		url = ""
	}
	return whosaid.Article{ID: id, Text: *rec.Text, Title: rec.Title, URL: url, Published: published,
		Outlet: strings.TrimSpace(rec.Outlet), Site: strings.TrimSpace(cmp.Or(rec.Site, rec.SourceDomain))}, nil
}

// recordID returns the record's id: a string, a number as written, or the
// 1-based line number when absent or null.
func recordID(raw json.RawMessage, lineNo int) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return strconv.Itoa(lineNo), nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String(), nil
	}
	return "", fmt.Errorf(`"id" must be a string or a number, not %s`, preview(raw))
}

// preview quotes the start of b for an error message.
func preview(b []byte) string {
	b = bytes.TrimSpace(b)
	const previewLen = 40
	if len(b) > previewLen {
		return strconv.Quote(string(b[:previewLen])) + "..."
	}
	return strconv.Quote(string(b))
}

// ParsePublished parses a publication date: an RFC 3339 date
// ("2017-03-02", midnight UTC) or timestamp ("2017-03-02T15:04:05-05:00"),
// or a date and time without a zone, taken as UTC ("2017-03-02 15:04:05",
// as news-please writes them).
func ParsePublished(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.DateOnly, time.RFC3339Nano, time.DateTime} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("bad publication date %q: want a date like 2017-03-02 or a timestamp like 2017-03-02T15:04:05Z", s)
}
