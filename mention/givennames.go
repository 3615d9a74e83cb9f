package mention

import (
	_ "embed"
	"strings"
	"sync"
)

// givennames.txt is the table of given names by gender that
// internal/givennames derives from the public-domain name lists of Moby
// Word II, a name on both lists left out. It is read only when a person's
// gender is weighed for the output (GenderOf), after every speaker is
// resolved: maleNames and femaleNames, which also guide pronoun
// resolution, stay as they are so that the speakers found do not change.
//
//go:embed givennames.txt
var givenNamesTable string

// mobyNames maps a lower-case given name to its gender in the table.
var mobyNames = sync.OnceValue(func() map[string]Gender {
	names := make(map[string]Gender, 8192)
	for line := range strings.Lines(givenNamesTable) {
		name, g, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		if !ok || strings.HasPrefix(name, "#") {
			continue
		}
		switch g {
		case "m":
			names[name] = Male
		case "f":
			names[name] = Female
		}
	}
	return names
})
