package ui

import (
	"context"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// firstModel saves a model through the form and returns the screen with
// it selected.
func firstModel(t *testing.T, w fyne.Window, st *store.Store) (*modelsScreen, store.ModelRow) {
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
func TestModelMembersAndUnlinks(t *testing.T) {
	st, duc, _ := supTestStore(t)
	ctx := context.Background()
	w := supTestWindow(t)
	s, m := firstModel(t, w, st)

	for _, name := range []string{"Lê Thị Hoa", "Phạm Văn Nam"} {
		mf := s.openMemberForm(caseload.ModelMember{ModelID: m.ID})
		test.Type(mf.Name, name)
		mf.Role.SetValue(string(caseload.RoleViceChair))
		test.Type(mf.Organisation, "Hội Phụ nữ phường")
		test.Type(mf.Phone, "0912345678")
		typeShortcut(w, shortcutSave)
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
	if findButton(topOverlay(t, w), "Xóa") == nil {
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
	test.Type(lf.Person.Entry, "duc")
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

// The models roster filters by status and type beside the search.
func TestModelsRosterFilters(t *testing.T) {
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
	if !slices.Contains(s.TypeF.Options, "Tổ tự quản riêng") || s.TypeF.Options[0] != i18n.T("model.ui.type_all") {
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
