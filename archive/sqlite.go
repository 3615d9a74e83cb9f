package archive

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite"
)

// sqliteDialect is the embedded SQLite archive: one file in WAL mode,
// FTS5 for full-text search, ranked by the full-text index's row keys
// (rank.go). SQLite is confined to this file and rank.go.
type sqliteDialect struct{}

// openSQLite opens the file at path with a pool of conns connections.
func openSQLite(path string, readOnly bool, conns int) (*sql.DB, error) {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "mmap_size(1073741824)") // reads map the file instead of copying pages through read(2)
	q.Add("_pragma", "synchronous(NORMAL)")   // WAL + NORMAL: no corruption on power loss, at worst the last commits are lost
	q.Add("_txlock", "immediate")             // take the write lock at BEGIN, so writers never deadlock upgrading
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	}
	db, err := sql.Open("sqlite", path+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(conns)
	db.SetMaxIdleConns(conns)
	if !readOnly {
		if _, err := db.Exec("PRAGMA journal_mode=WAL"); err != nil {
			db.Close()
			return nil, fmt.Errorf("WAL mode: %w", err)
		}
	}
	return db, nil
}

func (sqliteDialect) bind(query string) string { return query }

// lockWrites has nothing to do: a write transaction begins IMMEDIATE,
// which takes the database's write lock (other processes wait for it up
// to the busy timeout).
func (sqliteDialect) lockWrites(context.Context, *sql.Tx) error { return nil }

func (sqliteDialect) version(ctx context.Context, q rowQuerier) (int, error) {
	var version int
	err := q.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version)
	return version, err
}

func (sqliteDialect) setVersion(tx *sql.Tx, version int) error {
	_, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", version))
	return err
}

// sqliteMigrations build an SQLite archive up to baseVersion; PRAGMA
// user_version counts those done. Later changes go to the shared
// migrations (archive.go).
var sqliteMigrations = []func(*sql.Tx) error{
	execMigration(schema1),
	migrateRankKeys,
	execMigration(schemaCircumstances),
}

func (sqliteDialect) upgrade(tx *sql.Tx, from int) error {
	for i := from; i < len(sqliteMigrations); i++ {
		if err := sqliteMigrations[i](tx); err != nil {
			return fmt.Errorf("step %d: %w", i+1, err)
		}
	}
	return nil
}

func execMigration(query string) func(*sql.Tx) error {
	return func(tx *sql.Tx) error {
		_, err := tx.Exec(query)
		return err
	}
}

// schema1 is the first schema. Its full-text index is replaced by the
// next migration (see rank.go).
const schema1 = `
CREATE TABLE articles (
	id INTEGER PRIMARY KEY,
	ext_id TEXT NOT NULL UNIQUE,   -- the input record's id (file path for plain text)
	hash BLOB NOT NULL,            -- SHA-256 of text, title, url and date: same hash, same article
	title TEXT NOT NULL,
	url TEXT NOT NULL,
	published TEXT NOT NULL,       -- YYYY-MM-DD or '' when unknown
	body TEXT NOT NULL,
	record TEXT NOT NULL           -- JSON: title span and furniture of the extraction record
);
CREATE TABLE speakers (
	id INTEGER PRIMARY KEY,
	key TEXT NOT NULL UNIQUE,      -- normalised name that identifies the person across articles
	name TEXT NOT NULL,
	kind TEXT NOT NULL,
	surname TEXT NOT NULL          -- last word of key, to attach surname-only mentions
);
CREATE INDEX speakers_surname ON speakers(surname);
-- Identity fixes made by hand (alias merge/split): a name key maps to a
-- speaker key. Kept apart from extracted data so they survive re-ingest.
CREATE TABLE aliases (
	name_key TEXT PRIMARY KEY,
	speaker_key TEXT NOT NULL
) WITHOUT ROWID;
-- A statement is said once and carried by one or more articles (sources).
CREATE TABLE statements (
	id INTEGER PRIMARY KEY,
	speaker_id INTEGER REFERENCES speakers(id),
	type TEXT NOT NULL,
	content TEXT NOT NULL,
	content_hash INTEGER NOT NULL, -- of the normalised content: exact syndication
	confidence REAL NOT NULL,      -- best over its sources
	published TEXT NOT NULL,       -- earliest source date, '' when unknown
	n_sources INTEGER NOT NULL
);
CREATE INDEX statements_hash ON statements(content_hash);
CREATE INDEX statements_speaker ON statements(speaker_id, published);
CREATE INDEX statements_published ON statements(published);
-- MinHash bands of the normalised content: near-duplicate syndication.
CREATE TABLE statement_bands (
	band INTEGER NOT NULL,
	statement_id INTEGER NOT NULL,
	PRIMARY KEY (band, statement_id)
) WITHOUT ROWID;
-- One statement as it occurs in one article, with its spans (byte offsets
-- into articles.body) and how it was extracted.
CREATE TABLE occurrences (
	id INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	statement_id INTEGER NOT NULL REFERENCES statements(id),
	type TEXT NOT NULL,
	content_start INTEGER NOT NULL, content_end INTEGER NOT NULL,
	cue_start INTEGER, cue_end INTEGER, cue_lemma TEXT,
	speaker_start INTEGER, speaker_end INTEGER,
	speaker_name TEXT, speaker_kind TEXT NOT NULL,
	confidence REAL NOT NULL,
	rule TEXT NOT NULL, resolution TEXT NOT NULL,
	context_start INTEGER NOT NULL, context_end INTEGER NOT NULL
);
CREATE INDEX occurrences_article ON occurrences(article_id);
CREATE INDEX occurrences_statement ON occurrences(statement_id);
CREATE VIRTUAL TABLE statements_fts USING fts5(
	content, content='statements', content_rowid='id',
	tokenize='porter unicode61 remove_diacritics 2', prefix='2 3');
CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
	INSERT INTO statements_fts(rowid, content) VALUES (new.id, new.content);
END;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
	INSERT INTO statements_fts(statements_fts, rowid, content) VALUES ('delete', old.id, old.content);
END;
`

func (sqliteDialect) byteSlice(text, start, end string) string {
	return fmt.Sprintf("CAST(substr(CAST(%s AS BLOB), %s + 1, %s - %s) AS TEXT)", text, start, end, start)
}

// like: SQLite's LIKE ignores ASCII case.
func (sqliteDialect) like() string { return "LIKE" }

func (sqliteDialect) in(expr, subquery string) string { return expr + " IN (" + subquery + ")" }

// highlight: FTS5's highlight() needs the indexed text, which the
// contentless index does not keep.
func (sqliteDialect) highlight(context.Context, database, string, []string) ([]string, error) {
	return nil, nil
}

// copied has nothing to do: SQLite numbers new rows after the largest id.
func (sqliteDialect) copied(*sql.Tx, string) error { return nil }

// check runs SQLite's integrity check and FTS5's index check.
func (sqliteDialect) check(ctx context.Context, db database) error {
	var result string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&result); err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	if result != "ok" {
		return fmt.Errorf("integrity check: %s", result)
	}
	if _, err := db.ExecContext(ctx, "INSERT INTO statements_fts(statements_fts) VALUES ('integrity-check')"); err != nil {
		return fmt.Errorf("full-text index check: %w", err)
	}
	// The index is contentless, so FTS5's check cannot see whether it
	// holds every statement under its current rank key: compare the keys.
	keys := `SELECT ` + rankKeySQL("length", "id") + ` FROM statements`
	var stray, missing int
	if err := db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM (SELECT rowid FROM statements_fts EXCEPT `+keys+`)),
		(SELECT count(*) FROM (`+keys+` EXCEPT SELECT rowid FROM statements_fts))`).Scan(&stray, &missing); err != nil {
		return fmt.Errorf("full-text index check: %w", err)
	}
	if stray+missing > 0 {
		return fmt.Errorf("full-text index check: %d index rows without a statement, %d statements missing from the index", stray, missing)
	}
	return nil
}

// firstSources: SQLite runs in the process, so a query per statement
// costs no round trip.
func (sqliteDialect) firstSources(string) string { return "" }
