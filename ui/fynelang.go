package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"hoanhap/i18n"
)

// ApplyFyneTranslations loads Vietnamese strings for Fyne's own widgets
// (dialog buttons, file picker, calendar) under every locale Fyne might pick,
// so they are Vietnamese whatever the Windows region, unless the user chose
// English.
func ApplyFyneTranslations() {
	if i18n.Language() != "vi" {
		return
	}
	data := i18n.FyneVietnamese()
	for _, loc := range []string{"vi", "en", "en-US", "en-GB", "fr", "de", "ru", "zh", "ja"} {
		_ = lang.AddTranslationsForLocale(data, fyne.Locale(loc))
	}
}
