package ui

import (
	"bytes"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"

	"hoanhap/demo"
)

// TestImportShots saves PNGs of the import screen on the demo ward after
// a dry run of a messy list (merged title rows, decomposed headers, an
// unknown heading mapped by hand, a duplicate, one bad row), at 1024×700
// and 1366×768, drawn by Fyne's software painter, into the folder named
// by HOANHAP_SHOTS (skipped when unset).
func TestImportShots(t *testing.T) {
	dir := os.Getenv("HOANHAP_SHOTS")
	if dir == "" {
		t.Skip("set HOANHAP_SHOTS to a folder to save the screenshots")
	}
	u, st := newTestUI(t)
	if err := demo.Ensure(st); err != nil {
		t.Fatal(err)
	}
	u.ShowArea("nav.caseload")
	v := u.list
	v.openImport()
	iv := v.imp
	book := messyImportBook(t, []any{5, "Phạm Văn Dũng", "31/02/1980", "Nam", "", "Tổ 1", "Trộm cắp tài sản", "2 năm", "01/01/2026", "02/01/2026", "", ""})
	for _, size := range []fyne.Size{{Width: 1024, Height: 700}, {Width: 1366, Height: 768}} {
		for _, step := range []string{"empty", "checked"} {
			if step == "empty" {
				v.closeImport()
				v.openImport()
				iv = v.imp
			} else {
				iv.openFile("danh-sach-chxa.xlsx", io.NopCloser(bytes.NewReader(book)))
				iv.setMapping("hamlet", 5)
				iv.run(true)
			}
			for _, w := range []float32{size.Width - 1, size.Width} {
				u.win.Resize(fyne.NewSize(w, size.Height))
				u.win.Content().Refresh()
			}
			var buf bytes.Buffer
			if err := png.Encode(&buf, u.win.Canvas().Capture()); err != nil {
				t.Fatal(err)
			}
			name := "import-" + step + "-" + map[float32]string{1024: "1024", 1366: "1366"}[size.Width] + ".png"
			if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
