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
	return ExtractTimed(a, scope, nil)
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
	lap := stopwatch(t != nil)
	doc := document.Analyze(a.Text, a.Title)
	cleaned := lap()
	tx := text.Analyze(a.Text, doc.Blocks(scope == statement.All))
	tokenized := lap()
	var syn *syntax.Sentences
	// An empty text needs no model: a run over no articles starts fast.
	if len(tx.Sentences) > 0 {
		if m := syntaxModel(); m != nil {
			syn = syntax.NewSentences(tx, m)
			syn.Timed = t != nil
		}
	}
	ms := mention.Find(tx)
	var learned []attribution.Attribution
	if scope == statement.All {
		if m := model(); m != nil {
			learned = m.Predict(tx)
		}
	}
	statements := statement.Extract(tx, syn, ms, learned, scope)
	if t != nil {
		t.Clean += cleaned
		t.Text += tokenized
		t.Statements += lap()
		if syn != nil {
			t.Syntax += syn.Spent
			t.Statements -= syn.Spent
		}
	}
	furniture := doc.Furniture
	if furniture == nil {
		furniture = []whosaid.Furniture{}
	}
	r := whosaid.Record{ID: a.ID, Title: doc.Title, Statements: statements, Furniture: furniture}
	if a.Extracted {
		r.Text, r.URL, r.Site, r.Author, r.Lang = a.Text, a.URL, a.Site, a.Author, a.Lang
	}
	return r
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
