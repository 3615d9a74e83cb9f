package eval

import (
	"errors"
	"fmt"
	"io"

	"github.com/whosaid/whosaid/corpus"

	"github.com/whosaid/whosaid"
)

// ReadPredictions reads statement records (JSONL, one per document) keyed
// by their id.
func ReadPredictions(r io.Reader) (map[string]whosaid.Record, error) {
	pred := make(map[string]whosaid.Record)
	err := corpus.DecodeJSONL(r, func(rec whosaid.Record) error {
		if rec.ID == "" {
			return errors.New("record has no id")
		}
		if _, dup := pred[rec.ID]; dup {
			return fmt.Errorf("duplicate id %q", rec.ID)
		}
		pred[rec.ID] = rec
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read predictions: %w", err)
	}
	return pred, nil
}
