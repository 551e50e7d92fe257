package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"hoanhap/i18n"
)

// newOfficeNoticesArea is the office's "Thông báo, điều chuyển": prison
// notices sent to the ward where the person will live, and transfer
// orders moving a person between wards.
func (u *App) newOfficeNoticesArea() fyne.CanvasObject {
	body := widget.NewLabel(i18n.T("office.notices.pending"))
	body.Wrapping = fyne.TextWrapWord
	return container.NewPadded(container.NewVBox(heading("office.notices.title"), widget.NewSeparator(), body))
}
