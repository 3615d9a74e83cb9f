package main

import (
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/whosaid/whosaid/internal/archivetest"
	"github.com/whosaid/whosaid/internal/synth"
)

// TestIngestSurvivesKill kills `whosaid ingest` with SIGKILL at random
// moments ten times over a 2,000-article corpus. After every kill the
// archive must pass the integrity checks and hold only whole articles;
// after the last restart it must equal an archive made in one run.
func TestIngestSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and ingests 2,000 articles several times")
	}
	dir := t.TempDir()
	bin := buildWhosaid(t, dir)
	corpus := filepath.Join(dir, "corpus.jsonl")
	writeCorpus(t, corpus, 2000)

	ingest := func(db string) *exec.Cmd {
		return exec.Command(bin, "ingest", "--db", db, "--batch", "25", "--workers", "2", corpus)
	}
	reference := filepath.Join(dir, "reference.db")
	start := time.Now()
	if out, err := ingest(reference).CombinedOutput(); err != nil {
		t.Fatalf("uninterrupted ingest: %v\n%s", err, out)
	}
	full := time.Since(start)
	want := archivetest.Dump(t, reference)
	wantLines := map[string]bool{}
	for _, line := range strings.Split(want, "\n") {
		wantLines[line] = true
	}

	crashed := filepath.Join(dir, "crashed.db")
	rng := rand.New(rand.NewPCG(5, 5))
	for i := range 10 {
		cmd := ingest(crashed)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Each run gets a random slice of the time a full ingest takes, so
		// the ten kills land all along the corpus.
		time.Sleep(full/20 + time.Duration(rng.Int64N(int64(full/8))))
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		got := archivetest.Dump(t, crashed)
		articles := 0
		for _, line := range strings.Split(got, "\n") {
			// An article line carries its occurrence count: a half-stored
			// article would differ from the reference.
			if strings.HasPrefix(line, `"article"`) {
				articles++
				if !wantLines[line] {
					t.Fatalf("kill %d: article differs from the reference: %s", i+1, line)
				}
			}
		}
		t.Logf("kill %d: %d articles stored", i+1, articles)
	}
	if out, err := ingest(crashed).CombinedOutput(); err != nil {
		t.Fatalf("final ingest: %v\n%s", err, out)
	}
	if got := archivetest.Dump(t, crashed); got != want {
		t.Errorf("archive after kills differs from the uninterrupted one (%d vs %d bytes of dump)", len(got), len(want))
	}
}

func writeCorpus(t *testing.T, path string, n int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := synth.WriteJSONL(f, 42, n); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
