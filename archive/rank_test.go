package archive

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/synth"
)

func TestContentLength(t *testing.T) {
	for _, tc := range []struct {
		content string
		want    int
	}{
		{"", 0},
		{"  ,.!  ", 0},
		{"The plan is fair.", 4},
		{"We can't wait", 4}, // unicode61 splits at the apostrophe
		{"well-known 2024 figures", 4},
		{"Café crème, naïve façade", 4},
		{"Cafe\u0301 opens", 2}, // a combining accent stays in its word
		{"东京 and Zürich", 3},
	} {
		if got := contentLength(tc.content); got != tc.want {
			t.Errorf("contentLength(%q) = %d, want %d", tc.content, got, tc.want)
		}
	}
}

// TestContentLengthAgreesWithFTS5 counts words with FTS5's own tokenizer
// (the fts5vocab table of a one-row index) for the same texts.
func TestContentLengthAgreesWithFTS5(t *testing.T) {
	sqliteOnly(t)
	a := openTemp(t)
	if _, err := a.db.Exec(`CREATE VIRTUAL TABLE probe USING fts5(c, tokenize='porter unicode61 remove_diacritics 2');
		CREATE VIRTUAL TABLE probe_vocab USING fts5vocab(probe, 'instance')`); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"The plan is fair.", "We can't wait", "well-known 2024 figures, 3.5%",
		"Café crème, naïve façade", "Cafe\u0301 opens", "“Quoted” — and (bracketed) words", "a1b2 c_d e.f"} {
		if _, err := a.db.Exec(`DELETE FROM probe; INSERT INTO probe(c) VALUES (?)`, text); err != nil {
			t.Fatal(err)
		}
		var n int
		if err := a.db.QueryRow(`SELECT count(*) FROM probe_vocab`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if got := contentLength(text); got != n {
			t.Errorf("contentLength(%q) = %d, FTS5 counts %d", text, got, n)
		}
	}
}

func TestRankKey(t *testing.T) {
	sqliteOnly(t)
	a := openTemp(t)
	for _, tc := range []struct {
		length int
		id     int64
	}{{0, 1}, {1, 1}, {12, 123456}, {300, idMask}, {maxRankLength + 5, 7}} {
		key := rankKey(tc.length, tc.id)
		if key <= 0 || keyID(key) != tc.id {
			t.Errorf("rankKey(%d, %d) = %d, id back %d", tc.length, tc.id, key, keyID(key))
		}
		var sqlKey, sqlID int64
		if err := a.db.QueryRow(`SELECT `+rankKeySQL("?", "?")+`, `+keyIDSQL("?"), tc.length, tc.id, key).
			Scan(&sqlKey, &sqlID); err != nil {
			t.Fatal(err)
		}
		if sqlKey != key || sqlID != tc.id {
			t.Errorf("SQL: key %d id %d, want %d %d", sqlKey, sqlID, key, tc.id)
		}
	}
	// Shorter ranks first; at equal length the newer statement does.
	if !(rankKey(3, 10) < rankKey(4, 1) && rankKey(3, 10) < rankKey(3, 9)) {
		t.Error("rank keys out of order")
	}
}

// TestMigrateRankKeys opens an archive of schema 1, with statements in
// its old full-text index, and checks that the upgrade keys them by rank.
func TestMigrateRankKeys(t *testing.T) {
	sqliteOnly(t)
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	contents := []string{"The harbour plan is fair and overdue", "The harbour plan is fair", "Taxes will rise", "The harbour is full"}
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if err := sqliteMigrations[0](tx); err != nil {
		t.Fatal(err)
	}
	for _, c := range contents {
		if _, err := tx.Exec(`INSERT INTO statements (type, content, content_hash, confidence, published, n_sources)
			VALUES ('direct', ?, 0, 0.9, '2024-01-01', 1)`, c); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := tx.Exec(`PRAGMA user_version = 1`); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	db.Close()

	if _, err := Open(path, true); err == nil {
		t.Error("read-only open of an old schema succeeded")
	}
	a, err := Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if err := a.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
	got, err := a.db.d.rankedIDs(context.Background(), a.db, "harbour", "", searchFilters{}, 10)
	if err != nil {
		t.Fatal(err)
	}
	if want := []int64{4, 2, 1}; !slices.Equal(got, want) {
		t.Errorf("harbour after the upgrade: %v, want %v", got, want)
	}
	// The triggers work on the new index: deleting a statement drops it.
	if _, err := a.db.Exec(`DELETE FROM statements WHERE id = 4`); err != nil {
		t.Fatal(err)
	}
	if err := a.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got, err = a.db.d.rankedIDs(context.Background(), a.db, "harbour", "", searchFilters{}, 10); err != nil || !slices.Equal(got, []int64{2, 1}) {
		t.Errorf("after a delete: %v, %v", got, err)
	}
}

// TestCheckFindsStaleIndexRows checks that Check compares the contentless
// full-text index with the statements it should hold.
func TestCheckFindsStaleIndexRows(t *testing.T) {
	sqliteOnly(t)
	a := openTemp(t)
	ingest(t, a, synth.New(5).Article(5))
	if err := a.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
	// A statement whose length changes behind the triggers' back keeps
	// its old key in the index.
	if _, err := a.db.Exec(`DROP TRIGGER statements_fts_update; UPDATE statements SET length = length + 1 WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	if err := a.Check(context.Background()); err == nil || !strings.Contains(err.Error(), "1 index rows without a statement, 1 statements missing") {
		t.Errorf("Check after a stale key: %v", err)
	}
}

// TestCheckFindsStalePostings checks that Check compares PostgreSQL's
// postings with the search vectors.
func TestCheckFindsStalePostings(t *testing.T) {
	if !onPostgres {
		t.Skip("tests PostgreSQL's postings")
	}
	a := openTemp(t)
	ingest(t, a, synth.New(5).Article(5))
	if err := a.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
	var lexemes int
	if err := a.db.QueryRow(`SELECT count(*) FROM statements, unnest(tsv) WHERE id = 1`).Scan(&lexemes); err != nil {
		t.Fatal(err)
	}
	// A statement whose length changes behind the trigger's back keeps
	// its postings under the old length.
	if _, err := a.db.Exec(`DROP TRIGGER statement_terms_change ON statements; UPDATE statements SET length = length + 1 WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("%d stray postings, %d missing", lexemes, lexemes)
	if err := a.Check(context.Background()); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("Check after a stale length: %v, want %q", err, want)
	}
}
