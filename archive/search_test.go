package archive

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/internal/synth"
)

// bruteForce ranks every statement matching q the slow, obvious way: all
// matches that pass the filters, shortest content first (BM25 with term
// frequencies of one), ties newest first.
func bruteForce(t *testing.T, a *Archive, q Query) []int64 {
	t.Helper()
	from, where, args := "statements_fts f JOIN statements s ON s.id = "+keyIDSQL("f.rowid"), []string{"statements_fts MATCH ?"}, []any{MatchExpression(q.Text)}
	if onPostgres {
		tsquery, tsArgs := postgresQuery(q.Text)
		from, where, args = "statements s", []string{"s.tsv @@ " + tsquery}, tsArgs
	}
	if q.Speaker != "" {
		key, err := resolveKey(reader{context.Background(), a.db}, q.Speaker, whosaid.Person)
		if err != nil {
			t.Fatal(err)
		}
		where = append(where, `s.speaker_id IN (SELECT id FROM speakers WHERE key = ? OR surname = ? OR name `+a.db.d.like()+` ? ESCAPE '\')`)
		args = append(args, key, key, "%"+escapeLike(q.Speaker)+"%")
	}
	if q.Since != "" {
		where, args = append(where, "s.published >= ?"), append(args, q.Since)
	}
	if q.Until != "" {
		where, args = append(where, "s.published <> '' AND s.published <= ?"), append(args, q.Until)
	}
	if q.Type != "" {
		where, args = append(where, "s.type = ?"), append(args, q.Type)
	}
	if q.MinConfidence > 0 {
		where, args = append(where, "s.confidence >= ?"), append(args, q.MinConfidence)
	}
	rows, err := a.db.QueryContext(context.Background(), `SELECT s.id, s.content FROM `+from+` WHERE `+strings.Join(where, " AND "), args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	type match struct {
		id     int64
		length int
	}
	var matches []match
	for rows.Next() {
		var m match
		var content string
		if err := rows.Scan(&m.id, &content); err != nil {
			t.Fatal(err)
		}
		m.length = contentLength(content)
		matches = append(matches, m)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(matches, func(x, y match) int {
		if x.length != y.length {
			return x.length - y.length
		}
		return int(y.id - x.id)
	})
	ids := make([]int64, len(matches))
	for i, m := range matches {
		ids[i] = m.id
	}
	return ids
}

// syntheticArchive is an archive of n synthetic articles of ten paragraphs
// from the corpus of the given seed.
func syntheticArchive(tb testing.TB, seed uint64, n int) *Archive {
	tb.Helper()
	a := openTemp(tb)
	corpus := synth.New(seed)
	as := make([]whosaid.Article, n)
	for i := range as {
		as[i] = corpus.Article(10)
	}
	ingest(tb, a, as...)
	return a
}

// TestRankedSearchMatchesBruteForce checks the ranked plans against
// ranking every match, page by page: on SQLite the filtered scan and the
// ranked stream (and a choice between them), on PostgreSQL the postings
// walk (unbounded, or bounded and falling back) and the ranked matches.
func TestRankedSearchMatchesBruteForce(t *testing.T) {
	a := syntheticArchive(t, 7, 150)
	texts := []string{"housing", "budget", "families", `"before the election"`, `"protect the schools"`, "reform*",
		"audit OR review", "families -water", "wages rents", "hosp*", "nonexistentword"}
	filters := []Query{
		{}, {Speaker: "Varga"}, {Speaker: "Alma Moreau"}, {Type: "direct"}, {Type: "indirect"},
		{Since: "2019-06-01"}, {Since: "2018-01-01", Until: "2020-12-31"}, {MinConfidence: 0.8},
		{Speaker: "Kowalski", Since: "2017-01-01", Type: "direct", MinConfidence: 0.5},
	}
	defer func(n int) { scanMax = n }(scanMax)
	checked := 0
	for _, plan := range []struct {
		name    string
		scanMax int
	}{{"filtered scan", 1 << 30}, {"ranked stream", 0}, {"bounded", 40}} {
		scanMax = plan.scanMax
		for _, text := range texts {
			for _, f := range filters {
				all := bruteForce(t, a, Query{Text: text, Speaker: f.Speaker, Since: f.Since, Until: f.Until,
					Type: f.Type, MinConfidence: f.MinConfidence})
				for _, page := range []struct{ limit, offset int }{{20, 0}, {5, 0}, {5, 5}, {7, 30}} {
					q := f
					q.Text, q.Limit, q.Offset = text, page.limit, page.offset
					rs, more, err := a.Search(context.Background(), q)
					if err != nil {
						t.Fatalf("%s: %+v: %v", plan.name, q, err)
					}
					var got []int64
					for _, r := range rs {
						got = append(got, r.StatementID)
					}
					want := all[min(q.Offset, len(all)):min(q.Offset+q.Limit, len(all))]
					if !slices.Equal(got, want) || more != (len(all) > q.Offset+q.Limit) {
						t.Errorf("%s: %+v: got %v (more %v), want %v of %d", plan.name, q, got, more, want, len(all))
					}
					if len(want) > 0 {
						checked++
					}
				}
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d non-empty pages compared", checked)
	}
	t.Logf("%d non-empty pages equal to the brute-force ranking", checked)
}

// TestRankedSearchTies checks the page boundary inside a group of equal
// ranks: identical statements by different speakers rank the same, and
// the newest comes first.
func TestRankedSearchTies(t *testing.T) {
	a := openTemp(t)
	var as []whosaid.Article
	for i := range 12 {
		as = append(as, whosaid.Article{ID: fmt.Sprintf("tie-%d", i), Published: day("2024-01-02"),
			Text: fmt.Sprintf("Report\n\n\u201cThe harbour plan is fair,\u201d said Person%c Speaker%c.\n", 'A'+i, 'A'+i)})
	}
	ingest(t, a, as...)
	all := bruteForce(t, a, Query{Text: "harbour"})
	if len(all) != 12 {
		t.Fatalf("%d matches, want 12", len(all))
	}
	defer func(n int) { scanMax = n }(scanMax)
	for _, max := range []int{0, 1 << 30} {
		scanMax = max
		for _, q := range []Query{{Text: "harbour", Limit: 5}, {Text: "harbour", Limit: 5, Offset: 5}, {Text: "harbour", Since: "2024-01-01", Limit: 5, Offset: 5}} {
			rs, _, err := a.Search(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, r := range rs {
				got = append(got, r.StatementID)
			}
			if want := all[q.Offset : q.Offset+q.Limit]; !slices.Equal(got, want) {
				t.Errorf("scanMax %d, %+v: got %v, want %v", max, q, got, want)
			}
		}
	}
}

// BenchmarkSearch times ranked searches with and without filters on an
// archive of 3,000 synthetic statements (archive/cmd/archivebench does
// the same at a million).
func BenchmarkSearch(b *testing.B) {
	a := syntheticArchive(b, 3, 300)
	queries := []Query{
		{Text: "families"},
		{Text: "housing", Since: "2019-01-01", MinConfidence: 0.5},
		{Text: `"before the election"`, Type: "direct"},
		{Text: "reform*", Speaker: "Varga"},
		{Text: "audit OR review", Type: "indirect", MinConfidence: 0.5},
	}
	for i := 0; b.Loop(); i++ {
		q := queries[i%len(queries)]
		q.Limit = 20
		if _, _, err := a.Search(context.Background(), q); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIngest times ingesting synthetic articles, extraction included.
func BenchmarkIngest(b *testing.B) {
	corpus := synth.New(4)
	a := openTemp(b)
	for b.Loop() {
		ingest(b, a, corpus.Article(10))
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

func TestCheckQuery(t *testing.T) {
	tests := []struct {
		query string
		pos   int    // 0: accepted
		want  string // in the message
	}{
		{"", 0, ""},
		{"housing", 0, ""},
		{`"warm home" afford* -tax`, 0, ""},
		{"government AND deal", 0, ""},
		{"a OR b OR c", 0, ""},
		{"covid-19 U.S. don't", 0, ""},
		{"“curly phrase”*", 0, ""},
		{"deal — today", 0, ""},
		{`"abc`, 1, `expected a closing "`},
		{`x "abc`, 3, `expected a closing "`},
		{"NEAR(", 5, `unexpected '('`},
		{"*", 1, "expected a word before *"},
		{"a ** b", 3, "expected a word before *"},
		{"pre*fix", 4, `unexpected '*'`},
		{"OR b", 1, "expected a word before OR"},
		{"a AND", 3, "expected a word after AND"},
		{"a OR AND b", 6, "expected a word before AND"},
		{"a NOT b", 3, "NOT is not supported"},
		{"-tax", 1, "excluded words"},
		{"- a", 1, "expected a word after -"},
		{`""`, 1, "expected a word inside"},
		{"title:x", 6, `unexpected ':'`},
		{"-(x)", 2, `unexpected '('`},
		{";", 1, "expected a word to look for"},
	}
	for _, tt := range tests {
		err := CheckQuery(tt.query)
		var qe *QueryError
		switch {
		case tt.pos == 0 && err != nil:
			t.Errorf("CheckQuery(%q) = %v, want it accepted", tt.query, err)
		case tt.pos != 0 && !errors.As(err, &qe):
			t.Errorf("CheckQuery(%q) = %v, want a QueryError", tt.query, err)
		case tt.pos != 0 && (qe.Position != tt.pos || !strings.Contains(qe.Msg, tt.want)):
			t.Errorf("CheckQuery(%q) = %v, want position %d and %q", tt.query, err, tt.pos, tt.want)
		}
	}
}
