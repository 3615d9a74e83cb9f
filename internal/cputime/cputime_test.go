package cputime

import (
	"testing"
	"time"
)

func TestUsedGrowsWithWork(t *testing.T) {
	before := Used(t)
	for start := time.Now(); time.Since(start) < 50*time.Millisecond; {
	}
	if after := Used(t); after <= before {
		t.Errorf("CPU time went from %v to %v over 50 ms of busy work", before, after)
	}
}
