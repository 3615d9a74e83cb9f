package pipeline

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/statement"
)

func TestPieces(t *testing.T) {
	para := func(src, s string) whosaid.Span {
		i := strings.Index(src, s)
		return whosaid.NewSpan(src, i, i+len(s))
	}
	tests := []struct {
		name   string
		src    string
		blocks []string
		budget int
		want   [][]string
	}{
		{"fits", "aa bb\n\ncc", []string{"aa bb", "cc"}, 10, [][]string{{"aa bb", "cc"}}},
		{"paragraphs grouped", "aaaa\n\nbbbb\n\ncccc", []string{"aaaa", "bbbb", "cccc"}, 9, [][]string{{"aaaa", "bbbb"}, {"cccc"}}},
		{"long paragraph cut at a space", "aaa bbb ccc", []string{"aaa bbb ccc"}, 8, [][]string{{"aaa bbb"}, {" ccc"}}},
		{"cut at a line break first", "aa\nb c", []string{"aa\nb c"}, 5, [][]string{{"aa"}, {"\nb c"}}},
		{"no space: cut at a character", "ééé", []string{"ééé"}, 3, [][]string{{"é"}, {"é"}, {"é"}}},
		{"no blocks", "", nil, 10, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var blocks []whosaid.Span
			for _, b := range tt.blocks {
				blocks = append(blocks, para(tt.src, b))
			}
			var got [][]string
			for _, piece := range Pieces(tt.src, blocks, tt.budget) {
				var texts []string
				size := 0
				for _, b := range piece {
					if b.Text != tt.src[b.Start:b.End] || !utf8.ValidString(b.Text) {
						t.Fatalf("bad span %+v", b)
					}
					texts = append(texts, b.Text)
					size += b.Len()
				}
				if size > tt.budget {
					t.Errorf("piece of %d bytes over the budget of %d", size, tt.budget)
				}
				got = append(got, texts)
			}
			if !equalPieces(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func equalPieces(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.Join(a[i], "|") != strings.Join(b[i], "|") {
			return false
		}
	}
	return true
}

// TestLongArticleInPieces checks that an article over the budget keeps
// the statements of every piece, with offsets into the whole text.
func TestLongArticleInPieces(t *testing.T) {
	para := "\"The tide is turning,\" said Ana Ruiz, a councillor.\n\n"
	doc := strings.Repeat(para, 3*PieceBytes/len(para))
	r := Extract(whosaid.Article{ID: "long", Text: doc})
	checkSpans(t, doc, r)
	if want := 3 * PieceBytes / len(para); len(r.Statements) != want {
		t.Errorf("got %d statements, want %d", len(r.Statements), want)
	}
}

func TestExtractContextStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := ExtractContext(ctx, whosaid.Article{ID: "cancelled", Text: "\"Q,\" he said."}, statement.Speech)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
}

// TestRunContextStops checks that a cancelled run emits nothing more and
// returns soon, without finishing the long articles in flight.
func TestRunContextStops(t *testing.T) {
	para := "\"The tide is turning,\" said Ana Ruiz, a councillor.\n\n"
	long := strings.Repeat(para, 8<<20/len(para))
	src := func(yield func(whosaid.Article, error) bool) {
		for _, id := range []string{"short", "long-1", "long-2"} {
			text := long
			if id == "short" {
				text = para
			}
			if !yield(whosaid.Article{ID: id, Text: text}, nil) {
				return
			}
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	var emitted []string
	start := time.Now()
	err := RunContext(ctx, src, 2, func(r whosaid.Record) error {
		emitted = append(emitted, r.ID)
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if len(emitted) != 1 || emitted[0] != "short" {
		t.Errorf("emitted %q, want only the article before the cancellation", emitted)
	}
	t.Logf("stopped after %v", time.Since(start))
}
