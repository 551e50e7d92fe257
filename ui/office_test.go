package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/exchange"
	"hoanhap/i18n"
	"hoanhap/report"
	"hoanhap/store"
)

// officeWorld is an office and two enrolled wards, each with people of
// its own, and the wards' files on a "USB stick".
type officeWorld struct {
	office, a, b nodeSync
	usb          string
	a1, a2, b1   string // the files written, by ward and number
	damaged      string // a copy of b1 with one byte changed
}

func wardPerson(t *testing.T, st *store.Store, name string) caseload.Person {
	t.Helper()
	r := caseload.Today().AddDays(-20)
	p := caseload.Person{FullName: name, Gender: caseload.Male, BirthDate: caseload.BirthDate{Year: 1988},
		SentenceKind: caseload.SentencePrison, SentenceMonths: 24, ReleaseKind: caseload.ReleaseCompleted,
		CompletedOn: r.AddDays(-3), ReturnedOn: r, Status: caseload.StatusManaged, Hamlet: "Tổ 1"}
	if err := st.SavePerson(context.Background(), &p); err != nil {
		t.Fatal(err)
	}
	return p
}

func enrolNodes(t *testing.T, ward, office nodeSync) {
	t.Helper()
	ctx := context.Background()
	req, err := ward.EnrolRequest()
	if err != nil {
		t.Fatal(err)
	}
	reply, _, err := office.EnrolAccept(ctx, req, ward.Fingerprint())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ward.EnrolFinish(ctx, reply, office.Fingerprint()); err != nil {
		t.Fatal(err)
	}
}

func exportFile(t *testing.T, n nodeSync, dir string) string {
	t.Helper()
	res, err := n.Export(context.Background(), "", dir)
	if err != nil {
		t.Fatal(err)
	}
	return res.Path
}

func newOfficeWorld(t *testing.T) officeWorld {
	t.Helper()
	i18n.SetLanguage("vi")
	w := officeWorld{office: syncNode(t, "Công an tỉnh Hòa Bình", "office"),
		a: syncNode(t, "Phường Hòa Bình", "ward"), b: syncNode(t, "Xã Yên Mông", "ward"), usb: t.TempDir()}
	enrolNodes(t, w.a, w.office)
	enrolNodes(t, w.b, w.office)
	wardPerson(t, w.a.St, "Nguyễn Văn An")
	w.a1 = exportFile(t, w.a, w.usb)
	wardPerson(t, w.a.St, "Trần Văn Bình")
	w.a2 = exportFile(t, w.a, w.usb)
	wardPerson(t, w.b.St, "Lê Thị Cúc")
	wardPerson(t, w.b.St, "Phạm Văn Dũng")
	w.b1 = exportFile(t, w.b, w.usb)
	data, err := os.ReadFile(w.b1)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)-70] ^= 1
	w.damaged = filepath.Join(t.TempDir(), "HN_hong.hnx")
	if err := os.WriteFile(w.damaged, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return w
}

// officeApp opens the office's store in the main window.
func officeApp(t *testing.T, w officeWorld) *App {
	t.Helper()
	u := New(test.NewTempApp(t), w.office.St)
	u.win.Resize(fyne.NewSize(1366, 768))
	return u
}

// TestOfficeWardListAndReadingManyFiles: the office reads a folder of the
// wards' files (one ward's second file before its first, a damaged file):
// each file's result is listed, and the ward list shows the gap, then
// clears it once the missing file is read; a revoked ward and a late one
// show as such.
func TestOfficeWardListAndReadingManyFiles(t *testing.T) {
	w := newOfficeWorld(t)
	a := test.NewTempApp(t)
	win := a.NewWindow("office")
	v := newWardsView(officeWards{st: w.office.St, n: w.office.Node}, win, true)
	win.SetContent(v.root)
	win.Resize(fyne.NewSize(1366, 768))
	if len(v.rows) != 2 || v.Cell(0, wcLastFile) != "Chưa có" {
		t.Fatalf("before any file: %d rows, last file %q", len(v.rows), v.Cell(0, wcLastFile))
	}

	folder := t.TempDir()
	for _, p := range []string{w.a2, w.b1, w.damaged} {
		data, _ := os.ReadFile(p)
		os.WriteFile(filepath.Join(folder, filepath.Base(p)), data, 0o600)
	}
	v.Reader.ReadDir(folder)
	if len(v.Reader.Reports) != 3 || v.Reader.Progress.Value != 3 {
		t.Fatalf("reports %d, progress %v", len(v.Reader.Reports), v.Reader.Progress.Value)
	}
	got := labelTexts(v.Reader.Results)
	for _, want := range []string{
		"đã nhập tệp số 2 của Phường Hòa Bình, 1 bản ghi", "Còn thiếu tệp số 1 trước tệp này",
		"đã nhập tệp số 1 của Xã Yên Mông, 2 bản ghi",
		"HN_hong.hnx: BỊ TỪ CHỐI", "Hãy xin đơn vị gửi tạo lại hoặc gửi lại tệp",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("results lack %q:\n%s", want, got)
		}
	}
	if s := v.Reader.Status.Text; !strings.Contains(s, "Đã đọc 3 tệp: 2 tệp nhập mới (3 bản ghi)") || !strings.Contains(s, "1 tệp bị từ chối") {
		t.Errorf("summary %q", s)
	}

	health := func() map[string]store.WardHealth {
		out := map[string]store.WardHealth{}
		for _, r := range v.rows {
			out[r.Peer.UnitName] = r
		}
		return out
	}
	h := health()
	if x := h["Phường Hòa Bình"]; x.Level() != store.WardGap || x.LastSeq != 2 || seqText(x.Missing) != "1" || x.People != 1 || x.DaysSince != 0 {
		t.Errorf("ward A: %+v level %s", x, x.Level())
	}
	if x := h["Xã Yên Mông"]; x.Level() != store.WardOK || x.LastSeq != 1 || x.People != 2 {
		t.Errorf("ward B: %+v level %s", x, x.Level())
	}
	// Sorted worst first: the ward with the gap leads, its health in words.
	if v.Cell(0, wcName) != "Phường Hòa Bình" || v.Cell(0, wcHealth) != "Thiếu/hỏng tệp" || v.Cell(0, wcMissing) != "1" {
		t.Errorf("first row: %q %q %q", v.Cell(0, wcName), v.Cell(0, wcHealth), v.Cell(0, wcMissing))
	}
	v.SortBy(wcName)
	if v.Cell(0, wcName) != "Phường Hòa Bình" || v.Cell(1, wcName) != "Xã Yên Mông" {
		t.Errorf("by name: %q, %q", v.Cell(0, wcName), v.Cell(1, wcName))
	}
	v.SortBy(wcName)
	if v.Cell(0, wcName) != "Xã Yên Mông" {
		t.Errorf("by name, reversed: %q first", v.Cell(0, wcName))
	}

	// The missing file arrives (and the second again): the gap is gone.
	v.Reader.Read([]string{w.a1, w.a2})
	got = labelTexts(v.Reader.Results)
	if !strings.Contains(got, "đã nhập tệp số 1 của Phường Hòa Bình") || !strings.Contains(got, "đã được nhập trước đó") {
		t.Errorf("second reading:\n%s", got)
	}
	if x := health()["Phường Hòa Bình"]; x.Level() != store.WardOK || len(x.Missing) != 0 || x.People != 2 {
		t.Errorf("ward A after its first file: %+v", x)
	}

	// Forty days later every ward is late; a revoked ward says so.
	v.now = func() time.Time { return time.Now().Add(40 * 24 * time.Hour) }
	if err := w.office.St.RevokePeer(context.Background(), w.b.ID.NodeID); err != nil {
		t.Fatal(err)
	}
	v.reload()
	h = health()
	if h["Phường Hòa Bình"].Level() != store.WardLate || h["Phường Hòa Bình"].DaysSince < 39 || h["Xã Yên Mông"].Level() != store.WardRevoked {
		t.Errorf("late/revoked: %s %d, %s", h["Phường Hòa Bình"].Level(), h["Phường Hòa Bình"].DaysSince, h["Xã Yên Mông"].Level())
	}
}

// TestOfficeCaseloadByWardReadOnly: the office's caseload merges both
// wards' people with a ward column; the ward filter narrows it; a ward's
// record opens read-only, saying which ward owns it.
func TestOfficeCaseloadByWardReadOnly(t *testing.T) {
	w := newOfficeWorld(t)
	for _, p := range []string{w.a1, w.a2, w.b1} {
		if r := w.office.Import(context.Background(), p); r.Outcome != exchange.OutcomeImported {
			t.Fatalf("%s: %s %v", p, r.Outcome, r.Err)
		}
	}
	u := officeApp(t, w)
	if u.areas[0].key != "office.nav.wards" {
		t.Fatalf("office areas start with %s", u.areas[0].key)
	}
	u.ShowArea("nav.caseload")
	v := u.list
	if v == nil || v.office == nil {
		t.Fatal("no office caseload")
	}
	if len(v.rows) != 4 {
		t.Fatalf("merged caseload has %d people", len(v.rows))
	}
	if v.headerText(v.dataCol(1)) != "Phường, xã" {
		t.Fatalf("second column %q, want the ward", v.headerText(v.dataCol(1)))
	}
	wards := map[string]string{}
	for _, r := range v.rows {
		wards[r.cells[colName]] = r.cells[colWard]
	}
	if wards["Nguyễn Văn An"] != "Phường Hòa Bình" || wards["Lê Thị Cúc"] != "Xã Yên Mông" {
		t.Errorf("ward column: %v", wards)
	}
	if !v.add.Disabled() {
		t.Error("an office adds no people of its own")
	}
	v.office.SelectWard(w.b.ID.NodeID)
	if len(v.rows) != 2 {
		t.Fatalf("ward filter: %d rows", len(v.rows))
	}
	for _, r := range v.rows {
		if r.cells[colWard] != "Xã Yên Mông" {
			t.Errorf("filtered to Yên Mông, shows %s of %s", r.cells[colName], r.cells[colWard])
		}
	}
	v.openPerson(v.rows[0].id)
	f := v.form
	if f == nil || !f.readOnly || !f.saveBtn.Disabled() || !f.fullName.Disabled() {
		t.Fatalf("a ward's record is not read-only at the office: %+v", f)
	}
	if v.foreignWard != "Xã Yên Mông" {
		t.Errorf("owner banner for %q", v.foreignWard)
	}
	if !strings.Contains(labelsIn(v.stack), "Hồ sơ này do Xã Yên Mông quản lý") {
		t.Errorf("no banner saying who owns the record")
	}
	v.office.Ward.SetSelectedIndex(0)
	if len(v.rows) != 4 {
		t.Errorf("every ward again: %d rows", len(v.rows))
	}
}

// TestOfficeConsolidatedReport: the office's report counts each ward and
// the total; the total equals the sum of the wards, on screen too.
func TestOfficeConsolidatedReport(t *testing.T) {
	w := newOfficeWorld(t)
	for _, p := range []string{w.a1, w.a2, w.b1} {
		w.office.Import(context.Background(), p)
	}
	u := officeApp(t, w)
	a := u.buildOfficeReportsArea()
	if a.current == nil {
		t.Fatal("the report was not computed")
	}
	c := a.current
	if len(c.Each) != 2 || c.Other != nil {
		t.Fatalf("columns %d, other %v", len(c.Each), c.Other)
	}
	total := report.Lines(c.Total.Indicators)
	l0, l1 := report.Lines(c.Each[0].Indicators), report.Lines(c.Each[1].Indicators)
	for i, l := range total {
		if l.Unit != report.Ratio && l0[i].Value+l1[i].Value != l.Value {
			t.Errorf("%s: %v + %v ≠ %v", l.Key, l0[i].Value, l1[i].Value, l.Value)
		}
	}
	if c.Total.Indicators.ManagedEnd != 4 || c.Each[0].Indicators.ManagedEnd != 2 || c.Each[1].Indicators.ManagedEnd != 2 {
		t.Errorf("managed at the end: total %d, wards %d and %d", c.Total.Indicators.ManagedEnd,
			c.Each[0].Indicators.ManagedEnd, c.Each[1].Indicators.ManagedEnd)
	}
	label := report.Lines(c.Total.Indicators)[7].Label() // managed_end
	if got := []string{a.Value(label, 0), a.Value(label, 1), a.Value(label, 2)}; strings.Join(got, ",") != "4,2,2" {
		t.Errorf("on screen: %v", got)
	}
	// One ward beside the total.
	a.Ward.SetSelectedIndex(2)
	if len(a.cols) != 2 || a.headers()[1] != "Xã Yên Mông" || a.Value(label, 0) != "4" || a.Value(label, 1) != "2" {
		t.Errorf("one ward: columns %v, headers %v", a.cols, a.headers())
	}
	var buf strings.Builder
	if err := report.WriteConsolidated(&buf, c, report.Doc{}, "Tổng cộng", "Khác"); err != nil || buf.Len() < 1000 {
		t.Fatalf("workbook: %v (%d bytes)", err, buf.Len())
	}
}

// TestSyncScreenShowsPendingCounts: before the file is written, the ward's
// screen says how many records of each kind it will carry.
func TestSyncScreenShowsPendingCounts(t *testing.T) {
	i18n.SetLanguage("vi")
	ward, office := syncNode(t, "Phường Hòa Bình", "ward"), syncNode(t, "Công an tỉnh", "office")
	enrolNodes(t, ward, office)
	wardPerson(t, ward.St, "Nguyễn Văn An")
	wardPerson(t, ward.St, "Trần Văn Bình")
	a := test.NewTempApp(t)
	win := a.NewWindow("sync")
	v := newSyncView(ward, win, true)
	if s := v.pending.Text; !strings.Contains(s, "Tệp tới sẽ mang 2 bản ghi") || !strings.Contains(s, "Người: 2") {
		t.Fatalf("pending before export: %q", s)
	}
	if msg := v.exportTo(t.TempDir()); !strings.Contains(msg, "2 bản ghi") {
		t.Fatalf("export: %s", msg)
	}
	v.refresh()
	if s := v.pending.Text; !strings.Contains(s, "chưa có bản ghi mới") {
		t.Fatalf("pending after export: %q", s)
	}
	// The office counts per ward, once a ward is chosen.
	ov := newSyncView(office, win, true)
	if ov.pending.Visible() {
		t.Errorf("office shows counts before a ward is chosen: %q", ov.pending.Text)
	}
	ov.peerSel.SetSelectedIndex(0)
	if !ov.pending.Visible() || ov.pending.Text == "" {
		t.Errorf("office counts for the ward chosen: %q", ov.pending.Text)
	}
}

// labelsIn joins the text of every label under o.
func labelsIn(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case *container.AppTabs:
			for _, it := range x.Items {
				walk(it.Content)
			}
		}
	}
	walk(o)
	return b.String()
}

// TestFirstStartChoosesOffice: on a new store the app asks the unit's
// name and kind; an empty name is refused with a message and changes
// nothing; choosing the office turns the navigation into the office's.
func TestFirstStartChoosesOffice(t *testing.T) {
	u, st := newTestUI(t)
	v := u.askUnit()
	if v == nil || u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no first-start form on a new store")
	}
	v.submit()
	if v.Message.Text != "Hãy nhập tên đơn vị." || st.Node().UnitName != "" {
		t.Fatalf("empty name: %q, unit %q", v.Message.Text, st.Node().UnitName)
	}
	test.Type(v.Name, "Công an tỉnh Hòa Bình")
	v.Kind.SetSelected(v.Kind.Options[1])
	v.submit()
	if n := st.Node(); n.UnitName != "Công an tỉnh Hòa Bình" || n.UnitKind != "office" {
		t.Fatalf("unit %+v", n)
	}
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("the form stays open")
	}
	if u.areas[0].key != "office.nav.wards" || len(u.areas) != 6 {
		t.Errorf("navigation after choosing the office: %v", u.areas[0].key)
	}
	if u.askUnit() != nil {
		t.Error("asked again once the unit is named")
	}
}
