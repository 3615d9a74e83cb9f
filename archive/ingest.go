package archive

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"sync"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/pipeline"
	"github.com/whosaid/whosaid/statement"
	"github.com/whosaid/whosaid/syntax"
)

// IngestStats counts what an ingest did.
type IngestStats struct {
	Read       int // articles read from the input
	Unchanged  int // already stored with the same content
	Added      int
	Replaced   int // stored before with other content: statements replaced
	Statements int // statement occurrences stored
	Failed     int // articles whose analysis failed (pipeline.ErrPanic): logged, not stored
}

// Done is the number of articles finished (stored, skipped or failed).
func (s IngestStats) Done() int { return s.Unchanged + s.Added + s.Replaced + s.Failed }

// IngestOptions tunes an ingest.
type IngestOptions struct {
	Workers int // articles extracted in parallel
	// BatchSize is the number of articles per transaction; a batch is
	// also committed when it is older than a second.
	BatchSize int
	// Progress, when set, is called after every article.
	Progress func(IngestStats)
	// Extract gives an article's record; by default the pipeline's
	// speech scope. It runs on the workers and should stop when ctx is
	// done.
	Extract func(ctx context.Context, a whosaid.Article) (whosaid.Record, error)
}

// pendingArticle is an article sent to extraction, awaiting its record.
type pendingArticle struct {
	article whosaid.Article
	hash    []byte
}

// Ingest extracts the articles of src and stores them. Articles already
// stored with the same content are skipped before extraction, so an
// interrupted ingest resumes where it stopped. When ctx is cancelled the
// articles extracted so far are committed and ctx's error is returned.
func (a *Archive) Ingest(ctx context.Context, src iter.Seq2[whosaid.Article, error], opts IngestOptions) (IngestStats, error) {
	var (
		mu      sync.Mutex // guards stats and pending, shared by the reading and storing sides
		stats   IngestStats
		pending []pendingArticle
	)
	report := func(update func(*IngestStats)) {
		mu.Lock()
		update(&stats)
		snapshot := stats
		mu.Unlock()
		if opts.Progress != nil {
			opts.Progress(snapshot)
		}
	}
	unseen := func(yield func(whosaid.Article, error) bool) {
		for art, err := range src {
			if ctx.Err() != nil {
				return
			}
			if err != nil {
				yield(art, err)
				return
			}
			hash := articleHash(art)
			stored, err := a.hasArticle(ctx, art.ID, hash)
			if err != nil {
				yield(art, err)
				return
			}
			if stored {
				report(func(s *IngestStats) { s.Read++; s.Unchanged++ })
				continue
			}
			report(func(s *IngestStats) { s.Read++ })
			mu.Lock()
			pending = append(pending, pendingArticle{article: art, hash: hash})
			mu.Unlock()
			if !yield(art, nil) {
				return
			}
		}
	}

	batchSize := max(opts.BatchSize, 1)
	type extracted struct {
		pendingArticle
		record  whosaid.Record
		phrases [][]string // of each statement's content
	}
	var batch []extracted
	batchStart := time.Now()
	commit := func() error {
		if len(batch) == 0 {
			return nil
		}
		outcomes := make([]storeOutcome, len(batch))
		// Not cancelled with ctx: on Ctrl-C the extracted batch is kept.
		err := a.write(context.WithoutCancel(ctx), func(w *writer) error {
			for i, e := range batch {
				var err error
				if outcomes[i], err = w.storeArticle(e.article, e.record, e.phrases, e.hash); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		for i, e := range batch {
			report(func(s *IngestStats) {
				switch outcomes[i] {
				case added:
					s.Added++
				case replaced:
					s.Replaced++
				case unchanged:
					s.Unchanged++ // a duplicate id within one input
				}
				if outcomes[i] != unchanged {
					s.Statements += len(e.record.Statements)
				}
			})
		}
		batch, batchStart = batch[:0], time.Now()
		return nil
	}
	emit := func(x analysed, err error) error {
		if err == nil {
			err = ctx.Err() // a record cut short by a cancellation is not stored
		}
		failed := errors.Is(err, pipeline.ErrPanic) // a bug costs its article only
		if err != nil && !failed {
			return err
		}
		mu.Lock()
		next := pending[0]
		pending = pending[1:]
		mu.Unlock()
		if failed {
			slog.Error("archive: ingest: article not stored", "id", next.article.ID, "err", err)
			report(func(s *IngestStats) { s.Failed++ })
			return nil
		}
		if next.article.ID != x.record.ID {
			return fmt.Errorf("archive: ingest: record %q arrived for article %q", x.record.ID, next.article.ID)
		}
		batch = append(batch, extracted{pendingArticle: next, record: x.record, phrases: x.phrases})
		if len(batch) >= batchSize || time.Since(batchStart) > time.Second {
			return commit()
		}
		return nil
	}
	// Commit what was extracted even when extraction stopped on an input
	// error or a cancellation: those articles are whole. A cancellation
	// also stops the analysis of the articles in flight, which are dropped.
	runErr := pipeline.Ordered(unseen, opts.Workers, analyser(ctx, opts.Extract), emit)
	if errors.Is(runErr, ctx.Err()) {
		runErr = nil // reported once, below
	}
	err := errors.Join(runErr, commit(), ctx.Err())
	mu.Lock()
	defer mu.Unlock()
	return stats, err
}

// hasArticle reports whether the article with this id is stored with
// this content hash.
func (a *Archive) hasArticle(ctx context.Context, id string, hash []byte) (bool, error) {
	var n int
	err := a.db.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE ext_id = ? AND hash = ?`, id, hash).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("archive: article %q: %w", id, err)
	}
	return n > 0, nil
}

// analysed is an article's record with the noun phrases of each of its
// statements' contents (the speaker's topics), computed on the workers.
type analysed struct {
	record  whosaid.Record
	phrases [][]string
}

// analyser returns the work of an ingest's workers: extract an article
// with extract (the pipeline's speech scope when nil) and parse its
// statements' contents for their noun phrases.
func analyser(ctx context.Context, extract func(context.Context, whosaid.Article) (whosaid.Record, error)) func(whosaid.Article) (analysed, error) {
	if extract == nil {
		extract = func(ctx context.Context, a whosaid.Article) (whosaid.Record, error) {
			return pipeline.ExtractContext(ctx, a, statement.Speech)
		}
	}
	return func(a whosaid.Article) (analysed, error) {
		rec, err := extract(ctx, a)
		if err != nil || len(rec.Statements) == 0 {
			return analysed{record: rec}, err
		}
		m, err := syntax.Default()
		if err != nil {
			return analysed{}, fmt.Errorf("archive: %w", err)
		}
		x := analysed{record: rec, phrases: make([][]string, len(rec.Statements))}
		for i, st := range rec.Statements {
			x.phrases[i] = nounPhrases(m, st.Content.Text)
		}
		return x, nil
	}
}
