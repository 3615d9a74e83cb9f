package web

import (
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/whosaid/whosaid/internal/cputime"
)

// slowArticle returns an article of our own (testdata/sample.txt) repeated
// to size bytes: long enough that analysing it takes seconds.
func slowArticle(t *testing.T, size int) string {
	t.Helper()
	sample, err := os.ReadFile("../testdata/sample.txt")
	if err != nil {
		t.Fatal(err)
	}
	return strings.Repeat(string(sample), size/len(sample)+1)[:size]
}

// TestTimedOutExtractStopsWorking checks that the analysis of a request
// that ran out of time stops: within a second of the answer the process
// is idle again.
func TestTimedOutExtractStopsWorking(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	srv := newTestServer(t, Options{Timeout: 300 * time.Millisecond, MaxBodyBytes: 16 << 20, MaxExtractBytes: 16 << 20})
	start := time.Now()
	status, body := do(t, "POST", srv.URL+"/api/extract", "", slowArticle(t, 8<<20))
	if status != http.StatusServiceUnavailable {
		t.Fatalf("status %d, want 503: %.200s", status, body)
	}
	t.Logf("answered 503 after %v", time.Since(start).Round(time.Millisecond))
	time.Sleep(time.Second)
	before := cputime.Used(t)
	time.Sleep(time.Second)
	if used := cputime.Used(t) - before; used > 200*time.Millisecond {
		t.Errorf("%v of CPU used in the second after the timed-out request settled: its analysis went on", used)
	}
}

// TestExtractConcurrencyLimit checks that an analysis beyond the limit is
// refused at once with Retry-After rather than queued.
func TestExtractConcurrencyLimit(t *testing.T) {
	srv := newTestServer(t, Options{MaxExtracts: 1, MaxBodyBytes: 16 << 20, MaxExtractBytes: 16 << 20, Timeout: time.Minute})
	slow := slowArticle(t, 1<<20)
	done := make(chan int)
	go func() {
		req, _ := http.NewRequest("POST", srv.URL+"/api/extract", strings.NewReader(slow))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			done <- 0
			return
		}
		resp.Body.Close()
		done <- resp.StatusCode
	}()
	time.Sleep(300 * time.Millisecond) // the first analysis is running
	resp, err := http.Post(srv.URL+"/api/extract", "text/plain", strings.NewReader("\u201cHi,\u201d said Ana Ruiz."))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
		t.Errorf("second analysis: status %d, Retry-After %q; want 503 with Retry-After", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	if status := <-done; status != http.StatusOK {
		t.Errorf("first analysis: status %d, want 200", status)
	}
	// The first handler frees its place just after its answer is sent.
	status := 0
	for deadline := time.Now().Add(5 * time.Second); status != http.StatusOK && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		status, _ = do(t, "POST", srv.URL+"/api/extract", "", "\u201cHi,\u201d said Ana Ruiz.")
	}
	if status != http.StatusOK {
		t.Errorf("after the first finished: status %d, want 200", status)
	}
}

func TestExtractBodyLimit(t *testing.T) {
	srv := newTestServer(t, Options{MaxBodyBytes: 4 << 10, MaxExtractBytes: 1 << 10})
	if status, _ := do(t, "POST", srv.URL+"/api/extract", "", strings.Repeat("x ", 1<<10)); status != http.StatusRequestEntityTooLarge {
		t.Errorf("2 KB article over a 1 KB extract limit: status %d, want 413", status)
	}
}

// TestIngestKeepsGoodRecords checks that bad records are listed with their
// lines and the good ones stored.
func TestIngestKeepsGoodRecords(t *testing.T) {
	srv := newTestServer(t, Options{WriteToken: token})
	body := `{"id": "g1", "text": "\u201cThe pier reopens in May,\u201d said Alma Moreau.", "url": "javascript:alert(1)"}` + "\n" +
		`{"id": "bad", "text": ` + "\n" +
		`{"id": "g2", "text": "\u201cThe ferry is late,\u201d said Ben Ode.", "url": "https://example.org/g2"}` + "\n" +
		`{"id": "blank", "text": " "}` + "\n"
	status, resp := do(t, "POST", srv.URL+"/api/ingest", token, body)
	if status != http.StatusOK {
		t.Fatalf("status %d: %s", status, resp)
	}
	for _, want := range []string{`"Added":2`, `"failed":[{"line":2,"reason":"bad JSON Lines record`, `"skipped":["input: upload-`, `:4: skipped: no text"]`} {
		if !strings.Contains(resp, want) {
			t.Errorf("answer lacks %s: %s", want, resp)
		}
	}
	_, found := do(t, "GET", srv.URL+"/api/search?q=pier", "", "")
	if !strings.Contains(found, "Alma Moreau") || strings.Contains(found, "javascript") {
		t.Errorf("stored article: %s", found)
	}
	if status, resp := do(t, "POST", srv.URL+"/api/ingest", token, "\n "); status != http.StatusBadRequest || !strings.Contains(resp, "empty body") {
		t.Errorf("empty body: status %d: %s", status, resp)
	}
}

// TestExtractWebPage checks that /api/extract reads a saved web page as
// the command does: the article without the page's chrome.
func TestExtractWebPage(t *testing.T) {
	srv := newTestServer(t, Options{})
	page, err := os.ReadFile("../input/webpage/testdata/sample.html")
	if err != nil {
		t.Fatal(err)
	}
	status, resp := do(t, "POST", srv.URL+"/api/extract", "", string(page))
	if status != http.StatusOK || !strings.Contains(resp, `"speaker_name":"Maria Lopez"`) || strings.Contains(resp, "We use cookies") {
		t.Errorf("status %d: %.300s", status, resp)
	}
	if status, resp := do(t, "POST", srv.URL+"/api/extract", "", `<html lang="en"><head><meta charset="utf-8"></head><body><script>var visits = 1;</script></body></html>`); status != http.StatusUnprocessableEntity {
		t.Errorf("a page without an article: status %d: %s", status, resp)
	}
}
