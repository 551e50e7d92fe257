package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"hoanhap/caseload"
	"hoanhap/store"
)

// openNew opens an empty register form with Ctrl+N, as a user would.
func openNew(t *testing.T, u *App, v *caseloadView) *personForm {
	t.Helper()
	u.win.Canvas().(fyne.Shortcutable).TypedShortcut(shortcutNew)
	if v.form == nil {
		t.Fatal("Ctrl+N did not open a new form")
	}
	v.form.dupDeb.delay = 0
	return v.form
}

func fillMinimal(f *personForm, name string) {
	test.Type(f.fullName, name)
	f.gender.SetValue(string(caseload.Male))
	test.Type(f.birth.Entry, "1985")
}

func TestNewPersonFormSavesAndAppearsInList(t *testing.T) {
	u, st := newTestUI(t)
	v := showCaseload(t, u, "officer")
	f := openNew(t, u, v)
	fillMinimal(f, "Hoàng Văn Em")
	test.Type(f.citizenID, "001085012345")
	f.hamlet.SetText("Tổ 5")
	test.Type(f.offense, "Trộm cắp tài sản")
	f.sentenceKind.SetValue(string(caseload.SentencePrison))
	test.Type(f.sentenceMonths, "30")
	test.Type(f.completedOn.Entry, "15/01/2024")
	test.Type(f.returnedOn.Entry, "16/01/2024")
	f.group.SetValue("B")
	if !f.dirty {
		t.Error("typing did not mark the form dirty")
	}
	if err := f.Save(); err != nil {
		t.Fatalf("save: %v", err)
	}
	if f.dirty || f.person.ID == "" {
		t.Errorf("after save dirty=%v id=%q", f.dirty, f.person.ID)
	}
	got, err := st.Person(context.Background(), f.person.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.FullName != "Hoàng Văn Em" || got.BirthDate.Year != 1985 || !got.BirthDate.YearOnly() ||
		got.CompletedOn != caseload.D(2024, 1, 15) || got.SentenceMonths != 30 || got.Hamlet != "Tổ 5" || got.Group != caseload.GroupB {
		t.Errorf("stored %+v", got)
	}
	if len(v.rows) != 1 || v.rows[0].cells[colName] != "Hoàng Văn Em" || v.rows[0].cells[colReturned] != "16/01/2024" {
		t.Errorf("list after save = %v", v.rows)
	}
	if !strings.Contains(f.panel.loan.Text, "15/01/2029") {
		t.Errorf("loan window panel = %q", f.panel.loan.Text)
	}
	if f.panel.expunge.Text == "" {
		t.Error("expungement panel is empty")
	}
}

func TestInvalidCitizenIDShowsVietnameseMessageAndSavesNothing(t *testing.T) {
	u, st := newTestUI(t)
	v := showCaseload(t, u, "officer")
	f := openNew(t, u, v)
	fillMinimal(f, "Hoàng Văn Em")
	test.Type(f.citizenID, "12345")
	test.Type(f.notes, "ghi chú quan trọng")
	if err := f.Save(); err == nil {
		t.Fatal("save with a 5-digit CCCD succeeded")
	}
	l := f.errLabels["citizen_id"]
	if !l.Visible() || !strings.Contains(l.Text, "12 chữ số") {
		t.Errorf("citizen_id message = %q (visible %v)", l.Text, l.Visible())
	}
	if n := len(st.People(store.PersonFilter{Statuses: caseload.Statuses})); n != 0 {
		t.Errorf("%d people saved", n)
	}
	if f.notes.Text != "ghi chú quan trọng" || f.citizenID.Text != "12345" {
		t.Error("a failed save lost what was typed")
	}
	if u.win.Canvas().Overlays().Top() == nil {
		t.Error("no summary dialog")
	}
	// Fixing the number clears the message on the next save.
	f.citizenID.SetText("001085012345")
	if err := f.Save(); err != nil {
		t.Fatalf("save after fix: %v", err)
	}
	if l.Visible() {
		t.Error("message still shown after a good save")
	}
}

func TestBadDateIsReportedInline(t *testing.T) {
	u, _ := newTestUI(t)
	v := showCaseload(t, u, "officer")
	f := openNew(t, u, v)
	fillMinimal(f, "Hoàng Văn Em")
	test.Type(f.completedOn.Entry, "31/02/2024")
	if err := f.Save(); err == nil {
		t.Fatal("save with 31/02 succeeded")
	}
	if l := f.errLabels["completed_on"]; !l.Visible() || !strings.Contains(l.Text, "31/02/2024") {
		t.Errorf("completed_on message = %q", l.Text)
	}
}

func TestDuplicateBanner(t *testing.T) {
	u, st := newTestUI(t)
	ids := seed(t, st, caseload.Person{FullName: "Nguyễn Văn An", CitizenID: "001085012345"})
	v := showCaseload(t, u, "officer")
	f := openNew(t, u, v)
	test.Type(f.citizenID, "001085012345")
	f.checkDuplicates()
	if !f.dupBanner.Visible() {
		t.Fatal("no duplicate banner for the same CCCD")
	}
	want := "Có thể trùng với: Nguyễn Văn An (1985, CCCD 001085012345)."
	if f.dupLabel.Text != want {
		t.Errorf("banner = %q, want %q", f.dupLabel.Text, want)
	}
	f.citizenID.SetText("")
	test.Type(f.fullName, "nguyen van an")
	test.Type(f.birth.Entry, "1985")
	f.checkDuplicates()
	if !f.dupBanner.Visible() {
		t.Error("no banner for the same folded name and birth year")
	}
	f.birth.Entry.SetText("1990")
	f.checkDuplicates()
	if f.dupBanner.Visible() {
		t.Error("banner shown for another birth year")
	}
	f.birth.Entry.SetText("1985")
	f.checkDuplicates()
	test.Tap(f.dupOpenBtn)
	if v.form != f || f.closeAsk == nil {
		t.Fatal("opening the other record did not ask about unsaved changes")
	}
	f.closeAsk.Confirm()
	if v.form == nil || v.form.person.ID != ids[0] {
		t.Error("the banner's button did not open the other record")
	}
}

func TestShortcutsSaveAndEscape(t *testing.T) {
	u, st := newTestUI(t)
	v := showCaseload(t, u, "officer")
	f := openNew(t, u, v)
	fillMinimal(f, "Đỗ Thị Giang")
	f.gender.SetValue(string(caseload.Female))
	// Ctrl+S typed while the cursor is in an entry reaches the screen.
	f.fullName.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault})
	if f.person.ID == "" || len(st.People(store.PersonFilter{})) != 1 {
		t.Fatal("Ctrl+S did not save")
	}
	// Esc on a clean form closes it.
	f.fullName.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if v.form != nil {
		t.Fatal("Esc did not close a saved form")
	}
	// Esc with unsaved changes asks first.
	f = openNew(t, u, v)
	test.Type(f.fullName, "Chưa lưu")
	f.fullName.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if v.form == nil || f.closeAsk == nil {
		t.Fatal("Esc closed a form with unsaved changes without asking")
	}
	f.closeAsk.Dismiss()
	if v.form == nil {
		t.Fatal("keep editing closed the form")
	}
	f.RequestClose()
	f.closeAsk.Confirm()
	if v.form != nil {
		t.Error("confirming discard did not close the form")
	}
	// Ctrl+F focuses the search box.
	u.win.Canvas().(fyne.Shortcutable).TypedShortcut(shortcutFind)
	if u.win.Canvas().Focused() != v.search {
		t.Error("Ctrl+F did not focus the search box")
	}
}

func TestLeaderCannotSave(t *testing.T) {
	u, st := newTestUI(t)
	seed(t, st, caseload.Person{FullName: "Lê Văn An"})
	v := showCaseload(t, u, "leader")
	if !v.add.Disabled() {
		t.Error("leader can add people")
	}
	u.win.Canvas().(fyne.Shortcutable).TypedShortcut(shortcutNew)
	if v.form != nil {
		t.Fatal("Ctrl+N opened a form for a leader")
	}
	v.openPerson(v.rows[0].id)
	f := v.form
	if f == nil {
		t.Fatal("leader cannot open a profile")
	}
	if !f.saveBtn.Disabled() || !f.fullName.Disabled() {
		t.Error("leader's form is editable")
	}
	f.fullName.Entry.Text = "Lê Văn Bê"
	if err := f.Save(); err != errReadOnly {
		t.Errorf("Save = %v, want errReadOnly", err)
	}
	p, _ := st.Person(context.Background(), v.rows[0].id)
	if p.FullName != "Lê Văn An" || p.Ver != 1 {
		t.Errorf("stored record changed: %q ver %d", p.FullName, p.Ver)
	}
}

// After a refused save the messages follow the typing: fixing the field
// removes its message at once, breaking it again brings the message back,
// and a field that was fine never gets one; nothing is saved meanwhile.
func TestMessagesFollowTypingAfterRefusedSave(t *testing.T) {
	u, st := newTestUI(t)
	v := showCaseload(t, u, "officer")
	f := openNew(t, u, v)
	fillMinimal(f, "Trịnh Văn Lâm")
	test.Type(f.citizenID, "12345")
	before := f.errLabels["citizen_id"]
	if before.Visible() {
		t.Fatal("a message before any save")
	}
	if err := f.Save(); err == nil {
		t.Fatal("save with a 5-digit CCCD succeeded")
	}
	if !before.Visible() {
		t.Fatal("no message after the refused save")
	}
	f.citizenID.SetText("001085012345")
	if before.Visible() {
		t.Errorf("message still shown after the number was fixed: %q", before.Text)
	}
	f.citizenID.SetText("0010850")
	if !before.Visible() || !strings.Contains(before.Text, "12 chữ số") {
		t.Errorf("message not back for a 7-digit number: %q", before.Text)
	}
	if l := f.errLabels["full_name"]; l.Visible() {
		t.Errorf("a message under a correct field: %q", l.Text)
	}
	if n := len(st.People(store.PersonFilter{Statuses: caseload.Statuses})); n != 0 {
		t.Errorf("%d people saved while typing", n)
	}
	f.citizenID.SetText("001085012345")
	if err := f.Save(); err != nil {
		t.Fatalf("save: %v", err)
	}
	if f.live {
		t.Error("still checking live after a good save")
	}
}
