package ui

import "fyne.io/fyne/v2"

// newReportsArea builds the "reports" area. Placeholder until its issue lands.
func (u *App) newReportsArea() fyne.CanvasObject {
	return comingSoon("nav.reports", "coming.reports")
}
