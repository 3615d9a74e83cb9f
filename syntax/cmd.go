package syntax

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/whosaid/whosaid/syntax/conllu"
)

// ParseMain implements `whosaid parse [--format conllu|text] [--model FILE]`:
// it reads plain text from stdin (one paragraph per line), splits sentences
// and words with SplitSentences and SplitWords, and writes the analyses.
func ParseMain(args []string, stdin io.Reader, stdout io.Writer) error {
	fs := flag.NewFlagSet("parse", flag.ContinueOnError)
	fs.SetOutput(stdout)
	format := fs.String("format", "conllu", "output format: conllu or text")
	modelPath := fs.String("model", "", "model file (default: the embedded model)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *format != "conllu" && *format != "text" {
		return fmt.Errorf("parse: unknown --format %q (want conllu or text)", *format)
	}
	m, err := loadModel(*modelPath)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	bw := bufio.NewWriter(stdout)
	for sc.Scan() {
		for _, words := range SplitSentences(SplitWords(sc.Text())) {
			toks := m.Parse(words)
			if *format == "text" {
				writeText(bw, toks)
				continue
			}
			if err := conllu.Write(bw, []*conllu.Sentence{toSentence(toks)}); err != nil {
				return err
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("parse: reading input: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("parse: writing output: %w", err)
	}
	return nil
}

// SplitSentences cuts a word sequence after sentence-final punctuation
// (".", "!", "?", "..."), keeping closing quotes and brackets with the sentence.
func SplitSentences(words []string) [][]string {
	var out [][]string
	start := 0
	for i := 0; i < len(words); i++ {
		if !isSentenceFinal(words[i]) {
			continue
		}
		for i+1 < len(words) && isClosing(words[i+1], words[start:i+1]) {
			i++
		}
		out = append(out, words[start:i+1])
		start = i + 1
	}
	if start < len(words) {
		out = append(out, words[start:])
	}
	return out
}

func isSentenceFinal(w string) bool {
	return w == "." || w == "!" || w == "?" || w == "..." || w == "…"
}

// isClosing reports whether w closes the sentence so far; a straight quote
// closes only when the sentence has an unmatched one.
func isClosing(w string, sentence []string) bool {
	if w == "\"" || w == "'" {
		return strings.Count(strings.Join(sentence, " "), w)%2 == 1
	}
	return w == ")" || w == "]" || w == "”" || w == "’" || isSentenceFinal(w)
}

func toSentence(toks []Token) *conllu.Sentence {
	s := &conllu.Sentence{}
	forms := make([]string, len(toks))
	for i, t := range toks {
		forms[i] = t.Form
		s.Words = append(s.Words, conllu.Word{ID: i + 1, Form: t.Form, Lemma: t.Lemma, UPOS: t.UPOS,
			XPOS: t.XPOS, Head: t.Head, Deprel: t.Rel})
	}
	s.Comments = []string{" text = " + strings.Join(forms, " ")}
	return s
}

// writeText prints "form/XPOS" tokens, then one "rel(head-i, dep-j)" line per word.
func writeText(w *bufio.Writer, toks []Token) {
	for i, t := range toks {
		if i > 0 {
			w.WriteByte(' ')
		}
		w.WriteString(t.Form + "/" + t.XPOS)
	}
	w.WriteByte('\n')
	for i, t := range toks {
		head := "ROOT-0"
		if t.Head > 0 {
			head = toks[t.Head-1].Form + "-" + strconv.Itoa(t.Head)
		}
		fmt.Fprintf(w, "%s(%s, %s-%d)\n", t.Rel, head, t.Form, i+1)
	}
	w.WriteByte('\n')
}
