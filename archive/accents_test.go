package archive

import (
	"context"
	"testing"

	"github.com/whosaid/whosaid"
)

var quayCafe = whosaid.Article{ID: "quay-1", Published: day("2024-06-02"),
	Text: "Quay Café\n\n\u201cThe café on the quay will reopen in June,\u201d said José Álvarez, its owner.\n"}

// searchCount is the number of statements a text query finds.
func searchCount(t *testing.T, a *Archive, text string) int {
	t.Helper()
	rs, _, err := a.Search(context.Background(), Query{Text: text, Limit: 10})
	if err != nil {
		t.Fatalf("search %q: %v", text, err)
	}
	return len(rs)
}

// TestSearchFoldsAccents checks that a word is found with or without its
// accents, on both databases.
func TestSearchFoldsAccents(t *testing.T) {
	a := openTemp(t)
	ingest(t, a, quayCafe)
	for _, q := range []string{"cafe", "café", "CAFÉ", "caf*", `"cafe on the quay"`, "cafe quay"} {
		if n := searchCount(t, a, q); n != 1 {
			t.Errorf("%q found %d statements, want 1", q, n)
		}
	}
}

// TestAccentFoldingMigration checks that an archive of schema 5, whose
// vectors and postings kept accents, folds them once opened.
func TestAccentFoldingMigration(t *testing.T) {
	if !onPostgres {
		t.Skip("SQLite's index always folded accents")
	}
	loc := tempLocation(t)
	a, err := Open(loc, false)
	if err != nil {
		t.Fatal(err)
	}
	ingest(t, a, quayCafe, harbour)
	// Back to schema 5: the mapping without unaccent, the vectors and
	// postings it gives.
	err = a.write(context.Background(), func(w *writer) error {
		_, err := w.tx.Exec(`ALTER TEXT SEARCH CONFIGURATION whosaid ALTER MAPPING FOR ` + searchTokenTypes + ` WITH whosaid_stem;
UPDATE statements SET content = content;
DELETE FROM statement_terms;
` + fillStatementTerms + `;`)
		if err != nil {
			return err
		}
		return a.db.d.setVersion(w.tx, schemaVersion()-1)
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := searchCount(t, a, "cafe"); n != 0 {
		t.Fatalf("before the migration, cafe found %d statements: the test does not rebuild schema 5", n)
	}
	a.Close()
	if a, err = Open(loc, false); err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	for q, want := range map[string]int{"cafe": 1, "café": 1, "harbour": 1, "fishermen": 1} {
		if n := searchCount(t, a, q); n != want {
			t.Errorf("after the migration, %q found %d statements, want %d", q, n, want)
		}
	}
}
