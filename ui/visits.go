package ui

import "fyne.io/fyne/v2"

// newVisitsArea builds the "visits" area. Placeholder until its issue lands.
func (u *App) newVisitsArea() fyne.CanvasObject {
	return comingSoon("nav.visits", "coming.visits")
}
