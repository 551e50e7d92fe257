package ui

import "fyne.io/fyne/v2"

// newMentorsArea builds the "mentors" area. Placeholder until its issue lands.
func (u *App) newMentorsArea() fyne.CanvasObject {
	return comingSoon("nav.mentors", "coming.mentors")
}
