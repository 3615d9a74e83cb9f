package speaker

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// Accuracy returns how many examples the model ranks the gold candidate
// first for.
func (m *Model) Accuracy(examples []Example) (right int) {
	for _, ex := range examples {
		best, bestScore := 0, m.score(ex.Features[0])
		for i, fs := range ex.Features[1:] {
			if s := m.score(fs); s > bestScore {
				best, bestScore = i+1, s
			}
		}
		if best == ex.Gold {
			right++
		}
	}
	return right
}

// EvalMain is the `whosaid eval speaker` command: the embedded ranker's
// top-1 accuracy on the gold cues of a PolNeAR file, over the cues whose
// source is a candidate and over all cues with a source.
func EvalMain(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval speaker", flag.ContinueOnError)
	fs.SetOutput(stderr)
	polnear := fs.String("polnear", "", "PolNeAR file (JSON Lines)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *polnear == "" {
		return errors.New("eval speaker: --polnear FILE is required")
	}
	m, err := Default()
	if err != nil {
		return fmt.Errorf("eval speaker: %w", err)
	}
	examples, skipped, err := loadExamples(*polnear)
	if err != nil {
		return fmt.Errorf("eval speaker: %w", err)
	}
	right := m.Accuracy(examples)
	fmt.Fprintf(stdout, "speaker ranker, top-1 is the gold candidate (or no source): %.1f%% of %d cues whose source is a candidate or absent, %.1f%% of all %d cues\n",
		pct(right, len(examples)), len(examples), pct(right, len(examples)+skipped), len(examples)+skipped)
	return nil
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}
