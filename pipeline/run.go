package pipeline

import (
	"context"
	"iter"

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
	workers = max(workers, 1)
	type job struct {
		article whosaid.Article
		done    chan whosaid.Record
	}
	jobs := make(chan job)
	order := make(chan job, 4*workers) // bounds the records in flight
	for range workers {
		go func() {
			for j := range jobs {
				j.done <- extract(j.article)
			}
		}()
	}
	var srcErr error
	stop := make(chan struct{}) // closed when emit fails: read no more input
	go func() {
		defer close(order)
		defer close(jobs)
		for a, err := range src {
			if err != nil {
				srcErr = err
				return
			}
			j := job{article: a, done: make(chan whosaid.Record, 1)}
			select {
			case order <- j:
			case <-stop:
				return
			}
			jobs <- j
		}
	}()
	var emitErr error
	for j := range order {
		r := <-j.done
		if emitErr == nil {
			if emitErr = emit(r); emitErr != nil {
				close(stop)
			}
		}
	}
	if emitErr != nil {
		return emitErr
	}
	return srcErr
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
