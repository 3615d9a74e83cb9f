package timex

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// Reference dates: a Thursday, the Friday after it, a Monday and a
// Sunday, and early January for month-days across the year boundary.
const (
	thu    = "2017-03-02"
	fri    = "2017-03-03"
	mon    = "2017-03-06"
	sun    = "2017-03-05"
	jan    = "2018-01-04" // Thursday
	endMar = "2017-03-31" // Friday
)

func TestFind(t *testing.T) {
	tests := []struct {
		ref  string
		text string
		want string // "evidence=value" for each expression, "" for none
	}{
		// Weekdays on the same weekday and the day after.
		{thu, "Varga said Thursday.", "Thursday=2017-03-02"},
		{fri, "Varga said Thursday.", "Thursday=2017-03-02"},
		{thu, "Varga said on Wednesday.", "Wednesday=2017-03-01"},
		{thu, "He spoke Friday.", "Friday=2017-02-24"},
		{fri, "He spoke Friday.", "Friday=2017-03-03"},
		{mon, "The minister said Sunday that", "Sunday=2017-03-05"},
		{mon, "It was announced Monday.", "Monday=2017-03-06"},
		{sun, "She said Saturday night.", "Saturday night=2017-03-04"},
		{thu, "at a news conference Thursday", "Thursday=2017-03-02"},
		{thu, "said Thursday's statement", "Thursday=2017-03-02"},
		{thu, "last Thursday", "last Thursday=2017-02-23"},
		{fri, "last Thursday", "last Thursday=2017-03-02"},
		{thu, "last Monday", "last Monday=2017-02-27"},
		{thu, "next Tuesday", "next Tuesday=2017-03-07"},
		{thu, "this Friday", "this Friday=2017-03-03"},
		{thu, "this Monday", "this Monday=2017-02-27"},
		{thu, "on Tuesday morning", "Tuesday morning=2017-02-28"},
		{thu, "Thursday, Feb. 9, 2017", "Thursday, Feb. 9, 2017=2017-02-09"},
		// Month and day without a year: the past, across a year boundary.
		{thu, "the board announced on Feb. 9 that", "Feb. 9=2017-02-09"},
		{thu, "on February 9", "February 9=2017-02-09"},
		{thu, "on Feb 9th", "Feb 9th=2017-02-09"},
		{thu, "on the 9th of February", "9th of February=2017-02-09"},
		{thu, "on 9 February", "9 February=2017-02-09"},
		{jan, "on Dec. 20", "Dec. 20=2017-12-20"},
		{jan, "on December 31", "December 31=2017-12-31"},
		{jan, "on Jan. 2", "Jan. 2=2018-01-02"},
		{jan, "on Sept. 30", "Sept. 30=2017-09-30"},
		{jan, "on Sept 30", "Sept 30=2017-09-30"},
		{thu, "on March 2", "March 2=2017-03-02"},
		{thu, "on April 3", "April 3=2016-04-03"},
		{thu, "on Aug. 21st", "Aug. 21st=2016-08-21"},
		{thu, "on Nov. 8", "Nov. 8=2016-11-08"},
		// With a year.
		{thu, "on March 2, 2017", "March 2, 2017=2017-03-02"},
		{thu, "on Jan. 10, 2017", "Jan. 10, 2017=2017-01-10"},
		{thu, "on 2 March 2015", "2 March 2015=2015-03-02"},
		{thu, "in January 2015", "January 2015=2015-01"},
		{thu, "in Oct. 2016", "Oct. 2016=2016-10"},
		{"", "on June 5, 2012", "June 5, 2012=2012-06-05"},
		{"", "on Thursday", ""},
		{thu, "in 2016", "2016=2016"},
		{thu, "in early 2016", "early 2016=2016"},
		{thu, "during 2015", "2015=2015"},
		{thu, "in mid-2014", "mid-2014=2014"},
		// Months alone.
		{thu, "in May", "May=2016-05"},
		{thu, "in March", "March=2017-03"},
		{thu, "last March", "last March=2016-03"},
		{thu, "in December", "December=2016-12"},
		{thu, "early June", "early June=2016-06"},
		{thu, "in mid-January", "mid-January=2017-01"},
		// last / this / next.
		{thu, "last month", "last month=2017-02"},
		{jan, "last month", "last month=2017-12"},
		{endMar, "last month", "last month=2017-02"},
		{thu, "this month", "this month=2017-03"},
		{thu, "earlier this month", "earlier this month=2017-03"},
		{thu, "next month", "next month=2017-04"},
		{thu, "last year", "last year=2016"},
		{thu, "earlier this year", "earlier this year=2017"},
		{thu, "next year", "next year=2018"},
		{thu, "last week", "last week=2017-02"},
		{mon, "last week", "last week=2017"},
		{fri, "earlier this week", "earlier this week=2017"},
		{endMar, "earlier this week", "earlier this week=2017-03"},
		{mon, "earlier this week", ""},
		{endMar, "this week", "this week=2017-03"},
		{jan, "last week", "last week=2017-12"},
		{"2020-01-03", "earlier this week", ""},
		{mon, "last weekend", "last weekend=2017-03"},
		{sun, "last weekend", "last weekend=2017-02"},
		// Days around the reference, and "ago".
		{thu, "yesterday", "yesterday=2017-03-01"},
		{thu, "Today", "Today=2017-03-02"},
		{thu, "she told USA Today", ""},
		{thu, "twenty-two years ago", ""},
		{mon, "this week", "this week=2017-03"},
		{thu, "last night", "last night=2017-03-01"},
		{thu, "two days ago", "two days ago=2017-02-28"},
		{thu, "3 days ago", "3 days ago=2017-02-27"},
		{thu, "a year ago", "a year ago=2016"},
		{thu, "two months ago", "two months ago=2017-01"},
		{endMar, "a month ago", "a month ago=2017-02"},
		{endMar, "two weeks ago", "two weeks ago=2017-03"},
		{thu, "two weeks ago", "two weeks ago=2017-02"},
		// Words that are not dates.
		{thu, "Theresa May said", ""},
		{thu, "May said the talks", ""},
		{thu, "protesters march on the capital", ""},
		{thu, "Protesters will March", ""},
		{thu, "the Sunday Times reported", ""},
		{thu, "on Black Friday", ""},
		{thu, "Super Tuesday", ""},
		{thu, "the 2016 campaign", ""},
		{thu, "the year before", ""},
		{thu, "every week", ""},
		{thu, "a week", ""},
		{thu, "August Wilson wrote", ""},
		{thu, "March 2,000 people", ""},
		{thu, "at 5 p.m.", ""},
		{thu, "since 2016", ""},
		{thu, "the Jan and Dean show", ""},
		// Two expressions in one sentence.
		{thu, "Trump said Thursday that he met him in December", "Thursday=2017-03-02; December=2016-12"},
	}
	for _, tt := range tests {
		t.Run(tt.ref+" "+tt.text, func(t *testing.T) {
			var ref time.Time
			if tt.ref != "" {
				ref = date(tt.ref)
			}
			var got []string
			for _, e := range Find(tt.text, ref) {
				got = append(got, fmt.Sprintf("%s=%s", tt.text[e.Start:e.End], e.Date.Value()))
			}
			if g := strings.Join(got, "; "); g != tt.want {
				t.Errorf("Find(%q, %s) = %q, want %q", tt.text, tt.ref, g, tt.want)
			}
		})
	}
}

func TestAfter(t *testing.T) {
	ref := date(thu)
	for _, tt := range []struct {
		text  string
		after bool
	}{{"next Tuesday", true}, {"Thursday", false}, {"next year", true}, {"this month", false}} {
		es := Find(tt.text, ref)
		if len(es) != 1 || es[0].Date.After(ref) != tt.after {
			t.Errorf("%q: %+v, want one expression after the reference = %v", tt.text, es, tt.after)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"on Feb. 9, 2017", "last Thursday night", "two weeks ago", "in mid-2014", "9th of February", "March 2,000", "Thursday, Feb. 9"} {
		f.Add(s)
	}
	ref := date(thu)
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, e := range Find(s, ref) {
			if e.Start < prev || e.End <= e.Start || e.End > len(s) {
				t.Fatalf("Find(%q): bad span %d-%d after %d", s, e.Start, e.End, prev)
			}
			prev = e.End
			if e.Date.Time.IsZero() {
				t.Fatalf("Find(%q): unresolved date at %d-%d", s, e.Start, e.End)
			}
		}
	})
}

func BenchmarkFind(b *testing.B) {
	ref := date(thu)
	s := "Varga said at a news conference Thursday that she had met the auditors twice last year, and that she would answer questions from the council on Feb. 9 or later."
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Find(s, ref)
	}
}
