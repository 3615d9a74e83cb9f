// Package pipeline chains the stages of whosaid: document → text →
// mention → statement, turning one article into its output record.
package pipeline

import (
	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/document"
	"github.com/whosaid/whosaid/mention"
	"github.com/whosaid/whosaid/statement"
	"github.com/whosaid/whosaid/text"
)

// Extract runs the whole pipeline on one article. It is safe for
// concurrent use.
func Extract(a whosaid.Article) whosaid.Record {
	doc := document.Analyze(a.Text, a.Title)
	t := text.Analyze(a.Text, doc.Paragraphs)
	ms := mention.Find(t)
	statements := statement.Extract(t, ms)
	furniture := doc.Furniture
	if furniture == nil {
		furniture = []whosaid.Furniture{}
	}
	return whosaid.Record{ID: a.ID, Title: doc.Title, Statements: statements, Furniture: furniture}
}
