package ui

import "fyne.io/fyne/v2"

// newCaseloadArea builds the "caseload" area. Placeholder until its issue lands.
func (u *App) newCaseloadArea() fyne.CanvasObject {
	return comingSoon("nav.caseload", "coming.caseload")
}
