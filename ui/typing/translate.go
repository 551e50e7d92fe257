// Package typing makes Vietnamese typing with Unikey, EVKey and OpenKey
// work in Fyne windows on Windows.
//
// # The problem
//
// These input tools have no pre-edit: when the user types "Nguyeen" in
// Telex, the tool lets "Nguye" through, then, on the second "e", swallows
// the key and injects "erase the previous letter, then type ê" with
// SendInput. The erase is sent as the Unicode character U+0008 with
// KEYEVENTF_UNICODE, which reaches the window as WM_KEYDOWN(VK_PACKET)
// followed by WM_CHAR(0x08). GLFW, under Fyne, drops control characters in
// its character callback and sees no Backspace key, so the letter is never
// erased and "Nguyeenx" ends up as "Nguyeêễ" instead of "Nguyễn".
//
// A physical Backspace arrives as WM_KEYDOWN(VK_BACK) with a real scan
// code, which GLFW turns into a Backspace key event; its WM_CHAR(0x08) is
// dropped, harmlessly.
//
// # The fix
//
// [Translator] is a small state machine over the window messages that
// turns a packet backspace into a synthetic WM_KEYDOWN/WM_KEYUP VK_BACK
// pair, which GLFW handles like a physical Backspace, and leaves every other
// message alone. It is pure Go and tested on every platform; [Install]
// runs it in a window procedure subclass on Windows and does nothing
// elsewhere.
package typing

// Window messages and virtual-key codes used by the translator (winuser.h).
const (
	WM_KEYDOWN = 0x0100 // a key was pressed
	WM_KEYUP   = 0x0101 // a key was released
	WM_CHAR    = 0x0102 // a character produced by TranslateMessage

	VK_BACK   = 0x08 // the Backspace key
	VK_PACKET = 0xE7 // a Unicode character sent with KEYEVENTF_UNICODE
	VK_H      = 0x48 // the H key: Ctrl+H also produces WM_CHAR 0x08

	charBackspace = 0x08 // U+0008 BACKSPACE as a WM_CHAR wParam

	// scanBackspace is the set-1 scan code of Backspace.
	scanBackspace = 0x0E
	// BackspaceDownLParam is the lParam of the synthetic key press:
	// repeat count 1, scan code 0x0E.
	BackspaceDownLParam = uintptr(scanBackspace<<16 | 1)
	// BackspaceUpLParam is the lParam of the synthetic key release: as the
	// press, plus bit 30 (key was down) and bit 31 (being released).
	BackspaceUpLParam = uintptr(1<<31 | 1<<30 | scanBackspace<<16 | 1)
)

// Msg is one window message to deliver to the original window procedure.
type Msg struct {
	Msg    uint32
	WParam uintptr
	LParam uintptr
}

// Translator turns Unicode-packet backspaces into Backspace key events.
// Feed it every message of one window, in order, with Filter. The zero
// value is ready to use; it is not safe for concurrent use (a window's
// messages all arrive on its own thread).
type Translator struct {
	// held is a WM_KEYDOWN(VK_PACKET) kept back until the next message
	// shows whether it carries a backspace.
	held    Msg
	holding bool
	// lastDown is the virtual key of the last WM_KEYDOWN whose character
	// has not arrived yet (0 when none).
	lastDown uintptr
	// swallowUps counts WM_KEYUP(VK_PACKET) messages still to drop: the
	// releases of packet backspaces already replaced.
	swallowUps int
}

// Filter takes the next message of the window and returns what the
// original window procedure must receive in its place: first the messages
// in out, in order, then the message itself if pass is true. When pass is
// false and out is empty the message is consumed (the window procedure
// should return 0).
//
//   - WM_KEYDOWN(VK_PACKET) is held until the next message.
//   - WM_CHAR(0x08) right after a held VK_PACKET press, or with no key
//     press before it at all, becomes WM_KEYDOWN(VK_BACK) +
//     WM_KEYUP(VK_BACK); the held press and its WM_KEYUP(VK_PACKET) are
//     dropped.
//   - A held press followed by anything else is released unchanged
//     before that message (packet letters such as "ễ" go through as sent).
//   - WM_CHAR(0x08) after a VK_BACK press (a physical Backspace, or
//     EVKey's VK_BACK SendInput) or after Ctrl+H passes untouched: GLFW
//     already handled the key press, so nothing is doubled.
func (t *Translator) Filter(msg uint32, wParam, lParam uintptr) (out []Msg, pass bool) {
	if t.holding {
		held := t.held
		t.holding = false
		if msg == WM_CHAR && wParam == charBackspace {
			t.lastDown = 0
			t.swallowUps++
			return backspacePair(), false
		}
		out = append(out, held)
	}
	switch msg {
	case WM_KEYDOWN:
		t.lastDown = wParam
		if wParam == VK_PACKET {
			t.held = Msg{msg, wParam, lParam}
			t.holding = true
			return out, false
		}
	case WM_KEYUP:
		if wParam == VK_PACKET && t.swallowUps > 0 {
			t.swallowUps--
			return out, false
		}
	case WM_CHAR:
		prev := t.lastDown
		t.lastDown = 0
		if wParam == charBackspace && prev != VK_BACK && prev != VK_H {
			return append(out, backspacePair()...), false
		}
	}
	return out, true
}

// Flush returns a held VK_PACKET press, if any, so it is not lost when no
// further message comes (for example when the window loses focus).
func (t *Translator) Flush() []Msg {
	if !t.holding {
		return nil
	}
	t.holding = false
	return []Msg{t.held}
}

func backspacePair() []Msg {
	return []Msg{
		{WM_KEYDOWN, VK_BACK, BackspaceDownLParam},
		{WM_KEYUP, VK_BACK, BackspaceUpLParam},
	}
}
