package statement

import (
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/attribution"
	"github.com/whosaid/whosaid/mention"
	"github.com/whosaid/whosaid/text"
)

func extract(src string) []whosaid.Statement {
	t := text.Analyze(src, []whosaid.Span{{Start: 0, End: len(src)}})
	return Extract(t, nil, mention.Find(t), nil, Speech)
}

// brief renders a statement as "type|speaker|name|cue|content".
func brief(s whosaid.Statement) string {
	sp, name, cue := "-", "-", "-"
	if s.Speaker != nil {
		sp = s.Speaker.Text
	}
	if s.SpeakerName != nil {
		name = *s.SpeakerName
	}
	if s.Cue != nil {
		cue = s.Cue.Lemma
	}
	return strings.Join([]string{string(s.Type), sp, name, cue, s.Content.Text}, "|")
}

func TestLayouts(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"quote, speaker cue",
			`"The bridge will open in May," Maria Lopez said.`,
			[]string{`direct|Maria Lopez|Maria Lopez|say|"The bridge will open in May,"`}},
		{"quote, cue speaker",
			`"The bridge will open in May," said Maria Lopez.`,
			[]string{`direct|Maria Lopez|Maria Lopez|say|"The bridge will open in May,"`}},
		{"speaker cue colon quote",
			`Maria Lopez said: "The bridge will open in May."`,
			[]string{`direct|Maria Lopez|Maria Lopez|say|"The bridge will open in May."`}},
		{"apposition",
			`"We are ready," Maria Lopez, a spokesperson for the ministry, said.`,
			[]string{`direct|Maria Lopez|Maria Lopez|say|"We are ready,"`}},
		{"continuation",
			`"We are ready," Maria Lopez said. "The bridge will open in May."`,
			[]string{`direct|Maria Lopez|Maria Lopez|say|"We are ready,"`, `direct|-|Maria Lopez|-|"The bridge will open in May."`}},
		{"indirect that",
			`Transport Minister Omar Haddad said that the bridge would open in May.`,
			[]string{`indirect|Transport Minister Omar Haddad|Omar Haddad|say|the bridge would open in May`}},
		{"indirect bare clause, pronoun",
			"Omar Haddad spoke first. He said the bridge would open in May.",
			[]string{`indirect|He|Omar Haddad|say|the bridge would open in May`}},
		{"clause, speaker cue",
			"The bridge would open in May, the minister said.\nOmar Haddad, the minister, agreed.",
			[]string{`indirect|the minister|Omar Haddad|say|The bridge would open in May`}},
		{"according to",
			"According to the Daily Ledger, the bridge will open in May.",
			[]string{`indirect|the Daily Ledger|the Daily Ledger|according to|the bridge will open in May`}},
		{"told object",
			"Omar Haddad told reporters the bridge would open in May.",
			[]string{`indirect|Omar Haddad|Omar Haddad|tell|the bridge would open in May`}},
		{"mixed",
			`Omar Haddad said the delay was "a national embarrassment" for the city.`,
			[]string{`mixed|Omar Haddad|Omar Haddad|say|the delay was "a national embarrassment" for the city`}},
		{"group speaker",
			"Some residents say the bridge is too narrow.",
			[]string{`indirect|Some residents|Some residents|say|the bridge is too narrow`}},
		{"scare quote is no statement",
			`The council blamed "leaks" for the delay.`,
			nil},
		{"coordinated cues",
			"Omar Haddad said the bridge was safe, and said he would drive over it first.",
			[]string{`indirect|Omar Haddad|Omar Haddad|say|the bridge was safe`, `indirect|-|Omar Haddad|say|he would drive over it first`}},
		{"a noun is no cue",
			"The report said nothing new. The hearing ended early.",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range extract(tt.src) {
				got = append(got, brief(s))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

func TestPronounFollowsPreviousSpeaker(t *testing.T) {
	src := "Omar Haddad opened the bridge. Maria Lopez watched.\n" +
		`"It is a great day," Haddad said.` + "\n" +
		"He said the tolls would be low."
	got := extract(src)
	if len(got) != 2 || got[1].SpeakerName == nil || *got[1].SpeakerName != "Omar Haddad" {
		t.Fatalf("got %v", got)
	}
}

// TestNestedSpeakerKeepsTheFloor checks that speech reported inside
// another statement does not become the previous speaker.
func TestNestedSpeakerKeepsTheFloor(t *testing.T) {
	src := "Tilda Varga said Mara Quist told her the harbour was full.\n" +
		"\u201cWe will find room for every boat.\u201d\n" +
		"She also said the fares would rise in the spring."
	got := extract(src)
	if len(got) != 4 || got[1].SpeakerName == nil || *got[1].SpeakerName != "Mara Quist" {
		t.Fatalf("got %v, want Varga's statement, Quist's inside it, a floating quote and the pronoun's", got)
	}
	for _, st := range got[2:] {
		if name := st.SpeakerName; name == nil || *name != "Tilda Varga" {
			t.Errorf("%s (%s), want Tilda Varga", brief(st), st.Resolution)
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		`"Q," he said.`, "X said that Y.", "According to Z, W.", `He said: "unclosed`,
		"“a ‘b’ c,” said Dr. Who, the mayor, adding that it was fine.", "\x00\xff said",
		"Omar Haddad said the plan had failed, Maria Lopez", // a name ends the text after a comma
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, st := range extract(s) {
			spans := []*whosaid.Span{&st.Content, st.Speaker}
			if st.Cue != nil {
				spans = append(spans, &st.Cue.Span)
			}
			for _, sp := range spans {
				if sp != nil && (sp.Start < 0 || sp.End > len(s) || sp.Start > sp.End || s[sp.Start:sp.End] != sp.Text) {
					t.Fatalf("bad span %+v in %q", sp, s)
				}
			}
			if st.Confidence < 0 || st.Confidence > 1 {
				t.Fatalf("confidence %v", st.Confidence)
			}
		}
	})
}

// paragraphs analyses src with its lines as paragraphs.
func paragraphs(src string) *text.Text {
	var blocks []whosaid.Span
	start := 0
	for _, line := range strings.Split(src, "\n") {
		blocks = append(blocks, whosaid.Span{Start: start, End: start + len(line)})
		start += len(line) + 1
	}
	return text.Analyze(src, blocks)
}

func TestTranscriptTurns(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"a dialogue of two voices",
			"The host questioned the mayor on Sunday.\nHOST: Where were you on the night of the flood?\nOKAFOR: I was at the harbour with the rescue crews.\nHOST: Can anyone confirm that for us?\nOKAFOR: Every crew chief on duty can confirm it.",
			[]string{"HOST|say|Where were you on the night of the flood?", "OKAFOR|say|I was at the harbour with the rescue crews.",
				"HOST|say|Can anyone confirm that for us?", "OKAFOR|say|Every crew chief on duty can confirm it."}},
		{"a heading that recurs is no speaker",
			"UPDATE: The bridge will stay closed until Friday morning.\nThe council met.\nUPDATE: The bridge has now reopened to all traffic.",
			nil},
		{"questions and answers name no one",
			"Q: Where were you on the night of the flood?\nA: I was at the harbour with the rescue crews.\nQ: Can anyone confirm that for us?\nA: Every crew chief on duty can confirm it.",
			nil},
		{"a recurring heading in a question-and-answer piece is no speaker",
			"Q: Where were you on the night of the flood?\nA: I was at the harbour with the rescue crews.\nNOTE: The crews worked through the night.\nQ: Can anyone confirm that for us?\nNOTE: The council has not answered our questions.",
			nil},
		{"one voice is no dialogue",
			"HOST: Where were you on the night of the flood?\nNo answer came.\nOKAFOR: I was at the harbour with the rescue crews.",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tx := paragraphs(tt.src)
			var got []string
			for _, s := range Extract(tx, nil, mention.Find(tx), nil, Speech) {
				sp, cue := "-", "-"
				if s.Speaker != nil {
					sp = s.Speaker.Text
				}
				if s.Cue != nil {
					cue = s.Cue.Lemma
				}
				got = append(got, sp+"|"+cue+"|"+s.Content.Text)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

func TestTranscriptTurnOverLearned(t *testing.T) {
	src := "The host questioned the mayor, as follows:\nHOST: Where were you on the night of the flood?\nOKAFOR: I was at the harbour with the rescue crews.\nHOST: Can anyone confirm that for us?\nOKAFOR: Every crew chief on duty can confirm it."
	tx := paragraphs(src)
	// The model took the whole second paragraph, name and all, for a
	// content introduced by "as follows:".
	start := strings.Index(src, "HOST:")
	end := strings.Index(src, "?") + 1
	cue := strings.Index(src, "as follows:")
	learned := []attribution.Attribution{{
		Type:    whosaid.Indirect,
		Content: whosaid.NewSpan(src, start, end),
		Cue:     ptrSpan(whosaid.NewSpan(src, cue, cue+len("as follows:"))),
	}}
	got := Extract(tx, nil, mention.Find(tx), learned, All)
	if len(got) == 0 {
		t.Fatal("no statements")
	}
	s := got[0]
	if s.Content.Text != "Where were you on the night of the flood?" || s.Cue == nil || s.Cue.Text != ":" || s.Speaker == nil || s.Speaker.Text != "HOST" {
		t.Errorf("got content %q cue %+v speaker %+v", s.Content.Text, s.Cue, s.Speaker)
	}
}

func ptrSpan(s whosaid.Span) *whosaid.Span { return &s }
