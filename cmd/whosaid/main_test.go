package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		stdin   string
		want    string // in stdout
		wantErr string
	}{
		{"text", []string{"extract", "../../testdata/sample.txt"}, "", "statements", ""},
		{"explain", []string{"extract", "--explain", "../../testdata/sample.txt"}, "", "↳ rule:", ""},
		{"jsonl stdin", []string{"extract", "--format", "jsonl", "-"}, `{"id":"a","text":"\"We will win,\" said Ana Ruiz."}` + "\n", `"speaker_name":"Ana Ruiz"`, ""},
		{"all scope", []string{"extract", "--scope", "all", "--format", "jsonl", "-"}, `{"text":"A new poll shows that most voters back the plan."}`, `"statements":`, ""},
		{"min confidence", []string{"extract", "--min-confidence", "1", "--format", "jsonl", "../../testdata/sample.txt"}, "", `"statements":[]`, ""},
		{"missing file", []string{"extract", "no-such-file.txt"}, "", "", "1 of 1 inputs failed"},
		{"bad scope", []string{"extract", "--scope", "some", "x.txt"}, "", "", "--scope"},
		{"no input", []string{"extract"}, "", "", "no input files"},
		{"unknown command", []string{"frobnicate"}, "", "", "unknown command"},
		{"help", []string{"help"}, "", "usage:", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := run(tt.args, strings.NewReader(tt.stdin), &out, &errOut)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v (stderr %s)", err, errOut.String())
			}
			if !strings.Contains(out.String(), tt.want) {
				t.Errorf("stdout lacks %q:\n%s", tt.want, out.String())
			}
		})
	}
}

func TestExtractJSONLIsValid(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"extract", "--format", "jsonl", "../../testdata/sample.txt"}, nil, &out, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	var rec struct {
		ID         string
		Statements []json.RawMessage
	}
	if err := json.Unmarshal(out.Bytes(), &rec); err != nil {
		t.Fatalf("not one JSON record: %v", err)
	}
	if rec.ID != "../../testdata/sample.txt" || len(rec.Statements) < 15 {
		t.Errorf("id %q, %d statements", rec.ID, len(rec.Statements))
	}
}

// TestBadRecordsAreSkipped checks that extract and ingest report each bad
// record with its line, process every good one and exit with status 1.
func TestBadRecordsAreSkipped(t *testing.T) {
	in := `{"id": "a", "text": "\"We will win,\" said Ana Ruiz."}` + "\n" +
		`{"id": "b", "text": "unclosed` + "\n" +
		`{"id": "c"}` + "\n" +
		`{"id": "d", "text": "\"We lost,\" said Ben Ode."}` + "\n"
	path := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(path, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "archive.db")
	tests := []struct {
		name string
		args []string
		want []string // in stdout
	}{
		{"extract", []string{"extract", "--format", "jsonl", path}, []string{`"id":"a"`, `"id":"d"`}},
		{"ingest", []string{"ingest", "--db", db, path}, []string{"2 articles read: 2 added"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := run(tt.args, nil, &out, &errOut)
			if err == nil || exitStatus(err) != 1 || !strings.Contains(err.Error(), "2 bad input records skipped") {
				t.Fatalf("err = %v (status %d), want 2 records skipped with status 1", err, exitStatus(err))
			}
			for _, line := range []string{"in.jsonl:2", "in.jsonl:3", `missing "text"`} {
				if !strings.Contains(errOut.String(), line) {
					t.Errorf("stderr lacks %q:\n%s", line, errOut.String())
				}
			}
			for _, want := range tt.want {
				if !strings.Contains(out.String(), want) {
					t.Errorf("stdout lacks %q:\n%s", want, out.String())
				}
			}
		})
	}
}

func TestMalformedSearch(t *testing.T) {
	db := filepath.Join(t.TempDir(), "archive.db")
	if err := run([]string{"ingest", "--db", db, "../../testdata/sample.txt"}, nil, &bytes.Buffer{}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	tests := map[string]string{
		`"abc`:                `character 1: the phrase opened here is not closed`,
		"NEAR(":               `character 5: unexpected '('`,
		"*":                   "character 1: expected a word before *",
		"harbour AND":         "character 9: expected a word after AND",
		"government NOT deal": "character 12: NOT is not supported",
	}
	for query, want := range tests {
		err := run([]string{"search", "--db", db, query}, nil, &bytes.Buffer{}, &bytes.Buffer{})
		if err == nil || exitStatus(err) != 2 || !strings.Contains(err.Error(), want) {
			t.Errorf("search %q: err = %v, want status 2 and %q", query, err, want)
		}
	}
}
