package circumstance

import "strings"

// setOf makes a set of the space-separated words.
func setOf(words string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}
