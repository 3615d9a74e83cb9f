// Package pipeline chains the stages of whosaid: document → text →
// mention → statement (rules and the learned attribution model), turning
// one article into its output record.
package pipeline

import (
	"log/slog"
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
func ExtractScope(a whosaid.Article, scope statement.Scope) whosaid.Record {
	doc := document.Analyze(a.Text, a.Title)
	t := text.Analyze(a.Text, doc.Blocks(scope == statement.All))
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
	statements := statement.Extract(t, syn, ms, learned, scope)
	furniture := doc.Furniture
	if furniture == nil {
		furniture = []whosaid.Furniture{}
	}
	rec := whosaid.Record{ID: a.ID, Title: doc.Title, Statements: statements, Furniture: furniture}
	published, source := circumstance.Published(a, furniture)
	if source != "" {
		rec.Published, rec.PublishedSource = published.Format(time.DateOnly), source
	}
	rec.Entities = circumstance.Attach(t, syn, ms, published, statements)
	return rec
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
