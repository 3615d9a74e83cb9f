// Package conllu reads and writes CoNLL-U files (https://universaldependencies.org/format.html).
//
// Only basic syntactic words are kept: multiword token ranges ("1-2") and
// empty nodes ("1.1") are skipped on reading, because the syntax stage works
// on the word level of the basic tree. Sentence comments ("# text = ...") are
// kept so they survive a round trip.
package conllu

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Word is one syntactic word (one non-range, non-empty-node line).
type Word struct {
	ID     int // 1-based position in the sentence
	Form   string
	Lemma  string
	UPOS   string
	XPOS   string
	Feats  string
	Head   int // 0 = root; -1 when the column is "_"
	Deprel string
	Deps   string
	Misc   string
}

// Sentence is one block of a CoNLL-U file.
type Sentence struct {
	Comments []string // comment lines without the leading "#", e.g. " text = Hello"
	Words    []Word
}

// Text returns the value of the "# text = ..." comment, or "" when absent.
func (s *Sentence) Text() string {
	for _, c := range s.Comments {
		c = strings.TrimSpace(c)
		if v, ok := strings.CutPrefix(c, "text ="); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// Reader reads sentences one at a time.
type Reader struct {
	sc   *bufio.Scanner
	line int
}

// NewReader returns a Reader on r.
func NewReader(r io.Reader) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	return &Reader{sc: sc}
}

// Read returns the next sentence, or io.EOF when there are none left.
func (r *Reader) Read() (*Sentence, error) {
	var s Sentence
	started := false
	for r.sc.Scan() {
		r.line++
		line := strings.TrimRight(r.sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			if started {
				return &s, nil
			}
			continue
		}
		if c, ok := strings.CutPrefix(line, "#"); ok {
			started = true
			s.Comments = append(s.Comments, c)
			continue
		}
		w, skip, err := parseWordLine(line)
		if err != nil {
			return nil, fmt.Errorf("conllu: line %d: %w", r.line, err)
		}
		if skip {
			continue
		}
		started = true
		if w.ID != len(s.Words)+1 {
			return nil, fmt.Errorf("conllu: line %d: word id %d out of sequence (want %d)", r.line, w.ID, len(s.Words)+1)
		}
		s.Words = append(s.Words, w)
	}
	if err := r.sc.Err(); err != nil {
		return nil, fmt.Errorf("conllu: line %d: %w", r.line, err)
	}
	if started {
		return &s, nil
	}
	return nil, io.EOF
}

// parseWordLine parses one tab-separated word line; skip reports a range or empty node.
func parseWordLine(line string) (w Word, skip bool, err error) {
	cols := strings.Split(line, "\t")
	if len(cols) != 10 {
		return w, false, fmt.Errorf("want 10 tab-separated columns, got %d", len(cols))
	}
	if strings.ContainsAny(cols[0], "-.") {
		return w, true, nil
	}
	id, err := strconv.Atoi(cols[0])
	if err != nil || id < 1 {
		return w, false, fmt.Errorf("bad word id %q", cols[0])
	}
	head := -1
	if cols[6] != "_" {
		head, err = strconv.Atoi(cols[6])
		if err != nil || head < 0 {
			return w, false, fmt.Errorf("bad head %q", cols[6])
		}
	}
	return Word{
		ID: id, Form: cols[1], Lemma: cols[2], UPOS: cols[3], XPOS: cols[4], Feats: cols[5],
		Head: head, Deprel: cols[7], Deps: cols[8], Misc: cols[9],
	}, false, nil
}

// ReadAll reads every sentence from r.
func ReadAll(r io.Reader) ([]*Sentence, error) {
	cr := NewReader(r)
	var out []*Sentence
	for {
		s, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, s)
	}
}

// Write writes sentences in CoNLL-U, each followed by a blank line.
// Empty fields are written as "_" so the output always has 10 columns.
func Write(w io.Writer, sents []*Sentence) error {
	bw := bufio.NewWriter(w)
	for _, s := range sents {
		for _, c := range s.Comments {
			bw.WriteString("#")
			bw.WriteString(c)
			bw.WriteByte('\n')
		}
		for i, wd := range s.Words {
			head := "_"
			if wd.Head >= 0 {
				head = strconv.Itoa(wd.Head)
			}
			cols := [10]string{strconv.Itoa(i + 1), wd.Form, wd.Lemma, wd.UPOS, wd.XPOS, wd.Feats, head, wd.Deprel, wd.Deps, wd.Misc}
			for j, c := range cols {
				if j > 0 {
					bw.WriteByte('\t')
				}
				bw.WriteString(field(c))
			}
			bw.WriteByte('\n')
		}
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("conllu: write: %w", err)
	}
	return nil
}

// field makes a value safe for one column: no tabs or newlines, never empty.
func field(s string) string {
	if s == "" {
		return "_"
	}
	if strings.ContainsAny(s, "\t\n\r") {
		s = strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' {
				return ' '
			}
			return r
		}, s)
	}
	return s
}
