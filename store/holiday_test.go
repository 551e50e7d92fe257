package store

import (
	"context"
	"errors"
	"testing"

	"hoanhap/caseload"
)

func TestHolidaysSeeded(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	got, err := s.Holidays(ctx)
	if err != nil {
		t.Fatal(err)
	}
	builtin := caseload.BuiltinHolidays()
	dates := map[caseload.Date]caseload.Holiday{}
	for _, h := range builtin {
		dates[h.Date] = h
	}
	if len(got) != len(dates) || len(got) < 100 {
		t.Fatalf("seeded %d holidays, built-in table has %d dates", len(got), len(dates))
	}
	for i, h := range got {
		if i > 0 && !got[i-1].Date.Before(h.Date) {
			t.Errorf("not in date order at %s", h.Date)
		}
		if b := dates[h.Date]; b.Kind != h.Kind {
			t.Errorf("%s kind %q, built-in %q", h.Date, h.Kind, b.Kind)
		}
	}
	if _, ok := dates[caseload.D(2026, 1, 1)]; !ok {
		t.Errorf("1/1/2026 missing")
	}
	// Reopening does not seed again (no second seed audit row).
	path := s.Path()
	s.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if n := countRows(t, s2, `SELECT count(*) FROM audit WHERE tbl = 'holiday'`); n != 1 {
		t.Errorf("seed audit rows = %d, want 1", n)
	}
}

func TestHolidayEdits(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	newYear := caseload.D(2027, 1, 1)
	extra := caseload.D(2027, 7, 27)
	if err := s.DeleteHoliday(ctx, newYear); err != nil {
		t.Fatal(err)
	}
	if err := s.SetHoliday(ctx, caseload.Holiday{Date: extra, Name: "  Ngày nghỉ của phường "}); err != nil {
		t.Fatal(err)
	}
	cal, err := s.Calendar(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !cal.IsWorkingDay(newYear) {
		t.Errorf("deleted holiday 1/1/2027 still a day off")
	}
	if cal.IsWorkingDay(extra) {
		t.Errorf("added holiday 27/7/2027 is a working day")
	}
	hs, _ := s.Holidays(ctx)
	var found bool
	for _, h := range hs {
		if h.Date == extra {
			found = h.Name == "Ngày nghỉ của phường" && h.Kind == caseload.HolidayOff
		}
		if h.Date == newYear {
			t.Errorf("deleted holiday listed")
		}
	}
	if !found {
		t.Errorf("added holiday not listed as off with trimmed name")
	}

	// A newer built-in table must not bring back what the user deleted.
	if err := s.SetSetting(ctx, settingHolidaySeed, "old"); err != nil {
		t.Fatal(err)
	}
	if err := s.seedHolidays(ctx); err != nil {
		t.Fatal(err)
	}
	if cal, _ := s.Calendar(ctx); !cal.IsWorkingDay(newYear) || cal.IsWorkingDay(extra) {
		t.Errorf("re-seeding undid user edits")
	}

	if err := s.DeleteHoliday(ctx, caseload.D(2027, 3, 3)); !errors.Is(err, ErrNotFound) {
		t.Errorf("delete of a normal day: %v", err)
	}
	var v *caseload.ValidationError
	if err := s.SetHoliday(ctx, caseload.Holiday{Name: "x"}); !errors.As(err, &v) {
		t.Errorf("holiday without date: %v", err)
	}
	if err := s.SetHoliday(ctx, caseload.Holiday{Date: extra, Kind: "maybe"}); !errors.As(err, &v) {
		t.Errorf("bad kind: %v", err)
	}
	audit, _ := s.Audit(ctx, "holiday", extra.String())
	if len(audit) != 1 || audit[0].Action != "insert" {
		t.Errorf("holiday audit = %+v", audit)
	}
}
