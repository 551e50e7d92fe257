package ui

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// searchDelay is how long the search box waits after the last keystroke
// before searching.
const searchDelay = 250 * time.Millisecond

// dupCheckDelay is the person form's pause before its duplicate check;
// the package's tests set it to 0 so that the check runs on the test's
// goroutine instead of on a timer's.
var dupCheckDelay = searchDelay

// debouncer runs a function on the UI goroutine once calls pause for its
// delay. A zero delay runs the function at once, synchronously (tests).
type debouncer struct {
	delay time.Duration
	mu    sync.Mutex
	timer *time.Timer
	gen   int // bumped on every call; a stale timer does nothing
}

// call (re)starts the timer for f.
func (d *debouncer) call(f func()) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.gen++
	if d.timer != nil {
		d.timer.Stop()
	}
	if d.delay <= 0 {
		d.mu.Unlock()
		f()
		d.mu.Lock()
		return
	}
	gen := d.gen
	d.timer = time.AfterFunc(d.delay, func() {
		fyne.Do(func() {
			d.mu.Lock()
			stale := gen != d.gen
			d.mu.Unlock()
			if !stale {
				f()
			}
		})
	})
}

// cancel drops the pending call, if any.
func (d *debouncer) cancel() {
	d.mu.Lock()
	d.gen++
	if d.timer != nil {
		d.timer.Stop()
		d.timer = nil
	}
	d.mu.Unlock()
}

// searchBox is an entry that searches as the user types, debounced: the
// OnSearch callback runs on the UI goroutine once typing pauses. Enter or
// Flush searches at once. It is itself the widget to put on screen.
type searchBox struct {
	keyEntry
	OnSearch func(query string)
	deb      debouncer
}

// newSearchBox returns a search box with the given placeholder.
func newSearchBox(placeholder string, onSearch func(string)) *searchBox {
	s := &searchBox{OnSearch: onSearch, deb: debouncer{delay: searchDelay}}
	s.owner = s
	s.ExtendBaseWidget(s)
	s.PlaceHolder = placeholder
	s.Icon = theme.SearchIcon()
	s.OnChanged = func(string) { s.deb.call(s.fire) }
	s.OnSubmitted = func(string) { s.Flush() }
	return s
}

// Flush cancels the pending timer and searches now, synchronously.
func (s *searchBox) Flush() {
	s.deb.cancel()
	s.fire()
}

func (s *searchBox) fire() {
	if s.OnSearch != nil {
		s.OnSearch(s.Value())
	}
}
