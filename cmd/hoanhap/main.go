// Command hoanhap is the Hòa Nhập desktop application.
package main

import (
	_ "hoanhap/ui/syslocale" // first: LANG=C.UTF-8 read as no language before Fyne looks

	"context"
	"flag"
	"fmt"
	"os"
	"runtime/debug"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"hoanhap/assets"
	"hoanhap/demo"
	"hoanhap/i18n"
	"hoanhap/store"
	"hoanhap/ui"
)

// Version is set by the Makefile from FyneApp.toml.
var Version = "0.1.0"

func main() {
	dataFlag := flag.String("data", "", "data folder (default: the user's config folder, e.g. %APPDATA%\\HoaNhap)")
	demoFlag := flag.Bool("demo", false, "open a demo ward with realistic made-up data")
	langFlag := flag.String("lang", "", "language: vi (default) or en")
	screen := flag.String("screen", "", "open this screen first (overview, caseload, person-new, person-first, ...); used by make screenshots")
	size := flag.String("size", "", "window size WIDTHxHEIGHT (e.g. 1024x700); used by make screenshots")
	flag.Parse()

	dir, err := store.DataDir(*dataFlag, *demoFlag)
	if err != nil {
		fail(err)
	}
	// Collect at 50 % heap growth from the start: the index build and the
	// first worklist run at the same time and would otherwise take the
	// process to about 370 MB for a few seconds at 100,000 people.
	debug.SetGCPercent(50)
	st, err := store.OpenDeferred(store.DBFile(dir))
	if err != nil {
		fail(err)
	}
	defer st.Close()
	if *demoFlag {
		if err := demo.Ensure(st); err != nil {
			fail(err)
		}
	}
	// The first worklist reads every case (about 2 s at office scale): do
	// it now, in the background, so Tổng quan opens at once. Then hold the
	// process to its memory budget (memory.go).
	go func() {
		_ = st.WarmWorklist(context.Background())
		budgetMemory(context.Background())
	}()
	lng := *langFlag
	if lng == "" {
		lng = st.Language()
	}
	i18n.SetLanguage(lng)

	app.SetMetadata(fyne.AppMetadata{ID: "vn.hoanhap.app", Name: "Hòa Nhập", Version: Version,
		Migrations: map[string]bool{"fyneDo": true}})
	a := app.NewWithID("vn.hoanhap.app")
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.IconPNG))
	u := ui.New(a, st)
	if w, h, ok := parseSize(*size); ok {
		u.Window().Resize(fyne.NewSize(w, h))
	}
	// The very first start asks the unit's name and kind (ward or office).
	u.AskUnitIfNew()
	if *screen != "" {
		u.Open(*screen)
	}
	u.Window().ShowAndRun()
}

// parseSize reads "1024x700"; ok is false for "" or anything else.
func parseSize(s string) (w, h float32, ok bool) {
	var wi, hi int
	if n, err := fmt.Sscanf(s, "%dx%d", &wi, &hi); err != nil || n != 2 || wi < 320 || hi < 240 {
		return 0, 0, false
	}
	return float32(wi), float32(hi), true
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, i18n.Error(err))
	os.Exit(1)
}
