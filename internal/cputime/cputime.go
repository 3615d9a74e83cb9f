// Package cputime measures the CPU time of this process, for tests that
// must tell their own work from the other processes sharing the cores.
package cputime

import (
	"syscall"
	"testing"
	"time"
)

// Used returns the user and system CPU time the process has used: unlike
// the time on the clock, it does not grow when other processes share the
// cores.
func Used(tb testing.TB) time.Duration {
	tb.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatalf("cputime: %v", err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
