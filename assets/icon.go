package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is the application icon (a house with a heart: coming home).
var Icon = fyne.NewStaticResource("icon.png", iconPNG)
