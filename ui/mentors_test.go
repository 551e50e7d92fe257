package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// svAssign assigns mentorID to personID from the given date (store API).
func svAssign(t *testing.T, u *App, personID, mentorID, number string, from caseload.Date) {
	t.Helper()
	a := caseload.Assignment{PersonID: personID, MentorID: mentorID, From: from,
		Decision: caseload.Decision{Number: number, Date: from}}
	if err := u.st.Assign(context.Background(), &a); err != nil {
		t.Fatalf("assign: %v", err)
	}
}

// texts returns the texts of the labels and buttons directly in box.
func texts(box *fyne.Container) []string {
	var out []string
	for _, o := range box.Objects {
		switch x := o.(type) {
		case *widget.Label:
			out = append(out, x.Text)
		case *widget.Button:
			out = append(out, x.Text)
		}
	}
	return out
}

// TestMentorPanelPeopleAndOverdue selects a mentor in the roster and reads
// the panel: their person and the overdue visit (group C: every 14 days,
// nobody visited since the return 40 days ago).
func TestMentorPanelPeopleAndOverdue(t *testing.T) {
	st := svStore(t)
	u := svApp(t, st)
	returned := svToday().AddDays(-40)
	ids := seed(t, st, caseload.Person{FullName: "Lý Văn Sơn", Group: caseload.GroupC, ReleaseKind: caseload.ReleaseCompleted,
		ReturnedOn: returned, ReportedOn: returned})
	busy := svMentor(t, st, "Hội Cựu chiến binh phường")
	idle := svMentor(t, st, "Lê Thị Hoa")
	svAssign(t, u, ids[0], busy.ID, "21/QĐ-UBND", returned)

	a := u.buildMentorsArea()
	row := -1
	for i, r := range a.rows {
		if r.m.ID == busy.ID {
			row = i
		}
	}
	if row < 0 {
		t.Fatalf("mentor %s not in the roster", busy.Name)
	}
	if a.rows[row].cells[5] != "1" {
		t.Errorf("load column = %q, want 1", a.rows[row].cells[5])
	}
	a.Table.Select(widget.TableCellID{Row: row, Col: 0})
	if a.selected != busy.ID || !strings.Contains(a.PanelTitle.Text, busy.Name) {
		t.Fatalf("panel for %q: %q", a.selected, a.PanelTitle.Text)
	}
	people := texts(a.People)
	if len(people) != 1 || !strings.Contains(people[0], "Lý Văn Sơn") || !strings.Contains(people[0], showDate(returned)) {
		t.Errorf("panel people = %q", people)
	}
	overdue := texts(a.Overdue)
	due := showDate(returned.AddDays(14))
	if len(overdue) != 1 || !strings.Contains(overdue[0], "Lý Văn Sơn") || !strings.Contains(overdue[0], due) ||
		!strings.Contains(overdue[0], "nhóm C: 14 ngày") {
		t.Fatalf("panel overdue = %q, want the visit due %s", overdue, due)
	}
	if l := a.Overdue.Objects[0].(*widget.Label); l.Importance != widget.DangerImportance {
		t.Errorf("the overdue line is not shown as overdue")
	}

	// Another mentor: nobody, nothing overdue.
	a.selectMentor(idle.ID)
	if p, o := texts(a.People), texts(a.Overdue); len(p) != 1 || p[0] != i18n.T("svui.mentor.no_people") ||
		len(o) != 1 || o[0] != i18n.T("svui.mentor.no_overdue") {
		t.Errorf("idle mentor panel: people %q, overdue %q", p, o)
	}
}

// TestReassignDialog reassigns a person through the dialog, with a reason
// and a handover note: the old assignment is closed with them, the new one
// is active.
func TestReassignDialog(t *testing.T) {
	st := svStore(t)
	u := svApp(t, st)
	ctx := context.Background()
	p := svManaged(t, st, "Vương Văn Lực")
	first := svMentor(t, st, "Lê Thị Hoa")
	next := svMentor(t, st, "Hội Cựu chiến binh phường")
	svAssign(t, u, p.ID, first.ID, "5/QĐ-UBND", svToday())

	saved := false
	f := u.showAssignDialog(p.ID, func() { saved = true })
	if f.current == nil || f.current.MentorID != first.ID {
		t.Fatalf("dialog does not know the current mentor: %+v", f.current)
	}
	for _, m := range f.mentors {
		if m.ID == first.ID {
			t.Errorf("the current mentor is offered as the new one")
		}
	}
	if u.win.Canvas().Overlays().Top() == nil || shownButton(u.win.Canvas().Overlays().Top(), "Lưu") == nil {
		t.Fatal("the reassign dialog is not shown")
	}
	f.chooseMentor(next.ID)
	test.Type(f.DecisionNo, "31/QĐ-UBND")
	test.Type(f.Handover, "Đã bàn giao sổ theo dõi và số điện thoại gia đình")

	// No reason: refused, nothing changes, the dialog stays.
	test.Tap(overlayButton(t, u, "Lưu"))
	if f.Status.Text == "" || saved {
		t.Fatalf("reassign without a reason accepted (%q)", f.Status.Text)
	}
	if a, err := st.ActiveAssignment(ctx, p.ID); err != nil || a.MentorID != first.ID {
		t.Fatalf("refused reassign changed the assignment: %+v, %v", a, err)
	}

	test.Type(f.Reason, "Người giúp đỡ chuyển công tác")
	test.Tap(overlayButton(t, u, "Lưu"))
	if !saved || u.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("dialog not closed after save (%q)", f.Status.Text)
	}
	a, err := st.ActiveAssignment(ctx, p.ID)
	if err != nil || a.MentorID != next.ID || a.Decision.Number != "31/QĐ-UBND" || a.From != svToday() {
		t.Fatalf("active assignment = %+v, %v", a, err)
	}
	list, err := st.Assignments(ctx, p.ID)
	if err != nil || len(list) != 2 {
		t.Fatalf("assignments = %+v, %v", list, err)
	}
	var old caseload.Assignment
	for _, x := range list {
		if x.MentorID == first.ID {
			old = x
		}
	}
	if old.Active() || old.To.IsZero() || old.ChangeReason != "Người giúp đỡ chuyển công tác" ||
		old.Handover != "Đã bàn giao sổ theo dõi và số điện thoại gia đình" {
		t.Errorf("old assignment = %+v", old)
	}
	// The profile's "Giúp đỡ" tab shows the new mentor and the history.
	tab := u.newMentorTab(p.ID)
	if !strings.Contains(tab.Current.Text, next.Name) || len(tab.History.Objects) != 2 {
		t.Errorf("mentor tab: current %q, %d history lines", tab.Current.Text, len(tab.History.Objects))
	}
}
