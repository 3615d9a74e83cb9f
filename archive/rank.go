package archive

import (
	"database/sql"
	"fmt"
	"unicode"
)

// Ranking. A text search ranks its matches shortest statement first,
// newest first among equals. That is BM25 with every term frequency taken
// as one (a statement is a sentence or two, where a repeated word is rare
// and says little about relevance) for any query whose terms must all
// match (words, phrases, prefixes, exclusions): there, BM25 depends on
// the statement's length alone. For an OR group BM25 would also favour
// statements matching more or rarer alternatives; the archive treats the
// group as one term.
//
// BM25 itself cannot be computed in order: FTS5 scores every match before
// the first one is known, about a microsecond each, which at a million
// statements is most of a second for a common word. A statement's length
// is known when it is stored, so the archive puts it in the full-text
// index's row key, rankKey = length<<idBits | (idMask-id): FTS5 walks its
// matches in row key order, which is rank order (ties: newest first), and
// a search stops as soon as its page is full.

// idBits is the width of the statement id in a rank key.
const (
	idBits = 40
	idMask = 1<<idBits - 1
	// maxRankLength caps a length so that the key stays a positive int64.
	maxRankLength = 1<<(63-idBits) - 1
)

// rankKey is the full-text index row key of statement id of length words.
func rankKey(length int, id int64) int64 {
	return int64(min(length, maxRankLength))<<idBits | (idMask - id)
}

// keyID is the statement id of a rank key.
func keyID(key int64) int64 { return idMask - key&idMask }

// rankKeySQL and keyIDSQL are rankKey and keyID in SQL, for triggers and
// queries.
func rankKeySQL(length, id string) string {
	return fmt.Sprintf("((min(%s, %d) << %d) | (%d - %s))", length, maxRankLength, idBits, idMask, id)
}

func keyIDSQL(key string) string { return fmt.Sprintf("(%d - (%s & %d))", idMask, key, idMask) }

// contentLength counts the words FTS5's unicode61 tokenizer finds in
// content: runs of letters, digits and private-use characters.
func contentLength(content string) int {
	n, inWord := 0, false
	for _, r := range content {
		word := unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r) || inWord && unicode.Is(unicode.Mn, r)
		if word && !inWord {
			n++
		}
		inWord = word
	}
	return n
}

// ftsSchema creates the full-text index keyed by rank and the triggers
// that keep it in step with the statements table. The statement's type
// is a column of its own, so that a search filters on it inside FTS5
// (type : "indirect") rather than reading every match's statement. The
// index is contentless: it is only ever asked for row keys, and the
// triggers hand it the old values when a statement is deleted.
func ftsSchema() string {
	key := func(row string) string { return rankKeySQL(row+".length", row+".id") }
	return `
CREATE VIRTUAL TABLE statements_fts USING fts5(
	content, type, content='', tokenize='porter unicode61 remove_diacritics 2', prefix='2 3');
CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
	INSERT INTO statements_fts(rowid, content, type) VALUES (` + key("new") + `, new.content, new.type);
END;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
	INSERT INTO statements_fts(statements_fts, rowid, content, type) VALUES ('delete', ` + key("old") + `, old.content, old.type);
END;
CREATE TRIGGER statements_fts_update AFTER UPDATE OF content, length, type ON statements BEGIN
	INSERT INTO statements_fts(statements_fts, rowid, content, type) VALUES ('delete', ` + key("old") + `, old.content, old.type);
	INSERT INTO statements_fts(rowid, content, type) VALUES (` + key("new") + `, new.content, new.type);
END;
`
}

// migrateRankKeys moves an archive of schema 1 (full-text index keyed by
// statement id, ranked by bm25) to rank-keyed ranking: it records every
// statement's length and rebuilds the index under the new keys.
func migrateRankKeys(tx *sql.Tx) error {
	if _, err := tx.Exec(`
DROP TRIGGER statements_fts_insert;
DROP TRIGGER statements_fts_delete;
DROP TABLE statements_fts;
ALTER TABLE statements ADD COLUMN length INTEGER NOT NULL DEFAULT 0; -- words in content: the rank`); err != nil {
		return err
	}
	rows, err := tx.Query(`SELECT id, content FROM statements`)
	if err != nil {
		return err
	}
	type idLength struct {
		id     int64
		length int
	}
	var lengths []idLength
	for rows.Next() {
		var id int64
		var content string
		if err := rows.Scan(&id, &content); err != nil {
			rows.Close()
			return err
		}
		lengths = append(lengths, idLength{id, contentLength(content)})
	}
	if err := rows.Close(); err != nil {
		return err
	}
	update, err := tx.Prepare(`UPDATE statements SET length = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	defer update.Close()
	for _, l := range lengths {
		if _, err := update.Exec(l.length, l.id); err != nil {
			return err
		}
	}
	if _, err := tx.Exec(ftsSchema()); err != nil {
		return err
	}
	_, err = tx.Exec(`INSERT INTO statements_fts(rowid, content, type) SELECT ` + rankKeySQL("length", "id") + `, content, type FROM statements`)
	return err
}
