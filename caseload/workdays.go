package caseload

import "time"

// Calendar answers working-day questions for deadlines such as "within 3
// working days of the notice" (TT 10/2024 Art. 8, 10, 11): Monday to
// Friday are working days unless the holiday table marks them "off", and a
// weekend day marked "work" is a working day.
//
// The zero-holiday calendar NewCalendar(nil) counts weekdays only.
type Calendar struct {
	off  map[Date]bool
	work map[Date]bool
}

// NewCalendar builds a calendar from a holiday table (for example
// BuiltinHolidays, or the user-edited table from the store).
func NewCalendar(hs []Holiday) *Calendar {
	c := &Calendar{off: map[Date]bool{}, work: map[Date]bool{}}
	for _, h := range hs {
		switch h.Kind {
		case HolidayWork:
			c.work[h.Date] = true
		default:
			c.off[h.Date] = true
		}
	}
	return c
}

// IsWorkingDay reports whether d is a working day.
func (c *Calendar) IsWorkingDay(d Date) bool {
	if c != nil && c.work[d] {
		return true
	}
	if w := d.Weekday(); w == time.Saturday || w == time.Sunday {
		return false
	}
	return c == nil || !c.off[d]
}

// AddWorkingDays returns the n-th working day after d, which is the last
// day of a deadline "within n working days of d" (d itself is not
// counted). n = 0 returns d; a negative n counts backwards.
//
//	cal := NewCalendar(BuiltinHolidays())
//	cal.AddWorkingDays(D(2025, 1, 24), 3) // 05/02/2025, after Tết
func (c *Calendar) AddWorkingDays(d Date, n int) Date {
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for n > 0 {
		d = d.AddDays(step)
		if c.IsWorkingDay(d) {
			n--
		}
	}
	return d
}

// WorkingDaysBetween counts the working days after from up to and
// including to, so that c.WorkingDaysBetween(d, c.AddWorkingDays(d, n)) == n.
// It is negative when to is before from.
func (c *Calendar) WorkingDaysBetween(from, to Date) int {
	if to.Before(from) {
		return -c.WorkingDaysBetween(to, from)
	}
	n := 0
	for d := from.AddDays(1); !d.After(to); d = d.AddDays(1) {
		if c.IsWorkingDay(d) {
			n++
		}
	}
	return n
}
