// Package warc streams the HTML pages of a web archive (WARC 1.0 and 1.1,
// plain or gzip-compressed one member per record, as Common Crawl writes
// them). A bad record is reported and skipped; reading goes on with the
// next one.
package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
	"time"
)

// MaxRecordSize bounds the block of one record held in memory; larger
// records are skipped. News pages are well under it.
const MaxRecordSize = 16 << 20

// Page is an HTML page from a response record.
type Page struct {
	URL     string
	Fetched time.Time // WARC-Date; zero when absent
	HTML    []byte
	// ContentType is the HTTP Content-Type, which may name the charset
	// that the page itself does not.
	ContentType string
}

// SkipError reports a record that was not read as a page, and why. It is
// a warning: the archive goes on with the next record.
type SkipError struct {
	Offset int64 // of the record in the (decompressed) stream, or of the gzip member
	URL    string
	Reason string
}

func (e *SkipError) Error() string {
	if e.URL != "" {
		return fmt.Sprintf("warc: record at byte %d (%s) skipped: %s", e.Offset, e.URL, e.Reason)
	}
	return fmt.Sprintf("warc: record at byte %d skipped: %s", e.Offset, e.Reason)
}

// gzipMagic starts every gzip member.
var gzipMagic = []byte{0x1f, 0x8b, 0x08}

// Pages yields the HTML pages of the archive r, and a *SkipError for each
// record skipped (not HTML, not status 200, truncated, malformed); other
// errors end the stream. A gzip-compressed archive is recognised by its
// first bytes.
func Pages(r io.Reader) func(yield func(Page, error) bool) {
	return func(yield func(Page, error) bool) {
		src := &counter{r: r}
		br := bufio.NewReaderSize(src, 64<<10)
		head, _ := br.Peek(len(gzipMagic))
		if bytes.Equal(head, gzipMagic) {
			readMembers(br, src, yield)
			return
		}
		recs := &records{br: br, off: func() int64 { return src.n - int64(br.Buffered()) }}
		recs.each(yield)
	}
}

// counter counts the bytes read from r, for offsets in messages.
type counter struct {
	r io.Reader
	n int64
}

func (c *counter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// readMembers reads a gzip archive member by member, so that a damaged
// member costs its own record only: reading resumes at the next member.
func readMembers(br *bufio.Reader, src *counter, yield func(Page, error) bool) {
	rw := &rewinder{src: br}
	offset := func() int64 { return src.n - int64(br.Buffered()) - int64(len(rw.pending)) }
	var zr *gzip.Reader
	var inner *bufio.Reader
	for {
		start := offset()
		rw.mark()
		var err error
		if zr == nil {
			zr, err = gzip.NewReader(rw)
		} else {
			err = zr.Reset(rw)
		}
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			if !yield(Page{}, &SkipError{Offset: start, Reason: "bad gzip member: " + err.Error()}) || !rw.resync() {
				return
			}
			continue
		}
		zr.Multistream(false)
		if inner == nil {
			inner = bufio.NewReaderSize(zr, 64<<10)
		} else {
			inner.Reset(zr)
		}
		recs := &records{br: inner, off: func() int64 { return start }, member: true}
		if !recs.each(yield) {
			return
		}
		if recs.broken {
			// The gzip data is damaged, and the decompressor may have read
			// into the next member: look for it from just after this one's
			// start.
			if !rw.resync() {
				return
			}
		}
	}
}

// rewinder reads src and keeps the bytes of the current gzip member, so
// that after a damaged member the search for the next one can start
// right after its header instead of wherever the decompressor stopped.
type rewinder struct {
	src     *bufio.Reader
	kept    []byte // the current member's bytes read so far
	pending []byte // bytes given back, read before src
	full    bool   // kept overflowed: the member is too long to rewind
}

// mark starts a new member.
func (rw *rewinder) mark() { rw.kept, rw.full = rw.kept[:0], false }

func (rw *rewinder) keep(b ...byte) {
	if rw.full {
		return
	}
	if len(rw.kept)+len(b) > 2*MaxRecordSize {
		rw.full = true
		return
	}
	rw.kept = append(rw.kept, b...)
}

func (rw *rewinder) ReadByte() (byte, error) {
	if len(rw.pending) > 0 {
		b := rw.pending[0]
		rw.pending = rw.pending[1:]
		rw.keep(b)
		return b, nil
	}
	b, err := rw.src.ReadByte()
	if err == nil {
		rw.keep(b)
	}
	return b, err
}

func (rw *rewinder) Read(p []byte) (int, error) {
	var n int
	var err error
	if len(rw.pending) > 0 {
		n = copy(p, rw.pending)
		rw.pending = rw.pending[n:]
	} else {
		n, err = rw.src.Read(p)
	}
	rw.keep(p[:n]...)
	return n, err
}

// resync moves to the next gzip member after the start of the current
// one; false at the end of the input.
func (rw *rewinder) resync() bool {
	if !rw.full && len(rw.kept) > 0 {
		rw.pending = append(bytes.Clone(rw.kept[1:]), rw.pending...)
	}
	rw.mark()
	for {
		if i := bytes.Index(rw.pending, gzipMagic); i >= 0 {
			rw.pending = rw.pending[i:]
			return true
		}
		// Keep a possible start of the magic that spans the boundary.
		rw.pending = rw.pending[max(0, len(rw.pending)-len(gzipMagic)+1):]
		b, err := rw.src.ReadByte()
		if err != nil {
			return false
		}
		rw.pending = append(rw.pending, b)
	}
}

// records reads WARC records from br: an uncompressed archive, or one gzip
// member (member set), which normally holds one record.
type records struct {
	br      *bufio.Reader
	off     func() int64
	member  bool
	pending []byte // a version line found while resynchronising
	// broken is set when the gzip data itself failed, so the member's end
	// is unknown.
	broken bool
}

// each yields the pages of the records; false when yield asked to stop.
// The records of a gzip member are held until the member has been read to
// its end, whose checksum vouches for them: a damaged member yields one
// skip and none of its records.
func (rs *records) each(yield func(Page, error) bool) bool {
	type item struct {
		page Page
		err  error
	}
	var held []item
	emit := func(it item) bool {
		if rs.member {
			held = append(held, it)
			return true
		}
		return yield(it.page, it.err)
	}
	for {
		start := rs.off()
		page, skip, err := rs.next()
		switch {
		case errors.Is(err, io.EOF):
			for _, it := range held {
				if !yield(it.page, it.err) {
					return false
				}
			}
			return true
		case err != nil:
			if rs.member {
				// What is left of the member is skipped, and if that fails
				// the member itself is damaged.
				_, drainErr := io.Copy(io.Discard, rs.br)
				rs.broken = drainErr != nil
				for _, it := range held {
					if page.URL == "" {
						page.URL = it.page.URL
					}
				}
				return yield(Page{}, &SkipError{Offset: start, URL: page.URL, Reason: err.Error()})
			}
			if !yield(Page{}, &SkipError{Offset: start, URL: page.URL, Reason: err.Error()}) {
				return false
			}
			if !rs.skipToRecord() {
				return true
			}
		case skip != "":
			if !emit(item{err: &SkipError{Offset: start, URL: page.URL, Reason: skip}}) {
				return false
			}
		case page.HTML != nil:
			if !emit(item{page: page}) {
				return false
			}
		}
	}
}

// next reads one record. It returns the page of an HTML response, or a
// reason to skip a response, or neither for other record types; err is a
// broken record (or io.EOF at the end).
func (rs *records) next() (page Page, skip string, err error) {
	version, err := rs.versionLine()
	if err != nil {
		return page, "", err
	}
	if !bytes.HasPrefix(version, []byte("WARC/")) {
		return page, "", fmt.Errorf("not a WARC record: starts with %q", preview(version))
	}
	hdr, err := textproto.NewReader(rs.br).ReadMIMEHeader()
	if err != nil {
		return page, "", fmt.Errorf("record header: %w", err)
	}
	page.URL = strings.Trim(hdr.Get("WARC-Target-URI"), "<>")
	length, err := strconv.ParseInt(strings.TrimSpace(hdr.Get("Content-Length")), 10, 64)
	if err != nil || length < 0 {
		return page, "", fmt.Errorf("bad Content-Length %q", hdr.Get("Content-Length"))
	}
	if length > MaxRecordSize {
		if _, err := io.CopyN(io.Discard, rs.br, length); err != nil {
			return page, "", truncated(err)
		}
		return page, fmt.Sprintf("record of %d MB, larger than %d MB", length>>20, MaxRecordSize>>20), rs.endOfRecord()
	}
	block := make([]byte, length)
	if _, err := io.ReadFull(rs.br, block); err != nil {
		return page, "", truncated(err)
	}
	if err := rs.endOfRecord(); err != nil {
		return page, "", err
	}
	if !strings.EqualFold(hdr.Get("WARC-Type"), "response") {
		return page, "", nil
	}
	if t, err := time.Parse(time.RFC3339Nano, hdr.Get("WARC-Date")); err == nil {
		page.Fetched = t
	}
	if !strings.HasPrefix(strings.ToLower(hdr.Get("Content-Type")), "application/http") {
		return page, "", nil // a response that is not HTTP (dns:, ftp:)
	}
	page.HTML, page.ContentType, skip = httpHTML(block)
	return page, skip, nil
}

func truncated(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return errors.New("truncated: the input ends inside the record")
	}
	return fmt.Errorf("record block: %w", err)
}

// versionLine returns the first non-blank line of the next record.
func (rs *records) versionLine() ([]byte, error) {
	if rs.pending != nil {
		line := rs.pending
		rs.pending = nil
		return line, nil
	}
	for {
		line, err := rs.br.ReadSlice('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			if errors.Is(err, bufio.ErrBufferFull) {
				return line, fmt.Errorf("not a WARC record: starts with %q", preview(line))
			}
			return bytes.TrimRight(line, "\r\n"), nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// endOfRecord reads the two line breaks that end a record. Anything else
// means the Content-Length was wrong.
func (rs *records) endOfRecord() error {
	end, err := rs.br.Peek(4)
	if bytes.Equal(end, []byte("\r\n\r\n")) {
		_, _ = rs.br.Discard(4) // peeked: cannot fail
		return nil
	}
	if errors.Is(err, io.EOF) && len(bytes.TrimSpace(end)) == 0 {
		_, _ = rs.br.Discard(len(end)) // peeked: cannot fail
		return nil                     // tolerated: a missing record end at the end of the input
	}
	return errors.New("the record does not end where its Content-Length says")
}

// skipToRecord reads up to the next line that starts a record; false at
// the end of the input.
func (rs *records) skipToRecord() bool {
	for {
		line, err := rs.br.ReadSlice('\n')
		if bytes.HasPrefix(line, []byte("WARC/1.")) && !errors.Is(err, bufio.ErrBufferFull) {
			rs.pending = bytes.Clone(bytes.TrimRight(line, "\r\n"))
			return true
		}
		if err != nil && !errors.Is(err, bufio.ErrBufferFull) {
			return false
		}
	}
}

// httpHTML returns the HTML body of an HTTP response and its Content-Type,
// or why there is none.
func httpHTML(block []byte) (html []byte, contentType, skip string) {
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(block)), nil)
	if err != nil {
		return nil, "", "bad HTTP response: " + err.Error()
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, "", "HTTP status " + strconv.Itoa(resp.StatusCode)
	}
	contentType = resp.Header.Get("Content-Type")
	ct := strings.ToLower(contentType)
	if !strings.Contains(ct, "html") {
		return nil, "", fmt.Sprintf("not HTML (%s)", first(ct, "no Content-Type"))
	}
	body := io.Reader(resp.Body)
	// Common Crawl stores bodies decoded; other crawlers keep them as sent.
	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(body)
		if err != nil {
			return nil, "", "bad gzip body: " + err.Error()
		}
		body = zr
	default:
		return nil, "", "unsupported Content-Encoding " + enc
	}
	html, err = io.ReadAll(io.LimitReader(body, MaxRecordSize+1))
	switch {
	case err != nil:
		return nil, "", "truncated HTTP body: " + err.Error()
	case len(html) > MaxRecordSize:
		return nil, "", "HTTP body larger than the record limit"
	}
	return html, contentType, ""
}

func first(s, otherwise string) string {
	if s == "" {
		return otherwise
	}
	return s
}

func preview(b []byte) string {
	const n = 40
	if len(b) > n {
		return string(b[:n]) + "..."
	}
	return string(b)
}
