package pipeline

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/internal/cputime"
)

// adversarial builds inputs of about n bytes that stress one stage each:
// marks that pair across the whole text, paragraphs and sentences that
// never end, runs of brackets and of capitalised words.
var adversarial = map[string]func(n int) string{
	"curly marks":      func(n int) string { return strings.Repeat("“", n/6) + strings.Repeat("”", n/6) },
	"straight marks":   func(n int) string { return strings.Repeat(`"`, n) },
	"straight words":   func(n int) string { return strings.Repeat(`"a `, n/3) },
	"single marks":     func(n int) string { return strings.Repeat("‘a ", n/5) + "“b ”" + strings.Repeat("’", n/6) },
	"apostrophes":      func(n int) string { return strings.Repeat("rock 'n' roll in the '90s ", n/26) },
	"nested marks":     func(n int) string { return strings.Repeat("“a ‘b ", n/10) + strings.Repeat("c’ d”", n/10) },
	"one paragraph":    func(n int) string { return strings.Repeat(`"We will win," Ann Lee said. She said it again. `, n/48) },
	"no full stop":     func(n int) string { return strings.Repeat("word said that ", n/15) },
	"parentheses":      func(n int) string { return strings.Repeat("(", n/2) + strings.Repeat(")", n/2) },
	"parenthesised":    func(n int) string { return strings.Repeat("(a said ", n/8) },
	"capitalised":      func(n int) string { return strings.Repeat("Alpha Beta Gamma Delta ", n/23) },
	"paragraphs":       func(n int) string { return strings.Repeat("\"Q,\" he said.\n", n/15) },
	"distinct names":   func(n int) string { return distinctNames(n) },
	"shared surname":   func(n int) string { return sharedSurname(n) },
	"unclosed quotes":  func(n int) string { return strings.Repeat("“It runs on, she said\n\n", n/24) },
	"cue without open": func(n int) string { return strings.Repeat("said ", n/5) },
}

// distinctNames writes sentences whose speakers all have different names,
// so that clustering names into entities cannot take a shortcut.
func distinctNames(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "\"Yes,\" said Name%c%c Surname%c%c. ", 'A'+i%26, 'A'+i/26%26, 'A'+i/676%26, 'A'+i%17)
	}
	return b.String()
}

// sharedSurname writes sentences about many people of one surname, each
// named in full and then by the surname alone, so that telling which one
// a surname means cannot look at them all.
func sharedSurname(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "Dr. Name%c%c Varga spoke. \"Varga is right,\" Lee said. ", 'A'+i%26, 'A'+i/26%26)
	}
	return b.String()
}

// timeExtract returns the least CPU time of five extractions of doc,
// without garbage collection: a collection marks the whole heap, models
// included, so whether one falls within a run would swamp the input's
// own cost. Five, not three: with other packages' tests on the same two
// cores, three runs of one input once all came out slow (a doubling
// measured ×3.3 where it is ×2 alone).
func timeExtract(t *testing.T, doc string) time.Duration {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	best := time.Duration(1 << 62)
	for range 5 {
		runtime.GC()
		start := cputime.Used(t)
		Extract(whosaid.Article{ID: "adversarial", Text: doc})
		best = min(best, cputime.Used(t)-start)
	}
	return best
}

// TestAdversarialInputsScaleLinearly doubles each adversarial input and
// checks that the time at most about doubles: a quadratic stage would
// show a ratio near four. A ratio over the bound is measured once more,
// at twice the size, before it counts: small timings are noisy.
func TestAdversarialInputsScaleLinearly(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	Extract(whosaid.Article{ID: "warm-up", Text: "\"Q,\" he said."})
	for name, gen := range adversarial {
		t.Run(name, func(t *testing.T) {
			var ratio float64
			for size := 200 << 10; size <= 400<<10; size *= 2 {
				small, large := timeExtract(t, gen(size)), timeExtract(t, gen(2*size))
				ratio = float64(large) / float64(max(small, 5*time.Millisecond))
				t.Logf("%d KB: %v → %v (×%.2f)", size>>10, small, large, ratio)
				if ratio <= 3 {
					return
				}
			}
			t.Errorf("doubling the input took ×%.2f the time: worse than linear", ratio)
		})
	}
}
