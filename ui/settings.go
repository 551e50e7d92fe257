package ui

import "fyne.io/fyne/v2"

// newSettingsArea builds the settings area. Placeholder until its issue lands.
func (u *App) newSettingsArea() fyne.CanvasObject {
	return comingSoon("nav.settings", "coming.settings")
}
