//go:build windows

// Command typetest types Vietnamese into the running Hòa Nhập window the way
// Unikey and EVKey do, and checks through hoanhap-cli what was saved.
//
// Input tools for Vietnamese on Windows have no pre-edit: they let the plain
// letters through and, when a key changes a letter already typed (Telex
// "ee" → ê, "x" → tone ngã), swallow that key and inject "erase, erase…,
// new letters" with SendInput: every character, the erase included, as a
// KEYEVENTF_UNICODE packet (the erase is U+0008). typetest replays exactly
// that: the typed letters and the injected groups, all as Unicode packets,
// one SendInput call per group as the tools do.
//
// Steps: find the top-level window titled -title (waiting for it), bring it
// to the foreground, press Ctrl+N (new person: the name field takes the
// focus), type the sequence, Tab Tab Right Right (gender: male) Tab, type
// the birth year, Ctrl+S; then run `hoanhap-cli --data DIR person list
// --json --status all` and compare the stored names with -want.
//
// Used by scripts/wine-gui.sh under Wine; it runs the same on a Windows PC
// (see docs/TESTING.md). Exit status: 0 when the stored name is -want (or,
// with -expect-garbled, when it is not), 1 otherwise, 2 on bad usage.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
	"golang.org/x/text/unicode/norm"
)

// sequences are what Unikey sends (Unicode output), as groups: each group
// is one SendInput call; "\b" is the packet backspace. The keys the tool
// swallows (the second e, w, x, s, the VNI digits) never reach the window.
var sequences = map[string][]string{
	// Telex "Nguyeenx Vawn Ddwcs".
	"telex": {"N", "g", "u", "y", "e", "\bê", "n", "\b\bễn", " ",
		"V", "a", "\bă", "n", " ",
		"D", "\bĐ", "ư", "c", "\b\bức"},
	// VNI "Nguye6n4 Va8n D9u7c1".
	"vni": {"N", "g", "u", "y", "e", "\bê", "n", "\b\bễn", " ",
		"V", "a", "\bă", "n", " ",
		"D", "\bĐ", "u", "\bư", "c", "\b\bức"},
	// Telex with Unikey's "Unicode tổ hợp" (decomposed) output: more
	// erases, since a decomposed letter is two or three characters.
	"telex-nfd": {"N", "g", "u", "y", "e", "\b" + nfd("ê"), "n", "\b\b\b" + nfd("ễ") + "n", " ",
		"V", "a", "\b" + nfd("ă"), "n", " ",
		"D", "\bĐ", "ư", "c", "\b\b" + nfd("ứ") + "c"},
}

func nfd(s string) string { return norm.NFD.String(s) }

func main() {
	title := flag.String("title", "Hòa Nhập", "title of the app's window (substring)")
	seq := flag.String("seq", "telex", "sequence to send: telex, vni or telex-nfd")
	birth := flag.String("birth", "1985", "birth year typed into the form")
	want := flag.String("want", "Nguyễn Văn Đức", "name the store must hold")
	cli := flag.String("cli", "hoanhap-cli.exe", "path of hoanhap-cli.exe")
	data := flag.String("data", "", "data folder of the running app (for hoanhap-cli --data)")
	wait := flag.Duration("wait", 60*time.Second, "how long to wait for the window")
	delay := flag.Duration("delay", 60*time.Millisecond, "pause between input groups")
	garbled := flag.Bool("expect-garbled", false, "succeed only if the stored name is NOT -want (run without the hook)")
	flag.Parse()
	groups, ok := sequences[*seq]
	if !ok || *data == "" {
		fmt.Fprintln(os.Stderr, "usage: typetest -data DIR [-seq telex|vni|telex-nfd] [-cli PATH] [-expect-garbled]")
		os.Exit(2)
	}
	if err := run(*title, groups, *birth, *wait, *delay); err != nil {
		fmt.Fprintln(os.Stderr, "typetest:", err)
		os.Exit(1)
	}
	names, err := storedNames(*cli, *data)
	if err != nil {
		fmt.Fprintln(os.Stderr, "typetest:", err)
		os.Exit(1)
	}
	fmt.Printf("typetest: sequence %s: %q\n", *seq, strings.Join(groups, "|"))
	if len(names) != 1 {
		fmt.Printf("typetest: the store holds %d people %q, want exactly one\n", len(names), names)
		os.Exit(1)
	}
	got := names[0]
	fmt.Printf("typetest: stored full_name %q (%s), NFC: %v\n", got, codepoints(got), norm.NFC.IsNormalString(got))
	match := got == *want && norm.NFC.IsNormalString(got)
	switch {
	case *garbled && match:
		fmt.Println("typetest: FAIL: the name came out right although the hook was off")
		os.Exit(1)
	case *garbled:
		fmt.Printf("typetest: OK: without the hook the name is garbled (want %q)\n", *want)
	case match:
		fmt.Println("typetest: OK")
	default:
		fmt.Printf("typetest: FAIL: want %q (%s)\n", *want, codepoints(*want))
		os.Exit(1)
	}
}

func codepoints(s string) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "U+%04X", r)
	}
	return b.String()
}

// run finds the window, opens a new person form and types into it.
func run(title string, groups []string, birth string, wait, delay time.Duration) error {
	hwnd, err := findWindow(title, wait)
	if err != nil {
		return err
	}
	fmt.Printf("typetest: window %#x %q\n", hwnd, windowText(hwnd))
	foreground(hwnd)
	time.Sleep(time.Second)
	if err := chord(vkControl, 'N'); err != nil {
		return fmt.Errorf("ctrl+n: %w", err)
	}
	time.Sleep(1500 * time.Millisecond) // the form is built and the name field focused
	for _, g := range groups {
		if err := sendUnicode(g); err != nil {
			return fmt.Errorf("send %q: %w", g, err)
		}
		time.Sleep(delay)
	}
	// Gender: Tab to "other names", Tab to the gender select, Right twice
	// (none → male); Tab to the birth date.
	for _, vk := range []uint16{vkTab, vkTab, vkRight, vkRight, vkTab} {
		if err := tap(vk); err != nil {
			return err
		}
		time.Sleep(delay)
	}
	if err := sendUnicode(birth); err != nil {
		return err
	}
	time.Sleep(500 * time.Millisecond)
	if err := chord(vkControl, 'S'); err != nil {
		return fmt.Errorf("ctrl+s: %w", err)
	}
	time.Sleep(3 * time.Second) // the save runs and is committed
	return nil
}

// storedNames lists the full names in the store through the CLI.
func storedNames(cli, data string) ([]string, error) {
	var out, errb bytes.Buffer
	cmd := exec.Command(cli, "--data", data, "person", "list", "--json", "--status", "all")
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%s person list: %w: %s", cli, err, errb.String())
	}
	var rows []struct {
		FullName string `json:"full_name"`
	}
	if err := json.Unmarshal(out.Bytes(), &rows); err != nil {
		return nil, fmt.Errorf("person list output: %w", err)
	}
	names := make([]string, len(rows))
	for i, r := range rows {
		names[i] = r.FullName
	}
	return names, nil
}

const (
	inputKeyboard    = 1
	keyeventfExtKey  = 0x0001
	keyeventfKeyUp   = 0x0002
	keyeventfUnicode = 0x0004
	vkTab            = 0x09
	vkControl        = 0x11
	vkLeft           = 0x25
	vkRight          = 0x27
	vkDown           = 0x28
	swRestore        = 9
	mapvkVKToVSC     = 0
)

// keyboardInput is one key event to send: a virtual key, or with
// keyeventfUnicode a UTF-16 unit in scan.
type keyboardInput struct {
	vk    uint16
	scan  uint16
	flags uint32
}

var (
	user32                  = windows.NewLazySystemDLL("user32.dll")
	procSendInput           = user32.NewProc("SendInput")
	procEnumWindows         = user32.NewProc("EnumWindows")
	procGetWindowTextW      = user32.NewProc("GetWindowTextW")
	procIsWindowVisible     = user32.NewProc("IsWindowVisible")
	procSetForegroundWindow = user32.NewProc("SetForegroundWindow")
	procShowWindow          = user32.NewProc("ShowWindow")
	procBringWindowToTop    = user32.NewProc("BringWindowToTop")
	procMapVirtualKeyW      = user32.NewProc("MapVirtualKeyW")
)

// send passes inputs to SendInput in one call, as the input tools do.
func send(in []keyboardInput) error {
	if len(in) == 0 {
		return nil
	}
	raw := make([]rawInput, len(in))
	for i, k := range in {
		raw[i] = rawInput{typ: inputKeyboard, vk: k.vk, scan: k.scan, flags: k.flags}
	}
	n, _, err := procSendInput.Call(uintptr(len(raw)), uintptr(unsafe.Pointer(&raw[0])), unsafe.Sizeof(raw[0]))
	if int(n) != len(raw) {
		return fmt.Errorf("SendInput sent %d of %d: %w", n, len(raw), err)
	}
	return nil
}

// rawInput is the memory layout of INPUT{type: INPUT_KEYBOARD} on amd64:
// type (4 bytes), padding (4), KEYBDINPUT {wVk, wScan, dwFlags, time,
// dwExtraInfo} (24), padding to the union's size (8).
type rawInput struct {
	typ   uint32
	_     uint32
	vk    uint16
	scan  uint16
	flags uint32
	time  uint32
	_     uint32
	extra uintptr
	_     [8]byte
}

// sendUnicode sends each UTF-16 unit of s as a KEYEVENTF_UNICODE press and
// release, all in one SendInput call.
func sendUnicode(s string) error {
	var in []keyboardInput
	for _, u := range windows.StringToUTF16(s) {
		if u == 0 {
			break
		}
		in = append(in,
			keyboardInput{scan: u, flags: keyeventfUnicode},
			keyboardInput{scan: u, flags: keyeventfUnicode | keyeventfKeyUp})
	}
	return send(in)
}

func scanOf(vk uint16) uint16 {
	r, _, _ := procMapVirtualKeyW.Call(uintptr(vk), mapvkVKToVSC)
	return uint16(r)
}

// tap presses and releases one virtual key. The arrow keys are extended
// keys (scan code E0 xx): without the flag GLFW reads the numeric keypad.
func tap(vk uint16) error {
	var ext uint32
	if vk >= vkLeft && vk <= vkDown {
		ext = keyeventfExtKey
	}
	return send([]keyboardInput{
		{vk: vk, scan: scanOf(vk), flags: ext},
		{vk: vk, scan: scanOf(vk), flags: ext | keyeventfKeyUp},
	})
}

// chord presses mod+key and releases both.
func chord(mod, key uint16) error {
	return send([]keyboardInput{
		{vk: mod, scan: scanOf(mod)},
		{vk: key, scan: scanOf(key)},
		{vk: key, scan: scanOf(key), flags: keyeventfKeyUp},
		{vk: mod, scan: scanOf(mod), flags: keyeventfKeyUp},
	})
}

func windowText(hwnd uintptr) string {
	buf := make([]uint16, 256)
	n, _, _ := procGetWindowTextW.Call(hwnd, uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)))
	return windows.UTF16ToString(buf[:n])
}

// findWindow waits for a visible top-level window whose title contains
// title.
func findWindow(title string, wait time.Duration) (uintptr, error) {
	deadline := time.Now().Add(wait)
	var found uintptr
	cb := syscall.NewCallback(func(hwnd, _ uintptr) uintptr {
		if v, _, _ := procIsWindowVisible.Call(hwnd); v == 0 {
			return 1
		}
		if strings.Contains(norm.NFC.String(windowText(hwnd)), norm.NFC.String(title)) {
			found = hwnd
			return 0
		}
		return 1
	})
	for {
		found = 0
		procEnumWindows.Call(cb, 0)
		if found != 0 {
			return found, nil
		}
		if time.Now().After(deadline) {
			return 0, errors.New("no window titled " + title)
		}
		time.Sleep(500 * time.Millisecond)
	}
}

func foreground(hwnd uintptr) {
	procShowWindow.Call(hwnd, swRestore)
	procBringWindowToTop.Call(hwnd)
	procSetForegroundWindow.Call(hwnd)
}
