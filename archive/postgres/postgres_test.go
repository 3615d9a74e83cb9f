package postgres

import "testing"

func TestPoolSize(t *testing.T) {
	const def = 6
	for _, tc := range []struct {
		url, want string
		conns     int
		bad       bool
	}{
		{url: "postgres://u@h:5432/db", want: "postgres://u@h:5432/db", conns: def},
		{url: "postgres://u@h/db?sslmode=disable", want: "postgres://u@h/db?sslmode=disable", conns: def},
		{url: "postgres://u@h/db?pool_max_conns=32&sslmode=disable", want: "postgres://u@h/db?sslmode=disable", conns: 32},
		{url: "postgresql://u@h/db?pool_max_conns=1", want: "postgresql://u@h/db", conns: 1},
		{url: "postgres://u@h/db?pool_max_conns=0", bad: true},
		{url: "postgres://u@h/db?pool_max_conns=many", bad: true},
		{url: "postgres://u@h/db\x7f", bad: true},
	} {
		got, conns, err := poolSize(tc.url, def)
		if tc.bad {
			if err == nil {
				t.Errorf("poolSize(%q) = %q, %d; want an error", tc.url, got, conns)
			}
			continue
		}
		if err != nil || got != tc.want || conns != tc.conns {
			t.Errorf("poolSize(%q) = %q, %d, %v; want %q, %d", tc.url, got, conns, err, tc.want, tc.conns)
		}
	}
}
