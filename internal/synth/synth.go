// Package synth writes synthetic news articles of invented people saying
// invented things, for tests and benchmarks of the archive. The text is
// templated, never copied from real news.
package synth

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/whosaid/whosaid"
)

var (
	firstNames = strings.Fields(`Alma Boris Celia Dario Edda Fabian Greta Hugo Ines Jonas Kira Lukas Mira Nils
		Olga Pavel Rosa Stefan Tilda Umar Vera Wilhelm Xenia Yusuf Zora Anton Beata Cyril Dana Emil`)
	surnames = strings.Fields(`Varga Lindqvist Moreau Okafor Petrescu Haddad Kowalski Brennan Santoro Ilves
		Novak Quist Rahimi Szabo Tanaka Ueda Vidal Weller Yilmaz Zeller Abbot Becker Castell Dunmore Eriksen
		Falk Gallo Horvath Ivers Jansen Koenig Laine Maddox Nyberg Orsini Pruitt Rourke Strand Thorne Ulrich`)
	roles = []string{"the finance minister", "a senior lawmaker", "the mayor", "the union leader",
		"the chief executive", "an opposition spokesperson", "the health secretary", "a city councillor"}
	subjects = strings.Fields(`housing budget harbour railway hospitals schools taxes pensions energy water
		tariffs farming fisheries tourism policing courts bridges broadband wages rents`)
	verbs      = strings.Fields(`fix fund protect expand review cut delay rebuild defend reform audit improve`)
	adverbials = []string{"before the election", "within a decade", "this winter", "by next spring",
		"without new debt", "for every family", "across the region", "as soon as we can"}
	judgements = strings.Fields(`reckless overdue fair misguided essential costly brave timid`)
	outlets    = strings.Fields(`ledger courier herald gazette tribune`)
)

// Corpus writes synthetic articles deterministically from a seed. Some
// articles are syndicated: the same story under another outlet's id.
type Corpus struct {
	rng  *rand.Rand
	seq  int
	last whosaid.Article
}

// New returns a corpus generator.
func New(seed uint64) *Corpus { return &Corpus{rng: rand.New(rand.NewPCG(seed, seed^0x5eed))} }

func (c *Corpus) pick(list []string) string { return list[c.rng.IntN(len(list))] }

// Article returns the next article, with about statements quotes.
func (c *Corpus) Article(statements int) whosaid.Article {
	c.seq++
	if c.seq > 1 && c.rng.IntN(10) == 0 { // a syndicated copy of the previous story
		a := c.last
		a.ID = fmt.Sprintf("%s-%06d", c.pick(outlets), c.seq)
		return a
	}
	published := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, c.rng.IntN(3650))
	var b strings.Builder
	subject := c.pick(subjects)
	fmt.Fprintf(&b, "Row Over %s Plan Deepens\n\n", strings.ToUpper(subject[:1])+subject[1:])
	for range statements {
		first, last := c.pick(firstNames), c.pick(surnames)
		quote := fmt.Sprintf("We will %s the %s %s for %d families", c.pick(verbs), c.pick(subjects), c.pick(adverbials), 10+c.rng.IntN(90000))
		switch c.rng.IntN(4) {
		case 0:
			fmt.Fprintf(&b, "\u201c%s,\u201d said %s %s, %s.\n\n", quote, first, last, c.pick(roles))
		case 1:
			fmt.Fprintf(&b, "%s %s, %s, said that the %s plan was %s.\n\n", first, last, c.pick(roles), c.pick(subjects), c.pick(judgements))
		case 2:
			fmt.Fprintf(&b, "%s %s spoke on Tuesday. \u201c%s. The %s plan is %s,\u201d %s told reporters.\n\n",
				first, last, quote, c.pick(subjects), c.pick(judgements), last)
		default:
			fmt.Fprintf(&b, "\u201c%s,\u201d %s %s said in a statement.\n\n", quote, first, last)
		}
	}
	c.last = whosaid.Article{
		ID:        fmt.Sprintf("%s-%06d", c.pick(outlets), c.seq),
		Text:      b.String(),
		Published: published,
		URL:       fmt.Sprintf("https://example.org/news/%06d", c.seq),
	}
	return c.last
}

// WriteJSONL writes n articles of the corpus of seed to w as JSON Lines
// input records (id, text, url, published), article i with 2 + i%4 quotes.
func WriteJSONL(w io.Writer, seed uint64, n int) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	c := New(seed)
	for i := range n {
		a := c.Article(2 + i%4)
		rec := map[string]string{"id": a.ID, "text": a.Text, "url": a.URL, "published": a.Published.Format(time.DateOnly)}
		if err := enc.Encode(rec); err != nil {
			return fmt.Errorf("synth: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("synth: %w", err)
	}
	return nil
}

// Articles yields the next n articles, each with about statements quotes.
func (c *Corpus) Articles(n, statements int) iter.Seq2[whosaid.Article, error] {
	return func(yield func(whosaid.Article, error) bool) {
		for range n {
			if !yield(c.Article(statements), nil) {
				return
			}
		}
	}
}
