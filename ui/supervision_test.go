package ui

import (
	"context"
	"path/filepath"
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

// svStore opens a fresh store in a temporary folder.
func svStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "hoanhap.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// svApp builds the main window over st in a headless test app.
func svApp(t *testing.T, st *store.Store) *App {
	t.Helper()
	a := test.NewTempApp(t)
	u := New(a, st)
	u.win.Resize(fyne.NewSize(1280, 800))
	return u
}

// svNotice records a notice received days ago for name (store API).
func svNotice(t *testing.T, st *store.Store, name string, daysAgo int) (caseload.Notice, caseload.Person) {
	t.Helper()
	today := caseload.Today()
	n := caseload.Notice{Sender: "Trại giam Xuân Lộc", NoticeDate: today.AddDays(-daysAgo), ExpectedRelease: today.AddDays(-1)}
	p := caseload.Person{FullName: name, Gender: caseload.Male, BirthDate: caseload.BirthDate{Year: 1985},
		Status: caseload.StatusExpected, ReleaseKind: caseload.ReleaseCompleted, Hamlet: "Tổ 3"}
	if err := st.AddNotice(context.Background(), &n, &p); err != nil {
		t.Fatalf("add notice: %v", err)
	}
	return n, p
}

// svManaged creates a managed person (notice + reception).
func svManaged(t *testing.T, st *store.Store, name string) caseload.Person {
	t.Helper()
	_, p := svNotice(t, st, name, 5)
	r := caseload.Reception{PersonID: p.ID, SessionDate: caseload.Today(), Officer: "Trần Văn Cường", CounsellingDone: true}
	if err := st.RecordReception(context.Background(), &r); err != nil {
		t.Fatalf("reception: %v", err)
	}
	return p
}

// svMentor adds an active mentor.
func svMentor(t *testing.T, st *store.Store, name string) caseload.Mentor {
	t.Helper()
	m := caseload.Mentor{Kind: caseload.MentorPerson, Name: name, Organisation: caseload.OrgWomenUnion, Active: true}
	if err := st.SaveMentor(context.Background(), &m); err != nil {
		t.Fatalf("mentor: %v", err)
	}
	return m
}

// TestWalkNoticeToClassification walks one person through the screens:
// prison notice, reception, mentor assignment, a visit typed with the
// keyboard only, classification.
func TestWalkNoticeToClassification(t *testing.T) {
	st := svStore(t)
	u := svApp(t, st)
	ctx := context.Background()
	ov := u.buildOverviewArea()
	u.win.SetContent(ov.stack)

	// 1. Notice: creates an expected person.
	nv := u.newNoticeView(ov, "")
	test.Type(nv.Sender, "Trại giam Xuân Lộc")
	nv.Release.SetDate(caseload.Today().AddDays(20))
	test.Type(nv.FullName, "Nguyễn Văn Đức")
	nv.Gender.SetValue(string(caseload.Male))
	test.Type(nv.BirthDate.Entry, "1985")
	test.Type(nv.Address, "12 Lê Lợi")
	test.Tap(nv.Save)
	if !strings.Contains(nv.Status.Text, "Nguyễn Văn Đức") {
		t.Fatalf("notice not saved: %q", nv.Status.Text)
	}
	if !strings.Contains(nv.DueLine.Text, "Điều 8") {
		t.Errorf("address check due line = %q", nv.DueLine.Text)
	}
	rows := st.People(store.PersonFilter{Query: "nguyen van duc"})
	if len(rows) != 1 || rows[0].Status != caseload.StatusExpected {
		t.Fatalf("expected person not created: %+v", rows)
	}
	pid := rows[0].ID

	// Address check: changed -> answer the sender.
	nv.Check.SetValue(string(caseload.AddressChanged))
	test.Type(nv.NewAddress, "45 Trần Phú")
	test.Tap(nv.SaveCheck)
	if !strings.Contains(nv.CheckStatus.Text, "HCD-03") {
		t.Errorf("address changed should ask to answer the sender: %q", nv.CheckStatus.Text)
	}

	// 2. Reception: counselling is compulsory.
	rv := u.newReceptionView(ov, pid)
	test.Tap(rv.Save)
	if rv.Status.Text == "" {
		t.Errorf("missing counselling should be refused: %q", rv.Status.Text)
	}
	if p, _ := st.Person(ctx, pid); p.Status != caseload.StatusExpected {
		t.Fatalf("refused reception changed the person: %s", p.Status)
	}
	test.Tap(rv.Minutes)
	test.Tap(rv.InfoSheet)
	test.Tap(rv.Counselling)
	test.Tap(rv.Guidance[caseload.GuidanceIDCard])
	if !strings.Contains(rv.Deadlines.Text, "3 ngày làm việc") || !strings.Contains(rv.Deadlines.Text, "/") {
		t.Errorf("deadlines = %q", rv.Deadlines.Text)
	}
	test.Tap(rv.Save)
	if p, _ := st.Person(ctx, pid); p.Status != caseload.StatusManaged {
		t.Fatalf("after reception status = %s (%s)", p.Status, rv.Status.Text)
	}

	// 3. Mentor and assignment (HCD-07).
	mf := newMentorForm(u.st, caseload.Mentor{})
	test.Type(mf.Name, "Lê Thị Hoa")
	mf.Org.SetValue(string(caseload.OrgWomenUnion))
	test.Tap(mf.Save)
	if mf.m.ID == "" {
		t.Fatalf("mentor not saved: %q", mf.Status.Text)
	}
	af := u.showAssignDialog(pid, nil)
	af.chooseMentor(mf.m.ID)
	test.Tap(af.Save)
	if af.Status.Text == "" {
		t.Errorf("assignment without decision number should be refused")
	}
	test.Type(af.DecisionNo, "125/QĐ-UBND")
	test.Tap(af.Save)
	a, err := st.ActiveAssignment(ctx, pid)
	if err != nil || a.MentorID != mf.m.ID || a.Decision.Number != "125/QĐ-UBND" {
		t.Fatalf("assignment = %+v, %v (%s)", a, err, af.Status.Text)
	}

	// 4. A visit with the keyboard alone.
	for i, ar := range u.areas {
		if ar.key == "nav.visits" {
			u.current = i // the visits area is the one on screen
		}
	}
	va := u.buildVisitsArea()
	u.win.SetContent(va.content())
	c := u.win.Canvas()
	c.Focus(va.Form.Picker.Entry)
	typeFocused(c, "nguyen van duc")
	if va.Form.Picker.ID() != pid {
		t.Fatalf("picker chose %q, want %q (%s)", va.Form.Picker.ID(), pid, va.Form.Picker.Choice.Text)
	}
	c.FocusNext() // date, today by default
	if c.Focused() != va.Form.Date.Entry {
		t.Fatalf("focus after the person is %T, want the date", c.Focused())
	}
	c.FocusNext() // kind: the calendar button takes no Tab stop
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if va.Form.Kind.Value() != string(caseload.VisitOffice) {
		t.Errorf("Right on the kind gave %q", va.Form.Kind.Value())
	}
	c.FocusNext() // attitude
	typeFocused(c, "Chấp hành tốt")
	c.FocusNext() // employment
	typeFocused(c, "Làm thợ hồ")
	c.Focused().(fyne.Shortcutable).TypedShortcut(shortcutSave)
	log, err := st.VisitLog(ctx, pid)
	if err != nil || len(log) != 1 {
		t.Fatalf("visit log = %+v, %v (%s)", log, err, va.Form.Status.Text)
	}
	if log[0].Attitude != "Chấp hành tốt" || log[0].Employment != "Làm thợ hồ" || log[0].Date != caseload.Today() || log[0].Kind != caseload.VisitOffice {
		t.Errorf("visit saved as %+v", log[0].Visit)
	}
	if va.Form.Picker.Entry.Text != "" || va.Form.Attitude.Text != "" || c.Focused() != va.Form.Picker.Entry {
		t.Errorf("form not cleared for the next visit")
	}
	if len(va.rows) != 1 || va.rows[0].cells[1] != "Nguyễn Văn Đức" {
		t.Errorf("recent visits = %+v", va.rows)
	}

	// Correction from the profile tab: the original stays, labelled.
	lt := u.newVisitLogTab(pid)
	test.Tap(lt.Edit[log[0].ID])
	lt.Form.Attitude.SetText("Chấp hành tốt, tích cực")
	test.Tap(lt.Form.Save)
	log, _ = st.VisitLog(ctx, pid)
	if len(log) != 2 {
		t.Fatalf("after correction log has %d entries (%s)", len(log), lt.Form.Status.Text)
	}
	if lt.Links[log[1].ID] == nil || !log[1].Corrected() {
		t.Errorf("corrected entry should link to its correction")
	}
	w := test.NewWindow(lt.content)
	defer w.Close()
	w.Resize(fyne.NewSize(900, 700))
	if mk := test.RenderObjectToMarkup(lt.content); !strings.Contains(mk, "đã được sửa") {
		t.Errorf("corrected entry not labelled in the log")
	}

	// 5. Classification with the Art. 12 definitions shown.
	ct := u.newClassifyTab(pid)
	if mk := test.RenderObjectToMarkup(ct.content); !strings.Contains(mk, "Điều 12") {
		t.Errorf("classification tab does not show the Art. 12 definitions")
	}
	ct.choose(caseload.GroupB)
	test.Type(ct.Reason, "Chưa có việc làm ổn định")
	test.Tap(ct.Save)
	if p, _ := st.Person(ctx, pid); p.Group != caseload.GroupB {
		t.Fatalf("group = %q (%s)", p.Group, ct.Status.Text)
	}
	if !strings.Contains(ct.Current.Text, "B") {
		t.Errorf("current group label = %q", ct.Current.Text)
	}
}

// typeFocused types into whatever has the keyboard focus, as a user would
// (test.TypeOnCanvas only reaches the canvas's own rune handler).
func typeFocused(c fyne.Canvas, s string) {
	if f := c.Focused(); f != nil {
		test.Type(f, s)
	}
}

// shownObject returns the first object under o, walking only what is
// shown (hidden containers and widgets are skipped), for which match is
// true, or nil.
func shownObject(o fyne.CanvasObject, match func(fyne.CanvasObject) bool) fyne.CanvasObject {
	if o == nil || !o.Visible() {
		return nil
	}
	if match(o) {
		return o
	}
	var kids []fyne.CanvasObject
	switch x := o.(type) {
	case *fyne.Container:
		kids = x.Objects
	case fyne.Widget:
		kids = test.WidgetRenderer(x).Objects()
	}
	for _, c := range kids {
		if f := shownObject(c, match); f != nil {
			return f
		}
	}
	return nil
}

// shownButton returns the shown button with text under o, or nil.
func shownButton(o fyne.CanvasObject, text string) *widget.Button {
	b, _ := shownObject(o, func(x fyne.CanvasObject) bool {
		b, ok := x.(*widget.Button)
		return ok && b.Text == text
	}).(*widget.Button)
	return b
}

// shownCheck returns the shown check box with text under o, or nil.
func shownCheck(o fyne.CanvasObject, text string) *widget.Check {
	c, _ := shownObject(o, func(x fyne.CanvasObject) bool {
		c, ok := x.(*widget.Check)
		return ok && c.Text == text
	}).(*widget.Check)
	return c
}

// profileTab returns the tab with the given title of the profile on
// screen in the caseload view, selected.
func profileTab(t *testing.T, v *caseloadView, title string) *container.TabItem {
	t.Helper()
	tabs := supFindTabs(v.stack.Objects[0])
	if tabs == nil {
		t.Fatal("no profile open")
	}
	for _, it := range tabs.Items {
		if it.Text == title {
			tabs.Select(it)
			return it
		}
	}
	t.Fatalf("the profile has no tab %q", title)
	return nil
}

// TestWalkInReceptionFromProfile receives a person who reports without a
// prison notice, from the "Giúp đỡ" tab of their profile.
func TestWalkInReceptionFromProfile(t *testing.T) {
	st := svStore(t)
	u := svApp(t, st)
	ctx := context.Background()
	ids := seed(t, st,
		caseload.Person{FullName: "Đỗ Văn Tâm", Status: caseload.StatusExpected, ReleaseKind: caseload.ReleaseCompleted},
		caseload.Person{FullName: "Ngô Thị Mai", Status: caseload.StatusManaged, ReleaseKind: caseload.ReleaseCompleted})
	walkIn, noReception := ids[0], ids[1]
	received := svManaged(t, st, "Phan Văn Hùng")

	v := showCaseload(t, u, "officer")
	v.openPerson(walkIn)
	tab := profileTab(t, v, i18n.T("svui.tab.mentor"))
	receive := shownButton(tab.Content, "Tiếp nhận")
	if receive == nil {
		t.Fatal("no \"Tiếp nhận\" action for an expected person")
	}
	test.Tap(receive)
	save := shownButton(tab.Content, i18n.T("svui.reception.save"))
	if save == nil {
		t.Fatal("the reception session did not open in the profile")
	}
	test.Tap(shownCheck(tab.Content, i18n.T("svui.reception.minutes")))
	test.Tap(shownCheck(tab.Content, i18n.T("svui.reception.counselling")))
	test.Tap(save)

	p, err := st.Person(ctx, walkIn)
	if err != nil || p.Status != caseload.StatusManaged || p.ReturnedOn != svToday() {
		t.Fatalf("after the reception the person is %+v, %v", p, err)
	}
	r, err := st.LatestReception(ctx, walkIn)
	if err != nil || !r.CounsellingDone || !r.MinutesDone || r.SessionDate != svToday() {
		t.Fatalf("reception = %+v, %v", r, err)
	}
	// The tab is back, refreshed: no more "Tiếp nhận", a confirmation.
	if shownButton(tab.Content, "Tiếp nhận") != nil || shownButton(tab.Content, i18n.T("svui.reception.save")) != nil {
		t.Errorf("the tab still offers the reception after it was saved")
	}
	if shownObject(tab.Content, func(o fyne.CanvasObject) bool {
		l, ok := o.(*widget.Label)
		return ok && l.Text == i18n.T("walkin.saved")
	}) == nil {
		t.Errorf("no confirmation after the reception")
	}
	// The register tab shows the new status and saves without a conflict.
	profileTab(t, v, i18n.T("ui.person.tab_register"))
	if v.form.status.Value() != string(caseload.StatusManaged) || v.form.person.Ver != p.Ver {
		t.Errorf("register form not refreshed: status %q, ver %d (stored %d)", v.form.status.Value(), v.form.person.Ver, p.Ver)
	}
	v.form.notes.SetText("Tự đến trình diện, không có giấy báo của trại giam")
	if err := v.form.Save(); err != nil {
		t.Errorf("saving the refreshed register: %v", err)
	}

	// Managed without any reception record: offered; received: not.
	if tab := u.newMentorTab(noReception); !tab.receiveBox.Visible() {
		t.Errorf("no reception offered for a managed person without one")
	}
	if tab := u.newMentorTab(received.ID); tab.receiveBox.Visible() {
		t.Errorf("reception offered again for a received person")
	}
	// Hidden for the leader (read-only) and for mentors.
	for _, role := range []string{"leader", "mentor"} {
		u.sess = session{Role: role}
		if tab := u.newMentorTab(noReception); tab.receiveBox.Visible() {
			t.Errorf("%s is offered the reception", role)
		}
	}
}
