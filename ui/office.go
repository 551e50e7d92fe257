package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/i18n"
	"hoanhap/store"
)

// Office mode: the installation of the police office above the wards
// (unit kind "office"). It keeps no caseload of its own: it reads the
// wards' files and sees every ward's people read-only, writes prison
// notices and transfer orders, and counts reports per ward and for the
// whole office.

// isOffice reports whether this installation is an office.
func (u *App) isOffice() bool { return u.st.Node().UnitKind == "office" }

// officeAreas are the navigation of an office.
func (u *App) officeAreas() []area {
	return []area{
		{"office.nav.wards", theme.HomeIcon(), u.newWardsArea},
		{"nav.caseload", theme.AccountIcon(), u.newCaseloadArea},
		{"office.nav.notices", theme.MailSendIcon(), u.newOfficeNoticesArea},
		{"nav.reports", theme.DocumentIcon(), u.newOfficeReportsArea},
		{"nav.sync", theme.UploadIcon(), u.newSyncArea},
		{"nav.settings", theme.SettingsIcon(), u.newSettingsArea},
	}
}

// applyMode rebuilds the navigation for the unit's kind (after the first
// start chose it) and opens the first area.
func (u *App) applyMode() {
	if u.isOffice() {
		u.areas = areasFor(u.sess, u.officeAreas())
	} else {
		u.areas = areasFor(u.sess, u.wardAreas())
	}
	u.nav.Refresh()
	u.nav.UnselectAll()
	u.nav.Select(0)
}

// wardNames maps the node id of every enrolled ward to its name.
func (u *App) wardNames() map[string]string {
	out := map[string]string{}
	peers, err := u.st.SyncPeers(opCtx())
	if err != nil {
		return out
	}
	for _, p := range peers {
		if p.UnitKind == "ward" {
			out[p.NodeID] = p.UnitName
		}
	}
	return out
}

// ownerName is the name of the unit owning a record: a ward's name, this
// office's own name, or the node id when the ward is unknown here.
func ownerName(owner string, names map[string]string, self store.Node) string {
	if owner == self.ID {
		return self.UnitName
	}
	if n, ok := names[owner]; ok {
		return n
	}
	return i18n.T("office.ward.unknown", "Node", shortID(owner))
}

func shortID(id string) string {
	if len(id) > 8 {
		return id[len(id)-8:]
	}
	return id
}

// AskUnitIfNew shows, on a store whose unit has no name yet (the very
// first start), a form asking the unit's name and kind: a ward (phường,
// xã) or the police office above the wards. The app then opens in that
// mode. cmd/hoanhap calls it once the window is built.
func (u *App) AskUnitIfNew() { u.askUnit() }

// askUnit shows the first start's form when the unit has no name, and
// returns it (nil when not shown).
func (u *App) askUnit() *firstStart {
	if strings.TrimSpace(u.st.Node().UnitName) != "" {
		return nil
	}
	v := newFirstStart(func(name, kind string) error {
		if err := u.st.SetUnit(opCtx(), name, kind); err != nil {
			return err
		}
		u.applyMode()
		return nil
	})
	d := dialog.NewCustomWithoutButtons(i18n.T("office.first.title"), v.root, u.win)
	v.done = d.Hide
	d.Resize(fyne.NewSize(560, 360))
	d.Show()
	u.win.Canvas().Focus(v.Name)
	return v
}

// firstStart is the form of the first start.
type firstStart struct {
	Name    *widget.Entry
	Kind    *widget.RadioGroup
	Submit  *widget.Button
	Message *widget.Label
	root    fyne.CanvasObject
	done    func()
	save    func(name, kind string) error
}

// firstKinds are the choices of the first start, in order.
var firstKinds = []string{"ward", "office"}

func newFirstStart(save func(name, kind string) error) *firstStart {
	v := &firstStart{save: save}
	v.Name = widget.NewEntry()
	v.Name.SetPlaceHolder(i18n.T("office.first.name_placeholder"))
	labels := []string{i18n.T("office.first.kind_ward"), i18n.T("office.first.kind_office")}
	v.Kind = widget.NewRadioGroup(labels, nil)
	v.Kind.SetSelected(labels[0])
	v.Message = widget.NewLabel("")
	v.Message.Importance = widget.DangerImportance
	v.Message.Wrapping = fyne.TextWrapWord
	v.Submit = widget.NewButtonWithIcon(i18n.T("office.first.submit"), theme.ConfirmIcon(), v.submit)
	v.Submit.Importance = widget.HighImportance
	v.Name.OnSubmitted = func(string) { v.submit() }
	help := widget.NewLabel(i18n.T("office.first.help"))
	help.Wrapping = fyne.TextWrapWord
	v.root = container.NewVBox(help,
		widget.NewForm(widget.NewFormItem(i18n.T("office.first.name"), v.Name),
			widget.NewFormItem(i18n.T("office.first.kind"), v.Kind)),
		container.NewHBox(v.Submit), v.Message)
	return v
}

// kind is the kind chosen.
func (v *firstStart) kind() string {
	for i, o := range v.Kind.Options {
		if o == v.Kind.Selected {
			return firstKinds[i]
		}
	}
	return "ward"
}

func (v *firstStart) submit() {
	name := nfc(v.Name.Text)
	if name == "" {
		v.Message.SetText(i18n.T("office.first.name_required"))
		return
	}
	if err := v.save(name, v.kind()); err != nil {
		v.Message.SetText(errorText(err))
		return
	}
	v.Message.SetText("")
	if v.done != nil {
		v.done()
	}
}
