package store

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"hoanhap/caseload"
)

// wlCold computes the worklist from a full read of the database, bypassing
// the cache.
func wlCold(t *testing.T, s *Store, today caseload.Date) []caseload.WorkItem {
	t.Helper()
	cases, err := loadWorkCases(context.Background(), s, -1)
	if err != nil {
		t.Fatal(err)
	}
	list := make([]*caseload.WorkCase, 0, len(cases))
	for _, c := range cases {
		list = append(list, c)
	}
	cal, cadence, _, err := s.worklistConfig(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	items, err := s.withLoanList(context.Background(), today, caseload.WorklistOf(list, today, cal, cadence))
	if err != nil {
		t.Fatal(err)
	}
	return items
}

// wlKinds summarises items as "kind:person" for readable failures.
func wlKinds(items []caseload.WorkItem) string {
	var out []string
	for _, it := range items {
		out = append(out, it.Kind+":"+it.PersonID)
	}
	return strings.Join(out, " ")
}

// wlCheck compares the cached worklist with a full read and returns it.
func wlCheck(t *testing.T, step string, s *Store, today caseload.Date) []caseload.WorkItem {
	t.Helper()
	got, err := s.Worklist(context.Background(), today)
	if err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	if want := wlCold(t, s, today); !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: cached worklist differs from a full read\ncached: %s\nfull:   %s", step, wlKinds(got), wlKinds(want))
	}
	return got
}

// wlHas reports whether items hold an item of kind for person.
func wlHas(items []caseload.WorkItem, kind, person string) bool {
	for _, it := range items {
		if it.Kind == kind && it.PersonID == person {
			return true
		}
	}
	return false
}

// TestWorklistCacheFollowsWrites walks a case through the supervision
// steps with the cache warm: after every write the cached worklist must
// equal one computed from a full read, and show the effect of the write.
func TestWorklistCacheFollowsWrites(t *testing.T) {
	ctx := context.Background()
	s := svOpen(t)
	today := caseload.D(2026, 7, 3)
	wlCheck(t, "empty", s, today)

	n, exp := svNotice(t, s, "Trần Thị Mai", today.AddDays(-1))
	items := wlCheck(t, "notice", s, today)
	if !wlHas(items, caseload.WorkAddressCheck, exp.ID) {
		t.Fatalf("notice: no address check in %s", wlKinds(items))
	}
	n.AddressCheck, n.AddressCheckedOn = caseload.AddressConfirmed, today
	if err := s.UpdateNotice(ctx, &n); err != nil {
		t.Fatal(err)
	}
	if items = wlCheck(t, "address checked", s, today); wlHas(items, caseload.WorkAddressCheck, exp.ID) {
		t.Fatalf("address checked: still due in %s", wlKinds(items))
	}

	p := svManaged(t, s, "Nguyễn Văn Đức", caseload.D(2026, 3, 2))
	items = wlCheck(t, "reception", s, today)
	if !wlHas(items, caseload.WorkMentorDecision, p.ID) || !wlHas(items, caseload.WorkVisitOverdue, p.ID) {
		t.Fatalf("reception: %s", wlKinds(items))
	}
	m := svMentor(t, s, "Lê Thị Hoa")
	svAssign(t, s, p, m, caseload.D(2026, 3, 4))
	if items = wlCheck(t, "assigned", s, today); wlHas(items, caseload.WorkMentorDecision, p.ID) ||
		!wlHas(items, caseload.WorkQuarterlyReport, p.ID) {
		t.Fatalf("assigned: %s", wlKinds(items))
	}
	v := caseload.Visit{PersonID: p.ID, Date: caseload.D(2026, 7, 1), AuthorKind: caseload.AuthorMentor,
		AuthorName: "Lê Thị Hoa", MentorID: m.ID, Kind: caseload.VisitQuarterlyReport, Attitude: "tốt"}
	if err := s.AddVisit(ctx, &v); err != nil {
		t.Fatal(err)
	}
	if items = wlCheck(t, "report", s, today); wlHas(items, caseload.WorkQuarterlyReport, p.ID) ||
		wlHas(items, caseload.WorkVisitOverdue, p.ID) {
		t.Fatalf("report: %s", wlKinds(items))
	}
	// Correcting the report into an old home visit brings both back.
	fix := v
	fix.Date, fix.Kind = caseload.D(2026, 3, 20), caseload.VisitHome
	if err := s.CorrectVisit(ctx, v.ID, &fix); err != nil {
		t.Fatal(err)
	}
	if items = wlCheck(t, "corrected", s, today); !wlHas(items, caseload.WorkQuarterlyReport, p.ID) {
		t.Fatalf("corrected: %s", wlKinds(items))
	}
	if !wlHas(items, caseload.WorkClassification, p.ID) {
		t.Fatalf("not classified: %s", wlKinds(items))
	}
	c := caseload.Classification{PersonID: p.ID, Quarter: "2026-Q2", Group: caseload.GroupA, Reason: "chấp hành tốt",
		By: "Hải", On: caseload.D(2026, 7, 2)}
	if err := s.Classify(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if items = wlCheck(t, "classified", s, today); wlHas(items, caseload.WorkClassification, p.ID) {
		t.Fatalf("classified: %s", wlKinds(items))
	}
	end := caseload.CaseEnd{PersonID: p.ID, Reason: caseload.EndMovedAway, Destination: "Phường Hàng Bạc",
		Decision: caseload.Decision{Number: "5/QĐ-UBND", Date: caseload.D(2026, 7, 2)}}
	if err := s.EndCase(ctx, &end); err != nil {
		t.Fatal(err)
	}
	for _, it := range wlCheck(t, "ended", s, today) {
		if it.PersonID == p.ID {
			t.Fatalf("ended person still in the worklist: %+v", it)
		}
	}
	if err := s.DeletePerson(ctx, exp.ID); err != nil {
		t.Fatal(err)
	}
	if items = wlCheck(t, "deleted", s, today); wlHas(items, caseload.WorkNotReported, exp.ID) ||
		wlHas(items, caseload.WorkAddressCheck, exp.ID) {
		t.Fatalf("deleted: %s", wlKinds(items))
	}
}

// TestWorklistCacheOtherWriter: writes through another handle on the same
// file (the CLI while the GUI is open) reach the cache too, and a big batch
// of changes takes the full-reload path.
func TestWorklistCacheOtherWriter(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "wl.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	other, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	today := caseload.D(2026, 7, 3)
	p := svManaged(t, s, "Phạm Văn Nam", caseload.D(2026, 5, 4))
	if items := wlCheck(t, "start", s, today); !wlHas(items, caseload.WorkMentorDecision, p.ID) {
		t.Fatalf("start: %s", wlKinds(items))
	}
	svAssign(t, other, p, svMentor(t, other, "Hội Cựu chiến binh"), caseload.D(2026, 5, 5))
	if items := wlCheck(t, "assigned elsewhere", s, today); wlHas(items, caseload.WorkMentorDecision, p.ID) {
		t.Fatalf("assignment by the other handle not seen: %s", wlKinds(items))
	}
	for i := 0; i < 30; i++ {
		svManaged(t, other, fmt.Sprintf("Người Thứ %d", i), caseload.D(2026, 6, 1).AddDays(i))
	}
	items := wlCheck(t, "batch", s, today)
	if got := strings.Count(wlKinds(items), caseload.WorkMentorDecision+":"); got != 30 {
		t.Fatalf("batch: %d mentor decisions, want 30: %s", got, wlKinds(items))
	}
	// Another day, then another cadence: the items are computed again.
	wlCheck(t, "next day", s, today.AddDays(1))
	if err := s.SetVisitCadence(ctx, map[caseload.Group]int{caseload.GroupB: 7}); err != nil {
		t.Fatal(err)
	}
	wlCheck(t, "cadence", s, today.AddDays(1))
	// A mentor's worklist holds only that mentor's items.
	a, err := s.ActiveAssignment(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	mine, err := s.WorklistFor(ctx, today, a.MentorID)
	if err != nil {
		t.Fatal(err)
	}
	if len(mine) == 0 {
		t.Fatal("mentor worklist is empty")
	}
	for _, it := range mine {
		if it.MentorID != a.MentorID || it.PersonID != p.ID {
			t.Errorf("foreign item in the mentor worklist: %+v", it)
		}
	}
}

func TestWlDate(t *testing.T) {
	cases := []struct {
		in   string
		want caseload.Date
	}{
		{"2026-07-03", caseload.D(2026, 7, 3)},
		{"2024-02-29", caseload.D(2024, 2, 29)},
		{"2023-02-29", caseload.Date{}}, // not a day
		{"2026-13-01", caseload.Date{}},
		{"2026-00-10", caseload.Date{}},
		{"20x6-01-01", caseload.Date{}},
		{"", caseload.Date{}},
		{" 2026-07-03 ", caseload.D(2026, 7, 3)}, // falls back to ParseDate
	}
	for _, tc := range cases {
		if got := wlDate(tc.in); got != tc.want {
			t.Errorf("wlDate(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// TestWorklistLegalFromStore: the legal fields read from the person row
// (sentence, supplementary penalty as JSON, civil obligations, court
// refusals) give the expungement and loan items of caseload.
func TestWorklistLegalFromStore(t *testing.T) {
	ctx := context.Background()
	s := svOpen(t)
	today := caseload.D(2026, 7, 3)
	p := svManaged(t, s, "Đỗ Văn Hùng", caseload.D(2024, 6, 20))
	// Prison 36 months completed 15/06/2024: automatic after 2 years (BLHS Art. 70(2)(b)) = 15/06/2026,
	// but a 25-month residence ban runs to 15/07/2026 (Art. 70(3)): due in 12 days.
	p.CompletedOn, p.SentenceKind, p.SentenceMonths = caseload.D(2024, 6, 15), caseload.SentencePrison, 36
	p.CivilObligations = caseload.CivilObligations{Amount: 3_000_000, SettledOn: caseload.D(2025, 1, 10)}
	p.Supplementary = []caseload.Supplementary{{Kind: "residence_ban", Months: 25}}
	if err := s.SavePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	q := svManaged(t, s, "Vũ Thị Lan", caseload.D(2021, 9, 1))
	// Completed 20/08/2021: the 5-year loan window (QĐ 22/2023) closes 20/08/2026, within 90 days.
	q.CompletedOn, q.ExpungedOn = caseload.D(2021, 8, 20), caseload.D(2023, 8, 20)
	if err := s.SavePerson(ctx, &q); err != nil {
		t.Fatal(err)
	}
	items, err := s.Worklist(ctx, today)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range items {
		if it.Kind == caseload.WorkExpungement || it.Kind == caseload.WorkLoanWindow {
			got = append(got, fmt.Sprintf("%s:%v:%s", it.Kind, it.PersonID == p.ID, it.Due))
		}
	}
	want := []string{"expungement:true:2026-07-15", "loan_window:false:2026-08-20"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("legal items %v, want %v", got, want)
	}
}
