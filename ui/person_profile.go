package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"hoanhap/i18n"
)

// personProfile wraps the form in the profile tabs: "Hồ sơ" then the tabs
// other areas add (supervision, support) for a saved person.
func (u *App) personProfile(f *personForm) fyne.CanvasObject {
	if f.OpenElsewhere == nil {
		f.OpenElsewhere = u.svOpenPerson
	}
	tabs := container.NewAppTabs(container.NewTabItemWithIcon(i18n.T("ui.person.tab_register"), theme.AccountIcon(), f.root))
	if f.person.ID != "" {
		for _, t := range u.personTabs(f.person.ID) {
			tabs.Append(t)
		}
	}
	register := tabs.Items[0]
	tabs.OnSelected = func(t *container.TabItem) {
		if t == register {
			f.reloadIfStale() // another tab may have changed the person
		}
	}
	return tabs
}
