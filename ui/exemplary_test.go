package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hoanhap/caseload"
)

// The exemplary list: a record saved through the form, a diacritic-free
// search and Ctrl+F.
func TestExemplaryFormSearchAndCtrlF(t *testing.T) {
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

	typeShortcut(w, shortcutNew)
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("Ctrl+N did not open the exemplary form")
	}
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	f := s.Exemplary.openForm(caseload.Exemplary{})
	test.Type(f.Person.Entry, "nguyen duc")
	if f.Person.ID() != duc.ID {
		t.Fatal("the picker did not find Đức")
	}
	test.Type(f.Recognition, "Gương hoàn lương tiêu biểu năm 2025")
	test.Type(f.RecognizedBy, "UBND phường Hòa Bình")
	test.Type(f.RecognizedOn.Entry, "15/03/2025")
	test.Type(f.Story, "Mở xưởng mộc, nhận hai người cùng hoàn cảnh vào làm.")
	typeShortcut(w, shortcutSave)
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
	typeShortcut(w, shortcutFind)
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
