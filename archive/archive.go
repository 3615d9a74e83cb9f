// Package archive is the statement archive: every ingested article, its
// statements deduplicated across outlets, and speakers identified across
// articles. It runs on an embedded SQLite database (modernc.org/sqlite,
// FTS5; the default) or on a PostgreSQL server (see postgres.go and the
// archive/postgres package), with the same queries (see dialect.go).
//
// The store is crash-safe by construction: every batch of articles is one
// transaction (SQLite runs in WAL mode), so an interrupted ingest leaves
// whole articles or none, and re-ingesting skips what is stored.
package archive

import (
	"context"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"runtime"
	"strings"
	"sync"

	"github.com/whosaid/whosaid/archive/postgres"
)

// DefaultPath is the archive file used when none is given.
const DefaultPath = "whosaid.db"

// Archive is an open archive. It is safe for concurrent use: reads run in
// parallel, writes are serialised (across processes too).
type Archive struct {
	db database
	// writeMu serialises write transactions within this process; the
	// dialect's write lock serialises writers in other processes.
	writeMu sync.Mutex
}

// Open opens the archive at location, a file path (SQLite) or a
// postgres:// URL, creating it and migrating its schema as needed.
// readOnly opens it for queries only (it must exist).
func Open(location string, readOnly bool) (*Archive, error) {
	var (
		db  *sql.DB
		d   dialect
		err error
	)
	// A connection keeps its parsed schema, its prepared plans and its
	// page cache: keep as many open as run at once, instead of
	// database/sql's two idle ones, or a busy server opens and warms a
	// connection per request. More than the cores can run do not finish
	// sooner: on a 2-core machine a PostgreSQL pool of 16 turned 200
	// searches a second into a backlog of seconds after every start
	// (README, "On PostgreSQL"). Requests beyond the pool wait for one.
	conns := max(4, 2*runtime.GOMAXPROCS(0))
	if postgres.IsURL(location) {
		db, err = postgres.Open(location, readOnly, conns)
		d = postgresDialect{}
	} else {
		db, err = openSQLite(location, readOnly, conns)
		d = sqliteDialect{}
	}
	if err != nil {
		return nil, fmt.Errorf("archive: open %s: %w", Redact(location), err)
	}
	a := &Archive{db: database{DB: db, d: d}}
	if _, ok := d.(sqliteDialect); ok {
		a.db.stmts = &statementCache{stmts: map[string]*sql.Stmt{}}
	}
	if readOnly {
		version, err := d.version(context.Background(), a.db)
		if err != nil {
			db.Close()
			return nil, fmt.Errorf("archive: open %s: %w", Redact(location), err)
		}
		if version != schemaVersion() {
			db.Close()
			return nil, fmt.Errorf("archive: open %s: schema version %d, this program reads %d (opening it for writing, as ingest does, upgrades it)",
				Redact(location), version, schemaVersion())
		}
		return a, nil
	}
	if err := a.migrate(); err != nil {
		db.Close()
		return nil, fmt.Errorf("archive: open %s: %w", Redact(location), err)
	}
	return a, nil
}

// Redact returns an archive location fit to print: a URL's password is
// masked.
func Redact(location string) string {
	if !postgres.IsURL(location) {
		return location
	}
	u, err := url.Parse(location)
	if err != nil {
		return "postgres://…"
	}
	return u.Redacted()
}

// Close closes the archive.
func (a *Archive) Close() error { return a.db.Close() }

// baseVersion is the schema version each dialect builds on its own
// (sqliteMigrations; PostgreSQL's postgresSchema in one step).
const baseVersion = 3

// migrations are the schema changes after baseVersion, applied in order
// through the writer, so in SQL both databases run. Only append to this
// list.
var migrations = []func(*writer) error{
	migrateSources,
	migrateStatementTerms,
	migrateAccentFolding,
}

// schemaVersion is the version of the schema this program writes.
func schemaVersion() int { return baseVersion + len(migrations) }

func (a *Archive) migrate() error {
	return a.write(context.Background(), func(w *writer) error {
		version, err := a.db.d.version(context.Background(), w.tx)
		if err != nil {
			return fmt.Errorf("migrate: schema version: %w", err)
		}
		if version > schemaVersion() {
			return fmt.Errorf("migrate: archive schema version %d is newer than this program's %d", version, schemaVersion())
		}
		if version < baseVersion {
			if err := a.db.d.upgrade(w.tx, version); err != nil {
				return fmt.Errorf("migrate: %w", err)
			}
		}
		for i := max(version, baseVersion); i < schemaVersion(); i++ {
			if err := migrations[i-baseVersion](w); err != nil {
				return fmt.Errorf("migrate: step %d: %w", i+1, err)
			}
		}
		if err := a.db.d.setVersion(w.tx, schemaVersion()); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		return nil
	})
}

// write runs fn in one write transaction.
func (a *Archive) write(ctx context.Context, fn func(*writer) error) error {
	a.writeMu.Lock()
	defer a.writeMu.Unlock()
	tx, err := a.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("archive: begin: %w", err)
	}
	if err := a.db.d.lockWrites(ctx, tx); err != nil {
		tx.Rollback()
		return fmt.Errorf("archive: write lock: %w", err)
	}
	if err := fn(newWriter(tx, a.db.d)); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("archive: commit: %w", err)
	}
	return nil
}

// Check runs the database's integrity checks (see the dialects).
func (a *Archive) Check(ctx context.Context) error {
	if err := a.db.d.check(ctx, a.db); err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	return nil
}

// Dump writes a canonical text form of the archive's contents, free of
// row ids and ordering accidents, so two archives can be compared, also
// across databases.
func (a *Archive) Dump(ctx context.Context, w io.Writer) error {
	queries := []string{
		`SELECT 'article', ext_id, hash, published || ' ' || outlet, (SELECT count(*) FROM occurrences o WHERE o.article_id = a.id) FROM articles a ORDER BY ext_id`,
		`SELECT 'speaker', key, name, kind, (SELECT count(*) FROM statements s WHERE s.speaker_id = sp.id) FROM speakers sp ORDER BY key`,
		`SELECT 'alias', name_key, speaker_key, '', '' FROM aliases ORDER BY name_key`,
		`SELECT 'statement', coalesce(sp.key, ''), s.content, s.type || ' ' || s.n_sources || ' ' || s.published, s.confidence
		 FROM statements s LEFT JOIN speakers sp ON sp.id = s.speaker_id ORDER BY 2, 3, 4`,
		`SELECT 'occurrence', a.ext_id, o.content_start, o.content_end || ' ' || coalesce(o.speaker_gender, ''), s.content
		 FROM occurrences o JOIN articles a ON a.id = o.article_id JOIN statements s ON s.id = o.statement_id ORDER BY 2, 3, 4`,
	}
	format := func(v any) string {
		switch v := v.(type) {
		case []byte: // a hash
			return strings.ToUpper(hex.EncodeToString(v))
		case float64: // a confidence
			return fmt.Sprintf("%.3f", v)
		default:
			return fmt.Sprint(v)
		}
	}
	for _, q := range queries {
		rows, err := a.db.QueryContext(ctx, q)
		if err != nil {
			return fmt.Errorf("archive: dump: %w", err)
		}
		for rows.Next() {
			var f [5]any
			if err := rows.Scan(&f[0], &f[1], &f[2], &f[3], &f[4]); err != nil {
				rows.Close()
				return fmt.Errorf("archive: dump: %w", err)
			}
			if _, err := fmt.Fprintf(w, "%q\t%q\t%q\t%q\t%q\n", format(f[0]), format(f[1]), format(f[2]), format(f[3]), format(f[4])); err != nil {
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
