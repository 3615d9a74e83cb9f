// Command loadgen measures `whosaid serve` under a steady search load: it
// fills an archive (SQLite file or PostgreSQL URL) with synthetic articles
// until it holds the requested statement occurrences (articles stored by
// an earlier run are skipped), starts the server on it, sends search
// requests of a query mix at a fixed rate for a fixed time, and reports
// latency percentiles and errors.
//
//	go run ./internal/loadgen -db postgres://postgres@127.0.0.1:55432/postgres -statements 1000000 -rate 200 -duration 60s
//	go run ./internal/loadgen -db /tmp/load.db -statements 1000000 -rate 200 -duration 60s
//
// The load is open-loop: request i is sent at start + i/rate whether or not
// earlier ones have been answered, and its latency runs from that moment,
// so a server that falls behind shows it in the percentiles.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/whosaid/whosaid/archive"
	"github.com/whosaid/whosaid/internal/querymix"
	"github.com/whosaid/whosaid/internal/synth"
)

func main() {
	db := flag.String("db", "", "archive: SQLite file or postgres:// URL (required)")
	statements := flag.Int("statements", 1_000_000, "statement occurrences the archive is filled to (0: use it as it is)")
	perArticle := flag.Int("per-article", 10, "statements per synthetic article")
	rate := flag.Int("rate", 200, "search requests per second")
	duration := flag.Duration("duration", 60*time.Second, "how long the counted load runs")
	warmup := flag.Duration("warmup", 5*time.Second, "load at the same rate before the count, answered before it starts (0: count from the server's start)")
	mix := flag.String("mix", "issue", "query mix: issue or mixed (internal/querymix)")
	bin := flag.String("whosaid", "", "whosaid binary (default: built from ./cmd/whosaid)")
	flag.Parse()
	if *db == "" || *rate <= 0 || *duration <= 0 {
		flag.Usage()
		os.Exit(2)
	}
	gen, err := querymix.Named(*mix)
	if err != nil {
		log.Fatal(err)
	}
	if *statements > 0 {
		if err := fill(*db, *statements, *perArticle); err != nil {
			log.Fatal(err)
		}
	}
	if *bin == "" {
		dir, err := os.MkdirTemp("", "loadgen")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(dir)
		*bin = filepath.Join(dir, "whosaid")
		if out, err := exec.Command("go", "build", "-o", *bin, "./cmd/whosaid").CombinedOutput(); err != nil {
			log.Fatalf("go build: %v\n%s", err, out)
		}
	}
	base, stop, err := serve(*bin, *db)
	if err != nil {
		log.Fatal(err)
	}
	defer stop()
	r := load(base, gen, *rate, *warmup, *duration)
	fmt.Printf("load: %d search requests (%s mix) at %d/s for %s after %s of warm-up on %s: %d errors; latency p50 %s, p95 %s, p99 %s, max %s\n",
		r.sent, *mix, *rate, *duration, *warmup, archive.Redact(*db), r.errors, r.pct(0.50), r.pct(0.95), r.pct(0.99), r.pct(1))
	if r.errors > 0 {
		fmt.Printf("first error: %v\n", r.firstErr)
		stop()
		os.Exit(1)
	}
}

// fill ingests the synthetic corpus until the archive holds statements
// occurrences; articles already stored are skipped, so a second run only
// checks.
func fill(db string, statements, perArticle int) error {
	a, err := archive.Open(db, false)
	if err != nil {
		return err
	}
	defer a.Close()
	start, last := time.Now(), time.Now()
	articles := (statements + perArticle - 1) / perArticle
	stats, err := a.Ingest(context.Background(), synth.New(1).Articles(articles, perArticle), archive.IngestOptions{
		Workers: runtime.GOMAXPROCS(0), BatchSize: 500,
		Progress: func(s archive.IngestStats) {
			if time.Since(last) > 10*time.Second {
				last = time.Now()
				log.Printf("fill: %d of %d articles, %d statements added, %.0f articles/s", s.Done(), articles, s.Statements,
					float64(s.Done())/time.Since(start).Seconds())
			}
		},
	})
	if err != nil {
		return fmt.Errorf("fill: %w", err)
	}
	log.Printf("fill: %d articles (%d already stored), %d statement occurrences added in %s",
		stats.Done(), stats.Unchanged, stats.Statements, time.Since(start).Round(time.Second))
	return nil
}

// serve starts `whosaid serve` on a free loopback port and waits until it
// answers.
func serve(bin, db string) (base string, stop func(), err error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	addr := l.Addr().String()
	l.Close()
	cmd := exec.Command(bin, "serve", "--db", db, "--addr", addr)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		return "", nil, err
	}
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cmd.Process.Signal(os.Interrupt)
			cmd.Wait()
		})
	}
	base = "http://" + addr
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if resp, err := http.Get(base + "/api/search?q=plan"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return base, stop, nil
			}
		}
	}
	stop()
	return "", nil, errors.New("serve: no answer within 30 s")
}

type result struct {
	sent, errors int
	firstErr     error
	latencies    []time.Duration
}

func (r result) pct(p float64) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	return r.latencies[int(p*float64(len(r.latencies)-1))].Round(100 * time.Microsecond)
}

// load sends rate requests a second for warm, waits until all of them
// are answered, then sends rate requests a second for d and counts
// those. The warm-up is not counted and its backlog is drained before
// the count starts: a server just started opens its connections and
// warms their caches and plans, which costs about twice a warm
// search's CPU for the first second (README, "On PostgreSQL").
func load(base string, gen func(*rand.Rand) archive.Query, rate int, warm, d time.Duration) result {
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 1024}}
	rng := rand.New(rand.NewPCG(2, 2))
	send(client, base, gen, rng, rate, warm, nil)
	var r result
	send(client, base, gen, rng, rate, d, &r)
	slices.Sort(r.latencies)
	return r
}

// send requests rate searches a second for d, open-loop, and returns when
// all are answered; each one's latency and error go to r unless r is nil.
func send(client *http.Client, base string, gen func(*rand.Rand) archive.Query, rng *rand.Rand, rate int, d time.Duration, r *result) {
	var (
		mu sync.Mutex
		wg sync.WaitGroup
	)
	interval := time.Second / time.Duration(rate)
	n := int(d.Seconds() * float64(rate))
	start := time.Now()
	for i := range n {
		at := start.Add(time.Duration(i) * interval)
		time.Sleep(time.Until(at))
		u := base + "/api/search?" + values(gen(rng)).Encode()
		wg.Go(func() {
			err := get(client, u)
			latency := time.Since(at)
			if r == nil {
				return
			}
			mu.Lock()
			defer mu.Unlock()
			r.sent++
			r.latencies = append(r.latencies, latency)
			if err != nil {
				if r.errors == 0 {
					r.firstErr = err
				}
				r.errors++
			}
		})
	}
	wg.Wait()
}

func get(client *http.Client, u string) error {
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: status %d", u, resp.StatusCode)
	}
	return nil
}

// values are the API parameters of a query (web.searchQuery reads them).
func values(q archive.Query) url.Values {
	v := url.Values{}
	for name, s := range map[string]string{"q": q.Text, "speaker": q.Speaker, "since": q.Since, "until": q.Until, "type": q.Type} {
		if s != "" {
			v.Set(name, s)
		}
	}
	if q.MinConfidence > 0 {
		v.Set("min_confidence", strconv.FormatFloat(q.MinConfidence, 'f', -1, 64))
	}
	v.Set("limit", strconv.Itoa(q.Limit))
	if q.Offset > 0 {
		v.Set("offset", strconv.Itoa(q.Offset))
	}
	return v
}
