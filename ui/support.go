package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// newSupportArea builds the "support" area: loans (with the monthly
// Mẫu 01 list), support measures and exemplary people.
func (u *App) newSupportArea() fyne.CanvasObject {
	s := newSupportScreen(u.win, u.st)
	if u.sess.readOnly() || u.sess.isMentor() {
		s.setReadOnly()
	}
	s.bind = u.areaKeys(s.Root, keyActions{find: s.focusSearch, newRecord: s.newRecord})
	return s.Root
}

// supportScreen is the support area: one tab per list.
type supportScreen struct {
	win  fyne.Window
	data supportData
	bind func() // re-binds the area's shortcuts (after a form closes)

	readOnly bool               // leader: nothing can be added or changed
	writers  []fyne.Disableable // the buttons that add or change records

	Tabs      *container.AppTabs
	Loans     *loansView
	Mau01     *mau01View
	Supports  *supportsView
	Exemplary *exemplaryView
	Root      fyne.CanvasObject
}

func newSupportScreen(win fyne.Window, data supportData) *supportScreen {
	s := &supportScreen{win: win, data: data, bind: func() {}}
	s.Loans = newLoansView(s)
	s.Mau01 = newMau01View(s)
	s.Supports = newSupportsView(s)
	s.Exemplary = newExemplaryView(s)
	s.Tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(i18n.T("support.ui.tab_loans"), theme.ListIcon(), s.Loans.root),
		container.NewTabItemWithIcon(i18n.T("support.ui.tab_mau01"), theme.DocumentIcon(), s.Mau01.root),
		container.NewTabItemWithIcon(i18n.T("support.ui.tab_supports"), theme.ContentAddIcon(), s.Supports.root),
		container.NewTabItemWithIcon(i18n.T("support.ui.tab_exemplary"), theme.ConfirmIcon(), s.Exemplary.root),
	)
	s.Tabs.OnSelected = func(*container.TabItem) { s.reloadAll() }
	s.Root = s.Tabs
	return s
}

func (s *supportScreen) reloadAll() {
	s.Loans.reload()
	s.Mau01.reload()
	s.Supports.reload()
	s.Exemplary.reload()
}

// focusSearch puts the cursor in the current tab's search box (Ctrl+F).
func (s *supportScreen) focusSearch() {
	var e fyne.Focusable
	switch s.Tabs.SelectedIndex() {
	case 0:
		e = s.Loans.Search
	case 2:
		e = s.Supports.Search
	case 3:
		e = s.Exemplary.Search
	default:
		return
	}
	s.win.Canvas().Focus(e)
}

// newRecord opens the current tab's "new" form (Ctrl+N).
func (s *supportScreen) newRecord() {
	if s.readOnly {
		return
	}
	switch s.Tabs.SelectedIndex() {
	case 0, 1:
		s.Loans.openForm(caseload.Loan{})
	case 2:
		s.Supports.openForm(caseload.Support{})
	case 3:
		s.Exemplary.openForm(caseload.Exemplary{})
	}
}

// showForm shows a form and restores the area's shortcuts when it
// closes; in a read-only session the form is a view.
func (s *supportScreen) showForm(f *formFrame) { f.open(s.readOnly, s.bind) }

// setReadOnly makes the area read-only (a leader): the buttons that add,
// change or mark records are disabled, Ctrl+N does nothing and the forms
// open as views.
func (s *supportScreen) setReadOnly() {
	s.readOnly = true
	for _, w := range s.writers {
		w.Disable()
	}
	s.Mau01.reload()
}

// supUserError is an error whose text is already translated.
type supUserError struct{ text string }

func (e supUserError) Error() string { return e.text }

// MessageKey passes the text through i18n.Error unchanged.
func (e supUserError) MessageKey() string { return "support.ui.text" }

// MessageArgs returns the text.
func (e supUserError) MessageArgs() map[string]any { return map[string]any{"Text": e.text} }
