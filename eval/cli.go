package eval

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/whosaid/whosaid/corpus"

	"github.com/whosaid/whosaid"
)

const usage = "usage: whosaid eval ggt|polnear GOLD.jsonl [--pred FILE] [--json] [--errors] [--by-outlet]"

// Main runs the eval command: score predictions (from --pred FILE, or from
// running ex over the gold articles) against a gold set and write the
// report to stdout. Warnings about the predictions go to stderr. Flags may
// come before or after the positional arguments.
func Main(args []string, stdout, stderr io.Writer, ex Extractor) error {
	fs := flag.NewFlagSet("whosaid eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, usage)
		fs.PrintDefaults()
	}
	predPath := fs.String("pred", "", "read predictions (statement records, JSONL) from `FILE` instead of running the extractor")
	asJSON := fs.Bool("json", false, "write the report as JSON")
	showErrors := fs.Bool("errors", false, "list missed, spurious and misattributed statements")
	byOutlet := fs.Bool("by-outlet", false, "also report every figure per outlet, and the rules, cue words and confidence table leave one outlet out")

	var positional []string
	for rest := args; ; rest = rest[1:] {
		if err := fs.Parse(rest); err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		rest = fs.Args()
		if len(rest) == 0 {
			break
		}
		positional = append(positional, rest[0])
	}
	if len(positional) != 2 {
		return fmt.Errorf("eval: want a gold set and a gold file, got %d arguments\n%s", len(positional), usage)
	}
	set, goldPath := positional[0], positional[1]

	var (
		pred  map[string]whosaid.Record
		score func(map[string]whosaid.Record) *Scores
		err   error
	)
	switch set {
	case "ggt":
		gold, lerr := corpus.LoadGGT(goldPath)
		if lerr != nil {
			return fmt.Errorf("eval: %w", lerr)
		}
		pred, err = predictions(*predPath, ex, func(ex Extractor) map[string]whosaid.Record { return PredictGGT(gold, ex) })
		score = func(p map[string]whosaid.Record) *Scores { return ScoreGGT(gold, p) }
	case "polnear":
		gold, lerr := corpus.LoadPolNeAR(goldPath)
		if lerr != nil {
			return fmt.Errorf("eval: %w", lerr)
		}
		pred, err = predictions(*predPath, ex, func(ex Extractor) map[string]whosaid.Record { return PredictPolNeAR(gold, ex) })
		score = func(p map[string]whosaid.Record) *Scores { return ScorePolNeAR(gold, p) }
	default:
		return fmt.Errorf("eval: unknown gold set %q (want ggt or polnear)\n%s", set, usage)
	}
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	scores := score(pred)

	for _, w := range scores.Warnings {
		fmt.Fprintln(stderr, "warning:", w)
	}
	report := scores.Report(DefaultBootstrap)
	if *showErrors {
		report.Errors = scores.Errors
	}
	if *byOutlet {
		o := Outlets(pred, score)
		report.Outlets = &o
	}
	if *asJSON {
		return report.WriteJSON(stdout)
	}
	return report.WriteText(stdout)
}

// predictions reads the --pred file when given, and otherwise runs the
// extractor over the gold articles.
func predictions(path string, ex Extractor, run func(Extractor) map[string]whosaid.Record) (map[string]whosaid.Record, error) {
	if path == "" {
		if ex == nil {
			return nil, errors.New("no extractor available: give --pred FILE")
		}
		return run(ex), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	pred, err := ReadPredictions(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return pred, nil
}
