// Package corpus reads the annotated corpora under ../shared/data: the GGT
// evaluation set and PolNeAR. Evaluation scores against them and the
// attribution model trains on them, so they sit below both.
package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/whosaid/whosaid"
)

// GGTArticle is one article of the GGT set with its gold quotes.
type GGTArticle struct {
	whosaid.Article
	Outlet string // the publisher ("CTVNews"): evaluation reports each outlet on its own
	Quotes []GGTQuote
	// SourcesFemale, SourcesMale and SourcesUnknown are the people the
	// article quotes, by the gender the annotators gave them.
	SourcesFemale, SourcesMale, SourcesUnknown []string
	// PeopleFemale and PeopleMale are all the people the article
	// mentions whose gender the annotators give.
	PeopleFemale, PeopleMale []string
}

// GGTQuote is one gold quote. Span texts are the annotated strings, which
// the set guarantees equal the text at the byte offsets.
type GGTQuote struct {
	Quote     whosaid.Span
	Speaker   *whosaid.Span // nil for a floating quote
	Verb      *whosaid.Span // nil when the annotation has no verb span
	Reference string        // gold canonical speaker; "" when not given, matched only by no name
}

// PolNeARArticle is one article of PolNeAR with the primary annotator's
// attributions.
type PolNeARArticle struct {
	whosaid.Article
	Outlet       string // the publisher ("breitbart")
	Attributions []Attribution
}

// Attribution is one gold attribution relation. A nil role is absent.
type Attribution struct {
	ID       string
	Source   *Region // nil for Attribution-no-source
	Cue      *Region
	Content  *Region
	Content2 *Region // a second content span, rarely given
}

// Region is a possibly discontinuous gold span.
type Region struct {
	Fragments []whosaid.Span // byte offsets, texts sliced from the article
	Text      string         // annotated text: fragments joined by one space
}

type ggtLine struct {
	ID     string `json:"id"`
	Outlet string `json:"outlet"`
	URL    string `json:"url"`
	Text   string `json:"text"`
	// The people quoted, by gender.
	SourcesFemale  []string `json:"sourcesFemale"`
	SourcesMale    []string `json:"sourcesMale"`
	SourcesUnknown []string `json:"sourcesUnknown"`
	PeopleFemale   []string `json:"peopleFemale"`
	PeopleMale     []string `json:"peopleMale"`
	Quotes         []struct {
		QuoteSpan   *ggtSpan `json:"quote_span"`
		SpeakerSpan *ggtSpan `json:"speaker_span"`
		VerbSpan    *ggtSpan `json:"verb_span"`
		Reference   *string  `json:"reference"`
	} `json:"quotes"`
}

type ggtSpan struct {
	StartByte int    `json:"start_byte"`
	EndByte   int    `json:"end_byte"`
	Text      string `json:"text"`
}

type polnearLine struct {
	ID              string `json:"id"`
	Primary         bool   `json:"primary"`
	Publisher       string `json:"publisher"`
	PublicationDate string `json:"publication_date"`
	Title           string `json:"title"`
	Text            string `json:"text"`
	Attributions    []struct {
		ID       string         `json:"id"`
		Source   *polnearRegion `json:"source"`
		Cue      *polnearRegion `json:"cue"`
		Content  *polnearRegion `json:"content"`
		Content2 *polnearRegion `json:"content2"`
	} `json:"attributions"`
}

type polnearRegion struct {
	Fragments []struct {
		StartByte int `json:"start_byte"`
		EndByte   int `json:"end_byte"`
	} `json:"fragments"`
	Text string `json:"text"`
}

// LoadGGT reads the GGT gold set (ggt_dev.jsonl). Quotes without a quote
// span are dropped: the protocol scores only quotes that have one.
func LoadGGT(path string) ([]GGTArticle, error) {
	var articles []GGTArticle
	err := readJSONLFile(path, func(line ggtLine) error {
		a := GGTArticle{Article: whosaid.Article{ID: line.ID, Text: line.Text, URL: line.URL}, Outlet: line.Outlet,
			SourcesFemale: line.SourcesFemale, SourcesMale: line.SourcesMale, SourcesUnknown: line.SourcesUnknown,
			PeopleFemale: line.PeopleFemale, PeopleMale: line.PeopleMale}
		for i, q := range line.Quotes {
			if q.QuoteSpan == nil {
				continue
			}
			quote, err := q.QuoteSpan.span(line.Text)
			if err != nil {
				return fmt.Errorf("article %s quote %d: %w", line.ID, i, err)
			}
			speaker, err := q.SpeakerSpan.optional(line.Text)
			if err != nil {
				return fmt.Errorf("article %s quote %d speaker: %w", line.ID, i, err)
			}
			verb, err := q.VerbSpan.optional(line.Text)
			if err != nil {
				return fmt.Errorf("article %s quote %d verb: %w", line.ID, i, err)
			}
			gq := GGTQuote{Quote: quote, Speaker: speaker, Verb: verb}
			if q.Reference != nil {
				gq.Reference = *q.Reference
			}
			a.Quotes = append(a.Quotes, gq)
		}
		articles = append(articles, a)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load GGT gold: %w", err)
	}
	return articles, nil
}

func (s ggtSpan) span(doc string) (whosaid.Span, error) {
	if err := checkBounds(doc, s.StartByte, s.EndByte); err != nil {
		return whosaid.Span{}, err
	}
	return whosaid.Span{Start: s.StartByte, End: s.EndByte, Text: s.Text}, nil
}

func (s *ggtSpan) optional(doc string) (*whosaid.Span, error) {
	if s == nil {
		return nil, nil
	}
	sp, err := s.span(doc)
	return &sp, err
}

// LoadPolNeAR reads a PolNeAR JSONL file, keeping only the primary
// annotator's record of each article.
func LoadPolNeAR(path string) ([]PolNeARArticle, error) {
	var articles []PolNeARArticle
	err := readJSONLFile(path, func(line polnearLine) error {
		if !line.Primary {
			return nil
		}
		a := PolNeARArticle{Article: whosaid.Article{ID: line.ID, Text: line.Text, Title: line.Title}, Outlet: line.Publisher}
		if line.PublicationDate != "" {
			t, err := time.Parse(time.DateOnly, line.PublicationDate)
			if err != nil {
				return fmt.Errorf("article %s: publication_date: %w", line.ID, err)
			}
			a.Published = t
		}
		for _, la := range line.Attributions {
			at := Attribution{ID: la.ID}
			var err error
			roles := []struct {
				dst **Region
				src *polnearRegion
			}{{&at.Source, la.Source}, {&at.Cue, la.Cue}, {&at.Content, la.Content}, {&at.Content2, la.Content2}}
			for _, r := range roles {
				if *r.dst, err = r.src.region(line.Text); err != nil {
					return fmt.Errorf("article %s attribution %s: %w", line.ID, la.ID, err)
				}
			}
			a.Attributions = append(a.Attributions, at)
		}
		articles = append(articles, a)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load PolNeAR gold: %w", err)
	}
	return articles, nil
}

func (r *polnearRegion) region(doc string) (*Region, error) {
	if r == nil || len(r.Fragments) == 0 {
		return nil, nil
	}
	reg := &Region{Text: r.Text}
	for _, f := range r.Fragments {
		if err := checkBounds(doc, f.StartByte, f.EndByte); err != nil {
			return nil, err
		}
		reg.Fragments = append(reg.Fragments, whosaid.NewSpan(doc, f.StartByte, f.EndByte))
	}
	return reg, nil
}

func checkBounds(doc string, start, end int) error {
	if start < 0 || start > end || end > len(doc) {
		return fmt.Errorf("span [%d,%d) outside text of %d bytes", start, end, len(doc))
	}
	return nil
}

func readJSONLFile[T any](path string, each func(T) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := DecodeJSONL(f, each); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// DecodeJSONL calls each with every non-blank line decoded as a T; errors
// carry the 1-based line number. Lines may be arbitrarily long (whole
// articles), hence no bufio.Scanner.
func DecodeJSONL[T any](r io.Reader, each func(T) error) error {
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		raw, err := br.ReadBytes('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("line %d: %w", n, err)
		}
		if len(bytes.TrimSpace(raw)) > 0 {
			var v T
			if jerr := json.Unmarshal(raw, &v); jerr != nil {
				return fmt.Errorf("line %d: %w", n, jerr)
			}
			if eerr := each(v); eerr != nil {
				return fmt.Errorf("line %d: %w", n, eerr)
			}
		}
		if err != nil {
			return nil
		}
	}
}
