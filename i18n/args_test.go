package i18n

import (
	"strings"
	"testing"
	"time"
)

type testDate struct {
	y int
	m time.Month
	d int
}

func (t testDate) DMY() (int, time.Month, int) { return t.d, t.m, t.y }

type testMoney int64

func (m testMoney) Dong() int64 { return int64(m) }

// TestMessageArgsFormatted: dates and amounts given as message arguments
// are shown dd/mm/yyyy and "80.853.000 đ" in both languages, by the one
// formatter; other arguments are untouched and the caller's map is not
// changed.
func TestMessageArgsFormatted(t *testing.T) {
	args := map[string]any{"Date": testDate{2026, 3, 5}, "Birth": testDate{1985, 0, 0}, "None": testDate{},
		"Amount": testMoney(80853000000), "Neg": testMoney(-12500), "Count": 3, "Text": "x"}
	got := formatArgs(args)
	want := map[string]any{"Date": "05/03/2026", "Birth": "1985", "None": "", "Amount": "80.853.000.000 đ",
		"Neg": "-12.500 đ", "Count": 3, "Text": "x"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
	if _, ok := args["Date"].(testDate); !ok {
		t.Error("formatArgs changed the caller's map")
	}
	plain := map[string]any{"Count": 1}
	if p := formatArgs(plain); len(p) != 1 || p["Count"] != 1 {
		t.Error("formatArgs without dates or amounts")
	}
	if Date(testDate{2026, 12, 4}) != "04/12/2026" {
		t.Errorf("Date = %q", Date(testDate{2026, 12, 4}))
	}
	for _, lang := range Languages {
		SetLanguage(lang)
		if s := TMap("format.date.invalid", map[string]any{"Value": testDate{2026, 2, 1}}); !strings.Contains(s, "01/02/2026") {
			t.Errorf("%s: TMap = %q", lang, s)
		}
	}
	SetLanguage("vi")
}
