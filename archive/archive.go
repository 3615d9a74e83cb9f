// Package archive is the statement archive: an embedded SQLite database
// (modernc.org/sqlite, FTS5) holding every ingested article, its
// statements deduplicated across outlets, and speakers identified across
// articles. SQLite is confined to this package.
//
// The store is crash-safe by construction: the database runs in WAL mode
// and every batch of articles is one transaction, so an interrupted ingest
// leaves whole articles or none, and re-ingesting skips what is stored.
package archive

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"sync"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite"
)

// DefaultPath is the archive file used when none is given.
const DefaultPath = "whosaid.db"

// Archive is an open archive. It is safe for concurrent use: reads run in
// parallel (WAL), writes are serialised.
type Archive struct {
	db *sql.DB
	// writeMu serialises write transactions within this process; SQLite's
	// busy timeout handles writers in other processes.
	writeMu sync.Mutex
}

// Open opens the archive at path, creating it and migrating its schema as
// needed. readOnly opens it for queries only (it must exist).
func Open(path string, readOnly bool) (*Archive, error) {
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
		return nil, fmt.Errorf("archive: open %s: %w", path, err)
	}
	a := &Archive{db: db}
	if readOnly {
		var version int
		if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
			db.Close()
			return nil, fmt.Errorf("archive: open %s: %w", path, err)
		}
		if version != len(migrations) {
			db.Close()
			return nil, fmt.Errorf("archive: open %s: schema version %d, this program reads %d (opening it for writing, as ingest does, upgrades it)",
				path, version, len(migrations))
		}
		return a, nil
	}
	if _, err := db.Exec("PRAGMA journal_mode=WAL"); err != nil {
		db.Close()
		return nil, fmt.Errorf("archive: open %s: WAL mode: %w", path, err)
	}
	if err := a.migrate(); err != nil {
		db.Close()
		return nil, fmt.Errorf("archive: open %s: %w", path, err)
	}
	return a, nil
}

// Close closes the archive.
func (a *Archive) Close() error { return a.db.Close() }

// migrations are applied in order; PRAGMA user_version counts those done.
// Only append to this list.
var migrations = []func(*sql.Tx) error{
	execMigration(schema1),
	migrateRankKeys,
	execMigration(schemaCircumstances),
	migrateSources,
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

func (a *Archive) migrate() error {
	a.writeMu.Lock()
	defer a.writeMu.Unlock()
	tx, err := a.db.Begin()
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback()
	var version int
	if err := tx.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("migrate: schema version: %w", err)
	}
	if version > len(migrations) {
		return fmt.Errorf("migrate: archive schema version %d is newer than this program's %d", version, len(migrations))
	}
	for i := version; i < len(migrations); i++ {
		if err := migrations[i](tx); err != nil {
			return fmt.Errorf("migrate: step %d: %w", i+1, err)
		}
	}
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", len(migrations))); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}

// write runs fn in one write transaction.
func (a *Archive) write(ctx context.Context, fn func(*sql.Tx) error) error {
	a.writeMu.Lock()
	defer a.writeMu.Unlock()
	tx, err := a.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("archive: begin: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("archive: commit: %w", err)
	}
	return nil
}

// Check runs SQLite's integrity check and FTS5's index check.
func (a *Archive) Check(ctx context.Context) error {
	var result string
	if err := a.db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&result); err != nil {
		return fmt.Errorf("archive: integrity check: %w", err)
	}
	if result != "ok" {
		return fmt.Errorf("archive: integrity check: %s", result)
	}
	if _, err := a.db.ExecContext(ctx, "INSERT INTO statements_fts(statements_fts) VALUES ('integrity-check')"); err != nil {
		return fmt.Errorf("archive: full-text index check: %w", err)
	}
	// The index is contentless, so FTS5's check cannot see whether it
	// holds every statement under its current rank key: compare the keys.
	keys := `SELECT ` + rankKeySQL("length", "id") + ` FROM statements`
	var stray, missing int
	if err := a.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM (SELECT rowid FROM statements_fts EXCEPT `+keys+`)),
		(SELECT count(*) FROM (`+keys+` EXCEPT SELECT rowid FROM statements_fts))`).Scan(&stray, &missing); err != nil {
		return fmt.Errorf("archive: full-text index check: %w", err)
	}
	if stray+missing > 0 {
		return fmt.Errorf("archive: full-text index check: %d index rows without a statement, %d statements missing from the index", stray, missing)
	}
	return nil
}

// Dump writes a canonical text form of the archive's contents, free of
// row ids and ordering accidents, so two archives can be compared.
func (a *Archive) Dump(ctx context.Context, w io.Writer) error {
	queries := []string{
		`SELECT 'article', ext_id, hex(hash), published || ' ' || outlet, (SELECT count(*) FROM occurrences o WHERE o.article_id = a.id) FROM articles a ORDER BY ext_id`,
		`SELECT 'speaker', key, name, kind, (SELECT count(*) FROM statements s WHERE s.speaker_id = sp.id) FROM speakers sp ORDER BY key`,
		`SELECT 'alias', name_key, speaker_key, '', '' FROM aliases ORDER BY name_key`,
		`SELECT 'statement', coalesce(sp.key, ''), s.content, s.type || ' ' || s.n_sources || ' ' || s.published, printf('%.3f', s.confidence)
		 FROM statements s LEFT JOIN speakers sp ON sp.id = s.speaker_id ORDER BY 2, 3, 4`,
		`SELECT 'occurrence', a.ext_id, o.content_start, o.content_end || ' ' || coalesce(o.speaker_gender, ''), s.content
		 FROM occurrences o JOIN articles a ON a.id = o.article_id JOIN statements s ON s.id = o.statement_id ORDER BY 2, 3, 4`,
	}
	for _, q := range queries {
		rows, err := a.db.QueryContext(ctx, q)
		if err != nil {
			return fmt.Errorf("archive: dump: %w", err)
		}
		for rows.Next() {
			var f [5]string
			if err := rows.Scan(&f[0], &f[1], &f[2], &f[3], &f[4]); err != nil {
				rows.Close()
				return fmt.Errorf("archive: dump: %w", err)
			}
			if _, err := fmt.Fprintf(w, "%q\t%q\t%q\t%q\t%q\n", f[0], f[1], f[2], f[3], f[4]); err != nil {
				rows.Close()
				return fmt.Errorf("archive: dump: %w", err)
			}
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return fmt.Errorf("archive: dump: %w", err)
		}
	}
	return nil
}
