package ui

import "fyne.io/fyne/v2/container"

// supportTabs returns the support tabs of a person's profile.
// Placeholder until the support issue lands.
func (u *App) supportTabs(personID string) []*container.TabItem { return nil }
