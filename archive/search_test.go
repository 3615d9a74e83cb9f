package archive

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/internal/synth"
)

// bruteForce ranks every statement matching q the slow, obvious way: all
// matches that pass the filters, by FTS5 rank, ties by id.
func bruteForce(t *testing.T, a *Archive, q Query) []int64 {
	t.Helper()
	where, args := []string{"statements_fts MATCH ?"}, []any{MatchExpression(q.Text)}
	if q.Speaker != "" {
		key, err := resolveKey(reader{context.Background(), a.db}, q.Speaker, whosaid.Person)
		if err != nil {
			t.Fatal(err)
		}
		where = append(where, `s.speaker_id IN (SELECT id FROM speakers WHERE key = ? OR surname = ? OR name LIKE ? ESCAPE '\')`)
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
	ids, err := reader{context.Background(), a.db}.ids(`SELECT s.id FROM statements_fts f JOIN statements s ON s.id = f.rowid
		WHERE `+strings.Join(where, " AND ")+` ORDER BY f.rank, s.id`, args...)
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// TestRankedSearchMatchesBruteForce checks both ranked plans (filtered
// scan and ranked stream) against ranking every match, page by page.
func TestRankedSearchMatchesBruteForce(t *testing.T) {
	a := openTemp(t)
	corpus := synth.New(7)
	var as []whosaid.Article
	for range 150 {
		as = append(as, corpus.Article(10))
	}
	ingest(t, a, as...)
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
	}{{"filtered scan", 1 << 30}, {"ranked stream", 0}} {
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
// ranks: identical statements by different speakers rank the same.
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

// TestRankedPageTies feeds ties in reverse id order, which FTS5 may do.
func TestRankedPageTies(t *testing.T) {
	stream := []rankedHit{{9, -3}, {4, -2}, {8, -2}, {7, -2}, {2, -2}, {6, -1}, {1, -1}, {5, 0}}
	for need, want := range map[int][]int64{1: {9}, 2: {9, 2}, 3: {9, 2, 4}, 5: {9, 2, 4, 7, 8}, 6: {9, 2, 4, 7, 8, 1}, 10: {9, 2, 4, 7, 8, 1, 6, 5}} {
		p := rankedPage{need: need}
		read := 0
		for _, h := range stream {
			if !p.add(h) {
				break
			}
			read++
		}
		if got := p.ids(); !slices.Equal(got, want) {
			t.Errorf("need %d: got %v, want %v (read %d)", need, got, want, read)
		}
	}
}
