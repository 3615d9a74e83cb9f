package input

import (
	"strings"
	"unicode/utf8"
)

// scanRecord is parseRecord's fast path for the usual JSON Lines record:
// an object whose keys are plain ASCII without escapes, with each of
// record's fields at most once and its string fields strings. It checks
// the whole line as strictly as encoding/json does, skips the values of
// the other keys without decoding them (in a news dump they are often
// most of the line: annotations, HTML, links) and decodes only the fields
// it keeps. For anything else, and for invalid JSON, ok is false and
// parseRecord asks json.Unmarshal, so that its result, and its error, are
// always Unmarshal's. On GGT dev records, json.Unmarshal, which checks a
// line in one pass and decodes it in another, a step a byte, was a tenth
// of the instructions of `whosaid extract`.
func scanRecord(line []byte) (rec record, ok bool) {
	s := jsonScanner{b: line}
	s.space()
	if !s.next('{') {
		return record{}, false
	}
	s.space()
	if s.next('}') {
		return rec, s.end()
	}
	var seen [len(recordFields)]bool
	for {
		start := s.i
		if !s.skipString() {
			return record{}, false
		}
		key := line[start+1 : s.i-1]
		field := -1
		for f, name := range recordFields {
			if string(key) == name {
				field = f
				break
			}
			if strings.EqualFold(string(key), name) {
				return record{}, false // Unmarshal matches it, whichever comes last
			}
		}
		for _, c := range key {
			if c == '\\' || c >= utf8.RuneSelf {
				return record{}, false // an escape, or a fold Unmarshal may know
			}
		}
		s.space()
		if !s.next(':') {
			return record{}, false
		}
		s.space()
		start = s.i
		if !s.skipValue(0) {
			return record{}, false
		}
		if field >= 0 {
			if seen[field] || !rec.set(field, line[start:s.i]) {
				return record{}, false
			}
			seen[field] = true
		}
		s.space()
		if s.next('}') {
			return rec, s.end()
		}
		if !s.next(',') {
			return record{}, false
		}
		s.space()
	}
}

// recordFields are the JSON names of record's fields, in the order set takes them.
var recordFields = [...]string{"id", "text", "title", "published", "url", "outlet", "site", "maintext", "date_publish", "source_domain"}

// set stores the raw JSON value of field f (an index in recordFields). The
// id is kept raw; the others must be strings.
func (rec *record) set(f int, raw []byte) bool {
	if f == 0 {
		rec.ID = append([]byte(nil), raw...)
		return true
	}
	v, ok := decodeString(raw)
	if !ok {
		return false
	}
	switch recordFields[f] {
	case "text":
		rec.Text = &v
	case "title":
		rec.Title = v
	case "published":
		rec.Published = v
	case "url":
		rec.URL = v
	case "outlet":
		rec.Outlet = v
	case "site":
		rec.Site = v
	case "maintext":
		rec.MainText = &v
	case "date_publish":
		rec.DatePublish = &v
	case "source_domain":
		rec.SourceDomain = v
	}
	return true
}

// decodeString decodes a JSON string that skipString accepted, as
// encoding/json does, when its bytes are valid UTF-8 and it escapes no
// UTF-16 surrogate; ok is false otherwise (and for a value that is not a
// string), where Unmarshal would put U+FFFD for what it cannot decode.
func decodeString(raw []byte) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' || !utf8.Valid(raw) {
		return "", false
	}
	in := raw[1 : len(raw)-1]
	var out []byte
	for i := 0; i < len(in); {
		j := i
		for j < len(in) && in[j] != '\\' {
			j++
		}
		if j == len(in) && out == nil {
			return string(in), true
		}
		if out == nil {
			out = make([]byte, 0, len(in))
		}
		out = append(out, in[i:j]...)
		if j == len(in) {
			break
		}
		switch c := in[j+1]; c {
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r := rune(0)
			for _, h := range in[j+2 : j+6] {
				r = r<<4 | rune(hexValue(h))
			}
			if utf8.RuneLen(r) < 0 {
				return "", false // a surrogate: Unmarshal pairs them
			}
			out = utf8.AppendRune(out, r)
			j += 4
		default: // " \ /
			out = append(out, c)
		}
		i = j + 2
	}
	return string(out), true
}

// hexValue is the value of a hexadecimal digit that skipString accepted.
func hexValue(h byte) byte {
	switch {
	case h <= '9':
		return h - '0'
	case h >= 'a':
		return h - 'a' + 10
	}
	return h - 'A' + 10
}

// jsonScanner checks JSON values in b from i on, as encoding/json's
// scanner does, without decoding them.
type jsonScanner struct {
	b []byte
	i int
}

// maxDepth is the deepest nesting the fast path follows; deeper values
// go to json.Unmarshal (which allows 10,000).
const maxDepth = 100

func (s *jsonScanner) space() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// next consumes c if it comes next.
func (s *jsonScanner) next(c byte) bool {
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

// end reports whether only white space is left.
func (s *jsonScanner) end() bool {
	s.space()
	return s.i == len(s.b)
}

// stringStop marks the bytes that end a run of plain bytes in a JSON
// string: the closing quotation mark, a backslash and the control
// characters, which JSON does not allow unescaped.
var stringStop = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t['"'], t['\\'] = true, true
	return t
}()

// skipString consumes a JSON string.
func (s *jsonScanner) skipString() bool {
	if !s.next('"') {
		return false
	}
	b, i := s.b, s.i
	for i < len(b) {
		c := b[i]
		if !stringStop[c] {
			i++
			continue
		}
		switch {
		case c == '"':
			s.i = i + 1
			return true
		case c != '\\' || i+1 == len(b):
			return false
		}
		switch b[i+1] {
		case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			i += 2
		case 'u':
			if i+6 > len(b) {
				return false
			}
			for _, h := range b[i+2 : i+6] {
				if !isHex(h) {
					return false
				}
			}
			i += 6
		default:
			return false
		}
	}
	return false
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// skipValue consumes one JSON value nested depth deep.
func (s *jsonScanner) skipValue(depth int) bool {
	if s.i == len(s.b) || depth > maxDepth {
		return false
	}
	switch c := s.b[s.i]; {
	case c == '"':
		return s.skipString()
	case c == '{':
		return s.skipContainer('}', depth)
	case c == '[':
		return s.skipContainer(']', depth)
	case c == '-' || '0' <= c && c <= '9':
		return s.skipNumber()
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	}
	return false
}

// skipContainer consumes an object (closed by '}') or an array (']').
func (s *jsonScanner) skipContainer(closer byte, depth int) bool {
	s.i++
	s.space()
	if s.next(closer) {
		return true
	}
	for {
		if closer == '}' {
			if !s.skipString() {
				return false
			}
			s.space()
			if !s.next(':') {
				return false
			}
			s.space()
		}
		if !s.skipValue(depth + 1) {
			return false
		}
		s.space()
		if s.next(closer) {
			return true
		}
		if !s.next(',') {
			return false
		}
		s.space()
	}
}

func (s *jsonScanner) literal(word string) bool {
	if !strings.HasPrefix(string(s.b[s.i:]), word) {
		return false
	}
	s.i += len(word)
	return true
}

// skipNumber consumes a number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *jsonScanner) skipNumber() bool {
	s.next('-')
	switch {
	case s.next('0'):
	case s.i < len(s.b) && '1' <= s.b[s.i] && s.b[s.i] <= '9':
		s.digits()
	default:
		return false
	}
	if s.next('.') && !s.digits() {
		return false
	}
	if s.next('e') || s.next('E') {
		if !s.next('+') {
			s.next('-')
		}
		if !s.digits() {
			return false
		}
	}
	return true
}

// digits consumes a run of digits and reports whether there was one.
func (s *jsonScanner) digits() bool {
	start := s.i
	for s.i < len(s.b) && '0' <= s.b[s.i] && s.b[s.i] <= '9' {
		s.i++
	}
	return s.i > start
}
