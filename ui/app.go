// Package ui is the Fyne user interface of Hòa Nhập: the main window, one
// file per screen, and the reusable widgets (date entry, search box, person
// picker). Screens depend on small interfaces, never on SQL; work that takes
// time runs in a goroutine and touches widgets only through fyne.Do.
package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/i18n"
	"hoanhap/store"
	"hoanhap/ui/typing"
)

// App is the main window and what its screens share.
type App struct {
	fyne fyne.App
	win  fyne.Window
	st   *store.Store

	nav     *widget.List
	content *fyne.Container
	areas   []area
	current int

	sess session // who is logged in (see session.go)

	list *caseloadView // the caseload list while its area is shown
}

// area is one entry of the navigation: a message key, an icon and the
// constructor of its screen (called each time the area is opened).
type area struct {
	key   string
	icon  fyne.Resource
	build func() fyne.CanvasObject
}

// New builds the main window over an open store. Call ShowAndRun on the
// returned window (or Show in tests).
func New(a fyne.App, st *store.Store) *App {
	ApplyFyneTranslations()
	a.Settings().SetTheme(newOfficeTheme())
	u := &App{fyne: a, st: st}
	u.win = a.NewWindow(i18n.T("app.name"))
	// Unikey/EVKey erase letters with a packet backspace that GLFW drops;
	// this turns it into a real Backspace on Windows (no-op elsewhere).
	typing.Install(u.win)
	u.areas = u.wardAreas()
	if u.isOffice() {
		u.areas = u.officeAreas() // office.go
	}
	u.content = container.NewStack()
	u.nav = widget.NewList(
		func() int { return len(u.areas) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel(u.longestAreaLabel()))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Icon).SetResource(u.areas[id].icon)
			box.Objects[1].(*widget.Label).SetText(i18n.T(u.areas[id].key))
		},
	)
	u.nav.OnSelected = func(id widget.ListItemID) { u.navigate(id) } // asks first when changes are unsaved (leave.go)
	split := container.NewHSplit(u.nav, u.content)
	split.Offset = 0.18
	u.win.SetContent(split)
	u.win.Resize(fyne.NewSize(1280, 800))
	// Closing the window with a half-typed person asks first.
	u.win.SetCloseIntercept(func() { u.confirmLeave(u.win.Close) })
	u.watchIndex(st)
	u.login(func(s session) {
		u.sess = s
		u.areas = areasFor(s, u.areas)
		u.nav.Refresh()
		u.nav.Select(0) // a ward officer starts the day on the worklist (Tổng quan)
	})
	return u
}

// wardAreas are the navigation of a ward.
func (u *App) wardAreas() []area {
	return []area{
		{"nav.overview", theme.HomeIcon(), u.newOverviewArea},
		{"nav.caseload", theme.AccountIcon(), u.newCaseloadArea},
		{"nav.visits", theme.HistoryIcon(), u.newVisitsArea},
		{"nav.mentors", theme.ContentCopyIcon(), u.newMentorsArea},
		{"nav.models", theme.GridIcon(), u.newModelsArea},
		{"nav.support", theme.ListIcon(), u.newSupportArea},
		{"nav.reports", theme.DocumentIcon(), u.newReportsArea},
		{"nav.sync", theme.UploadIcon(), u.newSyncArea},
		{"nav.settings", theme.SettingsIcon(), u.newSettingsArea},
	}
}

// mentorAreas are the only areas a mentor user sees: their worklist, their
// people and their visits. Rosters, loans, models, reports, sync and
// settings hold other people's data (docs/ARCHITECTURE.md section 11).
var mentorAreas = map[string]bool{"nav.overview": true, "nav.caseload": true, "nav.visits": true}

// areasFor returns the navigation areas the session may open.
func areasFor(s session, all []area) []area {
	if !s.isMentor() {
		return all
	}
	var out []area
	for _, a := range all {
		if mentorAreas[a.key] {
			out = append(out, a)
		}
	}
	return out
}

// longestAreaLabel sizes the navigation to its longest entry.
func (u *App) longestAreaLabel() string {
	longest := ""
	for _, a := range u.areas {
		if t := i18n.T(a.key); len([]rune(t)) > len([]rune(longest)) {
			longest = t
		}
	}
	return longest
}

// Window returns the main window.
func (u *App) Window() fyne.Window { return u.win }

// Show opens the area at index i (the order of the navigation).
func (u *App) show(i int) {
	if i < 0 || i >= len(u.areas) {
		return
	}
	u.current = i
	u.content.Objects = []fyne.CanvasObject{u.areas[i].build()}
	u.content.Refresh()
}

// ShowArea opens the area with the given message key ("nav.caseload").
func (u *App) ShowArea(key string) {
	for i, a := range u.areas {
		if a.key == key {
			u.nav.Select(i)
			return
		}
	}
}

// comingSoon is the placeholder of an area that a later release fills.
func comingSoon(titleKey, bodyKey string) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(i18n.T(titleKey), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	body := widget.NewLabel(i18n.T(bodyKey))
	body.Wrapping = fyne.TextWrapWord
	return container.NewPadded(container.NewVBox(title, widget.NewSeparator(), body))
}
