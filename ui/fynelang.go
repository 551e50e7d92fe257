package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"hoanhap/i18n"
	_ "hoanhap/ui/syslocale" // LANG=C.UTF-8 read as "no language" before Fyne looks
)

// fyneLocales are the languages Fyne v2.7 ships translations for (its
// lang/translations/base.*.json), plus Vietnamese. Fyne picks the one
// closest to the Windows display language, falling back to English, so
// loading our Vietnamese strings under every one of them makes Fyne's own
// widgets Vietnamese whatever the Windows locale.
var fyneLocales = []string{"vi", "en", "cs", "de", "el", "es", "fr", "ja", "pl", "pt", "pt-BR", "ru", "sv", "ta",
	"uk", "zh-Hans"}

// ApplyFyneTranslations loads Vietnamese strings for Fyne's own widgets
// (dialog buttons, file picker, calendar) under every locale Fyne might pick,
// so they are Vietnamese whatever the Windows region, unless the user chose
// English. Fyne cannot unload them: after a switch to English its own
// dialogs stay Vietnamese until the app restarts.
func ApplyFyneTranslations() {
	if i18n.Language() != "vi" {
		return
	}
	data := i18n.FyneVietnamese()
	locales := fyneLocales
	if sys := lang.SystemLocale(); sys != "" {
		locales = append(locales[:len(locales):len(locales)], string(sys))
	}
	for _, loc := range locales {
		if err := lang.AddTranslationsForLocale(data, fyne.Locale(loc)); err != nil {
			fyne.LogError("loading Vietnamese strings for Fyne under "+loc, err)
		}
	}
}
