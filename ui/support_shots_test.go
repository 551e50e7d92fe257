package ui

import (
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// TestSupportShots saves PNGs of the support, models and person support
// screens (every tab) of the demo ward at 1280x800, drawn by Fyne's
// software painter, into the folder named by HOANHAP_SHOTS (skipped when
// it is not set). It is a tool for looking at the screens without a
// display.
func TestSupportShots(t *testing.T) {
	u, shot := shotsUI(t)
	for _, screen := range []string{"support", "models", "person-support"} {
		u.Open(screen)
		tabs := supFindTabs(u.content)
		if tabs == nil || screen == "person-support" {
			shot(screen)
			continue
		}
		for i := range tabs.Items {
			tabs.SelectIndex(i)
			shot(screen + "-" + strconv.Itoa(i))
		}
	}
}

// supFindTabs returns the first tab container in o's tree.
func supFindTabs(o fyne.CanvasObject) *container.AppTabs {
	switch x := o.(type) {
	case *container.AppTabs:
		return x
	case *fyne.Container:
		for _, c := range x.Objects {
			if t := supFindTabs(c); t != nil {
				return t
			}
		}
	}
	return nil
}
