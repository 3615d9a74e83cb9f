package archive

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/whosaid/whosaid"
)

// ErrNotFound is returned for an id that is not in the archive.
var ErrNotFound = errors.New("not found")

// reader runs queries on the read pool.
type reader struct {
	ctx context.Context
	db  database
}

func (r reader) scalar(query string, args []any, dest ...any) (bool, error) {
	err := r.db.QueryRowContext(r.ctx, query, args...).Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

func (r reader) ids(query string, args ...any) ([]int64, error) {
	return column[int64](r.db.QueryContext(r.ctx, query, args...))
}

// Query is a search: full text and filters, all optional.
type Query struct {
	Text          string  // user query: words, "phrases", prefix*, OR, -exclude
	Speaker       string  // a speaker's name or alias
	SpeakerID     int64   // a speaker's id
	Since, Until  string  // dates YYYY-MM-DD, inclusive
	Type          string  // direct, indirect or mixed
	MinConfidence float64 // lowest confidence kept
	Limit, Offset int
	// About is an entity the statements are about; SaidSince and
	// SaidUntil (YYYY-MM-DD, inclusive) bound when they were said, as
	// their texts tell.
	About                string
	SaidSince, SaidUntil string
}

// MaxLimit bounds the results of one search page.
const MaxLimit = 200

// Validate checks the filters, normalising the limit.
func (q *Query) Validate() error {
	if err := CheckQuery(q.Text); err != nil {
		return err
	}
	q.Speaker, q.About = plainText(q.Speaker), plainText(q.About)
	for _, d := range []string{q.Since, q.Until, q.SaidSince, q.SaidUntil} {
		if d != "" {
			if _, err := time.Parse(time.DateOnly, d); err != nil {
				return fmt.Errorf("bad date %q: want YYYY-MM-DD", d)
			}
		}
	}
	switch whosaid.StatementType(q.Type) {
	case "", whosaid.Direct, whosaid.Indirect, whosaid.Mixed:
	default:
		return fmt.Errorf("bad statement type %q: want direct, indirect or mixed", q.Type)
	}
	if q.MinConfidence < 0 || q.MinConfidence > 1 {
		return fmt.Errorf("bad minimum confidence %v: want a number in [0, 1]", q.MinConfidence)
	}
	if q.Limit <= 0 {
		q.Limit = 20
	}
	q.Limit = min(q.Limit, MaxLimit)
	q.Offset = max(q.Offset, 0)
	return nil
}

// SpeakerRef names a speaker.
type SpeakerRef struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind"`
}

// ArticleRef names an article.
type ArticleRef struct {
	ID        int64  `json:"id"`
	ExtID     string `json:"ext_id"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Published string `json:"published"`
}

// Result is one statement found, shown through one of its sources: the
// sentence around it is ContextBefore + Content + ContextAfter.
type Result struct {
	StatementID   int64       `json:"statement_id"`
	Type          string      `json:"type"`
	Content       string      `json:"content"`
	Confidence    float64     `json:"confidence"`
	Published     string      `json:"published"`
	Sources       int         `json:"sources"`
	Speaker       *SpeakerRef `json:"speaker"`
	SpeakerAsIs   string      `json:"speaker_as_written"`
	Cue           string      `json:"cue"`
	ContextBefore string      `json:"context_before"`
	ContextAfter  string      `json:"context_after"`
	Article       ArticleRef  `json:"article"`
	// When and where it was said, as this source tells; "" when it does
	// not.
	SaidOn  string `json:"said_on,omitempty"`
	Setting string `json:"setting,omitempty"`
	// Highlight is Content with the words that match the text query
	// between « and », on PostgreSQL (ts_headline); SQLite's full-text
	// index keeps no text to mark, so there it is "".
	Highlight string `json:"highlight,omitempty"`
}

// Search returns a page of statements matching q, best first for a text
// query (see rank.go) and newest first otherwise, and whether more
// follow. See search.go for how ranked searches run.
func (a *Archive) Search(ctx context.Context, q Query) ([]Result, bool, error) {
	if err := q.Validate(); err != nil {
		return nil, false, fmt.Errorf("archive: search: %w", err)
	}
	match := MatchExpression(q.Text)
	if match == "" && strings.TrimSpace(q.Text) != "" {
		return nil, false, nil // only punctuation or exclusions: nothing to match
	}
	var f searchFilters
	if q.SpeakerID != 0 {
		f.indexed, f.indexedArgs = append(f.indexed, "s.speaker_id = ?"), append(f.indexedArgs, q.SpeakerID)
	}
	if q.Speaker != "" {
		key, err := resolveKey(reader{ctx, a.db}, q.Speaker, whosaid.Person)
		if err != nil {
			return nil, false, fmt.Errorf("archive: search: %w", err)
		}
		f.indexed = append(f.indexed, a.db.d.in("s.speaker_id", `SELECT id FROM speakers WHERE key = ? OR surname = ? OR name `+a.db.d.like()+` ? ESCAPE '\'`))
		f.indexedArgs = append(f.indexedArgs, key, key, "%"+escapeLike(strings.TrimSpace(q.Speaker))+"%")
	}
	if q.Since != "" {
		f.indexed, f.indexedArgs = append(f.indexed, "s.published >= ?"), append(f.indexedArgs, q.Since)
	}
	if q.Until != "" {
		f.indexed, f.indexedArgs = append(f.indexed, "s.published <> '' AND s.published <= ?"), append(f.indexedArgs, q.Until)
	}
	if q.MinConfidence > 0 {
		f.residual, f.residualArgs = append(f.residual, "s.confidence >= ?"), append(f.residualArgs, q.MinConfidence)
	}
	where, args, err := q.circumstanceFilters(ctx, a.db)
	if err != nil {
		return nil, false, fmt.Errorf("archive: search: %w", err)
	}
	f.residual, f.residualArgs = append(f.residual, where...), append(f.residualArgs, args...)
	var results []Result
	if match != "" {
		ids, err := a.db.d.rankedIDs(ctx, a.db, q.Text, q.Type, f, q.Offset+q.Limit+1)
		if err != nil {
			return nil, false, fmt.Errorf("archive: search: %w", err)
		}
		if results, err = a.resultsByID(ctx, ids[min(q.Offset, len(ids)):]); err != nil {
			return nil, false, fmt.Errorf("archive: search: %w", err)
		}
	} else {
		if q.Type != "" {
			f.residual, f.residualArgs = append(f.residual, "s.type = ?"), append(f.residualArgs, q.Type)
		}
		where, args := f.where()
		sqlText := `SELECT s.id, s.type, s.content, s.confidence, s.published, s.n_sources, sp.id, sp.name, sp.kind
		FROM statements s LEFT JOIN speakers sp ON sp.id = s.speaker_id`
		if len(where) > 0 {
			sqlText += " WHERE " + strings.Join(where, " AND ")
		}
		sqlText += " ORDER BY s.published DESC, s.id DESC LIMIT ? OFFSET ?"
		var err error
		if results, err = a.results(ctx, sqlText, append(args, q.Limit+1, q.Offset)...); err != nil {
			return nil, false, fmt.Errorf("archive: search: %w", err)
		}
	}
	more := len(results) > q.Limit
	if more {
		results = results[:q.Limit]
	}
	if err := a.fillSources(ctx, results); err != nil {
		return nil, false, fmt.Errorf("archive: search: %w", err)
	}
	contents := make([]string, len(results))
	for i := range results {
		contents[i] = results[i].Content
	}
	if match != "" && len(results) > 0 {
		marked, err := a.db.d.highlight(ctx, a.db, q.Text, contents)
		if err != nil {
			return nil, false, fmt.Errorf("archive: search: highlight: %w", err)
		}
		for i, h := range marked {
			results[i].Highlight = h
		}
	}
	return results, more, nil
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

func (a *Archive) results(ctx context.Context, query string, args ...any) ([]Result, error) {
	rows, err := a.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Result
	for rows.Next() {
		var r Result
		var spID sql.NullInt64
		var spName, spKind sql.NullString
		if err := rows.Scan(&r.StatementID, &r.Type, &r.Content, &r.Confidence, &r.Published, &r.Sources, &spID, &spName, &spKind); err != nil {
			return nil, err
		}
		if spID.Valid {
			r.Speaker = &SpeakerRef{ID: spID.Int64, Name: spName.String, Kind: spKind.String}
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// fillSources adds the earliest source of each result: its article, the
// speaker and cue as written, and the sentence around the content. It
// asks for each result in turn, or for all at once where the dialect
// has a query for that (a server, where each query is a round trip).
func (a *Archive) fillSources(ctx context.Context, results []Result) error {
	span := func(start, end string) string { return a.db.d.byteSlice("a.body", start, end) }
	columns := `o.statement_id, a.id, a.ext_id, a.title, a.url, a.published, ` +
		span("o.content_start", "o.content_end") + `, ` +
		span("o.context_start", "o.content_start") + `, ` + span("o.content_end", "o.context_end") + `, ` +
		span("o.speaker_start", "o.speaker_end") + `, ` + span("o.cue_start", "o.cue_end") + `, o.said_on, o.setting`
	byID := make(map[int64]*Result, len(results))
	ids := make([]int64, len(results))
	for i := range results {
		byID[results[i].StatementID], ids[i] = &results[i], results[i].StatementID
	}
	scan := func(rows *sql.Rows) error {
		var id int64
		var speaker, cue, saidOn, setting sql.NullString
		var src Result
		if err := rows.Scan(&id, &src.Article.ID, &src.Article.ExtID, &src.Article.Title, &src.Article.URL, &src.Article.Published,
			&src.Content, &src.ContextBefore, &src.ContextAfter, &speaker, &cue, &saidOn, &setting); err != nil {
			return err
		}
		r := byID[id]
		r.Article, r.Content, r.ContextBefore, r.ContextAfter = src.Article, src.Content, src.ContextBefore, src.ContextAfter
		r.SpeakerAsIs, r.Cue = speaker.String, cue.String
		r.SaidOn, r.Setting = saidOn.String, setting.String
		delete(byID, id)
		return nil
	}
	if query := a.db.d.firstSources(columns); query != "" && len(ids) > 0 {
		rows, err := a.db.QueryContext(ctx, query, ids)
		if err == nil {
			defer rows.Close()
			for err == nil && rows.Next() {
				err = scan(rows)
			}
			if err == nil {
				err = rows.Err()
			}
		}
		if err != nil {
			return fmt.Errorf("sources: %w", err)
		}
	} else {
		for _, id := range ids {
			rows, err := a.db.QueryContext(ctx, `SELECT `+columns+` FROM occurrences o JOIN articles a ON a.id = o.article_id
				WHERE o.statement_id = ? ORDER BY a.published = '', a.published, o.id LIMIT 1`, id)
			if err == nil {
				if rows.Next() {
					err = scan(rows)
				}
				if cerr := rows.Close(); err == nil {
					err = cerr
				}
			}
			if err != nil {
				return fmt.Errorf("statement %d source: %w", id, err)
			}
		}
	}
	if len(byID) > 0 {
		return fmt.Errorf("%d statements without a source: %w", len(byID), sql.ErrNoRows)
	}
	return nil
}

// SpeakerCount is a speaker with its number of statements.
type SpeakerCount struct {
	SpeakerRef
	Statements int `json:"statements"`
}

// Speakers lists speakers by number of statements, most first; match,
// when set, keeps those whose name contains it.
func (a *Archive) Speakers(ctx context.Context, match string, limit, offset int) ([]SpeakerCount, error) {
	match = plainText(match)
	rows, err := a.db.QueryContext(ctx, `SELECT sp.id, sp.name, sp.kind, count(*) AS n
		FROM speakers sp JOIN statements s ON s.speaker_id = sp.id
		WHERE ? = '' OR sp.name `+a.db.d.like()+` ? ESCAPE '\'
		GROUP BY sp.id ORDER BY n DESC, sp.name LIMIT ? OFFSET ?`,
		match, "%"+escapeLike(match)+"%", min(max(limit, 1), 1000), max(offset, 0))
	if err != nil {
		return nil, fmt.Errorf("archive: speakers: %w", err)
	}
	defer rows.Close()
	var out []SpeakerCount
	for rows.Next() {
		var s SpeakerCount
		if err := rows.Scan(&s.ID, &s.Name, &s.Kind, &s.Statements); err != nil {
			return nil, fmt.Errorf("archive: speakers: %w", err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("archive: speakers: %w", err)
	}
	return out, nil
}

// Count is a label with a number.
type Count struct {
	Label string `json:"label"`
	N     int    `json:"n"`
}

// SpeakerProfile is what the archive knows about one speaker.
type SpeakerProfile struct {
	SpeakerRef
	Statements int     `json:"statements"`
	Aliases    []Count `json:"aliases"`  // names the speaker was written as, most used first
	Timeline   []Count `json:"timeline"` // statements per month (YYYY-MM); undated ones are not counted
	People     []Count `json:"people"`   // names the speaker mentions most
	Topics     []Count `json:"topics"`   // noun phrases of their statements, weighted against the archive (tf-idf)
	About      []Count `json:"about"`    // entities their statements are about, most often first
	SaidOn     []Count `json:"said_on"`  // statements per month (YYYY-MM) said, where the text tells to the month
}

// profileSample is how many recent statements people and topics are
// counted over: enough to be telling, bounded for big speakers.
const profileSample = 2000

// Speaker returns the profile of a speaker.
func (a *Archive) Speaker(ctx context.Context, id int64) (SpeakerProfile, error) {
	var p SpeakerProfile
	err := a.db.QueryRowContext(ctx, `SELECT id, name, kind, (SELECT count(*) FROM statements WHERE speaker_id = sp.id)
		FROM speakers sp WHERE id = ?`, id).Scan(&p.ID, &p.Name, &p.Kind, &p.Statements)
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("archive: speaker %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return p, fmt.Errorf("archive: speaker %d: %w", id, err)
	}
	if p.Aliases, err = a.counts(ctx, `SELECT o.speaker_name, count(*) FROM occurrences o JOIN statements s ON s.id = o.statement_id
		WHERE s.speaker_id = ? AND o.speaker_name IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 50`, id); err != nil {
		return p, fmt.Errorf("archive: speaker %d aliases: %w", id, err)
	}
	if p.Timeline, err = a.counts(ctx, `SELECT substr(published, 1, 7), count(*) FROM statements
		WHERE speaker_id = ? AND published <> '' GROUP BY 1 ORDER BY 1`, id); err != nil {
		return p, fmt.Errorf("archive: speaker %d timeline: %w", id, err)
	}
	rows, err := a.db.QueryContext(ctx, `SELECT content FROM statements WHERE speaker_id = ? ORDER BY published DESC, id DESC LIMIT ?`, id, profileSample)
	if err != nil {
		return p, fmt.Errorf("archive: speaker %d: %w", id, err)
	}
	defer rows.Close()
	people := map[string]int{}
	for rows.Next() {
		var content string
		if err := rows.Scan(&content); err != nil {
			return p, fmt.Errorf("archive: speaker %d: %w", id, err)
		}
		countNames(content, p.Name, people)
	}
	if err := rows.Err(); err != nil {
		return p, fmt.Errorf("archive: speaker %d: %w", id, err)
	}
	p.People = top(people, 10)
	if p.Topics, err = a.speakerTopics(ctx, id, 15); err != nil {
		return p, fmt.Errorf("archive: speaker %d: %w", id, err)
	}
	if err := a.speakerCircumstances(ctx, &p); err != nil {
		return p, fmt.Errorf("archive: speaker %d: %w", id, err)
	}
	return p, nil
}

func (a *Archive) counts(ctx context.Context, query string, args ...any) ([]Count, error) {
	rows, err := a.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Count{}
	for rows.Next() {
		var c Count
		if err := rows.Scan(&c.Label, &c.N); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// countNames counts in content the capitalised name runs that are not
// the speaker's own name.
func countNames(content, self string, people map[string]int) {
	words := strings.FieldsFunc(content, func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\'' && r != '-' && r != '.' && r != ','
	})
	var run []string
	flush := func() {
		if len(run) >= 2 {
			if name := strings.Join(run, " "); !strings.Contains(self, name) {
				people[name]++
			}
		}
		run = run[:0]
	}
	for i, w := range words {
		end := strings.ContainsAny(w[len(w)-1:], ".,")
		w = strings.Trim(w, ".,'-")
		if w == "" {
			flush()
			continue
		}
		if r := []rune(w)[0]; unicode.IsUpper(r) && (i > 0 || len(run) > 0) {
			run = append(run, w)
		} else {
			flush()
		}
		if end {
			flush()
		}
	}
	flush()
}

// top returns the n most counted labels, ties by label.
func top(counts map[string]int, n int) []Count {
	out := make([]Count, 0, len(counts))
	for label, c := range counts {
		if c > 1 || len(counts) < n {
			out = append(out, Count{Label: label, N: c})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].Label < out[j].Label
	})
	return out[:min(n, len(out))]
}

// StoredArticle is an article with its statements as extracted, each with
// the archive ids of its statement and speaker (0 when none).
type StoredArticle struct {
	ArticleRef
	Record       whosaid.Record
	Text         string
	StatementIDs []int64
	SpeakerIDs   []int64
}

// Article returns a stored article.
func (a *Archive) Article(ctx context.Context, id int64) (StoredArticle, error) {
	art := StoredArticle{ArticleRef: ArticleRef{ID: id}}
	var recJSON string
	err := a.db.QueryRowContext(ctx, `SELECT ext_id, title, url, published, body, record FROM articles WHERE id = ?`, id).
		Scan(&art.ExtID, &art.Title, &art.URL, &art.Published, &art.Text, &recJSON)
	if errors.Is(err, sql.ErrNoRows) {
		return art, fmt.Errorf("archive: article %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return art, fmt.Errorf("archive: article %d: %w", id, err)
	}
	var stored storedRecord
	if err := json.Unmarshal([]byte(recJSON), &stored); err != nil {
		return art, fmt.Errorf("archive: article %d record: %w", id, err)
	}
	art.Record = whosaid.Record{ID: art.ExtID, Title: stored.Title, Furniture: stored.Furniture, Statements: []whosaid.Statement{}}
	rows, err := a.db.QueryContext(ctx, `SELECT o.statement_id, coalesce(s.speaker_id, 0), o.type, o.content_start, o.content_end,
		o.cue_start, o.cue_end, o.cue_lemma, o.speaker_start, o.speaker_end, o.speaker_name, o.speaker_kind,
		o.confidence, o.rule, o.resolution, coalesce(o.speaker_gender, '')
		FROM occurrences o JOIN statements s ON s.id = o.statement_id WHERE o.article_id = ? ORDER BY o.content_start, o.id`, id)
	if err != nil {
		return art, fmt.Errorf("archive: article %d statements: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var st whosaid.Statement
		var stID, spID int64
		var cueStart, cueEnd, spStart, spEnd sql.NullInt64
		var cueLemma, spName sql.NullString
		var typ, kind string
		if err := rows.Scan(&stID, &spID, &typ, &st.Content.Start, &st.Content.End, &cueStart, &cueEnd, &cueLemma,
			&spStart, &spEnd, &spName, &kind, &st.Confidence, &st.Rule, &st.Resolution, &st.SpeakerGender); err != nil {
			return art, fmt.Errorf("archive: article %d statements: %w", id, err)
		}
		st.Type, st.SpeakerKind = whosaid.StatementType(typ), whosaid.SpeakerKind(kind)
		st.Content = whosaid.NewSpan(art.Text, st.Content.Start, st.Content.End)
		if cueStart.Valid {
			st.Cue = &whosaid.Cue{Span: whosaid.NewSpan(art.Text, int(cueStart.Int64), int(cueEnd.Int64)), Lemma: cueLemma.String}
		}
		if spStart.Valid {
			sp := whosaid.NewSpan(art.Text, int(spStart.Int64), int(spEnd.Int64))
			st.Speaker = &sp
		}
		if spName.Valid {
			st.SpeakerName = &spName.String
		}
		art.Record.Statements = append(art.Record.Statements, st)
		art.StatementIDs = append(art.StatementIDs, stID)
		art.SpeakerIDs = append(art.SpeakerIDs, spID)
	}
	if err := rows.Err(); err != nil {
		return art, fmt.Errorf("archive: article %d statements: %w", id, err)
	}
	return art, nil
}
