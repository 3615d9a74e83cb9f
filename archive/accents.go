package archive

import (
	"database/sql"
	"fmt"
	"log/slog"
)

// migrateAccentFolding makes PostgreSQL's search fold accents, as
// SQLite's does (FTS5's remove_diacritics): "cafe" finds "café" and
// "Jose" finds "José". The unaccent extension, which ships with Debian's
// PostgreSQL and which a database owner may install, filters every word
// before stemming, in stored vectors and queries alike; the statements
// with non-ASCII text get their vectors and postings again (schema 6).
// Without the extension the archive keeps working, accents unfolded.
func migrateAccentFolding(w *writer) error {
	if _, ok := w.d.(postgresDialect); !ok {
		return nil
	}
	schema, err := installUnaccent(w.tx)
	if err != nil {
		return fmt.Errorf("accent folding: %w", err)
	}
	if schema == "" {
		slog.Warn("archive: PostgreSQL's unaccent extension cannot be installed; search will not fold accents")
		return nil
	}
	if _, err := w.tx.Exec(`ALTER TEXT SEARCH CONFIGURATION whosaid ALTER MAPPING FOR ` + searchTokenTypes + `
		WITH ` + schema + `.unaccent, whosaid_stem`); err != nil {
		return fmt.Errorf("accent folding: %w", err)
	}
	// A stored generated column is computed again when its row is
	// written; the postings follow by hand, as the trigger fires only on
	// a changed content.
	if _, err := w.tx.Exec(`
CREATE TEMPORARY TABLE accented ON COMMIT DROP AS
	SELECT id FROM statements WHERE octet_length(content) <> char_length(content);
UPDATE statements SET content = content WHERE id IN (SELECT id FROM accented);
DELETE FROM statement_terms WHERE id IN (SELECT id FROM accented);
` + fillStatementTerms + ` WHERE id IN (SELECT id FROM accented);`); err != nil {
		return fmt.Errorf("accent folding: %w", err)
	}
	return nil
}

// installUnaccent installs the unaccent extension, in the public schema
// where the role may create there (an extension is one per database, and
// an archive's own schema may be dropped), else in the archive's, and
// returns the quoted name of the schema that holds it: "" when it cannot
// be installed.
func installUnaccent(tx *sql.Tx) (string, error) {
	for _, create := range []string{`CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public`, `CREATE EXTENSION IF NOT EXISTS unaccent`} {
		if _, err := tx.Exec(`SAVEPOINT unaccent`); err != nil {
			return "", err
		}
		if _, err := tx.Exec(create); err != nil {
			if _, err := tx.Exec(`ROLLBACK TO SAVEPOINT unaccent`); err != nil {
				return "", err
			}
			continue
		}
		var schema string
		err := tx.QueryRow(`SELECT quote_ident(n.nspname) FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
			WHERE e.extname = 'unaccent'`).Scan(&schema)
		return schema, err
	}
	return "", nil
}
