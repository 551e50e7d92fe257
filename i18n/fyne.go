package i18n

import _ "embed"

//go:embed fyne/vi.json
var fyneVietnamese []byte

// FyneVietnamese returns Vietnamese translations of Fyne's own widget
// strings, keyed by Fyne's English text, for lang.AddTranslationsForLocale.
func FyneVietnamese() []byte { return fyneVietnamese }
