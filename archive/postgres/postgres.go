// Package postgres connects the archive to a PostgreSQL server through
// pgx (github.com/jackc/pgx/v5) and its database/sql driver. It is the one
// package that imports pgx, as the archive package is the one that
// imports SQLite: the archive's queries are shared and written once, and
// what differs between the two databases is archive's dialect layer.
package postgres

import (
	"database/sql"
	"fmt"
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
// every transaction of the pool read-only on the server.
func Open(url string, readOnly bool) (*sql.DB, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	if readOnly {
		cfg.RuntimeParams["default_transaction_read_only"] = "on"
	}
	db := stdlib.OpenDB(*cfg)
	// Enough connections for a busy server on a few cores; more only
	// queue inside PostgreSQL.
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(16)
	return db, nil
}
