package document

import (
	"regexp"
	"testing"
)

// lineRules are the rules compiled with mustAnchored.
var lineRules = []anchoredRE{noticeRE, linkRE, shareRE, contributorRE, contactRE, captionRE, slashCreditRE, agencyCreditRE}

// plainRules are the same expressions compiled by regexp alone.
var plainRules = func() (res []*regexp.Regexp) {
	for _, a := range lineRules {
		res = append(res, regexp.MustCompile(a.String()))
	}
	return res
}()

// sameAsRegexp checks every line rule's MatchString on s against the plain
// regular expression's.
func sameAsRegexp(t *testing.T, s string) {
	t.Helper()
	for i, a := range lineRules {
		if got, want := a.MatchString(s), plainRules[i].MatchString(s); got != want {
			t.Errorf("%q on %q: %v, the plain expression %v", a.String(), s, got, want)
		}
	}
}

var anchoredCases = []string{
	"", "Subscribe now to read on", "SHARE THIS STORY", "share | tweet | email", "(Photo: Sam Lee)",
	"Photo: the harbour at dusk", "Open this photo in gallery", "With files from the wire", "-- additional reporting by",
	"• Email: desk@example.com", "desk@example.com | 555", "Kim Park / Getty Images", "AP Photo/Lee Kim", "Getty Images, file.",
	"Advertisement", "advertisement:", "(Editor's note: updated)", "Click here to see more", "Related: a story",
	"The mayor said the vote would be held in May.", "ſhare this", "\xffshare this", "Ìmage: a view", "*twitter: @desk",
}

func TestAnchoredRE(t *testing.T) {
	for _, s := range anchoredCases {
		sameAsRegexp(t, s)
	}
	// Every first rune up to U+3000, before texts some rule would match.
	for r := range rune(0x3000) {
		for _, rest := range []string{"", "hare this", "mail: x", "hoto: x", "etty Images", "eporting by x"} {
			sameAsRegexp(t, string(r)+rest)
		}
	}
}

func TestMustAnchoredRefuses(t *testing.T) {
	for _, expr := range []string{`share`, `(?i)^(?:a|b?)`, `^a|b`} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("mustAnchored(%q) did not panic", expr)
				}
			}()
			mustAnchored(expr)
		}()
	}
}

// FuzzAnchoredRE checks the line rules against the plain expressions on any line.
func FuzzAnchoredRE(f *testing.F) {
	for _, s := range anchoredCases {
		f.Add(s)
	}
	f.Fuzz(sameAsRegexp)
}
