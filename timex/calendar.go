package timex

import (
	"strconv"
	"strings"
	"time"

	dps "github.com/markusmobius/go-dateparser"
)

// calendarAt matches a calendar expression around the month name at word
// i: "Feb. 9", "March 2, 2017", "9th of February", "the 9 February 2017",
// "March 2016", "in May", "last March", "early June". from is where the
// span may start earlier ("Thursday, Feb. 9").
func (f *finder) calendarAt(i, from int) (Expression, int, bool) {
	name := f.text(i)
	full := len(name) > 3 && name != "Sept" || name == "May"
	end := i + 1
	if f.text(end) == "." && !full {
		end++
	}
	g := Month
	start := i
	dayAt, yearAt := -1, -1
	if _, ok := day(f.text(end)); ok && f.ws[end].alnum && !f.numberGoesOn(end) {
		dayAt, g = end, Day
		end++
	} else if k := f.dayBefore(i); k >= 0 {
		dayAt, g, start = k, Day, k
	}
	y := end
	if dayAt >= 0 && f.text(y) == "," {
		y++
	}
	if isYear(f.text(y)) {
		yearAt, end = y, y+1
	}
	prefix, prefixAt := f.lower(i-1), i-1
	if prefix == "-" && f.lower(i-2) == "mid" {
		prefix, prefixAt = "mid", i-2
	}
	if dayAt < 0 && yearAt < 0 {
		// A month alone is a date only after "in", "last", "early" and
		// the like, and only written in full: "May" alone is a name.
		if !full || !bareMonthPrefixes[prefix] {
			return Expression{}, 0, false
		}
		switch prefix {
		case "last", "early", "late", "mid":
			start = prefixAt
		}
	}
	if from < start {
		start = from
	}
	ref := f.ref
	if yearAt < 0 {
		if ref.IsZero() {
			return Expression{}, 0, false
		}
		if prefix == "last" {
			// "last March" is before this month, even in March.
			ref = time.Date(ref.Year(), ref.Month(), 0, 0, 0, 0, 0, time.UTC)
		}
	} else if ref.IsZero() {
		ref = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) // the year is given; any reference fills nothing
	}
	d, ok := parse(f.phrase(i, dayAt, yearAt), ref)
	if !ok {
		return Expression{}, 0, false
	}
	if yearAt < 0 && truncate(d, g).Time.After(ref) {
		d = d.AddDate(-1, 0, 0) // past bias: "Dec. 20" in a January article is last year's
	}
	return Expression{Start: f.ws[start].start, End: f.ws[end-1].end, Date: truncate(d, g)}, end, true
}

// numberGoesOn says whether the number at word k continues into a larger
// one or a time: "March 2,000", "May 5:30".
func (f *finder) numberGoesOn(k int) bool {
	next := f.text(k + 1)
	if next != "," && next != ":" && next != "." || k+2 >= len(f.ws) {
		return false
	}
	after := f.ws[k+2]
	return after.start == f.ws[k+1].end && after.text[0] >= '0' && after.text[0] <= '9' && !isYear(after.text)
}

// dayBefore returns the word of a day written before month word i ("9
// February", "9th of February"), or -1.
func (f *finder) dayBefore(i int) int {
	k := i - 1
	if f.text(k) == "of" {
		k--
	}
	if _, ok := day(f.text(k)); ok && k >= 0 && f.ws[k].alnum {
		return k
	}
	return -1
}

// phrase is the calendar expression written plainly for the date parser:
// "February 9 2017", "March 2016", "May".
func (f *finder) phrase(month, dayAt, yearAt int) string {
	parts := []string{months[f.text(month)].String()}
	if dayAt >= 0 {
		d, _ := day(f.text(dayAt))
		parts = append(parts, strconv.Itoa(d))
	}
	if yearAt >= 0 {
		parts = append(parts, f.text(yearAt))
	}
	return strings.Join(parts, " ")
}

// layouts are the shapes phrase writes. Given to go-dateparser, they
// spare it detecting a language and trying every format: 1 µs a phrase
// instead of 80.
var layouts = []string{"January 2 2006", "January 2", "January 2006", "January", "2006"}

// parse reads a calendar phrase with go-dateparser, which fills what the
// phrase leaves out (the year) from ref; with layouts given it does not
// apply its past preference itself, so calendarAt moves a date that falls
// after ref a year back.
func parse(phrase string, ref time.Time) (time.Time, bool) {
	cfg := &dps.Configuration{
		Languages:           []string{"en"},
		CurrentTime:         ref,
		PreferredDateSource: dps.Past,
		PreferredDayOfMonth: dps.First,
		DateOrder:           dps.MDY,
		StrictParsing:       false,
	}
	d, err := dps.Parse(cfg, phrase, layouts...)
	if err != nil || d.Time.IsZero() {
		return time.Time{}, false
	}
	t := d.Time
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
}

// year resolves a year after "in", "during", "early", "late" or "mid-":
// "in 2016", "early 2016". A bare number may be anything ("the 2016
// campaign", "2016 votes").
func (f *finder) year(i int) (Expression, int, bool) {
	prev := f.lower(i - 1)
	start := i
	if prev == "-" && f.lower(i-2) == "mid" {
		prev, start = "mid", i-2
	}
	if !yearPrefixes[prev] {
		return Expression{}, 0, false
	}
	if prev == "early" || prev == "late" {
		start = i - 1
	}
	d, ok := parse(f.text(i), time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
	if !ok {
		return Expression{}, 0, false
	}
	return Expression{Start: f.ws[start].start, End: f.ws[i].end, Date: truncate(d, Year)}, i + 1, true
}
