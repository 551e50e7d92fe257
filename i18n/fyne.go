package i18n

import _ "embed"

//go:embed fyne/vi.json
var fyneVietnamese []byte

// FyneVietnamese returns Vietnamese translations of Fyne's own widget
// strings (dialog buttons, file picker, entry menu, calendar weekdays),
// keyed by Fyne's English text, for lang.AddTranslationsForLocale. It
// covers every key of the base.*.json files Fyne v2.7.3 ships; the test
// in ui/typing/fynelang_test.go checks that against the Fyne module, since
// this package must not import Fyne.
func FyneVietnamese() []byte { return fyneVietnamese }
