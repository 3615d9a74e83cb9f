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
	"runtime"
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
// every transaction of the pool read-only on the server. The URL's
// pool_max_conns parameter (pgxpool's name) bounds the pool; see poolSize.
func Open(url string, readOnly bool) (*sql.DB, error) {
	url, conns, err := poolSize(url)
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
// parameter, or by default two connections a core of this process, at
// least four. More searches at once than the cores can run do not finish
// sooner: each connection is a PostgreSQL backend with its own plans to
// warm, and on a 2-core machine a pool of 16 turned 200 searches a second
// into a backlog of seconds after every start (README, "On PostgreSQL").
func poolSize(raw string) (string, int, error) {
	u, err := neturl.Parse(raw)
	if err != nil {
		return "", 0, err
	}
	conns := max(4, 2*runtime.GOMAXPROCS(0))
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
