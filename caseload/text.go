package caseload

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Text rules, for every text field of every record (person, visit,
// reception, notice, support, loan, model, user...):
//
//   - Zero-width characters (U+200B–U+200D, U+2060, U+FEFF byte-order
//     mark, U+00AD soft hyphen) are invisible and come with text pasted
//     from web pages, Word or Zalo: the normalisers remove them
//     (NormalizeLine, NormalizeText), and InvisibleWarnings tells the user
//     which fields lost some.
//   - Everything else that cannot be seen or printed is refused by the
//     validators with a message naming the field (CheckTexts): invalid
//     UTF-8 and U+FFFD (text decoded in the wrong encoding: "�" would be
//     stored), control characters (NUL, BEL, ESC... which can drive a
//     terminal or printer: "Trộm\x00\x1b[2J cắp"), except line break and
//     tab, and the bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE
//     and its kin, which make text read differently from what is stored).
//
// Line breaks and tabs are allowed in every field: single-line fields are
// collapsed to one line by NormalizeLine before validation.

// isInvisible reports whether r is a zero-width character removed by the
// normalisers.
func isInvisible(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
		return true
	}
	return false
}

// isBidiControl reports whether r is a bidirectional formatting character.
func isBidiControl(r rune) bool {
	switch {
	case r == '\u061c', r == '\u200e', r == '\u200f':
		return true
	case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}

// dropInvisible removes the zero-width characters of s.
func dropInvisible(s string) string {
	if strings.IndexFunc(s, isInvisible) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isInvisible(r) {
			return -1
		}
		return r
	}, s)
}

// NormalizeText cleans a multi-line text (notes, stories): NFC, zero-width
// characters removed, Windows line ends made "\n", leading and trailing
// white space trimmed; inner line breaks are kept.
func NormalizeText(s string) string {
	s = strings.ReplaceAll(dropInvisible(s), "\r\n", "\n")
	return strings.TrimSpace(norm.NFC.String(s))
}

// TextProblem returns the message key and the offending character of the
// first character of s that no text field may hold, or "" when s is clean
// (see the text rules above).
func TextProblem(s string) (key string, r rune) {
	if !utf8.ValidString(s) {
		return "validation.text.encoding", utf8.RuneError
	}
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			return "validation.text.encoding", r
		case r == '\n' || r == '\t':
		case unicode.IsControl(r):
			return "validation.text.control", r
		case isBidiControl(r):
			return "validation.text.bidi", r
		case isInvisible(r):
			return "validation.text.invisible", r
		}
	}
	return "", 0
}

// CheckTexts checks every text field of rec (a record or a pointer to
// one: strings, nested structs and slices, named by their canonical JSON
// path such as "judgment.court" or "supplementary.0.kind"; the sync fields
// of Meta are the app's own and are skipped) and returns one error per
// field that holds a character no field may hold.
func CheckTexts(rec any) []FieldError {
	var out []FieldError
	walkTexts(reflect.ValueOf(rec), make([]string, 0, 8), func(path []string, s string) {
		if key, r := TextProblem(s); key != "" {
			out = append(out, FieldError{Field: strings.Join(path, "."), Key: key,
				Args: map[string]any{"Code": fmt.Sprintf("U+%04X", r)}})
		}
	})
	return out
}

// InvisibleWarnings lists the text fields of rec, before normalisation,
// that hold zero-width characters the normalisers will remove, so that a
// caller can tell the user (key "validation.text.invisible_removed").
func InvisibleWarnings(rec any) []FieldError {
	var out []FieldError
	walkTexts(reflect.ValueOf(rec), make([]string, 0, 8), func(path []string, s string) {
		if strings.IndexFunc(s, isInvisible) >= 0 {
			out = append(out, FieldError{Field: strings.Join(path, "."), Key: "validation.text.invisible_removed"})
		}
	})
	return out
}

var metaType = reflect.TypeOf(Meta{})

// textField is one field of a struct that may hold text: its index, its
// canonical name and whether it is an embedded struct whose fields are
// named without a prefix.
type textField struct {
	index  int
	name   string
	inline bool
}

// textFields caches, per struct type, the fields walkTexts visits.
var textFields sync.Map // reflect.Type -> []textField

func fieldsOf(t reflect.Type) []textField {
	if f, ok := textFields.Load(t); ok {
		return f.([]textField)
	}
	var out []textField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() || f.Type == metaType || !mayHoldText(f.Type) {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case name == "-":
			continue
		case f.Anonymous && name == "":
			out = append(out, textField{index: i, inline: true})
			continue
		case name == "":
			name = f.Name
		}
		out = append(out, textField{index: i, name: name})
	}
	textFields.Store(t, out)
	return out
}

// mayHoldText reports whether a value of type t can contain a string.
func mayHoldText(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.String, reflect.Interface:
		return true
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return mayHoldText(t.Elem())
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if f := t.Field(i); f.IsExported() && f.Type != metaType && mayHoldText(f.Type) {
				return true
			}
		}
	}
	return false
}

// walkTexts calls fn for every string reachable from v, with its path
// (valid only during the call).
func walkTexts(v reflect.Value, path []string, fn func(path []string, s string)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkTexts(v.Elem(), path, fn)
		}
	case reflect.String:
		if s := v.String(); s != "" {
			fn(path, s)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			walkTexts(v.Index(i), append(path, strconv.Itoa(i)), fn)
		}
	case reflect.Struct:
		for _, f := range fieldsOf(v.Type()) {
			if f.inline {
				walkTexts(v.Field(f.index), path, fn)
			} else {
				walkTexts(v.Field(f.index), append(path, f.name), fn)
			}
		}
	}
}
