package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/input"
	"github.com/whosaid/whosaid/output"
	"github.com/whosaid/whosaid/pipeline"
	"github.com/whosaid/whosaid/statement"
)

// benchCmd measures the throughput of each stage over the documents of
// the given paths, on one core and on all.
func benchCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	scopeName := fs.String("scope", "speech", "speech or all")
	if err := fs.Parse(args); err != nil {
		return err
	}
	scope, ok := statement.ParseScope(*scopeName)
	if !ok {
		return fmt.Errorf("bench: --scope %q: want speech or all", *scopeName)
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"testdata/sample.txt"}
	}
	opts := input.Options{AnyLang: true}

	// Each stage is timed alone over every document, in order, on one core.
	start := time.Now()
	var docs []input.Document
	var inBytes int
	for d, err := range input.Documents(paths, stdin, opts) {
		if err != nil {
			fmt.Fprintln(stderr, "bench:", err)
			continue
		}
		docs = append(docs, d)
		inBytes += len(d.Page) + len(d.Article.Text)
	}
	readTime := time.Since(start)
	if len(docs) == 0 {
		return errors.New("bench: no documents read")
	}
	start = time.Now()
	articles := make([]whosaid.Article, 0, len(docs))
	for _, d := range docs {
		if a, err := d.Load(opts); err == nil {
			articles = append(articles, a)
		}
	}
	htmlTime := time.Since(start)
	textBytes := 0
	for _, a := range articles {
		textBytes += len(a.Text)
	}
	pipeline.ExtractScope(whosaid.Article{Text: "Warm-up said."}, scope) // loads the models
	var t pipeline.Timings
	records := make([]whosaid.Record, len(articles))
	for i, a := range articles {
		records[i] = pipeline.ExtractTimed(a, scope, &t)
	}
	w, err := output.New("jsonl", io.Discard)
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	start = time.Now()
	for _, r := range records {
		if err := w.Write(r); err != nil {
			return fmt.Errorf("bench: %w", err)
		}
	}
	writeTime := time.Since(start)

	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "stage\tdocuments/s\tMB/s\t\n")
	row := func(name string, n, size int, d time.Duration) {
		secs := max(d.Seconds(), 1e-9)
		fmt.Fprintf(tw, "%s\t%.0f\t%.2f\t\n", name, float64(n)/secs, float64(size)/1e6/secs)
	}
	row("read", len(docs), inBytes, readTime)
	row("html+lang", len(docs), inBytes, htmlTime) // page extraction and the language check
	row("clean", len(articles), textBytes, t.Clean)
	row("text", len(articles), textBytes, t.Text)
	row("syntax", len(articles), textBytes, t.Syntax)
	row("statements", len(articles), textBytes, t.Statements)
	row("write", len(records), textBytes, writeTime)
	for _, workers := range []int{1, runtime.NumCPU()} {
		start = time.Now()
		err := pipeline.Ordered(withoutErrors(docs), workers, extractDocument(opts, scope), func(r whosaid.Record, err error) error {
			if err != nil {
				return nil // skipped documents are counted in the stages above
			}
			return w.Write(r)
		})
		if err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		row(fmt.Sprintf("all stages, %d workers", workers), len(docs), inBytes, time.Since(start))
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err == nil {
		fmt.Fprintf(stdout, "%d documents, %.1f MB in, %.1f MB of text; peak memory (max RSS) %d MB\n",
			len(docs), float64(inBytes)/1e6, float64(textBytes)/1e6, ru.Maxrss>>10)
	}
	return nil
}

// withoutErrors streams docs as a source of the pipeline.
func withoutErrors(docs []input.Document) func(func(input.Document, error) bool) {
	return func(yield func(input.Document, error) bool) {
		for _, d := range docs {
			if !yield(d, nil) {
				return
			}
		}
	}
}
