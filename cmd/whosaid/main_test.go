package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
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

// Every command reads the format of standard input from its content: a
// JSON Lines stream piped into ingest is articles, not one text.
func TestIngestStdinJSONL(t *testing.T) {
	db := t.TempDir() + "/a.db"
	stdin, err := os.Open(writeTemp(t, `{"id":"a","text":"\"We will win,\" said Ana Ruiz."}`+"\n"+`{"id":"b","text":"\"We lost,\" said Ben Cole."}`+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	saved := os.Stdin
	os.Stdin = stdin
	defer func() { os.Stdin = saved }()
	var out bytes.Buffer
	if err := run([]string{"ingest", "--db", db, "--lang", "any", "-"}, nil, &out, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "2 articles read") {
		t.Errorf("ingest: %s", out.String())
	}
}

func writeTemp(t *testing.T, s string) string {
	t.Helper()
	path := t.TempDir() + "/in"
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestExtractShardsAndSkips(t *testing.T) {
	var jsonl strings.Builder
	for i := range 10 {
		fmt.Fprintf(&jsonl, `{"id":"%d","text":"\"We will win,\" said Ana Ruiz."}`+"\n", i)
	}
	ids := func(args ...string) []string {
		var out bytes.Buffer
		if err := run(append([]string{"extract", "--format", "jsonl", "--lang", "any"}, append(args, "-")...), strings.NewReader(jsonl.String()), &out, &bytes.Buffer{}); err != nil {
			t.Fatal(err)
		}
		var got []string
		for line := range strings.Lines(out.String()) {
			var rec struct{ ID string }
			if err := json.Unmarshal([]byte(line), &rec); err != nil {
				t.Fatal(err)
			}
			got = append(got, rec.ID)
		}
		return got
	}
	all := ids("-j", "3")
	if strings.Join(all, ",") != "0,1,2,3,4,5,6,7,8,9" {
		t.Fatalf("ids %v: not in input order", all)
	}
	var union []string
	for i := 1; i <= 3; i++ {
		union = append(union, ids("--shard", fmt.Sprintf("%d/3", i))...)
	}
	slices.Sort(union)
	if strings.Join(union, ",") != strings.Join(all, ",") {
		t.Errorf("shards together give %v", union)
	}
	if got := ids("--shard", "2/3"); strings.Join(got, ",") != "1,4,7" {
		t.Errorf("shard 2/3 = %v", got)
	}
	for _, bad := range []string{"0/3", "4/3", "x", "1/0"} {
		if err := run([]string{"extract", "--shard", bad, "-"}, strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}); err == nil {
			t.Errorf("--shard %s accepted", bad)
		}
	}
}

func TestExtractGoesOnAfterBadInput(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(dir+"/bad.html", []byte("\x00\x01binary"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	err := run([]string{"extract", "--format", "jsonl", dir, "../../testdata/sample.txt"}, nil, &out, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "1 of 2 inputs failed") {
		t.Errorf("err = %v", err)
	}
	if !strings.Contains(out.String(), `"id":"../../testdata/sample.txt"`) {
		t.Errorf("the good input was not extracted: %s", out.String())
	}
}

func TestEmptyDocumentsAreSkipped(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"empty.txt": "", "blank.txt": "\n \n",
		"records.jsonl": `{"id":"blank","text":" "}` + "\n" + `{"id":"kept","text":"\"We will win,\" said Ana Ruiz."}` + "\n"}
	for name, body := range files {
		if err := os.WriteFile(dir+"/"+name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := run([]string{"extract", "--format", "jsonl", dir, "../../testdata/sample.txt"}, nil, &out, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), "\n"); n != 2 || !strings.Contains(out.String(), `"id":"kept"`) || !strings.Contains(out.String(), `"id":"../../testdata/sample.txt"`) {
		t.Errorf("want the records of kept and the sample only, got %d: %s", n, out.String())
	}
	out.Reset()
	if err := run([]string{"ingest", "--db", t.TempDir() + "/a.db", dir}, nil, &out, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "1 articles read") {
		t.Errorf("ingest of empty files and a blank record: %s", out.String())
	}
}

func TestBench(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"bench", "../../testdata/sample.txt", "../../input/webpage/testdata/sample.html"}, nil, &out, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"read", "html+lang", "clean", "syntax", "statements", "write", "all stages, 1 workers", "peak memory"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("bench output lacks %q:\n%s", want, out.String())
		}
	}
}

// TestSources checks the sources command's formats and flags over two
// articles of two outlets, one named by the input, one by its URL.
func TestSources(t *testing.T) {
	db := t.TempDir() + "/a.db"
	in := writeTemp(t, `{"id":"a","outlet":"Ledger","published":"2024-03-02","text":"\"We will win,\" said Ana Ruiz."}`+"\n"+
		`{"id":"b","url":"https://www.courier.example/b","published":"2024-04-01","text":"\"We lost,\" said Ben Cole. \"We will try again,\" said Cole."}`+"\n")
	if err := run([]string{"ingest", "--db", db, "--lang", "any", in}, nil, &bytes.Buffer{}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	sources := func(args ...string) string {
		t.Helper()
		var out bytes.Buffer
		if err := run(append([]string{"sources", "--db", db}, args...), nil, &out, &bytes.Buffer{}); err != nil {
			t.Fatalf("sources %v: %v", args, err)
		}
		return out.String()
	}
	rows, err := csv.NewReader(strings.NewReader(sources("--by", "outlet,month", "--format", "csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows[1:] {
		got = append(got, strings.Join(r[:5], " ")) // outlet, month, articles, statements, people
	}
	if want := []string{"Ledger 2024-03 1 1 1", "courier.example 2024-04 1 2 1"}; !slices.Equal(got, want) {
		t.Errorf("sources --format csv: %q, want %q", got, want)
	}
	var g struct {
		Month      string `json:"month"`
		Articles   int    `json:"articles"`
		Statements int    `json:"statements"`
	}
	if err := json.Unmarshal([]byte(sources("--by", "month", "--since", "2024-03-10", "--format", "jsonl")), &g); err != nil || g.Month != "2024-04" || g.Statements != 2 {
		t.Errorf("sources --since --format jsonl: %+v, %v", g, err)
	}
	if text := sources(); !strings.Contains(text, "women %") || !strings.Contains(text, "courier.example") {
		t.Errorf("sources: %s", text)
	}
	for _, bad := range [][]string{{"--by", "speaker"}, {"--format", "xml"}, {"--since", "yesterday"}} {
		if err := run(append([]string{"sources", "--db", db}, bad...), nil, &bytes.Buffer{}, &bytes.Buffer{}); err == nil || exitStatus(err) != 2 {
			t.Errorf("sources %v: err = %v, want a failure", bad, err)
		}
	}
}
