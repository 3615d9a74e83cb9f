package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Report is the scored figures of one gold set, ready to print.
type Report struct {
	Set       string    `json:"set"`
	Articles  int       `json:"articles"`
	Bootstrap Bootstrap `json:"bootstrap"`
	Figures   []Figure  `json:"figures"`
	// Published are another system's figures on the same measures, for
	// comparison (GGT's own, on its evaluation set).
	Published []Figure `json:"published,omitempty"`
	// Calibration compares the predictions' confidences with the
	// end-to-end criterion.
	Calibration Calibration     `json:"calibration"`
	Errors      []ArticleErrors `json:"errors,omitempty"` // set by the caller when wanted
	// ErrorCauses counts Errors by kind and cause (CountCauses); it is
	// filled from Errors when the report is written.
	ErrorCauses []CauseCount `json:"error_causes,omitempty"`
	// Outlets is the report by outlet, when wanted.
	Outlets *OutletReport `json:"outlets,omitempty"`
}

// Figure is one statistic of one measure, micro-averaged over all
// articles, in percent, with its 95% bootstrap interval and the counts it
// was computed from ("tp", "fp", "fn" or "correct", "total").
type Figure struct {
	Measure string         `json:"measure"` // e.g. "quote @0.3"
	Stat    string         `json:"stat"`    // "P", "R", "F1" or "accuracy"
	Value   float64        `json:"value"`
	Low     float64        `json:"low"`
	High    float64        `json:"high"`
	Counts  map[string]int `json:"counts"`
}

// Report computes every figure with its bootstrap interval.
func (s *Scores) Report(b Bootstrap) Report {
	low, high := b.intervals(s.measures, s.tallies)
	r := Report{Set: s.Set, Articles: len(s.tallies), Bootstrap: b, Calibration: s.calibration(b), Published: s.published}
	total := s.total()
	for m, ms := range s.measures {
		for _, st := range ms.stats() {
			f := len(r.Figures)
			r.Figures = append(r.Figures, Figure{
				Measure: ms.name, Stat: st.name, Value: st.value(total[m]),
				Low: low[f], High: high[f], Counts: total[m].counts(ms.kind),
			})
		}
	}
	return r
}

func (t tally) counts(kind measureKind) map[string]int {
	if kind == accuracyMeasure {
		return map[string]int{"correct": t.Correct, "total": t.Total}
	}
	return map[string]int{"tp": t.TP, "fp": t.FP, "fn": t.FN}
}

// countsText renders a figure's counts for the text table.
func (f Figure) countsText() string {
	if total, ok := f.Counts["total"]; ok {
		return fmt.Sprintf("%d/%d", f.Counts["correct"], total)
	}
	return fmt.Sprintf("TP %d  FP %d  FN %d", f.Counts["tp"], f.Counts["fp"], f.Counts["fn"])
}

// WriteJSON writes the report as one indented JSON object.
func (r Report) WriteJSON(w io.Writer) error {
	if r.Errors != nil {
		r.ErrorCauses = CountCauses(r.Errors)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("write JSON report: %w", err)
	}
	return nil
}

// WriteText writes the figures as a table, the calibration tables, then
// the errors (counted by cause, then listed) when the report has them.
func (r Report) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s: %d articles; 95%% bootstrap intervals over %d draws (seed %d)\n\n",
		strings.ToUpper(r.Set), r.Articles, r.Bootstrap.Draws, r.Bootstrap.Seed)
	width := len("figure")
	for _, f := range r.Figures {
		width = max(width, len(f.Measure))
	}
	fmt.Fprintf(bw, "%-*s  %-8s  %5s  %-14s  %s\n", width, "figure", "", "value", "95% interval", "counts")
	prev := ""
	for _, f := range r.Figures {
		name := f.Measure
		if name == prev {
			name = "" // one measure's statistics share a name
		}
		prev = f.Measure
		fmt.Fprintf(bw, "%-*s  %-8s  %5.1f  [%5.1f, %5.1f]  %s%s\n", width, name, f.Stat, f.Value, f.Low, f.High, f.countsText(), r.publishedText(f))
	}
	writeCalibration(bw, r.Calibration)
	if r.Outlets != nil {
		fmt.Fprintln(bw)
		if err := r.Outlets.WriteText(bw); err != nil {
			return err
		}
	}
	if r.Errors != nil {
		writeErrors(bw, r.Errors)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// publishedText renders the published figure for f's measure and
// statistic, "" when there is none.
func (r Report) publishedText(f Figure) string {
	for _, p := range r.Published {
		if p.Measure == f.Measure && p.Stat == f.Stat {
			return fmt.Sprintf("  (GGT published %.1f)", p.Value)
		}
	}
	return ""
}

func writeErrors(w io.Writer, articles []ArticleErrors) {
	totals := make(map[ErrorKind]int)
	for _, a := range articles {
		for _, k := range errorKinds {
			totals[k] += a.Count(k)
		}
	}
	fmt.Fprintf(w, "\nerrors: %s\n", kindCounts(totals))
	writeCauses(w, CountCauses(articles))
	for _, a := range articles {
		counts := make(map[ErrorKind]int)
		for _, k := range errorKinds {
			counts[k] = a.Count(k)
		}
		outlet := ""
		if a.Outlet != "" {
			outlet = " [" + a.Outlet + "]"
		}
		fmt.Fprintf(w, "\n== %s%s (%s)\n", a.ID, outlet, kindCounts(counts))
		var kind ErrorKind
		for _, it := range a.Items {
			if it.Kind != kind {
				kind = it.Kind
				fmt.Fprintf(w, "%s (%d)\n", kind, counts[kind])
			}
			fmt.Fprintf(w, "  [%d,%d) (%s)%s%s\n    %s\n", it.Content.Start, it.Content.End, it.Cause,
				it.Gold.describe("gold"), it.Pred.describe("pred"), it.Context)
		}
	}
}

// kindCounts renders the non-zero counts, e.g. "missed 3, spurious 1".
func kindCounts(counts map[ErrorKind]int) string {
	var parts []string
	for _, k := range errorKinds {
		if counts[k] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", k, counts[k]))
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

// describe renders one side of an error, e.g.
// ` gold: speaker "he", cue "said", name "Ann Lee"`.
func (a *Attributed) describe(side string) string {
	if a == nil {
		return ""
	}
	show := func(s string) string {
		if s == "" {
			return "-"
		}
		return fmt.Sprintf("%q", flatten(s))
	}
	d := fmt.Sprintf("  %s: speaker %s, cue %s, name %s", side, show(a.Speaker), show(a.Cue), show(a.Name))
	if a.Resolution != "" {
		d += ", resolution " + show(a.Resolution)
	}
	return d
}

// writeCauses writes the error counts by kind and cause.
func writeCauses(w io.Writer, causes []CauseCount) {
	if len(causes) == 0 {
		return
	}
	width := len("kind")
	for _, c := range causes {
		width = max(width, len(c.Kind))
	}
	outlets := causeOutlets(causes)
	fmt.Fprintf(w, "\n%5s  %-*s  %s\n", "count", width, "kind", "cause"+outletHeader(outlets))
	for _, c := range causes {
		fmt.Fprintf(w, "%5d  %-*s  %s%s\n", c.Count, width, c.Kind, c.Cause, outletSplit(outlets, c.ByOutlet))
	}
}

// causeOutlets lists the outlets the cause counts are split by, sorted.
func causeOutlets(causes []CauseCount) []string {
	seen := make(map[string]bool)
	for _, c := range causes {
		for o := range c.ByOutlet {
			seen[o] = true
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

// outletHeader names the per-outlet split of the cause table, "" when the
// set has no outlets.
func outletHeader(outlets []string) string {
	if len(outlets) == 0 {
		return ""
	}
	return "  (by outlet: " + strings.Join(outlets, " / ") + ")"
}

// outletSplit renders one cause's counts per outlet, in the header's order.
func outletSplit(outlets []string, by map[string]int) string {
	if len(outlets) == 0 {
		return ""
	}
	parts := make([]string, len(outlets))
	for i, o := range outlets {
		parts[i] = strconv.Itoa(by[o])
	}
	return "  (" + strings.Join(parts, " / ") + ")"
}
