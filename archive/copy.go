package archive

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// copyTables are the archive's tables, each after those it refers to.
var copyTables = []string{"articles", "speakers", "aliases", "statements", "statement_bands", "occurrences", "statement_about", "occurrence_phrases"}

// CopyTo copies every row of the archive into dst, which must be empty
// (as Open leaves a new archive): to move an SQLite archive to a
// PostgreSQL server, or back. Row ids are kept. The copy is one write
// transaction on dst. progress, when set, is called after each table.
func (a *Archive) CopyTo(ctx context.Context, dst *Archive, progress func(table string, rows int)) error {
	return dst.write(ctx, func(w *writer) error {
		var stored int
		if _, err := w.scalar(`SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM aliases)`, nil, &stored); err != nil {
			return fmt.Errorf("archive: copy: %w", err)
		}
		if stored > 0 {
			return errors.New("archive: copy: the destination archive is not empty")
		}
		for _, table := range copyTables {
			n, err := a.copyTable(ctx, w, table)
			if err != nil {
				return fmt.Errorf("archive: copy %s: %w", table, err)
			}
			if err := w.d.copied(w.tx, table); err != nil {
				return fmt.Errorf("archive: copy %s: %w", table, err)
			}
			if progress != nil {
				progress(table, n)
			}
		}
		return nil
	})
}

// copyTable copies the rows of one table in multi-row inserts.
func (a *Archive) copyTable(ctx context.Context, w *writer, table string) (int, error) {
	rows, err := a.db.QueryContext(ctx, `SELECT * FROM `+table)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	all, err := rows.Columns()
	if err != nil {
		return 0, err
	}
	// PostgreSQL's search vector is generated from the content.
	cols := slices.DeleteFunc(slices.Clone(all), func(c string) bool { return c == "tsv" })
	perInsert := 10_000 / len(cols) // well under both databases' parameter limits
	row := "(?" + strings.Repeat(", ?", len(cols)-1) + ")"
	insert := func(args []any) error {
		n := len(args) / len(cols)
		_, err := w.tx.ExecContext(ctx, w.d.bind(`INSERT INTO `+table+` (`+strings.Join(cols, ", ")+`) VALUES `+
			row+strings.Repeat(", "+row, n-1)), args...)
		return err
	}
	values := make([]any, len(all))
	dest := make([]any, len(all))
	for i := range values {
		dest[i] = &values[i]
	}
	var args []any
	n := 0
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return n, err
		}
		for i, c := range all {
			if c != "tsv" {
				args = append(args, values[i])
			}
		}
		n++
		if n%perInsert == 0 {
			if err := insert(args); err != nil {
				return n, err
			}
			args = args[:0]
		}
	}
	if err := rows.Err(); err != nil {
		return n, err
	}
	if len(args) > 0 {
		return n, insert(args)
	}
	return n, nil
}
