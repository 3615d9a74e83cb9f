package archive

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/whosaid/whosaid"
)

// ErrUnknownSpeaker is returned for a name that matches no speaker.
var ErrUnknownSpeaker = errors.New("no speaker by that name")

// MergeSpeakers records that the speaker known as name is the same person
// as the one known as into, and moves all of its statements there. The
// fix is kept in the aliases table, so it holds for articles ingested
// later and for re-ingested ones.
func (a *Archive) MergeSpeakers(ctx context.Context, name, into string) error {
	return a.write(ctx, func(w *writer) error {
		from, err := w.speakerByName(name)
		if err != nil {
			return err
		}
		to, err := w.speakerByName(into)
		if err != nil {
			return err
		}
		if from.id == to.id {
			return nil
		}
		// Every name the merged speaker was seen under now points to the
		// target, as does its key (for name variants not seen yet) and any
		// alias that pointed to it.
		names, err := w.names(`SELECT DISTINCT o.speaker_name FROM occurrences o JOIN statements s ON s.id = o.statement_id
			WHERE s.speaker_id = ? AND o.speaker_name IS NOT NULL`, from.id)
		if err != nil {
			return fmt.Errorf("archive: merge %q: %w", name, err)
		}
		keys := []string{from.key, rawKey(name)}
		for _, n := range names {
			keys = append(keys, rawKey(n))
		}
		for _, k := range keys {
			if err := w.setAlias(k, to.key); err != nil {
				return fmt.Errorf("archive: merge %q: %w", name, err)
			}
		}
		if _, err := w.exec(`UPDATE aliases SET speaker_key = ? WHERE speaker_key = ?`, to.key, from.key); err != nil {
			return fmt.Errorf("archive: merge %q: %w", name, err)
		}
		return w.relink(from.id, func(string) bool { return true })
	})
}

// SplitSpeaker gives name a speaker of its own, apart from the speaker it
// was merged into (by hand or by name normalisation), and moves the
// statements attributed under that exact name there. Like a merge, the
// fix is kept in the aliases table.
func (a *Archive) SplitSpeaker(ctx context.Context, name string) error {
	return a.write(ctx, func(w *writer) error {
		from, err := w.speakerByName(name)
		if err != nil {
			return err
		}
		own := rawKey(name)
		if err := w.setAlias(own, own); err != nil {
			return fmt.Errorf("archive: split %q: %w", name, err)
		}
		return w.relink(from.id, func(speakerName string) bool { return rawKey(speakerName) == own })
	})
}

type speakerRef struct {
	id  int64
	key string
}

// speakerByName finds the speaker a name resolves to now.
func (w *writer) speakerByName(name string) (speakerRef, error) {
	key, err := resolveKey(w, name, whosaid.Person)
	if err != nil {
		return speakerRef{}, fmt.Errorf("archive: speaker %q: %w", name, err)
	}
	ref := speakerRef{key: key}
	found, err := w.scalar(`SELECT id FROM speakers WHERE key = ?`, []any{key}, &ref.id)
	if err != nil {
		return speakerRef{}, fmt.Errorf("archive: speaker %q: %w", name, err)
	}
	if !found {
		return speakerRef{}, fmt.Errorf("archive: %q: %w", name, ErrUnknownSpeaker)
	}
	return ref, nil
}

func (w *writer) setAlias(nameKey, speakerKey string) error {
	_, err := w.exec(`INSERT INTO aliases (name_key, speaker_key) VALUES (?, ?)
		ON CONFLICT (name_key) DO UPDATE SET speaker_key = excluded.speaker_key`, nameKey, speakerKey)
	return err
}

func (w *writer) names(query string, args ...any) ([]string, error) {
	return column[string](w.query(query, args...))
}

// relink re-resolves the speaker of the occurrences of a speaker's
// statements whose speaker name passes keep, after the aliases changed,
// moving each to the statement it now belongs to.
func (w *writer) relink(speakerID int64, keep func(speakerName string) bool) error {
	type occurrence struct {
		id, statementID int64
		typ, kind       string
		name            sql.NullString
		content         string
	}
	rows, err := w.query(`SELECT o.id, o.statement_id, o.type, o.speaker_kind, o.speaker_name,
		`+w.d.byteSlice("a.body", "o.content_start", "o.content_end")+`
		FROM occurrences o JOIN statements s ON s.id = o.statement_id JOIN articles a ON a.id = o.article_id
		WHERE s.speaker_id = ? ORDER BY o.id`, speakerID)
	if err != nil {
		return fmt.Errorf("archive: relink: %w", err)
	}
	var moved []occurrence
	for rows.Next() {
		var o occurrence
		if err := rows.Scan(&o.id, &o.statementID, &o.typ, &o.kind, &o.name, &o.content); err != nil {
			rows.Close()
			return fmt.Errorf("archive: relink: %w", err)
		}
		if o.name.Valid && keep(o.name.String) {
			moved = append(moved, o)
		}
	}
	if err := rows.Close(); err != nil {
		return fmt.Errorf("archive: relink: %w", err)
	}
	var touched []int64
	for _, o := range moved {
		name := o.name.String
		stID, err := w.statementFor(&name, whosaid.SpeakerKind(o.kind), whosaid.StatementType(o.typ), o.content)
		if err != nil {
			return fmt.Errorf("archive: relink: %w", err)
		}
		if stID == o.statementID {
			continue
		}
		if _, err := w.exec(`UPDATE occurrences SET statement_id = ? WHERE id = ?`, stID, o.id); err != nil {
			return fmt.Errorf("archive: relink: %w", err)
		}
		touched = append(touched, o.statementID, stID)
	}
	if err := w.refresh(touched); err != nil {
		return fmt.Errorf("archive: relink: %w", err)
	}
	return nil
}
