package ui

import "fyne.io/fyne/v2/container"

// supervisionTabs returns the supervision tabs of a person's profile.
// Placeholder until the supervision issue lands.
func (u *App) supervisionTabs(personID string) []*container.TabItem { return nil }
