package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// mau01View is the monthly Mẫu 01 list: people who want a loan and are
// eligible on the 5th of the month (QĐ 22/2023 Art. 14(2)(c)), with the
// requests that cannot go on it and why.
type mau01View struct {
	s      *supportScreen
	year   int
	month  int
	Rows   []caseload.Mau01Row // eligible first
	Title  *widget.Label
	Count  *widget.Label
	loads  loader
	Table  *widget.Table
	MarkBt *widget.Button
	root   fyne.CanvasObject
}

func newMau01View(s *supportScreen) *mau01View {
	first := supNextMau01(caseload.Today())
	v := &mau01View{s: s, year: first.Year(), month: int(first.Month())}
	v.Title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.Count = widget.NewLabel("")
	headers := headerTexts("support.mau01.col.no", "support.mau01.col.name", "support.mau01.col.hamlet",
		"support.mau01.col.completed", "support.mau01.col.window_end", "support.mau01.col.amount",
		"support.mau01.col.purpose", "support.mau01.col.eligible")
	widths := []float32{44, 180, 120, 92, 92, 122, 95, 180}
	v.Table = dataTable(headers, widths, func() int { return len(v.Rows) }, v.cell, nil)
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { v.shift(-1) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { v.shift(1) })
	v.MarkBt = widget.NewButtonWithIcon(i18n.T("support.mau01.mark_sent"), theme.MailSendIcon(), v.confirmMark)
	s.writers = append(s.writers, v.MarkBt)
	note := widget.NewLabel(i18n.T("support.mau01.note"))
	note.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(container.NewHBox(prev, v.Title, next, v.MarkBt, exportButton(s.data, "mau01", v.exportFilter)), v.Count, note)
	v.root = container.NewBorder(top, nil, nil, nil, fillTable(v.Table, headers, widths, 7))
	v.reload()
	return v
}

// supNextMau01 is the date of the next list to send: the 5th of this
// month, or of next month once this month's 5th has passed.
func supNextMau01(today caseload.Date) caseload.Date {
	d := caseload.Mau01Date(today.Year(), int(today.Month()))
	if d.Before(today) {
		d = d.AddMonths(1)
	}
	return d
}

// ListDate is the date of the list shown: the 5th of the month.
func (v *mau01View) ListDate() caseload.Date { return caseload.Mau01Date(v.year, v.month) }

// SetMonth shows the list of another month.
func (v *mau01View) SetMonth(year, month int) {
	v.year, v.month = year, month
	v.reload()
}

func (v *mau01View) shift(n int) {
	d := v.ListDate().AddMonths(n)
	v.SetMonth(d.Year(), int(d.Month()))
}

func (v *mau01View) reload() {
	d := v.ListDate()
	v.Title.SetText(i18n.T("support.mau01.title", "Date", showDate(d)))
	loadList(&v.loads, v.Count, func() ([]caseload.Mau01Row, error) { return v.s.data.Mau01List(opCtx(), d) }, v.show)
}

// show shows the rows of the list: the eligible requests first.
func (v *mau01View) show(rows []caseload.Mau01Row) {
	var ok, no []caseload.Mau01Row
	for _, r := range rows {
		if r.Eligible {
			ok = append(ok, r)
		} else {
			no = append(no, r)
		}
	}
	v.Rows = append(ok, no...)
	v.Count.SetText(i18n.T("support.mau01.count", "Eligible", len(ok), "Other", len(no)))
	if len(ok) == 0 || v.s.readOnly {
		v.MarkBt.Disable()
	} else {
		v.MarkBt.Enable()
	}
	v.Table.Refresh()
}

func (v *mau01View) cell(row, col int) string {
	r := v.Rows[row]
	switch col {
	case 0:
		return strconv.Itoa(row + 1)
	case 1:
		return r.Person.FullName
	case 2:
		return r.Person.Hamlet
	case 3:
		return showDate(r.Person.CompletedOn)
	case 4:
		return showDate(r.WindowEnd)
	case 5:
		return i18n.Money(r.Loan.Amount)
	case 6:
		return enumLabel("support.loan.purpose_short", string(r.Loan.Purpose))
	case 7:
		if r.Eligible {
			return i18n.T("support.mau01.eligible")
		}
		return i18n.T("support.mau01.not_eligible") + ": " + supWarningsJoin(r.Warnings)
	}
	return ""
}

// eligibleIDs are the loan ids of the eligible rows.
func (v *mau01View) eligibleIDs() []string {
	var ids []string
	for _, r := range v.Rows {
		if r.Eligible {
			ids = append(ids, r.Loan.ID)
		}
	}
	return ids
}

func (v *mau01View) confirmMark() {
	ids := v.eligibleIDs()
	d := dialog.NewConfirm(i18n.T("support.mau01.mark_sent"),
		i18n.T("support.mau01.mark_confirm", "Count", len(ids), "Date", showDate(v.ListDate())),
		func(ok bool) {
			if ok {
				v.MarkSent()
			}
		}, v.s.win)
	d.SetConfirmText(i18n.T("support.ui.confirm"))
	d.SetDismissText(i18n.T("support.ui.cancel"))
	dialogKeys(v.s.win, d, nil, d.Hide)
	d.Show()
}

// MarkSent records the list date on the eligible requests.
func (v *mau01View) MarkSent() {
	if v.s.readOnly {
		return
	}
	if err := v.s.data.MarkMau01Sent(opCtx(), v.ListDate(), v.eligibleIDs()); err != nil {
		showMessage(i18n.T("ui.error.title"), i18n.Error(err), v.s.win)
	}
	v.s.reloadAll()
}
