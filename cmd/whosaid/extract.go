package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/term"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/input"
	"github.com/whosaid/whosaid/output"
	"github.com/whosaid/whosaid/pipeline"
	"github.com/whosaid/whosaid/statement"
)

func extract(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output format: text (for people) or jsonl (the statement records)")
	published := fs.String("published", "", "publication date (RFC 3339) of input that gives none, for relative dates")
	minConfidence := fs.Float64("min-confidence", 0, "drop statements with a lower confidence")
	explain := fs.Bool("explain", false, "show with each statement the rule that found it and how its speaker was resolved (text format; jsonl always carries both)")
	scopeName := fs.String("scope", "speech", "speech (who said what) or all (also attributed beliefs, intentions and findings)")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "documents analysed in parallel")
	fs.IntVar(workers, "j", runtime.GOMAXPROCS(0), "documents analysed in parallel (same as --workers)")
	lang := fs.String("lang", "en", "en: skip documents not in English (the models are English); any: keep every document")
	shardFlag := fs.String("shard", "", "I/N: only the I-th of N shares of the input (1-based), so N copies can split a corpus")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("extract: no input files (use - for standard input)")
	}
	opts := input.Options{AnyLang: *lang == "any"}
	if *lang != "en" && *lang != "any" {
		return fmt.Errorf("extract: --lang %q: want en or any", *lang)
	}
	if *published != "" {
		var err error
		if opts.Published, err = input.ParsePublished(*published); err != nil {
			return fmt.Errorf("extract: --published: %w", err)
		}
	}
	sh, err := parseShard(*shardFlag)
	if err != nil {
		return fmt.Errorf("extract: --shard: %w", err)
	}
	scope, ok := statement.ParseScope(*scopeName)
	if !ok {
		return fmt.Errorf("extract: --scope %q: want speech or all", *scopeName)
	}
	w, err := output.New(*format, stdout)
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	if t, ok := w.(*output.Text); ok {
		t.Explain = *explain
	}

	var bytesRead atomic.Int64
	opts.BytesRead = &bytesRead
	prog := startProgress(stderr, fs.Args(), &bytesRead)
	var docs, skipped, bad, failed int
	emit := func(r whosaid.Record, err error) error {
		docs++
		prog.done.Add(1)
		var re *input.RecordError
		switch {
		case errors.As(err, &re):
			bad++
			fmt.Fprintf(stderr, "whosaid: skipped a bad record: %v\n", re)
			return nil
		case errors.Is(err, input.ErrSkipped):
			skipped++
			slog.Warn("skipped", "err", err)
			return nil
		case err != nil:
			failed++
			slog.Error("input failed", "err", err)
			return nil
		}
		kept := r.Statements[:0]
		for _, st := range r.Statements {
			if st.Confidence >= *minConfidence {
				kept = append(kept, st)
			}
		}
		r.Statements = kept
		return w.Write(r)
	}
	err = pipeline.Ordered(sh.filter(input.Documents(fs.Args(), stdin, opts)), *workers, extractDocument(opts, scope), emit)
	prog.stop()
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	if skipped > 0 || bad > 0 || failed > 0 {
		slog.Info("extract", "documents", docs, "skipped", skipped, "bad records", bad, "failed", failed)
	}
	if failed > 0 {
		return fmt.Errorf("extract: %d of %d inputs failed", failed, docs)
	}
	if bad > 0 {
		return skippedRecords{command: "extract", n: bad}
	}
	return nil
}

// extractDocument returns the work of a pipeline worker: extracting a
// page's article (the costly part of reading) and its statements.
func extractDocument(opts input.Options, scope statement.Scope) func(input.Document) (whosaid.Record, error) {
	return func(d input.Document) (whosaid.Record, error) {
		a, err := d.Load(opts)
		if err != nil {
			return whosaid.Record{}, err
		}
		return pipeline.ExtractContext(context.Background(), a, scope) // fails on a bug only (pipeline.ErrPanic): counted as failed
	}
}

// shard is the share of the input one copy of the command reads: document
// k (counted from 0 in input order, unreadable ones included) belongs to
// share k mod n.
type shard struct{ i, n int }

// parseShard parses "I/N" (1 ≤ I ≤ N); "" is the whole input.
func parseShard(s string) (shard, error) {
	if s == "" {
		return shard{0, 1}, nil
	}
	is, ns, ok := strings.Cut(s, "/")
	i, errI := strconv.Atoi(is)
	n, errN := strconv.Atoi(ns)
	if !ok || errI != nil || errN != nil || n < 1 || i < 1 || i > n {
		return shard{}, fmt.Errorf("%q: want I/N with 1 ≤ I ≤ N, such as 2/8", s)
	}
	return shard{i - 1, n}, nil
}

// filter keeps the documents of the share. The others are read (to count
// them) but not extracted, which is the costly part.
func (s shard) filter(docs func(func(input.Document, error) bool)) func(func(input.Document, error) bool) {
	return func(yield func(input.Document, error) bool) {
		k := 0
		for d, err := range docs {
			mine := k%s.n == s.i
			k++
			if mine && !yield(d, err) {
				return
			}
		}
	}
}

// progress shows documents, megabytes, rate and ETA on stderr while a run
// goes, when stderr is a terminal.
type progress struct {
	done atomic.Int64
	quit chan struct{}
	wait chan struct{}
}

func startProgress(stderr io.Writer, paths []string, bytesRead *atomic.Int64) *progress {
	p := &progress{quit: make(chan struct{}), wait: make(chan struct{})}
	f, ok := stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		close(p.wait)
		return p
	}
	var total int64 // bytes of the input files; stdin is of unknown size
	for path, err := range input.Files(paths) {
		if fi, statErr := os.Stat(path); err == nil && statErr == nil && path != input.Stdin {
			total += fi.Size()
		}
	}
	start := time.Now()
	go func() {
		defer close(p.wait)
		tick := time.NewTicker(250 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-p.quit:
				fmt.Fprint(f, "\r\033[K")
				return
			case <-tick.C:
			}
			secs := time.Since(start).Seconds()
			mb := float64(bytesRead.Load()) / 1e6
			line := fmt.Sprintf("%d documents  %.1f MB  %.0f documents/s  %.2f MB/s", p.done.Load(), mb, float64(p.done.Load())/secs, mb/secs)
			if total > 0 && mb > 0 {
				eta := time.Duration((float64(total)/1e6 - mb) / (mb / secs) * float64(time.Second))
				line += fmt.Sprintf("  ETA %s", max(eta, 0).Round(time.Second))
			}
			fmt.Fprintf(f, "\r\033[K%s", line)
		}
	}()
	return p
}

func (p *progress) stop() {
	select {
	case <-p.wait:
	default:
		close(p.quit)
		<-p.wait
	}
}
