package caseload

import (
	"testing"
	"time"
)

// TestLunarToSolarTet checks Tết (1/1 lunar) against the published
// Vietnamese calendar. 2007 and 2030 are years where Vietnam (UTC+7) and
// China (UTC+8) differ: the new moon of 2 February 2030 falls at about
// 23:07 in Hà Nội and 00:07 in Beijing, so Vietnamese Tết is 02/02/2030
// (Chinese New Year 03/02/2030); see Hồ Ngọc Đức, "calrules".
func TestLunarToSolarTet(t *testing.T) {
	for _, want := range []string{"2007-02-17", "2020-01-25", "2021-02-12", "2022-02-01", "2023-01-22",
		"2024-02-10", "2025-01-29", "2026-02-17", "2027-02-06", "2030-02-02", "2035-02-08", "2053-02-18"} {
		w := MustDate(want)
		if got := LunarToSolar(w.Year(), 1, 1, false); got != w {
			t.Errorf("Tết %d = %s, want %s", w.Year(), got, w)
		}
	}
}

func TestLunarToSolarOtherDays(t *testing.T) {
	tests := []struct {
		name             string
		year, month, day int
		leap             bool
		want             string
	}{
		{"Giỗ Tổ 2020", 2020, 3, 10, false, "2020-04-02"},
		{"Giỗ Tổ 2022", 2022, 3, 10, false, "2022-04-10"},
		{"Giỗ Tổ 2023", 2023, 3, 10, false, "2023-04-29"},
		{"Giỗ Tổ 2024", 2024, 3, 10, false, "2024-04-18"},
		{"Giỗ Tổ 2025", 2025, 3, 10, false, "2025-04-07"},
		{"Giỗ Tổ 2026", 2026, 3, 10, false, "2026-04-26"},
		{"leap 4th month 2020", 2020, 4, 1, true, "2020-05-23"},
		{"leap 2nd month 2023", 2023, 2, 1, true, "2023-03-22"},
		{"leap 6th month 2025", 2025, 6, 1, true, "2025-07-25"},
		{"no leap 3rd month in 2025", 2025, 3, 1, true, ""},
		{"no leap month at all in 2024", 2024, 5, 1, true, ""},
	}
	for _, tt := range tests {
		if got := LunarToSolar(tt.year, tt.month, tt.day, tt.leap); got.String() != tt.want {
			t.Errorf("%s: LunarToSolar(%d, %d, %d, %v) = %q, want %q",
				tt.name, tt.year, tt.month, tt.day, tt.leap, got, tt.want)
		}
	}
}

func TestBuiltinHolidaysShape(t *testing.T) {
	hs := BuiltinHolidays()
	seen := map[Date]bool{}
	weekdaysOff := map[int]int{}
	for i, h := range hs {
		if i > 0 && h.Date.Before(hs[i-1].Date) {
			t.Errorf("not sorted at %s", h.Date)
		}
		if h.Date.Year() < BuiltinHolidaysFrom || h.Date.Year() > BuiltinHolidaysTo {
			t.Errorf("%s outside %d–%d", h.Date, BuiltinHolidaysFrom, BuiltinHolidaysTo)
		}
		if seen[h.Date] {
			t.Errorf("%s listed twice", h.Date)
		}
		seen[h.Date] = true
		switch h.Kind {
		case HolidayOff:
			if !isWeekend(h.Date) && h.Name != HolidayBridge {
				weekdaysOff[h.Date.Year()]++
			}
		case HolidayWork:
			if !isWeekend(h.Date) {
				t.Errorf("make-up day %s is not a weekend day", h.Date)
			}
		default:
			t.Errorf("%s: unknown kind %q", h.Date, h.Kind)
		}
	}
	for y := BuiltinHolidaysFrom; y <= BuiltinHolidaysTo; y++ {
		for _, d := range []Date{D(y, 1, 1), D(y, 4, 30), D(y, 5, 1), D(y, 9, 2), LunarToSolar(y, 1, 1, false)} {
			if !seen[d] {
				t.Errorf("%d: %s missing", y, d)
			}
		}
		// Labour Code 2019 Art. 112: 11 days off a year (2012 code: 10),
		// compensated when they fall on a weekend.
		want := 11
		if y == 2020 {
			want = 10
		}
		if weekdaysOff[y] != want {
			t.Errorf("%d: %d weekdays off, want %d (Labour Code Art. 112)", y, weekdaysOff[y], want)
		}
	}
}

func TestBuiltinHolidaysKnownYears(t *testing.T) {
	hs := BuiltinHolidays()
	kind := map[Date]string{}
	for _, h := range hs {
		kind[h.Date] = h.Kind
	}
	tests := []struct {
		day  string
		want string // "off", "work" or "" (ordinary day)
		why  string
	}{
		{"2025-01-27", "off", "Tết 2025 starts Monday 27/01"},
		{"2025-01-31", "off", "Tết 2025 ends Friday 31/01"},
		{"2025-02-03", "", "back to work after Tết 2025"},
		{"2026-02-16", "off", "Tết 2026 starts Monday 16/02"},
		{"2026-02-20", "off", "Tết 2026 ends Friday 20/02"},
		{"2026-01-02", "off", "bridge day after 1/1/2026"},
		{"2026-01-10", "work", "Saturday worked for 2/1/2026"},
		{"2025-05-02", "off", "bridge day 2/5/2025"},
		{"2025-04-26", "work", "Saturday worked for 2/5/2025"},
		{"2024-04-29", "off", "bridge day 29/4/2024"},
		{"2024-05-04", "work", "Saturday worked for 29/4/2024"},
		{"2026-04-27", "off", "Giỗ Tổ 2026 is a Sunday, compensated Monday"},
		{"2023-05-02", "off", "Giỗ Tổ 2023 on Saturday, compensated"},
		{"2023-05-03", "off", "30/4/2023 on Sunday, compensated"},
		{"2023-09-01", "off", "2/9/2023 Saturday: extra day Friday 1/9"},
		{"2023-09-04", "off", "2/9/2023 Saturday: compensated Monday 4/9"},
		{"2024-09-03", "off", "2/9/2024 Monday: extra day Tuesday 3/9"},
		{"2025-09-01", "off", "2/9/2025 Tuesday: extra day Monday 1/9"},
		{"2022-01-03", "off", "1/1/2022 Saturday, compensated Monday"},
		{"2020-09-03", "", "2020: only one National Day holiday (Labour Code 2012)"},
		{"2027-02-05", "off", "computed Tết 2027 eve"},
		{"2027-02-09", "off", "computed Tết 2027 4th day"},
		{"2027-02-10", "off", "Tết 2027 Saturday (mùng 1) compensated"},
		{"2027-02-11", "off", "Tết 2027 Sunday (mùng 2) compensated"},
		{"2027-02-12", "", "back to work after Tết 2027"},
	}
	for _, tt := range tests {
		if got := kind[MustDate(tt.day)]; got != tt.want {
			t.Errorf("%s (%s): kind %q, want %q", tt.day, tt.why, got, tt.want)
		}
	}
}

func TestNationalDayBridge(t *testing.T) {
	for y := 2021; y <= 2035; y++ {
		b := nationalDayBridge(y)
		if b != D(y, 9, 1) && b != D(y, 9, 3) {
			t.Fatalf("%d: bridge %s is not 1/9 or 3/9", y, b)
		}
		if isWeekend(b) {
			t.Errorf("%d: bridge %s (%s) is a weekend day", y, b, b.Weekday())
		}
		if D(y, 9, 2).Weekday() == time.Saturday && b != D(y, 9, 1) {
			t.Errorf("%d: 2/9 on Saturday needs Friday 1/9", y)
		}
	}
}
