package ui

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// caseloadOffice is what an office adds to the caseload list: the people
// of every ward merged, a ward column and a ward filter. The records stay
// the wards': the office opens them read-only.
type caseloadOffice struct {
	st     *store.Store
	self   store.Node
	owners map[string]string // person id → owning node
	names  map[string]string // node → ward name
	wards  []string          // the filter's wards (node ids), in name order
	Ward   *widget.Select
}

func newCaseloadOffice(u *App, changed func()) *caseloadOffice {
	o := &caseloadOffice{st: u.st, self: u.st.Node(), names: u.wardNames(), owners: map[string]string{}}
	for w := range o.names {
		o.wards = append(o.wards, w)
	}
	c := collate.New(language.Vietnamese, collate.IgnoreCase)
	sort.Slice(o.wards, func(i, j int) bool {
		return c.CompareString(o.name(o.wards[i]), o.name(o.wards[j])) < 0
	})
	labels := []string{i18n.T("office.filter.ward_all")}
	for _, w := range o.wards {
		labels = append(labels, o.name(w))
	}
	o.Ward = widget.NewSelect(labels, nil)
	o.Ward.SetSelectedIndex(0)
	o.Ward.OnChanged = func(string) { changed() }
	return o
}

// name is the ward's name (or this office's for its own records).
func (o *caseloadOffice) name(owner string) string { return ownerName(owner, o.names, o.self) }

// selected is the node id of the ward chosen, "" for every ward.
func (o *caseloadOffice) selected() string {
	i := o.Ward.SelectedIndex()
	if i <= 0 || i > len(o.wards) {
		return ""
	}
	return o.wards[i-1]
}

// SelectWard chooses the ward with node id owner in the filter.
func (o *caseloadOffice) SelectWard(owner string) {
	for i, w := range o.wards {
		if w == owner {
			o.Ward.SetSelectedIndex(i + 1)
			return
		}
	}
}

// reload reads the people's owners and the list in the background
// (100,000 people at a province), narrows the list to the ward chosen,
// then shows it.
func (o *caseloadOffice) reload(l *loader, f store.PersonFilter, src caseloadSource, show func([]store.PersonRow)) {
	ward := o.selected()
	var owners map[string]string
	runLoad(l, func() ([]store.PersonRow, error) {
		var err error
		if owners, err = o.st.PersonOwners(opCtx()); err != nil {
			return nil, err
		}
		f.Only = only(owners, ward, f.Only)
		return src.People(f), nil
	}, func(err error) { l.status.SetText(errorText(err)) }, func(rows []store.PersonRow) {
		o.owners = owners
		show(rows)
	})
}

// only narrows a person scope (nil: everybody) to the people of ward ("":
// every ward).
func only(owners map[string]string, w string, scope map[string]bool) map[string]bool {
	if w == "" {
		return scope
	}
	out := map[string]bool{}
	for id, owner := range owners {
		if owner == w && (scope == nil || scope[id]) {
			out[id] = true
		}
	}
	return out
}

// foreign reports whether the person's record belongs to a ward, not to
// this installation.
func (o *caseloadOffice) foreign(p caseload.Person) bool {
	return p.Owner != "" && p.Owner != o.self.ID
}

// The caseload's columns left to right. An office sees the ward beside
// the name, and no gender or birth year, so that every column stays on a
// 1024-pixel screen (the register form shows them).
var (
	wardOrder   = []int{colName, colBirthYear, colGender, colHamlet, colOffense, colReturned, colGroup, colStatus}
	officeOrder = []int{colName, colWard, colHamlet, colOffense, colReturned, colGroup, colStatus}
)

// dataCol is the data column shown in table column i (-1 when none).
func (v *caseloadView) dataCol(i int) int {
	if i < 0 || i >= len(v.order) {
		return -1
	}
	return v.order[i]
}

// wardOf is the ward column's text for a person.
func (v *caseloadView) wardOf(id string) string {
	if v.office == nil {
		return ""
	}
	return v.office.name(v.office.owners[id])
}

// ownedBanner is the note above a ward's record opened at the office.
func ownedBanner(ward string) fyne.CanvasObject {
	l := widget.NewLabel(i18n.T("office.person.read_only", "Ward", ward))
	l.Importance = widget.WarningImportance
	l.Wrapping = fyne.TextWrapWord
	return container.NewVBox(l, widget.NewSeparator())
}

// readOnlyApp is the app as a read-only (leader) session sees it: the
// profile of a ward's record at the office is built with it, so that its
// tabs (supervision, support) offer no change either.
func (u *App) readOnlyApp() *App {
	ro := *u
	ro.sess.Role = string(caseload.RoleLeader)
	return &ro
}
