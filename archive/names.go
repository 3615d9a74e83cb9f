package archive

import (
	"strings"
	"unicode"
)

// titles are words that precede a name without being part of it
// ("President Trump", "Sen. Warren"); they are dropped from speaker keys.
var titles = setOf(`mr mrs ms miss mx dr prof professor president vice sen senator rep
representative gov governor gen general col colonel lt sgt capt captain adm admiral judge
justice chief minister prime secretary mayor sir dame lord lady rev reverend pope king queen
prince princess chancellor ambassador commissioner councillor councilman councilwoman
premier attorney finance foreign interior defence defense health deputy former acting
coach officer detective inspector superintendent sheriff father sister brother`)

// nonNameStarts begin descriptions, not names ("A spokesperson", "Some voters").
var nonNameStarts = setOf(`a an some many several other another one two three four five
his her their its our my your this that these those he she they it we i you who each every
most few all both no`)

// nameConnectors are lower-case words inside proper names ("Bank of England").
var nameConnectors = setOf(`of de da del della der di du la le van von bin al and for the on in y`)

func setOf(words string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}

// isProperName reports whether a speaker name is a name ("Maria Lopez",
// "The White House") rather than a description left as written ("a
// spokesperson", "officials"); only names become speakers across
// articles, since two articles' "officials" are not the same people.
func isProperName(name string) bool {
	words := strings.Fields(name)
	if len(words) == 0 || nonNameStarts[strings.ToLower(words[0])] {
		return false
	}
	if strings.EqualFold(words[0], "the") {
		words = words[1:]
		if len(words) == 0 {
			return false
		}
	}
	letters := false
	for i, w := range words {
		r := []rune(w)[0]
		switch {
		case unicode.IsUpper(r):
			letters = true
		case i > 0 && nameConnectors[strings.ToLower(w)]:
		default:
			return false
		}
	}
	return letters
}

// rawKey is a name in comparable form, all its words kept: "Donald J.
// Trump" → "donald j trump". Hand-made aliases are looked up by it first,
// so a split can tell apart names that normalise alike.
func rawKey(name string) string {
	return strings.Join(nameWords(name), " ")
}

// nameKey identifies a person across articles: rawKey without leading
// titles and middle initials, so "President Donald J. Trump" and "Donald
// Trump" share "donald trump".
func nameKey(name string) string {
	words := nameWords(name)
	for len(words) > 1 && titles[words[0]] {
		words = words[1:]
	}
	if len(words) > 2 {
		kept := []string{words[0]}
		for _, w := range words[1 : len(words)-1] {
			if len([]rune(w)) > 1 {
				kept = append(kept, w)
			}
		}
		words = append(kept, words[len(words)-1])
	}
	return strings.Join(words, " ")
}

// nameWords lower-cases name and splits it into words of letters and
// digits; apostrophes and hyphens stay inside words ("O'Neill").
func nameWords(name string) []string {
	name = strings.NewReplacer("’", "'", "‘", "'", "‐", "-", "–", "-").Replace(strings.ToLower(name))
	words := strings.FieldsFunc(name, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '-'
	})
	kept := words[:0]
	for _, w := range words {
		if w = strings.Trim(w, "'-"); w != "" && w != "s" { // "Trump's" → "trump"
			kept = append(kept, w)
		}
	}
	return kept
}

// surname is the last word of a key.
func surname(key string) string {
	return key[strings.LastIndexByte(key, ' ')+1:]
}
