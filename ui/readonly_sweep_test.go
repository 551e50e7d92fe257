package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
)

// writeVerbs start the labels of the buttons that change data.
var writeVerbs = []string{"Thêm", "Lưu", "Sửa", "Xóa", "Giao", "Thay", "Bỏ liên kết", "Liên kết", "Đánh dấu",
	"Nhập thông báo", "Ghi", "Tiếp nhận", "Kết thúc", "Phân loại", "Đổi tên", "Tạo"}

// liveWriteButtons returns the labels of the shown, enabled buttons under
// o whose label starts with a write verb. Every tab of an AppTabs counts,
// selected or not (each is selected in turn).
func liveWriteButtons(o fyne.CanvasObject) []string {
	if o == nil || !o.Visible() {
		return nil
	}
	var out []string
	if b, ok := o.(*widget.Button); ok && !b.Disabled() {
		for _, v := range writeVerbs {
			if strings.HasPrefix(b.Text, v) {
				out = append(out, b.Text)
			}
		}
	}
	var kids []fyne.CanvasObject
	switch x := o.(type) {
	case *container.AppTabs:
		// Select each tab in turn: some build their content when shown.
		for i := range x.Items {
			x.SelectIndex(i)
			out = append(out, liveWriteButtons(x.Items[i].Content)...)
		}
		x.SelectIndex(0)
	case *fyne.Container:
		kids = x.Objects
	case fyne.Widget:
		kids = test.WidgetRenderer(x).Objects()
	}
	for _, c := range kids {
		out = append(out, liveWriteButtons(c)...)
	}
	return out
}

// sweepWrites builds every area and opens each profile of ids under the
// current session, and returns the enabled write buttons found per place.
func sweepWrites(t *testing.T, u *App, ids []string) map[string][]string {
	t.Helper()
	found := map[string][]string{}
	for _, a := range u.areas {
		obj := a.build()
		u.content.Objects = []fyne.CanvasObject{obj}
		u.content.Refresh()
		if live := liveWriteButtons(obj); len(live) > 0 {
			found[a.key] = live
		}
	}
	v := showCaseload(t, u, u.sess.Role)
	for _, id := range ids {
		v.openPerson(id)
		if v.form == nil {
			t.Fatalf("profile %s not opened", id)
		}
		if live := liveWriteButtons(v.stack.Objects[0]); len(live) > 0 {
			found["profile "+v.form.person.FullName] = live
		}
		v.form.close()
	}
	return found
}

// sweepFixture is a managed person with a mentor and an expected person.
func sweepFixture(t *testing.T) (*App, []string, caseload.Mentor) {
	t.Helper()
	u, st := newTestUI(t)
	ctx := context.Background()
	ids := seed(t, st,
		caseload.Person{FullName: "Nguyễn Văn Thành", Hamlet: "Tổ 1", CompletedOn: caseload.D(2025, 6, 1)},
		caseload.Person{FullName: "Lê Thị Hoa", Status: caseload.StatusExpected})
	m := caseload.Mentor{Kind: caseload.MentorPerson, Name: "Trần Văn Quang", Organisation: caseload.OrgVeterans, Active: true}
	if err := st.SaveMentor(ctx, &m); err != nil {
		t.Fatal(err)
	}
	if err := st.RecordReception(ctx, &caseload.Reception{PersonID: ids[0], SessionDate: caseload.D(2025, 6, 3),
		Officer: "Thượng úy Lê Văn Hải", MinutesDone: true, InfoSheetDone: true, CounsellingDone: true}); err != nil {
		t.Fatal(err)
	}
	if err := st.Assign(ctx, &caseload.Assignment{PersonID: ids[0], MentorID: m.ID, From: caseload.D(2025, 6, 4),
		Decision: caseload.Decision{Number: "12/QĐ-UBND", Date: caseload.D(2025, 6, 4)}}); err != nil {
		t.Fatal(err)
	}
	return u, ids, m
}

// A leader (Chủ tịch/Phó Chủ tịch UBND) reads everything and changes
// nothing (docs/ARCHITECTURE.md section 11): no area, no tab and no profile offers an
// enabled button that writes.
func TestLeaderSeesNoWriteButton(t *testing.T) {
	u, ids, _ := sweepFixture(t)
	u.sess = session{UserName: "chutich", Role: "leader"}
	for place, live := range sweepWrites(t, u, ids) {
		t.Errorf("%s: a leader can press %q", place, live)
	}
}

// A mentor records visits for their own person and writes nothing else.
func TestMentorWritesOnlyVisits(t *testing.T) {
	u, ids, m := sweepFixture(t)
	u.sess = session{UserName: "hoi.ccb", Role: "mentor", MentorID: m.ID}
	allowed := map[string][]string{
		"nav.visits":               {"Lưu (Ctrl+S)"},
		"profile Nguyễn Văn Thành": {"Ghi thăm gặp"},
	}
	got := sweepWrites(t, u, ids[:1])
	for place, live := range got {
		if strings.Join(live, "|") != strings.Join(allowed[place], "|") {
			t.Errorf("%s: a mentor can press %q, want only %q", place, live, allowed[place])
		}
	}
	for place := range allowed {
		if got[place] == nil {
			t.Errorf("%s: the mentor cannot record a visit", place)
		}
	}
}
