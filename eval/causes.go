package eval

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
)

// CauseCount is how many errors of one kind had one cause.
type CauseCount struct {
	Kind     ErrorKind      `json:"kind"`
	Cause    string         `json:"cause"`
	Count    int            `json:"count"`
	ByOutlet map[string]int `json:"by_outlet,omitempty"` // the count split by the articles' outlets, when they have one
}

// CountCauses counts the errors by kind and cause, most frequent first
// (ties in listing order of the kinds, then by cause). The cause of an
// error is:
//   - spurious and wrong speaker: the prediction's rule ("(no rule)" when
//     it names none);
//   - wrong canonical name: the rule, " / ", and the kind of resolution,
//     the text after the last ": " of the prediction's resolution
//     ("previous speaker", "as written"; "(no resolution)" when empty);
//   - missed: the gold content's type, "direct" when it is wrapped in
//     quotation marks, "mixed" when it holds any, otherwise "indirect",
//     followed by ", no cue" when the gold item has no cue.
func CountCauses(articles []ArticleErrors) []CauseCount {
	type key struct {
		kind  ErrorKind
		cause string
	}
	counts := make(map[key]int)
	byOutlet := make(map[key]map[string]int)
	for _, a := range articles {
		for _, it := range a.Items {
			k := key{it.Kind, it.Cause}
			counts[k]++
			if a.Outlet != "" {
				if byOutlet[k] == nil {
					byOutlet[k] = make(map[string]int)
				}
				byOutlet[k][a.Outlet]++
			}
		}
	}
	out := make([]CauseCount, 0, len(counts))
	for k, n := range counts {
		out = append(out, CauseCount{Kind: k.kind, Cause: k.cause, Count: n, ByOutlet: byOutlet[k]})
	}
	slices.SortFunc(out, func(a, b CauseCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count),
			cmp.Compare(slices.Index(errorKinds, a.Kind), slices.Index(errorKinds, b.Kind)),
			cmp.Compare(a.Cause, b.Cause))
	})
	return out
}

// ruleCause is the cause of a spurious or misattributed prediction.
func ruleCause(s whosaid.Statement) string {
	return ruleName(s.Rule)
}

// nameCause is the cause of a wrong canonical name: the rule and the kind
// of resolution.
func nameCause(s whosaid.Statement) string {
	return ruleName(s.Rule) + " / " + resolutionKind(s.Resolution)
}

// resolutionKind is the text after the last ": " of a resolution such as
// "he → Donald Trump: previous speaker", or all of it when there is no
// such separator.
func resolutionKind(resolution string) string {
	r := resolution
	if i := strings.LastIndex(r, ": "); i >= 0 {
		r = r[i+2:]
	}
	r = strings.TrimSpace(r)
	if r == "" {
		return "(no resolution)"
	}
	return r
}

// missedCause is the cause of a missed gold item: its type, and whether
// the annotation has a cue.
func missedCause(text string, hasCue bool) string {
	cause := string(contentType(text))
	if !hasCue {
		cause += ", no cue"
	}
	return cause
}

// Quotation marks. Single marks count only at the edges of a content, and
// only ‘ inside it, so that an apostrophe ("don't", "Canada’s") does not
// make indirect speech mixed.
const (
	openingMarks = "\"“„«‘'‚"
	closingMarks = "\"”»’'‘“"
	innerMarks   = "\"“”„«»‘"
)

// contentType classifies a content by its quotation marks, as the output
// contract defines the types: direct when it is wrapped in quotation
// marks (punctuation after the closing mark aside), mixed when it holds
// any, indirect otherwise.
func contentType(text string) whosaid.StatementType {
	t := strings.TrimFunc(text, func(r rune) bool { return unicode.IsSpace(r) })
	core := strings.TrimRight(t, ".,;:!?… \t\n")
	first, _ := utf8.DecodeRuneInString(core)
	last, n := utf8.DecodeLastRuneInString(core)
	if n > 0 && len(core) > n && strings.ContainsRune(openingMarks, first) && strings.ContainsRune(closingMarks, last) {
		return whosaid.Direct
	}
	if strings.ContainsAny(t, innerMarks) {
		return whosaid.Mixed
	}
	return whosaid.Indirect
}

// judgements pairs each statement with whether it was right.
func judgements(st []whosaid.Statement, right []bool) []Judgement {
	js := make([]Judgement, len(st))
	for j, s := range st {
		js[j] = judge(s.Confidence, right[j], s.Rule)
	}
	return js
}
