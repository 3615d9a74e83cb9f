// Package archivetest holds what tests of several packages need of an
// archive.
package archivetest

import (
	"context"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/archive"
)

// Dump checks the integrity of the archive at location and returns its
// canonical dump (archive.Dump), for comparing two archives.
func Dump(tb testing.TB, location string) string {
	tb.Helper()
	a, err := archive.Open(location, false)
	if err != nil {
		tb.Fatal(err)
	}
	defer a.Close()
	if err := a.Check(context.Background()); err != nil {
		tb.Fatal(err)
	}
	var b strings.Builder
	if err := a.Dump(context.Background(), &b); err != nil {
		tb.Fatal(err)
	}
	return b.String()
}
