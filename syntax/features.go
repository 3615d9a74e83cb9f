package syntax

import (
	"unicode"
	"unicode/utf8"
)

// Features are interned as 64-bit hashes: strings are hashed once per token
// with FNV-1a, and a feature is the mix of a template id with those hashes,
// so the hot path never builds strings.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashString is FNV-1a over the bytes of s.
func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// hashLower is FNV-1a over the lowercased s, without allocating for ASCII.
func hashLower(s string) uint64 { return hashFolded(s, false) }

// hashFolded is FNV-1a over the lowercased s, with the digits 1–9 read as
// 0 when foldDigits is set.
func hashFolded(s string, foldDigits bool) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case foldDigits && '1' <= c && c <= '9':
				c = '0'
			}
			h ^= uint64(c)
			h *= fnvPrime
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		var buf [utf8.UTFMax]byte
		n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
		for _, b := range buf[:n] {
			h ^= uint64(b)
			h *= fnvPrime
		}
		i += size
	}
	return h
}

// mix is a strong 64-bit finaliser (from MurmurHash3) used to combine hashes.
func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb93fe53ba1e5
	h ^= h >> 33
	return h
}

// feat1..feat4 combine a template id with one to four values into a feature key.
func feat1(tmpl, a uint64) uint64 { return mix(tmpl*0x9e3779b97f4a7c15 ^ a) }
func feat2(tmpl, a, b uint64) uint64 {
	return mix(feat1(tmpl, a) ^ b*0xc2b2ae3d27d4eb4f)
}
func feat3(tmpl, a, b, c uint64) uint64 {
	return mix(feat2(tmpl, a, b) ^ c*0x165667b19e3779f9)
}
func feat4(tmpl, a, b, c, d uint64) uint64 {
	return mix(feat3(tmpl, a, b, c) ^ d*0x27d4eb2f165667c5)
}

// wordShapeHash hashes the word's shape: characters map to classes (X upper,
// x lower, d digit, others kept) and runs collapse, e.g. "McDonald's" ->
// "XxXx'x", "3.5" -> "d.d".
func wordShapeHash(s string) uint64 {
	h := uint64(fnvOffset)
	var last rune = -1
	for _, r := range s {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
		}
		if c == last {
			continue
		}
		last = c
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// affixHashes fills the hashes of the lowercased 1..4-byte prefixes and
// suffixes of s (shorter words repeat their whole form).
func affixHashes(s string, pre, suf *[4]uint64) {
	for k := 1; k <= 4; k++ {
		n := min(k, len(s))
		pre[k-1] = hashLower(s[:n])
		suf[k-1] = hashLower(s[len(s)-n:])
	}
}

// suffixHash hashes the lowercased last three bytes of s (all of a shorter
// word); the parser uses it to generalise over rare words.
func suffixHash(s string) uint64 { return hashLower(s[len(s)-min(3, len(s)):]) }
