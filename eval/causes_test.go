package eval

import (
	"reflect"
	"testing"

	"github.com/whosaid/whosaid/corpus"

	"github.com/whosaid/whosaid"
)

func TestContentType(t *testing.T) {
	tests := []struct {
		text string
		want whosaid.StatementType
	}{
		{`"The boats are late,"`, whosaid.Direct},
		{"“We are ready.”", whosaid.Direct},
		{"  “We are ready”. ", whosaid.Direct}, // punctuation after the closing mark
		{"“First part.\n\n“Second part,”", whosaid.Direct},
		{"‘Never,’", whosaid.Direct},
		{`the plan was "a mess" from the start`, whosaid.Mixed},
		{"“We will win the vote in March", whosaid.Mixed}, // opened, never closed
		{`"`, whosaid.Mixed},
		{"the council’s budget is too small", whosaid.Indirect},
		{"they don't want to pay", whosaid.Indirect},
		{"", whosaid.Indirect},
	}
	for _, tc := range tests {
		if got := contentType(tc.text); got != tc.want {
			t.Errorf("contentType(%q) = %s, want %s", tc.text, got, tc.want)
		}
	}
}

func TestResolutionKind(t *testing.T) {
	tests := []struct{ in, want string }{
		{"she → Ana Pérez: previous speaker", "previous speaker"},
		{"the mayor → Ana Pérez: note: the entity titled mayor", "the entity titled mayor"},
		{"carried from the previous statement", "carried from the previous statement"},
		{"Critics → Critics: as written", "as written"},
		{"", "(no resolution)"},
		{"x → y: ", "(no resolution)"},
	}
	for _, tc := range tests {
		if got := resolutionKind(tc.in); got != tc.want {
			t.Errorf("resolutionKind(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestGGTCauses(t *testing.T) {
	d := ggtDoc
	ferry := withConfidence(statement(find(t, d, `"The ferry runs again in May,"`, 0), ptr(find(t, d, "Monday", 0)), nil, "Ana Perez"), 0.9, "quote, speaker cue")
	ferry.Resolution = "Monday → Ana Perez: nearest preceding person"
	vote := withConfidence(statement(find(t, d, "The vote is next week.", 0), nil, nil, ""), 0.5, "") // no rule given
	pred := map[string]whosaid.Record{"a1": {ID: "a1", Statements: []whosaid.Statement{ferry, vote}}}
	s := ScoreGGT([]corpus.GGTArticle{ggtGold(t)}, pred)
	type item struct {
		kind  ErrorKind
		cause string
	}
	want := []item{
		{Missed, "indirect"},       // the fares, with a cue
		{Missed, "direct, no cue"}, // the floating scandal quote
		{Spurious, "(no rule)"},    // the vote
		{WrongSpeaker, "quote, speaker cue"},
		{WrongName, "quote, speaker cue / nearest preceding person"},
	}
	items := s.Errors[0].Items
	if len(items) != len(want) {
		t.Fatalf("%d error items, want %d: %+v", len(items), len(want), items)
	}
	for i, w := range want {
		if items[i].Kind != w.kind || items[i].Cause != w.cause {
			t.Errorf("item %d = %s (%s), want %s (%s)", i, items[i].Kind, items[i].Cause, w.kind, w.cause)
		}
	}
	if p := items[4].Pred; p == nil || p.Rule != "quote, speaker cue" || p.Resolution != ferry.Resolution {
		t.Errorf("wrong-name prediction = %+v", p)
	}
}

func TestCountCauses(t *testing.T) {
	articles := []ArticleErrors{
		{ID: "a", Outlet: "X", Items: []ErrorItem{{Kind: Missed, Cause: "indirect"}, {Kind: Spurious, Cause: "clause"}, {Kind: WrongName, Cause: "quote / as written"}}},
		{ID: "b", Outlet: "Y", Items: []ErrorItem{{Kind: Missed, Cause: "indirect"}, {Kind: Missed, Cause: "direct"}, {Kind: Spurious, Cause: "clause"}, {Kind: Spurious, Cause: "clause"}}},
		{ID: "c", Items: []ErrorItem{{Kind: WrongSpeaker, Cause: "quote"}, {Kind: Missed, Cause: "mixed, no cue"}}},
	}
	want := []CauseCount{
		{Spurious, "clause", 3, map[string]int{"X": 1, "Y": 2}},
		{Missed, "indirect", 2, map[string]int{"X": 1, "Y": 1}},
		{Missed, "direct", 1, map[string]int{"Y": 1}}, // ties: kinds in listing order, then causes
		{Missed, "mixed, no cue", 1, nil},             // article c names no outlet
		{WrongSpeaker, "quote", 1, nil},
		{WrongName, "quote / as written", 1, map[string]int{"X": 1}},
	}
	got := CountCauses(articles)
	if len(got) != len(want) {
		t.Fatalf("CountCauses = %+v, want %+v", got, want)
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("cause %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if got := CountCauses(nil); len(got) != 0 {
		t.Errorf("CountCauses(nil) = %+v", got)
	}
}
