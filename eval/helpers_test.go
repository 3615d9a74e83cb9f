package eval

import (
	"strings"
	"testing"

	"github.com/whosaid/whosaid/corpus"

	"github.com/whosaid/whosaid"
)

// find returns the span of the n-th (0-based) occurrence of sub in doc.
func find(t testing.TB, doc, sub string, n int) whosaid.Span {
	t.Helper()
	from := 0
	for {
		i := strings.Index(doc[from:], sub)
		if i < 0 {
			t.Fatalf("occurrence %d of %q not in %q", n, sub, doc)
		}
		if n == 0 {
			return whosaid.NewSpan(doc, from+i, from+i+len(sub))
		}
		n--
		from += i + 1
	}
}

func ptr[T any](v T) *T { return &v }

// statement builds a predicted statement; a nil speaker or cue is absent
// and an empty name is null.
func statement(content whosaid.Span, speaker, cue *whosaid.Span, name string) whosaid.Statement {
	s := whosaid.Statement{Type: whosaid.Indirect, Content: content, Speaker: speaker, SpeakerKind: whosaid.Unknown}
	if cue != nil {
		s.Cue = &whosaid.Cue{Span: *cue}
	}
	if name != "" {
		s.SpeakerName = &name
	}
	return s
}

// ggtAsPredictions turns GGT gold into the record a perfect system would
// write.
func ggtAsPredictions(gold []corpus.GGTArticle) map[string]whosaid.Record {
	pred := make(map[string]whosaid.Record)
	for _, a := range gold {
		rec := whosaid.Record{ID: a.ID}
		for _, q := range a.Quotes {
			rec.Statements = append(rec.Statements, statement(q.Quote, q.Speaker, q.Verb, q.Reference))
		}
		pred[a.ID] = rec
	}
	return pred
}

// polnearAsPredictions turns PolNeAR gold into the record a perfect system
// would write: one statement per content span, discontinuous spans
// replaced by their overall extent.
func polnearAsPredictions(gold []corpus.PolNeARArticle) map[string]whosaid.Record {
	pred := make(map[string]whosaid.Record)
	for _, a := range gold {
		rec := whosaid.Record{ID: a.ID}
		whole := func(r *corpus.Region) *whosaid.Span {
			if r == nil {
				return nil
			}
			e := regionExtent(a.Text, r)
			return ptr(whosaid.NewSpan(a.Text, e.lo, e.hi))
		}
		for _, at := range a.Attributions {
			for _, c := range []*corpus.Region{at.Content, at.Content2} {
				if c != nil {
					rec.Statements = append(rec.Statements, statement(*whole(c), whole(at.Source), whole(at.Cue), ""))
				}
			}
		}
		pred[a.ID] = rec
	}
	return pred
}
