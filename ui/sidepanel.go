package ui

import "fyne.io/fyne/v2"

// sidePanel lays out a main view with a side panel (the worklist and its
// dashboard): the panel stands beside the main view when the window is
// wide enough for both, and below it otherwise, so that the main view
// never gets narrower than it needs (at 1024×700 the worklist's rule
// would be cut if the dashboard took its width).
type sidePanel struct {
	mainMin   float32 // narrowest the main view may be
	sideMin   float32 // narrowest the panel may be beside it
	sideShare float32 // the panel's share of the width beside, or of the height below
}

// sidePad is the gap between the main view and the panel.
const sidePad = 8

// newSidePanel puts side beside or below main.
func newSidePanel(main, side fyne.CanvasObject, mainMin float32) *fyne.Container {
	return &fyne.Container{Layout: &sidePanel{mainMin: mainMin, sideMin: 300, sideShare: 0.32},
		Objects: []fyne.CanvasObject{main, side}}
}

// beside reports whether the panel goes beside the main view at width w,
// and the panel's width if so.
func (l *sidePanel) beside(w float32) (bool, float32) {
	side := w * l.sideShare
	if side < l.sideMin {
		side = l.sideMin
	}
	if w-side-sidePad < l.mainMin {
		side = w - l.mainMin - sidePad
	}
	return side >= l.sideMin, side
}

func (l *sidePanel) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) != 2 {
		return
	}
	main, side := objs[0], objs[1]
	pad := float32(sidePad)
	if ok, sw := l.beside(size.Width); ok {
		main.Move(fyne.NewPos(0, 0))
		main.Resize(fyne.NewSize(size.Width-sw-pad, size.Height))
		side.Move(fyne.NewPos(size.Width-sw, 0))
		side.Resize(fyne.NewSize(sw, size.Height))
		return
	}
	sh := size.Height * (l.sideShare + 0.1)
	main.Move(fyne.NewPos(0, 0))
	main.Resize(fyne.NewSize(size.Width, size.Height-sh-pad))
	side.Move(fyne.NewPos(0, size.Height-sh))
	side.Resize(fyne.NewSize(size.Width, sh))
}

func (l *sidePanel) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) != 2 {
		return fyne.Size{}
	}
	m, s := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(fyne.Max(m.Width, s.Width), m.Height+s.Height)
}
