// Package pgtest gives tests a PostgreSQL archive location of their own:
// a fresh schema on the server named by $WHOSAID_TEST_POSTGRES (a
// postgres:// URL; .ci/postgres starts one), dropped when the test ends.
// Without a server the test is skipped with a message, unless
// $WHOSAID_REQUIRE_POSTGRES is set (as in CI), when it fails.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/whosaid/whosaid/archive/postgres"
)

// Env names the variable holding the test server's URL.
const Env = "WHOSAID_TEST_POSTGRES"

// Unavailable says why PostgreSQL tests cannot run, "" when they can.
func Unavailable() string {
	u := os.Getenv(Env)
	if u == "" {
		return "no PostgreSQL server: set " + Env + " to a postgres:// URL (.ci/postgres start DIR PORT prints one)"
	}
	if err := ping(u); err != nil {
		return fmt.Sprintf("PostgreSQL server at $%s unreachable: %v", Env, err)
	}
	return ""
}

// Required reports whether PostgreSQL tests must run (CI sets
// WHOSAID_REQUIRE_POSTGRES): then a missing server fails them.
func Required() bool { return os.Getenv("WHOSAID_REQUIRE_POSTGRES") != "" }

func ping(u string) error {
	db, err := postgres.Open(u, false, 1)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return db.PingContext(ctx)
}

// Location returns the URL of an empty schema for tb's archive, skipping
// tb when no server is available (failing it when one is Required).
func Location(tb testing.TB) string {
	tb.Helper()
	if why := Unavailable(); why != "" {
		if Required() {
			tb.Fatal(why)
		}
		tb.Skip(why)
	}
	base := os.Getenv(Env)
	var b [6]byte
	rand.Read(b[:])
	schema := "test_" + hex.EncodeToString(b[:])
	db, err := postgres.Open(base, false, 1)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := db.Exec(`CREATE SCHEMA ` + schema); err != nil {
		db.Close()
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if _, err := db.Exec(`DROP SCHEMA ` + schema + ` CASCADE`); err != nil {
			tb.Errorf("pgtest: drop schema: %v", err)
		}
		db.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
