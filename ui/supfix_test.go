package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// supfixTop returns the top overlay of w (a dialog), or fails.
func supfixTop(t *testing.T, w fyne.Window) fyne.CanvasObject {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shown")
	}
	return top
}

// supfixShortcut types a screen shortcut on w's canvas.
func supfixShortcut(w fyne.Window, s fyne.Shortcut) {
	w.Canvas().(fyne.Shortcutable).TypedShortcut(s)
}

// supfixCard reports whether a card titled title is under o.
func supfixCard(o fyne.CanvasObject, title string) bool {
	switch x := o.(type) {
	case *widget.Card:
		if x.Title == title {
			return true
		}
		return x.Content != nil && supfixCard(x.Content, title)
	case *container.AppTabs:
		for _, it := range x.Items {
			if supfixCard(it.Content, title) {
				return true
			}
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			if supfixCard(c, title) {
				return true
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if supfixCard(c, title) {
				return true
			}
		}
	}
	return false
}

// A form opened from the profile's "Hỗ trợ" tab hands the profile its
// shortcuts back when it closes, whether cancelled or saved.
func TestSupfixProfileShortcutsAfterSupportForm(t *testing.T) {
	u, st := newTestUI(t)
	v := showCaseload(t, u, "officer")
	f := openNew(t, u, v)
	fillMinimal(f, "Đỗ Thị Giang")
	supfixShortcut(u.win, shortcutSave)
	if f.person.ID == "" {
		t.Fatal("first Ctrl+S did not save")
	}
	id := f.person.ID
	u.list = v
	u.selectProfileTab(i18n.T("support.ui.person_tab"))
	add := findButton(v.stack, i18n.T("support.ui.support_new"))
	if add == nil {
		t.Fatal("the profile has no support tab button")
	}

	// Cancel: the support form closes, then Ctrl+S saves the profile.
	test.Tap(add)
	test.Tap(overlayButton(t, u, i18n.T("support.ui.cancel")))
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("the support form did not close")
	}
	f.fullName.SetText("Đỗ Thị Giang Hương")
	supfixShortcut(u.win, shortcutSave)
	if p, _ := st.Person(context.Background(), id); p.FullName != "Đỗ Thị Giang Hương" {
		t.Fatalf("Ctrl+S after closing the support form: stored name %q", p.FullName)
	}

	// Save: Ctrl+S first saves the support form (counselling, today), then
	// the profile again.
	test.Tap(add)
	supfixShortcut(u.win, shortcutSave)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Ctrl+S did not save and close the support form")
	}
	if list, _ := st.PersonSupports(context.Background(), id); len(list) != 1 {
		t.Fatalf("supports saved = %d", len(list))
	}
	f.fullName.SetText("Đỗ Thị Hương")
	supfixShortcut(u.win, shortcutSave)
	if p, _ := st.Person(context.Background(), id); p.FullName != "Đỗ Thị Hương" {
		t.Fatalf("Ctrl+S after saving the support form: stored name %q", p.FullName)
	}

	// The loan form too; then Esc closes the (saved) profile and Ctrl+F
	// reaches the list's search box.
	test.Tap(findButton(v.stack, i18n.T("support.ui.loan_new")))
	u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc did not close the loan form")
	}
	u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if v.form != nil {
		t.Fatal("Esc after the loan form did not close the profile")
	}
	supfixShortcut(u.win, shortcutFind)
	if u.win.Canvas().Focused() != v.search {
		t.Error("Ctrl+F after the forms did not focus the search box")
	}
}

// A form shown where no screen bound shortcuts (a profile in its own
// window) leaves none bound once it closes.
func TestSupfixFormInWindowWithoutShortcuts(t *testing.T) {
	st, duc, _ := supTestStore(t)
	w := supTestWindow(t)
	v := newPersonSupportView(w, st, duc.ID)
	w.SetContent(v.Root)
	f := v.openSupport(caseload.Support{PersonID: duc.ID})
	f.Close()
	supfixShortcut(w, shortcutSave)
	if list, _ := st.PersonSupports(context.Background(), duc.ID); len(list) != 0 {
		t.Errorf("Ctrl+S after closing saved %d supports", len(list))
	}
	keyBindings.Lock()
	_, kept := keyBindings.m[w.Canvas()]
	keyBindings.Unlock()
	if kept {
		t.Error("the window's canvas is still remembered")
	}
}

// A leader sees the support, models and profile buttons disabled, Ctrl+N
// opens nothing and forms open as views that cannot save.
func TestSupfixLeaderReadOnly(t *testing.T) {
	u, st := newTestUI(t)
	ids := seed(t, st, caseload.Person{FullName: "Nguyễn Văn Đức"})
	ctx := context.Background()
	sup := caseload.Support{PersonID: ids[0], Kind: caseload.SupportCounselling, Date: caseload.Today(), Provider: "Hội Phụ nữ"}
	if err := st.SaveSupport(ctx, &sup); err != nil {
		t.Fatal(err)
	}
	m := caseload.Model{Name: "Mô hình 4+1", Type: "4+1", Status: caseload.ModelActive}
	if err := st.SaveModel(ctx, &m); err != nil {
		t.Fatal(err)
	}
	u.sess.Role = "leader"

	root := u.newSupportArea()
	u.content.Objects = []fyne.CanvasObject{root}
	for _, text := range []string{i18n.T("support.ui.loan_new") + " (Ctrl+N)", i18n.T("support.ui.edit")} {
		if b := findButton(root, text); b == nil || !b.Disabled() {
			t.Errorf("support area: button %q is not disabled", text)
		}
	}
	supfixShortcut(u.win, shortcutNew)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("Ctrl+N opened a form for a leader")
	}

	models := u.newModelsArea()
	u.content.Objects = []fyne.CanvasObject{models}
	for _, text := range []string{i18n.T("model.ui.new") + " (Ctrl+N)", i18n.T("support.ui.edit")} {
		if b := findButton(models, text); b == nil || !b.Disabled() {
			t.Errorf("models area: button %q is not disabled", text)
		}
	}
	supfixShortcut(u.win, shortcutNew)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("Ctrl+N opened a model form for a leader")
	}

	// Every writing button of both screens, and forms as views.
	w := supTestWindow(t)
	s := newSupportScreen(w, st)
	s.setReadOnly()
	for i, b := range s.writers {
		if !b.Disabled() {
			t.Errorf("support writer %d enabled", i)
		}
	}
	f := s.Supports.openForm(s.Supports.Shown[0].Support)
	if !f.viewOnly || f.form.OnSubmit != nil || !f.Provider.Disabled() || !f.Person.Search.Disabled() {
		t.Error("the support form is editable for a leader")
	}
	f.Provider.Entry.Text = "Đoàn Thanh niên"
	supfixShortcut(w, shortcutSave)
	if list, _ := st.PersonSupports(ctx, ids[0]); list[0].Provider != "Hội Phụ nữ" || list[0].Ver != 1 {
		t.Errorf("a leader's Ctrl+S saved: %+v", list[0])
	}
	f.Close()

	ms := newModelsScreen(w, st)
	ms.setReadOnly()
	for i, b := range ms.writers {
		if !b.Disabled() {
			t.Errorf("models writer %d enabled", i)
		}
	}
	ms.SelectModel(m.ID)
	mf := ms.openModelForm(m)
	if !mf.viewOnly || !mf.Name.Disabled() {
		t.Error("the model form is editable for a leader")
	}
	mf.Close()

	// The profile's "Hỗ trợ" tab.
	tabs := u.supportTabs(ids[0])
	for _, text := range []string{i18n.T("support.ui.support_new"), i18n.T("support.ui.loan_new"), i18n.T("exemplary.ui.new")} {
		if b := findButton(tabs[0].Content, text); b == nil || !b.Disabled() {
			t.Errorf("profile: button %q is not disabled", text)
		}
	}
}

// Model types: add, rename (the models using it follow), refuse to
// remove a type in use, remove another after asking; the model form
// offers the saved list; the settings area shows the section.
func TestSupfixModelTypesSettings(t *testing.T) {
	st, _, _ := supTestStore(t)
	ctx := context.Background()
	m := caseload.Model{Name: "Mô hình 4+ tổ 5", Type: "4+", Status: caseload.ModelActive}
	if err := st.SaveModel(ctx, &m); err != nil {
		t.Fatal(err)
	}
	w := supTestWindow(t)
	sec := newModelTypesSection(st, w, false)
	if !slices.Equal(sec.Types, caseload.DefaultModelTypes) {
		t.Fatalf("types = %v", sec.Types)
	}
	if got := sec.label("4+"); !strings.Contains(got, "1 mô hình") {
		t.Errorf("label of a type in use = %q", got)
	}
	sec.Entry.SetText("Câu lạc bộ Bạn giúp bạn")
	sec.Add()
	sec.Entry.SetText("4+1")
	sec.Add() // already listed
	if !strings.Contains(sec.Message.Text, "đã có") || len(sec.Types) != len(caseload.DefaultModelTypes)+1 {
		t.Errorf("duplicate add: %q, %d types", sec.Message.Text, len(sec.Types))
	}
	// A type in use cannot be removed.
	sec.List.Select(slices.Index(sec.Types, "4+"))
	sec.AskRemove()
	if sec.Confirm != nil || !strings.Contains(sec.Message.Text, "Không thể xóa") || !slices.Contains(sec.Types, "4+") {
		t.Fatalf("removing a type in use: %q", sec.Message.Text)
	}
	// Rename it.
	sec.Entry.SetText("Mô hình 4+")
	sec.Rename()
	if !strings.Contains(sec.Message.Text, "1 mô hình") {
		t.Errorf("rename note = %q", sec.Message.Text)
	}
	// Remove an unused type, after confirming.
	sec.List.Select(slices.Index(sec.Types, "Tổ tự quản"))
	sec.AskRemove()
	if sec.Confirm == nil {
		t.Fatal("no confirmation asked")
	}
	if findButton(supfixTop(t, w), i18n.T("supfix.ui.remove")) == nil || findButton(supfixTop(t, w), "Hủy") == nil {
		t.Error("the confirmation has no Vietnamese buttons")
	}
	sec.Confirm.Confirm()
	if err := sec.Save(); err != nil {
		t.Fatal(err)
	}
	want := []string{"Mô hình 4+", "4+1", "3+1", "Doanh nghiệp với công tác THNCĐ", "Câu lạc bộ", "Câu lạc bộ Bạn giúp bạn"}
	if got, _ := st.ModelTypes(ctx); !slices.Equal(got, want) {
		t.Errorf("stored types = %v", got)
	}
	if got, _ := st.Model(ctx, m.ID); got.Type != "Mô hình 4+" {
		t.Errorf("the model's type = %q", got.Type)
	}
	if !strings.Contains(sec.Message.Text, "1 mô hình") {
		t.Errorf("saved message = %q", sec.Message.Text)
	}
	// The model form offers the list.
	f := newModelForm(w, st, caseload.Model{}, nil)
	if !slices.Equal(f.Types, want) {
		t.Errorf("model form choices = %v", f.Types)
	}
	// The settings area shows the section; read-only for a leader.
	u, _ := newTestUI(t)
	u.sess.Role = "officer"
	if !supfixCard(u.newSettingsView(u.st).root, i18n.T("supfix.modeltypes.title")) {
		t.Error("the settings area has no model types card")
	}
	ro := newModelTypesSection(st, w, true)
	if !ro.SaveBtn.Disabled() || !ro.AddBtn.Disabled() || ro.Save() != errReadOnly {
		t.Error("a leader can edit the model types")
	}
}

// supfixModel saves a model through the form and returns the screen with
// it selected.
func supfixModel(t *testing.T, w fyne.Window, st *store.Store) (*modelsScreen, store.ModelRow) {
	t.Helper()
	s := newModelsScreen(w, st)
	w.SetContent(s.Root)
	f := s.openModelForm(caseload.Model{})
	test.Type(f.Name, "Câu lạc bộ Hoàn lương phường")
	f.Type.SetText("Câu lạc bộ")
	f.Submit()
	m, ok := s.current()
	if !f.closed || !ok {
		t.Fatalf("model not saved: %q", f.errors.Text)
	}
	return s, m
}

// Members are saved through the form and removed after confirming;
// unlinking a person or a partner business from a model asks first.
func TestSupfixModelMembersAndUnlinks(t *testing.T) {
	st, duc, _ := supTestStore(t)
	ctx := context.Background()
	w := supTestWindow(t)
	s, m := supfixModel(t, w, st)

	for _, name := range []string{"Lê Thị Hoa", "Phạm Văn Nam"} {
		mf := s.openMemberForm(caseload.ModelMember{ModelID: m.ID})
		test.Type(mf.Name, name)
		mf.Role.SetValue(string(caseload.RoleViceChair))
		test.Type(mf.Organisation, "Hội Phụ nữ phường")
		test.Type(mf.Phone, "0912345678")
		supfixShortcut(w, shortcutSave)
		if !mf.closed {
			t.Fatalf("member %s not saved: %q", name, mf.errors.Text)
		}
	}
	members, _ := st.ModelMembers(ctx, m.ID)
	if len(members) != 2 || members[0].Name != "Lê Thị Hoa" || members[0].Role != caseload.RoleViceChair ||
		members[0].Phone != "0912345678" || len(s.Members) != 2 {
		t.Fatalf("members = %+v", members)
	}

	// Remove: cancelling keeps the member; confirming removes it.
	s.MemberTbl.Select(widget.TableCellID{Row: 1, Col: 0})
	s.AskRemoveMember()
	if s.Confirm == nil {
		t.Fatal("no confirmation asked")
	}
	if findButton(supfixTop(t, w), "Xóa") == nil {
		t.Error("the confirmation has no “Xóa” button")
	}
	s.Confirm.Dismiss()
	if got, _ := st.ModelMembers(ctx, m.ID); len(got) != 2 {
		t.Fatalf("cancel removed a member")
	}
	s.MemberTbl.Select(widget.TableCellID{Row: 1, Col: 0})
	s.AskRemoveMember()
	s.Confirm.Confirm()
	if got, _ := st.ModelMembers(ctx, m.ID); len(got) != 1 || got[0].Name != "Lê Thị Hoa" || len(s.Members) != 1 {
		t.Fatalf("members after removal = %+v", got)
	}

	// Unlink a person from the model: asks first.
	lf := s.openLinkPerson(caseload.LinkModelPerson, m.ID)
	test.Type(lf.Person.Search, "duc")
	lf.Submit()
	if len(s.People) != 1 {
		t.Fatalf("people = %d", len(s.People))
	}
	s.PeopleList.Select(0)
	s.AskUnlinkPerson()
	if len(s.People) != 1 || s.Confirm == nil {
		t.Fatal("unlinking did not ask first")
	}
	s.Confirm.Confirm()
	if got, _ := st.LinkedPeople(ctx, caseload.LinkModelPerson, m.ID); len(got) != 0 || len(s.People) != 0 {
		t.Errorf("person still linked: %d", len(got))
	}

	// Unlink a partner business: its row's button asks first.
	b := caseload.Business{Name: "Xưởng may Minh Anh", Address: "Tổ 3", Workers: 10, ReturneeWorkers: 2}
	if err := st.SaveBusiness(ctx, &b); err != nil {
		t.Fatal(err)
	}
	s.Reload()
	bf := s.linkBusinessForm(m.ID)
	bf.Business.SetSelectedIndex(0)
	bf.Submit()
	if len(s.Partners) != 1 || len(s.PartnerBox.Objects) != 1 {
		t.Fatalf("partners = %d", len(s.Partners))
	}
	test.Tap(findButton(s.PartnerBox, i18n.T("model.ui.unlink_person")))
	if s.Confirm == nil || len(s.Partners) != 1 {
		t.Fatal("unlinking a business did not ask first")
	}
	s.Confirm.Confirm()
	if got, _ := st.ModelBusinesses(ctx, m.ID); len(got) != 0 || len(s.Partners) != 0 {
		t.Errorf("business still linked: %d", len(got))
	}
	if s.PartnerLbl.Text != i18n.T("model.ui.partners_none") {
		t.Errorf("partners label = %q", s.PartnerLbl.Text)
	}
	_ = duc
}

// The business detail lists the linked people: a name opens the profile,
// "Bỏ liên kết" asks and unlinks.
func TestSupfixBusinessLinkedPeople(t *testing.T) {
	st, duc, binh := supTestStore(t)
	ctx := context.Background()
	b := caseload.Business{Name: "HTX Rau sạch Đồng Xanh", Address: "Thôn Đông", Workers: 20, ReturneeWorkers: 2}
	if err := st.SaveBusiness(ctx, &b); err != nil {
		t.Fatal(err)
	}
	for _, p := range []caseload.Person{duc, binh} {
		l := caseload.Link{Kind: caseload.LinkBusinessPerson, FromID: b.ID, ToID: p.ID, Since: caseload.Today()}
		if err := st.SaveLink(ctx, &l); err != nil {
			t.Fatal(err)
		}
	}
	w := supTestWindow(t)
	s := newModelsScreen(w, st)
	var opened []string
	s.openPerson = func(id string) { opened = append(opened, id) }
	w.SetContent(s.Root)
	v := s.Biz
	if v.PeopleTitle.Text != i18n.T("supfix.business.pick") {
		t.Errorf("title before a choice = %q", v.PeopleTitle.Text)
	}
	v.Table.Select(widget.TableCellID{Row: 0, Col: 0})
	if len(v.People) != 2 || len(v.PeopleBox.Objects) != 2 || !strings.Contains(v.PeopleTitle.Text, "2 người") {
		t.Fatalf("people = %d, title %q", len(v.People), v.PeopleTitle.Text)
	}
	test.Tap(findButton(v.PeopleBox, duc.FullName+" — "+duc.Hamlet))
	if !slices.Equal(opened, []string{duc.ID}) {
		t.Errorf("opened = %v", opened)
	}
	// Unlink Bình: asks, then the list, the count and the store follow.
	var row fyne.CanvasObject
	for i, p := range v.People {
		if p.Link.ToID == binh.ID {
			row = v.PeopleBox.Objects[i]
		}
	}
	test.Tap(findButton(row, i18n.T("model.ui.unlink_person")))
	if s.Confirm == nil || len(v.People) != 2 {
		t.Fatal("unlinking did not ask first")
	}
	if findButton(supfixTop(t, w), "Hủy") == nil {
		t.Error("the confirmation has no “Hủy” button")
	}
	s.Confirm.Confirm()
	got, _ := st.LinkedPeople(ctx, caseload.LinkBusinessPerson, b.ID)
	if len(got) != 1 || got[0].Link.ToID != duc.ID {
		t.Fatalf("linked after unlink = %+v", got)
	}
	if len(v.People) != 1 || v.sel != 0 || v.cell(0, 5) != "1" {
		t.Errorf("detail after unlink: %d people, sel %d, count cell %q", len(v.People), v.sel, v.cell(0, 5))
	}
}

// The exemplary list: a record saved through the form, a diacritic-free
// search and Ctrl+F.
func TestSupfixExemplaryFormSearchAndCtrlF(t *testing.T) {
	st, duc, binh := supTestStore(t)
	ctx := context.Background()
	w := supTestWindow(t)
	s := newSupportScreen(w, st)
	s.bind = func() {
		bindKeys(w.Canvas(), func() bool { return true }, keyActions{find: s.focusSearch, newRecord: s.newRecord})
	}
	s.bind()
	w.SetContent(s.Root)
	s.Tabs.SelectIndex(3)

	supfixShortcut(w, shortcutNew)
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("Ctrl+N did not open the exemplary form")
	}
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	f := s.Exemplary.openForm(caseload.Exemplary{})
	test.Type(f.Person.Search, "nguyen duc")
	if f.Person.ID() != duc.ID {
		t.Fatal("the picker did not find Đức")
	}
	test.Type(f.Recognition, "Gương hoàn lương tiêu biểu năm 2025")
	test.Type(f.RecognizedBy, "UBND phường Hòa Bình")
	test.Type(f.RecognizedOn.Entry, "15/03/2025")
	test.Type(f.Story, "Mở xưởng mộc, nhận hai người cùng hoàn cảnh vào làm.")
	supfixShortcut(w, shortcutSave)
	if !f.closed {
		t.Fatalf("not saved: %q", f.errors.Text)
	}
	recs, _ := st.PersonExemplary(ctx, duc.ID)
	if len(recs) != 1 || recs[0].RecognizedBy != "UBND phường Hòa Bình" || recs[0].RecognizedOn != caseload.D(2025, 3, 15) {
		t.Fatalf("saved = %+v", recs)
	}
	e := caseload.Exemplary{PersonID: binh.ID, Recognition: "Giấy khen", RecognizedBy: "Công an phường", RecognizedOn: caseload.D(2024, 9, 2)}
	if err := st.SaveExemplary(ctx, &e); err != nil {
		t.Fatal(err)
	}
	s.reloadAll()
	v := s.Exemplary
	if len(v.Rows) != 2 {
		t.Fatalf("rows = %d", len(v.Rows))
	}
	// Ctrl+F focuses the search box of the exemplary tab.
	supfixShortcut(w, shortcutFind)
	if w.Canvas().Focused() != v.Search {
		t.Error("Ctrl+F did not focus the exemplary search box")
	}
	for q, want := range map[string]string{"tran binh": binh.ID, "BINH TRAN": binh.ID, "hoa binh": duc.ID, "xuong moc": duc.ID} {
		v.Search.SetText(q)
		v.Search.Flush()
		if len(v.Rows) != 1 || v.Rows[0].PersonID != want {
			t.Errorf("search %q: %d rows", q, len(v.Rows))
		}
	}
	if !strings.Contains(v.Count.Text, "1") {
		t.Errorf("count = %q", v.Count.Text)
	}
	v.Search.SetText("")
	v.Search.Flush()
	if len(v.Rows) != 2 {
		t.Errorf("cleared search: %d rows", len(v.Rows))
	}
}

// The models roster filters by status and type beside the search.
func TestSupfixModelsRosterFilters(t *testing.T) {
	st, _, _ := supTestStore(t)
	ctx := context.Background()
	for _, m := range []caseload.Model{
		{Name: "Mô hình 4+1 tổ 1", Type: "4+1", Status: caseload.ModelActive},
		{Name: "Câu lạc bộ Bạn giúp bạn", Type: "Câu lạc bộ", Status: caseload.ModelActive},
		{Name: "Câu lạc bộ Hướng thiện", Type: "Câu lạc bộ", Status: caseload.ModelEnded},
		{Name: "Tổ tự quản khu phố 2", Type: "Tổ tự quản riêng", Status: caseload.ModelSuspended},
	} {
		if err := st.SaveModel(ctx, &m); err != nil {
			t.Fatal(err)
		}
	}
	w := supTestWindow(t)
	s := newModelsScreen(w, st)
	w.SetContent(s.Root)
	names := func() []string {
		var out []string
		for _, m := range s.shownM {
			out = append(out, m.Name)
		}
		return out
	}
	if len(s.shownM) != 4 {
		t.Fatalf("shown = %v", names())
	}
	if !slices.Contains(s.TypeF.Options, "Tổ tự quản riêng") || s.TypeF.Options[0] != i18n.T("supfix.model.type_all") {
		t.Errorf("type choices = %v", s.TypeF.Options)
	}
	s.TypeF.SetSelected("Câu lạc bộ")
	if got := names(); len(got) != 2 {
		t.Errorf("type filter = %v", got)
	}
	s.StatusF.SetValue(string(caseload.ModelEnded))
	if got := names(); !slices.Equal(got, []string{"Câu lạc bộ Hướng thiện"}) {
		t.Errorf("type+status = %v", got)
	}
	// The filters stay after a reload (a model saved).
	s.Reload()
	if got := names(); !slices.Equal(got, []string{"Câu lạc bộ Hướng thiện"}) {
		t.Errorf("after reload = %v", got)
	}
	s.TypeF.SetSelectedIndex(0)
	if got := names(); len(got) != 1 || s.shownM[0].Status != caseload.ModelEnded {
		t.Errorf("status only = %v", got)
	}
	s.StatusF.SetValue("")
	test.Type(s.Search, "huong thien")
	s.Search.Flush()
	if got := names(); !slices.Equal(got, []string{"Câu lạc bộ Hướng thiện"}) {
		t.Errorf("search = %v", got)
	}
}

// The profile's side panel shows the current job, from the same records
// as the "Hỗ trợ" tab, and follows a job saved there.
func TestSupfixPanelShowsCurrentJob(t *testing.T) {
	u, st := newTestUI(t)
	ids := seed(t, st, caseload.Person{FullName: "Vũ Văn Long"})
	v := showCaseload(t, u, "officer")
	v.openPerson(ids[0])
	p := v.form.panel
	if !p.jobBox.Visible() || p.job.Text != i18n.T("support.ui.employment_none") {
		t.Fatalf("job line = %q (visible %v)", p.job.Text, p.jobBox.Visible())
	}
	sv := newPersonSupportView(u.win, st, ids[0])
	f := sv.openSupport(caseload.Support{PersonID: ids[0]})
	f.Kind.SetValue(string(caseload.SupportEmployment))
	test.Type(f.Employer, "Xưởng mộc Phúc Lâm")
	f.Date.SetDate(caseload.D(2025, 2, 1))
	f.Income.SetText("5100000")
	f.Submit()
	if !f.closed {
		t.Fatalf("not saved: %q", f.errors.Text)
	}
	for _, want := range []string{"Xưởng mộc Phúc Lâm", "01/02/2025", "5.100.000 đ"} {
		if !strings.Contains(p.job.Text, want) {
			t.Errorf("job line %q lacks %q", p.job.Text, want)
		}
	}
	if p.job.Text != sv.Employment.Text {
		t.Errorf("panel %q differs from the tab %q", p.job.Text, sv.Employment.Text)
	}
	// A new person (not saved) has no job line.
	v.closeForm()
	nf := openNew(t, u, v)
	if nf.panel.jobBox.Visible() {
		t.Error("a new person shows a job line")
	}
}

// A loan to a business is saved through the form, with the QĐ 22/2023
// business rules checked live.
func TestSupfixLoanFormBusinessBorrower(t *testing.T) {
	st, _, _ := supTestStore(t)
	ctx := context.Background()
	b := caseload.Business{Name: "Công ty TNHH Cơ khí Thành Công", Address: "Tổ 7", Workers: 40, ReturneeWorkers: 2}
	if err := st.SaveBusiness(ctx, &b); err != nil {
		t.Fatal(err)
	}
	w := supTestWindow(t)
	s := newSupportScreen(w, st)
	w.SetContent(s.Root)
	f := s.Loans.openForm(caseload.Loan{})
	f.Kind.SetValue(string(caseload.BorrowerBusiness))
	if !f.Person.Search.Disabled() || f.Business.Disabled() {
		t.Fatal("the business field is not the one enabled")
	}
	f.Business.SetSelected(b.Name)
	f.Amount.SetText("300.000.000")
	test.Type(f.Bank, "NHCSXH huyện Đông Anh")
	f.Term.SetText("60")
	// 2 of 40 workers is under 10 %, and 300,000,000 đ is over 100,000,000 đ per returnee worker × 2.
	if !strings.Contains(f.warnings.Text, "10") || !strings.Contains(f.warnings.Text, "Điều") {
		t.Errorf("live warnings = %q", f.warnings.Text)
	}
	supfixShortcut(w, shortcutSave)
	if !f.closed {
		t.Fatalf("not saved: %q", f.errors.Text)
	}
	rows, _ := st.Loans(ctx, store.LoanFilter{BorrowerKind: caseload.BorrowerBusiness})
	if len(rows) != 1 || rows[0].BusinessID != b.ID || rows[0].PersonID != "" || rows[0].Amount != 300_000_000 || rows[0].TermMonths != 60 {
		t.Fatalf("saved = %+v", rows)
	}
	if len(s.Loans.Shown) != 1 || s.Loans.cell(0, 0) != b.Name {
		t.Errorf("list borrower = %q", s.Loans.cell(0, 0))
	}
}
