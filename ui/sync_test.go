package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hoanhap/exchange"
	"hoanhap/i18n"
	"hoanhap/store"
)

func syncNode(t *testing.T, unit, kind string) nodeSync {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(store.DBFile(dir))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.SetUnit(context.Background(), unit, kind); err != nil {
		t.Fatal(err)
	}
	n, err := exchange.Open(st)
	if err != nil {
		t.Fatal(err)
	}
	return nodeSync{n}
}

func labelTexts(c *fyne.Container) string {
	var b strings.Builder
	for _, o := range c.Objects {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

// TestSyncScreenEnrolExchangeAndRejection walks the screen through
// enrolment on both sides, a file created and read, and a damaged file
// explained in Vietnamese.
func TestSyncScreenEnrolExchangeAndRejection(t *testing.T) {
	i18n.SetLanguage("vi")
	a := test.NewTempApp(t)
	w := a.NewWindow("sync")
	ward, office := syncNode(t, "Phường Hòa Bình", "ward"), syncNode(t, "Công an tỉnh Hòa Bình", "office")
	wv, ov := newSyncView(ward, w, true), newSyncView(office, w, true)
	w.SetContent(wv.content)
	w.Resize(fyne.NewSize(1024, 700))

	shown := strings.Join(strings.Fields(wv.fp[0].Text+" "+wv.fp[1].Text), " ")
	if shown != ward.Fingerprint() || len(strings.ReplaceAll(shown, " ", "")) != 60 {
		t.Fatalf("fingerprint shown %q", shown)
	}
	if !wv.exportBtn.Disabled() {
		t.Fatal("export enabled before enrolment")
	}
	usb := t.TempDir()
	if msg := wv.enrolRequestTo(usb); !strings.Contains(msg, "Đã ghi tệp đăng ký") {
		t.Fatalf("request: %s", msg)
	}
	req := filepath.Join(usb, "HN_PhuongHoaBinh_dang_ky.hne")
	if msg := ov.enrolAccept(req, "1234"); !strings.Contains(msg, "Mã xác minh không khớp") {
		t.Fatalf("accept with a wrong fingerprint: %s", msg)
	}
	if msg := ov.enrolAccept(req, ward.Fingerprint()); !strings.Contains(msg, "Đã ghi nhận Phường Hòa Bình") {
		t.Fatalf("accept: %s", msg)
	}
	reply := filepath.Join(usb, "HN_CongAnTinhHoaBinh_tra_loi_PhuongHoaBinh.hne")
	if msg := wv.enrolFinish(reply, office.Fingerprint()); !strings.Contains(msg, "Công an tỉnh Hòa Bình") {
		t.Fatalf("finish: %s", msg)
	}
	if wv.exportBtn.Disabled() || !strings.Contains(labelTexts(wv.channels), "Công an tỉnh Hòa Bình") {
		t.Fatalf("after enrolment: channels %q", labelTexts(wv.channels))
	}

	msg := wv.exportTo(usb)
	if !strings.Contains(msg, "Đã tạo tệp") {
		t.Fatalf("export: %s", msg)
	}
	files := hnxFiles(usb)
	if len(files) != 1 {
		t.Fatalf("files %v", files)
	}
	data, _ := os.ReadFile(files[0])
	data[len(data)-70] ^= 1
	bad := filepath.Join(t.TempDir(), "HN_hong.hnx")
	os.WriteFile(bad, data, 0o600)
	ov.show(ov.readFiles([]string{files[0], files[0], bad}))
	got := labelTexts(ov.results)
	for _, want := range []string{"đã nhập tệp số 1 của Phường Hòa Bình", "đã được nhập trước đó", "HN_hong.hnx: BỊ TỪ CHỐI", "bị hỏng"} {
		if !strings.Contains(got, want) {
			t.Errorf("results lack %q:\n%s", want, got)
		}
	}
	// The office must choose the ward before creating a file.
	if msg := ov.exportTo(usb); !strings.Contains(msg, "Hãy chọn phường, xã") {
		t.Fatalf("office export without a ward: %s", msg)
	}
	ov.peerSel.SetSelectedIndex(0)
	if msg := ov.exportTo(usb); !strings.Contains(msg, "Đã tạo tệp") {
		t.Fatalf("office export: %s", msg)
	}
	if len(hnxFiles(usb)) != 2 {
		t.Fatal("office file not written")
	}
}

// TestSyncScreenShowsConflictsWithBothVersions: a conflict lists the
// record and, opened, both versions.
func TestSyncScreenShowsConflictsWithBothVersions(t *testing.T) {
	i18n.SetLanguage("vi")
	a := test.NewTempApp(t)
	w := a.NewWindow("sync")
	v := newSyncView(syncNode(t, "Công an tỉnh", "office"), w, true)
	if got := labelTexts(v.conflicts); !strings.Contains(got, "Không có bản ghi nào cần quyết định") {
		t.Fatalf("empty queue: %q", got)
	}
	v.showConflicts([]store.SyncConflict{{Table: "person", RecordID: "0190-p1", Peer: "w1",
		Local: `{"notes":"bản ở đây"}`, Remote: `{"notes":"bản nhận được"}`, CreatedAt: "2026-12-04T10:00:00Z"}},
		map[string]string{"w1": "Phường Hòa Bình"})
	acc, ok := v.conflicts.Objects[0].(*widget.Accordion)
	if !ok || len(acc.Items) != 1 {
		t.Fatalf("conflict not listed: %#v", v.conflicts.Objects)
	}
	item := acc.Items[0]
	body := item.Detail.(*widget.Label).Text
	if !strings.Contains(item.Title, "person 0190-p1") || !strings.Contains(item.Title, "Phường Hòa Bình") ||
		!strings.Contains(body, "bản ở đây") || !strings.Contains(body, "bản nhận được") {
		t.Fatalf("conflict shown as %q / %q", item.Title, body)
	}
}
