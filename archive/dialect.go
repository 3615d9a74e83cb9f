package archive

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"sync"
)

// The archive runs on SQLite (sqlite.go) or PostgreSQL (postgres.go).
// Its queries are written once, in the SQL both accept, with ? for
// parameters; a dialect holds what cannot be shared: placeholders, the
// schema up to the shared migrations, the full-text search, the
// cross-process write lock and a few expressions.
type dialect interface {
	// bind rewrites a query written with ? parameters for the driver.
	bind(query string) string
	// lockWrites takes, in a write transaction, the lock that serialises
	// writers across processes.
	lockWrites(ctx context.Context, tx *sql.Tx) error
	// version is the archive's schema version, 0 when it has no schema.
	version(ctx context.Context, q rowQuerier) (int, error)
	setVersion(tx *sql.Tx, version int) error
	// upgrade brings a schema of version from (< baseVersion) to
	// baseVersion; the shared migrations follow.
	upgrade(tx *sql.Tx, from int) error
	// byteSlice is the SQL for text[start:end], offsets in UTF-8 bytes.
	byteSlice(text, start, end string) string
	// like is the ASCII case-insensitive LIKE operator.
	like() string
	// in is the SQL for "expr IN (subquery)", for a subquery that returns
	// a few values.
	in(expr, subquery string) string
	// rankedIDs returns the ids of the first need statements matching the
	// user's text query (and statement type, when set) and passing f,
	// best first (see rank.go).
	rankedIDs(ctx context.Context, db database, text, typ string, f searchFilters, need int) ([]int64, error)
	// highlight returns each of contents with the words matching the
	// user's text query marked, or nil when the database cannot.
	highlight(ctx context.Context, db database, text string, contents []string) ([]string, error)
	// copied finishes the copy of a table's rows with their ids (CopyTo).
	copied(tx *sql.Tx, table string) error
	// firstSources is the query of the earliest occurrence of each
	// statement whose id is in its one (array) parameter, selecting
	// columns from occurrences o joined to articles a; "" where a query
	// per statement costs no more (no round trip).
	firstSources(columns string) string
	// check runs the database's own integrity checks.
	check(ctx context.Context, db database) error
}

// rowQuerier is a *sql.DB or a *sql.Tx.
type rowQuerier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// database is the archive's connection pool; its queries are written
// with ? parameters and bound for the dialect.
type database struct {
	*sql.DB
	d dialect
	// stmts keeps queries prepared on SQLite, whose driver parses a
	// query anew each time it runs (15% of a search's time); nil on
	// PostgreSQL, whose driver keeps its own per connection.
	stmts *statementCache
}

func (db database) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	query = db.d.bind(query)
	if st := db.stmts.prepared(ctx, db.DB, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return db.DB.QueryContext(ctx, query, args...)
}

func (db database) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	query = db.d.bind(query)
	if st := db.stmts.prepared(ctx, db.DB, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return db.DB.QueryRowContext(ctx, query, args...)
}

// Close closes the prepared statements and the pool.
func (db database) Close() error {
	db.stmts.close()
	return db.DB.Close()
}

// maxPrepared bounds the statement cache: queries built with a varying
// number of parameters would otherwise fill it without end.
const maxPrepared = 256

// statementCache holds prepared statements by query text. database/sql
// prepares a statement again on each connection that runs it, so one
// entry serves the whole pool.
type statementCache struct {
	mu    sync.Mutex
	stmts map[string]*sql.Stmt
}

// prepared returns query prepared, or nil when c is nil, full, or the
// preparation failed (the caller then runs the query unprepared).
func (c *statementCache) prepared(ctx context.Context, db *sql.DB, query string) *sql.Stmt {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	st, ok := c.stmts[query]
	full := len(c.stmts) >= maxPrepared
	c.mu.Unlock()
	if ok || full {
		return st
	}
	st, err := db.PrepareContext(ctx, query)
	if err != nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if other, ok := c.stmts[query]; ok {
		st.Close() // another request prepared it meanwhile
		return other
	}
	c.stmts[query] = st
	return st
}

func (c *statementCache) close() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for q, st := range c.stmts {
		st.Close()
		delete(c.stmts, q)
	}
}

func (db database) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return db.DB.ExecContext(ctx, db.d.bind(query), args...)
}

// dollarParams rewrites ? parameters as $1, $2, …, leaving quoted
// strings and identifiers alone.
func dollarParams(query string) string {
	if !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	n := 0
	var quote byte
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
