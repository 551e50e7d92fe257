package ui

import (
	"strings"
	"testing"

	"hoanhap/caseload"
	"hoanhap/i18n"

	"fyne.io/fyne/v2/widget"
)

// TestWorklistShowsRuleText checks that items show their rule text (not a
// key), the due date as dd/mm/yyyy, overdue marks, the kind filter and the
// click that acts.
func TestWorklistShowsRuleText(t *testing.T) {
	st := svStore(t)
	n, _ := svNotice(t, st, "Đỗ Văn Hùng", 20) // address check long overdue
	u := svApp(t, st)
	ov := u.buildOverviewArea()
	u.win.SetContent(ov.stack)
	var row *workRow
	for i := range ov.rows {
		if ov.rows[i].item.Kind == caseload.WorkAddressCheck {
			row = &ov.rows[i]
		}
	}
	if row == nil {
		t.Fatalf("no address check item in %+v", ov.rows)
	}
	if strings.HasPrefix(row.cell(3), "worklist.") || row.cell(3) == "" {
		t.Errorf("rule text not translated: %q", row.cell(3))
	}
	if !strings.Contains(row.cell(3), "Điều 8") && !strings.Contains(row.cell(3), "Art. 8") {
		t.Errorf("rule text does not cite the article: %q", row.cell(3))
	}
	due := n.AddressCheckDue(nil)
	if !row.item.Overdue || !strings.HasPrefix(row.cells[0], i18n.FormatDMY(due.Year(), due.Month(), due.Day())) {
		t.Errorf("due cell = %q, overdue %v", row.cells[0], row.item.Overdue)
	}
	if row.cells[2] != "Đỗ Văn Hùng" {
		t.Errorf("person cell = %q", row.cells[2])
	}
	// Filter by another kind hides it.
	for i, k := range ov.kinds {
		if k == caseload.WorkClassification {
			ov.Kind.SetSelectedIndex(i)
		}
	}
	for _, r := range ov.rows {
		if r.item.Kind != caseload.WorkClassification {
			t.Errorf("filter kept %s", r.item.Kind)
		}
	}
	ov.Kind.SetSelectedIndex(0)
	// Clicking the item opens the notice follow-up in place.
	ov.act(row.item)
	if ov.stack.Objects[0] == ov.home {
		t.Errorf("acting on the item did not open the notice")
	}
	ov.pop()
	if ov.stack.Objects[0] != ov.home {
		t.Errorf("back did not return to the worklist")
	}
}

// TestMentorsRosterFilters lists, filters and selects mentors.
func TestMentorsRosterFilters(t *testing.T) {
	st := svStore(t)
	svMentor(t, st, "Lê Thị Hoa")
	m := caseload.Mentor{Kind: caseload.MentorOrganisation, Name: "Đoàn Thanh niên phường", Organisation: caseload.OrgYouthUnion, Active: true}
	if err := st.SaveMentor(t.Context(), &m); err != nil {
		t.Fatal(err)
	}
	u := svApp(t, st)
	a := u.buildMentorsArea()
	if len(a.rows) != 2 {
		t.Fatalf("roster has %d rows", len(a.rows))
	}
	a.Search.SetText("doan thanh")
	if len(a.rows) != 1 || a.rows[0].m.ID != m.ID {
		t.Fatalf("search without diacritics: %+v", a.rows)
	}
	a.Search.SetText("")
	a.OrgFilter.SetValue(string(caseload.OrgWomenUnion))
	if len(a.rows) != 1 || a.rows[0].cells[2] != "Hội Liên hiệp Phụ nữ" {
		t.Fatalf("org filter: %+v", a.rows)
	}
	a.selectMentor(a.rows[0].m.ID)
	if !strings.Contains(a.PanelTitle.Text, "Lê Thị Hoa") {
		t.Errorf("panel title = %q", a.PanelTitle.Text)
	}
}

// A visit due today and a visit overdue are two states: the overdue one
// red and marked overdue, the one due today orange, marked today and not
// called overdue.
func TestWorklistDueTodayIsNotOverdue(t *testing.T) {
	i18n.SetLanguage("vi")
	st := svStore(t)
	u := svApp(t, st)
	today := svToday()
	mk := func(name string, returned caseload.Date) string {
		id := seed(t, st, caseload.Person{FullName: name, Group: caseload.GroupC, ReleaseKind: caseload.ReleaseCompleted,
			ReturnedOn: returned, ReportedOn: returned})[0]
		svAssign(t, u, id, svMentor(t, st, "Mentor "+name).ID, "1/QĐ", returned)
		return id
	}
	late := mk("Lý Văn Sơn", today.AddDays(-40))
	now := mk("Trần Văn Tư", today.AddDays(-14)) // group C: every 14 days
	ov := u.buildOverviewArea()
	rowOf := func(id string) workRow {
		for _, r := range ov.rows {
			if r.item.PersonID == id && r.item.Kind == caseload.WorkVisitOverdue {
				return r
			}
		}
		t.Fatalf("no visit item for %s in %d rows", id, len(ov.rows))
		return workRow{}
	}
	lr, nr := rowOf(late), rowOf(now)
	if lr.due.importance() != widget.DangerImportance || !strings.Contains(lr.cells[0], "quá hạn") {
		t.Errorf("overdue visit: cell %q, importance %v", lr.cells[0], lr.due.importance())
	}
	if nr.item.Due != today {
		t.Fatalf("the second visit is due %v, want today", nr.item.Due)
	}
	if nr.due.importance() != widget.WarningImportance || !strings.Contains(nr.cells[0], "hôm nay") ||
		strings.Contains(nr.cells[0]+nr.cells[1], "quá hạn") {
		t.Errorf("visit due today: cells %q / %q, importance %v", nr.cells[0], nr.cells[1], nr.due.importance())
	}
	if !strings.Contains(ov.Count.Text, "1 quá hạn") || !strings.Contains(ov.Count.Text, "1 đến hạn hôm nay") {
		t.Errorf("count = %q", ov.Count.Text)
	}
}

// The application opens on the worklist (Tổng quan): a ward officer
// starts the day with what is due.
func TestStartsOnWorklist(t *testing.T) {
	st := svStore(t)
	u := svApp(t, st)
	if got := u.areas[u.current].key; got != "nav.overview" {
		t.Fatalf("the window opens on %q, want the worklist", got)
	}
	if sel := u.nav; sel == nil || len(u.content.Objects) == 0 {
		t.Fatal("nothing on screen after login")
	}
}
