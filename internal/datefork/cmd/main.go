// Command datefork writes third_party/go-dateparser from the upstream
// module; see package datefork.
package main

import (
	"flag"
	"log/slog"
	"os"

	"github.com/whosaid/whosaid/internal/datefork"
)

func main() {
	src := flag.String("src", "", "directory of the upstream module (go mod download -json github.com/markusmobius/go-dateparser@v1.4.7)")
	out := flag.String("out", "third_party/go-dateparser", "directory to write the fork to (emptied first)")
	flag.Parse()
	if *src == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := datefork.Fork(*src, *out); err != nil {
		slog.Error("fork failed", "err", err)
		os.Exit(1)
	}
}
