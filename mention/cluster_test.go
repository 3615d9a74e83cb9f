package mention

import (
	"strings"
	"testing"
)

func TestNameWordCount(t *testing.T) {
	for _, name := range []string{"", "  ", "Park", "Lena Park", "the Liberals", "The Globe", "the", "THE  City of  Surrey", "théâtre Nord"} {
		if got, want := nameWordCount(name), len(nameWords(name)); got != want {
			t.Errorf("nameWordCount(%q) = %d, want %d", name, got, want)
		}
	}
}

func TestAppendLower(t *testing.T) {
	for _, w := range []string{"", "Park", "EDC", "McDonald's", "ÉCOLE", "İstanbul", strings.Repeat("Ab", 50)} {
		if got, want := string(appendLower([]byte("x"), w)), "x"+strings.ToLower(w); got != want {
			t.Errorf("appendLower(%q) = %q, want %q", w, got, want)
		}
	}
}
