package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/corpus"

	"github.com/whosaid/whosaid"
)

// writeLines writes one JSON value per line to a temporary file.
func writeLines(t *testing.T, name string, values ...any) string {
	t.Helper()
	var b bytes.Buffer
	for _, v := range values {
		line, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// ggtGoldLine is the made-up GGT article in the gold file format.
func ggtGoldLine(t *testing.T) map[string]any {
	spanJSON := func(s *whosaid.Span) any {
		if s == nil {
			return nil
		}
		return map[string]any{"start_byte": s.Start, "end_byte": s.End, "text": s.Text}
	}
	var quotes []any
	for _, q := range ggtGold(t).Quotes {
		quotes = append(quotes, map[string]any{
			"quote_span": spanJSON(&q.Quote), "speaker_span": spanJSON(q.Speaker),
			"verb_span": spanJSON(q.Verb), "reference": q.Reference,
		})
	}
	return map[string]any{"id": "a1", "text": ggtDoc, "quotes": quotes}
}

func TestMain(t *testing.T) {
	gold := writeLines(t, "gold.jsonl", ggtGoldLine(t))
	loaded, err := corpus.LoadGGT(gold)
	if err != nil {
		t.Fatal(err)
	}
	pred := writeLines(t, "pred.jsonl", ggtAsPredictions(loaded)["a1"])
	noStatements := func(a whosaid.Article) whosaid.Record { return whosaid.Record{ID: a.ID} }

	tests := []struct {
		name string
		args []string
		ex   Extractor
		want []string // substrings of stdout
	}{
		{"flags after", []string{"ggt", gold, "--pred", pred}, nil, []string{"quote @0.3         P         100.0  [100.0, 100.0]", "TP 3  FP 0  FN 0"}},
		{"flags before", []string{"--pred=" + pred, "ggt", gold}, nil, []string{"canonical lenient  accuracy  100.0", "3/3"}},
		{"flags between", []string{"ggt", "--json", gold, "--pred", pred}, nil, []string{`"measure": "end to end @0.3"`, `"tp": 3`}},
		{"extractor", []string{"ggt", gold, "--errors"}, noStatements, []string{"TP 0  FP 0  FN 3", "errors: missed 3", "missed (3)", "⟦"}},
		{"extractor, JSON errors", []string{"ggt", gold, "--errors", "--json"}, noStatements, []string{`"kind": "missed"`, `"cause": "indirect"`, `"error_causes": [`, `"calibration": {`, `"ece": 0`}},
		{"calibration and causes", []string{"ggt", gold, "--pred", pred, "--errors"}, nil, []string{
			"calibration (end to end @0.3): 3 statements, ECE 1.000 [1.000, 1.000], Brier 1.000",
			"[0.0,0.1)       3   0.00      1.00   +1.00", "[0.9,1.0]       0", "(no rule)      3   0.00      1.00   +1.00", "errors: none"}},
		{"causes", []string{"ggt", gold, "--errors"}, noStatements, []string{"count  kind    cause\n    1  missed  direct\n    1  missed  direct, no cue\n    1  missed  indirect\n", "(direct, no cue)  gold:"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if err := Main(tc.args, &stdout, &stderr, tc.ex); err != nil {
				t.Fatalf("Main: %v\nstderr: %s", err, stderr.String())
			}
			for _, w := range tc.want {
				if !strings.Contains(stdout.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, stdout.String())
				}
			}
		})
	}
}

func TestMainErrors(t *testing.T) {
	gold := writeLines(t, "gold.jsonl", ggtGoldLine(t))
	badPred := filepath.Join(t.TempDir(), "bad.jsonl")
	if err := os.WriteFile(badPred, []byte("{\"id\":\"a1\",\"statements\":[]}\n\n{not json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dupPred := writeLines(t, "dup.jsonl", whosaid.Record{ID: "a1"}, whosaid.Record{ID: "a1", Title: &whosaid.Span{Text: "Other"}})
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"missing gold", []string{"ggt", "nowhere.jsonl", "--pred", badPred}, "nowhere.jsonl"},
		{"bad prediction line", []string{"ggt", gold, "--pred", badPred}, "line 3"},
		{"duplicate id", []string{"ggt", gold, "--pred", dupPred}, `line 2: duplicate id "a1" with other statements`},
		{"no extractor", []string{"ggt", gold}, "--pred"},
		{"unknown set", []string{"parc", gold}, "unknown gold set"},
		{"missing argument", []string{"polnear"}, "usage"},
		{"unknown flag", []string{"ggt", gold, "--nope"}, "nope"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := Main(tc.args, &stdout, &stderr, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Main error = %v, want one mentioning %q", err, tc.want)
			}
		})
	}
	var stdout, stderr bytes.Buffer
	if err := Main([]string{"ggt", "nowhere.jsonl"}, &stdout, &stderr, nil); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file error %v does not wrap os.ErrNotExist", err)
	}
}

func TestMainWarnings(t *testing.T) {
	gold := writeLines(t, "gold.jsonl", ggtGoldLine(t))
	pred := writeLines(t, "pred.jsonl", whosaid.Record{ID: "zz"})
	var stdout, stderr bytes.Buffer
	if err := Main([]string{"ggt", gold, "--pred", pred}, &stdout, &stderr, nil); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"no prediction for article a1", "prediction zz matches no gold article"} {
		if !strings.Contains(stderr.String(), w) {
			t.Errorf("stderr lacks %q:\n%s", w, stderr.String())
		}
	}
}
