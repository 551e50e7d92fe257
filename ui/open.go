package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// Open shows a screen by name: an area ("overview", "caseload", "visits",
// "mentors", "models", "support", "reports", "sync", "settings") or one of
// the deeper screens ("person-new", "person-first", "person-support",
// "reception", "quarter-list", "businesses", "settings-lists", "import",
// "import:FILE.xlsx": the import screen with that file read and checked;
// an office's "wards", "caseload-ward", "notices"). The command line's
// --screen flag uses it, so that make screenshots can photograph every
// main screen of the real GUI.
func (u *App) Open(screen string) {
	switch screen {
	case "person-new":
		u.ShowArea("nav.caseload")
		if u.list != nil {
			u.list.newPerson()
		}
	case "person-first", "person-support":
		u.ShowArea("nav.caseload")
		id := u.firstPerson(caseload.StatusManaged)
		if screen == "person-support" {
			if rich := u.personWithLoanAndJob(); rich != "" {
				id = rich
			}
		}
		if u.list == nil || id == "" {
			return
		}
		u.list.openPerson(id)
		if screen == "person-support" {
			u.selectProfileTab(i18n.T("support.ui.person_tab"))
		}
	case "reception":
		u.ShowArea("nav.overview")
		id := u.firstPerson(caseload.StatusExpected)
		if id == "" {
			return
		}
		a := u.buildOverviewArea()
		u.replaceContent(a.stack)
		a.push(u.newReceptionView(a, id).content)
	case "quarter-list":
		u.ShowArea("nav.visits")
		if len(u.content.Objects) > 0 {
			if tabs, ok := u.content.Objects[0].(*container.AppTabs); ok && len(tabs.Items) > 1 {
				tabs.SelectIndex(1)
			}
		}
	case "mentors":
		u.ShowArea("nav.mentors")
		a := u.buildMentorsArea()
		u.replaceContent(a.content())
		best, most := "", 0
		for id, n := range a.loads {
			if n > most || (n == most && id < best) {
				best, most = id, n
			}
		}
		if best != "" {
			a.selectMentor(best)
		}
	case "models":
		u.ShowArea("nav.models")
		s := u.buildModelsArea()
		u.replaceContent(s.Root)
		best, most := "", -1
		for _, m := range s.Models {
			if m.Members > most {
				best, most = m.ID, m.Members
			}
		}
		if best != "" {
			s.SelectModel(best)
		}
	case "businesses":
		u.ShowArea("nav.models")
		s := u.buildModelsArea()
		u.replaceContent(s.Root)
		s.Tabs.SelectIndex(1)
		v := s.Biz
		best, most := -1, 0
		for i, b := range v.Shown {
			if b.People > most {
				best, most = i, b.People
			}
		}
		if best >= 0 {
			// As a click on the row would, without scrolling a table not
			// laid out yet.
			v.sel = best
			v.showPeople()
		}
	case "import":
		u.ShowArea("nav.caseload")
		if u.list != nil {
			u.list.openImport()
		}
	case "wards": // an office's ward list (office.go)
		u.ShowArea("office.nav.wards")
	case "caseload-ward": // an office's merged caseload, filtered to its first ward
		u.ShowArea("nav.caseload")
		if u.list != nil && u.list.office != nil && len(u.list.office.wards) > 0 {
			u.list.office.Ward.SetSelectedIndex(1)
		}
	case "notices": // an office's notices and transfer orders
		u.ShowArea("office.nav.notices")
	case "settings-lists":
		u.ShowArea("nav.settings")
		if len(u.content.Objects) > 0 {
			if tabs := findTabs(u.content.Objects[0]); tabs != nil && len(tabs.Items) > 1 {
				tabs.SelectIndex(1)
			}
		}
	default:
		if path, ok := strings.CutPrefix(screen, "import:"); ok {
			u.Open("import")
			if u.list != nil && u.list.imp != nil {
				u.list.imp.openPath(path) // import_file.go
			}
			return
		}
		u.ShowArea("nav." + strings.TrimPrefix(screen, "nav."))
	}
}

// findTabs returns the first AppTabs in o's container tree.
func findTabs(o fyne.CanvasObject) *container.AppTabs {
	switch x := o.(type) {
	case *container.AppTabs:
		return x
	case *fyne.Container:
		for _, c := range x.Objects {
			if t := findTabs(c); t != nil {
				return t
			}
		}
	}
	return nil
}

// personWithLoanAndJob returns a person with a disbursed loan and a
// current job, so that the support tab shows real figures ("" if none).
func (u *App) personWithLoanAndJob() string {
	ctx := opCtx()
	loans, err := u.st.Loans(ctx, store.LoanFilter{})
	if err != nil {
		return ""
	}
	for _, l := range loans {
		if l.PersonID == "" || l.Status != caseload.LoanDisbursed {
			continue
		}
		if _, ok, err := u.st.CurrentEmployment(ctx, l.PersonID, caseload.Today()); err == nil && ok {
			return l.PersonID
		}
	}
	return ""
}

// firstPerson returns the first person with status st in name order.
func (u *App) firstPerson(st caseload.Status) string {
	rows := u.st.People(store.PersonFilter{Statuses: []caseload.Status{st}, Only: u.personScope()})
	if len(rows) == 0 {
		return ""
	}
	return rows[0].ID
}

// replaceContent puts obj in the content area in place of the current
// area's screen (used to show a screen in a prepared state).
func (u *App) replaceContent(obj fyne.CanvasObject) {
	u.content.Objects = []fyne.CanvasObject{obj}
	u.content.Refresh()
}

// selectProfileTab selects the tab titled title in the open profile.
func (u *App) selectProfileTab(title string) {
	if u.list == nil || len(u.list.stack.Objects) == 0 {
		return
	}
	tabs, ok := u.list.stack.Objects[0].(*container.AppTabs)
	if !ok {
		return
	}
	for i, t := range tabs.Items {
		if t.Text == title {
			tabs.SelectIndex(i)
			return
		}
	}
}
