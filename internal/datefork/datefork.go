// Package datefork derives third_party/go-dateparser from the upstream
// module: the same code, except that the locale tables of its internal/data
// package are built per language on first use instead of in package
// initialisation, and the time-zone tables of internal/timezone when a text
// first may name a zone. Upstream builds all 205 languages' tables (regular
// expressions, maps) when the program starts: about 250 ms and 95 MB on
// every run, of which whosaid needs English only; the zone patterns cost
// another 10 ms and 6 MB. The rewrite is mechanical and checked: every
// generated language file keeps its code, with its init function renamed to
// a loader that a sync.Once runs when GetLocaleData first hands out one of
// the file's locales; the zone tables' initialiser is wrapped in a loader by
// the fixed edits of timezonePatches, each of which must apply exactly once.
//
// Regenerate with
//
//	go mod download github.com/markusmobius/go-dateparser@v1.4.7
//	go run ./internal/datefork/cmd -src "$(go env GOMODCACHE)/github.com/markusmobius/go-dateparser@v1.4.7"
package datefork

import (
	"bytes"
	"fmt"
	"go/format"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// dataDir is the package whose initialisation is made lazy.
const dataDir = "internal/data"

// kept reports whether the upstream file at rel (slash-separated) belongs in
// the fork: the licences, the module files and the library's non-test Go
// sources with the files they embed, without the generator scripts, their
// inputs and test data.
func kept(rel string) bool {
	switch rel {
	case "go.mod", "go.sum", "LICENSE", "LICENSE_dateparser.txt", "README.md", "UPSTREAM.md",
		"internal/parser/calendars/data.json":
		return true
	}
	if strings.HasPrefix(rel, "scripts/") || strings.Contains(rel, "testdata/") {
		return false
	}
	return strings.HasSuffix(rel, ".go") && !strings.HasSuffix(rel, "_test.go")
}

// Fork copies the upstream module at src into out (which it empties first)
// with internal/data made lazy.
func Fork(src, out string) error {
	if err := os.RemoveAll(out); err != nil {
		return fmt.Errorf("datefork: clearing %s: %w", out, err)
	}
	files := map[string][]byte{}
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if !kept(rel) {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files[rel] = b
		return nil
	})
	if err != nil {
		return fmt.Errorf("datefork: reading %s: %w", src, err)
	}
	data := map[string][]byte{}
	for rel, b := range files {
		if dir, name := filepath.Split(rel); strings.TrimSuffix(dir, "/") == dataDir {
			data[name] = b
		}
	}
	lazy, err := Lazy(data)
	if err != nil {
		return err
	}
	for name, b := range lazy {
		files[dataDir+"/"+name] = b
	}
	if err := patch(files, timezonePatches); err != nil {
		return err
	}
	files["FORK.md"] = []byte(forkNote)
	for rel, b := range files {
		path := filepath.Join(out, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("datefork: %w", err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			return fmt.Errorf("datefork: %w", err)
		}
	}
	return nil
}

const forkNote = `# go-dateparser, lazily loaded locales

Generated from github.com/markusmobius/go-dateparser v1.4.7 (BSD-3-Clause,
see LICENSE and LICENSE_dateparser.txt) by whosaid's internal/datefork; do
not edit by hand. The only changes: internal/data builds a language's locale
tables when GetLocaleData first returns one of its locales (06-lazy.go),
and internal/timezone its zone patterns when a text first may name a zone
(loadOffsets), not in package initialisation. Test files, test data and the
upstream code generators are left out.
`

// edit replaces old, which must occur exactly once, by new in file.
type edit struct{ file, old, new string }

// timezonePatches build internal/timezone's offset tables and patterns on
// first use: the package-level initialiser becomes the body of loadOffsets,
// which the functions reading the tables run once first (PopTzOffset only
// after its cheap test that a text may name a zone at all).
var timezonePatches = []edit{
	{"internal/timezone/tz-offsets.go", "\t\"strings\"\n", "\t\"strings\"\n\t\"sync\"\n"},
	{"internal/timezone/tz-offsets.go",
		"var timezoneOffsets, rxSearch, rxSearchIgnoreCase, rxTimezoneToken = func() (",
		"// The offset tables are built on first use (loadOffsets), not at start-up.\n" +
			"var (\n\ttimezoneOffsets []OffsetData\n\trxSearch, rxSearchIgnoreCase, rxTimezoneToken *regexp.Regexp\n\toffsetsOnce sync.Once\n)\n\n" +
			"func loadOffsets() {\n\ttimezoneOffsets, rxSearch, rxSearchIgnoreCase, rxTimezoneToken = func() ("},
	{"internal/timezone/tz-offsets.go", "+ strSearchPatterns + \")$\")\n}()\n", "+ strSearchPatterns + \")$\")\n}()\n}\n"},
	{"internal/timezone/parser.go", "\treturn rxTimezoneToken.MatchString(", "\toffsetsOnce.Do(loadOffsets)\n\treturn rxTimezoneToken.MatchString("},
	{"internal/timezone/parser.go",
		"\tif couldContainTimezone(str) && rxSearchIgnoreCase.MatchString(str) {",
		"\tif !couldContainTimezone(str) {\n\t\treturn str, OffsetData{}\n\t}\n\toffsetsOnce.Do(loadOffsets)\n\tif rxSearchIgnoreCase.MatchString(str) {"},
	{"internal/timezone/parser.go", "\treturn rxSearch.MatchString(word)", "\toffsetsOnce.Do(loadOffsets)\n\treturn rxSearch.MatchString(word)"},
}

// patch applies edits to files and formats the files it changed.
func patch(files map[string][]byte, edits []edit) error {
	changed := map[string]bool{}
	for _, e := range edits {
		b, ok := files[e.file]
		if !ok {
			return fmt.Errorf("datefork: no %s to edit", e.file)
		}
		if n := bytes.Count(b, []byte(e.old)); n != 1 {
			return fmt.Errorf("datefork: %s has %d of %q, want 1", e.file, n, e.old)
		}
		files[e.file] = bytes.Replace(b, []byte(e.old), []byte(e.new), 1)
		changed[e.file] = true
	}
	for f := range changed {
		src, err := format.Source(files[f])
		if err != nil {
			return fmt.Errorf("datefork: formatting %s: %w", f, err)
		}
		files[f] = src
	}
	return nil
}

var (
	initLine   = regexp.MustCompile(`(?m)^func init\(\) \{$`)
	localeDecl = regexp.MustCompile(`(?m)^\t(\w+_Locale)\s+LocaleData$`)
	mergeFrom  = regexp.MustCompile(`merge\(&(\w+_Locale),`)
	localeRef  = regexp.MustCompile(`\b(\w+_Locale)\b`)
	returnLine = regexp.MustCompile(`(?m)^(\t+)return &(\w+_Locale), true$`)
)

// Lazy rewrites the files of the data package (name → content): each
// language file's init becomes a loader run once, first by GetLocaleData
// for any of its locales and first of all by the loaders of languages whose
// locales inherit from it. It fails when a file does not have the shape
// the rewrite relies on, so a new upstream version cannot be forked wrongly.
func Lazy(files map[string][]byte) (map[string][]byte, error) {
	const getter = "00-locale-data.go"
	if _, ok := files[getter]; !ok {
		return nil, fmt.Errorf("datefork: no %s", getter)
	}
	owner := map[string]string{} // locale variable → loader suffix
	var langs []string
	for name, b := range files {
		if name == getter || !initLine.Match(b) {
			continue
		}
		lang := strings.NewReplacer("-", "_", ".go", "").Replace(name)
		if n := len(initLine.FindAll(b, -1)); n != 1 {
			return nil, fmt.Errorf("datefork: %s has %d init functions", name, n)
		}
		decls := localeDecl.FindAllSubmatch(b, -1)
		if len(decls) == 0 {
			return nil, fmt.Errorf("datefork: %s declares no locale", name)
		}
		for _, d := range decls {
			owner[string(d[1])] = lang
		}
		langs = append(langs, lang)
	}
	slices.Sort(langs)
	out := map[string][]byte{}
	for name, b := range files {
		if name == getter || !initLine.Match(b) {
			continue
		}
		lang := owner[string(localeDecl.FindSubmatch(b)[1])]
		var deps []string
		for _, m := range mergeFrom.FindAllSubmatch(b, -1) {
			dep, ok := owner[string(m[1])]
			if !ok {
				return nil, fmt.Errorf("datefork: %s inherits from undeclared %s", name, m[1])
			}
			if dep != lang && !slices.Contains(deps, dep) {
				deps = append(deps, dep)
			}
		}
		for _, m := range localeRef.FindAllSubmatch(b, -1) {
			if dep := owner[string(m[1])]; dep != lang && !slices.Contains(deps, dep) {
				return nil, fmt.Errorf("datefork: %s uses %s other than as a parent", name, m[1])
			}
		}
		head := "func load_" + lang + "() {"
		for _, d := range deps {
			head += "\n\tensure_" + d + "()"
		}
		out[name] = initLine.ReplaceAll(b, []byte(head))
	}
	// Any other file naming a locale variable would see it unbuilt.
	for name, b := range files {
		if _, rewritten := out[name]; rewritten || name == getter {
			continue
		}
		for _, m := range localeRef.FindAll(b, -1) {
			if owner[string(m)] != "" {
				return nil, fmt.Errorf("datefork: %s uses %s", name, m)
			}
		}
	}
	getterSrc := files[getter]
	var bad error
	returned := map[string]bool{}
	getterSrc = returnLine.ReplaceAllFunc(getterSrc, func(line []byte) []byte {
		m := returnLine.FindSubmatch(line)
		lang, ok := owner[string(m[2])]
		if !ok {
			bad = fmt.Errorf("datefork: %s returns undeclared %s", getter, m[2])
			return line
		}
		returned[string(m[2])] = true
		return fmt.Appendf(nil, "%sensure_%s()\n%s", m[1], lang, line)
	})
	if bad != nil {
		return nil, bad
	}
	if len(returned) != len(owner) {
		return nil, fmt.Errorf("datefork: %s returns %d of %d locales", getter, len(returned), len(owner))
	}
	out[getter] = getterSrc
	var lazy bytes.Buffer
	lazy.WriteString("// Code generated by whosaid's internal/datefork; DO NOT EDIT.\n\npackage data\n\nimport \"sync\"\n\n")
	lazy.WriteString("// A language's locales are built by its loader, once, on first use.\nvar (\n")
	for _, l := range langs {
		fmt.Fprintf(&lazy, "\tonce_%s sync.Once\n", l)
	}
	lazy.WriteString(")\n")
	for _, l := range langs {
		fmt.Fprintf(&lazy, "\nfunc ensure_%s() { once_%s.Do(load_%s) }\n", l, l, l)
	}
	src, err := format.Source(lazy.Bytes())
	if err != nil {
		return nil, fmt.Errorf("datefork: formatting 06-lazy.go: %w", err)
	}
	out["06-lazy.go"] = src
	return out, nil
}
