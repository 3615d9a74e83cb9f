package eval

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
)

// ErrorKind says what went wrong with one gold item or prediction.
type ErrorKind string

// The error kinds, in listing order.
const (
	Missed       ErrorKind = "missed"               // gold item no prediction matched
	Spurious     ErrorKind = "spurious"             // prediction that matched no gold item
	WrongSpeaker ErrorKind = "wrong speaker"        // matched, speaker span wrong
	WrongName    ErrorKind = "wrong canonical name" // matched, canonical speaker wrong (GGT)
)

var errorKinds = []ErrorKind{Missed, Spurious, WrongSpeaker, WrongName}

// Attributed says who said something and with which cue, as annotated or
// as predicted. Empty fields are absent.
type Attributed struct {
	Speaker    string `json:"speaker"` // as written in the text
	Cue        string `json:"cue"`
	Name       string `json:"name"`                 // canonical name: the gold reference or speaker_name
	Rule       string `json:"rule,omitempty"`       // predictions: the rule that found the statement
	Resolution string `json:"resolution,omitempty"` // predictions: how the name was found
}

// ErrorItem is one scoring error with enough context to read it.
type ErrorItem struct {
	Kind    ErrorKind    `json:"kind"`
	Cause   string       `json:"cause"`   // the prediction's rule, or the missed gold item's type; see CountCauses
	Content whosaid.Span `json:"content"` // the gold content; the predicted one when spurious
	Gold    *Attributed  `json:"gold,omitempty"`
	Pred    *Attributed  `json:"pred,omitempty"`
	Context string       `json:"context"` // the content marked ⟦…⟧ in the text around it
}

// ArticleErrors lists one article's errors, grouped by kind.
type ArticleErrors struct {
	ID     string      `json:"id"`
	Outlet string      `json:"outlet,omitempty"`
	Items  []ErrorItem `json:"items"`
}

// Count returns how many of the items are of kind k.
func (a ArticleErrors) Count(k ErrorKind) int {
	n := 0
	for _, it := range a.Items {
		if it.Kind == k {
			n++
		}
	}
	return n
}

func (s *Scores) addErrors(id, outlet string, items []ErrorItem) {
	if len(items) == 0 {
		return
	}
	var grouped []ErrorItem
	for _, k := range errorKinds {
		for _, it := range items {
			if it.Kind == k {
				grouped = append(grouped, it)
			}
		}
	}
	s.Errors = append(s.Errors, ArticleErrors{ID: id, Outlet: outlet, Items: grouped})
}

func predAttributed(s whosaid.Statement) Attributed {
	p := Attributed{Speaker: spanText(s.Speaker), Cue: spanText(cueSpan(s.Cue)), Rule: s.Rule, Resolution: s.Resolution}
	if s.SpeakerName != nil {
		p.Name = *s.SpeakerName
	}
	return p
}

// spurious lists the statements that no gold item matched.
func spurious(doc string, st []whosaid.Statement, match []int) []ErrorItem {
	taken := make([]bool, len(st))
	for _, j := range match {
		if j >= 0 {
			taken[j] = true
		}
	}
	var errs []ErrorItem
	for j, s := range st {
		if !taken[j] {
			p := predAttributed(s)
			errs = append(errs, newErrorItem(doc, Spurious, ruleCause(s), s.Content, nil, &p))
		}
	}
	return errs
}

func newErrorItem(doc string, kind ErrorKind, cause string, content whosaid.Span, gold, pred *Attributed) ErrorItem {
	return ErrorItem{Kind: kind, Cause: cause, Content: content, Gold: gold, Pred: pred, Context: inContext(doc, content)}
}

// contextBytes is how much text to show on each side of an error's span.
const contextBytes = 80

// inContext shows s inside doc as "…before⟦span⟧after…" (the dots only
// where the text goes on) with white space runs, newlines included,
// flattened to one space.
func inContext(doc string, s whosaid.Span) string {
	start := min(max(s.Start, 0), len(doc))
	end := min(max(s.End, start), len(doc))
	from, to := max(0, start-contextBytes), min(len(doc), end+contextBytes)
	for from < start && !utf8.RuneStart(doc[from]) {
		from++
	}
	for to < len(doc) && !utf8.RuneStart(doc[to]) {
		to++
	}
	before, after := "", ""
	if from > 0 {
		before = "…"
	}
	if to < len(doc) {
		after = "…"
	}
	return before + flatten(doc[from:start]) + "⟦" + flatten(doc[start:end]) + "⟧" + flatten(doc[end:to]) + after
}

// flatten replaces every run of white space with a single space.
func flatten(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}
