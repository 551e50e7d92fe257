package ui

import (
	"context"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/i18n"
	"hoanhap/store"
)

// settingsSource is what the settings area needs from the store.
type settingsSource interface {
	Setting(ctx context.Context, key string) (string, error)
	SetSetting(ctx context.Context, key, value string) error
	Node() store.Node
	SetUnit(ctx context.Context, name, kind string) error
	HamletList(ctx context.Context) ([]string, error)
	SetHamletList(ctx context.Context, hamlets []string) error
}

// settingsView is the settings area: the unit, the hamlet list and the
// language.
type settingsView struct {
	u        *App
	src      settingsSource
	win      fyne.Window
	readOnly bool

	unitName *keyEntry
	unitKind *enumSelect
	unitForm *widget.Form

	hamlets     []string
	selected    int
	hamletList  *widget.List
	hamletEntry *keyEntry
	addBtn      *widget.Button
	renameBtn   *widget.Button
	removeBtn   *widget.Button
	saveHamlets *widget.Button

	language *widget.Select // a drop-down: no option drawn greyed out as a radio group did
	message  *widget.Label
	cadence  *cadenceSection    // visit cadence (settings_cadence.go), nil if src has none
	tabs     *container.AppTabs // general, lists (and users, added by newSettingsArea)
	root     fyne.CanvasObject
}

// newSettingsArea builds the settings area.
func (u *App) newSettingsArea() fyne.CanvasObject {
	v := u.newSettingsView(u.st)
	if users := u.usersSection(); users != nil { // nil unless an administrator is logged in
		v.tabs.Append(container.NewTabItemWithIcon(i18n.T("nav.settings.users"), theme.AccountIcon(), users))
	}
	return v.root
}

// newSettingsView builds the settings screen over src.
func (u *App) newSettingsView(src settingsSource) *settingsView {
	v := &settingsView{u: u, src: src, win: u.win, selected: -1,
		readOnly: u.sess.Role == "leader" || u.sess.Role == "mentor"}
	v.build()
	return v
}

func (v *settingsView) build() {
	ctx := opCtx()
	node := v.src.Node()
	v.message = widget.NewLabel("")
	v.message.Wrapping = fyne.TextWrapWord
	v.message.Hide()

	v.unitName = newKeyEntry()
	v.unitName.SetText(node.UnitName)
	v.unitName.PlaceHolder = i18n.T("ui.settings.unit_name_placeholder")
	v.unitKind = newEnumSelect("ui.settings.unit_kind", []string{"ward", "office"}, false, nil)
	v.unitKind.SetValue(node.UnitKind)
	v.unitForm = &widget.Form{
		Items: []*widget.FormItem{
			widget.NewFormItem(i18n.T("ui.settings.unit_name"), v.unitName),
			widget.NewFormItem(i18n.T("ui.settings.unit_kind_label"), v.unitKind),
		},
		SubmitText: i18n.T("ui.settings.save"),
		OnSubmit:   func() { _ = v.SaveUnit() },
	}

	list, err := v.src.HamletList(ctx)
	if err != nil {
		v.fail(err)
	}
	v.hamlets = list
	v.hamletList = widget.NewList(
		func() int { return len(v.hamlets) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= 0 && id < len(v.hamlets) {
				o.(*widget.Label).SetText(v.hamlets[id])
			}
		})
	v.hamletList.OnSelected = func(id widget.ListItemID) {
		v.selected = id
		if id >= 0 && id < len(v.hamlets) {
			v.hamletEntry.SetText(v.hamlets[id])
		}
	}
	v.hamletList.OnUnselected = func(widget.ListItemID) { v.selected = -1 }
	v.hamletEntry = newKeyEntry()
	v.hamletEntry.PlaceHolder = i18n.T("ui.settings.hamlet_placeholder")
	v.hamletEntry.OnSubmitted = func(string) { v.AddHamlet() }
	v.addBtn = widget.NewButtonWithIcon(i18n.T("ui.settings.hamlet_add"), theme.ContentAddIcon(), func() { v.AddHamlet() })
	v.renameBtn = widget.NewButtonWithIcon(i18n.T("ui.settings.hamlet_rename"), theme.DocumentCreateIcon(), func() { v.RenameHamlet() })
	v.removeBtn = widget.NewButtonWithIcon(i18n.T("ui.settings.hamlet_remove"), theme.DeleteIcon(), v.confirmRemove)
	v.saveHamlets = widget.NewButtonWithIcon(i18n.T("ui.settings.hamlet_save"), theme.DocumentSaveIcon(), func() { _ = v.SaveHamlets() })
	v.saveHamlets.Importance = widget.HighImportance

	v.language = widget.NewSelect([]string{i18n.T("ui.settings.lang_vi"), i18n.T("ui.settings.lang_en")}, nil)
	if i18n.Language() == "en" {
		v.language.SetSelected(v.language.Options[1])
	} else {
		v.language.SetSelected(v.language.Options[0])
	}
	v.language.OnChanged = func(s string) {
		lang := "vi"
		if s == v.language.Options[1] {
			lang = "en"
		}
		_ = v.SetLanguage(lang)
	}

	if v.readOnly {
		for _, d := range []fyne.Disableable{v.unitName, v.unitKind, v.hamletEntry, v.addBtn, v.renameBtn, v.removeBtn, v.saveHamlets} {
			d.Disable()
		}
		v.unitForm.OnSubmit = nil
	}

	hamletBox := container.NewBorder(
		container.NewVBox(v.hamletEntry, container.NewHBox(v.addBtn, v.renameBtn, v.removeBtn)),
		container.NewHBox(v.saveHamlets), nil, nil, v.hamletList)
	hint := widget.NewLabel(i18n.T("ui.settings.lang_hint"))
	hint.Wrapping = fyne.TextWrapWord
	general := container.NewVBox(
		widget.NewCard(i18n.T("ui.settings.unit"), i18n.T("ui.settings.unit_sub"), v.unitForm),
		widget.NewCard(i18n.T("ui.settings.language"), "", container.NewVBox(
			container.NewHBox(container.NewGridWrap(fyne.NewSize(240, v.language.MinSize().Height), v.language)), hint)),
	)
	if cs, ok := v.src.(cadenceSource); ok {
		v.cadence = newCadenceSection(cs, v.readOnly)
		general.Add(v.cadence.card) // settings_cadence.go
	}
	hamletCard := widget.NewCard(i18n.T("ui.settings.hamlets"), i18n.T("ui.settings.hamlets_sub"), hamletBox)
	lists := container.NewGridWithColumns(2, hamletCard, v.modelTypesCard()) // settings_modeltypes.go
	// Two tabs: the unit, language and visit cadence; the lists the forms
	// choose from. The message line stays visible under both.
	v.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(i18n.T("nav.settings.general"), theme.SettingsIcon(),
			container.NewPadded(container.NewVScroll(container.New(&readableWidth{max: settingsWidth}, general)))),
		container.NewTabItemWithIcon(i18n.T("nav.settings.lists"), theme.ListIcon(), container.NewPadded(lists)),
	)
	v.root = container.NewBorder(nil, v.message, nil, nil, v.tabs)
}

// settingsWidth is the most the general settings take on a wide screen.
const settingsWidth = 720

// say shows a confirmation line under the settings.
func (v *settingsView) say(key string) {
	v.message.Importance = widget.SuccessImportance
	v.message.SetText(i18n.T(key))
	v.message.Show()
}

func (v *settingsView) fail(err error) {
	v.message.Importance = widget.DangerImportance
	v.message.SetText(i18n.Error(err))
	v.message.Show()
}

// SaveUnit stores the unit name and kind.
func (v *settingsView) SaveUnit() error {
	if v.readOnly {
		return errReadOnly
	}
	if err := v.src.SetUnit(opCtx(), v.unitName.Value(), v.unitKind.Value()); err != nil {
		v.fail(err)
		return err
	}
	v.say("ui.settings.saved")
	return nil
}

// AddHamlet adds the typed name to the list (not yet saved); blanks and
// names already listed are ignored.
func (v *settingsView) AddHamlet() {
	name := v.hamletEntry.Value()
	if name == "" || slices.Contains(v.hamlets, name) {
		return
	}
	v.hamlets = append(v.hamlets, name)
	v.hamletEntry.SetText("")
	v.hamletList.Refresh()
}

// RenameHamlet gives the selected hamlet the typed name.
func (v *settingsView) RenameHamlet() {
	name := v.hamletEntry.Value()
	if v.selected < 0 || v.selected >= len(v.hamlets) || name == "" || slices.Contains(v.hamlets, name) {
		return
	}
	v.hamlets[v.selected] = name
	v.hamletList.Refresh()
}

func (v *settingsView) confirmRemove() {
	if v.selected < 0 || v.selected >= len(v.hamlets) {
		return
	}
	d := dialog.NewConfirm(i18n.T("ui.settings.hamlet_remove"),
		i18n.T("ui.settings.hamlet_remove_ask", "Name", v.hamlets[v.selected]),
		func(ok bool) {
			if ok {
				v.RemoveHamlet()
			}
		}, v.win)
	dialogKeys(v.win, d, nil, d.Hide)
	d.Show()
}

// RemoveHamlet drops the selected hamlet from the list (not yet saved).
// People already recorded in it keep their hamlet.
func (v *settingsView) RemoveHamlet() {
	if v.selected < 0 || v.selected >= len(v.hamlets) {
		return
	}
	v.hamlets = slices.Delete(v.hamlets, v.selected, v.selected+1)
	v.hamletList.UnselectAll()
	v.selected = -1
	v.hamletEntry.SetText("")
	v.hamletList.Refresh()
}

// SaveHamlets stores the edited hamlet list.
func (v *settingsView) SaveHamlets() error {
	if v.readOnly {
		return errReadOnly
	}
	if err := v.src.SetHamletList(opCtx(), v.hamlets); err != nil {
		v.fail(err)
		return err
	}
	if list, err := v.src.HamletList(opCtx()); err == nil {
		v.hamlets = list
		v.hamletList.Refresh()
	}
	v.say("ui.settings.saved")
	return nil
}

// SetLanguage stores the language ("vi" or "en"), switches to it and
// rebuilds the window.
func (v *settingsView) SetLanguage(lang string) error {
	if err := v.src.SetSetting(opCtx(), "language", lang); err != nil {
		v.fail(err)
		return err
	}
	i18n.SetLanguage(lang)
	v.u.Rebuild()
	return nil
}

// Rebuild redraws the window in the current language: the title, the
// navigation and the open area.
func (u *App) Rebuild() {
	ApplyFyneTranslations()
	u.win.SetTitle(i18n.T("app.name"))
	if u.nav != nil {
		u.nav.Refresh()
	}
	if u.content != nil {
		u.show(u.current)
	}
}
