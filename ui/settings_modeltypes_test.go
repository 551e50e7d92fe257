package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// Model types: add, rename (the models using it follow), refuse to
// remove a type in use, remove another after asking; the model form
// offers the saved list; the settings area shows the section.
func TestModelTypesSettings(t *testing.T) {
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
	if findButton(topOverlay(t, w), i18n.T("support.ui.remove")) == nil || findButton(topOverlay(t, w), "Hủy") == nil {
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
	if !hasCard(u.newSettingsView(u.st).root, i18n.T("modeltypes.title")) {
		t.Error("the settings area has no model types card")
	}
	ro := newModelTypesSection(st, w, true)
	if !ro.SaveBtn.Disabled() || !ro.AddBtn.Disabled() || ro.Save() != errReadOnly {
		t.Error("a leader can edit the model types")
	}
}
