// Package web serves the archive: a JSON API described by an OpenAPI file
// at /api/openapi.json, and a web UI (plain HTML, CSS and JavaScript
// embedded in the binary, so it works offline). It is read-only unless a
// write token is set; writes must carry it as a bearer token.
package web

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/archive"
	"github.com/whosaid/whosaid/input"
	"github.com/whosaid/whosaid/input/webpage"
	"github.com/whosaid/whosaid/pipeline"
	"github.com/whosaid/whosaid/statement"
)

//go:embed ui openapi.json
var assets embed.FS

// Options configures the server.
type Options struct {
	// WriteToken enables the write endpoints (ingest, alias edits) for
	// requests that carry it as "Authorization: Bearer TOKEN"; empty
	// means read-only.
	WriteToken string
	// MaxBodyBytes bounds a request body (default 4 MB).
	MaxBodyBytes int64
	// Timeout bounds the handling of one API request (default 10 s); the
	// analysis of a request that runs out of time stops within a piece
	// of the article (pipeline.PieceBytes).
	Timeout time.Duration
	// MaxExtractBytes bounds the article sent to /api/extract (default
	// 1 MB), which anyone may call.
	MaxExtractBytes int64
	// MaxExtracts is the number of /api/extract analyses run at once
	// (default: the number of cores); a request beyond it is answered 503
	// with Retry-After at once rather than queued.
	MaxExtracts int
}

type server struct {
	archive *archive.Archive
	opts    Options
	// extracting holds a token per /api/extract analysis running.
	extracting chan struct{}
}

// New returns the handler of the API and the UI.
func New(a *archive.Archive, opts Options) http.Handler {
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = 4 << 20
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 10 * time.Second
	}
	if opts.MaxExtractBytes <= 0 {
		opts.MaxExtractBytes = 1 << 20
	}
	if opts.MaxExtracts <= 0 {
		opts.MaxExtracts = runtime.GOMAXPROCS(0)
	}
	s := &server{archive: a, opts: opts, extracting: make(chan struct{}, opts.MaxExtracts)}
	api := http.NewServeMux()
	api.HandleFunc("GET /api/search", s.search)
	api.HandleFunc("GET /api/speakers", s.speakers)
	api.HandleFunc("GET /api/speakers/{id}", s.speaker)
	api.HandleFunc("GET /api/articles/{id}", s.article)
	api.HandleFunc("GET /api/sources", s.sources)
	api.HandleFunc("POST /api/extract", s.extract)
	api.HandleFunc("POST /api/ingest", s.writer(s.ingest))
	api.HandleFunc("POST /api/aliases/merge", s.writer(s.merge))
	api.HandleFunc("POST /api/aliases/split", s.writer(s.split))
	api.HandleFunc("GET /api/openapi.json", serveAsset("openapi.json", "application/json"))
	api.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such endpoint")
	})

	mux := http.NewServeMux()
	mux.Handle("/api/", http.TimeoutHandler(s.limitBody(api), opts.Timeout, `{"error":"request took too long"}`))
	ui, _ := fs.Sub(assets, "ui") // the embedded directory always exists
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(ui)))
	index := serveAsset("ui/index.html", "text/html; charset=utf-8")
	for _, page := range []string{"GET /{$}", "GET /speakers", "GET /speakers/{id}", "GET /articles/{id}", "GET /upload", "GET /sources"} {
		mux.HandleFunc(page, index)
	}
	return securityHeaders(mux)
}

// Serve serves h on addr until ctx is done, then shuts down gracefully.
func Serve(ctx context.Context, addr string, h http.Handler) error {
	srv := &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	select {
	case err := <-errc:
		return fmt.Errorf("web: %w", err)
	case <-ctx.Done():
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return srv.Shutdown(shutdown)
	}
}

func securityHeaders(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Referrer-Policy", "no-referrer")
		h.ServeHTTP(w, r)
	})
}

func (s *server) limitBody(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxBodyBytes)
		h.ServeHTTP(w, r)
	})
}

// writer guards a write endpoint with the write token.
func (s *server) writer(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.opts.WriteToken == "" {
			writeError(w, http.StatusForbidden, "the server is read-only (start it with --write-token)")
			return
		}
		token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || subtle.ConstantTimeCompare([]byte(token), []byte(s.opts.WriteToken)) != 1 {
			w.Header().Set("WWW-Authenticate", "Bearer")
			writeError(w, http.StatusUnauthorized, "a valid write token is required")
			return
		}
		h(w, r)
	}
}

func serveAsset(name, contentType string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		data, err := assets.ReadFile(name)
		if err != nil {
			writeError(w, http.StatusInternalServerError, "missing asset")
			return
		}
		w.Header().Set("Content-Type", contentType)
		w.Write(data)
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		slog.Warn("writing response", "err", err)
	}
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

// fail answers an error from the archive or the request body.
func fail(w http.ResponseWriter, r *http.Request, err error) {
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body larger than %d bytes", tooLarge.Limit))
	case errors.Is(err, archive.ErrNotFound), errors.Is(err, archive.ErrUnknownSpeaker):
		writeError(w, http.StatusNotFound, err.Error())
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		writeError(w, http.StatusServiceUnavailable, "request cancelled or too slow")
	default:
		slog.Error("request failed", "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, "internal error")
	}
}

// badRequest is an error in the request's parameters.
type badRequest struct{ msg string }

func (e badRequest) Error() string { return e.msg }

func (s *server) search(w http.ResponseWriter, r *http.Request) {
	q, err := searchQuery(r)
	if err == nil {
		err = q.Validate()
	}
	var malformed *archive.QueryError
	switch {
	case errors.As(err, &malformed):
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": err.Error(), "position": malformed.Position})
		return
	case err != nil:
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	results, more, err := s.archive.Search(r.Context(), q)
	if err != nil {
		fail(w, r, err)
		return
	}
	if results == nil {
		results = []archive.Result{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"results": results, "more": more, "limit": q.Limit, "offset": q.Offset})
}

func searchQuery(r *http.Request) (archive.Query, error) {
	v := r.URL.Query()
	q := archive.Query{Text: v.Get("q"), Speaker: v.Get("speaker"), Since: v.Get("since"), Until: v.Get("until"), Type: v.Get("type")}
	q.About, q.SaidSince, q.SaidUntil = v.Get("about"), v.Get("said_since"), v.Get("said_until")
	var err error
	for name, dest := range map[string]*int{"limit": &q.Limit, "offset": &q.Offset} {
		if s := v.Get(name); s != "" && err == nil {
			*dest, err = strconv.Atoi(s)
		}
	}
	if s := v.Get("speaker_id"); s != "" && err == nil {
		q.SpeakerID, err = strconv.ParseInt(s, 10, 64)
	}
	if s := v.Get("min_confidence"); s != "" && err == nil {
		q.MinConfidence, err = strconv.ParseFloat(s, 64)
	}
	if err != nil {
		return q, badRequest{"bad number: " + err.Error()}
	}
	return q, nil
}

func pathID(w http.ResponseWriter, r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		writeError(w, http.StatusBadRequest, "bad id")
	}
	return id, err == nil
}

func (s *server) speakers(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	offset, _ := strconv.Atoi(r.URL.Query().Get("offset"))
	if limit == 0 {
		limit = 50
	}
	list, err := s.archive.Speakers(r.Context(), r.URL.Query().Get("q"), limit, offset)
	if err != nil {
		fail(w, r, err)
		return
	}
	if list == nil {
		list = []archive.SpeakerCount{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"speakers": list})
}

func (s *server) speaker(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	p, err := s.archive.Speaker(r.Context(), id)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

func (s *server) article(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	a, err := s.archive.Article(r.Context(), id)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newArticleView(&a.ArticleRef, a.Text, a.Record, a.StatementIDs, a.SpeakerIDs))
}

// extract analyses the article in the request body without storing it:
// plain text, or a web page, whose article is extracted first.
func (s *server) extract(w http.ResponseWriter, r *http.Request) {
	select {
	case s.extracting <- struct{}{}:
		defer func() { <-s.extracting }()
	default:
		w.Header().Set("Retry-After", "1")
		writeError(w, http.StatusServiceUnavailable, "the server is analysing as many articles as it has cores; try again shortly")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opts.MaxExtractBytes))
	if err != nil {
		fail(w, r, err)
		return
	}
	art := whosaid.Article{ID: "upload", Text: string(body)}
	if input.Detect(art.ID, body[:min(len(body), 8<<10)]) == input.HTML {
		page, err := webpage.Extract(body, "", r.Header.Get("Content-Type"))
		if err != nil {
			writeError(w, http.StatusUnprocessableEntity, err.Error())
			return
		}
		art, art.ID = page.Article, "upload"
	}
	art.Title = cmp.Or(r.URL.Query().Get("title"), art.Title)
	rec, err := pipeline.ExtractContext(r.Context(), art, statement.Speech)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newArticleView(nil, art.Text, rec, nil, nil))
}

// badRecord is an input record that an ingest skipped.
type badRecord struct {
	Line   int    `json:"line"`
	Reason string `json:"reason"`
}

// ingest stores the articles of the request body: JSON Lines, or one
// plain-text article whose id is the "id" parameter (by default, from its
// content hash).
func (s *server) ingest(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		fail(w, r, err)
		return
	}
	name := r.URL.Query().Get("id")
	if name == "" {
		sum := sha256.Sum256(body)
		name = "upload-" + hex.EncodeToString(sum[:8])
	}
	var published time.Time
	if p := r.URL.Query().Get("published"); p != "" {
		if published, err = input.ParsePublished(p); err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
	}
	if len(bytes.TrimSpace(body)) == 0 {
		writeError(w, http.StatusBadRequest, "empty body: nothing to ingest")
		return
	}
	failed, skipped := []badRecord{}, []string{}
	read := input.SkipBad(input.Stream(name, bytes.NewReader(body), published), func(e *input.RecordError) {
		failed = append(failed, badRecord{Line: e.Line, Reason: e.Err.Error()})
	})
	src := func(yield func(whosaid.Article, error) bool) {
		for a, err := range read {
			if errors.Is(err, input.ErrSkipped) {
				skipped = append(skipped, err.Error())
				continue
			}
			if !yield(a, err) {
				return
			}
		}
	}
	stats, err := s.archive.Ingest(r.Context(), src, archive.IngestOptions{Workers: 1, BatchSize: 100})
	if err != nil {
		if strings.Contains(err.Error(), "input: ") {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		archive.IngestStats
		Failed  []badRecord `json:"failed"`
		Skipped []string    `json:"skipped"` // documents left out on purpose, such as records with no text
	}{stats, failed, skipped})
}

type aliasRequest struct {
	Name string `json:"name"`
	Into string `json:"into"`
}

func decodeAlias(w http.ResponseWriter, r *http.Request, needInto bool) (aliasRequest, bool) {
	var req aliasRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			fail(w, r, err)
		} else {
			writeError(w, http.StatusBadRequest, "bad JSON body: "+err.Error())
		}
		return req, false
	}
	if strings.TrimSpace(req.Name) == "" || (needInto && strings.TrimSpace(req.Into) == "") {
		writeError(w, http.StatusBadRequest, `"name" and "into" are required`)
		return req, false
	}
	return req, true
}

func (s *server) merge(w http.ResponseWriter, r *http.Request) {
	req, ok := decodeAlias(w, r, true)
	if !ok {
		return
	}
	if err := s.archive.MergeSpeakers(r.Context(), req.Name, req.Into); err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"merged": req.Name, "into": req.Into})
}

func (s *server) split(w http.ResponseWriter, r *http.Request) {
	req, ok := decodeAlias(w, r, false)
	if !ok {
		return
	}
	if err := s.archive.SplitSpeaker(r.Context(), req.Name); err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"split": req.Name})
}
