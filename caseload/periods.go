package caseload

import (
	"fmt"
	"strconv"
	"time"
)

// PeriodKind is the length of a reporting period.
type PeriodKind string

// Period kinds.
const (
	PeriodMonth    PeriodKind = "month"
	PeriodQuarter  PeriodKind = "quarter"
	PeriodHalfYear PeriodKind = "half_year"
	PeriodYear     PeriodKind = "year"
)

// PeriodKinds lists the period kinds from shortest to longest.
var PeriodKinds = []PeriodKind{PeriodMonth, PeriodQuarter, PeriodHalfYear, PeriodYear}

// Period is a data period of the state reporting rule (NĐ 09/2019/NĐ-CP
// Art. 12): it runs from the 15th of one month to the 14th of a later one,
// both included. Index is the month 1–12, the quarter 1–4, or 1 for a
// half-year or a year.
type Period struct {
	Kind  PeriodKind
	Year  int
	Index int
	From  Date
	To    Date
}

// Contains reports whether d falls in the period.
func (p Period) Contains(d Date) bool { return !d.Before(p.From) && !d.After(p.To) }

// MonthPeriod returns the monthly period: the 15th of the previous month
// to the 14th of month (January 2026 = 15/12/2025–14/01/2026).
func MonthPeriod(year int, month time.Month) Period {
	end := D(year, month, 14)
	return Period{Kind: PeriodMonth, Year: year, Index: int(month),
		From: end.AddMonths(-1).AddDays(1), To: end}
}

// QuarterPeriod returns the quarterly period: the 15th of the month before
// the quarter to the 14th of its last month (Q1 2026 =
// 15/12/2025–14/03/2026).
func QuarterPeriod(year, q int) Period {
	first := time.Month(3*(q-1) + 1)
	return Period{Kind: PeriodQuarter, Year: year, Index: q,
		From: D(year, first, 15).AddMonths(-1), To: D(year, first+2, 14)}
}

// HalfYearPeriod returns the 6-month period: 15/12 of the previous year
// to 14/06.
func HalfYearPeriod(year int) Period {
	return Period{Kind: PeriodHalfYear, Year: year, Index: 1,
		From: D(year-1, 12, 15), To: D(year, 6, 14)}
}

// YearPeriod returns the annual period: 15/12 of the previous year to
// 14/12.
func YearPeriod(year int) Period {
	return Period{Kind: PeriodYear, Year: year, Index: 1,
		From: D(year-1, 12, 15), To: D(year, 12, 14)}
}

// PeriodFor returns the period of the given kind that contains d. Days
// from 15/12 on belong to the next reporting year. The 6-month period
// covers only 15/12–14/06: for a day from 15/06 to 14/12 PeriodFor returns
// that year's 6-month period, which then does not contain d (see
// Contains). An unknown kind is treated as "month".
func PeriodFor(kind PeriodKind, d Date) Period {
	year := d.Year()
	if d.Month() == time.December && d.Day() >= 15 {
		year++
	}
	switch kind {
	case PeriodQuarter:
		m := PeriodFor(PeriodMonth, d)
		return QuarterPeriod(m.Year, (m.Index-1)/3+1)
	case PeriodHalfYear:
		return HalfYearPeriod(year)
	case PeriodYear:
		return YearPeriod(year)
	}
	m := d.Month()
	y := d.Year()
	if d.Day() >= 15 {
		m++
		if m > time.December {
			m, y = time.January, y+1
		}
	}
	return MonthPeriod(y, m)
}

// QuarterOf returns the calendar quarter of d (15/12/2025 is in quarter
// 4 of 2025), the quarter used to label classifications and mentor
// reports. The reporting period of a quarter is QuarterPeriod.
func QuarterOf(d Date) (year, q int) {
	return d.Year(), (int(d.Month())-1)/3 + 1
}

// QuarterText is the quarter as people write it in reports, "3/2026"
// (read "quý 3/2026"); QuarterLabel is the machine form "2026-Q3".
func QuarterText(year, q int) string { return strconv.Itoa(q) + "/" + strconv.Itoa(year) }

// QuarterLabel returns the canonical label of a quarter, "2026-Q3".
func QuarterLabel(year, q int) string { return fmt.Sprintf("%04d-Q%d", year, q) }
