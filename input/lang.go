package input

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
)

// englishWords are the commonest English function words. They make up
// about a third of the words of English news, and hardly occur in other
// languages (a few, "a", "in", "on", "to", are words elsewhere too).
var englishWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the of and to a in that is was he for it with as his on be at by
		i this had not are but from or have an they which one you were her all she there would their
		we him been has when who will more no if out so said what up its about into than them can only
		other new some could time these two may then do first any my now such like our over man me even
		most made after also did many before must through back years where much your way well down
		should because each just those people how too little state good very make world still own see
		men work long get here between both life being under never day same another know while last
		might us great old year off come since against go came right used take three says told`) {
		englishWords[w] = true
	}
}

// Language detection needs enough words to be sure, and looks at no more
// than it needs.
const (
	minLangWords = 40
	maxLangWords = 400
	// minEnglishShare is far below English (30% and more) and far above
	// other languages written in Latin script (under 8%).
	minEnglishShare = 0.15
)

// notEnglish returns why the article is taken for another language than
// English ("de", or "text" when only its words tell), or "" when it is
// English or too short to tell.
func notEnglish(a whosaid.Article) string {
	words, english, otherScript := 0, 0, 0
	for f := range strings.FieldsFuncSeq(a.Text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		words++
		if englishWords[strings.ToLower(f)] {
			english++
		}
		// An ASCII letter is Latin (unicode.Is searches the Latin table).
		if strings.IndexFunc(f, func(r rune) bool { return r >= utf8.RuneSelf && unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) }) >= 0 {
			otherScript++
		}
		if words == maxLangWords {
			break
		}
	}
	if otherScript*2 > words {
		return "by its script"
	}
	if words < minLangWords {
		if a.Lang != "" && a.Lang != "en" {
			return a.Lang
		}
		return ""
	}
	if float64(english) >= minEnglishShare*float64(words) {
		return ""
	}
	if a.Lang != "" && a.Lang != "en" {
		return a.Lang
	}
	return "by its words"
}
