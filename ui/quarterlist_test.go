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
	"hoanhap/i18n"
	"hoanhap/store"
)

// qlSeed saves managed people received on returned (zero: unknown) and
// returns their ids by name.
func qlSeed(t *testing.T, st *store.Store, returned caseload.Date, names ...string) map[string]string {
	t.Helper()
	ids := map[string]string{}
	for _, n := range names {
		p := caseload.Person{FullName: n, Hamlet: "Tổ 4", ReturnedOn: returned}
		ids[n] = seed(t, st, p)[0]
	}
	return ids
}

// qlClassify classifies a person for a quarter through the store.
func qlClassify(t *testing.T, st *store.Store, personID, quarter string, g caseload.Group, reason string, on caseload.Date) {
	t.Helper()
	c := caseload.Classification{PersonID: personID, Quarter: quarter, Group: g, Reason: reason, By: "canbo", On: on}
	if err := st.Classify(context.Background(), &c); err != nil {
		t.Fatalf("classify %s %s: %v", quarter, g, err)
	}
}

// qlNames returns the name column of the rows shown.
func qlNames(v *quarterListView) []string {
	out := make([]string, len(v.rows))
	for i := range v.rows {
		out[i] = v.cell(i, qlColName)
	}
	return out
}

// qlSection shows the section with the given kind ("all", "A", "none").
func qlSection(t *testing.T, v *quarterListView, kind string) {
	t.Helper()
	for i, s := range v.sections {
		if s == kind {
			v.Sections.Select(i)
			return
		}
	}
	t.Fatalf("no section %q", kind)
}

func TestQuarterListByGroup(t *testing.T) {
	i18n.SetLanguage("vi")
	st := svStore(t)
	early := caseload.D(2026, 3, 2)
	ids := qlSeed(t, st, early, "Trần Thị An", "Nguyễn Văn Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em")
	qlSeed(t, st, caseload.Date{}, "Vũ Thị Giang")
	qlSeed(t, st, caseload.D(2026, 10, 20), "Đỗ Văn Hải") // received after Q3 ended
	seed(t, st, caseload.Person{FullName: "Bùi Văn Khoa", Status: caseload.StatusExpected})

	on := caseload.D(2026, 10, 3)
	qlClassify(t, st, ids["Nguyễn Văn Bình"], "2026-Q3", caseload.GroupA, "Có việc làm ổn định", on)
	qlClassify(t, st, ids["Trần Thị An"], "2026-Q3", caseload.GroupA, "Chấp hành tốt", on)
	qlClassify(t, st, ids["Lê Văn Cường"], "2026-Q3", caseload.GroupB, "Chưa có việc làm\nhoàn cảnh khó khăn", on)
	// Classified B, then corrected to C: the latest counts.
	qlClassify(t, st, ids["Phạm Thị Dung"], "2026-Q3", caseload.GroupB, "Tạm thời", on)
	qlClassify(t, st, ids["Phạm Thị Dung"], "2026-Q3", caseload.GroupC, "Vi phạm quy định về cư trú", caseload.D(2026, 10, 5))
	// Classified only for the quarter before: still due for Q3.
	qlClassify(t, st, ids["Hoàng Văn Em"], "2026-Q2", caseload.GroupB, "Chưa ổn định", caseload.D(2026, 7, 3))

	v := newQuarterListView(st, nil, nil, caseload.D(2026, 11, 21))
	if got := v.quarter(); got != "2026-Q3" {
		t.Fatalf("default quarter = %q, want the previous quarter 2026-Q3", got)
	}
	if !strings.Contains(v.Quarter.Selected, "01/07/2026") || !strings.Contains(v.Quarter.Selected, "30/09/2026") {
		t.Errorf("quarter label = %q, want its dates dd/mm/yyyy", v.Quarter.Selected)
	}
	for g, want := range map[caseload.Group]int{caseload.GroupA: 2, caseload.GroupB: 1, caseload.GroupC: 1, caseload.GroupD: 0} {
		if v.counts[g] != want {
			t.Errorf("group %s count = %d, want %d", g, v.counts[g], want)
		}
	}
	wantSections := []string{"Tất cả đã phân loại (4)", "Nhóm A (2)", "Nhóm B (1)", "Nhóm C (1)", "Nhóm D (0)", "Chưa phân loại (2)"}
	for i, want := range wantSections {
		if got := v.sectionText(i); got != want {
			t.Errorf("section %d = %q, want %q", i, got, want)
		}
	}
	if s := v.Summary.Text; !strings.Contains(s, "4 người đã phân loại") || !strings.Contains(s, "nhóm A: 2") ||
		!strings.Contains(s, "2 người đang quản lý chưa được phân loại") {
		t.Errorf("summary = %q", s)
	}

	// All classified: by group, then the Vietnamese name order.
	want := []string{"Trần Thị An", "Nguyễn Văn Bình", "Lê Văn Cường", "Phạm Thị Dung"}
	if got := qlNames(v); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("all rows = %v, want %v", got, want)
	}
	if c := v.cell(2, qlColReason); c != "Chưa có việc làm hoàn cảnh khó khăn" {
		t.Errorf("reason cell = %q", c)
	}
	if c := v.cell(3, qlColDate); c != "05/10/2026" {
		t.Errorf("date cell = %q, want 05/10/2026", c)
	}
	if v.cell(3, qlColGroup) != "C" || v.cell(0, qlColNo) != "1" || v.cell(0, qlColBy) != "canbo" || v.cell(0, qlColBirth) != "1985" {
		t.Errorf("row cells = %q %q %q %q", v.cell(3, qlColGroup), v.cell(0, qlColNo), v.cell(0, qlColBy), v.cell(0, qlColBirth))
	}
	for _, g := range caseload.Groups {
		if !strings.Contains(v.Definition.Text, i18n.T(caseload.GroupDefinitionKey(g))) {
			t.Errorf("the definition of group %s is not shown for all groups", g)
		}
	}

	qlSection(t, v, "A")
	if got := qlNames(v); len(got) != 2 || got[0] != "Trần Thị An" || got[1] != "Nguyễn Văn Bình" {
		t.Errorf("group A rows = %v", got)
	}
	if !strings.Contains(v.Definition.Text, "Nhóm A") || !strings.Contains(v.Definition.Text, "Điều 12") {
		t.Errorf("group A definition = %q", v.Definition.Text)
	}
	qlSection(t, v, "D")
	if len(v.rows) != 0 || !v.Empty.Visible() {
		t.Errorf("group D rows = %v, empty note shown %v", qlNames(v), v.Empty.Visible())
	}

	// Not classified: managed, received before the quarter ended (or date
	// unknown); not the expected person nor the late arrival.
	qlSection(t, v, "none")
	got := strings.Join(qlNames(v), "|")
	if got != "Hoàng Văn Em|Vũ Thị Giang" {
		t.Errorf("unclassified = %q, want Hoàng Văn Em|Vũ Thị Giang", got)
	}
	if !strings.Contains(v.cell(0, qlColReason), "nhóm hiện tại: B") {
		t.Errorf("unclassified reason = %q, want the current group", v.cell(0, qlColReason))
	}
	if v.Empty.Visible() {
		t.Error("empty note shown over rows")
	}

	// Another quarter: Q2 has one classification; the section shown stays.
	if !v.setQuarter("2026-Q2") {
		t.Fatal("2026-Q2 is not offered")
	}
	if v.counts[caseload.GroupB] != 1 || len(v.classified) != 1 || v.sectionText(0) != "Tất cả đã phân loại (1)" {
		t.Errorf("Q2 counts = %v, %d classified", v.counts, len(v.classified))
	}
	// In Q2 the October arrival is not due, and Em was classified.
	names := strings.Join(qlNames(v), "|")
	if strings.Contains(names, "Đỗ Văn Hải") || strings.Contains(names, "Hoàng Văn Em") || !strings.Contains(names, "Trần Thị An") {
		t.Errorf("Q2 unclassified = %q", names)
	}
}

func TestQuarterListMentorSeesOnlyOwnPeople(t *testing.T) {
	i18n.SetLanguage("vi")
	st := svStore(t)
	ids := qlSeed(t, st, caseload.D(2026, 1, 10), "Trần Thị An", "Nguyễn Văn Bình", "Lê Văn Cường")
	on := caseload.D(2026, 10, 2)
	qlClassify(t, st, ids["Trần Thị An"], "2026-Q3", caseload.GroupA, "Tốt", on)
	qlClassify(t, st, ids["Nguyễn Văn Bình"], "2026-Q3", caseload.GroupC, "Vi phạm", on)
	mine := map[string]bool{ids["Nguyễn Văn Bình"]: true, ids["Lê Văn Cường"]: true}

	v := newQuarterListView(st, func() map[string]bool { return mine }, nil, caseload.D(2026, 11, 21))
	if got := strings.Join(qlNames(v), "|"); got != "Nguyễn Văn Bình" {
		t.Errorf("mentor's classified = %q, want only Nguyễn Văn Bình", got)
	}
	if v.counts[caseload.GroupA] != 0 || v.counts[caseload.GroupC] != 1 {
		t.Errorf("mentor's counts = %v", v.counts)
	}
	qlSection(t, v, "none")
	if got := strings.Join(qlNames(v), "|"); got != "Lê Văn Cường" {
		t.Errorf("mentor's unclassified = %q", got)
	}
}

func TestVisitsAreaHasQuarterListTab(t *testing.T) {
	i18n.SetLanguage("vi")
	u := svApp(t, svStore(t))
	tabs, ok := u.newVisitsArea().(*container.AppTabs)
	if !ok {
		t.Fatalf("visits area is not tabbed")
	}
	if len(tabs.Items) != 2 || tabs.Items[0].Text != "Sổ thăm gặp" || tabs.Items[1].Text != "Danh sách phân loại quý (HCD-09)" {
		var texts []string
		for _, it := range tabs.Items {
			texts = append(texts, it.Text)
		}
		t.Fatalf("tabs = %q", texts)
	}
	tabs.SelectIndex(1)
	if tabs.Selected().Content == nil {
		t.Error("the quarterly list tab has no content")
	}
}

// The HCD-09 table's headers are not clipped: each header cell is as wide
// as its bold title.
func TestQuarterListHeadersFit(t *testing.T) {
	i18n.SetLanguage("vi")
	st := svStore(t)
	v := newQuarterListView(st, nil, nil, caseload.D(2026, 11, 21))
	w := test.NewWindow(v.content)
	defer w.Close()
	w.Resize(fyne.NewSize(1366, 768))
	want := map[string]bool{}
	for _, k := range qlColKeys {
		want[i18n.T(k)] = true
	}
	seen := 0
	walk(v.Table, func(o fyne.CanvasObject) {
		l, ok := o.(*widget.Label)
		if !ok || !want[l.Text] || !l.Visible() {
			return
		}
		seen++
		if l.Size().Width+0.5 < l.MinSize().Width {
			t.Errorf("header %q is %v wide, needs %v", l.Text, l.Size().Width, l.MinSize().Width)
		}
	})
	if seen == 0 {
		t.Fatal("no header drawn")
	}
}
