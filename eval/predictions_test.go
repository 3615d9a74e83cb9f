package eval

import (
	"strings"
	"testing"
)

// TestReadPredictionsRepeatedArticle checks that a record repeated with
// the same statements (an article listed once per annotator) is read once,
// and that the same id with other statements is an error.
func TestReadPredictionsRepeatedArticle(t *testing.T) {
	same := `{"id":"a1","statements":[]}` + "\n" + `{"id":"a1","statements":[]}` + "\n" + `{"id":"b2","statements":[]}` + "\n"
	pred, err := ReadPredictions(strings.NewReader(same))
	if err != nil || len(pred) != 2 {
		t.Fatalf("ReadPredictions = %d records, %v; want 2, nil", len(pred), err)
	}
	other := `{"id":"a1","statements":[]}` + "\n" + `{"id":"a1","title":{"start":0,"end":1,"text":"x"},"statements":[]}` + "\n"
	if _, err := ReadPredictions(strings.NewReader(other)); err == nil || !strings.Contains(err.Error(), "other statements") {
		t.Fatalf("ReadPredictions of a changed repeat: %v, want an error", err)
	}
}
