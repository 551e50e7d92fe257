package caseload

import (
	"fmt"
	"testing"
	"time"
)

func TestPeriods(t *testing.T) {
	tests := []struct {
		name     string
		got      Period
		from, to string
		kind     PeriodKind
		year, ix int
	}{
		{"January (NĐ 09/2019 Art. 12)", MonthPeriod(2026, time.January), "2025-12-15", "2026-01-14", PeriodMonth, 2026, 1},
		{"March", MonthPeriod(2026, time.March), "2026-02-15", "2026-03-14", PeriodMonth, 2026, 3},
		{"December", MonthPeriod(2025, time.December), "2025-11-15", "2025-12-14", PeriodMonth, 2025, 12},
		{"quarter 1", QuarterPeriod(2026, 1), "2025-12-15", "2026-03-14", PeriodQuarter, 2026, 1},
		{"quarter 3", QuarterPeriod(2026, 3), "2026-06-15", "2026-09-14", PeriodQuarter, 2026, 3},
		{"quarter 4", QuarterPeriod(2026, 4), "2026-09-15", "2026-12-14", PeriodQuarter, 2026, 4},
		{"6 months", HalfYearPeriod(2026), "2025-12-15", "2026-06-14", PeriodHalfYear, 2026, 1},
		{"year", YearPeriod(2026), "2025-12-15", "2026-12-14", PeriodYear, 2026, 1},
	}
	for _, tt := range tests {
		p := tt.got
		if p.From != MustDate(tt.from) || p.To != MustDate(tt.to) || p.Kind != tt.kind || p.Year != tt.year || p.Index != tt.ix {
			t.Errorf("%s: got %+v, want %s %d/%d %s..%s", tt.name, p, tt.kind, tt.ix, tt.year, tt.from, tt.to)
		}
	}
}

func TestPeriodFor(t *testing.T) {
	tests := []struct {
		kind     PeriodKind
		day      string
		year, ix int
	}{
		{PeriodMonth, "2025-12-15", 2026, 1},
		{PeriodMonth, "2025-12-14", 2025, 12},
		{PeriodMonth, "2026-01-14", 2026, 1},
		{PeriodMonth, "2026-01-15", 2026, 2},
		{PeriodQuarter, "2025-12-15", 2026, 1},
		{PeriodQuarter, "2026-03-14", 2026, 1},
		{PeriodQuarter, "2026-03-15", 2026, 2},
		{PeriodQuarter, "2026-12-14", 2026, 4},
		{PeriodHalfYear, "2025-12-20", 2026, 1},
		{PeriodYear, "2025-12-15", 2026, 1},
		{PeriodYear, "2025-12-14", 2025, 1},
	}
	for _, tt := range tests {
		d := MustDate(tt.day)
		p := PeriodFor(tt.kind, d)
		if p.Kind != tt.kind || p.Year != tt.year || p.Index != tt.ix {
			t.Errorf("PeriodFor(%s, %s) = %s %d/%d, want %d/%d", tt.kind, tt.day, p.Kind, p.Index, p.Year, tt.ix, tt.year)
		}
		if !p.Contains(d) {
			t.Errorf("PeriodFor(%s, %s) = %s..%s does not contain the day", tt.kind, tt.day, p.From, p.To)
		}
	}
	// Every day of two years is in exactly the month and quarter returned.
	for d := D(2025, 1, 1); d.Year() < 2027; d = d.AddDays(1) {
		for _, k := range []PeriodKind{PeriodMonth, PeriodQuarter, PeriodYear} {
			if p := PeriodFor(k, d); !p.Contains(d) {
				t.Fatalf("PeriodFor(%s, %s) = %s..%s", k, d, p.From, p.To)
			}
		}
	}
}

func TestQuarterOfAndLabel(t *testing.T) {
	tests := []struct {
		day     string
		year, q int
		label   string
	}{
		{"2026-01-01", 2026, 1, "2026-Q1"},
		{"2026-07-01", 2026, 3, "2026-Q3"},
		{"2026-09-30", 2026, 3, "2026-Q3"},
		{"2025-12-15", 2025, 4, "2025-Q4"},
	}
	for _, tt := range tests {
		y, q := QuarterOf(MustDate(tt.day))
		if y != tt.year || q != tt.q || QuarterLabel(y, q) != tt.label {
			t.Errorf("QuarterOf(%s) = %d, %d (%s), want %s", tt.day, y, q, QuarterLabel(y, q), tt.label)
		}
	}
}

func ExampleMonthPeriod() {
	p := MonthPeriod(2026, time.January)
	fmt.Println(p.From, p.To)
	y, q := QuarterOf(D(2026, 8, 20))
	fmt.Println(QuarterLabel(y, q), QuarterPeriod(y, q).From)
	// Output:
	// 2025-12-15 2026-01-14
	// 2026-Q3 2026-06-15
}

func TestQuarterText(t *testing.T) {
	for _, c := range []struct {
		y, q int
		want string
	}{{2026, 3, "3/2026"}, {2025, 4, "4/2025"}, {2027, 1, "1/2027"}} {
		if got := QuarterText(c.y, c.q); got != c.want {
			t.Errorf("QuarterText(%d, %d) = %q, want %q", c.y, c.q, got, c.want)
		}
	}
}
