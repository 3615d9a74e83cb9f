package archive

import (
	"context"
	"maps"
	"os"
	"slices"
	"testing"

	"github.com/whosaid/whosaid"
)

func TestCircumstances(t *testing.T) {
	b, err := os.ReadFile("../circumstance/testdata/harbour.txt")
	if err != nil {
		t.Fatal(err)
	}
	a := openTemp(t)
	ingest(t, a, whosaid.Article{ID: "harbour", Text: string(b)})
	tests := []struct {
		q    Query
		want []string // contents, in any order
	}{
		{Query{About: "Tom Reilly"}, []string{`"a careful manager."`, `"He has done nothing wrong,"`}},
		{Query{About: "Reilly"}, []string{`"a careful manager."`, `"He has done nothing wrong,"`}},
		{Query{About: "Anna Varga"}, []string{"Varga to resign"}},
		{Query{SaidSince: "2021-10-01"}, []string{`"a careful manager."`, "the audit would be published in November", `"They have known for months,"`}},
		{Query{SaidSince: "2021-09-15", SaidUntil: "2021-09-30"}, []string{"he had warned the mayor in 2019"}},
		{Query{SaidUntil: "2016-12-31"}, []string{"he owned no shares"}},
		{Query{Text: "manager", About: "Varga"}, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, r := range search(t, a, tt.q) {
			got = append(got, r.Content)
		}
		slices.Sort(got)
		slices.Sort(tt.want)
		if !slices.Equal(got, tt.want) {
			t.Errorf("search %+v = %q, want %q", tt.q, got, tt.want)
		}
	}
	// A month ("earlier this week": 2021-10) meets a day's range too.
	said := map[string]string{}
	for _, r := range search(t, a, Query{SaidSince: "2021-10-14", SaidUntil: "2021-10-14"}) {
		said[r.Content] = r.SaidOn + " " + r.Setting
	}
	if want := map[string]string{`"a careful manager."`: "2021-10-14 at a news conference", "the audit would be published in November": "2021-10 "}; !maps.Equal(said, want) {
		t.Errorf("said on 2021-10-14: %q, want %q", said, want)
	}
	rs := search(t, a, Query{About: "Tom Reilly"})
	if len(rs) == 0 || rs[0].Speaker == nil {
		t.Fatal("no statement about Tom Reilly with a speaker")
	}
	p, err := a.Speaker(context.Background(), rs[0].Speaker.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.About) == 0 || p.About[0].Label != "Tom Reilly" || p.About[0].N != 2 {
		t.Errorf("%s talks about %+v, want Tom Reilly twice first", p.Name, p.About)
	}
	if !slices.Contains(p.SaidOn, Count{Label: "2021-10", N: 1}) {
		t.Errorf("%s said on %+v, want one statement in 2021-10", p.Name, p.SaidOn)
	}
	// Re-ingesting a changed article replaces what its statements are about.
	ingest(t, a, whosaid.Article{ID: "harbour", Text: "Nothing was said."})
	if rs := search(t, a, Query{About: "Tom Reilly"}); len(rs) != 0 {
		t.Errorf("after the article changed, %d statements are still about Tom Reilly", len(rs))
	}
}

func TestDayRange(t *testing.T) {
	for _, tt := range []struct{ value, lo, hi string }{
		{"2017-02-09", "2017-02-09", "2017-02-09"},
		{"2017-02", "2017-02-01", "2017-02-28"},
		{"2016-02", "2016-02-01", "2016-02-29"},
		{"2016", "2016-01-01", "2016-12-31"},
	} {
		lo, hi, err := dayRange(tt.value)
		if err != nil || lo != tt.lo || hi != tt.hi {
			t.Errorf("dayRange(%q) = %q, %q, %v; want %q, %q", tt.value, lo, hi, err, tt.lo, tt.hi)
		}
	}
	if _, _, err := dayRange("last week"); err == nil {
		t.Error("dayRange accepted a value that is no date")
	}
}
