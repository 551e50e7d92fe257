package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// personProfile wraps the form in the profile tabs: "Hồ sơ" then the tabs
// other areas add (supervision, support) for a saved person. A person
// frozen here by a transfer order gets a banner saying so, and tabs built
// as a read-only session sees them (the form itself is opened read-only
// by its callers: see personFrozen).
func (u *App) personProfile(f *personForm) fyne.CanvasObject {
	if f.OpenElsewhere == nil {
		f.OpenElsewhere = u.svOpenPerson
	}
	var frozen bool
	var order caseload.Transfer
	if u.st != nil {
		frozen, order = personFrozen(u.st, f.person.ID)
	}
	tabsOf := u
	if frozen {
		tabsOf = u.readOnlyApp() // office_caseload.go: no tab offers a change
	}
	tabs := container.NewAppTabs(container.NewTabItemWithIcon(i18n.T("ui.person.tab_register"), theme.AccountIcon(), f.root))
	if f.person.ID != "" {
		for _, t := range tabsOf.personTabs(f.person.ID) {
			tabs.Append(t)
		}
	}
	register := tabs.Items[0]
	tabs.OnSelected = func(t *container.TabItem) {
		if t == register {
			f.reloadIfStale() // another tab may have changed the person
		}
	}
	if frozen {
		return container.NewBorder(frozenBanner(order), nil, nil, nil, tabs)
	}
	return tabs
}

// personFreezer tells whether a transfer order froze a person here;
// *store.Store satisfies it.
type personFreezer interface {
	PersonFrozen(ctx context.Context, personID string) (bool, caseload.Transfer, error)
}

// personFrozen reports whether the person with id is frozen at this ward
// by a transfer order (the database refuses every write to the person's
// records), and the order. False when src cannot tell or the freeze
// cannot be read: the database still refuses the writes.
func personFrozen(src any, id string) (bool, caseload.Transfer) {
	fz, ok := src.(personFreezer)
	if !ok || id == "" {
		return false, caseload.Transfer{}
	}
	frozen, t, err := fz.PersonFrozen(opCtx(), id)
	if err != nil {
		return false, caseload.Transfer{}
	}
	return frozen, t
}

// frozenBanner is the note above the profile of a person being
// transferred away: why nothing can be changed, and the order.
func frozenBanner(t caseload.Transfer) fyne.CanvasObject {
	text := i18n.T("transfer.ui.profile_banner")
	switch {
	case t.OrderedOn.IsZero():
	case t.Number != "":
		text += " " + i18n.T("transfer.ui.profile_order_number", "Number", t.Number, "Date", t.OrderedOn)
	default:
		text += " " + i18n.T("transfer.ui.profile_order", "Date", t.OrderedOn)
	}
	l := widget.NewLabel(text)
	l.Importance = widget.WarningImportance
	l.Wrapping = fyne.TextWrapWord
	return container.NewVBox(l, widget.NewSeparator())
}
