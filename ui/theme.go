package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// officeTheme is Fyne's default theme in its light variant, whatever the
// system setting, with the teal of the app icon as the primary colour:
// ward offices print and read official forms on white, and the light
// variant keeps contrast on the old monitors of shared PCs.
type officeTheme struct{ fyne.Theme }

var (
	primaryTeal = color.NRGBA{R: 0x0F, G: 0x76, B: 0x6E, A: 0xFF}
	focusTeal   = color.NRGBA{R: 0x0F, G: 0x76, B: 0x6E, A: 0x66}
	selectTeal  = color.NRGBA{R: 0x0F, G: 0x76, B: 0x6E, A: 0x33}
	// Fyne's light disabled text (#e3e3e3) is nearly invisible on white, and
	// it is the colour of read-only fields (a leader's view of a profile)
	// and of hint labels; these greys stay distinct from the normal text
	// (#565656) yet readable on an office monitor (contrast about 4:1).
	disabledGrey    = color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0xFF}
	placeholderGrey = color.NRGBA{R: 0x76, G: 0x76, B: 0x76, A: 0xFF}
	// Status texts (saved, due today) in darker shades than Fyne's bright
	// green and orange, which are hard to read on white (contrast ≥ 4.5).
	successGreen = color.NRGBA{R: 0x2E, G: 0x7D, B: 0x32, A: 0xFF}
	warningAmber = color.NRGBA{R: 0xA3, G: 0x52, B: 0x00, A: 0xFF}
	errorRed     = color.NRGBA{R: 0xC6, G: 0x28, B: 0x28, A: 0xFF}
)

// newOfficeTheme returns the application theme.
func newOfficeTheme() fyne.Theme { return &officeTheme{Theme: theme.DefaultTheme()} }

// Color forces the light variant and the teal accents.
func (t *officeTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNamePrimary, theme.ColorNameHyperlink:
		return primaryTeal
	case theme.ColorNameFocus:
		return focusTeal
	case theme.ColorNameSelection:
		return selectTeal
	case theme.ColorNameDisabled:
		return disabledGrey
	case theme.ColorNamePlaceHolder:
		return placeholderGrey
	case theme.ColorNameSuccess:
		return successGreen
	case theme.ColorNameWarning:
		return warningAmber
	case theme.ColorNameError:
		return errorRed
	}
	return t.Theme.Color(n, theme.VariantLight)
}
