package ui

import (
	"errors"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// DateEntry is a date field typed as dd/mm/yyyy whatever the operating
// system's region (widget.DateEntry follows the region and would read
// 25/12/2025 as month 25 on a US-English Windows), with a button that opens
// a calendar. With AllowYearOnly a bare year ("1985") is accepted, for
// birth dates.
type DateEntry struct {
	widget.BaseWidget

	Entry  *keyEntry
	Button *calendarButton
	// AllowYearOnly accepts "yyyy" alone (birth dates).
	AllowYearOnly bool
	// OnChanged is called after every edit.
	OnChanged func()
	// Check, when set, is the rest of the field's check once the text
	// reads as a date (not in the future, after the birth date…): the
	// mark beside the field then agrees with what a save would say.
	Check func() error

	popup *widget.PopUp
}

// NewDateEntry returns an empty full-date entry.
func NewDateEntry() *DateEntry {
	d := &DateEntry{Entry: newKeyEntry()}
	d.Entry.PlaceHolder = i18n.T("ui.date.placeholder")
	d.Entry.Validator = func(string) error {
		err := d.Err()
		if err == nil && d.Check != nil {
			err = d.Check()
		}
		if err != nil {
			return errors.New(i18n.Error(err))
		}
		return nil
	}
	d.Entry.OnChanged = func(string) {
		if d.OnChanged != nil {
			d.OnChanged()
		}
	}
	d.Button = newCalendarButton(d.openCalendar)
	d.ExtendBaseWidget(d)
	return d
}

// NewBirthDateEntry returns an entry that also accepts a year alone.
func NewBirthDateEntry() *DateEntry {
	d := NewDateEntry()
	d.AllowYearOnly = true
	d.Entry.PlaceHolder = i18n.T("ui.date.placeholder_birth")
	return d
}

// CreateRenderer lays the entry out with the calendar button at its end.
func (d *DateEntry) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, d.Button, d.Entry))
}

// dateInputError is a date that cannot be read; it is translatable.
type dateInputError struct{ key string }

func (e dateInputError) Error() string               { return e.key }
func (e dateInputError) MessageKey() string          { return e.key }
func (e dateInputError) MessageArgs() map[string]any { return nil }

// parse reads the text; all zero when it is empty.
func (d *DateEntry) parse() (y int, m time.Month, day int, err error) {
	s := nfc(d.Entry.Text)
	if s == "" {
		return 0, 0, 0, nil
	}
	y, m, day, err = i18n.ParseDMY(s)
	if err != nil {
		return 0, 0, 0, err
	}
	if m == 0 && !d.AllowYearOnly {
		return 0, 0, 0, dateInputError{"ui.date.need_full"}
	}
	return y, m, day, nil
}

// Err returns why the text is not a valid date (translatable with
// i18n.Error), or nil when it is valid or empty.
func (d *DateEntry) Err() error {
	_, _, _, err := d.parse()
	return err
}

// Date returns the typed date; zero when empty, invalid or year-only.
func (d *DateEntry) Date() caseload.Date {
	y, m, day, err := d.parse()
	if err != nil || m == 0 {
		return caseload.Date{}
	}
	return caseload.D(y, m, day)
}

// SetDate shows date as dd/mm/yyyy (empty for the zero date).
func (d *DateEntry) SetDate(date caseload.Date) {
	if date.IsZero() {
		d.Entry.SetText("")
		return
	}
	d.Entry.SetText(i18n.FormatDMY(date.Year(), date.Month(), date.Day()))
}

// BirthDate returns the typed birth date, which may be year-only; zero
// when empty or invalid.
func (d *DateEntry) BirthDate() caseload.BirthDate {
	y, m, day, err := d.parse()
	if err != nil {
		return caseload.BirthDate{}
	}
	return caseload.BirthDate{Year: y, Month: m, Day: day}
}

// SetBirthDate shows b as dd/mm/yyyy or yyyy.
func (d *DateEntry) SetBirthDate(b caseload.BirthDate) {
	switch {
	case b.IsZero():
		d.Entry.SetText("")
	case b.YearOnly():
		d.Entry.SetText(strconv.Itoa(b.Year))
	default:
		d.Entry.SetText(i18n.FormatDMY(b.Year, b.Month, b.Day))
	}
}

// SetReadOnly disables typing and the calendar.
func (d *DateEntry) SetReadOnly(ro bool) {
	if ro {
		d.Entry.Disable()
		d.Button.Disable()
	} else {
		d.Entry.Enable()
		d.Button.Enable()
	}
}

// openCalendar shows a calendar below the field, starting at the typed
// date (or today); picking a day fills the field.
func (d *DateEntry) openCalendar() {
	c := canvasOf(d)
	if c == nil {
		return
	}
	start := time.Now()
	if date := d.Date(); !date.IsZero() {
		start = time.Date(date.Year(), date.Month(), date.Day(), 12, 0, 0, 0, time.Local)
	}
	cal := widget.NewCalendar(start, func(t time.Time) {
		d.SetDate(caseload.DateOf(t))
		if d.popup != nil {
			d.popup.Hide()
		}
	})
	d.popup = widget.NewPopUp(cal, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(d)
	d.popup.ShowAtPosition(pos.Add(fyne.NewPos(0, d.Size().Height)))
}

// showDate formats d as dd/mm/yyyy, or "" for the zero date.
func showDate(d caseload.Date) string {
	if d.IsZero() {
		return ""
	}
	return i18n.FormatDMY(d.Year(), d.Month(), d.Day())
}

// showBirth formats a birth date as dd/mm/yyyy or yyyy, or "".
func showBirth(b caseload.BirthDate) string {
	switch {
	case b.IsZero():
		return ""
	case b.YearOnly():
		return strconv.Itoa(b.Year)
	}
	return i18n.FormatDMY(b.Year, b.Month, b.Day)
}
