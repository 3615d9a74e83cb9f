// Command warcgen writes a gzip-compressed WARC file of synthetic news
// pages (internal/synth articles in page chrome: navigation, cookie
// banner, JSON-LD, inline scripts and state blobs, comments, footer), with
// a share of broken records, for measuring whosaid on archives of Common
// Crawl's size. It prints how many records of each kind it wrote.
//
//	go run ./internal/synth/warcgen -size 1000 -out /tmp/news.warc.gz
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/base64"
	"flag"
	"fmt"
	"html"
	"log/slog"
	"math/rand/v2"
	"os"
	"strings"
	"time"

	"github.com/whosaid/whosaid/internal/synth"
)

func main() {
	sizeMB := flag.Int("size", 100, "stop after this many MB of compressed output")
	out := flag.String("out", "news.warc.gz", "output file")
	brokenEvery := flag.Int("broken-every", 50, "one record in this many is broken (truncated member, lying Content-Length, corrupt bytes, 404, an image)")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if err := generate(*out, int64(*sizeMB)<<20, *brokenEvery, *seed); err != nil {
		slog.Error("warcgen", "err", err)
		os.Exit(1)
	}
}

// The kinds of broken record.
var brokenKinds = []string{"truncated gzip member", "lying Content-Length", "corrupt gzip bytes", "HTTP 404", "image"}

func generate(path string, limit int64, brokenEvery int, seed uint64) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("warcgen: %w", err)
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	rng := rand.New(rand.NewPCG(seed, seed+1))
	corpus := synth.New(seed)
	counts := map[string]int{}
	var written int64
	for i := 0; written < limit; i++ {
		a := corpus.Article(6 + rng.IntN(10))
		kind := "good page"
		if brokenEvery > 0 && i%brokenEvery == brokenEvery-1 {
			kind = brokenKinds[(i/brokenEvery)%len(brokenKinds)]
		}
		body, contentType, status := page(rng, a.Text, a.URL, a.Published), "text/html; charset=utf-8", 200
		switch kind {
		case "HTTP 404":
			status = 404
		case "image":
			body, contentType = string(randomBytes(rng, 20000)), "image/jpeg"
		}
		resp := fmt.Sprintf("HTTP/1.1 %d X\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", status, contentType, len(body), body)
		length := len(resp)
		if kind == "lying Content-Length" {
			length += 100 + rng.IntN(1000)
		}
		rec := fmt.Sprintf("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: %s\r\nWARC-Record-ID: <urn:uuid:%08d>\r\n"+
			"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
			a.URL, a.Published.Add(6*time.Hour).Format(time.RFC3339), i, length, resp)
		member, err := gzipped(rec)
		if err != nil {
			return err
		}
		switch kind {
		case "truncated gzip member":
			member = member[:len(member)*2/3]
		case "corrupt gzip bytes":
			for k := len(member) / 2; k < len(member)/2+16; k++ {
				member[k] ^= 0xa5
			}
		}
		if _, err := w.Write(member); err != nil {
			return fmt.Errorf("warcgen: %w", err)
		}
		written += int64(len(member))
		counts[kind]++
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("warcgen: %w", err)
	}
	fmt.Printf("%s: %.0f MB, %d good pages", path, float64(written)/(1<<20), counts["good page"])
	for _, k := range brokenKinds {
		fmt.Printf(", %d %s", counts[k], k)
	}
	fmt.Println()
	return nil
}

func gzipped(s string) ([]byte, error) {
	var b strings.Builder
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write([]byte(s)); err != nil {
		return nil, fmt.Errorf("warcgen: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("warcgen: %w", err)
	}
	return []byte(b.String()), nil
}

func randomBytes(rng *rand.Rand, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	return b
}

// page wraps an article in the chrome of a real news page. Real pages are
// mostly scripts and serialised state, which compress poorly: a random
// blob stands for them.
func page(rng *rand.Rand, text, url string, published time.Time) string {
	paras := strings.Split(strings.TrimSpace(text), "\n\n")
	title := html.EscapeString(paras[0])
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s | The Example Herald</title>
<meta property="og:site_name" content="The Example Herald"><link rel="canonical" href="%s">
<meta property="article:published_time" content="%s">
<script type="application/ld+json">{"@type":"NewsArticle","headline":%q,"datePublished":"%s"}</script>
<script>window.__STATE__="%s";</script><style>body{margin:0}.nav{display:flex}</style></head><body>
<div class="cookie-banner"><p>We use cookies to improve your experience.</p><button>Accept</button></div>
<header><nav class="nav"><a href="/">Home</a><a href="/politics">Politics</a><a href="/business">Business</a><a href="/sport">Sport</a></nav></header>
<main><article><h1>%s</h1><div class="byline">By Staff Reporter</div><div class="share"><a href="#">Share</a><a href="#">Tweet</a></div>
`, title, url, published.Format(time.RFC3339), paras[0], published.Format(time.RFC3339),
		base64.StdEncoding.EncodeToString(randomBytes(rng, 15000+rng.IntN(30000))), title)
	for i, p := range paras[1:] {
		fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
		if i == 2 {
			b.WriteString(`<figure><img data-src="/img/1.jpg" loading="lazy"><figcaption>A photo of the harbour at dawn.</figcaption></figure>` + "\n")
		}
	}
	b.WriteString(`</article><aside class="related"><h2>More stories</h2><ul><li><a href="/a">Council Delays Vote on Rents</a></li><li><a href="/b">Rail Strike Called Off</a></li></ul></aside>
<section class="comments"><h2>Comments</h2><div class="comment"><p>"Nonsense," wrote one reader.</p></div></section></main>
<footer><p>© The Example Herald. All rights reserved.</p><a href="/about">About</a></footer>
<script src="/app.js" async></script></body></html>`)
	return b.String()
}
