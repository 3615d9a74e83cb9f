package circumstance_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/pipeline"
)

// TestAboutLeavesOutUncertain checks the rules that keep out of about what
// the earlier stages got wrong, each on an article of our own writing: the
// statement whose content holds the given words is about exactly the
// entities listed.
func TestAboutLeavesOutUncertain(t *testing.T) {
	cases := []struct {
		name    string
		text    string
		content string // words of the statement's content
		about   []string
	}{
		{
			name: "part of a longer name joined by of",
			text: "Anna Varga met officials of the State Department on Monday. She said the state Department of " +
				"Harbour Services would take over the docks.",
			content: "Harbour Services would take over",
		},
		{
			name:    "a source reporting inside the content",
			text:    `"The plan is sound," Anna Varga said. She said Harbour Wire reports that the port lost money for three years.`,
			content: "the port lost money",
		},
		{
			name:    "a large city taken for a woman's name",
			text:    "Tom Reilly, a union leader, said Charlotte councillors should publish the report.",
			content: "councillors should publish",
		},
		{
			name:    "an abbreviated state after a city",
			text:    "Dana Okafor said the new plant in Raleigh, N.C., would open in May.",
			content: "the new plant",
		},
		{
			name:    "a party's adjective",
			text:    "Tom Reilly said a former Democratic aide had leaked the memo.",
			content: "had leaked the memo",
		},
		{
			name: "a person only by a pronoun, named by one word",
			text: "Several former Halvorsen managers said Halvorsen never paid the bonus.",
			// "Halvorsen" is as likely a company as a person.
			content: "never paid the bonus",
		},
		{
			name: "a quarry is no person though called he",
			text: "Workers at Brandt Quarry were laid off last week. \"Brandt Quarry was a good place to work until he " +
				"sold it,\" said Tom Reilly, a former foreman.\n\nLena Park said former Brandt employees had not been " +
				"paid. \"He owes them money,\" she said of Brandt.",
			content: "a good place to work",
		},
		{
			name:    "a show's title in quotation marks",
			text:    `Anna Varga leads the Harbour Union. Tom Reilly said on Sunday's "Inside the Union," that the port would close.`,
			content: "Inside the Union",
		},
		{
			name:    "a title inside a quotation",
			text:    `Anna Varga leads the Harbour Union. "I watch 'Meet the Harbour Union' every week," Tom Reilly said.`,
			content: "every week",
		},
		{
			name:    "writings are no group",
			text:    `The council published its budget on Monday. Lena Park, the treasurer, dismissed the reports as "idle rumours from the docks."`,
			content: "idle rumours",
		},
		{
			name:    "a compound broken at its hyphen",
			text:    `"Many Harbour- Canadians have left the city," Lena Park said.`,
			content: "have left the city",
		},
		{
			name: "a surname taken into a run of capitals",
			text: "Anna Varga, the mayor, spoke on Monday. She said the Harbour Gazette Varga profile was unfair. " +
				"Tom Reilly said Varga had lied about the budget.",
			content: "had lied about the budget",
			about:   []string{"Anna Varga"},
		},
		{
			name: "a surname alone is the person named first",
			text: "Anna Varga, the mayor, resigned on Monday. Later, Varga's son, Tom Varga, joined the board. " +
				"Tom Reilly said Varga had done nothing wrong.",
			content: "had done nothing wrong",
			about:   []string{"Anna Varga"},
		},
		{
			name:    "a surname with a title of the other gender",
			text:    "Anna Varga, the mayor, resigned on Monday. Her husband, Tom Varga, joined the board. Lena Park said Mr. Varga had done nothing wrong.",
			content: "had done nothing wrong",
			about:   []string{"Tom Varga"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := pipeline.Extract(whosaid.Article{ID: "about", Text: c.text, Published: time.Date(2021, 10, 14, 0, 0, 0, 0, time.UTC)})
			for _, st := range rec.Statements {
				if !strings.Contains(st.Content.Text, c.content) {
					continue
				}
				var got []string
				for _, a := range st.About {
					got = append(got, a.Name)
				}
				if !slices.Equal(got, c.about) {
					t.Errorf("about %q, want %q", got, c.about)
				}
				return
			}
			t.Fatalf("no statement holds %q", c.content)
		})
	}
}
