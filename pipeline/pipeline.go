// Package pipeline chains the stages of whosaid: document → text →
// mention → statement (rules and the learned attribution model), turning
// one article into its output record.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/attribution"
	"github.com/whosaid/whosaid/circumstance"
	"github.com/whosaid/whosaid/document"
	"github.com/whosaid/whosaid/mention"
	"github.com/whosaid/whosaid/statement"
	"github.com/whosaid/whosaid/syntax"
	"github.com/whosaid/whosaid/text"
)

// Extract runs the whole pipeline on one article, with statements of
// speech. It is safe for concurrent use.
func Extract(a whosaid.Article) whosaid.Record { return ExtractScope(a, statement.Speech) }

// ExtractAll runs the pipeline with every attribution: speech, and also
// attributed beliefs, intentions and findings.
func ExtractAll(a whosaid.Article) whosaid.Record { return ExtractScope(a, statement.All) }

// ExtractScope runs the pipeline on one article with the given scope.
// An analysis that panics (ErrPanic, logged) gives an empty record.
func ExtractScope(a whosaid.Article, scope statement.Scope) whosaid.Record {
	r, _ := extract(context.Background(), a, scope, nil)
	return r
}

// ExtractContext runs the pipeline on one article with the given scope,
// giving up with ctx's error when ctx is done, or with ErrPanic when the
// analysis panics. An article longer than
// PieceBytes is analysed piece by piece, and ctx is checked between
// pieces.
func ExtractContext(ctx context.Context, a whosaid.Article, scope statement.Scope) (whosaid.Record, error) {
	return extract(ctx, a, scope, nil)
}

// Timings add up the time spent in each stage, for whosaid bench.
type Timings struct {
	Clean      time.Duration // document: title, furniture, paragraphs
	Text       time.Duration // tokens, sentences, quotations
	Syntax     time.Duration // tagging and parsing, on demand
	Statements time.Duration // mentions, the rules, resolution (without Syntax)
}

// ExtractTimed is ExtractScope that adds the time of each stage to t
// (which may be nil; it is not safe for concurrent use).
func ExtractTimed(a whosaid.Article, scope statement.Scope, t *Timings) whosaid.Record {
	r, _ := extract(context.Background(), a, scope, t)
	return r
}

// ErrPanic marks an article whose analysis panicked: a bug, reported as
// that article's error so that it costs the article, not the run.
var ErrPanic = errors.New("internal error (a bug: please report it with the article)")

// recovered turns a panic of the analysis of article id into *err.
func recovered(id string, err *error) {
	if p := recover(); p != nil {
		slog.Error("pipeline: the analysis panicked", "id", id, "panic", p, "stack", string(debug.Stack()))
		*err = fmt.Errorf("pipeline: article %q: %w: %v", id, ErrPanic, p)
	}
}

func extract(ctx context.Context, a whosaid.Article, scope statement.Scope, t *Timings) (_ whosaid.Record, err error) {
	defer recovered(a.ID, &err)
	lap := stopwatch(t != nil)
	doc := document.Analyze(a.Text, a.Title)
	if t != nil {
		t.Clean += lap()
	}
	pieces := Pieces(a.Text, doc.Blocks(scope == statement.All), PieceBytes)
	if len(pieces) > 1 {
		slog.Warn("long article analysed in pieces; statements and speaker names do not reach across pieces",
			"id", a.ID, "bytes", len(a.Text), "pieces", len(pieces))
	}
	furniture := doc.Furniture
	if furniture == nil {
		furniture = []whosaid.Furniture{}
	}
	published, source := circumstance.Published(a, furniture)
	statements := []whosaid.Statement{}
	var entities []whosaid.Entity
	for _, blocks := range pieces {
		if err := ctx.Err(); err != nil {
			return whosaid.Record{}, fmt.Errorf("pipeline: article %q: %w", a.ID, err)
		}
		st, ents := extractBlocks(a.Text, blocks, scope, published, t, lap)
		statements = append(statements, st...)
		entities = append(entities, ents...)
	}
	r := whosaid.Record{ID: a.ID, Title: doc.Title, Statements: statements, Furniture: furniture, Entities: entities}
	if source != "" {
		r.Published, r.PublishedSource = published.Format(time.DateOnly), source
	}
	if a.Extracted {
		r.Text, r.URL, r.Site, r.Author, r.Lang = a.Text, a.URL, a.Site, a.Author, a.Lang
	}
	return r, nil
}

// extractBlocks finds the statements of the given content blocks of src,
// with their circumstances (dates against published), and the entities
// of the blocks, adding the time of each stage to t when it is not nil.
func extractBlocks(src string, blocks []whosaid.Span, scope statement.Scope, published time.Time, t *Timings, lap func() time.Duration) ([]whosaid.Statement, []whosaid.Entity) {
	tx := text.Analyze(src, blocks)
	tokenized := lap()
	// The model loads when a stage first asks about a sentence: a text
	// with nothing to ask about (no article, no speech verb) starts fast.
	syn := syntax.NewLazySentences(tx, syntaxModel)
	syn.Timed = t != nil
	ms := mention.Find(tx)
	var learned []attribution.Attribution
	if scope == statement.All {
		if m := model(); m != nil {
			learned = m.Predict(tx)
		}
	}
	statements := statement.Extract(tx, syn, ms, learned, scope)
	entities := circumstance.Attach(tx, syn, ms, published, statements)
	if t != nil {
		t.Text += tokenized
		t.Statements += lap() - syn.Spent
		t.Syntax += syn.Spent
	}
	return statements, entities
}

// stopwatch returns a function giving the time since its previous call,
// or zero when off (reading the clock is not free).
func stopwatch(on bool) func() time.Duration {
	last := time.Now()
	return func() time.Duration {
		if !on {
			return 0
		}
		now := time.Now()
		d := now.Sub(last)
		last = now
		return d
	}
}

// model and syntaxModel are the embedded models, loaded on first use; nil
// (logged once) if one cannot be read, in which case the rules do without.
var (
	model       = loadOnce("attribution", attribution.Default)
	syntaxModel = loadOnce("syntax", syntax.Default)
)

func loadOnce[M any](name string, load func() (*M, error)) func() *M {
	return sync.OnceValue(func() *M {
		m, err := load()
		if err != nil {
			slog.Error("model unavailable; the rules work without it", "model", name, "err", err)
			return nil
		}
		return m
	})
}
