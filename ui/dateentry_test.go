package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

func TestDateEntryDayMonthYearWhateverTheRegion(t *testing.T) {
	t.Setenv("LANG", "en_US.UTF-8")
	t.Setenv("LC_ALL", "en_US.UTF-8")
	test.NewTempApp(t)
	i18n.SetLanguage("vi")
	cases := []struct {
		in       string
		yearOnly bool
		want     caseload.Date
		birth    caseload.BirthDate
		bad      bool
	}{
		{in: "25/12/2025", want: caseload.D(2025, 12, 25), birth: caseload.BirthDate{Year: 2025, Month: 12, Day: 25}},
		{in: "5/3/2026", want: caseload.D(2026, 3, 5), birth: caseload.BirthDate{Year: 2026, Month: 3, Day: 5}},
		{in: "", want: caseload.Date{}},
		{in: "31/02/2026", bad: true},
		{in: "12/25/2025", bad: true},
		{in: "1985", bad: true},
		{in: "1985", yearOnly: true, birth: caseload.BirthDate{Year: 1985}},
		{in: "hôm qua", bad: true, yearOnly: true},
	}
	for _, c := range cases {
		d := NewDateEntry()
		d.AllowYearOnly = c.yearOnly
		test.Type(d.Entry, c.in)
		if got := d.Err() != nil; got != c.bad {
			t.Errorf("%q: error = %v, want bad=%v", c.in, d.Err(), c.bad)
			continue
		}
		if c.bad {
			if msg := i18n.Error(d.Err()); msg == "" || strings.HasPrefix(msg, "format.") || strings.HasPrefix(msg, "ui.") {
				t.Errorf("%q: untranslated message %q", c.in, msg)
			}
			if d.Entry.Validate() == nil {
				t.Errorf("%q: the entry's validator accepts it", c.in)
			}
			continue
		}
		if got := d.Date(); got != c.want {
			t.Errorf("%q: Date() = %v, want %v", c.in, got, c.want)
		}
		if got := d.BirthDate(); got != c.birth {
			t.Errorf("%q: BirthDate() = %v, want %v", c.in, got, c.birth)
		}
	}
}

func TestDateEntrySetShowsDayMonthYear(t *testing.T) {
	test.NewTempApp(t)
	d := NewDateEntry()
	d.SetDate(caseload.D(2026, 3, 5))
	if d.Entry.Text != "05/03/2026" {
		t.Errorf("SetDate shows %q", d.Entry.Text)
	}
	d.SetDate(caseload.Date{})
	if d.Entry.Text != "" {
		t.Errorf("zero date shows %q", d.Entry.Text)
	}
	b := NewBirthDateEntry()
	b.SetBirthDate(caseload.BirthDate{Year: 1985})
	if b.Entry.Text != "1985" || b.BirthDate() != (caseload.BirthDate{Year: 1985}) {
		t.Errorf("year-only birth shows %q", b.Entry.Text)
	}
}

func TestDateEntryCalendarFillsField(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("")
	d := NewDateEntry()
	w.SetContent(d)
	d.SetDate(caseload.D(2025, 12, 1))
	test.Tap(d.Button)
	if d.popup == nil || !d.popup.Visible() {
		t.Fatal("the calendar did not open")
	}
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no calendar overlay")
	}
	// Picking a day goes through the same path as the calendar callback.
	d.SetDate(caseload.DateOf(time.Date(2025, 12, 24, 12, 0, 0, 0, time.Local)))
	if d.Entry.Text != "24/12/2025" {
		t.Errorf("picked date shows %q", d.Entry.Text)
	}
}
