package circumstance

import (
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/document"
	"github.com/whosaid/whosaid/timex"
)

// Published returns the article's publication date and where it comes
// from: the input record or the page's metadata (as the input stage says),
// or else a dateline that gives a full date ("WASHINGTON, March 2, 2017
// (Reuters) —"). A dateline without a year anchors nothing; zero and ""
// when neither gives one.
func Published(a whosaid.Article, furniture []whosaid.Furniture) (time.Time, string) {
	if !a.Published.IsZero() {
		if a.PublishedSource != "" {
			return a.Published, a.PublishedSource
		}
		return a.Published, whosaid.PublishedInput
	}
	for _, f := range furniture {
		if f.Reason != document.Dateline {
			continue
		}
		for _, e := range timex.Find(f.Text, time.Time{}) {
			if e.Date.Granularity == timex.Day {
				return e.Date.Time, whosaid.PublishedDateline
			}
		}
	}
	return time.Time{}, ""
}
