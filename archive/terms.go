package archive

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Postings in rank order on PostgreSQL. The GIN index finds a word's
// statements in no useful order, so a search for a common word either
// ranks all its matches or walks every statement in rank order testing
// each; FTS5 instead walks the word's own matches in rank order (rank.go)
// and stops when the page is full. statement_terms gives PostgreSQL the
// same: one row per lexeme of each statement's search vector, under a
// btree in rank order within the lexeme that also carries the columns
// the search filters test (speaker, type, date, confidence), kept in step
// with statements by triggers. A search walks the postings of one group
// of its terms (the rarest) in an index-only scan, filtering as it goes,
// tests the rest of the query on the statements that pass, and stops
// when the page is full (termWalk). A posting row has the statement's
// column names (id, speaker_id, …), so the filters apply to it as
// written for statements.

// statementTermsSchema is the postings table, its rank-ordered index and
// the triggers that maintain it; it fills the table for the statements
// already stored between the table and the index.
const statementTermsSchema = `
CREATE TABLE statement_terms (
	lexeme text COLLATE "C" NOT NULL,
	length integer NOT NULL,
	id bigint NOT NULL, -- the statement's
	speaker_id bigint,
	type text COLLATE "C" NOT NULL,
	published text COLLATE "C" NOT NULL,
	confidence double precision NOT NULL
);
CREATE FUNCTION statement_terms_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN
		DELETE FROM statement_terms
		WHERE lexeme = ANY(tsvector_to_array(OLD.tsv)) AND type = OLD.type AND length = OLD.length AND id = OLD.id;
	END IF;
	IF TG_OP <> 'DELETE' THEN
		INSERT INTO statement_terms (lexeme, length, id, speaker_id, type, published, confidence)
		SELECT l, NEW.length, NEW.id, NEW.speaker_id, NEW.type, NEW.published, NEW.confidence
		FROM unnest(tsvector_to_array(NEW.tsv)) l;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER statement_terms_add AFTER INSERT OR DELETE ON statements
	FOR EACH ROW EXECUTE FUNCTION statement_terms_sync();
CREATE TRIGGER statement_terms_change AFTER UPDATE OF content, length, speaker_id, type, published, confidence ON statements
	FOR EACH ROW WHEN ((OLD.content, OLD.length, OLD.speaker_id, OLD.type, OLD.published, OLD.confidence) IS DISTINCT FROM
		(NEW.content, NEW.length, NEW.speaker_id, NEW.type, NEW.published, NEW.confidence))
	EXECUTE FUNCTION statement_terms_sync();
` + fillStatementTerms + `;
CREATE UNIQUE INDEX statement_terms_rank ON statement_terms(lexeme, type, length, id DESC)
	INCLUDE (speaker_id, published, confidence);
`

// statementTermsColumns are the columns of a posting after its lexeme.
const statementTermsColumns = "length, id, speaker_id, type, published, confidence"

// fillStatementTerms adds the postings of the statements it selects (all,
// or those of a WHERE clause appended to it).
const fillStatementTerms = `INSERT INTO statement_terms (lexeme, ` + statementTermsColumns + `)
	SELECT l, ` + statementTermsColumns + ` FROM statements, unnest(tsvector_to_array(tsv)) l`

// migrateStatementTerms adds the postings table to a PostgreSQL archive
// (schema 5); SQLite's full-text index already walks in rank order.
func migrateStatementTerms(w *writer) error {
	if _, ok := w.d.(postgresDialect); !ok {
		return nil
	}
	if _, err := w.tx.Exec(statementTermsSchema); err != nil {
		return fmt.Errorf("statement terms: %w", err)
	}
	return nil
}

// postingsPerScan: a postings walk reads up to postingsPerScan × scanMax
// postings, each an index tuple, where SQLite's filtered scan tests
// scanMax statements.
const postingsPerScan = 10

// maxWalkKeys bounds the (lexeme, type) pairs a walk merges; a query
// with more (a short prefix) is searched without the postings.
const maxWalkKeys = 48

// lexemeRange is the lexemes in [lo, hi) (byte order): one lexeme (hi is
// lo followed by \x01, which no lexeme contains) or those starting with a
// prefix (hi is the prefix followed by the last code point).
type lexemeRange struct {
	lo, hi string
	prefix bool
}

func exactLexeme(l string) lexemeRange { return lexemeRange{l, l + "\x01", false} }

func prefixLexemes(p string) lexemeRange { return lexemeRange{p, p + "\U0010FFFF", true} }

// termWalk finds the ranked page of a search through statement_terms:
// text is the user's query, typ the statement type wanted (or ""), match
// the query's tsquery expression (with matchArgs), where the other
// filters on statements s. It returns done = false
// when it cannot tell: the query's words give no lexeme to walk, a prefix
// stands for too many lexemes, or the walk read its bound of postings and
// found fewer than need statements.
func termWalk(ctx context.Context, db database, text, typ, match string, matchArgs []any, where []string, whereArgs []any, need int) (ids []int64, done bool, err error) {
	r := reader{ctx, db}
	walkMax := postingsPerScan * scanMax
	groups, exclude := searchTerms(text)
	// Each term's lexemes; every one of them is in each of the term's
	// matches (a phrase, or words followed by a prefix).
	var texts []string
	for _, g := range groups {
		for _, t := range g {
			texts = append(texts, t.text)
		}
	}
	nTerms := len(texts)
	for _, t := range exclude {
		texts = append(texts, t.text)
	}
	type lexeme struct {
		term     int
		text     string
		position int
	}
	rows, err := db.QueryContext(ctx, `SELECT t.i, l.lexeme, l.positions[array_upper(l.positions, 1)]
		FROM unnest(?::text[]) WITH ORDINALITY AS t(txt, i), unnest(to_tsvector('whosaid', t.txt)) l`, texts)
	found, err := scanRows(rows, err, func(rs *sql.Rows, l *lexeme) error { return rs.Scan(&l.term, &l.text, &l.position) })
	if err != nil {
		return nil, false, fmt.Errorf("ranked search: terms: %w", err)
	}
	// The walk candidates of each term: any one lexeme; for a prefix
	// term, the prefix is the last word's lexeme.
	candidates := make([][]lexemeRange, len(texts))
	last := make([]int, len(texts))
	for _, l := range found {
		last[l.term-1] = max(last[l.term-1], l.position)
	}
	k := 0
	termIndex := make([][]int, len(groups))
	for gi, g := range groups {
		for _, t := range g {
			for _, l := range found {
				if l.term-1 != k {
					continue
				}
				if t.prefix && l.position == last[k] {
					candidates[k] = append(candidates[k], prefixLexemes(l.text))
				} else {
					candidates[k] = append(candidates[k], exactLexeme(l.text))
				}
			}
			if len(candidates[k]) == 0 {
				return nil, false, nil
			}
			termIndex[gi] = append(termIndex[gi], k)
			k++
		}
	}
	// The group to walk: the one with the fewest postings, each term by
	// its rarest candidate, counted up to scanMax+1 (exact below).
	choice := make([]lexemeRange, nTerms)
	count := make([]int, nTerms)
	var all []lexemeRange
	for _, c := range candidates {
		all = append(all, c...)
	}
	counted := len(all) > nTerms || len(groups) > 1 // a choice to make
	if counted {
		los, his, prefix := make([]string, len(all)), make([]string, len(all)), make([]bool, len(all))
		for i, c := range all {
			los[i], his[i], prefix[i] = c.lo, c.hi, c.prefix
		}
		// A lexeme by equality, so that the type, when given, positions
		// the scan too (after a range it would only filter).
		typeCond, typeArgs := "", []any{}
		if typ != "" {
			typeCond, typeArgs = " AND type = ?", []any{typ}
		}
		n, err := r.ids(`SELECT CASE WHEN c.prefix
				THEN (SELECT count(*) FROM (SELECT FROM statement_terms WHERE lexeme >= c.lo AND lexeme < c.hi`+typeCond+` LIMIT ?) p)
				ELSE (SELECT count(*) FROM (SELECT FROM statement_terms WHERE lexeme = c.lo`+typeCond+` LIMIT ?) p) END
			FROM unnest(?::text[], ?::text[], ?::boolean[]) WITH ORDINALITY AS c(lo, hi, prefix, i) ORDER BY c.i`,
			slices.Concat(typeArgs, []any{scanMax + 1}, typeArgs, []any{scanMax + 1, los, his, prefix})...)
		if err != nil {
			return nil, false, fmt.Errorf("ranked search: postings: %w", err)
		}
		i := 0
		for t, c := range candidates {
			count[t] = -1
			for _, cand := range c {
				if count[t] < 0 || int(n[i]) < count[t] {
					choice[t], count[t] = cand, int(n[i])
				}
				i++
			}
		}
	} else {
		copy(choice, all)
	}
	best, bestCount := 0, -1
	for gi, terms := range termIndex {
		total := 0
		for _, t := range terms {
			total += count[t]
		}
		if bestCount < 0 || total < bestCount {
			best, bestCount = gi, total
		}
	}
	// The walk: the postings of each lexeme and type in rank order,
	// merged. The lexemes of a prefix and the types of a lexeme are found
	// by skipping through the index, a probe each.
	los, his := []string{}, []string{}
	for _, t := range termIndex[best] {
		los, his = append(los, choice[t].lo), append(his, choice[t].hi)
	}
	type key struct{ lexeme, typ string }
	rows, err = db.QueryContext(ctx, `WITH RECURSIVE k(lexeme, type, hi) AS (
			SELECT f.lexeme, f.type, c.hi FROM unnest(?::text[], ?::text[]) AS c(lo, hi), LATERAL (SELECT lexeme, type FROM statement_terms
				WHERE lexeme >= c.lo AND lexeme < c.hi ORDER BY lexeme, type LIMIT 1) f
			UNION ALL
			SELECT n.lexeme, n.type, k.hi FROM k, LATERAL (SELECT lexeme, type FROM statement_terms t
				WHERE (t.lexeme, t.type) > (k.lexeme, k.type) AND t.lexeme < k.hi ORDER BY lexeme, type LIMIT 1) n)
		SELECT DISTINCT lexeme, type FROM (SELECT * FROM k LIMIT ?) k WHERE type = ? OR ? = ''`, los, his, maxWalkKeys+1, typ, typ)
	keys, err := scanRows(rows, err, func(rs *sql.Rows, k *key) error { return rs.Scan(&k.lexeme, &k.typ) })
	if err != nil {
		return nil, false, fmt.Errorf("ranked search: postings keys: %w", err)
	}
	if len(keys) > maxWalkKeys {
		return nil, false, nil
	}
	// The postings walked are the matches themselves (exact) when the
	// walked terms are one lexeme or one prefix each and the rest of the
	// query is single words, required or excluded: these are probed in
	// the postings; anything else (phrases, prefixes) is tested on the
	// statement's search vector.
	exact := true
	for _, t := range termIndex[best] {
		exact = exact && len(candidates[t]) == 1
	}
	var probes []string
	var probeArgs []any
	probe := func(l string) string {
		probeArgs = append(probeArgs, l)
		return "EXISTS (SELECT FROM statement_terms p WHERE p.lexeme = ? AND p.type = s.type AND p.length = s.length AND p.id = s.id)"
	}
	for gi, terms := range termIndex {
		if gi == best {
			continue
		}
		c := candidates[terms[0]]
		if exact = exact && len(terms) == 1 && len(c) == 1 && !c[0].prefix; exact {
			probes = append(probes, probe(c[0].lo))
		}
	}
	for j, t := range exclude {
		var ls []string
		for _, l := range found {
			if l.term-1 == nTerms+j {
				ls = append(ls, l.text)
			}
		}
		if exact = exact && len(ls) == 1 && !t.prefix; exact {
			probes = append(probes, "NOT "+probe(ls[0]))
		}
	}
	// When the postings are the matches, the walk reads on until the page
	// is full: filtered in the index, it costs less than ranking the GIN
	// matches even when it reads every posting.
	if exact {
		walkMax = math.MaxInt64
	}
	if len(keys) == 0 {
		return nil, true, nil // no statement has the words walked
	}
	var args []any
	scan := `SELECT ` + statementTermsColumns + ` FROM statement_terms WHERE lexeme = ? AND type = ? ORDER BY length, id DESC LIMIT ?`
	postings := scan
	if len(keys) == 1 {
		args = []any{keys[0].lexeme, keys[0].typ, walkMax}
	} else {
		scans := make([]string, len(keys))
		for i, k := range keys {
			scans[i] = "(" + scan + ")"
			args = append(args, k.lexeme, k.typ, walkMax)
		}
		postings = `SELECT DISTINCT ON (length, id) * FROM (` + strings.Join(scans, " UNION ALL ") +
			`) u ORDER BY length, id DESC LIMIT ?`
		args = append(args, walkMax)
	}
	query := `SELECT s.id FROM (` + postings + `) s`
	if !exact {
		// The rest of the query is tested on each statement in turn (a
		// lateral subquery that OFFSET 0 keeps from being flattened): in
		// a join the planner may hash all the query's GIN matches, as it
		// cannot tell how many there are when the query is a parameter.
		query += ` CROSS JOIN LATERAL (SELECT FROM statements v WHERE v.id = s.id AND v.tsv @@ ` + match + ` OFFSET 0) v`
		args = append(args, matchArgs...)
	}
	if exact {
		where, whereArgs = slices.Concat(where, probes), slices.Concat(whereArgs, probeArgs)
	}
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, " AND ")
	}
	query += ` ORDER BY s.length, s.id DESC LIMIT ?`
	if ids, err = r.ids(query, slices.Concat(args, whereArgs, []any{need})...); err != nil {
		return nil, false, fmt.Errorf("ranked search: postings walk: %w", err)
	}
	// Fewer than need: final when the walk read every posting.
	return ids, exact || len(ids) == need || counted && bestCount <= scanMax, nil
}
