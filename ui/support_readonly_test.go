package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// A leader sees the support, models and profile buttons disabled, Ctrl+N
// opens nothing and forms open as views that cannot save.
func TestLeaderReadOnly(t *testing.T) {
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
	typeShortcut(u.win, shortcutNew)
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
	typeShortcut(u.win, shortcutNew)
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
	if !f.viewOnly || f.form.OnSubmit != nil || !f.Provider.Disabled() || !f.Person.Entry.Disabled() {
		t.Error("the support form is editable for a leader")
	}
	f.Provider.Entry.Text = "Đoàn Thanh niên"
	typeShortcut(w, shortcutSave)
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
