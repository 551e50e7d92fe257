//go:build windows

package typing

import (
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"golang.org/x/sys/windows"
)

// Install makes Unikey, EVKey and OpenKey work in w: it subclasses the
// window procedure of w's native window (SetWindowLongPtrW GWLP_WNDPROC)
// and runs every message through a [Translator] before GLFW's own window
// procedure sees it, so an injected Unicode backspace erases the previous
// letter like the Backspace key does. Physical keys and every other
// message reach GLFW unchanged.
//
// Fyne creates the native window when it is first shown; if w has no
// window handle yet (Install called before ShowAndRun), Install retries
// from the Fyne event loop for a few seconds. Calling Install twice for
// one window is harmless. A window without native access (the test
// driver) is left alone.
//
// HOANHAP_TYPING_HOOK=off in the environment disables the fix: only for
// the typing test, to show the garbled text it prevents (docs/TESTING.md).
func Install(w fyne.Window) {
	if os.Getenv("HOANHAP_TYPING_HOOK") == "off" {
		fyne.LogError("typing: HOANHAP_TYPING_HOOK=off: Vietnamese input tools will leave letters behind", nil)
		return
	}
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return
	}
	if tryInstall(nw) {
		return
	}
	go func() {
		for i := 0; i < 100; i++ {
			time.Sleep(100 * time.Millisecond)
			done := false
			fyne.DoAndWait(func() { done = tryInstall(nw) })
			if done {
				return
			}
		}
		fyne.LogError("typing: the window never got a native handle; Vietnamese input tools may leave letters behind", nil)
	}()
}

// tryInstall subclasses the window when it has a handle; it reports
// whether there is nothing more to try.
func tryInstall(nw driver.NativeWindow) (done bool) {
	nw.RunNative(func(ctx any) {
		wc, ok := ctx.(driver.WindowsWindowContext)
		if !ok {
			done = true // not a Windows window context: nothing to do
			return
		}
		if wc.HWND == 0 {
			return
		}
		done = true
		if err := subclass(wc.HWND); err != nil {
			fyne.LogError("typing: cannot fix Vietnamese input in this window", err)
		}
	})
	return done
}

const (
	gwlpWndProc = -4     // GWLP_WNDPROC
	wmNCDestroy = 0x0082 // WM_NCDESTROY: the last message of a window
)

var (
	user32               = windows.NewLazySystemDLL("user32.dll")
	procSetWindowLongPtr = user32.NewProc("SetWindowLongPtrW")
	procSetWindowLong    = user32.NewProc("SetWindowLongW") // 32-bit Windows has no ...Ptr export
	procCallWindowProc   = user32.NewProc("CallWindowProcW")
	procDefWindowProc    = user32.NewProc("DefWindowProcW")
	procSetLastError     = windows.NewLazySystemDLL("kernel32.dll").NewProc("SetLastError")

	hooksMu  sync.Mutex
	hooks    = map[uintptr]*hooked{}
	procOnce sync.Once
	procPtr  uintptr // our window procedure, one callback for all windows
)

// hooked is one subclassed window: its original procedure and its
// translator.
type hooked struct {
	orig uintptr
	tr   Translator
}

// subclass replaces hwnd's window procedure with wndProc.
func subclass(hwnd uintptr) error {
	procOnce.Do(func() { procPtr = windows.NewCallback(wndProc) })
	hooksMu.Lock()
	if _, ok := hooks[hwnd]; ok {
		hooksMu.Unlock()
		return nil
	}
	// Register before the swap: messages may arrive as soon as it is done.
	// The lock is not held across the swap, so a message sent during it
	// cannot deadlock on it.
	h := &hooked{}
	hooks[hwnd] = h
	hooksMu.Unlock()
	orig, err := setWindowProc(hwnd, procPtr)
	hooksMu.Lock()
	defer hooksMu.Unlock()
	if err != nil {
		delete(hooks, hwnd)
		return err
	}
	h.orig = orig
	return nil
}

func setWindowProc(hwnd, proc uintptr) (uintptr, error) {
	idx := int32(gwlpWndProc)
	p := procSetWindowLongPtr
	if p.Find() != nil {
		p = procSetWindowLong
	}
	procSetLastError.Call(0) // SetWindowLongPtrW only sets the error on failure
	prev, _, errno := p.Call(hwnd, uintptr(idx), proc)
	if prev == 0 {
		if !errors.Is(errno, windows.ERROR_SUCCESS) {
			return 0, fmt.Errorf("set window procedure: %w", errno)
		}
		return 0, errors.New("set window procedure: the window had none")
	}
	return prev, nil
}

// wndProc is the subclass procedure: it passes every message through the
// window's Translator and forwards the result to the original procedure.
func wndProc(hwnd, msg, wParam, lParam uintptr) uintptr {
	hooksMu.Lock()
	h := hooks[hwnd]
	var out []Msg
	pass := true
	orig := uintptr(0)
	if h != nil {
		orig = h.orig
		out, pass = h.tr.Filter(uint32(msg), wParam, lParam)
		if msg == wmNCDestroy {
			out = append(h.tr.Flush(), out...)
			delete(hooks, hwnd)
		}
	}
	hooksMu.Unlock()
	if orig == 0 {
		// Only possible in the instant between the swap and recording the
		// original procedure; DefWindowProc keeps the window alive.
		r, _, _ := procDefWindowProc.Call(hwnd, msg, wParam, lParam)
		return r
	}
	// The lock is released: the original procedure may send messages to
	// this window again, which re-enter wndProc.
	for _, m := range out {
		callWindowProc(orig, hwnd, m.Msg, m.WParam, m.LParam)
	}
	if !pass {
		return 0
	}
	return callWindowProc(orig, hwnd, uint32(msg), wParam, lParam)
}

func callWindowProc(orig, hwnd uintptr, msg uint32, wParam, lParam uintptr) uintptr {
	r, _, _ := procCallWindowProc.Call(orig, hwnd, uintptr(msg), wParam, lParam)
	return r
}
