package archive

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// Ranked search on SQLite: FTS5 walks the matches in rank order (see rank.go) and
// a search reads them until its page is full. Two plans, both giving the
// page of the full ranking of the matches that pass the filters:
//
//   - filtered scan, when the filters that an index answers (speaker,
//     dates) leave at most scanMax statements: their rank keys are
//     gathered once from the index, and a match is kept when its key is
//     in that set, a cheaper test than reading its statement;
//   - ranked stream, otherwise (no filter, or filters that keep many
//     statements): every match is joined to its statement and filtered.
//
// Either way the matches read before the page is full are about
// need × matches / matches-passing-the-filters; the scan pays for its
// set up front, so it wins when the set is small.

// scanMax is the largest number of statements passing the indexed
// filters for which the filtered scan is used. At 1M statements, with a
// speaker filter in three searches out of four, 1k to 5k gave the best
// p95 (11–12 ms CPU); 300 gave 45 ms and 30k–100k 44–46 ms.
//
// On PostgreSQL it is the number of statements a search reads in rank
// order before it ranks all its matches instead (postgres.go).
var scanMax = 3_000 // a variable for tests

// searchFilters are the WHERE conditions of a search on statements s:
// indexed ones (speaker, dates), which the statements_speaker and
// statements_published indexes answer, and residual ones (confidence;
// type when there is no text query, FTS5 filters it otherwise), which
// need the statement row.
type searchFilters struct {
	indexed, residual         []string
	indexedArgs, residualArgs []any
}

// where returns the conditions and their arguments, indexed first.
func (f searchFilters) where() ([]string, []any) {
	return slices.Concat(f.indexed, f.residual), slices.Concat(f.indexedArgs, f.residualArgs)
}

// rankedIDs of SQLite: the type is a column of the full-text index, so
// FTS5 filters on it while it walks the matches (see rank.go).
func (sqliteDialect) rankedIDs(ctx context.Context, db database, text, typ string, f searchFilters, need int) ([]int64, error) {
	match := "content : (" + MatchExpression(text) + ")"
	if typ != "" {
		match += ` AND type : "` + strings.ReplaceAll(typ, `"`, `""`) + `"`
	}
	where, args := f.where()
	join := len(where) > 0
	if len(f.indexed) > 0 {
		var n int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM statements s WHERE `+
			strings.Join(f.indexed, " AND ")+` LIMIT ?)`, append(slices.Clone(f.indexedArgs), scanMax+1)...).Scan(&n); err != nil {
			return nil, fmt.Errorf("filter size: %w", err)
		}
		if n <= scanMax {
			// The unary + keeps the IN off the FTS5 cursor, which would
			// otherwise run the MATCH once per listed key.
			where = slices.Concat([]string{"+f.rowid IN (SELECT " + rankKeySQL("s.length", "s.id") +
				" FROM statements s WHERE " + strings.Join(f.indexed, " AND ") + ")"}, f.residual)
			args = slices.Concat(f.indexedArgs, f.residualArgs)
			join = len(f.residual) > 0
		}
	}
	query := `SELECT f.rowid FROM statements_fts f`
	if join {
		query += ` JOIN statements s ON s.id = ` + keyIDSQL("f.rowid")
	}
	query += ` WHERE statements_fts MATCH ?`
	for _, w := range where {
		query += " AND " + w
	}
	query += ` ORDER BY f.rowid LIMIT ?`
	keys, err := reader{ctx, db}.ids(query, slices.Concat([]any{match}, args, []any{need})...)
	if err != nil {
		return nil, fmt.Errorf("ranked search: %w", err)
	}
	for i, k := range keys {
		keys[i] = keyID(k)
	}
	return keys, nil
}

// resultsByID returns the results for statement ids, in their order.
func (a *Archive) resultsByID(ctx context.Context, ids []int64) ([]Result, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	found, err := a.results(ctx, `SELECT s.id, s.type, s.content, s.confidence, s.published, s.n_sources, sp.id, sp.name, sp.kind
		FROM statements s LEFT JOIN speakers sp ON sp.id = s.speaker_id
		WHERE s.id IN (?`+strings.Repeat(", ?", len(ids)-1)+`)`, args...)
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
