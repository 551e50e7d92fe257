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
	}
	return t.Theme.Color(n, theme.VariantLight)
}
