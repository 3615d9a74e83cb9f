package statement

import (
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/mention"
	"github.com/whosaid/whosaid/syntax"
	"github.com/whosaid/whosaid/text"
)

func TestRankedSpeaker(t *testing.T) {
	sm, err := syntax.Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, src string
		scope     Scope
		want      []string
	}{
		{"a cue after a negated verb takes the ranker's speaker",
			"Repairs to the pier stalled again this week.\n\nIn a letter, Harbour Hydro did not explain the delay, but said \"crews are working around the clock.\"",
			Speech,
			[]string{`direct|Harbour Hydro|Harbour Hydro|say|"crews are working around the clock."`}},
		{"the all scope leaves it to the learned tagger",
			"Repairs to the pier stalled again this week.\n\nIn a letter, Harbour Hydro did not explain the delay, but said \"crews are working around the clock.\"",
			All,
			[]string{`direct|-|-|say|"crews are working around the clock."`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tx := text.Analyze(tt.src, []whosaid.Span{{Start: 0, End: len(tt.src)}})
			got := Extract(tx, syntax.NewSentences(tx, sm), mention.Find(tx), nil, tt.scope)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d statements %v, want %v", len(got), got, tt.want)
			}
			for i, s := range got {
				if b := brief(s); b != tt.want[i] {
					t.Errorf("got  %s\nwant %s", b, tt.want[i])
				}
			}
		})
	}
}
