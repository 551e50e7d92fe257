package ui

import (
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"hoanhap/i18n"
)

// Loading a screen's data can take seconds at office scale (100,000
// people, 1,000,000 visits): every list reads its data in a goroutine,
// says it is loading meanwhile, and shows the result through fyne.Do, so
// the window keeps answering (the officer may type a search, change a
// filter or leave the screen). A newer load of the same screen
// supersedes an older one still running: its result is dropped.

// loadInline makes every load run at once on the calling goroutine; the
// package's tests set it so that a screen is loaded when its constructor
// or reload returns. The responsiveness test turns it off.
var loadInline bool

// loader is the state of one screen's loads.
type loader struct {
	seq     atomic.Uint64
	running atomic.Bool
	// status shows "Đang tải…" while a load runs (nil: nothing shown);
	// the load's result replaces the text.
	status *widget.Label
}

// Busy reports whether a load is running.
func (l *loader) Busy() bool { return l.running.Load() }

// loadList reads a list off the UI thread: count says it is loading,
// then shows the error or show runs with the rows.
func loadList[T any](l *loader, count *widget.Label, work func() ([]T, error), show func([]T)) {
	l.status = count
	runLoad(l, work, func(err error) { count.SetText(i18n.Error(err)) }, show)
}

// runLoad runs work off the UI thread and then, on the UI thread, show
// with its result or fail with its error. work must not touch widgets:
// read what it needs (filters, search text) before calling runLoad.
func runLoad[T any](l *loader, work func() (T, error), fail func(error), show func(T)) {
	n := l.seq.Add(1)
	finish := func(v T, err error) {
		if l.seq.Load() != n {
			return // a newer load of the same screen runs
		}
		defer l.running.Store(false)
		if err != nil {
			fail(err)
			return
		}
		show(v)
	}
	if loadInline {
		v, err := work()
		finish(v, err)
		return
	}
	l.running.Store(true)
	if l.status != nil {
		l.status.SetText(i18n.T("load.busy"))
	}
	go func() {
		v, err := work()
		fyne.Do(func() { finish(v, err) })
	}()
}
