// Command archivebench measures the archive at scale: it generates a
// synthetic corpus until the archive holds the requested number of
// statements, ingesting it with extraction included, then reports the
// ingest rate, the bytes per statement and the latency of ranked
// searches with filters.
//
//	GOMAXPROCS=1 go run ./archive/cmd/archivebench -statements 1000000 -db /tmp/bench.db
//
// With -reuse it only times the searches, on an archive built before:
//
//	GOMAXPROCS=1 go run ./archive/cmd/archivebench -reuse -db /tmp/bench.db -mix mixed
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"syscall"
	"time"

	"github.com/whosaid/whosaid/archive"
	"github.com/whosaid/whosaid/internal/querymix"
	"github.com/whosaid/whosaid/internal/synth"
)

func main() {
	target := flag.Int("statements", 1_000_000, "statement occurrences to ingest")
	perArticle := flag.Int("per-article", 10, "statements per article")
	dbPath := flag.String("db", "bench.db", "archive file (replaced)")
	queries := flag.Int("queries", 500, "searches timed")
	reuse := flag.Bool("reuse", false, "time searches on the existing archive at -db instead of building one")
	mix := flag.String("mix", "issue", "query mix: issue (the issue's benchmark) or mixed (broader, some unfiltered)")
	verbose := flag.Bool("v", false, "print every timed query")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the timed searches to this file")
	flag.Parse()
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	if *reuse {
		a, err := archive.Open(*dbPath, false)
		if err != nil {
			log.Fatal(err)
		}
		defer a.Close()
		searchBench(a, *queries, *mix, *verbose)
		return
	}
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
	start := time.Now()
	lastLog := start
	stats, err := a.Ingest(context.Background(), corpus.Articles(articles, *perArticle), archive.IngestOptions{
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
	searchBench(a, *queries, *mix, *verbose)
}

// searchBench times searches of the query mix on a, reporting wall
// time and the process's CPU time per search (on a shared machine the
// CPU time is the steadier figure).
func searchBench(a *archive.Archive, n int, mix string, verbose bool) {
	gen, err := querymix.Named(mix)
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	// Warm the page cache and the connection pool with a few searches
	// that are not timed.
	warm := rand.New(rand.NewPCG(9, 9))
	for range 20 {
		if _, _, err := a.Search(ctx, gen(warm)); err != nil {
			log.Fatal(err)
		}
	}
	rng := rand.New(rand.NewPCG(2, 2))
	var wall, cpu []time.Duration
	for range n {
		q := gen(rng)
		t0, c0 := time.Now(), cpuTime()
		rs, _, err := a.Search(ctx, q)
		if err != nil {
			log.Fatal(err)
		}
		w, c := time.Since(t0), cpuTime()-c0
		wall, cpu = append(wall, w), append(cpu, c)
		if verbose {
			fmt.Printf("%8.1fms %8.1fms cpu  %2d results  %+v\n", float64(w)/1e6, float64(c)/1e6, len(rs), q)
		}
	}
	fmt.Printf("search (%s mix: %d ranked queries with filters, 20 results):\n", mix, n)
	for _, l := range []struct {
		name string
		d    []time.Duration
	}{{"wall", wall}, {"cpu ", cpu}} {
		slices.Sort(l.d)
		pct := func(p float64) time.Duration { return l.d[int(p*float64(len(l.d)-1))].Round(time.Microsecond) }
		fmt.Printf("  %s: p50 %s, p95 %s, p99 %s, max %s\n", l.name, pct(0.50), pct(0.95), pct(0.99), pct(1))
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func fileSize(path string) int64 {
	info, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return info.Size()
}
