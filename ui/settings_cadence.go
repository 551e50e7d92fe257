package ui

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// cadenceSource reads and writes the visit cadence; *store.Store
// satisfies it.
type cadenceSource interface {
	VisitCadence(ctx context.Context) (map[caseload.Group]int, error)
	SetVisitCadence(ctx context.Context, m map[caseload.Group]int) error
}

// Bounds of a visit interval typed in the settings, in days.
const (
	cadenceMinDays = 1
	cadenceMaxDays = 365
)

// cadenceGroups are the groups with an editable interval; group D is
// either "no regular visits" or a number of days.
var cadenceGroups = []caseload.Group{caseload.GroupA, caseload.GroupB, caseload.GroupC, caseload.GroupD}

// errCadence is a refused interval; the message is already shown.
var errCadence = errors.New("ui: invalid visit cadence")

// cadenceSection is the "Tần suất thăm gặp" card of the settings: the days
// between visits for groups A, B, C and D, which the worklist uses to
// compute overdue visits (docs/ARCHITECTURE.md section 7, step 6). Officers and
// administrators edit it; for a leader it is read-only.
type cadenceSection struct {
	src      cadenceSource
	readOnly bool

	Days   map[caseload.Group]*keyEntry
	DNone  *widget.Check // group D: no regular visits
	Save   *widget.Button
	Status *widget.Label
	card   *widget.Card
}

// newCadenceSection builds the card and loads the current cadence.
func newCadenceSection(src cadenceSource, readOnly bool) *cadenceSection {
	c := &cadenceSection{src: src, readOnly: readOnly, Days: map[caseload.Group]*keyEntry{}}
	form := widget.NewForm()
	for _, g := range cadenceGroups {
		e := newKeyEntry()
		e.PlaceHolder = i18n.T("cadence.placeholder")
		c.Days[g] = e
		var w fyne.CanvasObject = e
		if g == caseload.GroupD {
			c.DNone = widget.NewCheck(i18n.T("cadence.d_none"), func(none bool) {
				if none || c.readOnly {
					c.Days[caseload.GroupD].Disable()
				} else {
					c.Days[caseload.GroupD].Enable()
				}
			})
			w = container.NewGridWithColumns(2, e, c.DNone)
		}
		days := widget.NewLabel(i18n.T("cadence.days"))
		form.Append(i18n.T("cadence.group", "Group", string(g)),
			container.NewBorder(nil, nil, nil, days, w))
	}
	c.Status = newStatusLabel()
	c.Save = widget.NewButtonWithIcon(i18n.T("cadence.save"), theme.DocumentSaveIcon(), func() { _ = c.save() })
	c.Save.Importance = widget.HighImportance
	if readOnly {
		for _, e := range c.Days {
			e.Disable()
		}
		c.DNone.Disable()
		c.Save.Disable()
	}
	defaults := wrapLabel(i18n.T("cadence.defaults"))
	defaults.Importance = widget.LowImportance
	c.card = widget.NewCard(i18n.T("cadence.title"), "", container.NewVBox(
		wrapLabel(i18n.T("cadence.sub")), form, defaults, container.NewHBox(c.Save), c.Status))
	c.load()
	return c
}

// load shows the stored cadence (the defaults for groups never set).
func (c *cadenceSection) load() {
	m, err := c.src.VisitCadence(opCtx())
	if err != nil {
		setStatus(c.Status, err, "")
	}
	for _, g := range cadenceGroups {
		d := m[g]
		if g == caseload.GroupD {
			c.DNone.SetChecked(d == 0)
			if d == 0 {
				c.Days[g].SetText("")
				continue
			}
		}
		c.Days[g].SetText(strconv.Itoa(d))
	}
}

// read parses the entries; a value that is not a whole number of days
// from 1 to 365 is refused with a message naming its group.
func (c *cadenceSection) read() (map[caseload.Group]int, error) {
	m := make(map[caseload.Group]int, len(cadenceGroups))
	for _, g := range cadenceGroups {
		if g == caseload.GroupD && c.DNone.Checked {
			m[g] = 0
			continue
		}
		d, err := strconv.Atoi(strings.TrimSpace(c.Days[g].Text))
		if err != nil || d < cadenceMinDays || d > cadenceMaxDays {
			return nil, errors.New(i18n.T("cadence.invalid", "Group", string(g)))
		}
		m[g] = d
	}
	return m, nil
}

// save validates the entries and writes the cadence; nothing is written
// when one value is refused.
func (c *cadenceSection) save() error {
	if c.readOnly {
		return errReadOnly
	}
	m, err := c.read()
	if err != nil {
		c.Status.Importance = widget.DangerImportance
		c.Status.SetText(err.Error())
		return errCadence
	}
	if err := c.src.SetVisitCadence(opCtx(), m); err != nil {
		setStatus(c.Status, err, "")
		return err
	}
	c.load()
	setStatus(c.Status, nil, i18n.T("cadence.saved"))
	return nil
}
