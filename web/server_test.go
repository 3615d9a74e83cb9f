package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/archive"
)

const token = "s3cret-token"

// testArticles holds a quote that tries HTML injection.
var testArticles = []whosaid.Article{
	{ID: "ledger-1", Published: time.Date(2024, 3, 2, 0, 0, 0, 0, time.UTC), URL: "https://example.org/1",
		Text: "Housing Row\n\nYour browser is not supported. Please update your browser.\n\n" +
			"\u201cEvery family deserves a warm and affordable home in this country,\u201d said Elena Varga, the finance minister.\n\n" +
			"\u201cThe harbour contract will pay for itself within a decade,\u201d Varga told reporters.\n"},
	{ID: "ledger-2", Published: time.Date(2024, 6, 9, 0, 0, 0, 0, time.UTC),
		Text: "Script Row\n\n\u201cThe <script>alert('x')</script> tag will not run here,\u201d said Tomas Reiner.\n"},
}

func seq(as []whosaid.Article) iter.Seq2[whosaid.Article, error] {
	return func(yield func(whosaid.Article, error) bool) {
		for _, a := range as {
			if !yield(a, nil) {
				return
			}
		}
	}
}

func newTestArchive(t testing.TB) (*archive.Archive, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "web.db")
	a, err := archive.Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	if _, err := a.Ingest(context.Background(), seq(testArticles), archive.IngestOptions{Workers: 1, BatchSize: 10}); err != nil {
		t.Fatal(err)
	}
	return a, path
}

func newTestServer(t testing.TB, opts Options) *httptest.Server {
	a, _ := newTestArchive(t)
	srv := httptest.NewServer(New(a, opts))
	t.Cleanup(srv.Close)
	return srv
}

func do(t testing.TB, method, url, auth, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if auth != "" {
		req.Header.Set("Authorization", "Bearer "+auth)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(data)
}

func TestAPI(t *testing.T) {
	srv := newTestServer(t, Options{WriteToken: token, MaxBodyBytes: 1 << 10})
	big := strings.Repeat("x", 2<<10)
	tests := []struct {
		name, method, path, auth, body string
		status                         int
		contains                       []string
		excludes                       []string
	}{
		{"search", "GET", "/api/search?q=harbour", "", "", 200, []string{`"name":"Elena Varga"`, `"cue":"told"`, `"sources":1`}, nil},
		{"search filters", "GET", "/api/search?q=family&speaker=Varga&since=2024-01-01&until=2024-12-31&type=direct&min_confidence=0.5", "", "", 200, []string{"affordable"}, nil},
		{"sql injection in query", "GET", "/api/search?q=" + urlq(`') OR 1=1; DROP TABLE statements; --`), "", "", 400, []string{"malformed query", `"position":2`}, nil},
		{"unclosed phrase", "GET", "/api/search?q=%22abc", "", "", 400, []string{`"position":1`, `expected a closing \"`}, nil},
		{"AND accepted", "GET", "/api/search?q=harbour%20AND%20contract", "", "", 200, []string{"harbour contract"}, nil},
		{"sql injection in speaker", "GET", "/api/search?speaker=" + urlq(`x' OR '1'='1`), "", "", 200, []string{`"results":[]`}, nil},
		{"sql injection in date", "GET", "/api/search?since=" + urlq(`2024' OR '1'='1`), "", "", 400, []string{"bad date"}, nil},
		{"bad said_since", "GET", "/api/search?said_since=" + urlq("last week"), "", "", 400, []string{"bad date"}, nil},
		{"about nobody spoken of", "GET", "/api/search?about=Varga&said_until=2024-12-31", "", "", 200, []string{`"results":[]`}, nil},
		{"bad type", "GET", "/api/search?type=" + urlq(`direct' --`), "", "", 400, []string{"bad statement type"}, nil},
		{"bad number", "GET", "/api/search?limit=ten", "", "", 400, []string{"bad number"}, nil},
		{"html escaped in JSON", "GET", "/api/search?q=script", "", "", 200, []string{`\u003cscript\u003e`}, []string{"<script>"}},
		{"speakers", "GET", "/api/speakers", "", "", 200, []string{"Elena Varga", "Tomas Reiner"}, nil},
		{"unknown speaker", "GET", "/api/speakers/999", "", "", 404, nil, nil},
		{"bad id", "GET", "/api/speakers/1%20OR%201=1", "", "", 400, nil, nil},
		{"article", "GET", "/api/articles/1", "", "", 200, []string{`"role":"furniture"`, `"role":"speaker"`, `"role":"cue"`}, nil},
		{"extract", "POST", "/api/extract", "", "\u201cWe will win,\u201d said Alma Moreau.", 200, []string{`"speaker_name":"Alma Moreau"`, `"article":null`}, nil},
		{"extract too large", "POST", "/api/extract", "", big, 413, nil, nil},
		{"ingest without token", "POST", "/api/ingest", "", "text", 401, nil, nil},
		{"ingest wrong token", "POST", "/api/ingest", "nope", "text", 401, nil, nil},
		{"ingest", "POST", "/api/ingest?id=new-1&published=2024-07-01", token, "\u201cThe ferries will run on time,\u201d said Alma Moreau.\n", 200, []string{`"Added":1`}, nil},
		{"ingest too large", "POST", "/api/ingest", token, big, 413, nil, nil},
		{"merge without token", "POST", "/api/aliases/merge", "", `{"name":"Tomas Reiner","into":"Elena Varga"}`, 401, nil, nil},
		{"merge unknown", "POST", "/api/aliases/merge", token, `{"name":"Nobody","into":"Elena Varga"}`, 404, nil, nil},
		{"merge bad body", "POST", "/api/aliases/merge", token, `{"name":`, 400, nil, nil},
		{"merge", "POST", "/api/aliases/merge", token, `{"name":"Tomas Reiner","into":"Elena Varga"}`, 200, nil, nil},
		{"split", "POST", "/api/aliases/split", token, `{"name":"Tomas Reiner"}`, 200, nil, nil},
		{"openapi", "GET", "/api/openapi.json", "", "", 200, []string{`"openapi": "3.1.0"`, "/api/search"}, nil},
		{"unknown endpoint", "GET", "/api/nothing", "", "", 404, nil, nil},
		{"ui", "GET", "/speakers/1", "", "", 200, []string{`<script src="/static/app.js"`}, nil},
		{"asset", "GET", "/static/app.js", "", "", 200, []string{"textContent"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := do(t, tt.method, srv.URL+tt.path, tt.auth, tt.body)
			if status != tt.status {
				t.Fatalf("status %d, want %d: %s", status, tt.status, body)
			}
			for _, c := range tt.contains {
				if !strings.Contains(body, c) {
					t.Errorf("body lacks %q: %.400s", c, body)
				}
			}
			for _, c := range tt.excludes {
				if strings.Contains(body, c) {
					t.Errorf("body contains %q: %.400s", c, body)
				}
			}
		})
	}
	// After the injection attempts every statement is still there.
	_, body := do(t, "GET", srv.URL+"/api/search?limit=100", "", "")
	var page struct{ Results []archive.Result }
	if err := json.Unmarshal([]byte(body), &page); err != nil {
		t.Fatal(err)
	}
	if len(page.Results) != 4 {
		t.Errorf("%d statements after the tests, want 4", len(page.Results))
	}
}

func urlq(s string) string {
	return strings.NewReplacer(" ", "%20", "'", "%27", ";", "%3B", "=", "%3D", "#", "%23").Replace(s)
}

func TestReadOnlyByDefault(t *testing.T) {
	srv := newTestServer(t, Options{})
	for _, path := range []string{"/api/ingest", "/api/aliases/merge", "/api/aliases/split"} {
		if status, _ := do(t, "POST", srv.URL+path, "anything", "{}"); status != http.StatusForbidden {
			t.Errorf("%s on a read-only server: status %d, want 403", path, status)
		}
	}
}

func TestArticleSegmentsCoverText(t *testing.T) {
	a, _ := newTestArchive(t)
	art, err := a.Article(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	view := newArticleView(&art.ArticleRef, art.Text, art.Record, art.StatementIDs, art.SpeakerIDs)
	var b strings.Builder
	roles := map[string]bool{}
	for _, s := range view.Segments {
		b.WriteString(s.Text)
		roles[s.Role] = true
	}
	if b.String() != art.Text {
		t.Error("segments do not add up to the article text")
	}
	for _, r := range []string{"content", "cue", "speaker", "furniture"} {
		if !roles[r] {
			t.Errorf("no %s segment", r)
		}
	}
}

// TestServesDuringIngest searches over HTTP while another connection
// ingests into the same archive file (WAL).
func TestServesDuringIngest(t *testing.T) {
	_, path := newTestArchive(t)
	readOnly, err := archive.Open(path, true)
	if err != nil {
		t.Fatal(err)
	}
	defer readOnly.Close()
	srv := httptest.NewServer(New(readOnly, Options{}))
	defer srv.Close()
	writer, err := archive.Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	bulk := make([]whosaid.Article, 200)
	for i := range bulk {
		bulk[i] = whosaid.Article{ID: fmt.Sprintf("bulk-%d", i),
			Text: fmt.Sprintf("Bulk\n\n\u201cBulletin number %d is out,\u201d said Alma Moreau.\n", i)}
	}
	done := make(chan error, 1)
	go func() {
		_, err := writer.Ingest(context.Background(), seq(bulk), archive.IngestOptions{Workers: 1, BatchSize: 5})
		done <- err
	}()
	requests := 0
	for finished := false; !finished; requests++ {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
			finished = true
		default:
		}
		for _, path := range []string{"/api/search?q=family", "/speakers", "/api/speakers"} {
			if status, body := do(t, "GET", srv.URL+path, "", ""); status != 200 {
				t.Fatalf("%s during ingest: %d %s", path, status, body)
			}
		}
	}
	if _, body := do(t, "GET", srv.URL+"/api/search?q=bulletin&limit=200", "", ""); strings.Count(body, "statement_id") != len(bulk) {
		t.Errorf("after ingest, %d bulletins found, want %d", strings.Count(body, "statement_id"), len(bulk))
	}
	t.Logf("%d rounds of requests during ingest", requests)
}
