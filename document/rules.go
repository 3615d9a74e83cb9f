package document

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The line rules. Each matches the trimmed text of one line; length limits
// keep a long paragraph that merely mentions, say, cookies from matching.
// Every pattern is anchored as a whole (^(?:a|b), not ^a|^b): an
// unanchored pattern is tried at every offset of every line.
var (
	noticeRE = mustAnchored(`(?i)^(?:` +
		`ie \d+ is not supported\b|viewing this article on our beta mobile site\b|` +
		`subscribe (?:now|today|to)\b|sign up (?:for|to)\b|already a subscriber\b|become a subscriber\b|log in to (?:continue|read)\b|you have (?:reached|read) |` +
		`advertisement:?$|` +
		`warning: (?:this|the following) (?:story|article|video|report|content) (?:contains|may)\b|` +
		`\((?:editor['’]s )?note:)`)
	linkRE = mustAnchored(`(?i)^(?:` +
		`(?:related(?: (?:stories|articles|coverage|content|links?))?|read more|read also|also read|see also|more|watch|listen|recommended|further reading|more on this|more from [\w ]+)\s*:|` +
		`(?:click|tap) (?:here|the (?:image|photo|link|video|button|graphic|chart|map)|to )|` +
		`\(?(?:the )?(?:story|article) continues\b|` +
		`read the (?:rest|full|whole) (?:story|article|here)\b|read the rest here\b)`)
	shareRE = mustAnchored(`(?i)` +
		`^(?:share (?:this|on|via|the story|the article)\b|like us on facebook\b|` +
		`follow (?:us|@\w+)\b|follow \S+(?: \S+)? on (?:twitter|facebook|instagram|linkedin)\b|` +
		`(?:share|tweet|email|print)(?:\s*\|\s*\w+)+$)`)
	contributorRE = mustAnchored(`(?i)^(?:` +
		`with (?:files|a report|reports|reporting|additional reporting) (?:from|by)\b|` +
		`(?:additional )?reporting by\b|-+\s*additional reporting\b|\((?:reporting|writing|editing) by\b|editing by\b|compiled by\b)`)
	// contactRE matches an author's contact line at the end of an article.
	contactRE = mustAnchored(`(?i)^[•*·-]?\s*(?:(?:e-?mail|twitter|follow me)\s*:|\S+@\S+\.\w+(?:\s*\|.*)?$)`)
	captionRE = mustAnchored(`(?i)^(?:open this photo in gallery\b|\(photo: [^)]*\)$|` + captionLabel + `)`)
	// labelRE matches a caption label whose caption text follows on the
	// next line.
	labelRE      = regexp.MustCompile(`(?i)^` + captionLabel)
	captionLabel = `(?:image|photo|photograph|picture|pictured|video|gallery|caption|file photo)\s*:`

	// Byline shapes, recognised only above the first content line.
	nameList    = `[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}(?:(?:,| and| &) [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3})*`
	byRE        = regexp.MustCompile(`^By ` + nameList + `(?:,.*)?$`)
	nameOrgRE   = regexp.MustCompile(`^` + nameList + `, (.+)$`)
	bylineOrgRE = regexp.MustCompile(`(?i)\b(?:press|news|reuters|afp|bloomberg|postmedia|times|producer|reporter|correspondent|writer|editor|columnist|staff|journalist|bureau|contributor)\b`)
	outletRE    = regexp.MustCompile(`^(?:The )?(?:Associated Press|Canadian Press|Reuters|AFP|AP|UPI|Bloomberg(?: News)?|Global News|Postmedia News|CTVNews\.ca(?: Staff)?|(?:CTV|CBC)(?: News)?(?: [A-Z][a-z]+)*)$`)
	// bioRE matches an author bio as the last line.
	bioRE = regexp.MustCompile(`^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3},? (?:(?:is|was) (?:a|an|the) [^"“”]*\b(?:journalist|columnist|writer|reporter|correspondent|editor|contributor|freelancer)\b|[^"“”]*\bwrites (?:about|for|exclusively|regularly)\b)`)

	// datelineRE matches "OTTAWA — ", "INGLEWOOD, Calif. -- ",
	// "HEMPSTEAD, N.Y., Sept. 26 (UPI) — ", "WASHINGTON (AP) — ".
	datelineRE = regexp.MustCompile(`^[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)*)?(?:, [A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)?(?: \([A-Za-z]+\))? ?(?:--|—|–|―|-) +`)

	// A photo credit on a line of its own: "Chip Somodevilla / Getty
	// Images", "AP Photo/Evan Vucci", "Getty Images".
	slashCreditRE  = mustAnchored(`^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3} ?/ ?[A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,4}(?:, file)?\.?$`)
	agencyCreditRE = mustAnchored(`^(?:Getty Images|AP Photo|AFP|EPA|Shutterstock|iStock|Handout|The Canadian Press|THE CANADIAN PRESS)(?:, file)?\.?$`)
	agencyRE       = regexp.MustCompile(`(?i)\b(?:getty images|getty|ap photo|ap|afp|reuters|epa|bloomberg|shutterstock|istock|handout|press|images|photo|file)\.?$`)
)

// Phrases that make a short line furniture wherever they occur in it,
// matched in lower case. (Plain substring search: regular expressions
// scanning every line made analysis ten times slower.)
var (
	noticePhrases = []string{
		"browser is not supported", "browser isn't supported", "for an optimal experience",
		"update your browser", "upgrade your browser",
		"enable javascript", "javascript is disabled", "javascript is required",
		"we use cookies", "site uses cookies", "website uses cookies", "accept cookies", "accept all cookies",
		"by continuing to use", "by continuing to browse",
	}
	linkPhrases        = []string{"click here"}
	contributorPhrases = []string{"contributed to this report", "contributed to this story", "contributed to this article", "contributed to the report", "contributed reporting to this"}
)

// classify returns the furniture reason of a line, or "" for content.
// inHeader says the line comes before the first content line.
func classify(s string, inHeader bool) string {
	short := len(s) <= 300
	var lower string
	if short {
		lower = strings.ToLower(s)
	}
	switch {
	case isAttributedQuote(s):
		return ""
	case isSeparator(s):
		return Separator
	case short && (noticeRE.MatchString(s) || containsAny(lower, noticePhrases)):
		return Notice
	case short && (linkRE.MatchString(s) || containsAny(lower, linkPhrases)):
		return Link
	case len(s) <= 200 && shareRE.MatchString(s):
		return Share
	case short && (contributorRE.MatchString(s) || containsAny(lower, contributorPhrases)):
		return Contributor
	case len(s) <= 200 && contactRE.MatchString(s):
		return Byline
	case inHeader && isByline(s):
		return Byline
	case captionRE.MatchString(s):
		return Caption
	case len(s) <= 80 && (slashCreditRE.MatchString(s) || agencyCreditRE.MatchString(s)):
		return Credit
	}
	return ""
}

// isAttributedQuote reports a quotation with a speech verb: it marks a
// real paragraph, never furniture, whatever else the line looks like.
func isAttributedQuote(s string) bool {
	if !hasQuoteMark(s) {
		return false
	}
	// The line is read in lower case a rune at a time, as strings.ToLower
	// lowers it, without lowering a copy of it: "according to" anywhere, or
	// a speech verb between non-letters.
	const phrase = "according to" // its only 'a' opens it: a mismatch restarts the match
	matched := 0
	var word [16]byte
	n, ascii := 0, true // the word so far: word[:n] while it is ASCII
	for _, r := range s {
		r = unicode.ToLower(r)
		switch {
		case r == rune(phrase[matched]):
			matched++
			if matched == len(phrase) {
				return true
			}
		case r == 'a':
			matched = 1
		default:
			matched = 0
		}
		switch {
		case !unicode.IsLetter(r):
			if ascii && speechVerbs[string(word[:n])] {
				return true
			}
			n, ascii = 0, true
		case r < utf8.RuneSelf && n < len(word):
			word[n] = byte(r)
			n++
		default:
			ascii = false // no speech verb has this letter, or is this long
		}
	}
	return ascii && speechVerbs[string(word[:n])]
}

var speechVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "saying": true, "told": true, "tells": true,
	"asked": true, "asks": true, "added": true, "adds": true, "wrote": true, "writes": true,
	"stated": true, "explained": true, "noted": true, "argued": true, "claimed": true,
	"insisted": true, "declared": true, "announced": true, "replied": true, "responded": true,
}

const quoteMarks = `"“”«»„`

// hasQuoteMark is strings.ContainsAny(s, quoteMarks) in one search a mark
// (strings.ContainsAny with non-ASCII characters decodes every rune of s:
// it was 2% of an extraction's time on the lines of news articles).
func hasQuoteMark(s string) bool {
	for _, q := range quoteMarkStrings {
		if strings.Contains(s, q) {
			return true
		}
	}
	return false
}

var quoteMarkStrings = strings.Split(quoteMarks, "") // one string a mark

func containsAny(s string, phrases []string) bool {
	for _, p := range phrases {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// isSeparator reports a line of three or more dashes, underscores,
// asterisks and the like ("------", "***", "___.").
func isSeparator(s string) bool {
	s = strings.TrimSuffix(s, ".")
	if utf8.RuneCountInString(s) < 3 {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("-_=*~•·#—– ", r) {
			return false
		}
	}
	return true
}

// isByline reports an author line: "By Jane Doe", "Jane Doe, The
// Associated Press", "Rachel Gilmore, Power Play producer", "CTV Vancouver".
func isByline(s string) bool {
	if len(s) > 100 || strings.HasSuffix(s, ".") {
		return false
	}
	if byRE.MatchString(s) || outletRE.MatchString(s) {
		return true
	}
	m := nameOrgRE.FindStringSubmatch(s)
	return m != nil && bylineOrgRE.MatchString(m[1])
}

// isHeadline reports whether lines[i], not furniture, is the headline: a
// short line, standing alone before the body, with no closing punctuation,
// that either follows only notices (as in a scraped page) or opens the
// text in title case.
func isHeadline(text string, lines []line, i int) bool {
	l := lines[i]
	s := text[l.start:l.end]
	words := strings.Fields(s)
	if len(s) > 150 || len(words) < 3 || !l.blankAfter || i+1 == len(lines) || isAttributedQuote(s) {
		return false
	}
	if strings.ContainsRune(".,;:", rune(s[len(s)-1])) {
		return false
	}
	for _, prev := range lines[:i] {
		if prev.reason != Notice {
			return false
		}
	}
	return i > 0 || isTitleCase(words)
}

// isTitleCase reports whether most longer words are capitalised, as in
// "Trump Defends Sessions Over Russia Controversy".
func isTitleCase(words []string) bool {
	long, capitalised := 0, 0
	for _, w := range words {
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		long++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			capitalised++
		}
	}
	return long > 0 && capitalised*10 >= long*8
}

// isCaptionContinuation reports whether s, the line after the caption
// line prev, continues it: under a caption label ("Image: Sen. Jane Doe
// speaks"), the next line is the full caption when it repeats the label's
// text or ends in a photo credit.
func isCaptionContinuation(prev, s string) bool {
	loc := labelRE.FindStringIndex(prev)
	if loc == nil || isAttributedQuote(s) {
		return false
	}
	desc := strings.TrimSpace(prev[loc[1]:])
	repeats := len(desc) >= 20 && strings.HasPrefix(s, desc[:min(len(desc), 40)])
	return repeats || creditTail(s) > 0
}

// creditTail returns the offset in a caption line s of a photo credit
// ending it, glued ("General.Chip Somodevilla / Getty Images, file") or
// not ("2015. Ben Nelms"), or 0 when there is none. The longest tail that
// looks like a credit wins, so "J.P. Moczulski/..." is not cut after "J.".
func creditTail(s string) int {
	for i := 1; i < len(s)-1; i++ {
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); !strings.ContainsRune(`.!?)"”’`, r) {
			continue
		}
		start := i
		if s[i] == ' ' {
			start = i + 1
		}
		if r, _ := utf8.DecodeRuneInString(s[start:]); !unicode.IsUpper(r) {
			continue
		}
		if isCredit(s[start:]) {
			return start
		}
	}
	return 0
}

// creditLowerWords may appear uncapitalised in a credit.
var creditLowerWords = map[string]bool{"file": true, "photo": true, "of": true, "the": true, "via": true, "and": true, "for": true, "de": true, "van": true, "von": true, "handout": true}

// isCredit reports whether the tail t of a caption looks like a photo
// credit: a few capitalised words naming a photographer and agency, with a
// slash or an agency word, or just a photographer's name.
func isCredit(t string) bool {
	t = strings.TrimSuffix(strings.TrimSpace(t), ".")
	if t == "" || len(t) > 80 {
		return false
	}
	for _, r := range t {
		if !unicode.IsLetter(r) && !strings.ContainsRune(" .'’-/,&()", r) {
			return false
		}
	}
	words := strings.FieldsFunc(t, func(r rune) bool { return r == ' ' || r == '/' })
	for _, w := range words {
		w = strings.Trim(w, ",()")
		if r, _ := utf8.DecodeRuneInString(w); w != "" && !unicode.IsUpper(r) && !creditLowerWords[w] {
			return false
		}
	}
	if strings.Contains(t, "/") || agencyRE.MatchString(t) {
		return true
	}
	return len(words) >= 2 && len(words) <= 3
}

// datelineLen returns the length of a dateline opening s, or 0.
func datelineLen(s string) int {
	loc := datelineRE.FindStringIndex(s)
	if loc == nil || loc[1] > 80 || loc[1] == len(s) {
		return 0
	}
	return loc[1]
}

// markAuthorBio marks a last line like "Jane Doe is a Toronto journalist
// who writes about city hall." as a byline.
func markAuthorBio(text string, lines []line) {
	if len(lines) < 2 {
		return
	}
	l := &lines[len(lines)-1]
	s := text[l.start:l.end]
	if l.isContent() && l.contentStart == l.start && lines[len(lines)-2].blankAfter && len(s) <= 250 && !hasQuoteMark(s) && bioRE.MatchString(s) {
		l.reason = Byline
	}
}

// titleSearchLines is how many lines from the top may hold a given title.
const titleSearchLines = 10

// findTitle locates the given title at the start of one of the first lines
// of text, comparing words loosely (case, curly quotes, periods, line
// breaks), and returns its extent through the end of its last line.
func findTitle(text string, lines []line, title string) (start, end int, ok bool) {
	want := strings.Fields(title)
	if len(want) == 0 {
		return 0, 0, false
	}
	for _, l := range lines[:min(len(lines), titleSearchLines)] {
		if end, ok := matchWords(text, l.start, want); ok {
			return l.start, end, true
		}
	}
	return 0, 0, false
}

// matchWords reports whether the words of text from pos are want, ending a
// line, and returns where the last one ends.
func matchWords(text string, pos int, want []string) (int, bool) {
	for _, w := range want {
		for pos < len(text) && isSpace(text[pos]) {
			pos++
		}
		next := pos
		for next < len(text) && !isSpace(text[next]) {
			next++
		}
		if normWord(text[pos:next]) != normWord(w) {
			return 0, false
		}
		pos = next
	}
	rest := text[pos:]
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[:i]
	}
	return pos, strings.TrimSpace(rest) == ""
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

var wordNormalizer = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, ".", "")

func normWord(w string) string { return strings.ToLower(wordNormalizer.Replace(w)) }
