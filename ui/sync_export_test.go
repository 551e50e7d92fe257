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
