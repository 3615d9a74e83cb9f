package eval

import (
	"errors"
	"fmt"
	"io"
	"reflect"

	"github.com/whosaid/whosaid/corpus"

	"github.com/whosaid/whosaid"
)

// ReadPredictions reads statement records (JSONL, one per document) keyed
// by their id. An id may repeat with the same record: PolNeAR lists an
// article once per annotator, so extracting its file gives each article's
// record several times.
func ReadPredictions(r io.Reader) (map[string]whosaid.Record, error) {
	pred := make(map[string]whosaid.Record)
	err := corpus.DecodeJSONL(r, func(rec whosaid.Record) error {
		if rec.ID == "" {
			return errors.New("record has no id")
		}
		if old, dup := pred[rec.ID]; dup {
			if !reflect.DeepEqual(old, rec) {
				return fmt.Errorf("duplicate id %q with other statements", rec.ID)
			}
			return nil
		}
		pred[rec.ID] = rec
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read predictions: %w", err)
	}
	return pred, nil
}
