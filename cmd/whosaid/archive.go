package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"os"
	"os/signal"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/archive"
	"github.com/whosaid/whosaid/input"
	"github.com/whosaid/whosaid/web"
)

// parseInterleaved parses flags that may come after positional arguments
// ("search QUERY --speaker X") and returns the positional ones.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return positional, nil
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", archive.DefaultPath, "archive: an SQLite file, or a PostgreSQL server's postgres://USER:PASSWORD@HOST/DB URL")
}

// ingestCmd extracts and stores every article of the given files and
// directories.
func ingestCmd(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := dbFlag(fs)
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "articles analysed in parallel")
	published := fs.String("published", "", "publication date (RFC 3339) of plain-text input")
	batch := fs.Int("batch", 100, "articles per transaction")
	lang := fs.String("lang", "en", "en: skip documents not in English; any: keep every document")
	paths, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return errors.New("ingest: no input files or directories")
	}
	opts := input.Options{AnyLang: *lang == "any"}
	if *published != "" {
		if opts.Published, err = input.ParsePublished(*published); err != nil {
			return fmt.Errorf("ingest: --published: %w", err)
		}
	}
	a, err := archive.Open(*db, false)
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	defer a.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	// The total for progress counts documents as read, without extracting
	// pages (the costly part, done once, by the ingest) or logging skips
	// twice; so documents skipped later count in it. Standard input can be
	// read only once: its total is unknown.
	total := -1
	if !slices.Contains(paths, input.Stdin) {
		total = 0
		for _, err := range input.Documents(paths, nil, opts) {
			if err == nil {
				total++
			}
		}
	}
	progress := ingestProgress(stderr, total)
	start := time.Now()
	skipped := 0
	stats, err := a.Ingest(ctx, skipBadRecords(allArticles(paths, opts), stderr, &skipped), archive.IngestOptions{Workers: *workers, BatchSize: *batch, Progress: progress})
	elapsed := time.Since(start)
	fmt.Fprintf(stdout, "%d articles read: %d added, %d replaced, %d unchanged; %d statements stored in %s (%.0f articles/s) into %s\n",
		stats.Read, stats.Added, stats.Replaced, stats.Unchanged, stats.Statements, elapsed.Round(time.Millisecond),
		float64(stats.Done())/max(elapsed.Seconds(), 1e-9), archive.Redact(*db))
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	if stats.Failed > 0 {
		return fmt.Errorf("ingest: the analysis of %d articles failed (logged above); the others were stored", stats.Failed)
	}
	if skipped > 0 {
		return skippedRecords{command: "ingest", n: skipped}
	}
	return nil
}

// allArticles reads the articles of every path, standard input included;
// documents skipped on purpose (not English, pages without an article) are
// logged and left out.
func allArticles(paths []string, opts input.Options) iter.Seq2[whosaid.Article, error] {
	return func(yield func(whosaid.Article, error) bool) {
		for d, err := range input.Documents(paths, os.Stdin, opts) {
			var a whosaid.Article
			if err == nil {
				a, err = d.Load(opts)
			}
			if errors.Is(err, input.ErrSkipped) {
				slog.Warn("skipped", "err", err)
				continue
			}
			if !yield(a, err) {
				return
			}
		}
	}
}

// ingestProgress shows a progress bar on a terminal and logs a line every
// few seconds otherwise.
func ingestProgress(stderr io.Writer, total int) func(archive.IngestStats) {
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		bar := progressbar.NewOptions(total, progressbar.OptionSetWriter(stderr), progressbar.OptionSetDescription("ingest"),
			progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("articles"),
			progressbar.OptionSetPredictTime(true), progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
		return func(s archive.IngestStats) { bar.Set(s.Done()) }
	}
	start, last := time.Now(), time.Now()
	return func(s archive.IngestStats) {
		if time.Since(last) < 5*time.Second {
			return
		}
		last = time.Now()
		rate := float64(s.Done()) / time.Since(start).Seconds()
		eta := time.Duration(float64(max(total-s.Done(), 0)) / max(rate, 1e-9) * float64(time.Second)) // 0 when the total is unknown (-1)
		slog.Info("ingest", "done", s.Done(), "total", total, "added", s.Added, "unchanged", s.Unchanged,
			"rate_per_s", int(rate), "eta", eta.Round(time.Second))
	}
}

// searchCmd searches the archive.
func searchCmd(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := dbFlag(fs)
	var q archive.Query
	fs.StringVar(&q.Speaker, "speaker", "", "only statements of this speaker (name or alias)")
	fs.StringVar(&q.Since, "since", "", "only statements from this date (YYYY-MM-DD) on")
	fs.StringVar(&q.Until, "until", "", "only statements up to this date (YYYY-MM-DD)")
	fs.StringVar(&q.About, "about", "", "only statements about this person, organisation or group")
	fs.StringVar(&q.SaidSince, "said-since", "", "only statements said from this date (YYYY-MM-DD) on, as their text tells")
	fs.StringVar(&q.SaidUntil, "said-until", "", "only statements said up to this date (YYYY-MM-DD), as their text tells")
	fs.StringVar(&q.Type, "type", "", "direct, indirect or mixed")
	fs.Float64Var(&q.MinConfidence, "min-confidence", 0, "drop statements with a lower confidence")
	fs.IntVar(&q.Limit, "limit", 20, fmt.Sprintf("results (at most %d)", archive.MaxLimit))
	format := fs.String("format", "text", "text, jsonl or csv")
	words, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	q.Text = strings.Join(words, " ")
	a, err := archive.Open(*db, true)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	defer a.Close()
	results, _, err := a.Search(context.Background(), q)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	return writeResults(stdout, *format, results)
}

func writeResults(w io.Writer, format string, results []archive.Result) error {
	speaker := func(r archive.Result) string {
		if r.Speaker != nil {
			return r.Speaker.Name
		}
		return r.SpeakerAsIs
	}
	switch format {
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, r := range results {
			if err := enc.Encode(r); err != nil {
				return fmt.Errorf("search: %w", err)
			}
		}
		return nil
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write([]string{"published", "speaker", "cue", "type", "confidence", "sources", "content", "article", "url"})
		for _, r := range results {
			cw.Write([]string{r.Published, speaker(r), r.Cue, r.Type, fmt.Sprintf("%.2f", r.Confidence),
				fmt.Sprint(r.Sources), r.Content, r.Article.ExtID, r.Article.URL})
		}
		cw.Flush()
		return cw.Error()
	case "text":
		for _, r := range results {
			date := r.Published
			if date == "" {
				date = "undated"
			}
			sources := "1 source"
			if r.Sources != 1 {
				sources = fmt.Sprintf("%d sources", r.Sources)
			}
			if _, err := fmt.Fprintf(w, "%s  %s → %s  [%s %.2f, %s]\n  %s\n  (%s)\n\n", date, speaker(r), r.Cue,
				r.Type, r.Confidence, sources, strings.Join(strings.Fields(r.Content), " "), r.Article.ExtID); err != nil {
				return fmt.Errorf("search: %w", err)
			}
		}
		return nil
	}
	return fmt.Errorf("search: unknown format %q (want text, jsonl or csv)", format)
}

// speakersCmd lists speakers by number of statements.
func speakersCmd(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("speakers", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := dbFlag(fs)
	limit := fs.Int("limit", 50, "speakers listed")
	words, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	a, err := archive.Open(*db, true)
	if err != nil {
		return fmt.Errorf("speakers: %w", err)
	}
	defer a.Close()
	list, err := a.Speakers(context.Background(), strings.Join(words, " "), *limit, 0)
	if err != nil {
		return fmt.Errorf("speakers: %w", err)
	}
	for _, s := range list {
		fmt.Fprintf(stdout, "%7d  %s (%s)\n", s.Statements, s.Name, s.Kind)
	}
	return nil
}

// aliasCmd fixes speaker identity by hand: alias merge NAME INTO, alias
// split NAME.
func aliasCmd(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("alias", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := dbFlag(fs)
	words, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(words) == 0 || (words[0] == "merge" && len(words) != 3) || (words[0] == "split" && len(words) != 2) ||
		(words[0] != "merge" && words[0] != "split") {
		return errors.New(`alias: want "alias merge NAME INTO" or "alias split NAME"`)
	}
	a, err := archive.Open(*db, false)
	if err != nil {
		return fmt.Errorf("alias: %w", err)
	}
	defer a.Close()
	if words[0] == "merge" {
		err = a.MergeSpeakers(context.Background(), words[1], words[2])
	} else {
		err = a.SplitSpeaker(context.Background(), words[1])
	}
	if err != nil {
		return fmt.Errorf("alias: %w", err)
	}
	fmt.Fprintf(stdout, "alias %s done: %s\n", words[0], strings.Join(words[1:], " → "))
	return nil
}

// serveCmd serves the JSON API and the web UI.
func serveCmd(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := dbFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	token := fs.String("write-token", "", "token that enables ingest and alias edits over HTTP (read-only without it)")
	maxBody := fs.Int64("max-body", 4<<20, "largest request body in bytes")
	if _, err := parseInterleaved(fs, args); err != nil {
		return err
	}
	a, err := archive.Open(*db, *token == "")
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	defer a.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	fmt.Fprintf(stdout, "serving %s on http://%s/\n", archive.Redact(*db), *addr)
	return web.Serve(ctx, *addr, web.New(a, web.Options{WriteToken: *token, MaxBodyBytes: *maxBody}))
}

// copyCmd copies the archive into an empty one, such as a new PostgreSQL
// database.
func copyCmd(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("copy", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := dbFlag(fs)
	to, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(to) != 1 {
		return errors.New(`copy: want "copy [--db FROM] TO"`)
	}
	src, err := archive.Open(*db, true)
	if err != nil {
		return fmt.Errorf("copy: %w", err)
	}
	defer src.Close()
	dst, err := archive.Open(to[0], false)
	if err != nil {
		return fmt.Errorf("copy: %w", err)
	}
	defer dst.Close()
	err = src.CopyTo(context.Background(), dst, func(table string, rows int) {
		fmt.Fprintf(stdout, "%s: %d rows\n", table, rows)
	})
	if err != nil {
		return fmt.Errorf("copy: %w", err)
	}
	fmt.Fprintf(stdout, "copied %s into %s\n", archive.Redact(*db), archive.Redact(to[0]))
	return nil
}
