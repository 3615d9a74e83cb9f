package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/whosaid/whosaid/archive"
	"github.com/whosaid/whosaid/internal/archivetest"
	"github.com/whosaid/whosaid/internal/pgtest"
)

// TestConcurrentIngestPostgres runs four `whosaid ingest` processes at
// once into one PostgreSQL archive, over shards that overlap (each article
// is read by two processes, syndicated copies are spread over all), in
// small batches so that their transactions interleave. The archive must
// end with exactly the articles, speakers and statements of one process
// ingesting everything, on PostgreSQL and on SQLite.
func TestConcurrentIngestPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and ingests 400 articles six times")
	}
	concurrent := pgtest.Location(t)
	alone := pgtest.Location(t)
	dir := t.TempDir()
	bin := buildWhosaid(t, dir)
	var shards []string
	for i := range 4 {
		shards = append(shards, filepath.Join(dir, fmt.Sprintf("shard%d.jsonl", i)))
	}
	writeShards(t, shards, 400)

	ingest := func(db string, paths ...string) *exec.Cmd {
		return exec.Command(bin, append([]string{"ingest", "--db", db, "--batch", "5", "--workers", "1"}, paths...)...)
	}
	// The migrations race too: the four processes start on an empty schema.
	var wg sync.WaitGroup
	outputs := make([][]byte, 4)
	errs := make([]error, 4)
	for i := range 4 {
		wg.Go(func() {
			// Process i reads shards i and i+1, alternating which first.
			paths := []string{shards[i], shards[(i+1)%4]}
			if i%2 == 1 {
				slices.Reverse(paths)
			}
			outputs[i], errs[i] = ingest(concurrent, paths...).CombinedOutput()
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("ingest process %d: %v\n%s", i, err, outputs[i])
		}
	}
	sqlite := filepath.Join(dir, "alone.db")
	for _, db := range []string{alone, sqlite} {
		if out, err := ingest(db, shards...).CombinedOutput(); err != nil {
			t.Fatalf("single ingest into %s: %v\n%s", db, err, out)
		}
	}
	want := canonicalDump(t, alone)
	if got := canonicalDump(t, concurrent); got != want {
		t.Errorf("four concurrent ingests differ from one:\n%s", lineDiff(got, want))
	}
	if got := canonicalDump(t, sqlite); got != want {
		t.Errorf("SQLite differs from PostgreSQL after the same ingest:\n%s", lineDiff(got, want))
	}
	if n, m := strings.Count(want, "article\t"), strings.Count(want, "statement\t"); n != 400 || m < 1000 {
		t.Errorf("%d articles and %d statements stored, want 400 and over 1,000", n, m)
	}
}

// buildWhosaid builds the whosaid binary into dir.
func buildWhosaid(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "whosaid")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// writeShards deals n synthetic articles round-robin into the shard files.
func writeShards(t *testing.T, shards []string, n int) {
	t.Helper()
	all := filepath.Join(filepath.Dir(shards[0]), "all.jsonl")
	writeCorpus(t, all, n)
	corpus, err := os.ReadFile(all)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(strings.TrimSuffix(string(corpus), "\n"), "\n")
	for i, path := range shards {
		var b strings.Builder
		for j := i; j < len(lines); j += len(shards) {
			b.WriteString(lines[j])
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// canonicalDump is the archive's dump (after its integrity checks) with
// each statement named by its occurrences rather than by its text: which
// of two near-duplicate copies a statement keeps as its text depends on
// which was stored first, which concurrent writers do not fix.
func canonicalDump(t *testing.T, db string) string {
	t.Helper()
	dump := archivetest.Dump(t, db)
	lines := strings.Split(strings.TrimSuffix(dump, "\n"), "\n")
	field := func(line string) []string {
		var f []string
		for _, q := range strings.Split(line, "\t") {
			s, err := strconv.Unquote(q)
			if err != nil {
				t.Fatalf("dump line %q: %v", line, err)
			}
			f = append(f, s)
		}
		return f
	}
	name := map[string]string{} // statement text → its first occurrence
	for _, line := range lines {
		if f := field(line); f[0] == "occurrence" {
			occ := fmt.Sprintf("%s@%08s", f[1], f[2])
			if n, ok := name[f[4]]; !ok || occ < n {
				name[f[4]] = occ
			}
		}
	}
	for i, line := range lines {
		f := field(line)
		switch f[0] {
		case "statement":
			f[2] = name[f[2]]
		case "occurrence":
			f[4] = name[f[4]]
		}
		lines[i] = strings.Join(f, "\t")
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// lineDiff lists the lines only one of two texts has, at most ten each.
func lineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	var b strings.Builder
	for _, side := range []struct {
		sign      string
		lines     []string
		otherSide []string
	}{{"+", g, w}, {"-", w, g}} {
		n := 0
		for _, l := range side.lines {
			if !slices.Contains(side.otherSide, l) && n < 10 {
				fmt.Fprintf(&b, "%s %s\n", side.sign, l)
				n++
			}
		}
	}
	return b.String()
}

// TestArchiveCommandsPostgres runs the archive commands against a
// PostgreSQL archive: ingest, search, speakers, alias, copy.
func TestArchiveCommandsPostgres(t *testing.T) {
	db := pgtest.Location(t)
	runOK := func(args ...string) string {
		t.Helper()
		var out, errOut bytes.Buffer
		if err := run(args, nil, &out, &errOut); err != nil {
			t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, errOut.String())
		}
		return out.String()
	}
	in := writeTemp(t, `{"id":"a","text":"\"The pier reopens in May,\" said Ana Ruiz.","published":"2024-05-01"}`+"\n"+
		`{"id":"b","text":"\"The ferry will run all winter,\" said Ben Cole.","published":"2024-05-02"}`+"\n")
	if out := runOK("ingest", "--db", db, "--lang", "any", in); !strings.Contains(out, "2 added") {
		t.Errorf("ingest: %s", out)
	}
	if out := runOK("search", "--db", db, "--format", "csv", "pier"); !strings.Contains(out, "Ana Ruiz") || strings.Contains(out, "ferry") {
		t.Errorf("search: %s", out)
	}
	if out := runOK("speakers", "--db", db); !strings.Contains(out, "Ana Ruiz") || !strings.Contains(out, "Ben Cole") {
		t.Errorf("speakers: %s", out)
	}
	runOK("alias", "merge", "--db", db, "Ben Cole", "Ana Ruiz")
	// Back to SQLite and again to PostgreSQL: the same archive.
	file, again := filepath.Join(t.TempDir(), "copy.db"), pgtest.Location(t)
	runOK("copy", "--db", db, file)
	if out := runOK("copy", "--db", file, again); !strings.Contains(out, "occurrences: 2 rows") {
		t.Errorf("copy: %s", out)
	}
	if got, want := archivetest.Dump(t, again), archivetest.Dump(t, db); got != want {
		t.Errorf("archive copied twice:\n%s\nwant\n%s", got, want)
	}
	a, err := archive.Open(db, true)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if rs, _, err := a.Search(context.Background(), archive.Query{Speaker: "Ana Ruiz"}); err != nil || len(rs) != 2 {
		t.Errorf("after merge, Ana Ruiz has %d statements (%v), want 2", len(rs), err)
	}
}
