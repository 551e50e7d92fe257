//go:build !windows

package typing

import "fyne.io/fyne/v2"

// Install is a no-op outside Windows: the packet backspace of Unikey,
// EVKey and OpenKey is a Windows mechanism (on Linux and macOS the input
// methods commit text through the platform IME path instead).
func Install(w fyne.Window) {}
