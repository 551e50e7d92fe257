package ui

import (
	"context"
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// modelTypesSource is what the list of model types needs from the store
// (*store.Store satisfies it).
type modelTypesSource interface {
	ModelTypes(ctx context.Context) ([]string, error)
	SetModelTypes(ctx context.Context, types []string) error
	Models(ctx context.Context) ([]store.ModelRow, error)
	SaveModel(ctx context.Context, rec *caseload.Model) error
}

var _ modelTypesSource = (*store.Store)(nil)

// modelTypesCard is the settings card of the model types, or nothing when
// the settings source cannot list them.
func (v *settingsView) modelTypesCard() fyne.CanvasObject {
	src, ok := v.src.(modelTypesSource)
	if !ok {
		return container.NewVBox()
	}
	return newModelTypesSection(src, v.win, v.readOnly).root
}

// modelTypesSection edits the list of reintegration model types offered
// by the model form ("4+", "Câu lạc bộ"…): add, rename, remove, then
// save. Renaming a type also renames it in the models that use it when
// the list is saved; a type in use cannot be removed.
type modelTypesSection struct {
	src      modelTypesSource
	win      fyne.Window
	readOnly bool

	// Types is the list as edited (saved by Save).
	Types []string
	// origin maps a listed name to the name it had when the list was
	// loaded ("" for a name added since): models are renamed from origin.
	origin map[string]string
	// inUse counts the models of each saved type.
	inUse    map[string]int
	selected int

	List      *widget.List
	Entry     *keyEntry
	AddBtn    *widget.Button
	RenameBtn *widget.Button
	RemoveBtn *widget.Button
	SaveBtn   *widget.Button
	Message   *widget.Label
	// Confirm is the last confirmation asked (removing a type).
	Confirm *dialog.ConfirmDialog
	root    fyne.CanvasObject
}

// newModelTypesSection builds the section and loads the list.
func newModelTypesSection(src modelTypesSource, win fyne.Window, readOnly bool) *modelTypesSection {
	m := &modelTypesSection{src: src, win: win, readOnly: readOnly, selected: -1}
	m.Message = widget.NewLabel("")
	m.Message.Wrapping = fyne.TextWrapWord
	m.Message.Hide()
	m.List = widget.NewList(
		func() int { return len(m.Types) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= 0 && id < len(m.Types) {
				o.(*widget.Label).SetText(m.label(m.Types[id]))
			}
		})
	m.List.OnSelected = func(id widget.ListItemID) {
		m.selected = id
		if id >= 0 && id < len(m.Types) {
			m.Entry.SetText(m.Types[id])
		}
	}
	m.List.OnUnselected = func(widget.ListItemID) { m.selected = -1 }
	m.Entry = newKeyEntry()
	m.Entry.PlaceHolder = i18n.T("modeltypes.placeholder")
	m.Entry.OnSubmitted = func(string) { m.Add() }
	m.AddBtn = widget.NewButtonWithIcon(i18n.T("modeltypes.add"), theme.ContentAddIcon(), m.Add)
	m.RenameBtn = widget.NewButtonWithIcon(i18n.T("modeltypes.rename"), theme.DocumentCreateIcon(), m.Rename)
	m.RemoveBtn = widget.NewButtonWithIcon(i18n.T("modeltypes.remove"), theme.DeleteIcon(), m.AskRemove)
	m.SaveBtn = widget.NewButtonWithIcon(i18n.T("modeltypes.save"), theme.DocumentSaveIcon(), func() { _ = m.Save() })
	m.SaveBtn.Importance = widget.HighImportance
	if readOnly {
		for _, d := range []fyne.Disableable{m.Entry, m.AddBtn, m.RenameBtn, m.RemoveBtn, m.SaveBtn} {
			d.Disable()
		}
	}
	height := canvas.NewRectangle(color.Transparent)
	height.SetMinSize(fyne.NewSize(0, 170))
	box := container.NewBorder(
		container.NewVBox(m.Entry, container.NewHBox(m.AddBtn, m.RenameBtn, m.RemoveBtn)),
		container.NewVBox(container.NewHBox(m.SaveBtn), m.Message), nil, nil,
		container.NewStack(height, m.List))
	m.root = widget.NewCard(i18n.T("modeltypes.title"), i18n.T("modeltypes.sub"), box)
	m.load()
	return m
}

// load reads the saved list and counts the models of each type.
func (m *modelTypesSection) load() {
	ctx := opCtx()
	types, err := m.src.ModelTypes(ctx)
	if err != nil {
		m.fail(i18n.Error(err))
		return
	}
	m.Types = types
	m.origin = make(map[string]string, len(types))
	for _, t := range types {
		m.origin[t] = t
	}
	m.inUse = map[string]int{}
	if rows, err := m.src.Models(ctx); err == nil {
		for _, r := range rows {
			m.inUse[r.Type]++
		}
	}
	m.selected = -1
	m.List.UnselectAll()
	m.List.Refresh()
}

// label is a type as listed: with the number of models using it.
func (m *modelTypesSection) label(t string) string {
	if n := m.inUse[m.origin[t]]; n > 0 {
		return t + "  (" + i18n.T("modeltypes.in_use", "Count", n) + ")"
	}
	return t
}

func (m *modelTypesSection) say(text string) {
	m.Message.Importance = widget.SuccessImportance
	m.Message.SetText(text)
	m.Message.Show()
}

func (m *modelTypesSection) fail(text string) {
	m.Message.Importance = widget.DangerImportance
	m.Message.SetText(text)
	m.Message.Show()
}

// Add appends the typed name (not yet saved).
func (m *modelTypesSection) Add() {
	name := m.Entry.Value()
	switch {
	case m.readOnly || name == "":
		return
	case slices.Contains(m.Types, name):
		m.fail(i18n.T("modeltypes.exists", "Name", name))
		return
	}
	m.Types = append(m.Types, name)
	m.Entry.SetText("")
	m.Message.Hide()
	m.List.Refresh()
}

// Rename gives the selected type the typed name (not yet saved; saving
// also renames it in the models using it).
func (m *modelTypesSection) Rename() {
	name := m.Entry.Value()
	if m.readOnly || m.selected < 0 || m.selected >= len(m.Types) || name == "" || name == m.Types[m.selected] {
		return
	}
	if slices.Contains(m.Types, name) {
		m.fail(i18n.T("modeltypes.exists", "Name", name))
		return
	}
	old := m.Types[m.selected]
	m.origin[name] = m.origin[old]
	delete(m.origin, old)
	m.Types[m.selected] = name
	m.List.Refresh()
	if n := m.inUse[m.origin[name]]; n > 0 {
		m.say(i18n.T("modeltypes.rename_note", "Old", m.origin[name], "New", name, "Count", n))
	} else {
		m.Message.Hide()
	}
}

// AskRemove refuses to remove a type in use, else asks first.
func (m *modelTypesSection) AskRemove() {
	if m.readOnly || m.selected < 0 || m.selected >= len(m.Types) {
		return
	}
	name := m.Types[m.selected]
	if n := m.inUse[m.origin[name]]; n > 0 {
		m.fail(i18n.T("modeltypes.in_use_refused", "Name", name, "Count", n))
		return
	}
	m.Confirm = askConfirm(m.win, i18n.T("modeltypes.remove"), i18n.T("modeltypes.remove_ask", "Name", name),
		i18n.T("support.ui.remove"), m.Remove)
}

// Remove drops the selected type from the list (not yet saved) unless a
// model uses it.
func (m *modelTypesSection) Remove() {
	if m.readOnly || m.selected < 0 || m.selected >= len(m.Types) || m.inUse[m.origin[m.Types[m.selected]]] > 0 {
		return
	}
	delete(m.origin, m.Types[m.selected])
	m.Types = slices.Delete(m.Types, m.selected, m.selected+1)
	m.selected = -1
	m.List.UnselectAll()
	m.Entry.SetText("")
	m.Message.Hide()
	m.List.Refresh()
}

// Save renames the renamed types in the models using them, then stores
// the list.
func (m *modelTypesSection) Save() error {
	if m.readOnly {
		return errReadOnly
	}
	if len(m.Types) == 0 {
		m.fail(i18n.T("modeltypes.empty"))
		return nil
	}
	ctx := opCtx()
	renamed := map[string]string{}
	for _, t := range m.Types {
		if o := m.origin[t]; o != "" && o != t {
			renamed[o] = t
		}
	}
	moved := 0
	if len(renamed) > 0 {
		rows, err := m.src.Models(ctx)
		if err != nil {
			m.fail(i18n.Error(err))
			return err
		}
		for _, r := range rows {
			to, ok := renamed[r.Type]
			if !ok {
				continue
			}
			rec := r.Model
			rec.Type = to
			if err := m.src.SaveModel(ctx, &rec); err != nil {
				m.fail(i18n.T("modeltypes.model_failed", "Name", r.Name) + " " + i18n.Error(err))
				return err
			}
			moved++
		}
	}
	if err := m.src.SetModelTypes(ctx, m.Types); err != nil {
		m.fail(i18n.Error(err))
		return err
	}
	m.load()
	if moved > 0 {
		m.say(i18n.T("modeltypes.saved_moved", "Count", moved))
	} else {
		m.say(i18n.T("modeltypes.saved"))
	}
	return nil
}
