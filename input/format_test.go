package input

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"

	"github.com/whosaid/whosaid"
)

const englishText = "The minister said on Monday that the new harbour would open in the spring, and that the city had waited too long for it. " +
	"She told reporters that there was no reason for any more delay, because the money had been found and the work was done."

func TestDetect(t *testing.T) {
	tests := []struct {
		name, file, head string
		want             Format
	}{
		{"text", "a.txt", "Headline\n\nBody.", Text},
		{"jsonl by content", "a", `{"text": "x"}`, JSONL},
		{"jsonl by extension", "a.jsonl.gz", "not json", JSONL},
		{"html doctype", "a", "\uFEFF  <!DOCTYPE html><html>", HTML},
		{"html without doctype", "page.txt", "<html lang=en><head>", HTML},
		{"html fragment of a page", "a", "<div><meta charset=utf-8><title>x</title>", HTML},
		{"markup that is no page", "a", "<b>bold</b> text", Text},
		{"warc", "a.html", "WARC/1.0\r\nWARC-Type: warcinfo", WARC},
		{"binary named .html", "a.html", "\x00\x01\x02PK", Text},
		{"empty", "a.html", "", Text},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect(tt.file, []byte(tt.head)); got != tt.want {
				t.Errorf("Detect(%q, %q) = %s, want %s", tt.file, tt.head, got, tt.want)
			}
		})
	}
}

func gzipped(t testing.TB, members ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	for _, m := range members {
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(m))
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return b.Bytes()
}

func zstded(t testing.TB, s string) []byte {
	t.Helper()
	zw, err := zstd.NewWriter(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer zw.Close()
	return zw.EncodeAll([]byte(s), nil)
}

func warcPage(uri, html string) string { return warcPageTyped(uri, "text/html", html) }

func warcPageTyped(uri, contentType, html string) string {
	resp := "HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\n\r\n" + html
	return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri + "\r\nWARC-Date: 2024-01-02T03:04:05Z\r\n" +
		"Content-Type: application/http; msgtype=response\r\nContent-Length: " + strconv.Itoa(len(resp)) + "\r\n\r\n" + resp + "\r\n\r\n"
}

const pageHTML = `<!DOCTYPE html><html lang="en"><head><title>Harbour to open</title></head><body><nav>Home News</nav>` +
	`<article><h1>Harbour to open</h1><p>` + englishText + `</p><p>` + englishText + `</p></article><footer>© Site</footer></body></html>`

// load reads the documents of name and loads each, returning the texts and
// the errors as strings.
func load(t *testing.T, name string, data []byte, opts Options) (texts, errs []string) {
	t.Helper()
	for d, err := range StreamDocuments(name, bytes.NewReader(data), opts) {
		var a whosaid.Article
		if err == nil {
			a, err = d.Load(opts)
		}
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		texts = append(texts, a.ID+": "+a.Text[:min(len(a.Text), 12)])
	}
	return texts, errs
}

func TestStreamDocumentsFormats(t *testing.T) {
	jsonl := `{"id":"a","text":"` + englishText + `"}` + "\n" + `{"id":"b","text":"` + englishText + `"}` + "\n"
	warc := warcPage("https://n.example/1", pageHTML) + warcPage("https://n.example/2", pageHTML)
	tests := []struct {
		name      string
		file      string
		data      []byte
		wantTexts []string
		wantErrs  int
	}{
		{"jsonl on stdin", Stdin, []byte(jsonl), []string{"a: The minister", "b: The minister"}, 0},
		{"jsonl.gz", "x.jsonl.gz", gzipped(t, jsonl), []string{"a: The minister", "b: The minister"}, 0},
		{"jsonl, two gzip members", Stdin, gzipped(t, jsonl[:len(jsonl)/2+1], jsonl[len(jsonl)/2+1:]), []string{"a: The minister", "b: The minister"}, 0},
		{"jsonl.zst", "x.zst", zstded(t, jsonl), []string{"a: The minister", "b: The minister"}, 0},
		{"text.gz", "a.txt.gz", gzipped(t, englishText), []string{"a.txt.gz: The minister"}, 0},
		{"html", "p.html", []byte(pageHTML), []string{"p.html: Harbour to o"}, 0},
		{"html.gz on stdin", Stdin, gzipped(t, pageHTML), []string{"-: Harbour to o"}, 0},
		{"warc", "c.warc", []byte(warc), []string{"https://n.example/1: Harbour to o", "https://n.example/2: Harbour to o"}, 0},
		{"warc.gz, a member per record", "c.warc.gz", gzipped(t, warcPage("https://n.example/1", pageHTML), warcPage("https://n.example/2", pageHTML)),
			[]string{"https://n.example/1: Harbour to o", "https://n.example/2: Harbour to o"}, 0},
		{"warc.zst", "c.warc.zst", zstded(t, warc), []string{"https://n.example/1: Harbour to o", "https://n.example/2: Harbour to o"}, 0},
		{"binary named .html", "x.html", []byte("\x00\x01\x02\x03binary"), nil, 1},
		{"truncated gzip", "x.jsonl.gz", gzipped(t, jsonl)[:40], nil, 1},
		{"bad gzip header", "x.gz", []byte{0x1f, 0x8b, 0, 0, 0}, nil, 1},
		{"not English", "de.txt", []byte(strings.Repeat("Der Minister sagte am Montag, dass der neue Hafen im Frühjahr öffnen werde. ", 8)), nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			texts, errs := load(t, tt.file, tt.data, Options{})
			if strings.Join(texts, "|") != strings.Join(tt.wantTexts, "|") {
				t.Errorf("texts %q, want %q", texts, tt.wantTexts)
			}
			if len(errs) != tt.wantErrs {
				t.Errorf("errors %q, want %d", errs, tt.wantErrs)
			}
			for _, e := range errs {
				if !strings.Contains(e, tt.file) {
					t.Errorf("error %q does not name the input %q", e, tt.file)
				}
			}
		})
	}
}

// TestWARCPageCharsetFromHTTP checks that a crawled page that declares no
// charset is decoded by the one its HTTP response names, which a guess
// from a few bytes would miss: the boat "\xcc\xee\xf0\xe5" (Море, in
// windows-1251) reads as Latin-1 too.
func TestWARCPageCharsetFromHTTP(t *testing.T) {
	page := `<html lang="en"><head><title>Harbour</title></head><body><article><p>` + englishText +
		" The new ferry is called \xcc\xee\xf0\xe5.</p><p>" + englishText + `</p></article></body></html>`
	record := warcPageTyped("https://n.example/1", "text/html; charset=windows-1251", page)
	n := 0
	for d, err := range StreamDocuments("c.warc", strings.NewReader(record), Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		a, err := d.Load(Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Text, "called Море.") {
			t.Errorf("not decoded as windows-1251: %q", a.Text)
		}
	}
	if n != 1 {
		t.Errorf("%d documents, want 1", n)
	}
}

func TestLangAny(t *testing.T) {
	german := []byte(strings.Repeat("Der Minister sagte am Montag, dass der neue Hafen im Frühjahr öffnen werde. ", 8))
	_, errs := load(t, "de.txt", german, Options{})
	if len(errs) != 1 || !strings.Contains(errs[0], "not English") {
		t.Fatalf("errors %q", errs)
	}
	_, err := Document{Article: whosaid.Article{ID: "de.txt", Text: string(german)}}.Load(Options{})
	if !errors.Is(err, ErrSkipped) || !errors.Is(err, ErrNotEnglish) {
		t.Errorf("Load: %v, want ErrSkipped and ErrNotEnglish", err)
	}
	texts, errs := load(t, "de.txt", german, Options{AnyLang: true})
	if len(texts) != 1 || len(errs) != 0 {
		t.Errorf("--lang any: texts %q, errors %q", texts, errs)
	}
}

func TestNotEnglish(t *testing.T) {
	tests := []struct {
		name string
		a    whosaid.Article
		want string
	}{
		{"english", whosaid.Article{Text: englishText}, ""},
		{"short text, no language", whosaid.Article{Text: "Der Hafen."}, ""},
		{"short text, declared", whosaid.Article{Text: "Der Hafen.", Lang: "de"}, "de"},
		{"declared wrongly, English words", whosaid.Article{Text: englishText, Lang: "fr"}, ""},
		{"french", whosaid.Article{Text: strings.Repeat("Le ministre a déclaré lundi que le nouveau port ouvrira au printemps. ", 6)}, "by its words"},
		{"chinese", whosaid.Article{Text: strings.Repeat("部长周一表示，新港口将于春季开放。", 10)}, "by its script"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := notEnglish(tt.a); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDocumentsWalksDirectories(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("b/2.txt", []byte(englishText))
	write("a.html", []byte(pageHTML))
	write("b/1.jsonl.gz", gzipped(t, `{"id":"j","text":"`+englishText+`"}`+"\n"))
	write(".hidden/x.txt", []byte(englishText))
	write("c/bad.html", []byte("\x00\x00binary"))
	var ids []string
	var errs []string
	for d, err := range Documents([]string{dir, filepath.Join(dir, "missing")}, nil, Options{}) {
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		a, err := d.Load(Options{})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, strings.TrimPrefix(a.ID, dir))
	}
	if want := "/a.html j /b/2.txt"; strings.Join(ids, " ") != want {
		t.Errorf("ids %q, want %q", ids, want)
	}
	if len(errs) != 2 || !strings.Contains(errs[0], "bad.html") || !strings.Contains(errs[1], "missing") {
		t.Errorf("errors %q", errs)
	}
}

func FuzzDetect(f *testing.F) {
	f.Add("a.html", []byte(pageHTML))
	f.Add("-", gzipped(f, `{"text":"x"}`))
	f.Add("a.warc.gz", gzipped(f, warcPage("u", pageHTML)))
	f.Add("a.zst", zstded(f, "text"))
	f.Add("x", []byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 1, 2})
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		for d, err := range StreamDocuments(name, bytes.NewReader(data), Options{}) {
			if err == nil {
				_, _ = d.Load(Options{}) // any error is fine, a panic is not
			}
		}
	})
}
