package pipeline

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/input"
	"github.com/whosaid/whosaid/output"
	"github.com/whosaid/whosaid/statement"
)

// shared is where the evaluation data lives beside the repository.
const shared = "../../shared/data/"

// readTexts returns the article texts of a JSONL gold file, skipping the
// test when the shared data is absent.
func readTexts(tb testing.TB, path string) []whosaid.Article {
	tb.Helper()
	f, err := os.Open(shared + path)
	if err != nil {
		tb.Skipf("shared data absent: %v", err)
	}
	defer f.Close()
	var out []whosaid.Article
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		var rec struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		out = append(out, whosaid.Article{ID: rec.ID, Text: rec.Text})
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return out
}

// checkSpans verifies the output contract: every span's text is the
// document's bytes at its offsets.
func checkSpans(tb testing.TB, doc string, r whosaid.Record) {
	tb.Helper()
	check := func(what string, s *whosaid.Span) {
		if s != nil && (s.Start < 0 || s.End > len(doc) || s.Start > s.End || doc[s.Start:s.End] != s.Text) {
			tb.Fatalf("%s: %s span %+v does not match the text", r.ID, what, *s)
		}
	}
	check("title", r.Title)
	for _, f := range r.Furniture {
		check("furniture", &f.Span)
	}
	for _, st := range r.Statements {
		check("content", &st.Content)
		check("speaker", st.Speaker)
		if st.Cue != nil {
			check("cue", &st.Cue.Span)
		}
		if st.Confidence < 0 || st.Confidence > 1 {
			tb.Fatalf("%s: confidence %v out of [0, 1]", r.ID, st.Confidence)
		}
	}
	if r.Statements == nil || r.Furniture == nil {
		tb.Fatalf("%s: statements and furniture must be arrays, not null", r.ID)
	}
}

func TestSpansOnDevSets(t *testing.T) {
	for _, path := range []string{"ggt-dev/ggt_dev.jsonl", "polnear/polnear-dev.jsonl", "polnear/polnear-train.jsonl"} {
		t.Run(path, func(t *testing.T) {
			for _, a := range readTexts(t, path) {
				checkSpans(t, a.Text, Extract(a))
			}
		})
	}
}

// seedRows are rows 3–19 of ../shared/data/seed/EXPECTED.md: a fragment
// of the content and the canonical speaker ("" for the scare quote, which
// must yield no statement).
var seedRows = []struct {
	row      int
	fragment string
	speaker  string
}{
	{3, "could have been more accurate", "Donald Trump"},
	{4, "He did not say anything wrong", "Donald Trump"},
	{5, "he understood the question", "Jeff Sessions"},
	{6, "he should have answered differently", "Jeff Sessions"},
	{7, "In retrospect I should have slowed down", "Jeff Sessions"},
	{8, "he would recuse himself", "Jeff Sessions"},
	{9, "Sessions to resign", "Dozens of Congressional Democrats"},
	{10, "an honest man", "Donald Trump"},
	{11, "he didn’t do anything wrong", "Donald Trump"},
	{12, "a total witch hunt", "Donald Trump"},
	{13, "This whole narrative is a way of saving face", "Donald Trump"},
	{14, "They have lost their grip on reality.", "Donald Trump"},
	{15, "the real story is all of the illegal leaks", "Donald Trump"},
	{17, "those conversations included discussions", "Washington Post"},
	{18, "Flynn did nothing wrong", "Donald Trump"},
	{19, "I fired him because of what he said to Mike Pence.", "Donald Trump"},
}

func TestSeedArticle(t *testing.T) {
	path := shared + "seed/000_a9fb59798dae7119.txt"
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("seed article absent: %v", err)
	}
	doc := string(b)
	r := Extract(whosaid.Article{ID: "seed", Text: doc})
	checkSpans(t, doc, r)
	for _, row := range seedRows {
		found := false
		for _, st := range r.Statements {
			if strings.Contains(st.Content.Text, row.fragment) && st.SpeakerName != nil && strings.TrimPrefix(*st.SpeakerName, "The ") == row.speaker {
				found = true
			}
		}
		if !found {
			t.Errorf("row %d: no statement %q by %s", row.row, row.fragment, row.speaker)
		}
	}
	for _, st := range r.Statements {
		if strings.Contains(st.Content.Text, "“leaks”") && !strings.Contains(st.Content.Text, "illegal") {
			t.Errorf("row 16: the scare quote became a statement: %q", st.Content.Text)
		}
		for _, f := range r.Furniture {
			if st.Content.Start < f.End && f.Start < st.Content.End {
				t.Errorf("statement %q comes from furniture %q", st.Content.Text, f.Text)
			}
		}
		if r.Title != nil && st.Content.Start < r.Title.End && r.Title.Start < st.Content.End {
			t.Errorf("statement %q comes from the title", st.Content.Text)
		}
	}
	if len(r.Furniture) < 5 {
		t.Errorf("furniture: got %d spans, want the notice, caption lines, credit and two links", len(r.Furniture))
	}
}

func TestBadInput(t *testing.T) {
	tests := map[string]string{
		"empty":           "",
		"invalid utf-8":   "\xff\xfe\"abc\xc3 said \x80\"",
		"binary":          string([]byte{0, 1, 2, 3, 0xff, '"', 0, '\''}),
		"unclosed quote":  "\"This quote never closes, he said. And it goes on.\n\nAnd on.",
		"only marks":      strings.Repeat("\"'“”‘’", 1000),
		"long line":       strings.Repeat("word said that ", 20000),
		"many paragraphs": strings.Repeat("\"Q,\" he said.\n", 5000),
	}
	for name, doc := range tests {
		t.Run(name, func(t *testing.T) {
			checkSpans(t, doc, Extract(whosaid.Article{ID: name, Text: doc}))
		})
	}
}

func TestLargeInput(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	para := "\"The tide is turning,\" said Ana Ruiz, a councillor. She said the vote was close, according to the clerk. \"Unclosed, it runs on\n"
	doc := strings.Repeat(para, 50<<20/len(para))
	r := Extract(whosaid.Article{ID: "large", Text: doc})
	if len(r.Statements) == 0 {
		t.Fatal("no statements in a 50 MB article")
	}
}

// fuzzBudget is the time one fuzz input may take through the whole
// pipeline: inputs are small, so anything near it is a stage gone
// superlinear or a loop that does not end.
const fuzzBudget = 2 * time.Second

// FuzzPipeline runs input bytes through everything extract does: reading
// (plain text or JSON Lines), both scopes, both output formats. Every
// span must match the text and every input must finish within
// fuzzBudget. CI runs it for a few seconds (.ci/run); the inputs it found
// worth keeping are in testdata/fuzz/FuzzPipeline.
func FuzzPipeline(f *testing.F) {
	f.Add([]byte("IE 11 is not supported.\n\nHeadline Here\n\n\"Q,\" X said.\nRelated: more"), false)
	f.Add([]byte("According to officials, \"it\" was 'fine'."), true)
	f.Add([]byte(`{"id": 1, "text": "“We will win,” said Ana Ruiz.", "url": "javascript:x"}`+"\n{bad\n"+`{"text": "She said it was over."}`), false)
	f.Add([]byte("“‘“‘ a ’”’” (((( Alpha Beta Gamma said that that said"), true)
	ExtractAll(whosaid.Article{ID: "warm-up", Text: "\"Q,\" he said."}) // loads the models outside the budget
	f.Fuzz(func(t *testing.T, data []byte, all bool) {
		scope := statement.Speech
		if all {
			scope = statement.All
		}
		start := time.Now()
		var out bytes.Buffer
		jsonl, text := output.NewJSONL(&out), output.NewText(&out)
		skip := func(*input.RecordError) {}
		for a, err := range input.SkipBad(input.Stream("fuzz", bytes.NewReader(data), time.Time{}), skip) {
			if err != nil {
				continue // not text: refused with a message, nothing to extract
			}
			r := ExtractScope(a, scope)
			checkSpans(t, a.Text, r)
			if err := jsonl.Write(r); err != nil {
				t.Fatal(err)
			}
			if err := text.Write(r); err != nil {
				t.Fatal(err)
			}
		}
		if took := time.Since(start); took > fuzzBudget {
			t.Errorf("%d bytes took %v, over the budget of %v", len(data), took, fuzzBudget)
		}
	})
}

// benchArticles returns the GGT development articles for a benchmark of
// whole articles, with the embedded models already loaded, as in a
// running process.
func benchArticles(b *testing.B) []whosaid.Article {
	arts := readTexts(b, "ggt-dev/ggt_dev.jsonl")
	size := 0
	for _, a := range arts {
		size += len(a.Text)
	}
	b.SetBytes(int64(size))
	Extract(arts[0])
	return arts
}

func BenchmarkExtractGGT(b *testing.B) {
	arts := benchArticles(b)
	for b.Loop() {
		for _, a := range arts {
			r := Extract(a)
			if _, err := json.Marshal(r); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(arts))/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkRunGGT extracts the GGT development set on all cores through
// Run, the way the command line does.
func BenchmarkRunGGT(b *testing.B) {
	arts := benchArticles(b)
	for b.Loop() {
		src := func(yield func(whosaid.Article, error) bool) {
			for _, a := range arts {
				if !yield(a, nil) {
					return
				}
			}
		}
		err := Run(src, runtime.GOMAXPROCS(0), func(r whosaid.Record) error {
			_, err := json.Marshal(r)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*len(arts))/b.Elapsed().Seconds(), "articles/s")
}

func TestRunStopsAfterEmitError(t *testing.T) {
	read := 0
	src := func(yield func(whosaid.Article, error) bool) {
		for i := range 1000 {
			read++
			if !yield(whosaid.Article{ID: fmt.Sprint(i), Text: `"Q," she said.`}, nil) {
				return
			}
		}
	}
	want := errors.New("disk full")
	err := Run(src, 2, func(whosaid.Record) error { return want })
	if !errors.Is(err, want) {
		t.Fatalf("err = %v, want %v", err, want)
	}
	if read > 100 {
		t.Errorf("read %d articles after the first emit failed", read)
	}
}

func TestRunKeepsOrder(t *testing.T) {
	src := func(yield func(whosaid.Article, error) bool) {
		for i := range 200 {
			if !yield(whosaid.Article{ID: fmt.Sprint(i), Text: strings.Repeat(`"Q," she said. `, i%7)}, nil) {
				return
			}
		}
	}
	next := 0
	err := Run(src, 4, func(r whosaid.Record) error {
		if r.ID != fmt.Sprint(next) {
			return fmt.Errorf("record %s out of order, want %d", r.ID, next)
		}
		next++
		return nil
	})
	if err != nil || next != 200 {
		t.Fatalf("err %v after %d records", err, next)
	}
}

// TestHeadlineScope checks that a headline's attribution is found in the
// all scope, which PolNeAR annotates, and not in the speech scope, where
// the headline is only the title.
func TestHeadlineScope(t *testing.T) {
	a := whosaid.Article{ID: "headline", Title: "Harbour minister says ferry fares will rise next spring",
		Text: "Harbour minister says ferry fares will rise next spring\n\n" +
			"The harbour minister, Tilda Varga, spoke to reporters on Monday.\n\n" +
			"\u201cWe have no choice,\u201d Varga said.\n"}
	inTitle := func(r whosaid.Record) bool {
		if r.Title == nil {
			t.Fatal("no title found")
		}
		for _, st := range r.Statements {
			if st.Content.Start < r.Title.End {
				return true
			}
		}
		return false
	}
	if r := ExtractAll(a); !inTitle(r) {
		t.Errorf("all scope: no statement from the headline: %+v", r.Statements)
	}
	if r := Extract(a); inTitle(r) {
		t.Errorf("speech scope: a statement from the headline: %+v", r.Statements)
	}
}

// TestSeedGender checks the seed article's genders: its people are male
// by the article's own evidence, its organisations and groups have none.
func TestSeedGender(t *testing.T) {
	b, err := os.ReadFile(shared + "seed/000_a9fb59798dae7119.txt")
	if err != nil {
		t.Skipf("seed article absent: %v", err)
	}
	r := Extract(whosaid.Article{ID: "seed", Text: string(b)})
	want := map[string]string{"Donald Trump": "male", "Jeff Sessions": "male", "Michael Flynn": "male"}
	for _, e := range r.Entities {
		switch {
		case e.Kind != whosaid.Person && e.Gender != "":
			t.Errorf("%s %q has gender %q", e.Kind, e.Name, e.Gender)
		case want[e.Name] != "" && e.Gender != want[e.Name]:
			t.Errorf("%q: gender %q, want %q", e.Name, e.Gender, want[e.Name])
		}
		delete(want, e.Name)
	}
	for name := range want {
		t.Errorf("no entity %q", name)
	}
	spoke := map[string]bool{}
	for _, st := range r.Statements {
		name := ""
		if st.SpeakerName != nil {
			name = *st.SpeakerName
		}
		switch {
		case st.SpeakerKind != whosaid.Person && st.SpeakerGender != "":
			t.Errorf("%s speaker %q has gender %q", st.SpeakerKind, name, st.SpeakerGender)
		case name == "Donald Trump" || name == "Jeff Sessions":
			spoke[name] = true
			if st.SpeakerGender != "male" || st.GenderEvidence == "" {
				t.Errorf("%q: speaker_gender %q (%s), want male with its evidence", name, st.SpeakerGender, st.GenderEvidence)
			}
		}
	}
	if len(spoke) != 2 {
		t.Errorf("speakers with a gender: %v, want Trump and Sessions", spoke)
	}
}
