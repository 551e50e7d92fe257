// Package i18n translates Hòa Nhập into Vietnamese (the default) and
// English, and holds the Vietnamese-aware text helpers: diacritic folding
// for search, name collation and the dd/mm/yyyy and money formats.
//
// Messages live in translations/<area>.<lang>.json with explicit dotted
// keys ("person.field.full_name"); every key exists in both languages
// (a test checks). The package is a leaf: it imports nothing of ours and
// nothing of Fyne.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

//go:embed translations/*.json
var translations embed.FS

// Languages lists the supported languages, the default first.
var Languages = []string{"vi", "en"}

var (
	mu        sync.RWMutex
	bundle    *i18n.Bundle
	localizer *i18n.Localizer
	current   = "vi"
)

func init() {
	b, err := newBundle()
	if err != nil {
		panic(fmt.Sprintf("i18n: %v", err))
	}
	bundle = b
	localizer = i18n.NewLocalizer(bundle, current)
}

func newBundle() (*i18n.Bundle, error) {
	b := i18n.NewBundle(language.Vietnamese)
	b.RegisterUnmarshalFunc("json", json.Unmarshal)
	files, err := fs.Glob(translations, "translations/*.json")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		if _, err := b.LoadMessageFileFS(translations, f); err != nil {
			return nil, fmt.Errorf("load %s: %w", f, err)
		}
	}
	return b, nil
}

// SetLanguage switches the language of T and the formatters: "vi" or "en".
// An unknown language falls back to Vietnamese.
func SetLanguage(lang string) {
	if lang != "en" {
		lang = "vi"
	}
	mu.Lock()
	current = lang
	localizer = i18n.NewLocalizer(bundle, lang)
	mu.Unlock()
}

// Language returns the current language code.
func Language() string {
	mu.RLock()
	defer mu.RUnlock()
	return current
}

// T returns the message for key in the current language. Template
// arguments are given as alternating name, value pairs:
//
//	i18n.T("list.count", "Count", 12)
//
// A missing key returns the key itself, so a gap is visible, never blank.
func T(key string, kv ...any) string {
	var data map[string]any
	if len(kv) > 0 {
		data = make(map[string]any, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			data[fmt.Sprint(kv[i])] = kv[i+1]
		}
	}
	return TMap(key, data)
}

// TMap is T with the template arguments as a map. Dates (DateValue) and
// amounts of đồng (MoneyValue) among the arguments are shown the
// Vietnamese way, dd/mm/yyyy and "80.853.000 đ", in both languages.
func TMap(key string, data map[string]any) string {
	mu.RLock()
	l := localizer
	mu.RUnlock()
	s, err := l.Localize(&i18n.LocalizeConfig{MessageID: key, TemplateData: formatArgs(data)})
	if err != nil || s == "" {
		return key
	}
	return s
}

// Has reports whether key exists in the current language.
func Has(key string) bool {
	mu.RLock()
	l := localizer
	mu.RUnlock()
	_, err := l.Localize(&i18n.LocalizeConfig{MessageID: key})
	return err == nil
}

// Message is what errors that can be translated implement: a message key
// and its template arguments (caseload.FieldError does).
type Message interface {
	MessageKey() string
	MessageArgs() map[string]any
}

// Error returns the user-facing text of err: the translation of its
// message key when err (or an error it wraps) is a Message, otherwise a
// generic "an error occurred" sentence followed by the technical detail.
func Error(err error) string {
	if err == nil {
		return ""
	}
	var m Message
	if asMessage(err, &m) {
		return TMap(m.MessageKey(), m.MessageArgs())
	}
	return T("error.unexpected", "Detail", err.Error())
}
