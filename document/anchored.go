package document

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"unicode/utf8"
)

// anchoredRE is a regular expression anchored at the start of the text
// that answers MatchString without running the matcher when the text's
// first rune cannot start a match. Most lines start with a rune that none
// of a line rule's alternatives can start with, and the backtracking
// matcher tries every alternative before it fails (the line rules were
// about 2.5% of the instructions of an extraction).
type anchoredRE struct {
	*regexp.Regexp
	first []*syntax.Inst // the instructions that can match a match's first rune
}

// mustAnchored compiles expr, which must match only at the start of the
// text and never the empty string.
func mustAnchored(expr string) anchoredRE {
	a := anchoredRE{Regexp: regexp.MustCompile(expr)}
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic(err) // MustCompile has parsed it
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		panic(err)
	}
	if prog.StartCond()&syntax.EmptyBeginText == 0 {
		panic(fmt.Sprintf("document: %q is not anchored at the start", expr))
	}
	seen := make([]bool, len(prog.Inst))
	var walk func(pc uint32)
	walk = func(pc uint32) {
		if seen[pc] {
			return
		}
		seen[pc] = true
		inst := &prog.Inst[pc]
		switch inst.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			walk(inst.Out)
			walk(inst.Arg)
		case syntax.InstCapture, syntax.InstNop, syntax.InstEmptyWidth:
			walk(inst.Out) // an assertion passed over only lets more runes in
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			a.first = append(a.first, inst)
		case syntax.InstMatch:
			panic(fmt.Sprintf("document: %q matches the empty string", expr))
		}
	}
	walk(uint32(prog.Start))
	return a
}

// MatchString reports whether s matches.
func (a anchoredRE) MatchString(s string) bool {
	if s == "" {
		return false // no empty match (see mustAnchored)
	}
	r, _ := utf8.DecodeRuneInString(s) // U+FFFD for a bad byte, as the matcher reads it
	for _, inst := range a.first {
		if inst.MatchRune(r) {
			return a.Regexp.MatchString(s)
		}
	}
	return false
}
