package archive

import (
	"crypto/sha256"
	"encoding/binary"
	"hash/fnv"
	"strings"
	"unicode"
)

// Syndication: the same quote carried by many outlets must be one
// statement. Exact copies share the hash of their normalised content;
// edited copies (a word changed, a clause cut) are found by MinHash
// locality-sensitive hashing over word shingles and confirmed by their
// true Jaccard similarity.

const (
	shingleWords   = 2   // words per shingle
	minhashBands   = 4   // bands stored per statement
	minhashRows    = 4   // hashes per band
	nearDupWords   = 6   // shorter contents are matched exactly only: "No." is not a syndication signal
	nearDupJaccard = 0.6 // shingle similarity above which two contents are one statement
)

// normalizeContent reduces content to lower-case words, so quotation
// marks, punctuation and spacing differences do not matter.
func normalizeContent(content string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(content), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// contentHash is a 63-bit hash of normalised content.
func contentHash(normalized string) int64 {
	sum := sha256.Sum256([]byte(normalized))
	return int64(binary.BigEndian.Uint64(sum[:8]) >> 1)
}

// shingles returns the set of word shingles of normalised content.
func shingles(normalized string) map[string]bool {
	words := strings.Fields(normalized)
	set := map[string]bool{}
	for i := 0; i+shingleWords <= len(words); i++ {
		set[strings.Join(words[i:i+shingleWords], " ")] = true
	}
	return set
}

// jaccard is the similarity of two shingle sets.
func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	common := 0
	for s := range a {
		if b[s] {
			common++
		}
	}
	return float64(common) / float64(len(a)+len(b)-common)
}

// bands returns the LSH band keys of normalised content, or nil when it is
// too short for near-duplicate matching. Two contents with shingle
// similarity 0.6 share a band with probability 1-(1-0.6⁴)⁴ ≈ 0.43, with
// 0.8 about 0.89; a shared band is only a candidate, confirmed by jaccard.
func bands(normalized string) []int64 {
	if len(strings.Fields(normalized)) < nearDupWords {
		return nil
	}
	var sig [minhashBands * minhashRows]uint64
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	for s := range shingles(normalized) {
		h := fnv.New64a()
		h.Write([]byte(s))
		base := h.Sum64()
		for i := range sig {
			// Hash family h_i(x) = mix(x ^ seed_i), seeds fixed so that
			// archives stay comparable.
			if v := mix64(base ^ (uint64(i+1) * 0x9e3779b97f4a7c15)); v < sig[i] {
				sig[i] = v
			}
		}
	}
	out := make([]int64, minhashBands)
	for b := range out {
		h := fnv.New64a()
		var buf [8]byte
		binary.BigEndian.PutUint64(buf[:], uint64(b))
		h.Write(buf[:])
		for _, v := range sig[b*minhashRows : (b+1)*minhashRows] {
			binary.BigEndian.PutUint64(buf[:], v)
			h.Write(buf[:])
		}
		out[b] = int64(h.Sum64() >> 1)
	}
	return out
}

// mix64 is the SplitMix64 finaliser.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}
