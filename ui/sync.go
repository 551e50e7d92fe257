package ui

import "fyne.io/fyne/v2"

// newSyncArea builds the "sync" area. Placeholder until its issue lands.
func (u *App) newSyncArea() fyne.CanvasObject {
	return comingSoon("nav.sync", "coming.sync")
}
