package report

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"time"

	"hoanhap/caseload"
)

// Kind is the kind of a report period, as the CLI and the JSON name it.
type Kind string

// Report kinds: the monthly statistics (HCD-12), the quarterly, 6-month
// and annual reports (HCD-13) and any custom range.
const (
	Month   Kind = "month"
	Quarter Kind = "quarter"
	Half    Kind = "half"
	Year    Kind = "year"
	Custom  Kind = "custom"
)

// Kinds lists the kinds in the order the report screen offers them.
var Kinds = []Kind{Month, Quarter, Half, Year, Custom}

// SettingCutoffDay is the setting that holds the first day of a monthly
// data period. NĐ 09/2019/NĐ-CP Art. 12 makes it the 15th: the month of
// June runs from 15/05 to 14/06. Value 1 gives calendar months. The law is
// moving (Law 127/2025/QH15), so it is a setting, not code.
const SettingCutoffDay = "report.cutoff_day"

// DefaultCutoffDay is the cut-off day of NĐ 09/2019 Art. 12.
const DefaultCutoffDay = 15

// Period is a data period: both ends are included.
type Period struct {
	Kind  Kind          `json:"kind"`
	Label string        `json:"-"` // "2026-06", "2026-Q2", "2026-H1", "2026" or "" for custom
	From  caseload.Date `json:"from"`
	To    caseload.Date `json:"to"`
}

// Errors of period parsing; the CLI and the UI show them translated.
var (
	ErrBadPeriod = errors.New("report: bad period")
	ErrBadRange  = errors.New("report: bad range")
)

// PeriodError is a refused period, with the message key that explains it.
type PeriodError struct {
	Key   string
	Value string
	err   error
}

func (e *PeriodError) Error() string { return fmt.Sprintf("%v: %q", e.err, e.Value) }

// Unwrap returns ErrBadPeriod or ErrBadRange.
func (e *PeriodError) Unwrap() error { return e.err }

// MessageKey is the translation key of the message.
func (e *PeriodError) MessageKey() string { return e.Key }

// MessageArgs are the template arguments of the message.
func (e *PeriodError) MessageArgs() map[string]any { return map[string]any{"Value": e.Value} }

// monthEnd returns the last day of the data month m of year y for cut-off
// day c: the day before the cut-off of the following month (14/06 for
// June with c = 15), or the calendar month end when c is 1.
func monthEnd(y int, m time.Month, c int) caseload.Date {
	if c <= 1 {
		return caseload.DateOf(time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC))
	}
	return caseload.D(y, m, c-1)
}

// span returns the data period that runs over the months first..last of
// year y (first may be in the previous year when given as 0 or less).
func span(y int, first, last time.Month, c int) (caseload.Date, caseload.Date) {
	prev := caseload.DateOf(time.Date(y, first-1, 1, 0, 0, 0, 0, time.UTC))
	return monthEnd(prev.Year(), prev.Month(), c).AddDays(1), monthEnd(y, last, c)
}

// MonthOf returns the monthly period (HCD-12) of month m of year y.
func MonthOf(y int, m time.Month, cutoff int) Period {
	from, to := span(y, m, m, cutoff)
	return Period{Kind: Month, Label: fmt.Sprintf("%04d-%02d", y, m), From: from, To: to}
}

// QuarterOf returns the quarterly period of quarter q (1–4) of year y:
// from the cut-off in the month before the quarter to the day before the
// cut-off in its last month.
func QuarterOf(y, q, cutoff int) Period {
	first := time.Month(3*(q-1) + 1)
	from, to := span(y, first, first+2, cutoff)
	return Period{Kind: Quarter, Label: fmt.Sprintf("%04d-Q%d", y, q), From: from, To: to}
}

// HalfOf returns the 6-month period of year y (15/12 of the previous
// year to 14/06 with the default cut-off).
func HalfOf(y, cutoff int) Period {
	from, to := span(y, time.January, time.June, cutoff)
	return Period{Kind: Half, Label: fmt.Sprintf("%04d-H1", y), From: from, To: to}
}

// YearOf returns the annual period of year y (15/12 of the previous year
// to 14/12 with the default cut-off).
func YearOf(y, cutoff int) Period {
	from, to := span(y, time.January, time.December, cutoff)
	return Period{Kind: Year, Label: fmt.Sprintf("%04d", y), From: from, To: to}
}

// CustomRange returns the custom period from–to; to must not be before
// from.
func CustomRange(from, to caseload.Date) (Period, error) {
	if from.IsZero() || to.IsZero() || to.Before(from) {
		return Period{}, &PeriodError{Key: "report.error.range", Value: from.String() + " – " + to.String(), err: ErrBadRange}
	}
	return Period{Kind: Custom, From: from, To: to}, nil
}

var (
	reMonth   = regexp.MustCompile(`^(\d{4})-(\d{1,2})$`)
	reQuarter = regexp.MustCompile(`^(\d{4})-[Qq]([1-4])$`)
	reHalf    = regexp.MustCompile(`^(\d{4})-[Hh]1$`)
	reYear    = regexp.MustCompile(`^(\d{4})$`)
)

// ParsePeriod reads a preset period label of the given kind: "2026-06"
// (month), "2026-Q2" (quarter), "2026-H1" (6 months) or "2026" (year).
func ParsePeriod(kind Kind, label string, cutoff int) (Period, error) {
	bad := &PeriodError{Key: "report.error.period." + string(kind), Value: label, err: ErrBadPeriod}
	var m []string
	switch kind {
	case Month:
		m = reMonth.FindStringSubmatch(label)
	case Quarter:
		m = reQuarter.FindStringSubmatch(label)
	case Half:
		m = reHalf.FindStringSubmatch(label)
	case Year:
		m = reYear.FindStringSubmatch(label)
	default:
		return Period{}, &PeriodError{Key: "report.error.kind", Value: string(kind), err: ErrBadPeriod}
	}
	if m == nil {
		return Period{}, bad
	}
	y, _ := strconv.Atoi(m[1])
	if y < 1990 || y > 2100 {
		return Period{}, bad
	}
	switch kind {
	case Month:
		mo, _ := strconv.Atoi(m[2])
		if mo < 1 || mo > 12 {
			return Period{}, bad
		}
		return MonthOf(y, time.Month(mo), cutoff), nil
	case Quarter:
		q, _ := strconv.Atoi(m[2])
		return QuarterOf(y, q, cutoff), nil
	case Half:
		return HalfOf(y, cutoff), nil
	}
	return YearOf(y, cutoff), nil
}

// Current returns the period of the given kind that holds day d: the data
// month whose cut-off has not yet passed, and so on. For Half it returns
// the year's 6-month period; for Custom, the calendar year to d.
func Current(kind Kind, d caseload.Date, cutoff int) Period {
	// The data month holding d: the month whose end is on or after d.
	y, m := d.Year(), d.Month()
	if d.After(monthEnd(y, m, cutoff)) {
		m++
		if m > time.December {
			m, y = time.January, y+1
		}
	}
	switch kind {
	case Quarter:
		return QuarterOf(y, (int(m)-1)/3+1, cutoff)
	case Half:
		return HalfOf(y, cutoff)
	case Year:
		return YearOf(y, cutoff)
	case Custom:
		p, _ := CustomRange(caseload.D(d.Year(), time.January, 1), d)
		return p
	}
	return MonthOf(y, m, cutoff)
}

// CutoffDay reads the cut-off day setting (1–28); an unset or bad value
// gives DefaultCutoffDay.
func CutoffDay(ctx context.Context, setting func(ctx context.Context, key string) (string, error)) int {
	v, err := setting(ctx, SettingCutoffDay)
	if err != nil || v == "" {
		return DefaultCutoffDay
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 28 {
		return DefaultCutoffDay
	}
	return n
}
