package eval

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/whosaid/whosaid"
)

// endToEndMeasure names the measure both sets end with, the one number
// that says "who said what".
const endToEndMeasure = "end to end @0.3"

// OutletReport says whether the figures hold from one outlet to another:
// every figure per outlet with the worst one beside the whole set, and
// everything fitted on the data checked leave one outlet out. The
// development sets were read while the rules were written, so a figure
// that holds only on some outlets will not hold on outlets never seen.
type OutletReport struct {
	Set     string         `json:"set"`
	Outlets []string       `json:"outlets"` // sorted
	Figures []OutletFigure `json:"figures"`
	// Calibration is the confidence table fitted leave one outlet out:
	// each outlet's statements get the accuracy their confidence class
	// had on the other outlets, so its ECE is a held-out figure.
	Calibration CrossFitted `json:"calibration"`
	// Ablations are the rules and cue words, each with its contribution
	// to every outlet's end-to-end F1.
	Ablations []Ablation `json:"ablations"`
}

// OutletFigure is one statistic on the whole set and on each outlet.
type OutletFigure struct {
	Measure  string    `json:"measure"`
	Stat     string    `json:"stat"`
	All      float64   `json:"all"`
	ByOutlet []float64 `json:"by_outlet"` // in the report's outlet order
	Worst    string    `json:"worst"`     // the outlet with the lowest value
}

// CrossFitted is the calibration of confidences refitted leave one outlet
// out, against the confidences as given.
type CrossFitted struct {
	N          int       `json:"n"`
	ECE        float64   `json:"ece"`          // refitted, all held-out outlets pooled
	ByOutlet   []float64 `json:"by_outlet"`    // refitted, each outlet held out
	ECEAsGiven float64   `json:"ece_as_given"` // the confidences as the system gave them
}

// Ablation is what one rule or one cue word brings to each outlet: the
// end-to-end F1 with all predictions minus the F1 without its statements.
// A rule that helps one outlet and costs another (Mixed) is fitted to the
// outlets it helps.
type Ablation struct {
	Kind       string    `json:"kind"` // "rule" or "cue"
	Name       string    `json:"name"`
	Statements int       `json:"statements"`
	Gain       float64   `json:"gain"`      // on the whole set, in F1 points
	ByOutlet   []float64 `json:"by_outlet"` // in F1 points, in the report's outlet order
	Mixed      bool      `json:"mixed"`
}

// mixedMargin is how far above and below zero the gains of one ablation
// must fall, in F1 points, to count as helping one outlet and hurting
// another: one statement in a hundred-quote outlet moves F1 by about half
// a point.
const mixedMargin = 0.25

// minAblated is the fewest statements a cue word needs to be ablated on
// its own; rarer words are noise at the size of the sets.
const minAblated = 3

// Outlets builds the outlet report of the predictions pred, scored by
// score (ScoreGGT or ScorePolNeAR over the same gold).
func Outlets(pred map[string]whosaid.Record, score func(map[string]whosaid.Record) *Scores) OutletReport {
	base := score(pred)
	outlets := slices.Sorted(maps.Keys(setOf(base.outlets)))
	r := OutletReport{Set: base.Set, Outlets: outlets}
	byOutlet := base.totalsByOutlet(outlets)
	total := base.total()
	for m, ms := range base.measures {
		for _, st := range ms.stats() {
			if st.name == "P" || st.name == "R" {
				continue
			}
			f := OutletFigure{Measure: ms.name, Stat: st.name, All: st.value(total[m])}
			worst := math.Inf(1)
			for i, o := range outlets {
				v := st.value(byOutlet[i][m])
				f.ByOutlet = append(f.ByOutlet, v)
				if v < worst {
					worst, f.Worst = v, o
				}
			}
			r.Figures = append(r.Figures, f)
		}
	}
	r.Calibration = base.crossFitted(outlets)
	r.Ablations = ablations(pred, base, outlets, score)
	return r
}

func setOf(xs []string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// totalsByOutlet sums each measure over each outlet's articles.
func (s *Scores) totalsByOutlet(outlets []string) [][]tally {
	sums := make([][]tally, len(outlets))
	for i := range sums {
		sums[i] = make([]tally, len(s.measures))
	}
	for a, row := range s.tallies {
		i := slices.Index(outlets, s.outlets[a])
		for m := range row {
			sums[i][m].add(row[m])
		}
	}
	return sums
}

// endToEndF1 is the end-to-end F1 of each outlet and of the whole set.
func (s *Scores) endToEndF1(outlets []string) (byOutlet []float64, all float64) {
	m := slices.IndexFunc(s.measures, func(ms measure) bool { return ms.name == endToEndMeasure })
	f1 := func(t tally) float64 { return percent(2*t.TP, 2*t.TP+t.FP+t.FN) }
	for _, row := range s.totalsByOutlet(outlets) {
		byOutlet = append(byOutlet, f1(row[m]))
	}
	return byOutlet, f1(s.total()[m])
}

// confidenceClass is what a confidence table is fitted per: the rule and
// the confidence given, which also carries what the rule's table knows
// beyond the rule (a speaker with no name, the scope).
type confidenceClass struct {
	rule       string
	confidence float64
}

// crossFitted refits the confidence of every class on all outlets but
// one, applies it to that one, and measures the calibration of the
// held-out confidences. A class unseen on the other outlets gets their
// overall accuracy.
func (s *Scores) crossFitted(outlets []string) CrossFitted {
	held := make([][]Judgement, len(outlets))
	var given []Judgement
	for i, o := range outlets {
		type sums struct{ right, n int }
		fit := make(map[confidenceClass]sums)
		var all sums
		for a, js := range s.judged {
			if s.outlets[a] == o {
				continue
			}
			for _, j := range js {
				c := confidenceClass{j.Rule, j.Confidence}
				f := fit[c]
				f.n++
				all.n++
				if j.Right {
					f.right++
					all.right++
				}
				fit[c] = f
			}
		}
		for a, js := range s.judged {
			if s.outlets[a] != o {
				continue
			}
			for _, j := range js {
				f, ok := fit[confidenceClass{j.Rule, j.Confidence}]
				if !ok {
					f = all
				}
				conf := 0.0
				if f.n > 0 {
					conf = float64(f.right) / float64(f.n)
				}
				held[i] = append(held[i], judge(conf, j.Right, j.Rule))
				given = append(given, j)
			}
		}
	}
	cf := CrossFitted{N: len(given), ECEAsGiven: Calibrate(given).ECE}
	var pooled []Judgement
	for _, js := range held {
		cf.ByOutlet = append(cf.ByOutlet, Calibrate(js).ECE)
		pooled = append(pooled, js...)
	}
	cf.ECE = Calibrate(pooled).ECE
	return cf
}

// ablations measures every rule and every cue word with at least
// minAblated statements by scoring the predictions without its
// statements. Removing a statement can only unmatch what it matched, so
// the gain is what the rule's own statements bring; it does not see a
// statement the rule kept another rule from finding.
func ablations(pred map[string]whosaid.Record, base *Scores, outlets []string, score func(map[string]whosaid.Record) *Scores) []Ablation {
	type key struct{ kind, name string }
	counts := make(map[key]int)
	for _, rec := range pred {
		for _, st := range rec.Statements {
			counts[key{"rule", ruleName(st.Rule)}]++
			if st.Cue != nil && st.Cue.Lemma != "" {
				counts[key{"cue", st.Cue.Lemma}]++
			}
		}
	}
	keep := func(k key, st whosaid.Statement) bool {
		if k.kind == "rule" {
			return ruleName(st.Rule) != k.name
		}
		return st.Cue == nil || st.Cue.Lemma != k.name
	}
	baseOutlets, baseAll := base.endToEndF1(outlets)
	var out []Ablation
	for k, n := range counts {
		if k.kind == "cue" && n < minAblated {
			continue
		}
		without := make(map[string]whosaid.Record, len(pred))
		for id, rec := range pred {
			rec.Statements = slices.DeleteFunc(slices.Clone(rec.Statements), func(st whosaid.Statement) bool { return !keep(k, st) })
			without[id] = rec
		}
		byOutlet, all := score(without).endToEndF1(outlets)
		a := Ablation{Kind: k.kind, Name: k.name, Statements: n, Gain: baseAll - all}
		helps, hurts := false, false
		for i := range byOutlet {
			g := baseOutlets[i] - byOutlet[i]
			a.ByOutlet = append(a.ByOutlet, g)
			helps = helps || g >= mixedMargin
			hurts = hurts || g <= -mixedMargin
		}
		a.Mixed = helps && hurts
		out = append(out, a)
	}
	slices.SortFunc(out, func(a, b Ablation) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(b.Statements, a.Statements), cmp.Compare(a.Name, b.Name))
	})
	return out
}

// WriteText writes the outlet report as tables.
func (r OutletReport) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s by outlet (%d outlets)\n\n", strings.ToUpper(r.Set), len(r.Outlets))
	width := len("figure")
	for _, f := range r.Figures {
		width = max(width, len(f.Measure)+1+len(f.Stat))
	}
	cols := append([]string{"all"}, r.Outlets...)
	colWidth := 7
	for _, c := range cols {
		colWidth = max(colWidth, len(c))
	}
	header := func(first string) {
		fmt.Fprintf(bw, "%-*s", width, first)
		for _, c := range cols {
			fmt.Fprintf(bw, "  %*s", colWidth, c)
		}
	}
	header("figure")
	fmt.Fprintf(bw, "  %s\n", "worst")
	for _, f := range r.Figures {
		fmt.Fprintf(bw, "%-*s  %*.1f", width, f.Measure+" "+f.Stat, colWidth, f.All)
		for _, v := range f.ByOutlet {
			fmt.Fprintf(bw, "  %*.1f", colWidth, v)
		}
		fmt.Fprintf(bw, "  %s\n", f.Worst)
	}

	c := r.Calibration
	fmt.Fprintf(bw, "\nconfidence table fitted leave one outlet out (by rule and confidence given): %d statements, held-out ECE %.3f (as given: %.3f)\n",
		c.N, c.ECE, c.ECEAsGiven)
	for i, o := range r.Outlets {
		fmt.Fprintf(bw, "  %s held out: ECE %.3f\n", o, c.ByOutlet[i])
	}

	fmt.Fprintf(bw, "\nwhat each rule and cue word brings to end-to-end F1, per outlet (F1 with it minus F1 without its statements)\n")
	nameWidth := len("name")
	for _, a := range r.Ablations {
		nameWidth = max(nameWidth, len(a.Name))
	}
	fmt.Fprintf(bw, "%-4s  %-*s  %5s", "kind", nameWidth, "name", "n")
	for _, col := range cols {
		fmt.Fprintf(bw, "  %*s", colWidth, col)
	}
	fmt.Fprintln(bw)
	mixed := 0
	for _, a := range r.Ablations {
		fmt.Fprintf(bw, "%-4s  %-*s  %5d  %+*.2f", a.Kind, nameWidth, a.Name, a.Statements, colWidth, a.Gain)
		for _, g := range a.ByOutlet {
			fmt.Fprintf(bw, "  %+*.2f", colWidth, g)
		}
		if a.Mixed {
			mixed++
			fmt.Fprint(bw, "  MIXED: helps one outlet, hurts another")
		}
		fmt.Fprintln(bw)
	}
	fmt.Fprintf(bw, "%d of %d rules and cue words help one outlet and hurt another by %.2f points or more\n", mixed, len(r.Ablations), mixedMargin)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write outlet report: %w", err)
	}
	return nil
}
