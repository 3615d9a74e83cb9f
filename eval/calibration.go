package eval

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
)

// Judgement is one prediction judged by its set's end-to-end criterion:
// GGT, its content matches a gold quote at θ = 0.3 and its canonical
// speaker is right (strict); PolNeAR, its content matches a gold content
// at θ = 0.3 and its speaker overlaps the gold source (or both are
// absent). The right judgements of a set are its end-to-end true
// positives.
type Judgement struct {
	Confidence float64 `json:"confidence"` // clamped to [0, 1]; NaN counts as 0
	Right      bool    `json:"right"`
	Rule       string  `json:"rule"` // the statement's extraction rule, "" when not given
}

// CalibrationBins is how many equal-width bins divide [0, 1].
const CalibrationBins = 10

// Calibration says how well confidences match accuracy: among the
// statements given confidence c, about c of them should be right.
type Calibration struct {
	N int `json:"n"` // judged predictions
	// ECE is the expected calibration error Σ_b (n_b / N)·|acc_b − conf_b|
	// over the bins, with its 95% bootstrap interval (resampling articles).
	ECE     float64 `json:"ece"`
	ECELow  float64 `json:"ece_low"`
	ECEHigh float64 `json:"ece_high"`
	// Brier is the mean squared difference between confidence and
	// rightness (1 or 0).
	Brier float64           `json:"brier"`
	Bins  []CalibrationBin  `json:"bins"`  // CalibrationBins of them, in order
	Rules []RuleCalibration `json:"rules"` // most frequent rule first
}

// CalibrationBin is one confidence range [Low, High); the last bin also
// holds confidence 1. Confidence and Accuracy are 0 when Count is.
type CalibrationBin struct {
	Low        float64 `json:"low"`
	High       float64 `json:"high"`
	Count      int     `json:"count"`
	Confidence float64 `json:"confidence"` // mean confidence
	Accuracy   float64 `json:"accuracy"`   // share right
}

// RuleCalibration is the accuracy of one extraction rule's predictions;
// confidences are set per rule, so this shows which ones are off.
type RuleCalibration struct {
	Rule       string  `json:"rule"` // "" when the statements named none
	Count      int     `json:"count"`
	Confidence float64 `json:"confidence"` // mean confidence
	Accuracy   float64 `json:"accuracy"`   // share right
}

// judge builds a judgement, clamping the confidence to [0, 1].
func judge(confidence float64, right bool, rule string) Judgement {
	if math.IsNaN(confidence) {
		confidence = 0
	}
	return Judgement{Confidence: min(max(confidence, 0), 1), Right: right, Rule: rule}
}

// binOf is the bin of confidence c in [0, 1]: bin b holds
// [b/10, (b+1)/10), and the last one holds 1 too. The small slack keeps a
// decimal edge such as 0.3, which is a little under 3/10 in binary, in the
// bin it names.
func binOf(c float64) int {
	return min(max(int(math.Floor(c*CalibrationBins+1e-9)), 0), CalibrationBins-1)
}

// binSums accumulates what calibration needs, bin by bin.
type binSums [CalibrationBins]struct {
	n     int
	conf  float64
	right int
}

func (s *binSums) add(js []Judgement) {
	for _, j := range js {
		b := &s[binOf(j.Confidence)]
		b.n++
		b.conf += j.Confidence
		if j.Right {
			b.right++
		}
	}
}

func (s *binSums) plus(t *binSums) {
	for i := range s {
		s[i].n += t[i].n
		s[i].conf += t[i].conf
		s[i].right += t[i].right
	}
}

func (s *binSums) ece() float64 {
	n := 0
	for _, b := range s {
		n += b.n
	}
	if n == 0 {
		return 0
	}
	e := 0.0
	for _, b := range s {
		if b.n > 0 {
			e += math.Abs(float64(b.right)-b.conf) / float64(n) // n_b/N · |acc_b − conf_b|
		}
	}
	return e
}

// Calibrate computes the reliability table, ECE, Brier score and
// per-rule accuracy of the judgements. The ECE interval is left at the
// ECE itself; Scores.Report bootstraps it over articles.
func Calibrate(js []Judgement) Calibration {
	c := Calibration{N: len(js), Bins: make([]CalibrationBin, CalibrationBins), Rules: []RuleCalibration{}}
	var sums binSums
	sums.add(js)
	for i, s := range sums {
		b := CalibrationBin{Low: float64(i) / CalibrationBins, High: float64(i+1) / CalibrationBins, Count: s.n}
		if s.n > 0 {
			b.Confidence = s.conf / float64(s.n)
			b.Accuracy = float64(s.right) / float64(s.n)
		}
		c.Bins[i] = b
	}
	c.ECE = sums.ece()
	c.ECELow, c.ECEHigh = c.ECE, c.ECE

	rules := make(map[string]*RuleCalibration)
	for _, j := range js {
		y := 0.0
		if j.Right {
			y = 1
		}
		c.Brier += (j.Confidence - y) * (j.Confidence - y)
		r := rules[j.Rule]
		if r == nil {
			r = &RuleCalibration{Rule: j.Rule}
			rules[j.Rule] = r
		}
		r.Count++
		r.Confidence += j.Confidence
		r.Accuracy += y
	}
	if len(js) > 0 {
		c.Brier /= float64(len(js))
	}
	for _, r := range rules {
		r.Confidence /= float64(r.Count)
		r.Accuracy /= float64(r.Count)
		c.Rules = append(c.Rules, *r)
	}
	slices.SortFunc(c.Rules, func(a, b RuleCalibration) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Rule, b.Rule))
	})
	return c
}

// eceInterval is the 2.5th and 97.5th percentiles of the ECE over
// bootstrap draws of articles, the same resampling as the figures.
func (b Bootstrap) eceInterval(judged [][]Judgement) (low, high float64) {
	n := len(judged)
	if n == 0 || b.Draws <= 0 {
		return 0, 0
	}
	perArticle := make([]binSums, n)
	for i, js := range judged {
		perArticle[i].add(js)
	}
	rng := rand.New(rand.NewPCG(b.Seed, b.Seed))
	samples := make([]float64, 0, b.Draws)
	for range b.Draws {
		var sum binSums
		for range n {
			sum.plus(&perArticle[rng.IntN(n)])
		}
		samples = append(samples, sum.ece())
	}
	slices.Sort(samples)
	return percentile(samples, 0.025), percentile(samples, 0.975)
}

// calibration is the report's calibration section, with the bootstrap
// interval of the ECE.
func (s *Scores) calibration(b Bootstrap) Calibration {
	c := Calibrate(s.Judgements())
	c.ECELow, c.ECEHigh = b.eceInterval(s.judged)
	return c
}

// Judgements returns every prediction judged by the set's end-to-end
// criterion, article by article in gold order, each article's in document
// order.
func (s *Scores) Judgements() []Judgement {
	var all []Judgement
	for _, js := range s.judged {
		all = append(all, js...)
	}
	return all
}

// writeCalibration writes the reliability table and the per-rule table.
func writeCalibration(w io.Writer, c Calibration) {
	fmt.Fprintf(w, "\ncalibration (end to end @0.3): %d statements, ECE %.3f [%.3f, %.3f], Brier %.3f\n",
		c.N, c.ECE, c.ECELow, c.ECEHigh, c.Brier)
	fmt.Fprintf(w, "%-10s  %5s  %5s  %8s  %6s\n", "confidence", "n", "conf", "accuracy", "gap")
	for i, b := range c.Bins {
		closing := ")"
		if i == len(c.Bins)-1 {
			closing = "]"
		}
		label := fmt.Sprintf("[%.1f,%.1f%s", b.Low, b.High, closing)
		if b.Count == 0 {
			fmt.Fprintf(w, "%-10s  %5d  %5s  %8s  %6s\n", label, 0, "-", "-", "-")
			continue
		}
		fmt.Fprintf(w, "%-10s  %5d  %5.2f  %8.2f  %+6.2f\n", label, b.Count, b.Confidence, b.Accuracy, b.Accuracy-b.Confidence)
	}
	if len(c.Rules) == 0 {
		return
	}
	width := len("rule")
	for _, r := range c.Rules {
		width = max(width, len(ruleName(r.Rule)))
	}
	fmt.Fprintf(w, "\n%-*s  %5s  %5s  %8s  %6s\n", width, "rule", "n", "conf", "accuracy", "gap")
	for _, r := range c.Rules {
		fmt.Fprintf(w, "%-*s  %5d  %5.2f  %8.2f  %+6.2f\n", width, ruleName(r.Rule), r.Count, r.Confidence, r.Accuracy, r.Accuracy-r.Confidence)
	}
}

// ruleName shows a rule, or that there was none.
func ruleName(rule string) string {
	if rule == "" {
		return "(no rule)"
	}
	return rule
}
