// Package querymix generates the search queries of the archive's
// benchmarks (archive/cmd/archivebench, internal/loadgen) over the
// synthetic corpus of internal/synth.
package querymix

import (
	"fmt"
	"math/rand/v2"

	"github.com/whosaid/whosaid/archive"
)

// Named returns the query mix called name: issue or mixed.
func Named(name string) (func(*rand.Rand) archive.Query, error) {
	switch name {
	case "issue":
		return Issue, nil
	case "mixed":
		return Mixed, nil
	}
	return nil, fmt.Errorf("unknown query mix %q: want issue or mixed", name)
}

// Issue is the query mix of the original benchmark: common words,
// phrases, a prefix, OR and exclusion, always with a date and a
// confidence filter, often with a speaker or a type.
func Issue(rng *rand.Rand) archive.Query {
	words := []string{"housing", "budget", "harbour", "railway", "hospitals", "schools", "taxes", "pensions", "energy",
		"tariffs", `"before the election"`, `"protect the schools"`, "reform*", "audit OR review", "families -water"}
	speakers := []string{"", "", "Varga", "Alma Moreau", "Kowalski"}
	types := []string{"", "", "direct", "indirect"}
	since := fmt.Sprintf("%04d-%02d-01", 2015+rng.IntN(9), 1+rng.IntN(12))
	return archive.Query{
		Text: words[rng.IntN(len(words))], Speaker: speakers[rng.IntN(len(speakers))], Type: types[rng.IntN(len(types))],
		Since: since, MinConfidence: 0.5, Limit: 20,
	}
}

// Mixed is a broader mix: common, very common and rare words,
// phrases, prefixes, OR and exclusion, misses; no filter, one filter or
// several (speaker by full name or surname, date ranges, type,
// confidence); sometimes a second page.
func Mixed(rng *rand.Rand) archive.Query {
	texts := []string{
		"housing", "budget", "railway", "broadband", "wages", "overdue", "reckless", // common
		"families", "plan", // very common
		"48963", "12086", "Tuesday", "nonexistentword", // rare or absent
		`"before the election"`, `"protect the schools"`, `"the budget plan"`, `"fix the courts"`, // phrases
		"hosp*", "rail*", "fish*", "ref*", // prefixes
		"audit OR review", "courts OR bridges", "families -water", "wages rents",
	}
	var q archive.Query
	q.Text = texts[rng.IntN(len(texts))]
	q.Limit = 20
	if rng.IntN(10) == 0 {
		q.Offset = 20
	}
	switch rng.IntN(10) {
	case 0, 1, 2: // no filter
	case 3:
		q.Speaker = []string{"Alma Moreau", "Tilda Varga", "Boris Kowalski"}[rng.IntN(3)]
	case 4:
		q.Speaker = []string{"Varga", "Okafor", "Thorne"}[rng.IntN(3)]
	case 5:
		y := 2015 + rng.IntN(10)
		q.Since, q.Until = fmt.Sprintf("%04d-01-01", y), fmt.Sprintf("%04d-12-31", y)
	case 6:
		q.Since = fmt.Sprintf("%04d-%02d-01", 2015+rng.IntN(10), 1+rng.IntN(12))
		q.Until = q.Since[:8] + "28"
	case 7:
		q.Type = []string{"direct", "indirect"}[rng.IntN(2)]
	case 8:
		q.MinConfidence = 0.8
		q.Type = "indirect"
	case 9:
		q.Speaker = "Alma Moreau"
		q.Since = "2020-01-01"
		q.Type = "direct"
	}
	return q
}
