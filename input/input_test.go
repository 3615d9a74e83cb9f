package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
)

var defaultDate = time.Date(2020, 5, 4, 0, 0, 0, 0, time.UTC)

func collect(t *testing.T, name string, r io.Reader) ([]whosaid.Article, error) {
	t.Helper()
	var articles []whosaid.Article
	for a, err := range Stream(name, r, defaultDate) {
		if err != nil {
			return articles, err
		}
		articles = append(articles, a)
	}
	return articles, nil
}

func TestStream(t *testing.T) {
	published := time.Date(2017, 3, 2, 0, 0, 0, 0, time.UTC)
	stamp := time.Date(2017, 3, 2, 15, 4, 5, 0, time.FixedZone("", -5*3600))
	tests := []struct {
		name  string
		file  string
		input string
		want  []whosaid.Article
		empty int // documents skipped for having no text
	}{
		{
			name:  "plain text kept byte for byte",
			file:  "a.txt",
			input: "\uFEFFHeadline\r\n\r\nBody said.  \n",
			want:  []whosaid.Article{{ID: "a.txt", Text: "\uFEFFHeadline\r\n\r\nBody said.  \n", Published: defaultDate}},
		},
		{
			name:  "empty file skipped",
			file:  "empty.txt",
			input: "",
			empty: 1,
		},
		{
			name:  "blank lines only skipped",
			file:  "blank",
			input: "\n \n\t\n",
			empty: 1,
		},
		{
			name:  "invalid UTF-8 is still text",
			file:  "latin1.txt",
			input: "Caf\xe9 owner said no.\n",
			want:  []whosaid.Article{{ID: "latin1.txt", Text: "Caf\xe9 owner said no.\n", Published: defaultDate}},
		},
		{
			name:  "text starting with a brace",
			file:  "brace.txt",
			input: "{not json} he said.\n{\"text\": \"x\"}\n",
			want:  []whosaid.Article{{ID: "brace.txt", Text: "{not json} he said.\n{\"text\": \"x\"}\n", Published: defaultDate}},
		},
		{
			name:  "sniffed JSON Lines with defaults and fields",
			file:  "-",
			input: "\n{\"text\": \"one\"}\r\n\n{\"id\": \"doc-7\", \"text\": \"two\", \"title\": \"T\", \"url\": \"https://example.com/a\", \"published\": \"2017-03-02\", \"extra\": [1]}\n{\"id\": 42, \"text\": \"three\", \"published\": \"2017-03-02T15:04:05-05:00\"}",
			want: []whosaid.Article{
				{ID: "2", Text: "one", Published: defaultDate},
				{ID: "doc-7", Text: "two", Title: "T", URL: "https://example.com/a", Published: published},
				{ID: "42", Text: "three", Published: stamp},
			},
		},
		{
			name: "news-please's field names (CC-NEWS dumps)",
			file: "ccnews.jsonl",
			input: `{"authors": ["Ann Lee"], "date_publish": "2019-04-10 12:30:00", "maintext": "one", "source_domain": "ledger.example", "title": "T", "url": "https://ledger.example/a"}` + "\n" +
				`{"date_publish": null, "maintext": "two", "text": "three"}`,
			want: []whosaid.Article{
				{ID: "1", Text: "one", Title: "T", URL: "https://ledger.example/a", Site: "ledger.example", Published: time.Date(2019, 4, 10, 12, 30, 0, 0, time.UTC)},
				{ID: "2", Text: "three", Published: defaultDate},
			},
		},
		{
			name:  "outlet and site kept, trimmed",
			file:  "o.jsonl",
			input: "{\"id\": \"o1\", \"text\": \"one\", \"outlet\": \" Harbour Ledger \", \"site\": \"ledger.example\"}\n",
			want:  []whosaid.Article{{ID: "o1", Text: "one", Outlet: "Harbour Ledger", Site: "ledger.example", Published: defaultDate}},
		},
		{
			name:  "URL that is not http or https dropped",
			file:  "in.jsonl",
			input: `{"text": "a", "url": "javascript:alert(1)"}`,
			want:  []whosaid.Article{{ID: "1", Text: "a", Published: defaultDate}},
		},
		{
			name:  "BOM before the first record",
			file:  "data",
			input: "\uFEFF{\"text\": \"a\\u00e9\"}\n",
			want:  []whosaid.Article{{ID: "1", Text: "a\u00e9", Published: defaultDate}},
		},
		{
			name:  "jsonl extension with no records",
			file:  "x.jsonl",
			input: "\n\n",
		},
		{
			name:  "ndjson extension, a blank record skipped",
			file:  "x.NDJSON",
			input: "{\"text\": \" \\n\"}\n{\"text\": \"b\"}",
			want:  []whosaid.Article{{ID: "2", Text: "b", Published: defaultDate}},
			empty: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []whosaid.Article
			empty := 0
			for a, err := range Stream(tt.file, strings.NewReader(tt.input), defaultDate) {
				switch {
				case errors.Is(err, ErrSkipped) && errors.Is(err, ErrEmpty):
					empty++
				case err != nil:
					t.Fatal(err)
				default:
					got = append(got, a)
				}
			}
			if empty != tt.empty {
				t.Errorf("%d documents skipped as empty, want %d", empty, tt.empty)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d articles %+v, want %d", len(got), got, len(tt.want))
			}
			for i := range got {
				if !equalArticles(got[i], tt.want[i]) {
					t.Errorf("article %d = %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// equalArticles compares articles, with times compared as instants.
func equalArticles(a, b whosaid.Article) bool {
	if !a.Published.Equal(b.Published) {
		return false
	}
	a.Published, b.Published = time.Time{}, time.Time{}
	return a == b
}

func TestStreamErrors(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		input   string
		wantErr []string // substrings of the error
		wantN   int      // articles yielded before the error
	}{
		{"NUL bytes", "photo.jpg", "\xff\xd8\xff\xe0\x00\x10JFIF\x00", []string{"photo.jpg", "not a text file", "NUL"}, 0},
		{"control characters", "blob", strings.Repeat("\x01\x02\x03abc", 100), []string{"blob", "not a text file"}, 0},
		{"bad line after good ones", "in.jsonl", "{\"text\": \"a\"}\n\n{\"text\": \"b\"\n", []string{"in.jsonl:3", "bad JSON Lines record"}, 1},
		{"missing text", "in.jsonl", `{"id": "x"}`, []string{"in.jsonl:1", `missing "text"`}, 0},
		{"sniffed then bad", "data", "{\"text\": \"a\"}\nplain prose\n", []string{"data:2", "not a JSON object"}, 1},
		{"bad id", "in.jsonl", `{"id": [1], "text": "a"}`, []string{"in.jsonl:1", `"id" must be`}, 0},
		{"bad date", "in.jsonl", `{"text": "a", "published": "March 2"}`, []string{"in.jsonl:1", `bad publication date "March 2"`}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := collect(t, tt.file, strings.NewReader(tt.input))
			if err == nil {
				t.Fatalf("no error; got %+v", got)
			}
			for _, want := range tt.wantErr {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not contain %q", err, want)
				}
			}
			if len(got) != tt.wantN {
				t.Errorf("got %d articles before the error, want %d", len(got), tt.wantN)
			}
		})
	}
}

// TestBadRecordsLoseNothingElse checks that each bad JSON Lines record is
// reported with its line and the good records around it are all read.
func TestBadRecordsLoseNothingElse(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		input    string
		wantIDs  []string
		badLines []int
	}{
		{"malformed line among good ones", "in.jsonl", "{\"text\": \"a\"}\n{\"text\": \"b\"\n{\"text\": \"c\"}\n", []string{"1", "3"}, []int{2}},
		{"record without text", "in.jsonl", "{\"id\": \"x\"}\n{\"text\": \"b\"}\n", []string{"2"}, []int{1}},
		{"bad fields", "in.jsonl", "{\"id\": [1], \"text\": \"a\"}\n{\"text\": \"b\", \"published\": \"May\"}\n{\"text\": \"c\"}", []string{"3"}, []int{1, 2}},
		{"sniffed, then prose", "data", "{\"text\": \"a\"}\nplain prose\n{\"text\": \"c\"}\n", []string{"1", "3"}, []int{2}},
		{"every record bad", "in.jsonl", "{\n[\n", nil, []int{1, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ids []string
			var lines []int
			skipped := func(e *RecordError) {
				if e.File != tt.file || !strings.Contains(e.Error(), tt.file) {
					t.Errorf("error %q does not name the file %s", e, tt.file)
				}
				lines = append(lines, e.Line)
			}
			for a, err := range SkipBad(Stream(tt.file, strings.NewReader(tt.input), time.Time{}), skipped) {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				ids = append(ids, a.ID)
			}
			if strings.Join(ids, ",") != strings.Join(tt.wantIDs, ",") {
				t.Errorf("read %q, want %q", ids, tt.wantIDs)
			}
			if fmt.Sprint(lines) != fmt.Sprint(tt.badLines) {
				t.Errorf("bad lines %v, want %v", lines, tt.badLines)
			}
		})
	}
}

// TestLargeInputs checks a long JSONL line and a large text file are read,
// and a document over MaxDocumentSize is refused with a clear error.
func TestLargeInputs(t *testing.T) {
	long := strings.Repeat("The mayor said no. ", 50_000) // ~1 MB line
	got, err := collect(t, "long.jsonl", strings.NewReader(`{"text": "`+long+`"}`+"\n"))
	if err != nil || len(got) != 1 || got[0].Text != long {
		t.Fatalf("long JSONL line: %d articles, err %v", len(got), err)
	}

	big := io.LimitReader(repeatReader("Officials said the bridge would reopen.\n"), 50<<20)
	got, err = collect(t, "big.txt", big)
	if err != nil || len(got) != 1 || len(got[0].Text) != 50<<20 {
		t.Fatalf("50 MB text: %d articles, err %v", len(got), err)
	}

	tooBig := io.LimitReader(repeatReader("word "), MaxDocumentSize+1)
	if _, err := collect(t, "huge.txt", tooBig); err == nil || !strings.Contains(err.Error(), "huge.txt") || !strings.Contains(err.Error(), "longer than") {
		t.Errorf("oversized text: err = %v", err)
	}
}

// repeatReader endlessly repeats s.
type repeatReader string

func (s repeatReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		n += copy(p[n:], s)
	}
	return n, nil
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	textPath := filepath.Join(dir, "article.txt")
	jsonlPath := filepath.Join(dir, "articles.jsonl")
	if err := os.WriteFile(textPath, []byte("Title\n\nBody.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(jsonlPath, []byte("{\"text\": \"a\"}\n{\"text\": \"b\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	got, err := ReadFile(textPath, defaultDate)
	if err != nil || len(got) != 1 || got[0].ID != textPath || got[0].Text != "Title\n\nBody.\n" || !got[0].Published.Equal(defaultDate) {
		t.Errorf("ReadFile(text) = %+v, %v", got, err)
	}
	got, err = ReadFile(jsonlPath, time.Time{})
	if err != nil || len(got) != 2 || got[1].ID != "2" || got[1].Text != "b" {
		t.Errorf("ReadFile(jsonl) = %+v, %v", got, err)
	}
	if _, err := ReadFile(filepath.Join(dir, "missing.txt"), time.Time{}); err == nil || !strings.Contains(err.Error(), "missing.txt") {
		t.Errorf("missing file: err = %v", err)
	}

	// Stopping early closes the file without error.
	for a, err := range Articles(jsonlPath, time.Time{}) {
		if err != nil || a.Text != "a" {
			t.Errorf("first article = %+v, %v", a, err)
		}
		break
	}
}

func TestParsePublished(t *testing.T) {
	tests := []struct {
		in      string
		want    time.Time
		wantErr bool
	}{
		{"2017-03-02", time.Date(2017, 3, 2, 0, 0, 0, 0, time.UTC), false},
		{" 2017-03-02 ", time.Date(2017, 3, 2, 0, 0, 0, 0, time.UTC), false},
		{"2017-03-02T10:00:00Z", time.Date(2017, 3, 2, 10, 0, 0, 0, time.UTC), false},
		{"2017-03-02 10:00:00", time.Date(2017, 3, 2, 10, 0, 0, 0, time.UTC), false},
		{"2017-03-02T10:00:00.5+01:00", time.Date(2017, 3, 2, 9, 0, 0, 5e8, time.UTC), false},
		{"02/03/2017", time.Time{}, true},
		{"", time.Time{}, true},
	}
	for _, tt := range tests {
		got, err := ParsePublished(tt.in)
		if (err != nil) != tt.wantErr || !got.Equal(tt.want) {
			t.Errorf("ParsePublished(%q) = %v, %v; want %v (error %v)", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func FuzzStream(f *testing.F) {
	f.Add([]byte("Headline\n\nText said.\n"))
	f.Add([]byte("{\"id\": 3, \"text\": \"a\"}\n\n{\"text\": \"b\", \"published\": \"2017-03-02\"}"))
	f.Add([]byte("\uFEFF{\"text\": null}"))
	f.Add([]byte("\x00\x01"))
	f.Add([]byte("{\"text\": \"a\"}\r\n{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var articles []whosaid.Article
		var failed bool
		for a, err := range Stream("fuzz", bytes.NewReader(data), time.Time{}) {
			if err != nil {
				if !strings.Contains(err.Error(), "fuzz") {
					t.Errorf("error %q does not name the input", err)
				}
				failed = failed || !isRecordError(err) && !errors.Is(err, ErrSkipped)
				continue
			}
			if failed {
				t.Fatal("article yielded after an error that is not a bad record")
			}
			articles = append(articles, a)
		}
		if len(articles) == 1 && articles[0].ID == "fuzz" && articles[0].Text != string(data) {
			t.Errorf("plain text changed: %q -> %q", data, articles[0].Text)
		}
	})
}

// TestASCIILettersAreLatin backs notEnglish's shortcut: an ASCII letter is
// never of another script.
func TestASCIILettersAreLatin(t *testing.T) {
	for r := range rune(utf8.RuneSelf) {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			t.Errorf("%q is a letter outside unicode.Latin", r)
		}
	}
}
