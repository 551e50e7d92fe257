package caseload

import (
	"fmt"
	"testing"
)

func TestCalendarAddWorkingDays(t *testing.T) {
	cal := NewCalendar(BuiltinHolidays())
	tests := []struct {
		name string
		from string
		n    int
		want string
	}{
		{"Tết 2025: Friday before, 1 WD", "2025-01-24", 1, "2025-02-03"},
		{"Tết 2025: Friday before, 3 WD (TT 10 Art. 8)", "2025-01-24", 3, "2025-02-05"},
		{"Tết 2025: notice during Tết", "2025-01-29", 5, "2025-02-07"},
		{"Tết 2026: Friday before, 1 WD", "2026-02-13", 1, "2026-02-23"},
		{"Tết 2026: Thursday before, 5 WD (TT 10 Art. 11)", "2026-02-12", 5, "2026-02-26"},
		{"30/4–1/5 2025 with bridge 2/5", "2025-04-29", 1, "2025-05-05"},
		{"make-up Saturday 26/4/2025 is a working day", "2025-04-25", 1, "2025-04-26"},
		{"30/4–1/5 2026 after Giỗ Tổ compensation", "2026-04-24", 1, "2026-04-28"},
		{"30/4–1/5 2026", "2026-04-29", 1, "2026-05-04"},
		{"2/9/2025 Monday and Tuesday", "2025-08-29", 1, "2025-09-03"},
		{"2/9/2023 Saturday, compensated Monday", "2023-08-31", 1, "2023-09-05"},
		{"2/9/2024 Monday and Tuesday", "2024-08-30", 3, "2024-09-06"},
		{"year end 2024 -> 2/1/2025", "2024-12-31", 1, "2025-01-02"},
		{"year end 2025 -> 5/1/2026 (1/1 and bridge 2/1)", "2025-12-31", 1, "2026-01-05"},
		{"make-up Saturday 10/1/2026", "2026-01-09", 1, "2026-01-10"},
		{"zero days", "2025-01-27", 0, "2025-01-27"},
		{"backwards over Tết 2025", "2025-02-03", -1, "2025-01-24"},
	}
	for _, tt := range tests {
		from, want := MustDate(tt.from), MustDate(tt.want)
		got := cal.AddWorkingDays(from, tt.n)
		if got != want {
			t.Errorf("%s: AddWorkingDays(%s, %d) = %s, want %s", tt.name, tt.from, tt.n, got, want)
			continue
		}
		if tt.n > 0 {
			if n := cal.WorkingDaysBetween(from, got); n != tt.n {
				t.Errorf("%s: WorkingDaysBetween(%s, %s) = %d, want %d", tt.name, tt.from, got, n, tt.n)
			}
			if !cal.IsWorkingDay(got) {
				t.Errorf("%s: deadline %s is not a working day", tt.name, got)
			}
		}
	}
}

func TestCalendarIsWorkingDay(t *testing.T) {
	cal := NewCalendar(BuiltinHolidays())
	tests := []struct {
		day  string
		want bool
	}{
		{"2025-01-28", false}, // 29 Tết, weekday off
		{"2025-01-25", false}, // Saturday
		{"2025-02-03", true},  // Monday after Tết
		{"2025-04-26", true},  // Saturday worked for 2/5
		{"2025-09-02", false}, // Quốc khánh
		{"2026-02-20", false}, // last weekday of Tết 2026
		{"2026-02-23", true},
	}
	for _, tt := range tests {
		if got := cal.IsWorkingDay(MustDate(tt.day)); got != tt.want {
			t.Errorf("IsWorkingDay(%s) = %v, want %v", tt.day, got, tt.want)
		}
	}
}

func TestCalendarWeekdaysOnly(t *testing.T) {
	cal := NewCalendar(nil)
	if got := cal.AddWorkingDays(D(2025, 1, 24), 1); got != D(2025, 1, 27) {
		t.Errorf("weekdays-only calendar: Friday + 1 WD = %s, want Monday 2025-01-27", got)
	}
	if !cal.IsWorkingDay(D(2025, 1, 29)) {
		t.Error("weekdays-only calendar treats Tết as a holiday")
	}
	var none *Calendar
	if !none.IsWorkingDay(D(2025, 1, 29)) || none.IsWorkingDay(D(2025, 1, 25)) {
		t.Error("nil calendar should count weekdays only")
	}
}

func TestCalendarWorkingDaysBetween(t *testing.T) {
	cal := NewCalendar(BuiltinHolidays())
	tests := []struct {
		from, to string
		want     int
	}{
		{"2025-01-24", "2025-02-07", 5},  // Tết week is not counted
		{"2025-01-01", "2025-01-31", 17}, // 22 weekdays after 1/1, minus Tết 27–31/1
		{"2025-02-07", "2025-01-24", -5},
		{"2025-03-03", "2025-03-03", 0},
	}
	for _, tt := range tests {
		if got := cal.WorkingDaysBetween(MustDate(tt.from), MustDate(tt.to)); got != tt.want {
			t.Errorf("WorkingDaysBetween(%s, %s) = %d, want %d", tt.from, tt.to, got, tt.want)
		}
	}
}

func ExampleCalendar_AddWorkingDays() {
	cal := NewCalendar(BuiltinHolidays())
	// A prison notice received on Friday 24/01/2025, just before Tết: the
	// address must be checked within 3 working days (TT 10/2024 Art. 8).
	fmt.Println(cal.AddWorkingDays(D(2025, 1, 24), 3))
	// Output: 2025-02-05
}
