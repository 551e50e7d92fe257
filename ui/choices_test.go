package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

func TestEnumSelectShowsLabelsAndReturnsValues(t *testing.T) {
	test.NewTempApp(t)
	i18n.SetLanguage("vi")
	var changed string
	s := newEnumSelect("person.status", enumValues(caseload.Statuses), true, func(v string) { changed = v })
	want := []string{"— Chưa chọn —", "Chờ về", "Đang quản lý", "Đã kết thúc"}
	if len(s.Options) != len(want) {
		t.Fatalf("options = %v", s.Options)
	}
	for i := range want {
		if s.Options[i] != want[i] {
			t.Errorf("option %d = %q, want %q", i, s.Options[i], want[i])
		}
	}
	s.SetSelected("Chờ về")
	if s.Value() != "expected" || changed != "expected" {
		t.Errorf("Value = %q, changed = %q", s.Value(), changed)
	}
	s.SetValue("ended")
	if s.Selected != "Đã kết thúc" {
		t.Errorf("SetValue shows %q", s.Selected)
	}
	s.SetValue("")
	if s.Value() != "" {
		t.Errorf("empty value = %q", s.Value())
	}
}

// TestEnumLabelsTranslated checks every enum value the form offers has a
// label in both languages.
func TestEnumLabelsTranslated(t *testing.T) {
	t.Cleanup(func() { i18n.SetLanguage("vi") })
	sets := map[string][]string{
		"person.gender":         enumValues(caseload.Genders),
		"person.status":         enumValues(caseload.Statuses),
		"person.sentence":       enumValues(caseload.SentenceKinds),
		"person.release":        enumValues(caseload.ReleaseKinds),
		"person.end_reason":     enumValues(caseload.EndReasons),
		"person.group":          enumValues(caseload.Groups),
		"person.group_def":      enumValues(caseload.Groups),
		"person.severity":       enumValues(caseload.Severities),
		"person.expunge_method": {string(caseload.ExpungeAutomatic), string(caseload.ExpungeCourt)},
	}
	for _, lang := range []string{"vi", "en"} {
		i18n.SetLanguage(lang)
		for prefix, values := range sets {
			for _, v := range values {
				if k := prefix + "." + v; !i18n.Has(k) {
					t.Errorf("%s: missing %s", lang, k)
				}
			}
		}
	}
}
