package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// enrolledSync is a ward's and an office's sync screens, enrolled with
// each other through the screens, and the "USB stick" between them.
func enrolledSync(t *testing.T) (wv, ov *syncView, ward, office nodeSync, usb string) {
	t.Helper()
	i18n.SetLanguage("vi")
	a := test.NewTempApp(t)
	w := a.NewWindow("sync")
	w.Resize(fyne.NewSize(1024, 700))
	ward, office = syncNode(t, "Phường Hòa Bình", "ward"), syncNode(t, "Công an tỉnh Hòa Bình", "office")
	wv, ov = newSyncView(ward, w, true), newSyncView(office, w, true)
	w.SetContent(wv.content)
	usb = t.TempDir()
	wv.enrolRequestTo(usb)
	ov.enrolAccept(filepath.Join(usb, "HN_PhuongHoaBinh_dang_ky.hne"), ward.Fingerprint())
	wv.enrolFinish(filepath.Join(usb, "HN_CongAnTinhHoaBinh_tra_loi_PhuongHoaBinh.hne"), office.Fingerprint())
	wv.refresh()
	ov.refresh()
	if wv.exportBtn.Disabled() {
		t.Fatal("not enrolled")
	}
	return wv, ov, ward, office, usb
}

// TestSyncExportBarCountsRecords: "Tạo tệp gửi Công an cấp trên" shows a
// bar that counts the records written against those due, and ends full.
func TestSyncExportBarCountsRecords(t *testing.T) {
	wv, _, ward, _, usb := enrolledSync(t)
	people := make([]caseload.Person, 1200)
	for i := range people {
		people[i] = caseload.Person{FullName: fmt.Sprintf("Trần Văn Người %04d", i), Gender: caseload.Male,
			BirthDate: caseload.BirthDate{Year: 1970 + i%30}, Status: caseload.StatusManaged}
	}
	if err := ward.St.SavePeople(context.Background(), people); err != nil {
		t.Fatal(err)
	}
	wv.exportTo(usb)
	if wv.done != 1200 || wv.all != 1200 || wv.busy.Max != 1200 || wv.busy.Value != 1200 {
		t.Fatalf("bar after the export: %d/%d, value %v of %v", wv.done, wv.all, wv.busy.Value, wv.busy.Max)
	}
	if got, want := wv.busy.TextFormatter(), "Đang tạo tệp: đã ghi 1.200/1.200 bản ghi"; got != want {
		t.Errorf("bar text %q, want %q", got, want)
	}
}

// TestSyncChooseFilesToRead: "Chọn tệp trong thư mục để đọc…" lists the
// folder's .hnx files with their size and date, the unread ones checked;
// with 2 of 3 checked only those 2 are read, and the next listing marks
// them "đã đọc" and leaves them unchecked. The dialog fits 1024×700.
func TestSyncChooseFilesToRead(t *testing.T) {
	wv, ov, ward, _, usb := enrolledSync(t)
	for i := range 3 {
		p := caseload.Person{FullName: fmt.Sprintf("Lê Văn Người %d", i), Gender: caseload.Male,
			BirthDate: caseload.BirthDate{Year: 1980}, Status: caseload.StatusManaged}
		if err := ward.St.SavePerson(context.Background(), &p); err != nil {
			t.Fatal(err)
		}
		wv.exportTo(usb)
	}
	files := hnxFiles(usb)
	if len(files) != 3 {
		t.Fatalf("files %v", files)
	}
	var c *fileChoice
	ov.reader.ChooseIn(usb, func(fc *fileChoice) { c = fc })
	if c == nil || len(c.Checks) != 3 {
		t.Fatalf("choice not shown: %+v", c)
	}
	if got := c.Chosen(); len(got) != 3 {
		t.Fatalf("unread files not all checked: %v", got)
	}
	if c.Count.Text != "Đã chọn 3/3 tệp" || c.Read.Disabled() {
		t.Errorf("count %q, read disabled %v", c.Count.Text, c.Read.Disabled())
	}
	win := ov.win
	if s := choiceSize(win); s.Width > 1024 || s.Height > 700 {
		t.Errorf("dialog %v larger than the window", s)
	}
	if findLabel(win.Canvas().Overlays().Top(), filepath.Base(files[1])) == nil ||
		findLabel(win.Canvas().Overlays().Top(), " KB") == nil {
		t.Error("the dialog does not list the files with their size")
	}
	test.Tap(c.Checks[1])
	if c.Count.Text != "Đã chọn 2/3 tệp" {
		t.Errorf("count after unchecking: %q", c.Count.Text)
	}
	test.Tap(c.Read)
	if win.Canvas().Overlays().Top() != nil {
		t.Error("the dialog stays open after reading")
	}
	var read []string
	for _, r := range ov.reader.Reports {
		read = append(read, filepath.Base(r.Path))
	}
	if want := []string{filepath.Base(files[0]), filepath.Base(files[2])}; fmt.Sprint(read) != fmt.Sprint(want) {
		t.Fatalf("read %v, want %v", read, want)
	}

	c = nil
	ov.reader.ChooseIn(usb, func(fc *fileChoice) { c = fc })
	if got := c.Chosen(); len(got) != 1 || got[0] != files[1] {
		t.Errorf("second listing checks %v, want only %s", got, filepath.Base(files[1]))
	}
	if findLabel(win.Canvas().Overlays().Top(), "đã đọc") == nil {
		t.Error("no file marked as read")
	}
	test.Tap(c.None)
	if !c.Read.Disabled() {
		t.Error("reading enabled with nothing chosen")
	}
	test.Tap(c.Close)
}
