package ui

import "fyne.io/fyne/v2/container"

// personTabs returns the extra tabs of a person's profile after the
// register form: supervision (mentor, visits, classification) and support.
// Each returns nil while its area is not built.
func (u *App) personTabs(personID string) []*container.TabItem {
	var tabs []*container.TabItem
	for _, t := range []func(string) []*container.TabItem{u.supervisionTabs, u.supportTabs} {
		tabs = append(tabs, t(personID)...)
	}
	return tabs
}
