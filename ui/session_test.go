package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hoanhap/caseload"
	"hoanhap/store"
)

// TestLoginWithoutUsersIsAdmin goes straight in when nobody is set up.
func TestLoginWithoutUsersIsAdmin(t *testing.T) {
	u := svApp(t, svStore(t))
	if u.sess.Role != "admin" {
		t.Fatalf("role = %q, want admin", u.sess.Role)
	}
	if u.personScope() != nil {
		t.Errorf("admin scope should be nil")
	}
	if u.usersSection() == nil {
		t.Errorf("admin should see the users section")
	}
}

// TestMentorLoginSeesOnlyOwnPeople logs in as a mentor user and checks the
// scope, the person picker and the refusal of a bad password.
func TestMentorLoginSeesOnlyOwnPeople(t *testing.T) {
	st := svStore(t)
	ctx := context.Background()
	mine := svManaged(t, st, "Phạm Văn Bình")
	other := svManaged(t, st, "Hoàng Thị Lan")
	m1, m2 := svMentor(t, st, "Lê Thị Hoa"), svMentor(t, st, "Vũ Văn Nam")
	for _, a := range []caseload.Assignment{
		{PersonID: mine.ID, MentorID: m1.ID, Decision: caseload.Decision{Number: "1/QĐ-UBND", Date: caseload.Today()}, From: caseload.Today()},
		{PersonID: other.ID, MentorID: m2.ID, Decision: caseload.Decision{Number: "2/QĐ-UBND", Date: caseload.Today()}, From: caseload.Today()},
	} {
		a := a
		if err := st.Assign(ctx, &a); err != nil {
			t.Fatal(err)
		}
	}
	_, expected := svNotice(t, st, "Trần Văn Khải", 2) // an expected person, nobody's yet
	usr := caseload.User{Name: "hoa", DisplayName: "Lê Thị Hoa", Role: caseload.RoleMentor, MentorID: m1.ID, Active: true}
	if err := st.CreateUser(ctx, &usr, "matkhau123"); err != nil {
		t.Fatal(err)
	}

	u := svApp(t, st)
	view, ok := u.win.Content().(*loginView)
	if !ok {
		t.Fatalf("window shows %T before login, want the login form", u.win.Content())
	}
	c := u.win.Canvas()
	c.Focus(view.Name)
	typeFocused(c, "hoa")
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	typeFocused(c, "sai-mat-khau")
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !strings.Contains(view.Message.Text, "không đúng") {
		t.Fatalf("bad password message = %q", view.Message.Text)
	}
	if _, still := u.win.Content().(*loginView); !still {
		t.Fatalf("a bad password let the user in")
	}
	typeFocused(c, "matkhau123")
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if _, still := u.win.Content().(*loginView); still {
		t.Fatalf("login failed: %q", view.Message.Text)
	}
	if u.sess.Role != "mentor" || u.sess.MentorID != m1.ID {
		t.Fatalf("session = %+v", u.sess)
	}
	scope := u.personScope()
	if !scope[mine.ID] || scope[other.ID] || len(scope) != 1 {
		t.Fatalf("scope = %v", scope)
	}
	// The visit picker finds only their own person.
	va := u.buildVisitsArea()
	test.Type(va.Form.Picker.Entry, "hoang thi lan")
	if va.Form.Picker.ID() != "" {
		t.Errorf("mentor could pick someone else's person")
	}
	va.Form.Picker.clear()
	test.Type(va.Form.Picker.Entry, "binh")
	if va.Form.Picker.ID() != mine.ID {
		t.Errorf("mentor cannot pick their own person")
	}
	va.Form.save()
	log, _ := st.VisitLog(ctx, mine.ID)
	if len(log) != 1 || log[0].AuthorKind != caseload.AuthorMentor || log[0].AuthorName != "Lê Thị Hoa" {
		t.Errorf("mentor visit = %+v (%s)", log, va.Form.Status.Text)
	}
	if u.usersSection() != nil {
		t.Errorf("a mentor must not see the users section")
	}
	mentorSeesNoOthers(t, u, st, mine, other, expected)
}

// mentorSeesNoOthers checks, for a mentor logged in on u who has mine
// assigned and neither other nor expected (an expected person with a prison
// notice), that no screen they can reach names another person: the prison
// notices, the caseload list and the worklist.
func mentorSeesNoOthers(t *testing.T, u *App, st *store.Store, mine, other, expected caseload.Person) {
	t.Helper()
	ctx := context.Background()

	// Prison notices: the buttons are gone, and the list and the notice
	// itself show nobody else even if reached.
	ov := u.buildOverviewArea()
	if ov.Notices.Visible() || ov.NewNotice.Visible() {
		t.Errorf("a mentor sees the prison-notice buttons")
	}
	all, err := st.Notices(ctx, true)
	if err != nil || len(all) == 0 {
		t.Fatalf("open notices = %v, %v", all, err)
	}
	nl := u.newNoticeList(ov)
	if len(nl.rows) != 0 {
		t.Errorf("a mentor's notice list shows %d notices", len(nl.rows))
	}
	w := test.NewWindow(nl.content)
	if mk := test.RenderObjectToMarkup(nl.content); strings.Contains(mk, "Trần Văn Khải") {
		t.Errorf("the notice list names someone else's person")
	}
	w.Close()
	nv := u.newNoticeView(ov, all[0].ID)
	w = test.NewWindow(nv.content)
	w.Resize(fyne.NewSize(900, 600))
	defer w.Close()
	if mk := test.RenderObjectToMarkup(nv.content); strings.Contains(mk, "Trần Văn Khải") || !strings.Contains(mk, "không có quyền") {
		t.Errorf("a mentor opened someone else's notice:\n%.400s", mk)
	}

	// Caseload: only their person, whatever the filters.
	u.ShowArea("nav.caseload")
	if u.list == nil {
		t.Fatal("no caseload list after the mentor login")
	}
	u.list.status.SetSelectedIndex(1) // all statuses
	if got := names(u.list); len(got) != 1 || got[0] != mine.FullName {
		t.Errorf("mentor caseload = %v, want only %s", got, mine.FullName)
	}
	u.list.search.SetText("lan")
	u.list.search.Flush()
	if got := names(u.list); len(got) != 0 {
		t.Errorf("searching finds someone else's person: %v", got)
	}
	// No new register form: its duplicate banner would name and open
	// anybody's record.
	u.list.newPerson()
	if !u.list.add.Disabled() || u.list.form != nil {
		t.Errorf("a mentor can open a new register form")
	}

	// Worklist: the unit's worklist has items of the others; the mentor's
	// rows concern only their own person.
	whole, err := st.Worklist(ctx, svToday())
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, it := range whole {
		seen[it.PersonID] = true
	}
	if !seen[other.ID] || !seen[expected.ID] || !seen[mine.ID] {
		t.Fatalf("the unit's worklist lacks the fixture's items: %+v", whole)
	}
	if len(ov.rows) == 0 {
		t.Fatalf("the mentor's worklist is empty (%s)", ov.Count.Text)
	}
	for _, r := range ov.rows {
		if r.item.PersonID != mine.ID || r.cells[2] != mine.FullName {
			t.Errorf("mentor worklist row about someone else: %+v", r.cells)
		}
	}
	// A person of someone else opened anyway (stale link) is refused.
	wins := len(u.fyne.Driver().AllWindows())
	u.svOpenPerson(other.ID)
	if len(u.fyne.Driver().AllWindows()) != wins || u.win.Canvas().Overlays().Top() == nil {
		t.Errorf("a mentor opened someone else's profile")
	}
	if rv := u.newReceptionView(ov, other.ID); !rv.Save.Disabled() {
		t.Errorf("a mentor may record someone else's reception")
	}
}

// TestUsersAddAndReset adds a user through the users section and logs in.
func TestUsersAddAndReset(t *testing.T) {
	st := svStore(t)
	svApp(t, st)
	v := newUsersView(st)
	test.Type(v.Name, "cuong")
	test.Type(v.DisplayName, "Trần Văn Cường")
	v.Role.SetValue(string(caseload.RoleOfficer))
	test.Type(v.Password, "ngan")
	test.Tap(v.Save)
	if v.Status.Text == "" || len(v.users) != 0 {
		t.Fatalf("short password accepted: %q", v.Status.Text)
	}
	v.Password.SetText("matkhau-dai-hon")
	test.Tap(v.Save)
	if len(v.users) != 1 {
		t.Fatalf("user not created: %q", v.Status.Text)
	}
	v.List.Select(0)
	v.Password.SetText("matkhau-moi-123")
	test.Tap(v.ResetPwd)
	if _, err := st.Authenticate(context.Background(), "cuong", "matkhau-moi-123"); err != nil {
		t.Errorf("password not reset: %v (%s)", err, v.Status.Text)
	}
}

func TestMentorSeesOnlyTheirAreas(t *testing.T) {
	all := []area{{key: "nav.overview"}, {key: "nav.caseload"}, {key: "nav.visits"}, {key: "nav.mentors"},
		{key: "nav.models"}, {key: "nav.support"}, {key: "nav.reports"}, {key: "nav.sync"}, {key: "nav.settings"}}
	got := areasFor(session{Role: "mentor", MentorID: "m1"}, all)
	if len(got) != 3 || got[0].key != "nav.overview" || got[1].key != "nav.caseload" || got[2].key != "nav.visits" {
		t.Errorf("mentor areas = %v", got)
	}
	for _, role := range []string{"admin", "officer", "leader"} {
		if n := len(areasFor(session{Role: role}, all)); n != len(all) {
			t.Errorf("%s sees %d areas, want all %d", role, n, len(all))
		}
	}
}
