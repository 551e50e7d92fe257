package ui

import (
	"image/color"
	"strconv"

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
	root := s.Root
	active := func() bool { return len(u.content.Objects) > 0 && u.content.Objects[0] == root }
	s.bind = func() {
		bindKeys(u.win.Canvas(), active, keyActions{find: s.focusSearch, newRecord: s.newRecord})
	}
	s.bind()
	return s
}

// modelsScreen is the models area.
type modelsScreen struct {
	win  fyne.Window
	data modelData
	bind func()

	Target *widget.Label
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
	modelHeads := supHeaders("model.col.name", "model.col.type", "model.field.status", "model.col.members")
	modelWidths := []float32{150, 90, 92, 80}
	s.ModelTbl = supTable(modelHeads, modelWidths, func() int { return len(s.shownM) }, s.modelCell, s.selectModel)

	s.Info = widget.NewLabel("")
	s.Info.Wrapping = fyne.TextWrapWord
	memberHeads := supHeaders("model.col.member_name", "model.field.role", "model.field.organisation", "model.field.phone")
	memberWidths := []float32{140, 117, 144, 104}
	s.MemberTbl = supTable(memberHeads, memberWidths, func() int { return len(s.Members) }, s.memberCell, func(row int) { s.selMember = row })
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
				supFill(s.MemberTbl, memberHeads, memberWidths, 0))),
		container.NewTabItem("",
			container.NewBorder(container.NewHBox(linkPerson, unlinkPerson, openPerson), nil, nil, nil, s.PeopleList)),
		container.NewTabItem("",
			container.NewBorder(container.NewHBox(linkBiz), nil, nil, nil,
				container.NewVScroll(container.NewVBox(s.PartnerLbl, s.PartnerBox)))),
	)
	s.tabTitles(0, 0, 0)
	s.detail = container.NewBorder(container.NewBorder(nil, nil, nil, container.NewVBox(editModel), s.Info), nil, nil, nil, s.DetailTabs)
	filters := container.NewGridWithColumns(2, s.StatusF, s.TypeF)
	left := container.NewBorder(container.NewVBox(s.Search, filters, newModel), nil, nil, nil, supFill(s.ModelTbl, modelHeads, modelWidths, 0))
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
	rows, err := s.data.Models(supCtx())
	if err != nil {
		s.Target.SetText(i18n.Error(err))
		return
	}
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
	types, err := s.data.ModelTypes(supCtx())
	if err != nil {
		return
	}
	opts := append([]string{i18n.T("model.ui.type_all")}, types...)
	onChanged := s.TypeF.OnChanged
	s.TypeF.OnChanged = nil // the caller filters once
	s.TypeF.SetOptions(opts)
	s.TypeF.SetSelectedIndex(0)
	for i, t := range types {
		if t == chosen {
			s.TypeF.SetSelectedIndex(i + 1)
		}
	}
	s.TypeF.OnChanged = onChanged
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

// SelectModel selects the model with id in the roster and shows it.
func (s *modelsScreen) SelectModel(id string) {
	for i, m := range s.shownM {
		if m.ID == id {
			s.ModelTbl.Select(widget.TableCellID{Row: i, Col: 0})
			// Select scrolls the cell into view; before the table's first
			// layout (its size is still zero) that scrolls everything out
			// of sight, so go back to the top left corner then.
			if s.ModelTbl.Size().Height < 1 {
				s.ModelTbl.ScrollToTop()
			}
			s.ModelTbl.ScrollToLeading()
			s.selectModel(i)
			return
		}
	}
}

func (s *modelsScreen) selectModel(row int) {
	s.selModel = row
	s.showDetail()
}

func (s *modelsScreen) current() (store.ModelRow, bool) {
	if s.selModel < 0 || s.selModel >= len(s.shownM) {
		return store.ModelRow{}, false
	}
	return s.shownM[s.selModel], true
}

// showDetail fills the detail side for the selected model.
func (s *modelsScreen) showDetail() {
	s.selMember, s.selPerson = -1, -1
	m, ok := s.current()
	if !ok {
		s.Info.SetText(i18n.T("model.ui.pick"))
		s.Members, s.People, s.Partners = nil, nil, nil
		s.MemberTbl.Refresh()
		s.PeopleList.Refresh()
		s.PartnerLbl.SetText("")
		s.PartnerBox.RemoveAll()
		s.tabTitles(0, 0, 0)
		return
	}
	ctx := supCtx()
	info := i18n.T("model.ui.info", "Name", m.Name, "Type", m.Type, "Lead", m.LeadOrg,
		"Status", enumLabel("model.status", string(m.Status)), "Started", showDate(m.StartedOn))
	if m.Decision.Number != "" {
		info += "\n" + i18n.T("model.ui.decision", "Number", m.Decision.Number, "Date", showDate(m.Decision.Date))
	}
	if m.RecognizedBy != "" {
		info += "\n" + i18n.T("model.ui.recognized", "By", m.RecognizedBy, "Date", showDate(m.RecognizedOn))
	}
	info += "\n" + i18n.T("model.ui.counts", "Members", m.Members, "People", m.People, "Businesses", m.Businesses)
	s.Info.SetText(info)
	s.Members, _ = s.data.ModelMembers(ctx, m.ID)
	s.People, _ = s.data.LinkedPeople(ctx, caseload.LinkModelPerson, m.ID)
	s.Partners, _ = s.data.ModelBusinesses(ctx, m.ID)
	s.MemberTbl.UnselectAll()
	s.MemberTbl.Refresh()
	s.PeopleList.UnselectAll()
	s.PeopleList.Refresh()
	s.PartnerBox.RemoveAll()
	for _, p := range s.Partners {
		line := widget.NewLabel(i18n.T("model.ui.partner_line", "Name", p.Business.Name, "Address", p.Business.Address,
			"Returnees", p.Business.ReturneeWorkers, "Workers", p.Business.Workers))
		line.Wrapping = fyne.TextWrapWord
		unlink := widget.NewButtonWithIcon(i18n.T("model.ui.unlink_person"), theme.ContentRemoveIcon(), func() { s.AskUnlinkBusiness(p) })
		if s.readOnly {
			unlink.Disable()
		}
		s.PartnerBox.Add(container.NewBorder(nil, nil, nil, unlink, line))
	}
	if len(s.Partners) == 0 {
		s.PartnerLbl.SetText(i18n.T("model.ui.partners_none"))
		s.PartnerLbl.Show()
	} else {
		s.PartnerLbl.SetText("")
		s.PartnerLbl.Hide()
	}
	s.tabTitles(len(s.Members), len(s.People), len(s.Partners))
}

// tabTitles shows the counts in the detail tabs' titles.
func (s *modelsScreen) tabTitles(members, people, partners int) {
	for i, t := range []string{
		i18n.T("model.ui.members_n", "Count", members),
		i18n.T("model.ui.people_n", "Count", people),
		i18n.T("model.ui.partners_n", "Count", partners),
	} {
		s.DetailTabs.Items[i].Text = t
	}
	s.DetailTabs.Refresh()
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

func (s *modelsScreen) memberCell(row, col int) string {
	m := s.Members[row]
	switch col {
	case 0:
		return m.Name
	case 1:
		return enumLabel("model.role", string(m.Role))
	case 2:
		return m.Organisation
	case 3:
		return m.Phone
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
func (s *modelsScreen) show(f *supForm) {
	f.restore = func() { s.bind() }
	if s.readOnly {
		f.setViewOnly()
	}
	f.Show()
}

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

// confirm asks before a destructive action (see supConfirm).
func (s *modelsScreen) confirm(titleKey, message, confirmKey string, ok func()) {
	s.Confirm = supConfirm(s.win, i18n.T(titleKey), message, i18n.T(confirmKey), ok)
}

// failed shows an error of a removal or an unlink.
func (s *modelsScreen) failed(err error) {
	dialog.ShowInformation(i18n.T("ui.error.title"), i18n.Error(err), s.win)
}

// AskRemoveMember asks, then removes the selected member from the model.
func (s *modelsScreen) AskRemoveMember() {
	m, ok := s.current()
	if s.readOnly || !ok || s.selMember < 0 || s.selMember >= len(s.Members) {
		return
	}
	mem := s.Members[s.selMember]
	s.confirm("model.ui.remove_member", i18n.T("model.ui.remove_member_ask", "Name", mem.Name, "Model", m.Name),
		"support.ui.remove", func() {
			if err := s.data.DeleteModelMember(supCtx(), mem.ID); err != nil {
				s.failed(err)
				return
			}
			s.Reload()
		})
}

// AskUnlinkPerson asks, then unlinks the selected person from the model
// (the person's record is not touched).
func (s *modelsScreen) AskUnlinkPerson() {
	m, ok := s.current()
	if s.readOnly || !ok || s.selPerson < 0 || s.selPerson >= len(s.People) {
		return
	}
	p := s.People[s.selPerson]
	s.confirm("model.ui.unlink_person", i18n.T("model.ui.unlink_person_ask", "Name", p.Name, "Model", m.Name),
		"model.ui.unlink_person", func() { s.deleteLink(p.Link.ID) })
}

// AskUnlinkBusiness asks, then unlinks a partner business from the
// selected model (the business's record is not touched).
func (s *modelsScreen) AskUnlinkBusiness(b store.LinkedBusiness) {
	m, ok := s.current()
	if s.readOnly || !ok {
		return
	}
	s.confirm("model.ui.unlink_person", i18n.T("model.ui.unlink_business_ask", "Business", b.Business.Name, "Model", m.Name),
		"model.ui.unlink_person", func() { s.deleteLink(b.Link.ID) })
}

// deleteLink removes a link and shows the lists again.
func (s *modelsScreen) deleteLink(id string) {
	if err := s.data.DeleteLink(supCtx(), id); err != nil {
		s.failed(err)
		return
	}
	s.Reload()
}

func (s *modelsScreen) openModelForm(rec caseload.Model) *modelForm {
	f := newModelForm(s.win, s.data, rec, nil)
	f.onSaved = func() {
		s.Reload()
		s.SelectModel(f.rec.ID)
	}
	s.show(f.supForm)
	return f
}

func (s *modelsScreen) openMemberForm(rec caseload.ModelMember) *memberForm {
	f := newMemberForm(s.win, s.data, rec, s.Reload)
	s.show(f.supForm)
	return f
}

// linkPersonForm links a person to a model or a business.
type linkPersonForm struct {
	*supForm
	Person *supPersonPicker
	Since  *DateEntry
}

func (s *modelsScreen) openLinkPerson(kind caseload.LinkKind, fromID string) *linkPersonForm {
	f := &linkPersonForm{Person: newSupPersonPicker(s.data), Since: NewDateEntry()}
	f.Since.SetDate(caseload.Today())
	f.supForm = newSupForm(s.win, i18n.T("model.ui.link_person"), []*widget.FormItem{
		supItem("model.field.person", f.Person.Object()),
		supItem("model.field.since", f.Since),
	}, "model.field.", func() error {
		l := caseload.Link{Kind: kind, FromID: fromID, ToID: f.Person.ID(), Since: f.Since.Date()}
		if l.ToID == "" {
			return supUserError{i18n.T("model.error.person_required")}
		}
		return s.data.SaveLink(supCtx(), &l)
	})
	f.onSaved = s.Reload
	s.show(f.supForm)
	return f
}

// linkBusinessForm links a partner business to the selected model.
type linkBusinessForm struct {
	*supForm
	Business *widget.Select
	biz      []store.BusinessRow
}

func (s *modelsScreen) openLinkBusiness() {
	m, ok := s.current()
	if !ok {
		return
	}
	s.linkBusinessForm(m.ID)
}

func (s *modelsScreen) linkBusinessForm(modelID string) *linkBusinessForm {
	f := &linkBusinessForm{}
	f.biz, _ = s.data.Businesses(supCtx())
	names := make([]string, len(f.biz))
	for i, b := range f.biz {
		names[i] = b.Name
	}
	f.Business = widget.NewSelect(names, nil)
	f.Business.PlaceHolder = i18n.T("support.ui.business_choose")
	f.supForm = newSupForm(s.win, i18n.T("model.ui.link_business"), []*widget.FormItem{
		supItem("model.field.business", f.Business),
	}, "model.field.", func() error {
		i := f.Business.SelectedIndex()
		if i < 0 || i >= len(f.biz) {
			return supUserError{i18n.T("model.error.business_required")}
		}
		l := caseload.Link{Kind: caseload.LinkModelBusiness, FromID: modelID, ToID: f.biz[i].ID, Since: caseload.Today()}
		return s.data.SaveLink(supCtx(), &l)
	})
	f.onSaved = s.Reload
	s.show(f.supForm)
	return f
}

// businessesView lists the partner businesses with search; the people
// linked to the selected business show below the list.
type businessesView struct {
	s      *modelsScreen
	all    []store.BusinessRow
	Shown  []store.BusinessRow
	Search *searchBox
	Table  *widget.Table
	Count  *widget.Label
	sel    int
	root   fyne.CanvasObject

	// People are the people linked to the selected business; PeopleBox
	// shows one row each: the name (opens the profile) and "Bỏ liên kết".
	People      []store.LinkedPerson
	PeopleTitle *widget.Label
	PeopleBox   *fyne.Container
}

func newBusinessesView(s *modelsScreen) *businessesView {
	v := &businessesView{s: s, sel: -1}
	v.Search = newSearchBox(i18n.T("business.ui.search"), func(string) { v.filter() })
	v.Count = widget.NewLabel("")
	headers := supHeaders("business.col.name", "business.field.address", "business.col.workers",
		"business.col.returnees", "business.col.share", "business.col.people", "business.col.income")
	widths := []float32{210, 190, 80, 80, 60, 80, 200}
	v.Table = supTable(headers, widths, func() int { return len(v.Shown) }, v.cell, func(row int) {
		v.sel = row
		v.showPeople()
	})
	newBtn := widget.NewButtonWithIcon(i18n.T("business.ui.new")+" (Ctrl+N)", theme.ContentAddIcon(), func() { v.openForm(caseload.Business{}) })
	newBtn.Importance = widget.HighImportance
	edit := widget.NewButtonWithIcon(i18n.T("support.ui.edit"), theme.DocumentCreateIcon(), func() {
		if v.sel >= 0 && v.sel < len(v.Shown) {
			v.openForm(v.Shown[v.sel].Business)
		}
	})
	link := widget.NewButtonWithIcon(i18n.T("business.ui.link_person"), theme.AccountIcon(), func() {
		if v.sel >= 0 && v.sel < len(v.Shown) {
			s.openLinkPerson(caseload.LinkBusinessPerson, v.Shown[v.sel].ID)
		}
	})
	s.writers = append(s.writers, newBtn, edit, link)
	v.PeopleTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.PeopleTitle.Wrapping = fyne.TextWrapWord
	v.PeopleBox = container.NewVBox()
	height := canvas.NewRectangle(color.Transparent)
	height.SetMinSize(fyne.NewSize(0, 150))
	people := container.NewVBox(widget.NewSeparator(), v.PeopleTitle,
		container.NewStack(height, container.NewVScroll(v.PeopleBox)))
	v.root = container.NewBorder(container.NewVBox(v.Search, container.NewHBox(newBtn, edit, link, v.Count)), people, nil, nil,
		supFill(v.Table, headers, widths, 6))
	v.showPeople()
	return v
}

// current returns the selected business.
func (v *businessesView) current() (store.BusinessRow, bool) {
	if v.sel < 0 || v.sel >= len(v.Shown) {
		return store.BusinessRow{}, false
	}
	return v.Shown[v.sel], true
}

// showPeople lists the people linked to the selected business.
func (v *businessesView) showPeople() {
	v.PeopleBox.RemoveAll()
	v.People = nil
	b, ok := v.current()
	if !ok {
		v.PeopleTitle.SetText(i18n.T("business.ui.pick"))
		return
	}
	people, err := v.s.data.LinkedPeople(supCtx(), caseload.LinkBusinessPerson, b.ID)
	if err != nil {
		v.PeopleTitle.SetText(i18n.Error(err))
		return
	}
	v.People = people
	if len(people) == 0 {
		v.PeopleTitle.SetText(i18n.T("business.ui.people_none", "Business", b.Name))
		return
	}
	v.PeopleTitle.SetText(i18n.T("business.ui.people", "Business", b.Name, "Count", len(people)))
	for _, p := range people {
		text := p.Name
		if p.Hamlet != "" {
			text += " — " + p.Hamlet
		}
		name := widget.NewButtonWithIcon(text, theme.AccountIcon(), func() {
			if v.s.openPerson != nil {
				v.s.openPerson(p.Link.ToID)
			}
		})
		name.Alignment = widget.ButtonAlignLeading
		name.Importance = widget.LowImportance
		if v.s.openPerson == nil {
			name.Disable()
		}
		unlink := widget.NewButtonWithIcon(i18n.T("model.ui.unlink_person"), theme.ContentRemoveIcon(), func() { v.AskUnlinkPerson(p) })
		if v.s.readOnly {
			unlink.Disable()
		}
		v.PeopleBox.Add(container.NewBorder(nil, nil, nil, unlink, name))
	}
}

// AskUnlinkPerson asks, then unlinks a person from the selected business
// (the person's record is not touched).
func (v *businessesView) AskUnlinkPerson(p store.LinkedPerson) {
	b, ok := v.current()
	if v.s.readOnly || !ok {
		return
	}
	v.s.confirm("model.ui.unlink_person", i18n.T("business.ui.unlink_person_ask", "Name", p.Name, "Business", b.Name),
		"model.ui.unlink_person", func() { v.s.deleteLink(p.Link.ID) })
}

func (v *businessesView) reload() {
	rows, err := v.s.data.Businesses(supCtx())
	if err != nil {
		v.Count.SetText(i18n.Error(err))
		return
	}
	v.all = rows
	v.filter()
}

// filter applies the search box, keeping the selected business when it is
// still shown.
func (v *businessesView) filter() {
	keep := ""
	if b, ok := v.current(); ok {
		keep = b.ID
	}
	q := v.Search.Value()
	v.Shown = v.Shown[:0:0]
	for _, b := range v.all {
		if supMatch(q, b.Name, b.Address, b.Representative) {
			v.Shown = append(v.Shown, b)
		}
	}
	v.sel = -1
	v.Table.UnselectAll()
	for i, b := range v.Shown {
		if b.ID == keep {
			v.sel = i
			v.Table.Select(widget.TableCellID{Row: i, Col: 0})
			if v.Table.Size().Height < 1 {
				v.Table.ScrollToTop()
			}
			v.Table.ScrollToLeading()
		}
	}
	v.Table.Refresh()
	v.showPeople()
	v.Count.SetText(i18n.T("business.ui.count", "Count", len(v.Shown)))
}

func (v *businessesView) cell(row, col int) string {
	b := v.Shown[row]
	switch col {
	case 0:
		return b.Name
	case 1:
		return b.Address
	case 2:
		return strconv.Itoa(b.Workers)
	case 3:
		return strconv.Itoa(b.ReturneeWorkers)
	case 4:
		pct := strconv.Itoa(b.ReturneePercent()) + " %"
		if b.Workers > 0 && b.ReturneeWorkers*100 < b.Workers*caseload.LoanMinReturneePercent {
			pct += " ⚠"
		}
		return pct
	case 5:
		return strconv.Itoa(b.People)
	case 6:
		return b.IncomeNotes
	}
	return ""
}

func (v *businessesView) openForm(rec caseload.Business) *businessForm {
	f := newBusinessForm(v.s.win, v.s.data, rec, v.s.Reload)
	v.s.show(f.supForm)
	return f
}
