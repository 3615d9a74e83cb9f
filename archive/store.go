package archive

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
)

// querier runs one-row and one-column queries, in a write transaction
// (writer) or on the read pool (reader).
type querier interface {
	scalar(query string, args []any, dest ...any) (found bool, err error)
	ids(query string, args ...any) ([]int64, error)
}

// writer runs the statements of one write transaction, each prepared once.
type writer struct {
	tx    *sql.Tx
	d     dialect
	stmts map[string]*sql.Stmt
}

func newWriter(tx *sql.Tx, d dialect) *writer {
	return &writer{tx: tx, d: d, stmts: map[string]*sql.Stmt{}}
}

func (w *writer) stmt(query string) (*sql.Stmt, error) {
	if s, ok := w.stmts[query]; ok {
		return s, nil
	}
	s, err := w.tx.Prepare(w.d.bind(query))
	if err != nil {
		return nil, fmt.Errorf("archive: prepare: %w", err)
	}
	w.stmts[query] = s
	return s, nil
}

func (w *writer) exec(query string, args ...any) (sql.Result, error) {
	s, err := w.stmt(query)
	if err != nil {
		return nil, err
	}
	return s.Exec(args...)
}

func (w *writer) query(query string, args ...any) (*sql.Rows, error) {
	s, err := w.stmt(query)
	if err != nil {
		return nil, err
	}
	return s.Query(args...)
}

// scalar runs a one-row query into dest; found is false when there is no row.
func (w *writer) scalar(query string, args []any, dest ...any) (found bool, err error) {
	s, err := w.stmt(query)
	if err != nil {
		return false, err
	}
	err = s.QueryRow(args...).Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// articleHash identifies an article's content: same hash, nothing to do.
func articleHash(a whosaid.Article) []byte {
	h := sha256.New()
	fields := []string{a.Text, a.Title, a.URL, publishedDate(a)}
	if o := outletOf(a); o != hostOf(a.URL) {
		fields = append(fields, o) // an outlet or site the input names; archives of before it keep their hashes
	}
	for _, field := range fields {
		var n [8]byte
		binary.BigEndian.PutUint64(n[:], uint64(len(field)))
		h.Write(n[:])
		h.Write([]byte(field))
	}
	return h.Sum(nil)
}

func publishedDate(a whosaid.Article) string {
	if a.Published.IsZero() {
		return ""
	}
	return a.Published.Format("2006-01-02")
}

// storedRecord is what articles.record keeps of the extraction record
// besides the statements, which have tables of their own.
type storedRecord struct {
	Title     *whosaid.Span       `json:"title,omitempty"`
	Furniture []whosaid.Furniture `json:"furniture"`
}

// storeOutcome says what storing an article did.
type storeOutcome int

const (
	unchanged storeOutcome = iota
	added
	replaced
)

// storeArticle stores an article and its record, replacing the statements
// of an earlier version with the same id.
// phrases[i] are the noun phrases of statement i's content.
func (w *writer) storeArticle(art whosaid.Article, rec whosaid.Record, phrases [][]string, hash []byte) (storeOutcome, error) {
	if art.URL != "" && !whosaid.IsWebURL(art.URL) {
		// The pages link to the stored URL: only http and https are kept.
		slog.Warn("archive: dropping an article URL that is not http or https", "id", art.ID)
		art.URL = ""
	}
	recJSON, err := json.Marshal(storedRecord{Title: rec.Title, Furniture: rec.Furniture})
	if err != nil {
		return unchanged, fmt.Errorf("archive: article %q: %w", art.ID, err)
	}
	var id int64
	var oldHash []byte
	found, err := w.scalar(`SELECT id, hash FROM articles WHERE ext_id = ?`, []any{art.ID}, &id, &oldHash)
	if err != nil {
		return unchanged, fmt.Errorf("archive: article %q: %w", art.ID, err)
	}
	outcome := added
	var touched []int64
	switch {
	case found && bytes.Equal(oldHash, hash):
		return unchanged, nil
	case found:
		outcome = replaced
		if touched, err = w.ids(`SELECT DISTINCT statement_id FROM occurrences WHERE article_id = ?`, id); err != nil {
			return unchanged, fmt.Errorf("archive: article %q: %w", art.ID, err)
		}
		if _, err := w.exec(`DELETE FROM occurrences WHERE article_id = ?`, id); err != nil {
			return unchanged, fmt.Errorf("archive: article %q: %w", art.ID, err)
		}
		if err := w.forgetAbout(id); err != nil {
			return unchanged, fmt.Errorf("archive: article %q: %w", art.ID, err)
		}
		if _, err := w.exec(`UPDATE articles SET hash = ?, title = ?, url = ?, published = ?, body = ?, record = ? WHERE id = ?`,
			hash, art.Title, art.URL, publishedDate(art), art.Text, string(recJSON), id); err != nil {
			return unchanged, fmt.Errorf("archive: article %q: %w", art.ID, err)
		}
	default:
		if _, err := w.scalar(`INSERT INTO articles (ext_id, hash, title, url, published, body, record) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			[]any{art.ID, hash, art.Title, art.URL, publishedDate(art), art.Text, string(recJSON)}, &id); err != nil {
			return unchanged, fmt.Errorf("archive: article %q: %w", art.ID, err)
		}
	}
	if err := w.storeOutlet(id, art); err != nil {
		return unchanged, fmt.Errorf("archive: article %q: %w", art.ID, err)
	}
	for i, st := range rec.Statements {
		stID, err := w.statementFor(st.SpeakerName, st.SpeakerKind, st.Type, st.Content.Text)
		if err != nil {
			return unchanged, fmt.Errorf("archive: article %q: %w", art.ID, err)
		}
		touched = append(touched, stID)
		ctxStart, ctxEnd := sentenceAround(art.Text, st)
		var cueStart, cueEnd, spStart, spEnd sql.NullInt64
		var cueLemma sql.NullString
		if st.Cue != nil {
			cueStart, cueEnd = validInt(st.Cue.Start), validInt(st.Cue.End)
			cueLemma = sql.NullString{String: st.Cue.Lemma, Valid: true}
		}
		if st.Speaker != nil {
			spStart, spEnd = validInt(st.Speaker.Start), validInt(st.Speaker.End)
		}
		var occID int64
		if _, err := w.scalar(`INSERT INTO occurrences (article_id, statement_id, type, content_start, content_end,
			cue_start, cue_end, cue_lemma, speaker_start, speaker_end, speaker_name, speaker_kind,
			confidence, rule, resolution, context_start, context_end)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			[]any{id, stID, string(st.Type), st.Content.Start, st.Content.End, cueStart, cueEnd, cueLemma,
				spStart, spEnd, st.SpeakerName, string(st.SpeakerKind), st.Confidence, st.Rule, st.Resolution,
				ctxStart, ctxEnd}, &occID); err != nil {
			return unchanged, fmt.Errorf("archive: article %q: occurrence: %w", art.ID, err)
		}
		if err := w.storeCircumstances(id, stID, occID, st); err != nil {
			return unchanged, fmt.Errorf("archive: article %q: %w", art.ID, err)
		}
		if err := w.storeSpeakerFacts(occID, st, phrases[i]); err != nil {
			return unchanged, fmt.Errorf("archive: article %q: %w", art.ID, err)
		}
	}
	if err := w.refresh(touched); err != nil {
		return unchanged, fmt.Errorf("archive: article %q: %w", art.ID, err)
	}
	return outcome, nil
}

func validInt(n int) sql.NullInt64 { return sql.NullInt64{Int64: int64(n), Valid: true} }

// ids runs a query returning one integer column.
func (w *writer) ids(query string, args ...any) ([]int64, error) {
	return column[int64](w.query(query, args...))
}

// column reads the single column of rows, closing them.
func column[T any](rows *sql.Rows, err error) ([]T, error) {
	return scanRows(rows, err, func(r *sql.Rows, v *T) error { return r.Scan(v) })
}

// scanRows reads every row of rows with scan, closing them.
func scanRows[T any](rows *sql.Rows, err error, scan func(*sql.Rows, *T) error) ([]T, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := scan(rows, &v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// statementFor returns the statement an occurrence belongs to: one of the
// same speaker with the same or nearly the same content, or a new one.
func (w *writer) statementFor(speakerName *string, kind whosaid.SpeakerKind, typ whosaid.StatementType, content string) (int64, error) {
	speakerID, err := w.speakerFor(speakerName, kind)
	if err != nil {
		return 0, err
	}
	norm := normalizeContent(content)
	hash := contentHash(norm)
	rows, err := w.query(`SELECT id, content FROM statements WHERE content_hash = ? AND speaker_id IS NOT DISTINCT FROM ? ORDER BY id`, hash, speakerID)
	if err != nil {
		return 0, fmt.Errorf("statement lookup: %w", err)
	}
	match, err := bestMatch(rows, func(c string) float64 {
		if normalizeContent(c) == norm {
			return 1
		}
		return 0
	}, 1)
	if err != nil || match != 0 {
		return match, err
	}
	contentBands := bands(norm)
	if contentBands != nil {
		args := []any{speakerID}
		for _, b := range contentBands {
			args = append(args, b)
		}
		rows, err := w.query(`SELECT DISTINCT s.id, s.content FROM statement_bands b JOIN statements s ON s.id = b.statement_id
			WHERE s.speaker_id IS NOT DISTINCT FROM ? AND b.band IN (?`+strings.Repeat(", ?", len(contentBands)-1)+`) ORDER BY s.id`, args...)
		if err != nil {
			return 0, fmt.Errorf("near-duplicate lookup: %w", err)
		}
		own := shingles(norm)
		match, err := bestMatch(rows, func(c string) float64 { return jaccard(own, shingles(normalizeContent(c))) }, nearDupJaccard)
		if err != nil || match != 0 {
			return match, err
		}
	}
	var id int64
	if _, err := w.scalar(`INSERT INTO statements (speaker_id, type, content, content_hash, confidence, published, n_sources, length)
		VALUES (?, ?, ?, ?, 0, '', 0, ?) RETURNING id`, []any{speakerID, string(typ), content, hash, contentLength(content)}, &id); err != nil {
		return 0, fmt.Errorf("new statement: %w", err)
	}
	if id > idMask {
		return 0, fmt.Errorf("new statement: id %d does not fit a rank key", id)
	}
	if len(contentBands) > 0 {
		args := make([]any, 0, 2*len(contentBands))
		for _, b := range contentBands {
			args = append(args, b, id)
		}
		if _, err := w.exec(`INSERT INTO statement_bands (band, statement_id) VALUES (?, ?)`+strings.Repeat(", (?, ?)", len(contentBands)-1), args...); err != nil {
			return 0, fmt.Errorf("new statement: %w", err)
		}
	}
	return id, nil
}

// bestMatch returns the id of the (id, content) row whose content scores
// highest and at least min, or 0; rows are closed.
func bestMatch(rows *sql.Rows, score func(content string) float64, min float64) (int64, error) {
	defer rows.Close()
	var best int64
	bestScore := min
	for rows.Next() {
		var id int64
		var content string
		if err := rows.Scan(&id, &content); err != nil {
			return 0, fmt.Errorf("statement lookup: %w", err)
		}
		if s := score(content); s >= bestScore && (best == 0 || s > bestScore) {
			best, bestScore = id, s
		}
	}
	return best, rows.Err()
}

// speakerFor returns the speaker id of a speaker name, creating the
// speaker when new; NULL for no name or a description ("officials").
func (w *writer) speakerFor(name *string, kind whosaid.SpeakerKind) (sql.NullInt64, error) {
	if name == nil || !isProperName(*name) {
		return sql.NullInt64{}, nil
	}
	key, err := resolveKey(w, *name, kind)
	if err != nil || key == "" {
		return sql.NullInt64{}, err
	}
	var id int64
	found, err := w.scalar(`SELECT id FROM speakers WHERE key = ?`, []any{key}, &id)
	if err != nil {
		return sql.NullInt64{}, fmt.Errorf("speaker %q: %w", *name, err)
	}
	if !found {
		if _, err := w.scalar(`INSERT INTO speakers (key, name, kind, surname) VALUES (?, ?, ?, ?) RETURNING id`,
			[]any{key, strings.Join(strings.Fields(*name), " "), string(kind), surname(key)}, &id); err != nil {
			return sql.NullInt64{}, fmt.Errorf("speaker %q: %w", *name, err)
		}
	}
	return validInt64(id), nil
}

func validInt64(n int64) sql.NullInt64 { return sql.NullInt64{Int64: n, Valid: true} }

// resolveKey finds the speaker key of a name: a hand-made alias of the
// name as written, then of its normalised key; for a bare surname of a
// person, the one person already known by that surname; else its key.
func resolveKey(q querier, name string, kind whosaid.SpeakerKind) (string, error) {
	raw, key := rawKey(name), nameKey(name)
	if key == "" {
		return "", nil
	}
	var target string
	found, err := q.scalar(`SELECT speaker_key FROM aliases WHERE name_key IN (?, ?) ORDER BY name_key <> ? LIMIT 1`, []any{raw, key, raw}, &target)
	if err != nil {
		return "", fmt.Errorf("alias of %q: %w", name, err)
	}
	if found {
		return target, nil
	}
	if kind == whosaid.Person && !strings.Contains(key, " ") {
		known, err := q.ids(`SELECT id FROM speakers WHERE surname = ? AND kind = 'person' AND key <> ? ORDER BY id LIMIT 2`, key, key)
		if err != nil {
			return "", fmt.Errorf("surname %q: %w", name, err)
		}
		if len(known) == 1 {
			var full string
			if _, err := q.scalar(`SELECT key FROM speakers WHERE id = ?`, []any{known[0]}, &full); err != nil {
				return "", fmt.Errorf("surname %q: %w", name, err)
			}
			return full, nil
		}
	}
	return key, nil
}

// refresh recomputes the source count, best confidence and first date of
// statements whose occurrences changed, deleting those left with none
// (and speakers left with no statement).
func (w *writer) refresh(statementIDs []int64) error {
	slices.Sort(statementIDs)
	for _, id := range slices.Compact(statementIDs) {
		// One round trip: the statement's new figures, and what its
		// deletion needs when it has no source left.
		var n int
		var content string
		var speakerID sql.NullInt64
		if _, err := w.scalar(`UPDATE statements SET (n_sources, confidence, published) =
			(SELECT count(DISTINCT o.article_id), coalesce(max(o.confidence), 0), coalesce(min(nullif(a.published, '')), '')
			FROM occurrences o JOIN articles a ON a.id = o.article_id WHERE o.statement_id = statements.id)
			WHERE id = ? RETURNING n_sources, content, speaker_id`, []any{id}, &n, &content, &speakerID); err != nil {
			return fmt.Errorf("refresh statement %d: %w", id, err)
		}
		if n > 0 {
			continue
		}
		for _, b := range bands(normalizeContent(content)) {
			if _, err := w.exec(`DELETE FROM statement_bands WHERE band = ? AND statement_id = ?`, b, id); err != nil {
				return fmt.Errorf("delete statement %d: %w", id, err)
			}
		}
		if _, err := w.exec(`DELETE FROM statements WHERE id = ?`, id); err != nil {
			return fmt.Errorf("delete statement %d: %w", id, err)
		}
		if _, err := w.exec(`DELETE FROM speakers WHERE id = ? AND NOT EXISTS (SELECT 1 FROM statements WHERE speaker_id = ?)`,
			speakerID, speakerID); err != nil {
			return fmt.Errorf("delete statement %d: %w", id, err)
		}
	}
	return nil
}

// maxContext bounds the context shown around a statement on each side.
const maxContext = 300

// sentenceAround returns the byte range of the sentence(s) holding a
// statement's content, cue and speaker: from after the previous sentence
// end or line break to the next one.
func sentenceAround(text string, st whosaid.Statement) (int, int) {
	lo, hi := st.Content.Start, st.Content.End
	for _, s := range []*whosaid.Span{st.Speaker, cueSpan(st.Cue)} {
		if s != nil {
			lo, hi = min(lo, s.Start), max(hi, s.End)
		}
	}
	lo, hi = max(lo, 0), min(hi, len(text))
	start := lo
	for start > 0 && lo-start < maxContext {
		c := text[start-1]
		if c == '\n' || (start >= 2 && strings.IndexByte(".!?", text[start-2]) >= 0 && c == ' ') {
			break
		}
		start--
	}
	end := hi
	for end < len(text) && end-hi < maxContext {
		c := text[end]
		end++
		if c == '\n' {
			end--
			break
		}
		if strings.IndexByte(".!?", c) >= 0 && (end == len(text) || text[end] == ' ' || text[end] == '\n') {
			break
		}
	}
	for start < lo && !utf8.RuneStart(text[start]) {
		start++
	}
	for end > hi && end < len(text) && !utf8.RuneStart(text[end]) {
		end--
	}
	return start, end
}

func cueSpan(c *whosaid.Cue) *whosaid.Span {
	if c == nil {
		return nil
	}
	return &c.Span
}
