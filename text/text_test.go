package text

import (
	"strings"
	"testing"
	"unicode"

	"github.com/whosaid/whosaid"
)

func analyze(s string) *Text { return Analyze(s, []whosaid.Span{{Start: 0, End: len(s)}}) }

func quoteTexts(t *Text) []string {
	var out []string
	for _, q := range t.Quotes {
		out = append(out, t.Src[q.Start:q.End])
	}
	return out
}

func TestQuotations(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"straight", `"We will win," she said.`, []string{`"We will win,"`}},
		{"curly", "“We will win,” she said.", []string{"“We will win,”"}},
		{"nested", `"He told me, 'stay home,' and left," she said.`, []string{`"He told me, 'stay home,' and left,"`, `'stay home,'`}},
		{"nested curly", "“He told me, ‘stay home,’ and left,” she said.", []string{"“He told me, ‘stay home,’ and left,”", "‘stay home,’"}},
		{"apostrophes", "The mayor didn't say the council's plan was rock 'n' roll from the '90s.", nil},
		{"curly apostrophes", "The mayor didn’t like the ministers’ plan.", nil},
		{"plural possessive inside quote", `"The ministers' plan is bad," he said.`, []string{`"The ministers' plan is bad,"`}},
		{"unclosed", `"This never ends, he said`, []string{`"This never ends, he said`}},
		{"two quotes", `"One," he said. "Two."`, []string{`"One,"`, `"Two."`}},
		{"stray closing mark", "He said it was fine” and left.", nil},
		{"elision", "They'll fix 'em by the end of the year.", nil},
		{"doubled apostrophes", "''We will win,'' she said.", []string{"''We will win,''"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := quoteTexts(analyze(tt.src))
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("quotes = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestQuoteRunningOverParagraphs(t *testing.T) {
	src := "\"The first part runs on.\n\"And the second closes,\" she said.\n\"A new one,\" he said."
	tx := analyze(src)
	if len(tx.Quotes) != 3 {
		t.Fatalf("got %d quotes: %q", len(tx.Quotes), quoteTexts(tx))
	}
	if !tx.Quotes[0].RunsOn || tx.Quotes[0].Close != -1 {
		t.Errorf("first quote should run on unclosed: %+v", tx.Quotes[0])
	}
	if !tx.Quotes[1].Continues {
		t.Errorf("second quote should continue the first: %+v", tx.Quotes[1])
	}
	if tx.Quotes[2].Continues {
		t.Errorf("third quote is new: %+v", tx.Quotes[2])
	}
}

func TestUnclosedQuoteNotReopened(t *testing.T) {
	tx := analyze("\"This is never closed.\nThe next paragraph is narration.")
	if len(tx.Quotes) != 1 || tx.Quotes[0].RunsOn {
		t.Fatalf("quotes = %+v", tx.Quotes)
	}
}

func TestTokens(t *testing.T) {
	tests := []struct{ src, want string }{
		{"Trump's aide didn't go.", "Trump|'s|aide|did|n't|go|."},
		{"Mr. Smith met Dr. Jones in the U.S. on Jan. 10.", "Mr.|Smith|met|Dr.|Jones|in|the|U.S.|on|Jan.|10|."},
		{"It cost $4.5 million, or 1,000 units -- a 24/7 job.", "It|cost|$4.5|million|,|or|1,000|units|--|a|24/7|job|."},
		{"A well-known 'sixties' band.", "A|well-known|'|sixties|'|band|."},
		{"The clerk’s cat won’t eat.", "The|clerk|’s|cat|wo|n’t|eat|."},
	}
	for _, tt := range tests {
		tx := analyze(tt.src)
		var got []string
		for i := range tx.Tokens {
			got = append(got, tx.Str(i))
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("%q: tokens %q, want %q", tt.src, strings.Join(got, "|"), tt.want)
		}
	}
}

func TestLower(t *testing.T) {
	tests := []struct{ src, want string }{
		{"The Mayor of Ostrava SAID none.", "the|mayor|of|ostrava|said|none|."},
		{"ÉLAN and Ünal met.", "élan|and|ünal|met|."},
	}
	for _, tt := range tests {
		tx := analyze(tt.src)
		for round := range 2 { // the second round reads the kept words
			var got []string
			for i := len(tx.Tokens) - 1; i >= 0; i-- {
				got = append([]string{tx.Lower(i)}, got...)
			}
			if strings.Join(got, "|") != tt.want {
				t.Errorf("%q, round %d: lower %q, want %q", tt.src, round, strings.Join(got, "|"), tt.want)
			}
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct{ src, want string }{
		{`"It was wrong. He knew it," Smith said. Then he left.`, `"It was wrong.|He knew it," Smith said.|Then he left.`},
		{"Mr. Smith spoke to the U.S. Senate. It listened.", "Mr. Smith spoke to the U.S. Senate.|It listened."},
		{"He moved to the U.S. The move was hard.", "He moved to the U.S.|The move was hard."},
		{`"Why?" she asked. "Because."`, `"Why?" she asked.|"Because."`},
	}
	for _, tt := range tests {
		tx := analyze(tt.src)
		var got []string
		for _, s := range tx.Sentences {
			got = append(got, tt.src[s.Start:s.End])
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("%q: sentences %q, want %q", tt.src, strings.Join(got, "|"), tt.want)
		}
	}
}

// checkInvariants verifies what later stages rely on: tokens in order and
// in bounds, sentences and quotations inside their paragraphs.
func checkInvariants(t *testing.T, tx *Text) {
	t.Helper()
	prev := 0
	for i, tok := range tx.Tokens {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > len(tx.Src) {
			t.Fatalf("token %d out of order or bounds: %+v", i, tok)
		}
		prev = tok.End
	}
	for _, s := range tx.Sentences {
		if s.First >= s.Last || s.Start != tx.Tokens[s.First].Start || s.End != tx.Tokens[s.Last-1].End {
			t.Fatalf("bad sentence %+v", s)
		}
	}
	for _, q := range tx.Quotes {
		p := tx.Paragraphs[q.Paragraph]
		if q.Start < p.Start || q.End > p.End || q.Start >= q.End {
			t.Fatalf("quote %+v outside paragraph %+v", q, p)
		}
		if q.Close >= 0 && tx.Tokens[q.Close].End != q.End {
			t.Fatalf("quote end %d != closing mark end %d", q.End, tx.Tokens[q.Close].End)
		}
	}
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		`"Q," he said.`, "“Nested ‘quote’ here,” she said.", "'90s rock 'n' roll", "\"open\n\"reopen\"",
		"\xff\xfe invalid", "", "''''\"\"\"“”‘’", "U.S. Mr. J. 3.5 $4 --- ...",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tx := analyze(s)
		checkInvariants(t, tx)
	})
}

func BenchmarkAnalyze(b *testing.B) {
	para := "“We did not expect this,” said Jane Doe, a spokesperson for the ministry. " +
		"She said the plan, which was announced Tuesday, didn't go far enough and called it “a mistake.”\n"
	src := strings.Repeat(para, 40)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		analyze(src)
	}
}

func TestLongSentencesAreCut(t *testing.T) {
	tests := []struct {
		name      string
		words     int
		sentences int
	}{
		{"under the bound", MaxSentenceTokens - 1, 1},
		{"at the bound", MaxSentenceTokens, 1},
		{"over the bound", MaxSentenceTokens + 1, 2},
		{"many times over", 3*MaxSentenceTokens + 5, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := analyze(strings.Repeat("word ", tt.words))
			if len(got.Sentences) != tt.sentences {
				t.Fatalf("%d words: got %d sentences, want %d", tt.words, len(got.Sentences), tt.sentences)
			}
			for _, s := range got.Sentences {
				if s.Last-s.First > MaxSentenceTokens {
					t.Errorf("sentence of %d tokens", s.Last-s.First)
				}
			}
		})
	}
}

// TestIsWordRuneLatin1 checks isWordRune's Latin-1 shortcut against the
// full test: no Latin-1 character is a combining mark.
func TestIsWordRuneLatin1(t *testing.T) {
	for r := range rune(unicode.MaxLatin1 + 1) {
		if got, want := isWordRune(r), unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r); got != want {
			t.Errorf("isWordRune(%q) = %v, want %v", r, got, want)
		}
	}
}
