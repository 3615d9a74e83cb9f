package archive

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/whosaid/whosaid"
)

// schemaCircumstances stores the circumstances of each occurrence (when,
// where, to whom it was said) and whom its statement is about, so that
// searches can filter on them and a speaker's page can show them.
// said_on_start and said_on_end are the first and last day of said_on at
// its granularity ("2017-02" is 2017-02-01 to 2017-02-28), which is what
// date filters compare.
const schemaCircumstances = `
ALTER TABLE occurrences ADD COLUMN said_on TEXT;           -- YYYY-MM-DD, YYYY-MM or YYYY; NULL when the text does not say
ALTER TABLE occurrences ADD COLUMN said_on_start TEXT;
ALTER TABLE occurrences ADD COLUMN said_on_end TEXT;
ALTER TABLE occurrences ADD COLUMN setting TEXT;           -- "at a news conference"
ALTER TABLE occurrences ADD COLUMN addressee TEXT;         -- "reporters", "the Senate"
ALTER TABLE occurrences ADD COLUMN addressee_name TEXT;    -- the addressee's canonical name, when an entity
CREATE INDEX occurrences_said_on ON occurrences(statement_id, said_on_start, said_on_end);
CREATE TABLE statement_about (
	article_id INTEGER NOT NULL,
	statement_id INTEGER NOT NULL,
	key TEXT NOT NULL,             -- the entity's name key, as for speakers
	name TEXT NOT NULL,
	kind TEXT NOT NULL,
	PRIMARY KEY (key, statement_id, article_id)
) WITHOUT ROWID;
CREATE INDEX statement_about_article ON statement_about(article_id);
CREATE INDEX statement_about_statement ON statement_about(statement_id);
`

// storeCircumstances records the circumstances of occurrence id, of
// statement stID in article artID.
func (w *writer) storeCircumstances(artID, stID, id int64, st whosaid.Statement) error {
	var saidOn, start, end, setting, addressee, addresseeName sql.NullString
	if st.SaidOn != nil {
		lo, hi, err := dayRange(st.SaidOn.Value)
		if err != nil {
			return fmt.Errorf("circumstances: said_on: %w", err)
		}
		saidOn, start, end = nullString(st.SaidOn.Value), nullString(lo), nullString(hi)
	}
	if st.Setting != nil {
		setting = nullString(st.Setting.Text)
	}
	if st.Addressee != nil {
		addressee = nullString(st.Addressee.Text)
		if st.Addressee.Name != "" {
			addresseeName = nullString(st.Addressee.Name)
		}
	}
	if saidOn.Valid || setting.Valid || addressee.Valid {
		if _, err := w.exec(`UPDATE occurrences SET said_on = ?, said_on_start = ?, said_on_end = ?, setting = ?, addressee = ?, addressee_name = ? WHERE id = ?`,
			saidOn, start, end, setting, addressee, addresseeName, id); err != nil {
			return fmt.Errorf("circumstances: %w", err)
		}
	}
	for _, ab := range st.About {
		key, err := resolveKey(w, ab.Name, ab.Kind)
		if err != nil {
			return fmt.Errorf("circumstances: about %q: %w", ab.Name, err)
		}
		if key == "" || !isProperName(ab.Name) {
			continue // "the council" in one article is not the council of another
		}
		if _, err := w.exec(`INSERT INTO statement_about (article_id, statement_id, key, name, kind) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT DO NOTHING`,
			artID, stID, key, ab.Name, string(ab.Kind)); err != nil {
			return fmt.Errorf("circumstances: about %q: %w", ab.Name, err)
		}
	}
	return nil
}

// forgetAbout removes what article artID said statements are about,
// before its statements are stored again.
func (w *writer) forgetAbout(artID int64) error {
	if _, err := w.exec(`DELETE FROM statement_about WHERE article_id = ?`, artID); err != nil {
		return fmt.Errorf("circumstances: %w", err)
	}
	return nil
}

func nullString(s string) sql.NullString { return sql.NullString{String: s, Valid: true} }

// dayRange returns the first and last day of a date written to its
// granularity: YYYY-MM-DD, YYYY-MM or YYYY.
func dayRange(value string) (string, string, error) {
	for _, f := range []struct {
		layout string
		years  int
		months int
	}{{time.DateOnly, 0, 0}, {"2006-01", 0, 1}, {"2006", 1, 0}} {
		t, err := time.Parse(f.layout, value)
		if err != nil {
			continue
		}
		last := t
		if f.years > 0 || f.months > 0 {
			last = t.AddDate(f.years, f.months, -1)
		}
		return t.Format(time.DateOnly), last.Format(time.DateOnly), nil
	}
	return "", "", fmt.Errorf("bad date %q: want YYYY-MM-DD, YYYY-MM or YYYY", value)
}

// circumstanceFilters are the conditions on statements s of the
// circumstance filters of q: about whom, and said between two dates (a
// statement whose said_on is a month or a year passes when that period
// meets the range). Statements whose text does not say when they were
// said do not pass a date filter.
func (q Query) circumstanceFilters(ctx context.Context, db database) ([]string, []any, error) {
	var where []string
	var args []any
	if q.About != "" {
		key, err := resolveKey(reader{ctx, db}, q.About, whosaid.Person)
		if err != nil {
			return nil, nil, fmt.Errorf("about: %w", err)
		}
		where, args = append(where, "s.id IN (SELECT statement_id FROM statement_about WHERE key = ?)"), append(args, key)
	}
	switch {
	case q.SaidSince != "" && q.SaidUntil != "":
		where = append(where, "EXISTS (SELECT 1 FROM occurrences o WHERE o.statement_id = s.id AND o.said_on_end >= ? AND o.said_on_start <= ?)")
		args = append(args, q.SaidSince, q.SaidUntil)
	case q.SaidSince != "":
		where, args = append(where, "EXISTS (SELECT 1 FROM occurrences o WHERE o.statement_id = s.id AND o.said_on_end >= ?)"), append(args, q.SaidSince)
	case q.SaidUntil != "":
		where, args = append(where, "EXISTS (SELECT 1 FROM occurrences o WHERE o.statement_id = s.id AND o.said_on_start <= ?)"), append(args, q.SaidUntil)
	}
	return where, args, nil
}

// speakerCircumstances adds to a speaker's profile whom they talk about
// and when their statements were said, where the text tells.
func (a *Archive) speakerCircumstances(ctx context.Context, p *SpeakerProfile) error {
	var err error
	if p.About, err = a.counts(ctx, `SELECT min(ab.name), count(DISTINCT ab.statement_id) FROM statement_about ab
		JOIN statements s ON s.id = ab.statement_id WHERE s.speaker_id = ? GROUP BY ab.key ORDER BY 2 DESC, 1 LIMIT 15`, p.ID); err != nil {
		return fmt.Errorf("about: %w", err)
	}
	// By month, for statements said on a known day or month.
	if p.SaidOn, err = a.counts(ctx, `SELECT substr(o.said_on_start, 1, 7), count(DISTINCT s.id) FROM occurrences o
		JOIN statements s ON s.id = o.statement_id WHERE s.speaker_id = ? AND o.said_on_start IS NOT NULL
		AND substr(o.said_on_start, 1, 7) = substr(o.said_on_end, 1, 7) GROUP BY 1 ORDER BY 1`, p.ID); err != nil {
		return fmt.Errorf("said on: %w", err)
	}
	return nil
}
