package archive

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/pipeline"
	"github.com/whosaid/whosaid/statement"
)

func openTemp(t testing.TB) *Archive {
	t.Helper()
	a, err := Open(tempLocation(t), false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	return a
}

func articles(as ...whosaid.Article) iter.Seq2[whosaid.Article, error] {
	return func(yield func(whosaid.Article, error) bool) {
		for _, a := range as {
			if !yield(a, nil) {
				return
			}
		}
	}
}

func ingest(t testing.TB, a *Archive, as ...whosaid.Article) IngestStats {
	t.Helper()
	stats, err := a.Ingest(context.Background(), articles(as...), IngestOptions{Workers: 2, BatchSize: 3})
	if err != nil {
		t.Fatal(err)
	}
	return stats
}

func dump(t testing.TB, a *Archive) string {
	t.Helper()
	var b strings.Builder
	if err := a.Dump(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func search(t testing.TB, a *Archive, q Query) []Result {
	t.Helper()
	rs, _, err := a.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("search %+v: %v", q, err)
	}
	return rs
}

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

var (
	housing = whosaid.Article{ID: "ledger-1", Published: day("2024-03-02"), URL: "https://example.org/1",
		Text: "Housing Row\n\nFinance Minister Elena Varga defended the plan on Monday.\n\n" +
			"\u201cEvery family deserves a warm and affordable home in this country,\u201d said Elena Varga.\n\n" +
			"Maria Lopez, a spokesperson for the ministry, said that the payments had been checked.\n"}
	// The same story from another outlet, lightly edited.
	housingCopy = whosaid.Article{ID: "courier-9", Published: day("2024-03-03"),
		Text: "Minister Defends Housing Plan\n\nFinance Minister Elena Varga defended the plan on Monday.\n\n" +
			"\u201cEvery family deserves a warm, affordable home in this country,\u201d said Elena Varga.\n"}
	harbour = whosaid.Article{ID: "ledger-2", Published: day("2024-05-10"),
		Text: "Harbour Deal\n\n\u201cThe harbour contract will pay for itself within a decade,\u201d said Elena Varga.\n\n" +
			"\u201cNobody asked the fishermen what they think,\u201d said Tomas Reiner, a union leader.\n"}
)

func TestIngestSearchAndIdempotence(t *testing.T) {
	a := openTemp(t)
	stats := ingest(t, a, housing, harbour)
	if stats.Added != 2 || stats.Statements == 0 {
		t.Fatalf("first ingest: %+v", stats)
	}
	before := dump(t, a)
	again := ingest(t, a, housing, harbour)
	if again.Unchanged != 2 || again.Added != 0 {
		t.Errorf("re-ingest: %+v, want 2 unchanged", again)
	}
	if after := dump(t, a); after != before {
		t.Errorf("re-ingest changed the archive:\n%s\nwant\n%s", after, before)
	}
	tests := []struct {
		name string
		q    Query
		want []string // content substrings, in order
	}{
		{"word", Query{Text: "harbour"}, []string{"harbour contract"}},
		{"stemmed", Query{Text: "families"}, []string{"Every family"}},
		{"phrase", Query{Text: `"pay for itself"`}, []string{"pay for itself"}},
		{"phrase miss", Query{Text: `"itself pay"`}, nil},
		{"prefix", Query{Text: "fisher*"}, []string{"fishermen"}},
		{"or", Query{Text: "fishermen OR family"}, []string{"", ""}},
		{"exclude", Query{Text: "home -warm"}, nil},
		{"speaker filter", Query{Speaker: "Varga"}, []string{"harbour", "Every family"}},
		{"speaker by full name with title", Query{Speaker: "Minister Elena Varga", Text: "decade"}, []string{"harbour"}},
		{"type", Query{Type: "indirect"}, []string{"payments"}},
		{"since", Query{Since: "2024-04-01"}, []string{"", ""}},
		{"until", Query{Until: "2024-04-01"}, []string{"", ""}},
		{"min confidence", Query{MinConfidence: 0.99}, nil},
		{"like wildcard in speaker", Query{Speaker: "%"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := search(t, a, tt.q)
			if len(rs) != len(tt.want) {
				t.Fatalf("got %d results %v, want %d", len(rs), contents(rs), len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.Contains(rs[i].Content, w) {
					t.Errorf("result %d = %q, want it to contain %q", i, rs[i].Content, w)
				}
			}
		})
	}
	// SQL and FTS5 syntax are refused as malformed queries, before any SQL.
	for _, text := range []string{`x'); DROP TABLE statements; --`, `content:harbour NEAR(a b) ^x "`} {
		var malformed *QueryError
		if _, _, err := a.Search(context.Background(), Query{Text: text}); !errors.As(err, &malformed) {
			t.Errorf("search %q: err = %v, want a malformed query", text, err)
		}
	}
	if n := len(search(t, a, Query{})); n != 4 {
		t.Errorf("statements after injection attempts: %d, want 4", n)
	}
	rs := search(t, a, Query{Text: "harbour"})
	if r := rs[0]; r.Speaker == nil || r.Speaker.Name != "Elena Varga" || r.Cue != "said" || !strings.HasSuffix(r.ContextAfter, "said Elena Varga.") {
		t.Errorf("result fields: %+v", r)
	}
}

func contents(rs []Result) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Content)
	}
	return out
}

func TestChangedArticleReplacesStatements(t *testing.T) {
	a := openTemp(t)
	ingest(t, a, harbour)
	changed := harbour
	changed.Text = "Harbour Deal\n\n\u201cWe will review the contract line by line,\u201d said Elena Varga.\n"
	stats := ingest(t, a, changed)
	if stats.Replaced != 1 {
		t.Fatalf("stats %+v, want 1 replaced", stats)
	}
	if got := contents(search(t, a, Query{})); len(got) != 1 || !strings.Contains(got[0], "line by line") {
		t.Errorf("statements after change: %q", got)
	}
	speakers, err := a.Speakers(context.Background(), "", 10, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(speakers) != 1 || speakers[0].Name != "Elena Varga" {
		t.Errorf("speakers after change: %+v (Tomas Reiner's only statement is gone)", speakers)
	}
}

func TestSyndication(t *testing.T) {
	a := openTemp(t)
	exact := housing
	exact.ID = "herald-4"
	ingest(t, a, housing, exact, housingCopy)
	rs := search(t, a, Query{Text: "affordable home"})
	if len(rs) != 1 {
		t.Fatalf("got %d statements %q, want one with three sources", len(rs), contents(rs))
	}
	if rs[0].Sources != 3 || rs[0].Published != "2024-03-02" {
		t.Errorf("sources %d, first published %q; want 3, 2024-03-02", rs[0].Sources, rs[0].Published)
	}
	// Different content from the same speaker stays apart.
	if n := len(search(t, a, Query{Speaker: "Elena Varga"})); n != 1 {
		t.Errorf("Varga statements: %d, want 1", n)
	}
}

func TestSpeakerIdentityAcrossArticles(t *testing.T) {
	a := openTemp(t)
	mk := func(id, name, quote string) whosaid.Article {
		return whosaid.Article{ID: id, Text: "Report\n\n\u201c" + quote + ",\u201d said " + name + ".\n"}
	}
	ingest(t, a,
		mk("a", "Donald J. Trump", "We will build the wall"),
		mk("b", "Donald Trump", "The tariffs are working"),
		mk("c", "President Trump", "Nobody knew healthcare was so complicated"),
		mk("d", "Alma Moreau", "The budget is balanced"),
	)
	speakers, err := a.Speakers(context.Background(), "", 10, 0)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range speakers {
		names = append(names, fmt.Sprintf("%s:%d", s.Name, s.Statements))
	}
	if want := []string{"Donald J. Trump:3", "Alma Moreau:1"}; !slices.Equal(names, want) {
		t.Fatalf("speakers %q, want %q", names, want)
	}
	p, err := a.Speaker(context.Background(), speakers[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Aliases) != 3 {
		t.Errorf("aliases %+v, want the three written forms", p.Aliases)
	}
}

func TestAliasMergeSplitSurviveReingest(t *testing.T) {
	ctx := context.Background()
	a := openTemp(t)
	ingest(t, a, housing, harbour)
	if err := a.MergeSpeakers(ctx, "Tomas Reiner", "Elena Varga"); err != nil {
		t.Fatal(err)
	}
	if n := len(search(t, a, Query{Speaker: "Elena Varga"})); n != 3 {
		t.Errorf("after merge Varga has %d statements, want 3", n)
	}
	// A changed version of the article comes in: the merge holds.
	changed := harbour
	changed.Text += "\n\u201cWe were never consulted,\u201d said Tomas Reiner.\n"
	ingest(t, a, changed)
	if rs := search(t, a, Query{Text: "consulted"}); len(rs) != 1 || rs[0].Speaker == nil || rs[0].Speaker.Name != "Elena Varga" {
		t.Errorf("after re-ingest the merged name resolves to %+v", rs)
	}
	if err := a.SplitSpeaker(ctx, "Tomas Reiner"); err != nil {
		t.Fatal(err)
	}
	changed.Text += "\n\u201cThe union will strike,\u201d said Tomas Reiner.\n"
	ingest(t, a, changed)
	if n := len(search(t, a, Query{Speaker: "Tomas Reiner"})); n != 3 {
		t.Errorf("after split and re-ingest Reiner has %d statements, want 3", n)
	}
	if n := len(search(t, a, Query{Speaker: "Elena Varga"})); n != 2 {
		t.Errorf("after split Varga has %d statements, want 2", n)
	}
	if err := a.MergeSpeakers(ctx, "Nobody Known", "Elena Varga"); err == nil {
		t.Error("merging an unknown speaker: no error")
	}
	if err := a.Check(ctx); err != nil {
		t.Error(err)
	}
}

func FuzzMatchExpression(f *testing.F) {
	a := openTemp(f)
	ingest(f, a, housing)
	for _, seed := range []string{`housing`, `"warm and" home*`, `a OR b`, `-x y`, `"unterminated`, `"" * ** ""*`,
		`NEAR(a b)`, `content:x`, `^a`, `a AND OR NOT b`, `(a`, `'; DROP TABLE articles; --`, `"a""b"`, `ünïcödé*`, "\x00"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, query string) {
		var malformed *QueryError
		if _, _, err := a.Search(context.Background(), Query{Text: query}); err != nil && !errors.As(err, &malformed) {
			t.Errorf("query %q → MATCH %q: %v", query, MatchExpression(query), err)
		}
	})
}

func TestSearchWhileIngesting(t *testing.T) {
	path := tempLocation(t)
	writer, err := Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	ingest(t, writer, housing)
	readerArchive, err := Open(path, true)
	if err != nil {
		t.Fatal(err)
	}
	defer readerArchive.Close()

	done := make(chan error, 1)
	go func() {
		corpus := make([]whosaid.Article, 300)
		for i := range corpus {
			corpus[i] = harbour
			corpus[i].ID = fmt.Sprintf("bulk-%d", i)
			corpus[i].Text += fmt.Sprintf("\n\u201cMessage number %d matters,\u201d said Tomas Reiner.\n", i)
		}
		_, err := writer.Ingest(context.Background(), articles(corpus...), IngestOptions{Workers: 1, BatchSize: 10})
		done <- err
	}()
	searches, slowest := 0, time.Duration(0)
	for finished := false; !finished; {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
			finished = true
		default:
		}
		start := time.Now()
		if rs := search(t, readerArchive, Query{Text: "family"}); len(rs) != 1 {
			t.Fatalf("search during ingest: %d results", len(rs))
		}
		slowest = max(slowest, time.Since(start))
		searches++
	}
	if slowest > 2*time.Second {
		t.Errorf("slowest search during ingest took %v", slowest)
	}
	t.Logf("%d searches during ingest, slowest %v", searches, slowest)
	if n := len(search(t, readerArchive, Query{Text: "matters", Limit: MaxLimit})); n != MaxLimit {
		t.Errorf("after ingest: %d results, want %d", n, MaxLimit)
	}
}

// TestOnlyWebURLsStored checks that a URL the pages would link to is kept
// only when it is http or https.
func TestOnlyWebURLsStored(t *testing.T) {
	tests := []struct{ url, want string }{
		{"https://example.org/story", "https://example.org/story"},
		{"javascript:alert(document.cookie)", ""},
		{"data:text/html,<script>alert(1)</script>", ""},
	}
	for i, tt := range tests {
		a := openTemp(t)
		art := whosaid.Article{ID: fmt.Sprintf("u%d", i), URL: tt.url, Text: "“The pier reopens in May,” said Alma Moreau.\n"}
		ingest(t, a, art)
		stored, err := a.Article(context.Background(), 1)
		if err != nil {
			t.Fatal(err)
		}
		if stored.URL != tt.want {
			t.Errorf("URL %q stored as %q, want %q", tt.url, stored.URL, tt.want)
		}
	}
}

// TestIngestGoesOnAfterAFailedAnalysis checks that an article whose
// analysis fails on a bug is counted and left out, and the rest stored.
func TestIngestGoesOnAfterAFailedAnalysis(t *testing.T) {
	a := openTemp(t)
	broken := whosaid.Article{ID: "broken", Text: "\u201cIt breaks,\u201d said Ann Holt.\n"}
	extract := func(ctx context.Context, art whosaid.Article) (whosaid.Record, error) {
		if art.ID == broken.ID {
			return whosaid.Record{}, fmt.Errorf("pipeline: article %q: %w: index out of range", art.ID, pipeline.ErrPanic)
		}
		return pipeline.ExtractContext(ctx, art, statement.Speech)
	}
	stats, err := a.Ingest(context.Background(), articles(housing, broken, harbour), IngestOptions{Workers: 2, BatchSize: 1, Extract: extract})
	if err != nil {
		t.Fatal(err)
	}
	if stats.Added != 2 || stats.Failed != 1 || stats.Done() != 3 {
		t.Errorf("stats %+v, want 2 added and 1 failed", stats)
	}
}
