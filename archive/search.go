package archive

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Ranked search. FTS5 ranks a MATCH with bm25, and bm25 has no bound
// that lets FTS5 stop early: ORDER BY rank (with or without a LIMIT)
// scores every matching row first, about a microsecond a row here. The
// old query did that and then looked up and filtered the matches one by
// one in rank order, so a common word (50k matches) with a selective
// filter (a speaker with a few hundred statements) scored 50k rows and
// read nearly as many statements to keep a handful.
//
// Two plans, both exact (the same page as ranking every match that
// passes the filters, ties broken by statement id):
//
//   - filtered scan, when the filters that an index answers (speaker,
//     dates) leave at most scanMax statements: their ids are gathered
//     once from the index, FTS5 walks its matches in rowid order keeping
//     those in that set, and only the survivors are looked up, filtered
//     on type and confidence and scored;
//   - ranked stream, otherwise (no filter, or filters that keep most
//     statements): FTS5 scores and sorts the matches, and they are read
//     in rank order, filtered, until the page is full and the rank has
//     moved past the page's last one (so that ties are complete).

// scanMax is the largest number of statements passing the indexed
// filters for which the filtered scan is used.
var scanMax = 100_000 // a variable for tests

// searchFilters are the WHERE conditions of a search on statements s:
// indexed ones (speaker, dates), which the statements_speaker and
// statements_published indexes answer, and residual ones (type,
// confidence), which need the statement row.
type searchFilters struct {
	indexed, residual         []string
	indexedArgs, residualArgs []any
}

func (f searchFilters) empty() bool { return len(f.indexed)+len(f.residual) == 0 }

// where returns the conditions and their arguments, indexed first.
func (f searchFilters) where() ([]string, []any) {
	return slices.Concat(f.indexed, f.residual), slices.Concat(f.indexedArgs, f.residualArgs)
}

// rankedHit is a statement matching the text query, with its bm25 rank
// (lower is better).
type rankedHit struct {
	id   int64
	rank float64
}

// rankedIDs returns the ids of the first need statements matching the
// FTS5 expression match and passing f, best rank first, ties by id.
func (a *Archive) rankedIDs(ctx context.Context, match string, f searchFilters, need int) ([]int64, error) {
	if len(f.indexed) > 0 {
		var n int
		if err := a.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM statements s WHERE `+
			strings.Join(f.indexed, " AND ")+` LIMIT ?)`, append(slices.Clone(f.indexedArgs), scanMax+1)...).Scan(&n); err != nil {
			return nil, fmt.Errorf("filter size: %w", err)
		}
		if n <= scanMax {
			return a.filteredScan(ctx, match, f, need)
		}
	}
	return a.rankedStream(ctx, match, f, need)
}

// filteredScan ranks only the matches that pass the filters.
func (a *Archive) filteredScan(ctx context.Context, match string, f searchFilters, need int) ([]int64, error) {
	// The unary + keeps the IN off the FTS5 cursor, which would otherwise
	// run the MATCH (and reload bm25's statistics) once per listed id.
	query := `SELECT s.id FROM statements_fts f JOIN statements s ON s.id = f.rowid
		WHERE statements_fts MATCH ? AND +f.rowid IN (SELECT s.id FROM statements s WHERE ` + strings.Join(f.indexed, " AND ") + `)`
	args := append([]any{match}, f.indexedArgs...)
	if len(f.residual) > 0 {
		query += " AND " + strings.Join(f.residual, " AND ")
		args = append(args, f.residualArgs...)
	}
	query += ` ORDER BY bm25(statements_fts), s.id LIMIT ?`
	args = append(args, need)
	ids, err := reader{ctx, a.db}.ids(query, args...)
	if err != nil {
		return nil, fmt.Errorf("filtered scan: %w", err)
	}
	return ids, nil
}

// rankedStream reads the matches in rank order, filtered, until the
// first need are known.
func (a *Archive) rankedStream(ctx context.Context, match string, f searchFilters, need int) ([]int64, error) {
	query := `SELECT f.rowid, f.rank FROM statements_fts f`
	args := []any{match}
	if !f.empty() {
		query += ` JOIN statements s ON s.id = f.rowid`
	}
	query += ` WHERE statements_fts MATCH ?`
	if !f.empty() {
		where, whereArgs := f.where()
		query += " AND " + strings.Join(where, " AND ")
		args = append(args, whereArgs...)
	}
	query += ` ORDER BY f.rank`
	rows, err := a.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("ranked stream: %w", err)
	}
	defer rows.Close()
	page := rankedPage{need: need}
	for rows.Next() {
		var h rankedHit
		if err := rows.Scan(&h.id, &h.rank); err != nil {
			return nil, fmt.Errorf("ranked stream: %w", err)
		}
		if !page.add(h) {
			break
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("ranked stream: %w", err)
	}
	return page.ids(), nil
}

// rankedPage collects the first need hits of a stream in rank order
// whose ties come in any order.
type rankedPage struct {
	need int
	hits []rankedHit
}

// add takes the next hit, whose rank is no better than the previous
// one's, and reports whether more are wanted: until the page is full and
// a hit ranks worse than its last, every hit tying with that may follow.
func (p *rankedPage) add(h rankedHit) bool {
	if len(p.hits) >= p.need && h.rank > p.hits[p.need-1].rank {
		return false
	}
	p.hits = append(p.hits, h)
	return true
}

// ids returns the page: best rank first, ties by id.
func (p *rankedPage) ids() []int64 {
	slices.SortFunc(p.hits, func(x, y rankedHit) int {
		switch {
		case x.rank < y.rank:
			return -1
		case x.rank > y.rank:
			return 1
		}
		return int(min(max(x.id-y.id, -1), 1))
	})
	ids := make([]int64, 0, min(len(p.hits), p.need))
	for _, h := range p.hits[:min(len(p.hits), p.need)] {
		ids = append(ids, h.id)
	}
	return ids
}

// resultsByID returns the results for statement ids, in their order.
func (a *Archive) resultsByID(ctx context.Context, ids []int64) ([]Result, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	found, err := a.results(ctx, `SELECT s.id, s.type, s.content, s.confidence, s.published, s.n_sources, sp.id, sp.name, sp.kind
		FROM statements s LEFT JOIN speakers sp ON sp.id = s.speaker_id
		WHERE s.id IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]Result, len(found))
	for _, r := range found {
		byID[r.StatementID] = r
	}
	out := make([]Result, 0, len(ids))
	for _, id := range ids {
		if r, ok := byID[id]; ok { // gone since it was ranked: a write in between
			out = append(out, r)
		}
	}
	return out, nil
}
