package pipeline

import (
	"errors"
	"strings"
	"testing"
)

// TestRecoveredNamesTheArticle checks that a panic in the analysis
// becomes the article's error, naming it, and that no panic leaves the
// error alone.
func TestRecoveredNamesTheArticle(t *testing.T) {
	analyse := func(fail bool) (err error) {
		defer recovered("doc-9", &err)
		if fail {
			var tokens []int
			_ = tokens[3] // the kind of bug FuzzPipeline finds
		}
		return nil
	}
	err := analyse(true)
	if !errors.Is(err, ErrPanic) || !strings.Contains(err.Error(), `"doc-9"`) || !strings.Contains(err.Error(), "index out of range") {
		t.Errorf("err = %v", err)
	}
	if err := analyse(false); err != nil {
		t.Errorf("no panic: err = %v", err)
	}
}
