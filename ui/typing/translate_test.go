package typing_test

import (
	"math/rand"
	"reflect"
	"testing"

	"golang.org/x/text/unicode/norm"

	"hoanhap/ui/typing"
)

const (
	wmMouseMove = 0x0200
	vkControl   = 0x11
	scanControl = 0x1D
)

// lp builds a key message lParam: repeat 1, the scan code, and for a
// release the previous-state and transition bits.
func lp(scan uintptr, up bool) uintptr {
	l := scan<<16 | 1
	if up {
		l |= 1<<31 | 1<<30
	}
	return l
}

// phys is a physical key stroke producing ch: press, character, release.
func phys(vk, scan uintptr, ch rune) []typing.Msg {
	return []typing.Msg{
		{Msg: typing.WM_KEYDOWN, WParam: vk, LParam: lp(scan, false)},
		{Msg: typing.WM_CHAR, WParam: uintptr(ch), LParam: lp(scan, false)},
		{Msg: typing.WM_KEYUP, WParam: vk, LParam: lp(scan, true)},
	}
}

// packet is one character injected with SendInput(KEYEVENTF_UNICODE), as
// Unikey and OpenKey send it: the scan code field holds the character's
// low byte.
func packet(ch rune) []typing.Msg {
	scan := uintptr(ch) & 0xFF
	return []typing.Msg{
		{Msg: typing.WM_KEYDOWN, WParam: typing.VK_PACKET, LParam: lp(scan, false)},
		{Msg: typing.WM_CHAR, WParam: uintptr(ch), LParam: lp(scan, false)},
		{Msg: typing.WM_KEYUP, WParam: typing.VK_PACKET, LParam: lp(scan, true)},
	}
}

// packets is packet for each rune of s; '\b' is the Unicode backspace.
func packets(s string) []typing.Msg {
	var out []typing.Msg
	for _, r := range s {
		out = append(out, packet(r)...)
	}
	return out
}

// evkeyBackspace is EVKey's variant: a VK_BACK key stroke sent with
// SendInput without KEYEVENTF_UNICODE and scan code 0.
func evkeyBackspace() []typing.Msg { return phys(typing.VK_BACK, 0, '\b') }

// physical letters: virtual key, set-1 scan code.
var keys = map[rune][2]uintptr{
	'N': {0x4E, 0x31}, 'n': {0x4E, 0x31}, 'g': {0x47, 0x22}, 'u': {0x55, 0x16},
	'y': {0x59, 0x15}, 'e': {0x45, 0x12}, 'a': {0x41, 0x1E}, 'b': {0x42, 0x30},
	'T': {0x54, 0x14}, 'h': {0x48, 0x23}, 'ô': {0, 0}, ' ': {0x20, 0x39},
	'6': {0x36, 0x07}, '3': {0x33, 0x04},
}

func typed(s string) []typing.Msg {
	var out []typing.Msg
	for _, r := range s {
		k, ok := keys[r]
		if !ok || k[0] == 0 {
			panic("no physical key for " + string(r))
		}
		out = append(out, phys(k[0], k[1], r)...)
	}
	return out
}

func physBackspace() []typing.Msg { return phys(typing.VK_BACK, 0x0E, '\b') }

func concat(parts ...[]typing.Msg) []typing.Msg {
	var out []typing.Msg
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// run feeds msgs through a Translator and returns what the original window
// procedure receives.
func run(msgs []typing.Msg) []typing.Msg {
	var tr typing.Translator
	var got []typing.Msg
	for _, m := range msgs {
		out, pass := tr.Filter(m.Msg, m.WParam, m.LParam)
		got = append(got, out...)
		if pass {
			got = append(got, m)
		}
	}
	return append(got, tr.Flush()...)
}

// editor models GLFW and a Fyne Entry: a key press whose scan code (or,
// for scan code 0, MapVirtualKey of its virtual key) is Backspace erases
// the last rune; characters below 32 are dropped, as GLFW's char callback
// does; other characters are appended.
type editor struct {
	text       []rune
	backspaces int
}

func (e *editor) apply(msgs []typing.Msg) string {
	for _, m := range msgs {
		switch m.Msg {
		case typing.WM_KEYDOWN:
			scan := (m.LParam >> 16) & 0x1FF
			if scan == 0 && m.WParam == typing.VK_BACK {
				scan = 0x0E // MapVirtualKeyW(VK_BACK, MAPVK_VK_TO_VSC)
			}
			if scan == 0x0E {
				e.backspaces++
				if len(e.text) > 0 {
					e.text = e.text[:len(e.text)-1]
				}
			}
		case typing.WM_CHAR:
			if m.WParam >= 32 {
				e.text = append(e.text, rune(m.WParam))
			}
		}
	}
	return string(e.text)
}

func TestTypingSequences(t *testing.T) {
	tests := []struct {
		name       string
		msgs       []typing.Msg
		want       string
		backspaces int  // Backspace key presses the editor must see
		untouched  bool // the stream must pass exactly as recorded
	}{
		{
			// Telex "Nguyeenx" with Unikey (Unicode): "ee" erases e and
			// types ê; "x" erases n and ê and types ễ, n.
			name: "Unikey Telex Nguyeenx",
			msgs: concat(typed("Nguye"), packets("\bê"), typed("n"), packets("\b\bễn")),
			want: "Nguyễn", backspaces: 3,
		},
		{
			// VNI "Nguye6n4": same injections, the 6 and 4 keys are eaten.
			name: "Unikey VNI Nguye6n4",
			msgs: concat(typed("Nguye"), packets("\bê"), typed("n"), packets("\b\bễn")),
			want: "Nguyễn", backspaces: 3,
		},
		{
			// Unikey "Unicode tổ hợp": the replacement is decomposed.
			name: "Unikey decomposed output",
			msgs: concat(typed("Nguye"), packets("\b"+norm.NFD.String("ê")), typed("n"), packets("\b\b\b"+norm.NFD.String("ễ")+"n")),
			want: norm.NFD.String("Nguyễn"), backspaces: 4,
		},
		{
			// Physical key releases arriving after the injected packets,
			// as when the user types fast.
			name: "Unikey with late key releases",
			msgs: concat(
				typed("Nguy"),
				[]typing.Msg{{Msg: typing.WM_KEYDOWN, WParam: 0x45, LParam: lp(0x12, false)}, {Msg: typing.WM_CHAR, WParam: 'e', LParam: lp(0x12, false)}},
				packets("\bê"),
				[]typing.Msg{{Msg: typing.WM_KEYUP, WParam: 0x45, LParam: lp(0x12, true)}},
				typed("n"), packets("\b\bễn"),
			),
			want: "Nguyễn", backspaces: 3,
		},
		{
			name: "EVKey VK_BACK backspace",
			msgs: concat(typed("Nguye"), evkeyBackspace(), packets("ê"), typed("n"), evkeyBackspace(), evkeyBackspace(), packets("ễn")),
			want: "Nguyễn", backspaces: 3, untouched: true,
		},
		{
			name: "physical Backspace",
			msgs: concat(typed("ab"), physBackspace()),
			want: "a", backspaces: 1, untouched: true,
		},
		{
			name: "held physical Backspace (auto-repeat)",
			msgs: concat(typed("aba"), []typing.Msg{
				{Msg: typing.WM_KEYDOWN, WParam: typing.VK_BACK, LParam: lp(0x0E, false)},
				{Msg: typing.WM_CHAR, WParam: '\b', LParam: lp(0x0E, false)},
				{Msg: typing.WM_KEYDOWN, WParam: typing.VK_BACK, LParam: lp(0x0E, false) | 1<<30},
				{Msg: typing.WM_CHAR, WParam: '\b', LParam: lp(0x0E, false) | 1<<30},
				{Msg: typing.WM_KEYUP, WParam: typing.VK_BACK, LParam: lp(0x0E, true)},
			}),
			want: "a", backspaces: 2, untouched: true,
		},
		{
			name: "packet letters and digits without backspace",
			msgs: concat(typed("Th"), packets("ôn"), typed(" 3")),
			want: "Thôn 3", untouched: true,
		},
		{
			name: "Ctrl+H is not a backspace",
			msgs: concat(
				[]typing.Msg{{Msg: typing.WM_KEYDOWN, WParam: vkControl, LParam: lp(scanControl, false)}},
				phys(typing.VK_H, 0x23, '\b'),
				[]typing.Msg{{Msg: typing.WM_KEYUP, WParam: vkControl, LParam: lp(scanControl, true)}},
			),
			want: "", untouched: true,
		},
		{
			// A tool posting WM_CHAR 0x08 with no key press at all.
			name: "bare WM_CHAR backspace",
			msgs: concat(typed("ab"), []typing.Msg{{Msg: typing.WM_CHAR, WParam: '\b', LParam: 1}}),
			want: "a", backspaces: 1,
		},
		{
			name: "packet press released by an unrelated message",
			msgs: []typing.Msg{
				{Msg: typing.WM_KEYDOWN, WParam: typing.VK_PACKET, LParam: lp(0xC5, false)},
				{Msg: wmMouseMove, WParam: 0, LParam: 0x00100010},
				{Msg: typing.WM_CHAR, WParam: 'ễ', LParam: lp(0xC5, false)},
				{Msg: typing.WM_KEYUP, WParam: typing.VK_PACKET, LParam: lp(0xC5, true)},
			},
			want: "ễ", untouched: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := run(tt.msgs)
			var e editor
			if text := e.apply(got); text != tt.want {
				t.Errorf("editor text = %q, want %q", text, tt.want)
			}
			if e.backspaces != tt.backspaces {
				t.Errorf("editor saw %d Backspace presses, want %d", e.backspaces, tt.backspaces)
			}
			if tt.untouched && !reflect.DeepEqual(got, tt.msgs) {
				t.Errorf("stream changed:\n got %v\nwant %v", got, tt.msgs)
			}
			if norm.NFC.String(tt.want) == "Nguyễn" {
				var raw editor
				if text := raw.apply(tt.msgs); !tt.untouched && text == tt.want {
					t.Errorf("without the translator the text is already %q: the recording does not show the bug", text)
				}
			}
		})
	}
}

// TestPacketBackspaceReplacement checks the exact messages that replace a
// packet backspace: one VK_BACK press and release with scan code 0x0E, and
// nothing of the VK_PACKET press, its 0x08 character or its release.
func TestPacketBackspaceReplacement(t *testing.T) {
	got := run(packets("\b"))
	want := []typing.Msg{
		{Msg: typing.WM_KEYDOWN, WParam: typing.VK_BACK, LParam: 0x000E0001},
		{Msg: typing.WM_KEYUP, WParam: typing.VK_BACK, LParam: 0xC00E0001},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("packet backspace became %v, want %v", got, want)
	}
}

// TestUnrelatedReleaseNotSwallowed checks that only the release of the
// replaced packet is dropped, not the next packet's.
func TestUnrelatedReleaseNotSwallowed(t *testing.T) {
	msgs := concat(packets("\b"), packets("ê"))
	got := run(msgs)
	want := concat([]typing.Msg{
		{Msg: typing.WM_KEYDOWN, WParam: typing.VK_BACK, LParam: typing.BackspaceDownLParam},
		{Msg: typing.WM_KEYUP, WParam: typing.VK_BACK, LParam: typing.BackspaceUpLParam},
	}, packets("ê"))
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

// TestStreamsWithoutBackspaceCharPassUnchanged feeds random streams of
// physical and packet key strokes with no 0x08 character: whatever the
// order, the window procedure must receive exactly the same messages.
func TestStreamsWithoutBackspaceCharPassUnchanged(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	letters := []rune("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạễữ ")
	for i := 0; i < 200; i++ {
		var msgs []typing.Msg
		for j := 0; j < 30; j++ {
			r := letters[rng.Intn(len(letters))]
			switch rng.Intn(4) {
			case 0:
				msgs = append(msgs, packet(r)...)
			case 1:
				msgs = append(msgs, phys(0x41, 0x1E, r)...)
			case 2:
				msgs = append(msgs, typing.Msg{Msg: wmMouseMove, LParam: uintptr(rng.Intn(1 << 20))})
			case 3:
				msgs = append(msgs, physBackspace()...)
			}
		}
		if got := run(msgs); !reflect.DeepEqual(got, msgs) {
			t.Fatalf("stream %d changed:\n got %v\nwant %v", i, got, msgs)
		}
	}
}

func TestFlush(t *testing.T) {
	var tr typing.Translator
	if got := tr.Flush(); got != nil {
		t.Errorf("Flush on a fresh Translator = %v, want nil", got)
	}
	press := typing.Msg{Msg: typing.WM_KEYDOWN, WParam: typing.VK_PACKET, LParam: lp(0x41, false)}
	out, pass := tr.Filter(press.Msg, press.WParam, press.LParam)
	if out != nil || pass {
		t.Fatalf("VK_PACKET press: out %v pass %v, want it held", out, pass)
	}
	if got := tr.Flush(); !reflect.DeepEqual(got, []typing.Msg{press}) {
		t.Errorf("Flush = %v, want the held press", got)
	}
	if got := tr.Flush(); got != nil {
		t.Errorf("second Flush = %v, want nil", got)
	}
}
