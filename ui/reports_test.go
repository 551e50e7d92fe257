package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"hoanhap/caseload"
	"hoanhap/report"
	"hoanhap/store"
)

// waitFor polls cond on the UI thread until it holds (work runs in
// goroutines that report through fyne.Do).
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		ok := false
		fyne.DoAndWait(func() { ok = cond() })
		if ok {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// repPerson saves a managed person who returned on day.
func repPerson(t *testing.T, st *store.Store, name string, day caseload.Date) {
	t.Helper()
	p := caseload.Person{FullName: name, Gender: caseload.Male, BirthDate: caseload.BirthDate{Year: 1980},
		SentenceKind: caseload.SentencePrison, SentenceMonths: 12, ReleaseKind: caseload.ReleaseCompleted,
		CompletedOn: day.AddDays(-2), ReturnedOn: day, Status: caseload.StatusManaged}
	if err := st.SavePerson(context.Background(), &p); err != nil {
		t.Fatal(err)
	}
}

func rowValue(a *reportsArea, label string) string {
	for _, r := range a.rows {
		if r.label == label {
			return r.value
		}
	}
	return "?"
}

func TestReportScreenComputesLocksAndShowsAmendments(t *testing.T) {
	st := svStore(t)
	cur := report.Current(report.Month, caseload.Today(), report.DefaultCutoffDay)
	repPerson(t, st, "Nguyễn Văn Tháng", cur.From)
	u := svApp(t, st)
	a := u.buildReportsArea()
	u.win.SetContent(a.content)
	if !strings.Contains(a.Period.Selected, showDate(cur.From)) || !strings.Contains(a.Period.Selected, showDate(cur.To)) {
		t.Errorf("preset label %q lacks its dates", a.Period.Selected)
	}
	returned := "Số người chấp hành xong án phạt tù về địa phương"
	waitFor(t, "the month's report", func() bool { return a.current != nil && a.pending == 0 })
	if v := rowValue(a, returned); v != "1" {
		t.Errorf("returned shown %q", v)
	}
	if !strings.Contains(a.Status.Text, "chưa chốt") || a.Lock.Disabled() || a.Export.Disabled() {
		t.Errorf("status %q, lock disabled %v", a.Status.Text, a.Lock.Disabled())
	}
	// Lock, then a late entry shows as an amendment.
	if err := report.Lock(context.Background(), st, a.current); err != nil {
		t.Fatal(err)
	}
	repPerson(t, st, "Trần Văn Muộn", cur.From.AddDays(1))
	fyne.DoAndWait(func() { a.current = nil; a.compute() })
	waitFor(t, "the recount", func() bool { return a.current != nil && a.pending == 0 })
	if v := rowValue(a, returned); v != "2" {
		t.Errorf("returned after late entry %q", v)
	}
	changed := false
	for _, r := range a.rows {
		changed = changed || r.label == returned && r.changed
	}
	if !changed || !strings.Contains(a.Status.Text, "đã thay đổi") || len(a.amend) == 0 {
		t.Errorf("amendment not shown: %q %v", a.Status.Text, a.amend)
	}
	// A custom range across years: one year row per calendar year.
	fyne.DoAndWait(func() {
		a.Kind.SetSelectedIndex(len(report.Kinds) - 1)
		a.From.SetDate(caseload.D(2024, 1, 1))
		a.To.SetDate(caseload.Today())
		a.current = nil
		a.compute()
	})
	waitFor(t, "the custom report", func() bool { return a.current != nil && a.pending == 0 })
	if a.current.Period.Kind != report.Custom || len(a.current.Years) != caseload.Today().Year()-2024+1 {
		t.Errorf("custom period %+v, %d years", a.current.Period, len(a.current.Years))
	}
	// A reversed range is refused with a message, nothing computed.
	fyne.DoAndWait(func() {
		a.From.SetDate(caseload.D(2026, 2, 1))
		a.To.SetDate(caseload.D(2026, 1, 1))
		a.compute()
	})
	if !strings.Contains(a.Status.Text, "không hợp lệ") {
		t.Errorf("reversed range status %q", a.Status.Text)
	}
}

func TestReportScreenLeaderCannotLock(t *testing.T) {
	st := svStore(t)
	u := svApp(t, st)
	u.sess.Role = string(caseload.RoleLeader)
	a := u.buildReportsArea()
	if a.Lock.Visible() {
		t.Error("a leader sees the lock button")
	}
}

func TestDashboardDrawsWithPrimitives(t *testing.T) {
	st := svStore(t)
	today := caseload.Today()
	repPerson(t, st, "Lê Văn Một", today.AddDays(-1))
	repPerson(t, st, "Lê Văn Hai", today.AddMonths(-1))
	repPerson(t, st, "Lê Văn Ba", today.AddMonths(-1).AddDays(-1))
	u := svApp(t, st)
	d := u.newDashboard()
	w := test.NewWindow(d.content)
	defer w.Close()
	w.Resize(fyne.NewSize(420, 700))
	waitFor(t, "the dashboard", func() bool { return len(d.Returns.bars) == 12 })
	if !strings.Contains(d.Models.Text, "0") || d.Overdue.Text == "" {
		t.Errorf("labels %q %q", d.Overdue.Text, d.Models.Text)
	}
	// Bars are canvas rectangles whose heights follow the values.
	d.Returns.Resize(fyne.NewSize(480, 160))
	r := test.WidgetRenderer(d.Returns).(*barRenderer)
	var heights []float32
	for _, o := range r.Objects() {
		switch o.(type) {
		case *canvas.Rectangle, *canvas.Text, *canvas.Line:
		default:
			t.Fatalf("dashboard draws a %T", o)
		}
	}
	for _, rect := range r.rects {
		heights = append(heights, rect.Size().Height)
	}
	last, prev := heights[11], heights[10]
	if d.Returns.bars[10].Value == 2 && !(prev > last && last > 0) {
		t.Errorf("heights %v for %v", heights, d.Returns.bars)
	}
	for i, b := range d.Returns.bars {
		if b.Value == 0 && heights[i] != 0 {
			t.Errorf("empty month %d drawn %v high", i, heights[i])
		}
	}
}
