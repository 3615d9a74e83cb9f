package archive

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
)

// Postings in rank order on PostgreSQL. The GIN index finds a word's
// statements in no useful order, so a search for a common word either
// ranks all its matches or walks every statement in rank order testing
// each; FTS5 instead walks the word's own matches in rank order (rank.go)
// and stops when the page is full. statement_terms gives PostgreSQL the
// same: one row per lexeme of each statement's search vector, under a
// btree in rank order within the lexeme, kept in step with statements by a
// trigger. A search walks the postings of one group of its terms (the
// rarest), joins each posting to its statement and tests the whole query
// and the filters there, and stops when the page is full (termWalk).

// statementTermsSchema is the postings table, its rank-ordered index and
// the trigger that maintains it; migrateStatementTerms fills it for the
// statements already stored between the table and the index.
const statementTermsSchema = `
CREATE TABLE statement_terms (
	lexeme text COLLATE "C" NOT NULL,
	length integer NOT NULL,
	statement_id bigint NOT NULL
);
CREATE FUNCTION statement_terms_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN
		DELETE FROM statement_terms
		WHERE lexeme = ANY(tsvector_to_array(OLD.tsv)) AND length = OLD.length AND statement_id = OLD.id;
	END IF;
	IF TG_OP <> 'DELETE' THEN
		INSERT INTO statement_terms (lexeme, length, statement_id)
		SELECT l, NEW.length, NEW.id FROM unnest(tsvector_to_array(NEW.tsv)) l;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER statement_terms_sync AFTER INSERT OR DELETE OR UPDATE OF content, length ON statements
	FOR EACH ROW EXECUTE FUNCTION statement_terms_sync();
INSERT INTO statement_terms (lexeme, length, statement_id)
	SELECT l, length, id FROM statements, unnest(tsvector_to_array(tsv)) l;
CREATE UNIQUE INDEX statement_terms_rank ON statement_terms(lexeme, length, statement_id DESC);
`

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

// maxPrefixLexemes bounds the lexemes a prefix term is walked as; a
// prefix with more (a short one) is searched without the postings.
const maxPrefixLexemes = 32

// lexemeRange is the lexemes in [lo, hi) (byte order): one lexeme (hi is
// lo followed by \x01, which no lexeme contains) or those starting with a
// prefix (hi is the prefix followed by the last code point).
type lexemeRange struct {
	lo, hi string
	prefix bool
}

func exactLexeme(l string) lexemeRange { return lexemeRange{l, l + "\x01", false} }

func prefixLexemes(p string) lexemeRange { return lexemeRange{p, p + "\U0010FFFF", true} }

// termWalk finds the ranked page of a search through statement_terms. It
// returns done = false when it cannot tell: the query's words give no
// lexeme to walk, a prefix stands for too many lexemes, or the walk read
// scanMax postings and found fewer than need statements.
func termWalk(ctx context.Context, db database, groups [][]searchTerm, cond string, condArgs []any, need int) (ids []int64, done bool, err error) {
	r := reader{ctx, db}
	// Each term's lexemes; every one of them is in each of the term's
	// matches (a phrase, or words followed by a prefix).
	var texts []string
	for _, g := range groups {
		for _, t := range g {
			texts = append(texts, t.text)
		}
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
	choice := make([]lexemeRange, len(texts))
	count := make([]int, len(texts))
	var all []lexemeRange
	for _, c := range candidates {
		all = append(all, c...)
	}
	counted := len(all) > 1
	if counted {
		los, his := make([]string, len(all)), make([]string, len(all))
		for i, c := range all {
			los[i], his[i] = c.lo, c.hi
		}
		n, err := r.ids(`SELECT (SELECT count(*) FROM (SELECT FROM statement_terms WHERE lexeme >= c.lo AND lexeme < c.hi LIMIT ?) p)
			FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS c(lo, hi, i) ORDER BY c.i`, scanMax+1, los, his)
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
		choice[0] = all[0]
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
	// The walk: each lexeme's postings in rank order, merged.
	var walk []lexemeRange
	for _, t := range termIndex[best] {
		walk = append(walk, choice[t])
	}
	var lexemes []string
	for _, c := range walk {
		if !c.prefix {
			lexemes = append(lexemes, c.lo)
			continue
		}
		expanded, err := column[string](db.QueryContext(ctx, `WITH RECURSIVE p(l) AS (
				(SELECT lexeme FROM statement_terms WHERE lexeme >= ? ORDER BY lexeme LIMIT 1)
				UNION ALL
				SELECT (SELECT lexeme FROM statement_terms WHERE lexeme > p.l ORDER BY lexeme LIMIT 1) FROM p WHERE p.l < ?)
			SELECT l FROM p WHERE l < ? LIMIT ?`, c.lo, c.hi, c.hi, maxPrefixLexemes+1))
		if err != nil {
			return nil, false, fmt.Errorf("ranked search: prefix %q: %w", c.lo, err)
		}
		if len(expanded) > maxPrefixLexemes {
			return nil, false, nil
		}
		lexemes = append(lexemes, expanded...)
	}
	slices.Sort(lexemes)
	lexemes = slices.Compact(lexemes)
	if len(lexemes) == 0 {
		return nil, true, nil // a prefix no statement has
	}
	var args []any
	var postings string
	if len(lexemes) == 1 {
		postings = `SELECT length, statement_id FROM statement_terms WHERE lexeme = ? ORDER BY length, statement_id DESC LIMIT ?`
		args = []any{lexemes[0], scanMax}
	} else {
		scans := make([]string, len(lexemes))
		for i, l := range lexemes {
			scans[i] = `(SELECT length, statement_id FROM statement_terms WHERE lexeme = ? ORDER BY length, statement_id DESC LIMIT ?)`
			args = append(args, l, scanMax)
		}
		postings = `SELECT DISTINCT length, statement_id FROM (` + strings.Join(scans, " UNION ALL ") +
			`) u ORDER BY length, statement_id DESC LIMIT ?`
		args = append(args, scanMax)
	}
	query := `SELECT s.id FROM (` + postings + `) t JOIN statements s ON s.id = t.statement_id WHERE ` + cond +
		` ORDER BY t.length, t.statement_id DESC LIMIT ?`
	if ids, err = r.ids(query, slices.Concat(args, condArgs, []any{need})...); err != nil {
		return nil, false, fmt.Errorf("ranked search: postings walk: %w", err)
	}
	// Fewer than need: final when the walk read every posting.
	return ids, len(ids) == need || counted && bestCount <= scanMax, nil
}
