package archive

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/whosaid/whosaid/syntax"
)

// maxPhraseWords bounds a topic phrase: longer noun phrases are cut to
// their last words, which hold the head.
const maxPhraseWords = 4

// weakModifiers say little about a topic ("other issues", "the next
// step"): they are dropped from the left edge of a phrase.
var weakModifiers = setOf(`new other many more most several such same own few last next first certain
various whole entire big great good bad important real main little only very much additional
current further former previous recent possible different right`)

// genericNouns are not topics on their own ("a lot", "the way"), though
// they may head one ("housing issue").
var genericNouns = setOf(`thing lot way time people year day week month part kind sort bit fact point
number percent per cent issue question problem case place end something anything everything
nothing one ones side term word idea reason moment today yesterday tomorrow`)

// nounPhrases returns the noun phrases of a statement's content, each
// once, lower-cased with the head noun lemmatised: "rising housing costs"
// → "rising housing cost". A phrase is a common noun of the parse with
// the adjectives, participles and nouns that modify it on its left
// (amod, compound), contiguous; determiners, numbers, names and
// prepositional attachments are left out, so "three", "along" and
// "probably" never become topics.
func nounPhrases(m *syntax.Model, content string) []string {
	var out []string
	seen := map[string]bool{}
	for _, sent := range syntax.SplitSentences(syntax.SplitWords(content)) {
		for len(sent) > maxParseWords { // a content that never ends a sentence is parsed in pieces
			out = phrasesOf(m.Parse(sent[:maxParseWords]), out, seen)
			sent = sent[maxParseWords:]
		}
		out = phrasesOf(m.Parse(sent), out, seen)
	}
	return out
}

// maxParseWords bounds the words parsed at once, as the pipeline bounds a
// sentence.
const maxParseWords = 300

// phrasesOf appends to out the noun phrases of a parsed sentence not seen
// before.
func phrasesOf(toks []syntax.Token, out []string, seen map[string]bool) []string {
	for h, tok := range toks {
		if tok.UPOS != "NOUN" || !isWordy(tok.Form) || modifies(toks, h, tok.Head-1) {
			continue // not a noun, or a noun inside a longer phrase ("housing" of "housing costs")
		}
		start := h
		for start > 0 && modifies(toks, start-1, h) {
			start--
		}
		start = max(start, h-maxPhraseWords+1)
		for start < h && weakModifiers[strings.ToLower(toks[start].Form)] {
			start++
		}
		words := make([]string, 0, h-start+1)
		for _, t := range toks[start:h] {
			words = append(words, strings.ToLower(t.Form))
		}
		head := strings.ToLower(tok.Lemma)
		if head == "" || !isWordy(head) {
			head = strings.ToLower(tok.Form)
		}
		words = append(words, head)
		if len(words) == 1 && (genericNouns[head] || len(head) < 3) {
			continue
		}
		if p := strings.Join(words, " "); !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

// modifies reports whether token i is part of the noun phrase headed by
// h: an adjective, participle or noun attached (amod, compound) to h or
// to a token of the phrase between i and h.
func modifies(toks []syntax.Token, i, h int) bool {
	t := toks[i]
	if t.Rel != "amod" && t.Rel != "compound" || !isWordy(t.Form) {
		return false
	}
	switch t.UPOS {
	case "ADJ":
		if t.XPOS == "JJR" || t.XPOS == "JJS" {
			return false // "bigger", "biggest": degree, not kind
		}
	case "NOUN", "PROPN":
	case "VERB":
		if t.XPOS != "VBG" && t.XPOS != "VBN" {
			return false
		}
	default:
		return false
	}
	return t.Head-1 > i && t.Head-1 <= h && t.Head-1 < len(toks)
}

// isWordy reports whether a word has a letter and only letters, hyphens
// and apostrophes.
func isWordy(w string) bool {
	letter := false
	for _, r := range w {
		switch {
		case r == '-' || r == '\'' || r == '’':
		case 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r > 127 && !strings.ContainsRune("“”‘—–…", r):
			letter = true
		default:
			return false
		}
	}
	return letter
}

// topicCandidates is how many of a speaker's most frequent phrases are
// weighted against the archive.
const topicCandidates = 200

// speakerTopics returns the noun phrases of a speaker's latest statements
// (profileSample of them) weighted against the whole archive, as tf-idf:
// the number of the speaker's statement occurrences holding the phrase
// times log(1 + N / df), where df is the number of occurrences in the
// archive holding it and N all occurrences. Phrases the speaker used
// more than once come first, then those used once. Count.N is the
// speaker's count.
func (a *Archive) speakerTopics(ctx context.Context, speakerID int64, n int) ([]Count, error) {
	tf, err := a.counts(ctx, `SELECT p.phrase, count(*) FROM occurrence_phrases p
		JOIN occurrences o ON o.id = p.occurrence_id
		WHERE o.statement_id IN (SELECT id FROM statements WHERE speaker_id = ? ORDER BY published DESC, id DESC LIMIT ?)
		GROUP BY p.phrase ORDER BY 2 DESC, 1 LIMIT ?`, speakerID, profileSample, topicCandidates)
	if err != nil {
		return nil, fmt.Errorf("topics: %w", err)
	}
	if len(tf) == 0 {
		return []Count{}, nil
	}
	var total float64
	if err := a.db.QueryRowContext(ctx, `SELECT count(*) FROM occurrences`).Scan(&total); err != nil {
		return nil, fmt.Errorf("topics: %w", err)
	}
	args := make([]any, len(tf))
	for i, c := range tf {
		args[i] = c.Label
	}
	df, err := a.counts(ctx, `SELECT phrase, count(*) FROM occurrence_phrases WHERE phrase IN (?`+
		strings.Repeat(", ?", len(args)-1)+`) GROUP BY phrase`, args...)
	if err != nil {
		return nil, fmt.Errorf("topics: %w", err)
	}
	dfOf := make(map[string]int, len(df))
	for _, c := range df {
		dfOf[c.Label] = c.N
	}
	type scored struct {
		Count
		score float64
	}
	var list []scored
	for _, c := range tf {
		list = append(list, scored{c, float64(c.N) * math.Log(1+total/float64(max(dfOf[c.Label], c.N)))})
	}
	sort.Slice(list, func(i, j int) bool {
		if (list[i].N > 1) != (list[j].N > 1) {
			return list[i].N > 1 // phrases said more than once first
		}
		if list[i].score != list[j].score {
			return list[i].score > list[j].score
		}
		if wi, wj := strings.Count(list[i].Label, " "), strings.Count(list[j].Label, " "); wi != wj {
			return wi > wj // the more specific phrase first
		}
		return list[i].Label < list[j].Label
	})
	out := make([]Count, 0, n)
	for _, s := range list[:min(n, len(list))] {
		out = append(out, s.Count)
	}
	return out, nil
}
