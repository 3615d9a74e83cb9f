package pipeline

import (
	"context"
	"iter"
	"runtime"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/statement"
)

// Run extracts the statements of speech of the articles of src on the
// given number of workers and calls emit with each record, in input order.
// It stops at the first error from src or emit and returns it.
func Run(src iter.Seq2[whosaid.Article, error], workers int, emit func(whosaid.Record) error) error {
	return RunWith(src, workers, Extract, emit)
}

// RunWith is Run with another extractor, such as ExtractAll.
func RunWith(src iter.Seq2[whosaid.Article, error], workers int, extract func(whosaid.Article) whosaid.Record, emit func(whosaid.Record) error) error {
	work := func(a whosaid.Article) (whosaid.Record, error) { return extract(a), nil }
	return Ordered(src, workers, work, func(r whosaid.Record, err error) error {
		if err != nil {
			return err
		}
		return emit(r)
	})
}

// Ordered calls work on the items of src on the given number of workers
// and emit with each result in input order; an error from src takes its
// item's place, without work. Reading, work and emit overlap, with at most
// 4 items per worker in flight, so memory is bounded by the items, not
// by the input. It stops when emit returns an error, and returns it.
func Ordered[T, R any](src iter.Seq2[T, error], workers int, work func(T) (R, error), emit func(R, error) error) error {
	workers = max(workers, 1)
	type result struct {
		r   R
		err error
	}
	type job struct {
		item T
		done chan result
	}
	// Every job holds a place in order first, so the buffer of jobs adds
	// nothing to the items in flight; it lets a worker take its next item
	// without waiting for the reader to run.
	jobs := make(chan job, workers)
	order := make(chan chan result, 4*workers) // bounds the items in flight
	for range workers {
		go func() {
			for j := range jobs {
				r, err := work(j.item)
				j.done <- result{r, err}
				// The reader and the writer, woken by this item, wait
				// for a free core; while every core runs a worker they
				// would run only when the scheduler preempts one (every
				// 10 ms), and in the meantime the window of items in
				// flight runs dry and workers idle. Yielding here lets
				// them run between items (on GGT dev × 100 with two
				// workers on two cores, 4 interleaved runs: idle time
				// 0.30–0.38 s → 0.19–0.31 s; README, "Start-up and steady
				// state").
				runtime.Gosched()
			}
		}()
	}
	stop := make(chan struct{}) // closed when emit fails: read no more input
	go func() {
		defer close(order)
		defer close(jobs)
		for item, err := range src {
			done := make(chan result, 1)
			select {
			case order <- done:
			case <-stop:
				return
			}
			if err != nil {
				done <- result{err: err}
				continue
			}
			jobs <- job{item: item, done: done}
		}
	}()
	var emitErr error
	for done := range order {
		res := <-done
		if emitErr == nil {
			if emitErr = emit(res.r, res.err); emitErr != nil {
				close(stop)
			}
		}
	}
	return emitErr
}

// RunContext is Run that stops when ctx is done: the analysis of the
// articles in flight stops within a piece, no record is emitted after
// that, and ctx's error is returned.
func RunContext(ctx context.Context, src iter.Seq2[whosaid.Article, error], workers int, emit func(whosaid.Record) error) error {
	extract := func(a whosaid.Article) whosaid.Record {
		r, _ := ExtractContext(ctx, a, statement.Speech) // a cut-short record is never emitted, below
		return r
	}
	return RunWith(src, workers, extract, func(r whosaid.Record) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return emit(r)
	})
}
