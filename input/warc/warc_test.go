package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

// rec is one WARC record to write.
type rec struct {
	typ, uri, contentType string
	block                 string
	lengthDelta           int  // added to the true Content-Length: a lying header
	cut                   int  // bytes cut from the end of the record (truncation)
	corrupt               bool // flip bytes inside the gzip member
}

func httpResponse(status int, contentType, body string) string {
	return fmt.Sprintf("HTTP/1.1 %d X\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", status, contentType, len(body), body)
}

func page(i int) string {
	return fmt.Sprintf("<html><body><p>Page %d said hello.</p></body></html>", i)
}

func response(i int) rec {
	return rec{typ: "response", uri: fmt.Sprintf("https://news.example/%d", i), contentType: "application/http; msgtype=response",
		block: httpResponse(200, "text/html; charset=utf-8", page(i))}
}

func (r rec) bytes() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-05-15T09:30:00Z\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		r.typ, r.uri, r.contentType, len(r.block)+r.lengthDelta, r.block)
	return b.Bytes()[:b.Len()-r.cut]
}

func gzipOf(s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.Bytes()
}

// archive writes the records, each as its own gzip member when gz is set.
func archive(t testing.TB, gz bool, recs ...rec) []byte {
	t.Helper()
	var out bytes.Buffer
	for _, r := range recs {
		if !gz {
			out.Write(r.bytes())
			continue
		}
		var m bytes.Buffer
		zw := gzip.NewWriter(&m)
		zw.Write(r.bytes())
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		member := m.Bytes()
		if r.corrupt {
			for i := len(member) / 2; i < len(member)/2+8; i++ {
				member[i] ^= 0x5a
			}
		}
		out.Write(member[:len(member)-r.cut])
	}
	return out.Bytes()
}

// read returns the URLs of the pages and the reasons of the skips.
func read(data []byte) (pages []string, skips []string, err error) {
	for p, e := range Pages(bytes.NewReader(data)) {
		var skip *SkipError
		switch {
		case errors.As(e, &skip):
			skips = append(skips, skip.Reason)
		case e != nil:
			return pages, skips, e
		default:
			if !strings.Contains(string(p.HTML), "said hello") || !p.Fetched.Equal(time.Date(2024, 5, 15, 9, 30, 0, 0, time.UTC)) ||
				!strings.HasPrefix(p.ContentType, "text/html") {
				return pages, skips, fmt.Errorf("bad page %+v", p)
			}
			pages = append(pages, p.URL)
		}
	}
	return pages, skips, nil
}

func TestPages(t *testing.T) {
	info := rec{typ: "warcinfo", contentType: "application/warc-fields", block: "software: test\r\n"}
	request := rec{typ: "request", uri: "https://news.example/1", contentType: "application/http; msgtype=request", block: "GET / HTTP/1.1\r\n\r\n"}
	notFound := response(9)
	notFound.block = httpResponse(404, "text/html", "gone")
	pdf := response(8)
	pdf.block = httpResponse(200, "application/pdf", "%PDF-1.4")
	brotli := response(10)
	brotli.block = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\nContent-Length: 3\r\n\r\n\x8b\x01\x80"
	gzipBody := response(11)
	gzipBody.block = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + string(gzipOf(page(11)))
	badHTTP := response(7)
	badHTTP.block = "not http at all"
	longer := response(6)
	longer.lengthDelta = 50
	shorter := response(5)
	shorter.lengthDelta = -10
	truncated := response(4)
	truncated.cut = 30
	corrupt := response(3)
	corrupt.corrupt = true

	tests := []struct {
		name      string
		gz        bool
		recs      []rec
		wantPages int
		wantSkips []string // substrings of the reasons, in order
	}{
		{"plain", false, []rec{info, request, response(1), response(2)}, 2, nil},
		{"gzip", true, []rec{info, request, response(1), response(2)}, 2, nil},
		{"status, type and HTTP skipped", true, []rec{response(1), notFound, pdf, badHTTP, response(2)}, 2,
			[]string{"HTTP status 404", "not HTML", "bad HTTP response"}},
		{"content encodings", false, []rec{gzipBody, brotli}, 1, []string{"unsupported Content-Encoding br"}},
		{"plain: lying Content-Length, longer", false, []rec{response(1), longer, response(2)}, 1,
			[]string{"does not end"}},
		{"plain: lying Content-Length, shorter", false, []rec{response(1), shorter, response(2)}, 2,
			[]string{"does not end"}},
		{"gzip: lying Content-Length, longer", true, []rec{response(1), longer, response(2)}, 2, []string{"truncated"}},
		{"gzip: lying Content-Length, shorter", true, []rec{response(1), shorter, response(2)}, 2, []string{"does not end"}},
		{"gzip: truncated last member", true, []rec{response(1), response(2), truncated}, 2, []string{"truncated"}},
		{"gzip: truncated member in the middle", true, []rec{response(1), truncated, response(2)}, 2, []string{""}},
		{"gzip: corrupt member", true, []rec{response(1), corrupt, response(2)}, 2, []string{""}},
		{"plain: truncated at the end", false, []rec{response(1), truncated}, 1, []string{"truncated"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages, skips, err := read(archive(t, tt.gz, tt.recs...))
			if err != nil {
				t.Fatal(err)
			}
			if len(pages) != tt.wantPages {
				t.Errorf("%d pages %v, want %d", len(pages), pages, tt.wantPages)
			}
			if len(skips) < len(tt.wantSkips) {
				t.Fatalf("skips %q, want %q", skips, tt.wantSkips)
			}
			for i, want := range tt.wantSkips {
				if !strings.Contains(skips[i], want) {
					t.Errorf("skip %d = %q, want %q", i, skips[i], want)
				}
			}
		})
	}
}

// Garbage between plain records is skipped up to the next record.
func TestPagesResync(t *testing.T) {
	data := append(append(response(1).bytes(), "junk line\r\nmore junk\r\n"...), response(2).bytes()...)
	pages, skips, err := read(data)
	if err != nil || len(pages) != 2 || len(skips) != 1 {
		t.Errorf("pages %v, skips %q, err %v", pages, skips, err)
	}
}

func TestPagesLargeRecordSkipped(t *testing.T) {
	big := response(1)
	big.block = httpResponse(200, "text/html", strings.Repeat("x", MaxRecordSize+1))
	pages, skips, err := read(archive(t, true, big, response(2)))
	if err != nil || len(pages) != 1 || len(skips) != 1 || !strings.Contains(skips[0], "larger") {
		t.Errorf("pages %v, skips %q, err %v", pages, skips, err)
	}
}

type failingReader struct{ data io.Reader }

func (f failingReader) Read(p []byte) (int, error) {
	n, err := f.data.Read(p)
	if errors.Is(err, io.EOF) {
		return n, errors.New("disk on fire")
	}
	return n, err
}

// A read error is no skip: it ends the stream.
func TestPagesReadError(t *testing.T) {
	var last error
	for _, err := range Pages(failingReader{bytes.NewReader(response(1).bytes()[:40])}) {
		last = err
	}
	if last == nil {
		t.Error("no error")
	}
}

func FuzzPages(f *testing.F) {
	f.Add(archive(f, false, response(1), response(2)))
	f.Add(archive(f, true, response(1), response(2)))
	bad := response(3)
	bad.lengthDelta = 7
	f.Add(archive(f, true, bad, response(4)))
	f.Add([]byte("WARC/1.0\r\nContent-Length: -1\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		n := 0
		for range Pages(bytes.NewReader(data)) {
			if n++; n > len(data)+1 {
				t.Fatal("more items than bytes: the reader does not advance")
			}
		}
	})
}

func BenchmarkPages(b *testing.B) {
	var recs []rec
	for i := range 200 {
		recs = append(recs, response(i))
	}
	data := archive(b, true, recs...)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		for _, err := range Pages(bytes.NewReader(data)) {
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}

// A member whose checksum fails gives one skip and not its page, whose
// bytes cannot be trusted.
func TestPagesChecksumFailure(t *testing.T) {
	data := archive(t, true, response(1), response(2))
	first := bytes.Index(data[1:], gzipMagic) + 1 // start of the second member
	data[first-5] ^= 0xff                         // the first member's CRC-32
	pages, skips, err := read(data)
	if err != nil || len(pages) != 1 || len(skips) != 1 || !strings.Contains(skips[0], "checksum") {
		t.Errorf("pages %v, skips %q, err %v", pages, skips, err)
	}
}
