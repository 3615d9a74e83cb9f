package input

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/klauspost/compress/zstd"
)

// Format is the kind of content of an input, after decompression.
type Format string

// The input formats.
const (
	Text  Format = "text"  // one plain-text article
	JSONL Format = "jsonl" // JSON Lines, one article per line
	HTML  Format = "html"  // one web page
	WARC  Format = "warc"  // a web archive of pages
)

// headSize is how much of an input is inspected to tell its format.
const headSize = 4 << 10

var (
	gzipMagic = []byte{0x1f, 0x8b}
	zstdMagic = []byte{0x28, 0xb5, 0x2f, 0xfd}
)

// compression names the compression of the stream that starts with head:
// "gzip", "zstd" or "".
func compression(head []byte) string {
	switch {
	case bytes.HasPrefix(head, gzipMagic):
		return "gzip"
	case bytes.HasPrefix(head, zstdMagic):
		return "zstd"
	}
	return ""
}

// Detect tells the format of an input from its first bytes (decompressed),
// with the file name's extension as a hint where the content is
// ambiguous: a .jsonl file is JSON Lines even if its first line is bad.
func Detect(name string, head []byte) Format {
	s := bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n\f")
	switch {
	case bytes.HasPrefix(s, []byte("WARC/1.")):
		return WARC
	case looksLikeHTML(s):
		return HTML
	}
	switch strings.ToLower(filepath.Ext(trimCompressionExt(name))) {
	case ".jsonl", ".ndjson":
		return JSONL
	}
	if len(s) > 0 && s[0] == '{' {
		// Decided on the whole first line by the reader (see Stream); a
		// JSON object that is not a record makes the input plain text.
		return JSONL
	}
	return Text
}

// looksLikeHTML reports a document that starts with markup and has the
// elements of a page near its start.
func looksLikeHTML(s []byte) bool {
	if len(s) == 0 || s[0] != '<' {
		return false
	}
	lower := bytes.ToLower(s[:min(len(s), headSize)])
	for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title"} {
		if bytes.Contains(lower, []byte(tag)) {
			return true
		}
	}
	return false
}

// trimCompressionExt drops a .gz or .zst extension: "a.jsonl.gz" → "a.jsonl".
func trimCompressionExt(name string) string {
	for _, ext := range []string{".gz", ".gzip", ".zst", ".zstd"} {
		if strings.HasSuffix(strings.ToLower(name), ext) {
			return name[:len(name)-len(ext)]
		}
	}
	return name
}

// opened is an input stream with its compression undone and its format
// told.
type opened struct {
	format Format
	br     *bufio.Reader
	close  func()
}

// open undoes the compression of br (gzip, with any number of members, or
// zstd) and tells the format of the content. A gzip-compressed WARC stays
// compressed: the WARC reader reads it member by member, so that a broken
// member costs one record.
func open(name string, br *bufio.Reader) (opened, error) {
	magic, _ := br.Peek(len(zstdMagic))
	switch compression(magic) {
	case "gzip":
		if Detect(name, gzipHead(br)) == WARC {
			return opened{format: WARC, br: br, close: func() {}}, nil
		}
		zr, err := gzip.NewReader(br)
		if err != nil {
			return opened{}, fmt.Errorf("input: %s: gzip: %w", name, err)
		}
		return sniff(name, bufio.NewReaderSize(zr, 64<<10), func() { zr.Close() }), nil
	case "zstd":
		// One decoder goroutine keeps memory low.
		zr, err := zstd.NewReader(br, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(1<<30))
		if err != nil {
			return opened{}, fmt.Errorf("input: %s: zstd: %w", name, err)
		}
		return sniff(name, bufio.NewReaderSize(zr, 64<<10), zr.Close), nil
	}
	return sniff(name, br, func() {}), nil
}

func sniff(name string, br *bufio.Reader, close func()) opened {
	head, _ := br.Peek(headSize)
	return opened{format: Detect(name, head), br: br, close: close}
}

// gzipHead decompresses the start of the gzip stream br without consuming it.
func gzipHead(br *bufio.Reader) []byte {
	raw, _ := br.Peek(br.Size())
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil
	}
	head := make([]byte, headSize)
	n, _ := io.ReadFull(zr, head)
	return head[:n]
}
