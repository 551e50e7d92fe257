package ui

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// luminance is the WCAG relative luminance of c.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		x := float64(v) / 0xffff
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Read-only fields (a leader's view), hints and placeholders must stay
// readable on the light background, and read-only text must still look
// different from editable text.
func TestThemeGreysReadable(t *testing.T) {
	th := newOfficeTheme()
	bg := th.Color(theme.ColorNameBackground, theme.VariantLight)
	fg := th.Color(theme.ColorNameForeground, theme.VariantLight)
	for _, n := range []struct {
		name fyne.ThemeColorName
		min  float64
	}{{theme.ColorNameDisabled, 3.5}, {theme.ColorNamePlaceHolder, 4.0}} {
		c := th.Color(n.name, theme.VariantLight)
		if got := contrast(c, bg); got < n.min {
			t.Errorf("%s on the background: contrast %.2f, want at least %.1f", n.name, got, n.min)
		}
		if contrast(c, fg) < 1.3 {
			t.Errorf("%s looks like normal text", n.name)
		}
	}
}

// Success and warning texts (a saved record, a task due today) are read
// on white: contrast at least 4.5 (WCAG AA for normal text).
func TestThemeStatusColoursReadable(t *testing.T) {
	th := newOfficeTheme()
	bg := th.Color(theme.ColorNameBackground, theme.VariantLight)
	for _, n := range []fyne.ThemeColorName{theme.ColorNameSuccess, theme.ColorNameWarning, theme.ColorNameError} {
		if got := contrast(th.Color(n, theme.VariantLight), bg); got < 4.5 {
			t.Errorf("%s on the background: contrast %.2f, want at least 4.5", n, got)
		}
	}
}
