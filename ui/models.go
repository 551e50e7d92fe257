package ui

import (
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// newModelsArea builds the "models" area: the roster of reintegration
// models with their members, the people they help and their partner
// businesses; the list of businesses; and the ward target "at least one
// active model".
func (u *App) newModelsArea() fyne.CanvasObject { return u.buildModelsArea().Root }

// buildModelsArea builds the models area with its keys bound and profiles
// opening from the people it lists.
func (u *App) buildModelsArea() *modelsScreen {
	s := newModelsScreen(u.win, u.st)
	s.openPerson = u.svOpenPerson
	if u.sess.readOnly() || u.sess.isMentor() {
		s.setReadOnly()
	}
	s.bind = u.areaKeys(s.Root, keyActions{find: s.focusSearch, newRecord: s.newRecord})
	return s
}

// modelsScreen is the models area.
type modelsScreen struct {
	win  fyne.Window
	data modelData
	bind func()

	Target *widget.Label
	loads  loader
	Tabs   *container.AppTabs

	Models   []store.ModelRow
	ModelTbl *widget.Table
	Search   *searchBox
	StatusF  *enumSelect    // status filter ("" = all)
	TypeF    *widget.Select // type filter (first choice = all)
	shownM   []store.ModelRow
	selModel int

	Info       *widget.Label
	Members    []caseload.ModelMember
	MemberTbl  *widget.Table
	People     []store.LinkedPerson
	PeopleList *widget.List
	Partners   []store.LinkedBusiness
	PartnerLbl *widget.Label   // "none" when the model has no partner
	PartnerBox *fyne.Container // one row per partner, with "Bỏ liên kết"
	// DetailTabs holds the members, the people helped and the partner
	// businesses of the selected model, one tab each with its count.
	DetailTabs *container.AppTabs
	selMember  int
	selPerson  int

	Biz    *businessesView
	Root   fyne.CanvasObject
	detail fyne.CanvasObject

	// Confirm is the last confirmation asked (removing, unlinking).
	Confirm *dialog.ConfirmDialog
	// openPerson opens a person's profile (nil: names are not clickable).
	openPerson func(id string)
	readOnly   bool               // leader: nothing can be added or changed
	writers    []fyne.Disableable // the buttons that add or change records
}

func newModelsScreen(win fyne.Window, data modelData) *modelsScreen {
	s := &modelsScreen{win: win, data: data, bind: func() {}, selModel: -1, selMember: -1, selPerson: -1}
	s.Target = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.Target.Wrapping = fyne.TextWrapWord
	s.Search = newSearchBox(i18n.T("model.ui.search"), func(string) { s.filter() })
	s.StatusF = newSupFilter("model.status", enumValues(caseload.ModelStatuses), "model.ui.status_all", func(string) { s.filter() })
	s.TypeF = widget.NewSelect([]string{i18n.T("model.ui.type_all")}, nil)
	s.TypeF.PlaceHolder = i18n.T("model.ui.type_all")
	s.TypeF.SetSelectedIndex(0)
	s.TypeF.OnChanged = func(string) { s.filter() }
	modelHeads := headerTexts("model.col.name", "model.col.type", "model.field.status", "model.col.members")
	modelWidths := []float32{150, 90, 92, 80}
	s.ModelTbl = dataTable(modelHeads, modelWidths, func() int { return len(s.shownM) }, s.modelCell, s.selectModel)

	s.Info = widget.NewLabel("")
	s.Info.Wrapping = fyne.TextWrapWord
	memberHeads := headerTexts("model.col.member_name", "model.field.role", "model.field.organisation", "model.field.phone")
	memberWidths := []float32{140, 117, 144, 104}
	s.MemberTbl = dataTable(memberHeads, memberWidths, func() int { return len(s.Members) }, s.memberCell, func(row int) { s.selMember = row })
	s.PeopleList = widget.NewList(func() int { return len(s.People) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= 0 && id < len(s.People) {
				p := s.People[id]
				o.(*widget.Label).SetText(p.Name + "  —  " + p.Hamlet)
			}
		})
	s.PeopleList.OnSelected = func(id widget.ListItemID) { s.selPerson = id }
	s.PartnerLbl = widget.NewLabel("")
	s.PartnerLbl.Wrapping = fyne.TextWrapWord
	s.PartnerBox = container.NewVBox()

	newModel := widget.NewButtonWithIcon(i18n.T("model.ui.new")+" (Ctrl+N)", theme.ContentAddIcon(), func() { s.openModelForm(caseload.Model{}) })
	newModel.Importance = widget.HighImportance
	editModel := widget.NewButtonWithIcon(i18n.T("support.ui.edit"), theme.DocumentCreateIcon(), func() {
		if m, ok := s.current(); ok {
			s.openModelForm(m.Model)
		}
	})
	addMember := widget.NewButtonWithIcon(i18n.T("model.ui.add_member"), theme.ContentAddIcon(), func() {
		if m, ok := s.current(); ok {
			s.openMemberForm(caseload.ModelMember{ModelID: m.ID})
		}
	})
	editMember := widget.NewButtonWithIcon(i18n.T("model.ui.edit_member"), theme.DocumentCreateIcon(), func() {
		if s.selMember >= 0 && s.selMember < len(s.Members) {
			s.openMemberForm(s.Members[s.selMember])
		}
	})
	linkPerson := widget.NewButtonWithIcon(i18n.T("model.ui.link_person"), theme.AccountIcon(), func() {
		if m, ok := s.current(); ok {
			s.openLinkPerson(caseload.LinkModelPerson, m.ID)
		}
	})
	removeMember := widget.NewButtonWithIcon(i18n.T("model.ui.remove_member"), theme.DeleteIcon(), s.AskRemoveMember)
	unlinkPerson := widget.NewButtonWithIcon(i18n.T("model.ui.unlink_person"), theme.ContentRemoveIcon(), s.AskUnlinkPerson)
	openPerson := widget.NewButtonWithIcon(i18n.T("support.ui.open_person"), theme.AccountIcon(), func() {
		if s.selPerson >= 0 && s.selPerson < len(s.People) && s.openPerson != nil {
			s.openPerson(s.People[s.selPerson].Link.ToID)
		}
	})
	linkBiz := widget.NewButtonWithIcon(i18n.T("model.ui.link_business"), theme.StorageIcon(), s.openLinkBusiness)
	s.writers = append(s.writers, newModel, editModel, addMember, editMember, removeMember, linkPerson, unlinkPerson, linkBiz)

	s.DetailTabs = container.NewAppTabs(
		container.NewTabItem("",
			container.NewBorder(container.NewHBox(addMember, editMember, removeMember), nil, nil, nil,
				fillTable(s.MemberTbl, memberHeads, memberWidths, 0))),
		container.NewTabItem("",
			container.NewBorder(container.NewHBox(linkPerson, unlinkPerson, openPerson), nil, nil, nil, s.PeopleList)),
		container.NewTabItem("",
			container.NewBorder(container.NewHBox(linkBiz), nil, nil, nil,
				container.NewVScroll(container.NewVBox(s.PartnerLbl, s.PartnerBox)))),
	)
	s.tabTitles(0, 0, 0)
	s.detail = container.NewBorder(container.NewBorder(nil, nil, nil, container.NewVBox(editModel), s.Info), nil, nil, nil, s.DetailTabs)
	filters := container.NewGridWithColumns(2, s.StatusF, s.TypeF)
	left := container.NewBorder(container.NewVBox(s.Search, filters, container.NewHBox(newModel, exportButton(s.data, "models", nil))), nil, nil, nil, fillTable(s.ModelTbl, modelHeads, modelWidths, 0))
	split := container.NewHSplit(left, s.detail)
	split.Offset = 0.46

	s.Biz = newBusinessesView(s)
	s.Tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(i18n.T("model.ui.tab_models"), theme.GridIcon(), split),
		container.NewTabItemWithIcon(i18n.T("business.ui.tab"), theme.StorageIcon(), s.Biz.root),
	)
	s.Root = container.NewBorder(container.NewPadded(s.Target), nil, nil, nil, s.Tabs)
	s.Reload()
	return s
}

// Reload reads the models (keeping the selection) and the businesses.
func (s *modelsScreen) Reload() {
	keep := ""
	if m, ok := s.current(); ok {
		keep = m.ID
	}
	s.loads.status = s.Target
	runLoad(&s.loads, func() ([]store.ModelRow, error) { return s.data.Models(opCtx()) },
		func(err error) { s.Target.SetText(i18n.Error(err)) },
		func(rows []store.ModelRow) { s.showModels(rows, keep) })
}

// showModels shows the models read by Reload, keeping the model keep
// selected.
func (s *modelsScreen) showModels(rows []store.ModelRow, keep string) {
	s.Models = rows
	ms := make([]caseload.Model, len(rows))
	for i, r := range rows {
		ms[i] = r.Model
	}
	n := caseload.ActiveModels(ms)
	if n >= 1 {
		s.Target.SetText(i18n.T("model.ui.target_met", "Count", n))
		s.Target.Importance = widget.SuccessImportance
	} else {
		s.Target.SetText(i18n.T("model.ui.target_missed"))
		s.Target.Importance = widget.DangerImportance
	}
	s.Target.Refresh()
	s.reloadTypes()
	s.filter()
	if keep != "" {
		s.SelectModel(keep)
	}
	s.Biz.reload()
}

// reloadTypes fills the type filter with the editable list of types
// (and any type in use), keeping the chosen type.
func (s *modelsScreen) reloadTypes() {
	chosen := s.typeFilter()
	types, err := s.data.ModelTypes(opCtx())
	if err != nil {
		return
	}
	opts := append([]string{i18n.T("model.ui.type_all")}, types...)
	s.TypeF.SetOptions(opts)
	selectQuietly(s.TypeF, slices.Index(types, chosen)+1) // the caller filters once
}

// typeFilter is the chosen model type, "" for all.
func (s *modelsScreen) typeFilter() string {
	if i := s.TypeF.SelectedIndex(); i > 0 && i < len(s.TypeF.Options) {
		return s.TypeF.Options[i]
	}
	return ""
}

// filter shows the models matching the search box, the status filter and
// the type filter.
func (s *modelsScreen) filter() {
	q := s.Search.Value()
	status := caseload.ModelStatus(s.StatusF.Value())
	typ := s.typeFilter()
	s.shownM = s.shownM[:0:0]
	for _, m := range s.Models {
		if (status == "" || m.Status == status) && (typ == "" || m.Type == typ) && supMatch(q, m.Name, m.Type, m.LeadOrg) {
			s.shownM = append(s.shownM, m)
		}
	}
	s.selModel = -1
	s.ModelTbl.UnselectAll()
	s.ModelTbl.Refresh()
	s.showDetail()
}

func (s *modelsScreen) modelCell(row, col int) string {
	m := s.shownM[row]
	switch col {
	case 0:
		if m.RecognizedBy != "" {
			return "★ " + m.Name
		}
		return m.Name
	case 1:
		return m.Type
	case 2:
		return enumLabel("model.status_short", string(m.Status))
	case 3:
		return strconv.Itoa(m.Members)
	}
	return ""
}

func (s *modelsScreen) focusSearch() {
	if s.Tabs.SelectedIndex() == 1 {
		s.win.Canvas().Focus(s.Biz.Search)
		return
	}
	s.win.Canvas().Focus(s.Search)
}

func (s *modelsScreen) newRecord() {
	if s.readOnly {
		return
	}
	if s.Tabs.SelectedIndex() == 1 {
		s.Biz.openForm(caseload.Business{})
		return
	}
	s.openModelForm(caseload.Model{})
}

// show shows a form and restores the area's shortcuts when it closes; in
// a read-only session the form is a view.
func (s *modelsScreen) show(f *formFrame) { f.open(s.readOnly, s.bind) }

// setReadOnly makes the area read-only (a leader): the buttons that add,
// change, remove or unlink are disabled, Ctrl+N does nothing and the
// forms open as views.
func (s *modelsScreen) setReadOnly() {
	s.readOnly = true
	for _, w := range s.writers {
		w.Disable()
	}
	s.Reload() // rows with their own unlink buttons are built again
}

// confirm asks before a destructive action (see askConfirm).
func (s *modelsScreen) confirm(titleKey, message, confirmKey string, ok func()) {
	s.Confirm = askConfirm(s.win, i18n.T(titleKey), message, i18n.T(confirmKey), ok)
}

// failed shows an error of a removal or an unlink.
func (s *modelsScreen) failed(err error) {
	showMessage(i18n.T("ui.error.title"), i18n.Error(err), s.win)
}

func (s *modelsScreen) openModelForm(rec caseload.Model) *modelForm {
	f := newModelForm(s.win, s.data, rec, nil)
	f.onSaved = func() {
		s.Reload()
		s.SelectModel(f.rec.ID)
	}
	s.show(f.formFrame)
	return f
}

func (s *modelsScreen) openMemberForm(rec caseload.ModelMember) *memberForm {
	f := newMemberForm(s.win, s.data, rec, s.Reload)
	s.show(f.formFrame)
	return f
}
