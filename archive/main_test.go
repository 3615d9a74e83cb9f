package archive

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/whosaid/whosaid/internal/pgtest"
)

// onPostgres is set while the archive's tests run the second time, on
// PostgreSQL: TestMain runs them all on SQLite, then on PostgreSQL when a
// server is available (internal/pgtest).
var onPostgres bool

func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 {
		if why := pgtest.Unavailable(); why != "" {
			fmt.Fprintln(os.Stderr, "archive: the PostgreSQL run is skipped:", why)
			if pgtest.Required() {
				code = 1
			}
		} else {
			fmt.Fprintln(os.Stderr, "archive: the same tests again, on PostgreSQL")
			onPostgres = true
			code = m.Run()
		}
	}
	os.Exit(code)
}

// tempLocation is where a test's archive lives: a file in a temporary
// directory, or an empty PostgreSQL schema.
func tempLocation(tb testing.TB) string {
	tb.Helper()
	if onPostgres {
		return pgtest.Location(tb)
	}
	return filepath.Join(tb.TempDir(), "test.db")
}

// sqliteOnly skips a test of SQLite's own machinery (FTS5, its
// migrations) in the PostgreSQL run.
func sqliteOnly(tb testing.TB) {
	tb.Helper()
	if onPostgres {
		tb.Skip("tests SQLite's own machinery")
	}
}
