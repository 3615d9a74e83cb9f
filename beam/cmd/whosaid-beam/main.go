// Command whosaid-beam runs whosaid's extraction as an Apache Beam
// pipeline (package extract) on any Beam runner: prism (the default, in
// this process), or Flink, Spark and Dataflow through the portable runner.
// The same binary is the pipeline's worker, which the runner starts with
// --worker.
//
//	whosaid-beam --input 'shards/*.warc.gz' --output statements.jsonl
//	whosaid-beam --input 'gs://bucket/crawl/*.warc.gz' --output gs://bucket/out/statements.jsonl \
//	    --runner dataflow --project P --region R --staging_location gs://bucket/staging
//
// It prints the pipeline's counters when the runner reports them, and
// fails when an input could not be read, as `whosaid extract` does.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3" // s3:// paths; beamx registers local and gs://
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/whosaid/whosaid/beam/extract"
)

// patterns is a repeatable flag.
type patterns []string

func (p *patterns) String() string     { return strings.Join(*p, ",") }
func (p *patterns) Set(v string) error { *p = append(*p, v); return nil }

func main() {
	var cfg extract.Config
	flag.Var((*patterns)(&cfg.Inputs), "input", "file pattern to read: a local path, gs://… or s3://… glob (repeatable)")
	flag.StringVar(&cfg.Output, "output", "", "JSON Lines file of the records (as `whosaid extract --format jsonl` writes them)")
	flag.StringVar(&cfg.Archive, "archive", "", "archive to ingest the articles into, as `whosaid ingest --db` names it")
	flag.IntVar(&cfg.ArchiveWriters, "archive_writers", 4, "groups of articles ingested into the archive in parallel")
	flag.StringVar(&cfg.Scope, "scope", "speech", "speech (who said what) or all (also attributed beliefs, intentions and findings)")
	lang := flag.String("lang", "en", "en: skip documents not in English; any: keep every document")
	flag.StringVar(&cfg.Published, "published", "", "publication date (RFC 3339) of input that gives none, for relative dates")
	flag.Parse()
	beam.Init() // on a worker, this runs the worker and never returns

	if err := run(context.Background(), cfg, *lang); err != nil {
		slog.Error("whosaid-beam", "err", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, cfg extract.Config, lang string) error {
	switch lang {
	case "en":
	case "any":
		cfg.AnyLang = true
	default:
		return fmt.Errorf("--lang %q: want en or any", lang)
	}
	p, s := beam.NewPipelineWithRoot()
	if err := extract.Build(s, cfg); err != nil {
		return err
	}
	pr, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		return fmt.Errorf("run: %w", err)
	}
	counters := extract.Counters(pr)
	for _, name := range slices.Sorted(maps.Keys(counters)) {
		fmt.Printf("%s\t%d\n", name, counters[name])
	}
	if n := counters[extract.SkippedPrefix+extract.CauseFailed]; n > 0 {
		return fmt.Errorf("%d of %d inputs failed", n, counters[extract.CounterDocuments])
	}
	return nil
}
