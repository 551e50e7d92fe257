package ui

import (
	"context"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hoanhap/caseload"
	"hoanhap/demo"
	"hoanhap/i18n"
	"hoanhap/store"
)

// sizedShot saves what u's window shows as NAME-1024.png and NAME-1366.png
// (1024×700 and 1366×768) into dir, drawn by Fyne's software painter.
func sizedShot(t *testing.T, u *App, dir, name string) {
	t.Helper()
	for _, s := range []fyne.Size{{Width: 1024, Height: 700}, {Width: 1366, Height: 768}} {
		// Wrapped labels know their height after a first layout: lay out
		// twice, as a real window does while it settles.
		for _, w := range []float32{s.Width - 1, s.Width} {
			u.win.Resize(fyne.NewSize(w, s.Height))
			u.win.Content().Refresh()
		}
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("%s-%d.png", name, int(s.Width))))
		if err != nil {
			t.Fatal(err)
		}
		if err := png.Encode(f, u.win.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
}

// TestOfficeShots saves PNGs of screens in states the command line cannot
// prepare: the office's ward list choosing the files of a stick and right
// after reading them, a
// ward's record opened at the office, a ward's sync screen with a refused
// file explained, and enrolment with the fingerprint; at 1024×700 and
// 1366×768, into the folder named by HOANHAP_SHOTS (skipped when unset).
// make screenshots runs it after the real GUI's shots.
func TestOfficeShots(t *testing.T) {
	dir := os.Getenv("HOANHAP_SHOTS")
	if dir == "" {
		t.Skip("set HOANHAP_SHOTS to a folder to save the screenshots")
	}
	i18n.SetLanguage("vi")
	w := officeWorld{office: syncNode(t, "Công an tỉnh Hòa Bình", "office"),
		a: syncNode(t, "Phường Hòa Bình", "ward"), b: syncNode(t, "Xã Yên Mông", "ward"), usb: t.TempDir()}
	c := syncNode(t, "Phường Thịnh Lang", "ward")
	enrolNodes(t, w.a, w.office)
	enrolNodes(t, w.b, w.office)
	enrolNodes(t, c, w.office)
	if err := demo.Ensure(w.a.St); err != nil {
		t.Fatal(err)
	}
	w.a1 = exportFile(t, w.a, w.usb)
	wardPerson(t, w.b.St, "Lê Thị Cúc")
	wardPerson(t, w.b.St, "Phạm Văn Dũng")
	exportFile(t, w.b, t.TempDir()) // lost on the way: the next file shows the gap
	wardPerson(t, w.b.St, "Hoàng Văn Em")
	w.b1 = exportFile(t, w.b, w.usb)
	cPath := exportFile(t, c, t.TempDir())
	data, _ := os.ReadFile(cPath)
	data[len(data)-70] ^= 1
	os.WriteFile(filepath.Join(w.usb, filepath.Base(cPath)), data, 0o600)

	// The office: its ward list after reading the stick.
	u := New(test.NewTempApp(t), w.office.St)
	u.ShowArea("office.nav.wards")
	v := newWardsView(officeWards{st: w.office.St, n: w.office.Node}, u.win, true)
	u.replaceContent(v.root)
	// Choosing the files of the stick once the first ward's file was read.
	v.Reader.Read([]string{w.a1})
	var choice *fileChoice
	v.Reader.ChooseIn(w.usb, func(c *fileChoice) { choice = c })
	if choice == nil {
		t.Fatal("the choice of files was not shown")
	}
	sizedShot(t, u, dir, "office-wards-choose")
	test.Tap(choice.Close)
	v.Reader.ReadDir(w.usb)
	sizedShot(t, u, dir, "office-wards-read")

	// A ward's record opened at the office: read-only, the ward named.
	u.ShowArea("nav.caseload")
	u.list.openPerson(u.list.rows[0].id)
	sizedShot(t, u, dir, "office-person-read-only")

	// A notice entered for a ward, and a transfer ordered.
	nv := u.buildOfficeNotices()
	u.replaceContent(nv.Tabs)
	nv.NoticeWard.SetSelected("Xã Yên Mông")
	nv.Sender.SetText("Trại giam Xuân Lộc")
	nv.Number.SetText("125/TB-TG")
	nv.Release.SetDate(caseload.Today().AddDays(25))
	nv.FullName.SetText("Vũ Văn Hùng")
	nv.Gender.SetSelectedIndex(0)
	nv.BirthDate.SetBirthDate(caseload.BirthDate{Year: 1990})
	nv.Address.SetText("Tổ 3, xã Yên Mông")
	nv.Offense.SetText("Trộm cắp tài sản")
	nv.saveNotice()
	sizedShot(t, u, dir, "office-notices")
	rows := w.office.St.People(store.PersonFilter{Query: "Hoàng Văn Em"})
	if len(rows) != 1 {
		t.Fatalf("%d people named Hoàng Văn Em at the office", len(rows))
	}
	{
		nv.Tabs.SelectIndex(1)
		nv.Person.SetID(rows[0].ID)
		nv.ToWard.SetSelected("Phường Hòa Bình")
		nv.OrderNumber.SetText("15/QĐ-CAT")
		nv.orderTransfer()
		sizedShot(t, u, dir, "office-transfers")
	}

	// A ward's sync screen: a damaged file from the office, explained.
	back := exportFileTo(t, w.office, w.a.ID.NodeID, t.TempDir())
	data, _ = os.ReadFile(back)
	data[len(data)-70] ^= 1
	bad := filepath.Join(t.TempDir(), filepath.Base(back))
	os.WriteFile(bad, data, 0o600)
	wardPerson(t, w.a.St, "Đỗ Thị Giang")
	ua := New(test.NewTempApp(t), w.a.St)
	ua.ShowArea("nav.sync")
	sv := newSyncView(w.a, ua.win, true)
	ua.replaceContent(sv.content)
	sv.reader.Read([]string{bad, back})
	sizedShot(t, ua, dir, "sync-rejected")

	// Enrolment on a ward not enrolled yet: the fingerprint, large.
	fresh := syncNode(t, "Xã Hòa Bình", "ward")
	uf := New(test.NewTempApp(t), fresh.St)
	uf.ShowArea("nav.sync")
	fv := newSyncView(fresh, uf.win, true)
	uf.replaceContent(fv.content)
	sizedShot(t, uf, dir, "sync-enrol")
}

func exportFileTo(t *testing.T, n nodeSync, to, dir string) string {
	t.Helper()
	res, err := n.Export(context.Background(), to, dir)
	if err != nil {
		t.Fatal(err)
	}
	return res.Path
}
