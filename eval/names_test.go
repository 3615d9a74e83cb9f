package eval

import (
	"strings"
	"testing"
)

func TestNameTokens(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ana López", "ana lopez"},
		{"  ANA   LOPEZ ", "ana lopez"},
		{"Mr. Ana Lopez", "ana lopez"},
		{"Prime Minister Élodie Brûlé", "elodie brule"},
		{"Dr. Prof. Ana Lopez", "ana lopez"},
		{"Sen. O'Hara", "ohara"},
		{"Tom O’Hara", "tom ohara"}, // curly apostrophe
		{"Kim Park-Ng", "kim parkng"},
		{"Dale & Dale Ltd.", "dale dale ltd"},
		{"Søren Øberg", "soren oberg"},
		{"Zoe\u0301 Strauß", "zoe strauss"}, // decomposed accent, sharp s
		{"Ana Mayor", "ana mayor"},          // only leading titles go
		{"President", "president"},          // a title alone is kept
		{"Prime Minister", "prime minister"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := strings.Join(nameTokens(tc.in), " "); got != tc.want {
			t.Errorf("nameTokens(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestNameRules(t *testing.T) {
	tests := []struct {
		pred, gold      string
		strict, lenient bool
	}{
		{"Ana Lopez", "Mayor Ana López", true, true},
		{"Lopez", "Ana López", false, true},
		{"Ana María López", "Ana López", false, true},
		{"Ana Lopez", "Ana Perez", false, false},
		{"Anna Lopez", "Ana Lopez", false, false},     // not contained
		{"Lopez Ana", "Ana Lopez", false, false},      // last tokens differ
		{"", "", true, true},                          // unknown reference, no name given
		{"Ana Lopez", "", false, false},               // unknown reference, a name given
		{"", "Ana Lopez", false, false},               // no name given
		{"President Ana Lopez", "Lopez", false, true}, // title dropped, then contained
	}
	for _, tc := range tests {
		if got := sameName(tc.pred, tc.gold); got != tc.strict {
			t.Errorf("sameName(%q, %q) = %v, want %v", tc.pred, tc.gold, got, tc.strict)
		}
		if got := similarName(tc.pred, tc.gold); got != tc.lenient {
			t.Errorf("similarName(%q, %q) = %v, want %v", tc.pred, tc.gold, got, tc.lenient)
		}
	}
}
