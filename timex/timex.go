// Package timex finds the time expressions of news text ("Thursday", "last
// month", "on Feb. 9", "in 2016", "earlier this week") and resolves them
// against the publication date, with the past bias of news writing: what
// was said is reported after it was said, so "Thursday" in an article
// dated Thursday is that day and "Feb. 9" in a March article is the same
// year.
//
// Calendar expressions (month names, days, years) are parsed by
// go-dateparser on the spans found here; its own search over whole texts
// takes "May" the name and "march" the verb for dates. Relative forms are
// plain date arithmetic: go-dateparser reads a same-day weekday as a week
// earlier, "last week" as one day, and does not read "last Thursday".
package timex

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Granularity is how precisely a date is known.
type Granularity string

// Granularities of a resolved date.
const (
	Day   Granularity = "day"
	Month Granularity = "month"
	Year  Granularity = "year"
)

// Date is a resolved date to its granularity; Time is its first day.
type Date struct {
	Time        time.Time
	Granularity Granularity
}

// Value is the date written to its granularity: YYYY-MM-DD, YYYY-MM or
// YYYY.
func (d Date) Value() string {
	switch d.Granularity {
	case Year:
		return d.Time.Format("2006")
	case Month:
		return d.Time.Format("2006-01")
	}
	return d.Time.Format(time.DateOnly)
}

// After says whether d begins after day ref: a date in the future of the
// publication cannot be when something was said.
func (d Date) After(ref time.Time) bool { return d.Time.After(dayOf(ref)) }

// Expression is a time expression found in a text, with its byte offsets
// in that text and its resolved date.
type Expression struct {
	Start, End int
	Date       Date
}

// word is a run of letters or digits, or one other non-space character.
type word struct {
	start, end int
	text       string
	alnum      bool
}

// Find returns the time expressions of s resolved against ref, the
// publication date, in text order. With a zero ref only expressions that
// give their year resolve.
func Find(s string, ref time.Time) []Expression {
	ws := split(s)
	f := finder{s: s, ws: ws, ref: dayOf(ref)}
	var out []Expression
	for i := 0; i < len(ws); i++ {
		if !ws[i].alnum || !IsTimeWord(ws[i].text) {
			continue
		}
		if e, next, ok := f.at(i); ok && (len(out) == 0 || e.Start >= out[len(out)-1].End) {
			out = append(out, e)
			i = next - 1
		}
	}
	return out
}

// triggers are the words a time expression contains; only where one is
// does Find look further, which keeps it cheap on ordinary text.
var triggers = func() map[string]bool {
	m := map[string]bool{"yesterday": true, "today": true, "tonight": true, "night": true,
		"week": true, "month": true, "year": true, "weekend": true, "ago": true}
	for w := range months {
		m[strings.ToLower(w)] = true
	}
	for w := range weekdays {
		m[strings.ToLower(w)] = true
	}
	return m
}()

// IsTimeWord says whether w may be part of a time expression; a text
// without one has none, so a caller can skip Find.
func IsTimeWord(w string) bool {
	w = strings.TrimSuffix(w, ".") // a tokenizer may keep the period of "Feb."
	return isTrigger(w) || isYear(w)
}

// isTrigger looks w up in triggers, lower-cased without allocating.
func isTrigger(w string) bool {
	var buf [16]byte
	if len(w) < 3 || len(w) > len(buf) {
		return false
	}
	for k := 0; k < len(w); k++ {
		c := w[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	return triggers[string(buf[:len(w)])]
}

func dayOf(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func split(s string) []word {
	var ws []word
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case r == ' ' || unicode.IsSpace(r):
			i += n
		case alnum(r):
			j := i + n
			for j < len(s) {
				r2, n2 := rune(s[j]), 1
				if r2 >= utf8.RuneSelf {
					r2, n2 = utf8.DecodeRuneInString(s[j:])
				}
				if !alnum(r2) {
					break
				}
				j += n2
			}
			ws = append(ws, word{start: i, end: j, text: s[i:j], alnum: true})
			i = j
		default:
			ws = append(ws, word{start: i, end: i + n, text: s[i : i+n]})
			i += n
		}
	}
	return ws
}

// months maps the month names and abbreviations news writing uses, as
// written (capitalised: "march" is a verb), to their month. Abbreviations
// and "May" are dates only with a day or a year, or after "in", "last",
// "early" and the like: alone, "May" is a name or a verb.
var months = map[string]time.Month{
	"January": time.January, "February": time.February, "March": time.March, "April": time.April,
	"May": time.May, "June": time.June, "July": time.July, "August": time.August,
	"September": time.September, "October": time.October, "November": time.November, "December": time.December,
	"Jan": time.January, "Feb": time.February, "Mar": time.March, "Apr": time.April, "Jun": time.June,
	"Jul": time.July, "Aug": time.August, "Sep": time.September, "Sept": time.September,
	"Oct": time.October, "Nov": time.November, "Dec": time.December,
}

var weekdays = map[string]time.Weekday{
	"Monday": time.Monday, "Tuesday": time.Tuesday, "Wednesday": time.Wednesday, "Thursday": time.Thursday,
	"Friday": time.Friday, "Saturday": time.Saturday, "Sunday": time.Sunday,
}

// holidayWords make a weekday part of a name: "Black Friday", "Super
// Tuesday", "Good Friday".
var holidayWords = map[string]bool{"Black": true, "Good": true, "Super": true, "Cyber": true, "Ash": true,
	"Palm": true, "Easter": true, "Holy": true, "Maundy": true, "Bloody": true, "Giving": true}

var partsOfDay = map[string]bool{"morning": true, "afternoon": true, "evening": true, "night": true}

// bareMonthPrefixes let a month name stand alone as a date: "in May",
// "last March", "early June".
var bareMonthPrefixes = map[string]bool{"in": true, "during": true, "last": true, "early": true, "late": true, "mid": true, "this": true}

// yearPrefixes let a four-digit number be a year: "in 2016", "early 2016".
var yearPrefixes = map[string]bool{"in": true, "during": true, "early": true, "late": true, "mid": true}

var numberWords = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

func init() {
	for _, w := range []string{"days", "weeks", "months", "years"} {
		triggers[w] = true
	}
}

type finder struct {
	s   string
	ws  []word
	ref time.Time
}

func (f *finder) text(i int) string {
	if i < 0 || i >= len(f.ws) {
		return ""
	}
	return f.ws[i].text
}

func (f *finder) lower(i int) string { return strings.ToLower(f.text(i)) }

// at matches an expression whose trigger word is ws[i]; next is the word
// after it.
func (f *finder) at(i int) (e Expression, next int, ok bool) {
	w := f.text(i)
	if _, ok := months[w]; ok {
		return f.calendarAt(i, i)
	}
	if wd, ok := weekdays[w]; ok {
		return f.weekday(i, wd)
	}
	if isYear(w) {
		return f.year(i)
	}
	switch low := strings.ToLower(w); low {
	case "yesterday":
		return f.relative(i, i+1, f.ref.AddDate(0, 0, -1), Day)
	case "today", "tonight":
		if startsUpper(w) && i > 0 && f.ws[i-1].alnum {
			return Expression{}, 0, false // "USA Today", "the Today show"
		}
		return f.relative(i, i+1, f.ref, Day)
	case "night":
		if f.lower(i-1) == "last" {
			return f.relative(i-1, i+1, f.ref.AddDate(0, 0, -1), Day)
		}
	case "week", "month", "year", "weekend":
		return f.period(i, low)
	case "days", "weeks", "months", "years":
		return f.ago(i, low)
	}
	return Expression{}, 0, false
}

func isYear(w string) bool {
	if len(w) != 4 || (w[:2] != "19" && w[:2] != "20") {
		return false
	}
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// day reads a day of the month: "9", "9th", "21st".
func day(w string) (int, bool) {
	n, k := 0, 0
	for k < len(w) && k < 2 && w[k] >= '0' && w[k] <= '9' {
		n = n*10 + int(w[k]-'0')
		k++
	}
	if k == 0 || n < 1 || n > 31 {
		return 0, false
	}
	switch w[k:] {
	case "", "st", "nd", "rd", "th":
		return n, true
	}
	return 0, false
}

// relative builds an expression of words [from, end) whose date is known
// from the reference alone.
func (f *finder) relative(from, end int, d time.Time, g Granularity) (Expression, int, bool) {
	if f.ref.IsZero() {
		return Expression{}, 0, false
	}
	return Expression{Start: f.ws[from].start, End: f.ws[end-1].end, Date: truncate(d, g)}, end, true
}

func truncate(d time.Time, g Granularity) Date {
	switch g {
	case Year:
		d = time.Date(d.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	case Month:
		d = time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	return Date{Time: d, Granularity: g}
}

// weekday resolves a weekday name: "Thursday", "on Thursday", "last
// Thursday", "next Thursday", "Thursday night", "Thursday, Feb. 9".
func (f *finder) weekday(i int, wd time.Weekday) (Expression, int, bool) {
	if holidayWords[f.text(i-1)] {
		return Expression{}, 0, false
	}
	end := i + 1
	if f.text(end) == "," {
		if _, ok := months[f.text(end+1)]; ok {
			return f.calendarAt(end+1, i)
		}
	}
	if _, ok := months[f.text(end)]; ok {
		return f.calendarAt(end, i)
	}
	if partsOfDay[f.text(end)] {
		end++
	} else if end < len(f.ws) && f.ws[end].alnum && startsUpper(f.text(end)) {
		return Expression{}, 0, false // "the Sunday Times"
	}
	from := i
	back := (int(f.ref.Weekday()) - int(wd) + 7) % 7 // days back to the latest such day, today included
	d := f.ref.AddDate(0, 0, -back)
	switch f.lower(i - 1) {
	case "last":
		from = i - 1
		if back == 0 {
			d = d.AddDate(0, 0, -7)
		}
	case "next":
		from = i - 1
		d = d.AddDate(0, 0, 7)
	case "this":
		from = i - 1
		// The weekday of the current week, Monday to Sunday, which may be
		// ahead.
		d = monday(f.ref).AddDate(0, 0, (int(wd)+6)%7)
	}
	return f.relative(from, end, d, Day)
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// monday is the first day of the week of d.
func monday(d time.Time) time.Time { return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7)) }

// period resolves "last week", "this month", "earlier this year", "next
// year", "last weekend", and "a week ago" (through ago).
func (f *finder) period(i int, unit string) (Expression, int, bool) {
	if f.lower(i+1) == "ago" {
		return f.ago(i, unit)
	}
	mod, from := f.lower(i-1), i-1
	if mod == "this" && (f.lower(i-2) == "earlier" || f.lower(i-2) == "later") {
		from = i - 2
	}
	var lo, hi time.Time // the days the expression may mean
	step := map[string]int{"last": -1, "this": 0, "next": 1}
	k, ok := step[mod]
	if !ok || unit == "weekend" && k != -1 {
		return Expression{}, 0, false
	}
	switch unit {
	case "year":
		return f.relative(from, i+1, f.ref.AddDate(k, 0, 0), Year)
	case "month":
		first := time.Date(f.ref.Year(), f.ref.Month()+time.Month(k), 1, 0, 0, 0, 0, time.UTC)
		return f.relative(from, i+1, first, Month)
	case "week":
		lo = monday(f.ref).AddDate(0, 0, 7*k)
		hi = lo.AddDate(0, 0, 6)
		switch {
		case f.lower(from) == "earlier":
			hi = f.ref.AddDate(0, 0, -1)
		case f.lower(from) == "later":
			lo = f.ref.AddDate(0, 0, 1)
		case k == 0:
			hi = f.ref // "this week", as news reports it, is up to today
		}
	case "weekend":
		lo = monday(f.ref).AddDate(0, 0, -2)
		if f.ref.Weekday() == time.Sunday || f.ref.Weekday() == time.Saturday {
			lo = lo.AddDate(0, 0, -7) // "last weekend" on a Sunday is the one before
		}
		hi = lo.AddDate(0, 0, 1)
	}
	if hi.Before(lo) {
		return Expression{}, 0, false // "earlier this week" on a Monday
	}
	return f.span(from, i+1, lo, hi)
}

// span resolves words [from, end) meaning some day between lo and hi to
// the finest granularity that holds them all, a month at best: "this
// week" on a Monday is not that Monday.
func (f *finder) span(from, end int, lo, hi time.Time) (Expression, int, bool) {
	g := Year
	switch {
	case lo.Year() == hi.Year() && lo.Month() == hi.Month():
		g = Month
	case lo.Year() != hi.Year():
		return Expression{}, 0, false
	}
	return f.relative(from, end, lo, g)
}

// ago resolves "two days ago", "a week ago", "three years ago".
func (f *finder) ago(i int, unit string) (Expression, int, bool) {
	if f.lower(i+1) != "ago" {
		return Expression{}, 0, false
	}
	n, ok := count(f.lower(i - 1))
	if !ok || f.text(i-2) == "-" {
		return Expression{}, 0, false // "twenty-two years ago" is not two
	}
	from, end := i-1, i+2
	switch strings.TrimSuffix(unit, "s") {
	case "day":
		return f.relative(from, end, f.ref.AddDate(0, 0, -n), Day)
	case "week":
		// "two weeks ago" is round: a few days either side.
		d := f.ref.AddDate(0, 0, -7*n)
		return f.span(from, end, d.AddDate(0, 0, -3), d.AddDate(0, 0, 3))
	case "month":
		return f.relative(from, end, time.Date(f.ref.Year(), f.ref.Month()-time.Month(n), 1, 0, 0, 0, 0, time.UTC), Month)
	}
	return f.relative(from, end, f.ref.AddDate(-n, 0, 0), Year)
}

// count reads a small number written in words or digits: "a", "two", "3".
func count(w string) (int, bool) {
	if n, ok := numberWords[w]; ok {
		return n, true
	}
	if len(w) == 0 || len(w) > 2 {
		return 0, false
	}
	n := 0
	for _, c := range w {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, n > 0
}

func alnum(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
