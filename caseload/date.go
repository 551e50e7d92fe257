package caseload

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date with no time of day and no time zone. The zero
// value means "unknown / not set". Its canonical text form is YYYY-MM-DD.
//
// It takes four bytes: the worklist cache and the search index hold a
// dozen dates for each of up to a hundred thousand people, and a
// time.Time (24 bytes) or three ints would triple the memory they take.
// Years outside int16 do not occur in this domain.
type Date struct {
	y int16
	m uint8
	d uint8
}

// D builds a Date; it is short because tests use it a lot. The parts are
// stored as given (D does not normalise 31 April); use DateOf or AddDays
// for arithmetic.
func D(year int, month time.Month, day int) Date {
	return Date{int16(year), uint8(month), uint8(day)}
}

// Year returns the year (0 for the zero Date).
func (d Date) Year() int { return int(d.y) }

// Month returns the month (0 for the zero Date).
func (d Date) Month() time.Month { return time.Month(d.m) }

// Day returns the day of the month (0 for the zero Date).
func (d Date) Day() int { return int(d.d) }

// DateOf returns the calendar date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return D(y, m, d)
}

// Today returns the current date in the local time zone.
func Today() Date { return DateOf(time.Now()) }

// DateError is a date text that could not be read: badly formatted
// (Key "validation.date.iso_syntax") or a day that does not exist, such as
// 1990-02-31 ("validation.date.iso_invalid"). Its message says the format.
type DateError struct {
	Value string
	Key   string
}

// Error renders the error for logs.
func (e *DateError) Error() string { return fmt.Sprintf("invalid date %q", e.Value) }

// MessageKey returns the i18n key of the message.
func (e *DateError) MessageKey() string { return e.Key }

// MessageArgs returns the template arguments: Value.
func (e *DateError) MessageArgs() map[string]any { return map[string]any{"Value": e.Value} }

// ParseDate parses YYYY-MM-DD; the empty string gives the zero Date.
// Anything else is a *DateError.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		var y, m, d int
		if n, _ := fmt.Sscanf(s, "%4d-%2d-%2d", &y, &m, &d); n == 3 && len(s) == 10 {
			return Date{}, &DateError{Value: s, Key: "validation.date.iso_invalid"}
		}
		return Date{}, &DateError{Value: s, Key: "validation.date.iso_syntax"}
	}
	return DateOf(t), nil
}

// MustDate parses YYYY-MM-DD and panics on error; for tests and tables.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.Year() == 0 && d.Month() == 0 && d.Day() == 0 }

// Time returns midnight UTC of the date.
func (d Date) Time() time.Time { return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC) }

// String returns YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year(), int(d.Month()), d.Day())
}

// AddDays returns the date n days later (earlier when n < 0).
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// AddMonths adds calendar months. When the day does not exist in the target
// month it is clamped to the month's last day (31/01 + 1 month = 28/02 or
// 29/02), which is how periods "of N months" are counted in law.
func (d Date) AddMonths(n int) Date {
	first := time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, n, 0)
	last := first.AddDate(0, 1, -1).Day()
	day := d.Day()
	if day > last {
		day = last
	}
	return D(first.Year(), first.Month(), day)
}

// AddYears adds calendar years; 29/02 becomes 28/02 in a common year.
func (d Date) AddYears(n int) Date { return d.AddMonths(12 * n) }

// Compare returns -1, 0 or +1.
func (d Date) Compare(o Date) int {
	switch {
	case d.Year() != o.Year():
		return cmpInt(d.Year(), o.Year())
	case d.Month() != o.Month():
		return cmpInt(int(d.Month()), int(o.Month()))
	default:
		return cmpInt(d.Day(), o.Day())
	}
}

// Before reports whether d is strictly before o.
func (d Date) Before(o Date) bool { return d.Compare(o) < 0 }

// After reports whether d is strictly after o.
func (d Date) After(o Date) bool { return d.Compare(o) > 0 }

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// DaysUntil returns the number of days from d to o (negative if o is earlier).
func (d Date) DaysUntil(o Date) int { return int(o.Time().Sub(d.Time()).Hours() / 24) }

// MaxDate returns the latest of the given dates, ignoring zero dates.
func MaxDate(ds ...Date) Date {
	var m Date
	for _, d := range ds {
		if !d.IsZero() && (m.IsZero() || d.After(m)) {
			m = d
		}
	}
	return m
}

// DMY returns the day, month and year, so that package i18n shows a date
// given as a message argument as dd/mm/yyyy (i18n.DateValue).
func (d Date) DMY() (int, time.Month, int) { return d.Day(), d.Month(), d.Year() }

// MarshalJSON writes "YYYY-MM-DD" or null.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON reads "YYYY-MM-DD", "" or null.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return &DateError{Value: string(b), Key: "validation.date.iso_syntax"}
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// BirthDate is a date of birth that may be known only to the year
// (Month and Day zero). Its text form is "1985" or "1985-03-02".
type BirthDate struct {
	Year  int
	Month time.Month
	Day   int
}

// ParseBirthDate parses "YYYY" or "YYYY-MM-DD"; "" gives the zero value.
func ParseBirthDate(s string) (BirthDate, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return BirthDate{}, nil
	}
	if len(s) == 4 {
		y, err := strconv.Atoi(s)
		if err != nil || y < 1 {
			return BirthDate{}, &DateError{Value: s, Key: "validation.birth_date.iso_syntax"}
		}
		return BirthDate{Year: y}, nil
	}
	d, err := ParseDate(s)
	var de *DateError
	if errors.As(err, &de) && de.Key == "validation.date.iso_syntax" {
		return BirthDate{}, &DateError{Value: s, Key: "validation.birth_date.iso_syntax"}
	}
	if err != nil {
		return BirthDate{}, err
	}
	return BirthDate{d.Year(), d.Month(), d.Day()}, nil
}

// IsZero reports whether the birth date is unknown.
func (b BirthDate) IsZero() bool { return b.Year == 0 }

// YearOnly reports whether only the year is known.
func (b BirthDate) YearOnly() bool { return b.Year != 0 && b.Month == 0 }

// Date returns the full date, or the zero Date when only the year is known.
func (b BirthDate) Date() Date {
	if b.YearOnly() || b.IsZero() {
		return Date{}
	}
	return D(b.Year, b.Month, b.Day)
}

// String returns "YYYY", "YYYY-MM-DD" or "".
func (b BirthDate) String() string {
	switch {
	case b.IsZero():
		return ""
	case b.YearOnly():
		return fmt.Sprintf("%04d", b.Year)
	}
	return D(b.Year, b.Month, b.Day).String()
}

// DMY returns the day, month and year (month and day zero when only the
// year is known), for package i18n: dd/mm/yyyy or the year alone.
func (b BirthDate) DMY() (int, time.Month, int) { return b.Day, b.Month, b.Year }

// MarshalJSON writes "YYYY", "YYYY-MM-DD" or null.
func (b BirthDate) MarshalJSON() ([]byte, error) {
	if b.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(b.String())
}

// UnmarshalJSON reads "YYYY", "YYYY-MM-DD", a bare number year, "" or null.
func (b *BirthDate) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		*b = BirthDate{}
		return nil
	}
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		var n int
		if err2 := json.Unmarshal(data, &n); err2 != nil {
			return &DateError{Value: string(data), Key: "validation.birth_date.iso_syntax"}
		}
		s = strconv.Itoa(n)
	}
	v, err := ParseBirthDate(s)
	if err != nil {
		return err
	}
	*b = v
	return nil
}
