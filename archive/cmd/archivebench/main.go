// Command archivebench measures the archive at scale: it generates a
// synthetic corpus until the archive holds the requested number of
// statements, ingesting it with extraction included, then reports the
// ingest rate, the bytes per statement and the latency of ranked
// searches with filters.
//
//	GOMAXPROCS=1 go run ./archive/cmd/archivebench -statements 1000000 -db /tmp/bench.db
package main

import (
	"context"
	"flag"
	"fmt"
	"iter"
	"log"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/archive"
	"github.com/whosaid/whosaid/internal/synth"
)

func main() {
	target := flag.Int("statements", 1_000_000, "statement occurrences to ingest")
	perArticle := flag.Int("per-article", 10, "statements per article")
	dbPath := flag.String("db", "bench.db", "archive file (replaced)")
	queries := flag.Int("queries", 500, "searches timed")
	flag.Parse()
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(*dbPath + suffix)
	}
	a, err := archive.Open(*dbPath, false)
	if err != nil {
		log.Fatal(err)
	}
	defer a.Close()

	corpus := synth.New(1)
	articles := (*target + *perArticle - 1) / *perArticle
	src := func(yield func(whosaid.Article, error) bool) {
		for range articles {
			if !yield(corpus.Article(*perArticle), nil) {
				return
			}
		}
	}
	start := time.Now()
	lastLog := start
	stats, err := a.Ingest(context.Background(), iter.Seq2[whosaid.Article, error](src), archive.IngestOptions{
		Workers: runtime.GOMAXPROCS(0), BatchSize: 500,
		Progress: func(s archive.IngestStats) {
			if time.Since(lastLog) > 10*time.Second {
				lastLog = time.Now()
				log.Printf("%d articles, %d statements, %.0f articles/s", s.Done(), s.Statements, float64(s.Done())/time.Since(start).Seconds())
			}
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	elapsed := time.Since(start)
	size := fileSize(*dbPath) + fileSize(*dbPath+"-wal")
	distinct, _, err := a.Search(context.Background(), archive.Query{Limit: 1})
	if err != nil || len(distinct) == 0 {
		log.Fatalf("empty archive: %v", err)
	}
	fmt.Printf("ingest: %d articles, %d statement occurrences in %s on GOMAXPROCS=%d: %.0f articles/s, %.0f statements/s\n",
		stats.Done(), stats.Statements, elapsed.Round(time.Second), runtime.GOMAXPROCS(0),
		float64(stats.Done())/elapsed.Seconds(), float64(stats.Statements)/elapsed.Seconds())
	fmt.Printf("size: %.1f MB, %.0f bytes per statement occurrence (article text included)\n",
		float64(size)/1e6, float64(size)/float64(stats.Statements))

	words := []string{"housing", "budget", "harbour", "railway", "hospitals", "schools", "taxes", "pensions", "energy",
		"tariffs", `"before the election"`, `"protect the schools"`, "reform*", "audit OR review", "families -water"}
	speakers := []string{"", "", "Varga", "Alma Moreau", "Kowalski"}
	types := []string{"", "", "direct", "indirect"}
	rng := rand.New(rand.NewPCG(2, 2))
	var latencies []time.Duration
	for range *queries {
		since := fmt.Sprintf("%04d-%02d-01", 2015+rng.IntN(9), 1+rng.IntN(12))
		q := archive.Query{
			Text: words[rng.IntN(len(words))], Speaker: speakers[rng.IntN(len(speakers))], Type: types[rng.IntN(len(types))],
			Since: since, MinConfidence: 0.5, Limit: 20,
		}
		t0 := time.Now()
		if _, _, err := a.Search(context.Background(), q); err != nil {
			log.Fatal(err)
		}
		latencies = append(latencies, time.Since(t0))
	}
	slices.Sort(latencies)
	pct := func(p float64) time.Duration { return latencies[int(p*float64(len(latencies)-1))] }
	fmt.Printf("search (%d ranked queries with filters, 20 results): p50 %s, p95 %s, max %s\n",
		len(latencies), pct(0.50).Round(time.Microsecond), pct(0.95).Round(time.Microsecond), pct(1).Round(time.Microsecond))
}

func fileSize(path string) int64 {
	info, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return info.Size()
}
