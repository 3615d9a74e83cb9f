// Package pipeline chains the stages of whosaid: document → text →
// mention → statement (rules and the learned attribution model), turning
// one article into its output record.
package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"sync"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/attribution"
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
func ExtractScope(a whosaid.Article, scope statement.Scope) whosaid.Record {
	r, _ := ExtractContext(context.Background(), a, scope) // fails only when ctx is done
	return r
}

// ExtractContext runs the pipeline on one article with the given scope,
// giving up with ctx's error when ctx is done. An article longer than
// PieceBytes is analysed piece by piece, and ctx is checked between
// pieces.
func ExtractContext(ctx context.Context, a whosaid.Article, scope statement.Scope) (whosaid.Record, error) {
	doc := document.Analyze(a.Text, a.Title)
	pieces := Pieces(a.Text, doc.Blocks(scope == statement.All), PieceBytes)
	if len(pieces) > 1 {
		slog.Warn("long article analysed in pieces; statements and speaker names do not reach across pieces",
			"id", a.ID, "bytes", len(a.Text), "pieces", len(pieces))
	}
	statements := []whosaid.Statement{}
	for _, blocks := range pieces {
		if err := ctx.Err(); err != nil {
			return whosaid.Record{}, fmt.Errorf("pipeline: article %q: %w", a.ID, err)
		}
		statements = append(statements, extractBlocks(a.Text, blocks, scope)...)
	}
	furniture := doc.Furniture
	if furniture == nil {
		furniture = []whosaid.Furniture{}
	}
	return whosaid.Record{ID: a.ID, Title: doc.Title, Statements: statements, Furniture: furniture}, nil
}

// extractBlocks finds the statements of the given content blocks of src.
func extractBlocks(src string, blocks []whosaid.Span, scope statement.Scope) []whosaid.Statement {
	t := text.Analyze(src, blocks)
	var syn *syntax.Sentences
	if m := syntaxModel(); m != nil {
		syn = syntax.NewSentences(t, m)
	}
	ms := mention.Find(t)
	var learned []attribution.Attribution
	if scope == statement.All {
		if m := model(); m != nil {
			learned = m.Predict(t)
		}
	}
	return statement.Extract(t, syn, ms, learned, scope)
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
