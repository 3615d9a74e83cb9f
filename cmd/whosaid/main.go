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
	"iter"
	"log/slog"
	"os"
	"runtime/debug"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/attribution"
	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/input"
	"github.com/whosaid/whosaid/pipeline"
	"github.com/whosaid/whosaid/speaker"
	"github.com/whosaid/whosaid/syntax"
)

const usage = `whosaid finds who said what in news articles.

usage:
  whosaid extract [--format text|jsonl] [--scope speech|all] [--explain] [--published DATE] [--min-confidence X]
                  [--lang en|any] [-j N] [--shard I/N] PATH...   text, JSONL, HTML, WARC, each maybe .gz/.zst; directories; - for stdin
  whosaid bench [--scope speech|all] [PATH...]      throughput per stage, one core and all
  whosaid eval ggt|polnear GOLD.jsonl [--pred FILE] [--json] [--errors] [--by-outlet]
  whosaid train attribution --polnear FILE [--out FILE]
  whosaid parse [--format conllu|text] < TEXT
  whosaid eval ud FILE.conllu
  whosaid train syntax --ud DIR [--out FILE] [--cluster-text POLNEAR-TRAIN.jsonl]
  whosaid train speaker --polnear FILE [--out FILE]
  whosaid eval speaker --polnear FILE               the speaker ranker's top-1 accuracy on gold cues
  whosaid ingest [--db whosaid.db|postgres://…] PATH...   store articles and statements in the archive (SQLite file or PostgreSQL)
  whosaid search QUERY [--speaker NAME] [--since DATE] [--until DATE] [--type direct|indirect|mixed] [--min-confidence X] [--format text|jsonl|csv]
  whosaid speakers [NAME]                           speakers by number of statements
  whosaid sources [--by outlet|month|outlet,month] [--since DATE] [--until DATE] [--format text|csv|jsonl]
                                                    who gets quoted: people, women's share, kinds of source
  whosaid alias merge NAME INTO | alias split NAME  fix speaker identity by hand
  whosaid serve [--addr 127.0.0.1:8080] [--write-token TOKEN]   JSON API and web UI
  whosaid copy [--db whosaid.db] TO                 copy the archive into an empty one, e.g. a postgres:// URL
  (every archive command takes --db FILE or --db postgres://USER:PASSWORD@HOST:PORT/DB)

exit status: 0 done, 1 some bad input records skipped (the others processed), 2 failure
`

// softMemoryLimit is the heap size past which the garbage collector works
// harder, unless GOMEMLIMIT says otherwise: a 60 MB article then peaks
// at 1.4 GB instead of 1.9 GB, for the same time.
const softMemoryLimit = 1 << 30

// batchGCPercent is the garbage collector's target for extract and ingest,
// unless GOGC says otherwise: their heap is mostly the short-lived garbage
// of the articles in hand, so collecting when it reaches three times the
// live heap rather than twice costs a little memory and saves CPU (see the
// README, "Start-up and steady state"); softMemoryLimit still bounds it.
const batchGCPercent = 200

func main() {
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, nil)))
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(softMemoryLimit)
	}
	if os.Getenv("GOGC") == "" && len(os.Args) > 1 && (os.Args[1] == "extract" || os.Args[1] == "ingest") {
		debug.SetGCPercent(batchGCPercent)
	}
	if err := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "whosaid:", err)
		}
		os.Exit(exitStatus(err))
	}
}

// exitStatus is 1 when only some input records were bad and skipped (the
// others were processed), 2 for any other failure.
func exitStatus(err error) int {
	var skipped skippedRecords
	if errors.As(err, &skipped) {
		return 1
	}
	return 2
}

// skippedRecords counts the bad input records a command skipped.
type skippedRecords struct {
	command string
	n       int
}

func (e skippedRecords) Error() string {
	return fmt.Sprintf("%s: %d bad input records skipped (listed above); every other record was processed", e.command, e.n)
}

// skipBadRecords drops the bad records of src, reporting each one (file,
// line, reason) on stderr and counting them in n.
func skipBadRecords(src iter.Seq2[whosaid.Article, error], stderr io.Writer, n *int) iter.Seq2[whosaid.Article, error] {
	return input.SkipBad(src, func(e *input.RecordError) {
		*n++
		fmt.Fprintf(stderr, "whosaid: skipped a bad record: %v\n", e)
	})
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errors.New("no command given")
	}
	switch cmd, rest := args[0], args[1:]; cmd {
	case "extract":
		return extract(rest, stdin, stdout, stderr)
	case "bench":
		return benchCmd(rest, stdin, stdout, stderr)
	case "parse":
		return syntax.ParseMain(rest, stdin, stdout)
	case "eval":
		if len(rest) > 0 && rest[0] == "ud" {
			return syntax.EvalMain(rest[1:], stdout)
		}
		if len(rest) > 0 && rest[0] == "speaker" {
			return speaker.EvalMain(rest[1:], stdout, stderr)
		}
		// PolNeAR annotates attributed beliefs and findings as well as
		// speech, so it is scored with every attribution.
		extractor := pipeline.Extract
		if len(rest) > 0 && rest[0] == "polnear" {
			extractor = pipeline.ExtractAll
		}
		return eval.Main(rest, stdout, stderr, extractor)
	case "train":
		switch {
		case len(rest) > 0 && rest[0] == "attribution":
			return attribution.TrainMain(rest[1:], stdout, stderr)
		case len(rest) > 0 && rest[0] == "syntax":
			return syntax.TrainMain(rest[1:], stdout, stderr)
		case len(rest) > 0 && rest[0] == "speaker":
			return speaker.TrainMain(rest[1:], stdout, stderr)
		}
		return errors.New("usage: whosaid train attribution --polnear FILE | whosaid train syntax --ud DIR | whosaid train speaker --polnear FILE")
	case "ingest":
		return ingestCmd(rest, stdout, stderr)
	case "search":
		return searchCmd(rest, stdout, stderr)
	case "speakers":
		return speakersCmd(rest, stdout, stderr)
	case "sources":
		return sourcesCmd(rest, stdout, stderr)
	case "alias":
		return aliasCmd(rest, stdout, stderr)
	case "copy":
		return copyCmd(rest, stdout, stderr)
	case "serve":
		return serveCmd(rest, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("unknown command %q", cmd)
	}
}
