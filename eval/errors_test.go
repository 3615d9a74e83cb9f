package eval

import (
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
)

func TestInContext(t *testing.T) {
	long := strings.Repeat("é", 50) // 100 bytes of two-byte runes
	tests := []struct {
		name string
		doc  string
		span whosaid.Span
		want string
	}{
		{"newlines flattened", "One.\n\nShe said  it\twas fine.\nTwo.", whosaid.Span{Start: 16, End: 28}, "One. She said ⟦it was fine.⟧ Two."},
		{"cut on rune boundaries with dots", long + "[x]" + long, whosaid.Span{Start: 100, End: 103}, "…" + strings.Repeat("é", 40) + "⟦[x]⟧" + strings.Repeat("é", 40) + "…"},
		{"offsets past the text are clamped", "short", whosaid.Span{Start: 3, End: 99}, "sho⟦rt⟧"},
	}
	for _, tc := range tests {
		if got := inContext(tc.doc, tc.span); got != tc.want {
			t.Errorf("%s: inContext = %q, want %q", tc.name, got, tc.want)
		}
	}
}
