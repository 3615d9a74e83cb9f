package attribution

import (
	"bytes"
	_ "embed"
	"sync"
)

// polnearModel is the model trained on the PolNeAR training set by
//
//	whosaid train attribution --polnear ../shared/data/polnear/polnear-train.jsonl --out attribution/model/polnear.bin.gz
//
// (deterministic; 2 to 6 minutes on the shared two-core machine, as the
// refiner's two cross-fitted taggers are trained after the full one). Its
// features include the
// part-of-speech tags and dependency parses of the embedded syntax model,
// so it is retrained when that model changes.
//
//go:embed model/polnear.bin.gz
var polnearModel []byte

// Default returns the embedded PolNeAR model, decoded on first use.
var Default = sync.OnceValues(func() (*Model, error) {
	return Decode(bytes.NewReader(polnearModel))
})
