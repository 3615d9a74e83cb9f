package archive

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/internal/synth"
)

func TestDollarParams(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"SELECT 1", "SELECT 1"},
		{"a = ? AND b IN (?, ?)", "a = $1 AND b IN ($2, $3)"},
		{`name LIKE ? ESCAPE '\' AND x = '?' AND "odd?" = ?`, `name LIKE $1 ESCAPE '\' AND x = '?' AND "odd?" = $2`},
		{"x = 'it''s ?' OR y = ?", "x = 'it''s ?' OR y = $1"},
	} {
		if got := dollarParams(tt.in); got != tt.want {
			t.Errorf("dollarParams(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestSchemaVersion checks that opening applies the migrations once and
// refuses an archive written by a newer program.
func TestSchemaVersion(t *testing.T) {
	ctx := context.Background()
	loc := tempLocation(t)
	a, err := Open(loc, false)
	if err != nil {
		t.Fatal(err)
	}
	ingest(t, a, harbour)
	a.Close()
	if a, err = Open(loc, false); err != nil {
		t.Fatalf("second open: %v", err)
	}
	if v, err := a.db.d.version(ctx, a.db); err != nil || v != schemaVersion() {
		t.Errorf("version %d (%v), want %d", v, err, schemaVersion())
	}
	if err := a.write(ctx, func(w *writer) error { return a.db.d.setVersion(w.tx, schemaVersion()+1) }); err != nil {
		t.Fatal(err)
	}
	a.Close()
	for _, readOnly := range []bool{false, true} {
		if a, err := Open(loc, readOnly); err == nil {
			a.Close()
			t.Errorf("open (read-only %v) of a newer schema succeeded", readOnly)
		}
	}
}

// TestHighlight checks the marked matches on PostgreSQL and their absence
// on SQLite.
func TestHighlight(t *testing.T) {
	a := openTemp(t)
	ingest(t, a, housing)
	rs := search(t, a, Query{Text: "families home*"})
	if len(rs) != 1 {
		t.Fatalf("%d results, want 1", len(rs))
	}
	want := "“Every «family» deserves a warm and affordable «home» in this country,”"
	if !onPostgres {
		want = ""
	}
	if rs[0].Highlight != want {
		t.Errorf("highlight %q, want %q", rs[0].Highlight, want)
	}
}

// TestBackendsAgree ingests the same synthetic articles into SQLite and
// PostgreSQL and compares the pages of the benchmark's query mixes: the
// two full-text searches must find and rank the same statements.
func TestBackendsAgree(t *testing.T) {
	if !onPostgres {
		t.Skip("compares with PostgreSQL, in the PostgreSQL run")
	}
	lite, err := Open(filepath.Join(t.TempDir(), "lite.db"), false)
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	pg := openTemp(t)
	corpus := synth.New(11)
	as := make([]whosaid.Article, 150)
	for i := range as {
		as[i] = corpus.Article(10)
	}
	ingest(t, lite, as...)
	ingest(t, pg, as...)
	rng := rand.New(rand.NewPCG(3, 3))
	texts := []string{"housing", "families", "plan", "Tuesday", `"before the election"`, `"the budget plan"`, "hosp*",
		"rail*", `"for every"*`, "audit OR review", "families -water", "wages rents", "can't", "48963", "nonexistentword"}
	compared := 0
	for _, text := range texts {
		for range 4 {
			q := Query{Text: text, Limit: 10}
			switch rng.IntN(4) {
			case 1:
				q.Speaker = []string{"Varga", "Alma Moreau"}[rng.IntN(2)]
			case 2:
				q.Since, q.Type = "2019-01-01", "direct"
			case 3:
				q.Offset = 10
			}
			want, got := search(t, lite, q), search(t, pg, q)
			if !slices.EqualFunc(got, want, func(g, w Result) bool { return g.Content == w.Content && g.Published == w.Published }) {
				t.Errorf("%+v: PostgreSQL %q, SQLite %q", q, contents(got), contents(want))
			}
			if len(want) > 0 {
				compared++
			}
		}
	}
	if compared < 30 {
		t.Errorf("only %d non-empty pages compared", compared)
	}
	if strings.TrimSpace(dump(t, lite)) != strings.TrimSpace(dump(t, pg)) {
		t.Error("the two archives' dumps differ")
	}
}

// TestCopy copies an SQLite archive into an empty one (SQLite, then
// PostgreSQL in the PostgreSQL run), which must then hold the same and
// go on taking articles.
func TestCopy(t *testing.T) {
	ctx := context.Background()
	src, err := Open(filepath.Join(t.TempDir(), "src.db"), false)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	ingest(t, src, housing, harbour)
	if err := src.MergeSpeakers(ctx, "Tomas Reiner", "Elena Varga"); err != nil {
		t.Fatal(err)
	}
	dst := openTemp(t)
	tables := 0
	if err := src.CopyTo(ctx, dst, func(string, int) { tables++ }); err != nil {
		t.Fatal(err)
	}
	if tables != len(copyTables) {
		t.Errorf("progress reported %d tables, want %d", tables, len(copyTables))
	}
	if got, want := dump(t, dst), dump(t, src); got != want {
		t.Errorf("copy:\n%s\nwant\n%s", got, want)
	}
	if err := src.CopyTo(ctx, dst, nil); err == nil {
		t.Error("a copy into a non-empty archive succeeded")
	}
	ingest(t, dst, housingCopy)
	ingest(t, src, housingCopy)
	if got, want := dump(t, dst), dump(t, src); got != want {
		t.Errorf("after one more article:\n%s\nwant\n%s", got, want)
	}
	if rs := search(t, dst, Query{Text: "affordable home"}); len(rs) != 1 || rs[0].Sources != 2 {
		t.Errorf("syndicated copy after the copy: %+v", rs)
	}
}

// TestControlCharacters checks that names and queries with a NUL or
// invalid UTF-8, which PostgreSQL refuses in a string, are searched as
// if those were spaces.
func TestControlCharacters(t *testing.T) {
	a := openTemp(t)
	ingest(t, a, harbour)
	for _, q := range []Query{{Text: "harbour\x00"}, {Speaker: "Elena\x00Varga"}, {About: "x\xffy"}, {Text: "fisher\x00men*"}} {
		if _, _, err := a.Search(context.Background(), q); err != nil {
			t.Errorf("search %+v: %v", q, err)
		}
	}
	if got := search(t, a, Query{Speaker: "Elena\x00Varga"}); len(got) != 1 {
		t.Errorf("speaker with a NUL: %q, want Varga's statement", contents(got))
	}
	if _, err := a.Speakers(context.Background(), "Var\x00", 10, 0); err != nil {
		t.Error(err)
	}
}

// TestPreparedStatements checks that queries give the same answers
// through the statement cache, that the cache keeps at most maxPrepared
// statements (queries beyond run unprepared), and that only SQLite has
// one.
func TestPreparedStatements(t *testing.T) {
	a := openTemp(t)
	ctx := context.Background()
	if a.db.stmts == nil {
		if _, ok := a.db.d.(sqliteDialect); ok {
			t.Fatal("an SQLite archive has no statement cache")
		}
		return // PostgreSQL's driver keeps its own
	}
	for i := range maxPrepared + 20 {
		for range 2 {
			var got int
			if err := a.db.QueryRowContext(ctx, fmt.Sprintf("SELECT %d + ?", i), 1).Scan(&got); err != nil || got != i+1 {
				t.Fatalf("query %d: %d, %v; want %d", i, got, err, i+1)
			}
		}
	}
	if n := len(a.db.stmts.stmts); n != maxPrepared {
		t.Errorf("%d statements kept, want %d", n, maxPrepared)
	}
	rows, err := a.db.QueryContext(ctx, "SELECT 1 + ?", 2)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	if !rows.Next() {
		t.Fatal("no row")
	}
	var got int
	if err := rows.Scan(&got); err != nil || got != 3 {
		t.Errorf("cached query: %d, %v; want 3", got, err)
	}
}
