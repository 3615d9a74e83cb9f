package document

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
)

// dataDir holds the shared evaluation data; tests using it skip without it.
const dataDir = "../../shared/data"

func TestAnalyze(t *testing.T) {
	tests := []struct {
		name       string
		text       string
		title      string   // given title
		wantTitle  string   // "" for none
		furniture  []string // "reason: text"
		paragraphs []string
	}{
		{
			name:       "empty",
			text:       "",
			furniture:  nil,
			paragraphs: nil,
		},
		{
			name:       "notice, headline and CRLF",
			text:       "This site uses cookies. By continuing to browse you accept them.\r\n\r\nCouncil Backs Ferry Plan After Long Night\r\n\r\n\"It is done,\" the mayor said.\r\nShe left at midnight.\r\n",
			wantTitle:  "Council Backs Ferry Plan After Long Night",
			furniture:  []string{"notice: This site uses cookies. By continuing to browse you accept them."},
			paragraphs: []string{"\"It is done,\" the mayor said.\r\nShe left at midnight."},
		},
		{
			name:       "wire byline and dateline",
			text:       "\n\nJane Roe and Sam Poe, The Associated Press\n\n\n\nHALIFAX, N.S. -- The council voted on Tuesday.\n\nIt was close, she said.\n",
			furniture:  []string{"byline: Jane Roe and Sam Poe, The Associated Press", "dateline: HALIFAX, N.S. --"},
			paragraphs: []string{"The council voted on Tuesday.", "It was close, she said."},
		},
		{
			name:       "dateline with agency, contact line",
			text:       "REGINA (AP) — The premier spoke first.\n\nLater, the vote.\n\n• Email: jroe@example.com | Twitter: jroe\n",
			furniture:  []string{"dateline: REGINA (AP) —", "byline: • Email: jroe@example.com | Twitter: jroe"},
			paragraphs: []string{"The premier spoke first.", "Later, the vote."},
		},
		{
			name: "gallery caption with credit and advertisement marker",
			text: "Open this photo in gallery A ferry leaves the terminal on June 3, 2020. Sam Field/The Canadian Press\n\nThe ferry is late.\n\nStory continues below advertisement\n\nIt is always late.",
			furniture: []string{
				"caption: Open this photo in gallery A ferry leaves the terminal on June 3, 2020.",
				"credit: Sam Field/The Canadian Press",
				"link: Story continues below advertisement",
			},
			paragraphs: []string{"The ferry is late.", "It is always late."},
		},
		{
			name:       "image label, repeated caption, glued credit, then body in the same block",
			text:       "Lede line.\nImage: Dockworkers wait at the north gate\nDockworkers wait at the north gate on Friday as talks resume.Ana Lind / Harbour News Service\nBody resumes here.",
			furniture:  []string{"caption: Image: Dockworkers wait at the north gate", "caption: Dockworkers wait at the north gate on Friday as talks resume.", "credit: Ana Lind / Harbour News Service"},
			paragraphs: []string{"Lede line.", "Body resumes here."},
		},
		{
			name:       "line after an image label that is not its caption",
			text:       "Image: A boat\nThe harbour was quiet on Monday, officials said.\n",
			furniture:  []string{"caption: Image: A boat"},
			paragraphs: []string{"The harbour was quiet on Monday, officials said."},
		},
		{
			name:       "a quotation with a speech verb is never furniture",
			text:       "Related: \"We will win,\" the mayor said.\n\nRead more: the budget.",
			furniture:  []string{"link: Read more: the budget."},
			paragraphs: []string{"Related: \"We will win,\" the mayor said."},
		},
		{
			name:       "separator, contributors, share prompt",
			text:       "Share this article\n\nThe bridge opened.\n\n------\n\nJohn Smith in Ottawa contributed to this report.\nWith files from The Canadian Press",
			furniture:  []string{"share: Share this article", "separator: ------", "contributor: John Smith in Ottawa contributed to this report.", "contributor: With files from The Canadian Press"},
			paragraphs: []string{"The bridge opened."},
		},
		{
			name:       "author bio as the last line",
			text:       "The bridge opened.\n\nJane Roe is a Calgary writer who covers energy.",
			furniture:  []string{"byline: Jane Roe is a Calgary writer who covers energy."},
			paragraphs: []string{"The bridge opened."},
		},
		{
			name:       "given title matched loosely",
			text:       "Mayor Says 'No' to Tower.\n\nThe mayor said no.",
			title:      "Mayor Says ‘No’ to Tower",
			wantTitle:  "Mayor Says 'No' to Tower.",
			paragraphs: []string{"The mayor said no."},
		},
		{
			name:       "given title over two lines",
			text:       "Tower plan fails; \nCouncil votes it down.\nThe vote was 7-2.",
			title:      "Tower plan fails; Council votes it down",
			wantTitle:  "Tower plan fails; \nCouncil votes it down.",
			paragraphs: []string{"The vote was 7-2."},
		},
		{
			name:       "sentence-like first line is not a headline",
			text:       "The council met on Tuesday to vote on the plan.\n\nIt passed.",
			paragraphs: []string{"The council met on Tuesday to vote on the plan.", "It passed."},
		},
		{
			name:       "capitals and a dash later on are not a dateline",
			text:       "It passed.\n\nLONDON -- not a dateline here.",
			paragraphs: []string{"It passed.", "LONDON -- not a dateline here."},
		},
		{
			name:       "editorial notes: parenthesised is furniture, inline is content",
			text:       "It passed.\n\n(Note: This column also appears in print.)\n\nEditor's note: the mayor has pledged to resign.",
			furniture:  []string{"notice: (Note: This column also appears in print.)"},
			paragraphs: []string{"It passed.", "Editor's note: the mayor has pledged to resign."},
		},
		{
			name:       "white space and no-break spaces around lines",
			text:       "  \u00a0Lede.\u00a0 \n\t \nBody.\t",
			paragraphs: []string{"Lede.", "Body."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := Analyze(tt.text, tt.title)
			checkInvariants(t, doc)
			var gotTitle string
			if doc.Title != nil {
				gotTitle = doc.Title.Text
			}
			if gotTitle != tt.wantTitle {
				t.Errorf("title = %q, want %q", gotTitle, tt.wantTitle)
			}
			var furniture, paragraphs []string
			for _, f := range doc.Furniture {
				furniture = append(furniture, f.Reason+": "+f.Text)
			}
			for _, p := range doc.Paragraphs {
				paragraphs = append(paragraphs, p.Text)
			}
			if !slices.Equal(furniture, tt.furniture) {
				t.Errorf("furniture =\n%q\nwant\n%q", furniture, tt.furniture)
			}
			if !slices.Equal(paragraphs, tt.paragraphs) {
				t.Errorf("paragraphs =\n%q\nwant\n%q", paragraphs, tt.paragraphs)
			}
		})
	}
}

// TestSeed checks the founding sample: its six furniture lines (the
// notice, the headline as title, the image label, the caption under it and
// its glued credit, two related links) and nothing else.
func TestSeed(t *testing.T) {
	text := readOrSkip(t, filepath.Join(dataDir, "seed", "000_a9fb59798dae7119.txt"))
	doc := Analyze(text, "")
	checkInvariants(t, doc)
	if doc.Title == nil || doc.Title.Text != "Trump Defends Sessions Over Russia Controversy, Lashes Out at Democrats" {
		t.Errorf("title = %+v", doc.Title)
	}
	want := []struct{ reason, prefix string }{
		{Notice, "IE 11 is not supported."},
		{Caption, "Image: Sen. Jeff Sessions is sworn in"},
		{Caption, "Sen. Jeff Sessions is sworn in before the Senate Judiciary Committee during"},
		{Credit, "Chip Somodevilla / Getty Images, file"},
		{Link, "Related: Attorney General Sessions Recuses Himself"},
		{Link, "Related: At Heart of Russia Crisis"},
	}
	if len(doc.Furniture) != len(want) {
		t.Fatalf("got %d furniture spans, want %d: %+v", len(doc.Furniture), len(want), doc.Furniture)
	}
	for i, w := range want {
		if f := doc.Furniture[i]; f.Reason != w.reason || !strings.HasPrefix(f.Text, w.prefix) {
			t.Errorf("furniture %d = %s %q, want %s %q...", i, f.Reason, f.Text, w.reason, w.prefix)
		}
	}
	if !strings.HasSuffix(doc.Furniture[2].Text, "Attorney General.") {
		t.Errorf("caption does not end before its credit: %q", doc.Furniture[2].Text)
	}
	// Every other line is content: 12 paragraphs, the first being the lede.
	if len(doc.Paragraphs) != 12 || !strings.HasPrefix(doc.Paragraphs[0].Text, "The president defended Sessions") {
		t.Errorf("got %d paragraphs, want 12 starting with the lede", len(doc.Paragraphs))
	}
}

// TestSample checks the repository's demo article.
func TestSample(t *testing.T) {
	text := readOrSkip(t, "../testdata/sample.txt")
	doc := Analyze(text, "")
	checkInvariants(t, doc)
	if doc.Title == nil || doc.Title.Text != "Varga Defends Harbour Deal, Accuses Critics of Scaremongering" {
		t.Errorf("title = %+v", doc.Title)
	}
	var reasons []string
	for _, f := range doc.Furniture {
		reasons = append(reasons, f.Reason)
	}
	want := []string{Notice, Caption, Caption, Credit, Link, Link}
	if !slices.Equal(reasons, want) {
		t.Errorf("furniture reasons = %v, want %v", reasons, want)
	}
	if doc.Furniture[3].Text != "Tomas Reiner / Valdoria Press Agency" {
		t.Errorf("credit = %q", doc.Furniture[3].Text)
	}
	if len(doc.Paragraphs) != 15 {
		t.Errorf("got %d paragraphs, want 15", len(doc.Paragraphs))
	}
}

// TestGoldQuotesAreNotFurniture measures precision on real scraped
// articles: no human-annotated quote (GGT) or attributed content (PolNeAR)
// may overlap furniture. It logs what was removed, by reason.
func TestGoldQuotesAreNotFurniture(t *testing.T) {
	type fragment struct {
		Start int `json:"start_byte"`
		End   int `json:"end_byte"`
	}
	type article struct {
		ID      string
		Text    string
		Title   string
		Primary *bool
		Quotes  []struct {
			QuoteSpan *fragment `json:"quote_span"`
		}
		Attributions []struct {
			Content struct{ Fragments []fragment }
		}
	}
	for _, path := range []string{"ggt-dev/ggt_dev.jsonl", "polnear/polnear-dev.jsonl", "polnear/polnear-train.jsonl"} {
		t.Run(path, func(t *testing.T) {
			f, err := os.Open(filepath.Join(dataDir, path))
			if err != nil {
				t.Skip(err)
			}
			defer f.Close()
			counts := map[string]int{}
			sc := bufio.NewScanner(f)
			sc.Buffer(nil, 16<<20)
			for sc.Scan() {
				var a article
				if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
					t.Fatal(err)
				}
				if a.Primary != nil && !*a.Primary {
					continue
				}
				var gold []fragment
				for _, q := range a.Quotes {
					if q.QuoteSpan != nil {
						gold = append(gold, *q.QuoteSpan)
					}
				}
				for _, at := range a.Attributions {
					gold = append(gold, at.Content.Fragments...)
				}
				doc := Analyze(a.Text, a.Title)
				checkInvariants(t, doc)
				for _, fu := range doc.Furniture {
					counts[fu.Reason]++
					t.Logf("%s %s %.100q", a.ID, fu.Reason, fu.Text)
					for _, g := range gold {
						if g.Start < fu.End && g.End > fu.Start {
							t.Errorf("%s: gold span %q overlaps %s furniture %q", a.ID, a.Text[g.Start:g.End], fu.Reason, fu.Text)
						}
					}
				}
			}
			if err := sc.Err(); err != nil {
				t.Fatal(err)
			}
			t.Logf("furniture by reason: %v", counts)
		})
	}
}

func readOrSkip(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skip(err)
	}
	return string(b)
}

// checkInvariants checks that every span is exact, that title, furniture
// and paragraphs are sorted and never overlap, and that together they
// cover every non-space byte: nothing is dropped silently.
func checkInvariants(t *testing.T, doc *Document) {
	t.Helper()
	type part struct {
		start, end int
		text, what string
	}
	var parts []part
	if doc.Title != nil {
		parts = append(parts, part{doc.Title.Start, doc.Title.End, doc.Title.Text, "title"})
	}
	for _, f := range doc.Furniture {
		parts = append(parts, part{f.Start, f.End, f.Text, f.Reason})
	}
	for _, p := range doc.Paragraphs {
		parts = append(parts, part{p.Start, p.End, p.Text, "paragraph"})
	}
	for i := 1; i < len(doc.Furniture); i++ {
		if doc.Furniture[i].Start < doc.Furniture[i-1].End {
			t.Errorf("furniture %d out of order or overlapping", i)
		}
	}
	for i := 1; i < len(doc.Paragraphs); i++ {
		if doc.Paragraphs[i].Start < doc.Paragraphs[i-1].End {
			t.Errorf("paragraph %d out of order or overlapping", i)
		}
	}
	slices.SortFunc(parts, func(a, b part) int { return a.start - b.start })
	covered := 0
	for _, p := range parts {
		if p.start < 0 || p.end > len(doc.Text) || p.start >= p.end || doc.Text[p.start:p.end] != p.text {
			t.Fatalf("bad %s span [%d,%d) %q", p.what, p.start, p.end, p.text)
		}
		if p.start < covered {
			t.Fatalf("%s span [%d,%d) overlaps the previous one", p.what, p.start, p.end)
		}
		if gap := doc.Text[covered:p.start]; !isAllSpace(gap) {
			t.Fatalf("text %q before %s span is dropped", gap, p.what)
		}
		covered = p.end
	}
	if gap := doc.Text[covered:]; !isAllSpace(gap) {
		t.Fatalf("trailing text %q is dropped", gap)
	}
}

func isAllSpace(s string) bool {
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if !unicode.IsSpace(r) {
			return false
		}
		s = s[size:]
	}
	return true
}

func FuzzAnalyze(f *testing.F) {
	f.Add("IE 11 is not supported.\n\nA Short Headline Here\n\nBody \"text,\" he said.", "")
	f.Add("\r\n\r\nJane Roe, The Canadian Press\r\n\r\nOTTAWA -- Body.\r\n", "")
	f.Add("Open this photo in gallery A cat.Ben Doe/AP\nImage: x\nx y.A B / C", "x")
	f.Add("Title here.\n\nBody", "Title  here")
	f.Add("\xff\xfe\x00\n\u00a0\u2028---\n", "\xff")
	f.Fuzz(func(t *testing.T, text, title string) {
		checkInvariants(t, Analyze(text, title))
	})
}

func BenchmarkAnalyze(b *testing.B) {
	text, err := os.ReadFile("../testdata/sample.txt")
	if err != nil {
		b.Skip(err)
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Analyze(string(text), "")
	}
}

func TestBlocks(t *testing.T) {
	title := &whosaid.Span{Start: 20, End: 40}
	paras := []whosaid.Span{{Start: 0, End: 10}, {Start: 50, End: 60}}
	tests := []struct {
		name      string
		doc       Document
		withTitle bool
		want      []whosaid.Span
	}{
		{"no title", Document{Paragraphs: paras}, true, paras},
		{"title not asked for", Document{Title: title, Paragraphs: paras}, false, paras},
		{"title in text order", Document{Title: title, Paragraphs: paras}, true, []whosaid.Span{paras[0], *title, paras[1]}},
		{"title first", Document{Title: &whosaid.Span{Start: 0, End: 5}, Paragraphs: paras[1:]}, true, []whosaid.Span{{Start: 0, End: 5}, paras[1]}},
	}
	for _, tt := range tests {
		if got := tt.doc.Blocks(tt.withTitle); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
	if len(paras) != 2 || paras[1].Start != 50 {
		t.Error("Blocks changed the paragraphs")
	}
}
