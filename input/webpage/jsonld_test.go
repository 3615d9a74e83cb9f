package webpage

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// ferryBody is an article of our own writing, long enough to be taken as
// a page's text (minBodyWords).
var ferryBody = strings.Join([]string{
	"The island ferry will cost more from April, the operator announced on Friday.",
	"\u201cWe held prices for three winters, but fuel has doubled,\u201d said Ines Halvorsen, who runs the service for the county.",
	"Commuters said the rise would hit families who cross every day for work and school, and the council will vote on a subsidy next month.",
	"Halvorsen said the company had asked for a meeting with the transport minister before the new timetable takes effect in the spring.",
}, "\n")

func ldPage(t *testing.T, ld map[string]any, body string) []byte {
	t.Helper()
	b, err := json.Marshal(ld)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(fmt.Sprintf(`<!doctype html><html lang="en"><head><title>Ferry Fares Rise | Island Post</title>
<script type="application/ld+json">%s</script></head><body>%s<script>window.app && app.render()</script></body></html>`, b, body))
}

func TestExtractJSONLDArticleBody(t *testing.T) {
	article := map[string]any{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Ferry Fares Rise",
		"datePublished": "2025-03-07T09:30:00Z", "articleBody": ferryBody}
	// A teaser long enough for the extractor to take it as the article.
	teaser := `<article><p>The island ferry will cost more from April, the operator announced on Friday, in a notice posted at both harbours and on its website.</p>
<p>The rise follows two years of frozen fares on every route, including the night crossing that nurses and dock workers use.</p>
<div class="paywall"><p>Subscribe to keep reading.</p></div></article>`
	long := map[string]any{"@type": "NewsArticle", "articleBody": ferryBody + "\n" + ferryBody + "\n" + ferryBody}
	summary := map[string]any{"@type": "NewsArticle", "articleBody": "Ferry fares rise in April."}
	full := "<article>" + strings.Repeat("<p>The harbour board met on Tuesday and agreed the new berths will open in the autumn after a long delay.</p>", 8) + "</article>"
	tests := []struct {
		name    string
		page    []byte
		want    []string // in the text, in order
		wantNot []string
	}{
		{"a page rendered by its scripts", ldPage(t, article, `<div id="root"></div>`),
			[]string{"Ferry Fares Rise\n\nThe island ferry", "for the county.\n\nCommuters said"}, nil},
		{"a paywall teaser", ldPage(t, map[string]any{"@graph": []any{map[string]any{"@type": "WebPage"}, long}}, teaser),
			[]string{"said Ines Halvorsen", "the transport minister"}, []string{"Subscribe"}},
		{"markup inside articleBody", ldPage(t, map[string]any{"@type": "NewsArticle", "articleBody": "<p>" + strings.ReplaceAll(ferryBody, "\n", "</p><p>") + "</p>"}, ""),
			[]string{"operator announced on Friday.\n\n\u201cWe held prices"}, []string{"<p>"}},
		{"a summary is not the article", ldPage(t, summary, full), []string{"harbour board"}, []string{"Ferry fares rise in April"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Extract(tt.page, "https://islandpost.example/ferry", "")
			if err != nil {
				t.Fatal(err)
			}
			text := p.Article.Text
			at := 0
			for _, w := range tt.want {
				i := strings.Index(text[at:], w)
				if i < 0 {
					t.Fatalf("text lacks %q after byte %d: %q", w, at, text)
				}
				at += i + len(w)
			}
			for _, w := range tt.wantNot {
				if strings.Contains(text, w) {
					t.Errorf("text has %q: %q", w, text)
				}
			}
		})
	}
}
