package speaker

import (
	"bytes"
	_ "embed"
	"sync"
)

// polnearModel is the ranker trained on the PolNeAR training set by
//
//	whosaid train speaker --polnear ../shared/data/polnear/polnear-train.jsonl --out speaker/model/polnear.bin.gz
//
// (deterministic). Its features include the parses of the embedded
// syntax model and the mentions of the mention stage, so it is retrained
// when either changes.
//
//go:embed model/polnear.bin.gz
var polnearModel []byte

// Default returns the embedded PolNeAR ranker, decoded on first use.
var Default = sync.OnceValues(func() (*Model, error) {
	return Decode(bytes.NewReader(polnearModel))
})
