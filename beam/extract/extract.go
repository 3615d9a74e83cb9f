// Package extract is whosaid's extraction as an Apache Beam pipeline, for
// corpora that outgrow one machine: it reads JSON Lines, HTML and WARC
// shards (gzip or zstd compressed or not) from any filesystem Beam has
// registered (local paths, gs://, s3://), extracts the statements of every
// document with the library code of `whosaid extract` (packages input and
// pipeline), and writes the records as JSON Lines, the same records
// `whosaid extract --format jsonl` writes, and optionally stores the
// articles in a whosaid archive.
//
// The stages are:
//
//	match files → read documents → reshuffle → load (page extraction, language)
//	  → extract → JSON Lines
//	  → group into ArchiveWriters groups → archive ingest
//
// Reading a file is sequential, so the documents are reshuffled before the
// costly work (a web page's main text, then the statements), which spreads
// one large WARC shard over every worker.
//
// Counters (namespace "whosaid"): documents read, records written,
// statements written, and skipped_<cause> for each document left out:
// bad_record (a bad JSON Lines record), not_a_page (a WARC record that is
// not an HTML page), no_article (a page without an article), not_english,
// and failed (an unreadable file or page). articles_archived and
// statements_archived count what the archive stored.
package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"log/slog"
	"runtime"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/archive"
	"github.com/whosaid/whosaid/input"
	"github.com/whosaid/whosaid/input/warc"
	"github.com/whosaid/whosaid/input/webpage"
	"github.com/whosaid/whosaid/output"
	"github.com/whosaid/whosaid/pipeline"
	"github.com/whosaid/whosaid/statement"
)

// Namespace is the namespace of the pipeline's counters.
const Namespace = "whosaid"

// The counter names.
const (
	CounterDocuments          = "documents"
	CounterRecords            = "records"
	CounterStatements         = "statements"
	CounterArticlesArchived   = "articles_archived"
	CounterStatementsArchived = "statements_archived"
	// SkippedPrefix starts the name of the counter of each skip cause.
	SkippedPrefix = "skipped_"
)

// The causes of a skipped document.
const (
	CauseBadRecord  = "bad_record"
	CauseNotAPage   = "not_a_page"
	CauseNoArticle  = "no_article"
	CauseNotEnglish = "not_english"
	CauseNoText     = "no_text"
	CauseFailed     = "failed"
)

var (
	documents          = beam.NewCounter(Namespace, CounterDocuments)
	records            = beam.NewCounter(Namespace, CounterRecords)
	statements         = beam.NewCounter(Namespace, CounterStatements)
	articlesArchived   = beam.NewCounter(Namespace, CounterArticlesArchived)
	statementsArchived = beam.NewCounter(Namespace, CounterStatementsArchived)
)

func init() {
	register.DoFn3x1[context.Context, fileio.ReadableFile, func(input.Document), error](&readFn{})
	register.DoFn3x0[context.Context, input.Document, func(whosaid.Article)](&loadFn{})
	register.DoFn3x1[context.Context, whosaid.Article, func(string), error](&extractFn{})
	register.DoFn1x2[whosaid.Article, int, whosaid.Article](&groupFn{})
	register.DoFn3x1[context.Context, int, func(*whosaid.Article) bool, error](&ingestFn{})
	register.Emitter1[input.Document]()
	register.Emitter1[whosaid.Article]()
	register.Emitter1[string]()
	register.Iter1[whosaid.Article]()
}

// Config says what the pipeline reads and where it writes.
type Config struct {
	// Inputs are file patterns (globs) on a registered Beam filesystem:
	// local paths, gs://bucket/..., s3://bucket/....
	Inputs []string
	// Output is the JSON Lines file of the records; "" writes none.
	Output string
	// Archive is the archive the articles are ingested into, as
	// `whosaid ingest --db` names it; "" ingests nothing. The archive
	// extracts the statements itself (speech scope), skipping articles it
	// already holds.
	Archive string
	// ArchiveWriters is the number of groups the articles are split into
	// for the archive, each ingested by one worker (default 4).
	ArchiveWriters int
	// Scope is "speech" (the default) or "all", as in `whosaid extract`.
	Scope string
	// AnyLang keeps documents that are not in English.
	AnyLang bool
	// Published is the publication date (RFC 3339) of input that gives
	// none, for relative dates.
	Published string
}

// Build adds the pipeline to s.
func Build(s beam.Scope, cfg Config) error {
	if len(cfg.Inputs) == 0 {
		return errors.New("extract: no input patterns")
	}
	if cfg.Output == "" && cfg.Archive == "" {
		return errors.New("extract: neither an output file nor an archive to write to")
	}
	if cfg.Scope == "" {
		cfg.Scope = "speech"
	}
	if _, ok := statement.ParseScope(cfg.Scope); !ok {
		return fmt.Errorf("extract: scope %q: want speech or all", cfg.Scope)
	}
	if cfg.Published != "" {
		if _, err := input.ParsePublished(cfg.Published); err != nil {
			return fmt.Errorf("extract: published: %w", err)
		}
	}
	if cfg.ArchiveWriters <= 0 {
		cfg.ArchiveWriters = 4
	}

	matches := make([]beam.PCollection, len(cfg.Inputs))
	for i, pattern := range cfg.Inputs {
		matches[i] = fileio.MatchFiles(s, pattern, fileio.MatchEmptyDisallow())
	}
	// The input package tells the compression from the content, as for
	// `whosaid extract`, so Beam's is not used.
	files := fileio.ReadMatches(s, beam.Flatten(s, matches...), fileio.ReadUncompressed())
	docs := beam.ParDo(s, &readFn{Published: cfg.Published}, files)
	docs = beam.Reshuffle(s, docs)
	articles := beam.ParDo(s, &loadFn{AnyLang: cfg.AnyLang}, docs)

	if cfg.Output != "" {
		lines := beam.ParDo(s, &extractFn{Scope: cfg.Scope}, articles)
		textio.Write(s, cfg.Output, lines)
	}
	if cfg.Archive != "" {
		grouped := beam.GroupByKey(s, beam.ParDo(s, &groupFn{Groups: cfg.ArchiveWriters}, articles))
		beam.ParDo0(s, &ingestFn{Archive: cfg.Archive}, grouped)
	}
	return nil
}

// skip counts a document left out, under its cause, and logs it.
func skip(ctx context.Context, err error) {
	cause := Cause(err)
	beam.NewCounter(Namespace, SkippedPrefix+cause).Inc(ctx, 1)
	if cause == CauseFailed {
		slog.Error("input failed", "err", err)
	} else {
		slog.Warn("skipped", "cause", cause, "err", err)
	}
}

// Cause names the cause of an input error, as its counter does.
func Cause(err error) string {
	var re *input.RecordError
	var se *warc.SkipError
	switch {
	case errors.As(err, &re):
		return CauseBadRecord
	case errors.As(err, &se):
		return CauseNotAPage
	case errors.Is(err, webpage.ErrNoContent):
		return CauseNoArticle
	case errors.Is(err, input.ErrNotEnglish):
		return CauseNotEnglish
	case errors.Is(err, input.ErrEmpty):
		return CauseNoText
	}
	return CauseFailed
}

// readFn reads the documents of a file. A web page's article is left to
// loadFn, after the reshuffle.
type readFn struct {
	Published string // RFC 3339, or ""

	opts input.Options
}

func (f *readFn) Setup() error {
	if f.Published == "" {
		return nil
	}
	var err error
	if f.opts.Published, err = input.ParsePublished(f.Published); err != nil {
		return fmt.Errorf("extract: published: %w", err)
	}
	return nil
}

func (f *readFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emit func(input.Document)) error {
	rc, err := file.Open(ctx)
	if err != nil {
		documents.Inc(ctx, 1)
		skip(ctx, fmt.Errorf("input: %s: %w", file.Metadata.Path, err))
		return nil
	}
	defer rc.Close()
	for d, err := range input.StreamDocuments(file.Metadata.Path, rc, f.opts) {
		documents.Inc(ctx, 1)
		if err != nil {
			skip(ctx, err)
			continue
		}
		emit(d)
	}
	return nil
}

// loadFn turns a document into its article: a page's main text and
// metadata extracted, a document not in English left out (unless AnyLang).
type loadFn struct {
	AnyLang bool
}

func (f *loadFn) ProcessElement(ctx context.Context, d input.Document, emit func(whosaid.Article)) {
	a, err := d.Load(input.Options{AnyLang: f.AnyLang})
	if err != nil {
		skip(ctx, err)
		return
	}
	emit(a)
}

// extractFn extracts the statements of an article and emits its record
// as a line of JSON, as `whosaid extract --format jsonl` writes it.
type extractFn struct {
	Scope string

	scope statement.Scope
}

func (f *extractFn) Setup() error {
	var ok bool
	if f.scope, ok = statement.ParseScope(f.Scope); !ok {
		return fmt.Errorf("extract: scope %q: want speech or all", f.Scope)
	}
	return nil
}

func (f *extractFn) ProcessElement(ctx context.Context, a whosaid.Article, emit func(string)) error {
	rec, err := pipeline.ExtractContext(context.WithoutCancel(ctx), a, f.scope)
	if err != nil {
		skip(ctx, err) // a bug (pipeline.ErrPanic) costs its article only
		return nil
	}
	var b bytes.Buffer
	if err := output.NewJSONL(&b).Write(rec); err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	records.Inc(ctx, 1)
	statements.Inc(ctx, int64(len(rec.Statements)))
	emit(strings.TrimSuffix(b.String(), "\n"))
	return nil
}

// groupFn keys an article by one of Groups groups, by its id, so that
// each group is ingested in one archive transaction stream.
type groupFn struct {
	Groups int
}

func (f *groupFn) ProcessElement(a whosaid.Article) (int, whosaid.Article) {
	h := fnv.New32a()
	h.Write([]byte(a.ID))
	return int(h.Sum32() % uint32(f.Groups)), a
}

// ingestFn ingests a group of articles into the archive. The archive
// skips articles it already holds with the same content, so a retried
// bundle stores nothing twice.
type ingestFn struct {
	Archive string
}

func (f *ingestFn) ProcessElement(ctx context.Context, group int, articles func(*whosaid.Article) bool) error {
	a, err := archive.Open(f.Archive, false)
	if err != nil {
		return fmt.Errorf("extract: group %d: %w", group, err)
	}
	src := func(yield func(whosaid.Article, error) bool) {
		var art whosaid.Article
		for articles(&art) {
			if !yield(art, nil) {
				return
			}
		}
	}
	stats, err := a.Ingest(ctx, src, archive.IngestOptions{Workers: runtime.GOMAXPROCS(0), BatchSize: 100})
	articlesArchived.Inc(ctx, int64(stats.Added+stats.Replaced))
	statementsArchived.Inc(ctx, int64(stats.Statements))
	if err := errors.Join(err, a.Close()); err != nil {
		return fmt.Errorf("extract: group %d: %w", group, err)
	}
	return nil
}

// Counters sums the pipeline's counters by name over the steps that
// count them; nil when the runner reports no metrics.
func Counters(pr beam.PipelineResult) map[string]int64 {
	if pr == nil {
		return nil
	}
	sums := map[string]int64{}
	for _, c := range pr.Metrics().Query(func(r metrics.SingleResult) bool { return r.Namespace() == Namespace }).Counters() {
		sums[c.Name()] += c.Result()
	}
	return sums
}
