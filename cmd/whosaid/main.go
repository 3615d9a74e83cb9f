// Command whosaid finds who said what in news articles.
//
//	whosaid extract [--format text|jsonl] [--published DATE] FILE...
//	whosaid eval ggt|polnear GOLD.jsonl [--pred FILE] [--json] [--errors]
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/input"
	"github.com/whosaid/whosaid/output"
	"github.com/whosaid/whosaid/pipeline"
)

const usage = `whosaid finds who said what in news articles.

usage:
  whosaid extract [--format text|jsonl] [--published DATE] [--min-confidence X] FILE... (- for stdin)
  whosaid eval ggt|polnear GOLD.jsonl [--pred FILE] [--json] [--errors]
`

func main() {
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, nil)))
	if err := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "whosaid:", err)
		}
		os.Exit(2)
	}
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errors.New("no command given")
	}
	switch cmd, rest := args[0], args[1:]; cmd {
	case "extract":
		return extract(rest, stdout, stderr)
	case "eval":
		return eval.Main(rest, stdout, stderr, pipeline.Extract)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("unknown command %q", cmd)
	}
}

func extract(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output format: text (for people) or jsonl (the statement records)")
	published := fs.String("published", "", "publication date (RFC 3339) of plain-text input, for relative dates")
	minConfidence := fs.Float64("min-confidence", 0, "drop statements with a lower confidence")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "articles analysed in parallel")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("extract: no input files (use - for standard input)")
	}
	var date time.Time
	if *published != "" {
		var err error
		if date, err = input.ParsePublished(*published); err != nil {
			return fmt.Errorf("extract: --published: %w", err)
		}
	}
	w, err := output.New(*format, stdout)
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	emit := func(r whosaid.Record) error {
		kept := r.Statements[:0]
		for _, st := range r.Statements {
			if st.Confidence >= *minConfidence {
				kept = append(kept, st)
			}
		}
		r.Statements = kept
		return w.Write(r)
	}
	var failed int
	for _, path := range fs.Args() {
		if err := pipeline.Run(input.Articles(path, date), *workers, emit); err != nil {
			slog.Error("extract failed", "file", path, "err", err)
			failed++
		}
	}
	if failed > 0 {
		return fmt.Errorf("extract: %d of %d inputs failed", failed, fs.NArg())
	}
	return nil
}
