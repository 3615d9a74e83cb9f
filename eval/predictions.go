package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/whosaid/whosaid"
)

// ReadPredictions reads statement records (JSONL, one per document) keyed
// by their id.
func ReadPredictions(r io.Reader) (map[string]whosaid.Record, error) {
	pred := make(map[string]whosaid.Record)
	err := decodeJSONL(r, func(rec whosaid.Record) error {
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

// decodeJSONL calls each with every non-blank line decoded as a T; errors
// carry the 1-based line number. Lines may be arbitrarily long (whole
// articles), hence no bufio.Scanner.
func decodeJSONL[T any](r io.Reader, each func(T) error) error {
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		raw, err := br.ReadBytes('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("line %d: %w", n, err)
		}
		if len(bytes.TrimSpace(raw)) > 0 {
			var v T
			if jerr := json.Unmarshal(raw, &v); jerr != nil {
				return fmt.Errorf("line %d: %w", n, jerr)
			}
			if eerr := each(v); eerr != nil {
				return fmt.Errorf("line %d: %w", n, eerr)
			}
		}
		if err != nil {
			return nil
		}
	}
}
