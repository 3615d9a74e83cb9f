package document

import (
	"strings"
	"testing"
	"unicode"
)

// attributedQuoteByLowering is isAttributedQuote as it was written first,
// on a lowered copy of the line: the reference the rune-at-a-time version
// must agree with.
func attributedQuoteByLowering(s string) bool {
	if !strings.ContainsAny(s, quoteMarks) {
		return false
	}
	lower := strings.ToLower(s)
	if strings.Contains(lower, "according to") {
		return true
	}
	for w := range strings.FieldsFuncSeq(lower, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if speechVerbs[w] {
			return true
		}
	}
	return false
}

var attributedQuoteCases = []struct {
	line string
	want bool
}{
	{`“We will rebuild the bridge,” the mayor said.`, true},
	{`"We will rebuild the bridge," the mayor SAID.`, true},
	{`“We will rebuild,” ACCORDING TO the plan.`, true},
	{`“We will rebuild,” according  to the plan.`, false},
	{`“We will rebuild,” accaccording to the plan.`, true},
	{`Photo: “The old bridge” (file)`, false},
	{`The mayor said the bridge will reopen.`, false}, // no quotation mark
	{`“Unsaid things,” a proverb goes`, false},
	{"“It held,” she \u212Aelt-asked", true}, // KELVIN SIGN lowers to an ASCII k: "kelt", "asked"
	{"“It held,” she as\u212Aed", true},
	{`“Déclaré,” said’`, true},
	{`“Noted”`, true},
	{`“Sài Gòn,” explainedé`, false},
	{`„Quote“ tells`, true},
	{`“x” ` + strings.Repeat("a", 20) + `said`, false},
}

func TestIsAttributedQuote(t *testing.T) {
	for _, c := range attributedQuoteCases {
		if got := isAttributedQuote(c.line); got != c.want {
			t.Errorf("isAttributedQuote(%q) = %v, want %v", c.line, got, c.want)
		}
		if ref := attributedQuoteByLowering(c.line); ref != c.want {
			t.Errorf("reference on %q = %v, want %v", c.line, ref, c.want)
		}
	}
}

// FuzzIsAttributedQuote checks the rune-at-a-time isAttributedQuote
// against the reading of a lowered copy on any line.
func FuzzIsAttributedQuote(f *testing.F) {
	for _, c := range attributedQuoteCases {
		f.Add(c.line)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isAttributedQuote(s), attributedQuoteByLowering(s); got != want {
			t.Errorf("isAttributedQuote(%q) = %v, reference %v", s, got, want)
		}
	})
}

func TestHasQuoteMark(t *testing.T) {
	for _, s := range []string{"", "plain", `a "b`, "“x", "x”", "«", "»", "„", "\xe2\x80", "\xe2\xe2\x80\x9c", "\xc2\xc2\xab", "’single’", "\xab"} {
		if got, want := hasQuoteMark(s), strings.ContainsAny(s, quoteMarks); got != want {
			t.Errorf("hasQuoteMark(%q) = %v, want %v", s, got, want)
		}
	}
}
