package ui

import "fyne.io/fyne/v2"

// newModelsArea builds the "models" area. Placeholder until its issue lands.
func (u *App) newModelsArea() fyne.CanvasObject {
	return comingSoon("nav.models", "coming.models")
}
