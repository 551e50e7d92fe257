package assets

import _ "embed"

// IconPNG is the application icon (a house with a heart: coming home), as
// PNG bytes. The GUI turns it into a Fyne resource itself, so that this
// package (and the CLI that links it through package demo) needs no Fyne.
//
//go:embed icon.png
var IconPNG []byte
