package ui

import "fyne.io/fyne/v2"

// newSupportArea builds the "support" area. Placeholder until its issue lands.
func (u *App) newSupportArea() fyne.CanvasObject {
	return comingSoon("nav.support", "coming.support")
}
