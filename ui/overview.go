package ui

import "fyne.io/fyne/v2"

// newOverviewArea builds the "overview" area. Placeholder until its issue lands.
func (u *App) newOverviewArea() fyne.CanvasObject {
	return comingSoon("nav.overview", "coming.overview")
}
