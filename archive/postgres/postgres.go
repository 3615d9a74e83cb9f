// Package postgres connects the archive to a PostgreSQL server through
// pgx (github.com/jackc/pgx/v5) and its database/sql driver. It is the one
// package that imports pgx, as the archive package is the one that
// imports SQLite: the archive's queries are shared and written once, and
// what differs between the two databases is archive's dialect layer.
package postgres

import (
	"database/sql"
	"fmt"
	neturl "net/url"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// IsURL reports whether an archive location is a PostgreSQL connection
// URL (postgres://… or postgresql://…) rather than a file path.
func IsURL(location string) bool {
	return strings.HasPrefix(location, "postgres://") || strings.HasPrefix(location, "postgresql://")
}

// Open returns a connection pool to the database at url. readOnly makes
// every transaction of the pool read-only on the server. The pool keeps
// conns connections, or as many as the URL's pool_max_conns parameter
// (pgxpool's name) says, for a server with more cores than its client.
func Open(url string, readOnly bool, conns int) (*sql.DB, error) {
	url, conns, err := poolSize(url, conns)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	if readOnly {
		cfg.RuntimeParams["default_transaction_read_only"] = "on"
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(conns)
	db.SetMaxIdleConns(conns)
	return db, nil
}

// poolSize takes the pool_max_conns parameter out of url (PostgreSQL
// would refuse it as a setting) and returns the pool's size: that
// parameter, or conns without it.
func poolSize(raw string, conns int) (string, int, error) {
	u, err := neturl.Parse(raw)
	if err != nil {
		return "", 0, err
	}
	q := u.Query()
	if v := q.Get("pool_max_conns"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return "", 0, fmt.Errorf("pool_max_conns=%q: want a positive number", v)
		}
		conns = n
		q.Del("pool_max_conns")
		u.RawQuery = q.Encode()
	}
	return u.String(), conns, nil
}
