package ui

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"hoanhap/i18n"
)

// TestFyneVietnameseWhateverLocale runs a child test process per system
// locale (each language Fyne ships, one it does not, and Vietnamese): Fyne
// reads the locale once per process. The child applies our translations
// and checks that Fyne's own strings come out Vietnamese.
func TestFyneVietnameseWhateverLocale(t *testing.T) {
	if os.Getenv("HOANHAP_FYNE_LOCALE_CHILD") != "" {
		t.Skip("child process")
	}
	for _, loc := range []string{"en_US", "es_ES", "pt_BR", "pl_PL", "uk_UA", "zh_CN", "cs_CZ", "el_GR", "sv_SE",
		"ta_IN", "ja_JP", "ru_RU", "de_DE", "fr_FR", "ko_KR", "vi_VN"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestFyneLocaleChild$", "-test.v")
		cmd.Env = append(os.Environ(), "HOANHAP_FYNE_LOCALE_CHILD=1", "LANGUAGE=", "LC_ALL="+loc+".UTF-8",
			"LC_MESSAGES="+loc+".UTF-8", "LANG="+loc+".UTF-8")
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "--- PASS: TestFyneLocaleChild") {
			t.Errorf("locale %s: Fyne strings not Vietnamese (%v):\n%s", loc, err, out)
		}
	}
}

// TestFyneLocaleChild is the child of TestFyneVietnameseWhateverLocale.
func TestFyneLocaleChild(t *testing.T) {
	if os.Getenv("HOANHAP_FYNE_LOCALE_CHILD") == "" {
		t.Skip("run by TestFyneVietnameseWhateverLocale")
	}
	i18n.SetLanguage("vi")
	ApplyFyneTranslations()
	if got := lang.L("Cancel"); got != "Hủy" {
		t.Errorf("system locale %s: lang.L(\"Cancel\") = %q, want \"Hủy\"", lang.SystemLocale(), got)
	}
	if got := lang.X("monday.short", "Mon"); got != "T2" {
		t.Errorf("system locale %s: monday.short = %q, want \"T2\"", lang.SystemLocale(), got)
	}
}

// TestFyneLocalesListComplete checks fyneLocales names every translation
// the Fyne module in go.mod ships, so a Fyne upgrade adding a language is
// noticed.
func TestFyneLocalesListComplete(t *testing.T) {
	files := fyneBaseFiles(t)
	have := map[string]bool{}
	for _, l := range fyneLocales {
		have[l] = true
	}
	for _, f := range files {
		tag := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), "base."), ".json")
		tag = strings.ReplaceAll(tag, "_", "-")
		if !have[tag] {
			t.Errorf("Fyne ships %s but fyneLocales lacks %q", filepath.Base(f), tag)
		}
	}
}

// fyneBaseFiles returns the translation files (base.*.json) of the Fyne
// module in go.mod; the test is skipped when they cannot be found.
func fyneBaseFiles(t *testing.T) []string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "fyne.io/fyne/v2").Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		t.Skipf("Fyne module directory not found (%v)", err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "lang", "translations", "base.*.json"))
	if len(files) == 0 {
		t.Skipf("no base.*.json under %s", dir)
	}
	return files
}

// The Vietnamese strings for Fyne's own widgets live in package i18n, which
// must not import Fyne; they are checked here, against Fyne itself.

func fyneVietnamese(t *testing.T) map[string]any {
	t.Helper()
	var vi map[string]any
	if err := json.Unmarshal(i18n.FyneVietnamese(), &vi); err != nil {
		t.Fatalf("i18n/fyne/vi.json is not valid JSON: %v", err)
	}
	return vi
}

func TestFyneVietnameseLoads(t *testing.T) {
	for _, loc := range []string{"vi", "en"} {
		if err := lang.AddTranslationsForLocale(i18n.FyneVietnamese(), fyne.Locale(loc)); err != nil {
			t.Fatalf("AddTranslationsForLocale(vi.json, %q): %v", loc, err)
		}
	}
	if sys := lang.SystemLocale(); sys != "" {
		if err := lang.AddTranslationsForLocale(i18n.FyneVietnamese(), sys); err != nil {
			t.Fatalf("AddTranslationsForLocale(vi.json, %q): %v", sys, err)
		}
	}
	tests := []struct{ got, want string }{
		{lang.L("Cancel"), "Hủy"},
		{lang.L("Yes"), "Có"},
		{lang.L("Show Hidden Files"), "Hiện tệp ẩn"},
		{lang.X("monday.short", "Mon"), "T2"},
		{lang.X("sunday.short", "Sun"), "CN"},
		{lang.X("file.name", "Name"), "Tên"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("Fyne string = %q, want %q", tt.got, tt.want)
		}
	}
}

// TestFyneVietnameseCoversFyne checks vi.json has a non-empty text for
// every key of every base.*.json that Fyne ships, with the same shape
// (plain text or plural forms), and that the weekday names are long
// enough for Fyne's calendar, which slices them.
func TestFyneVietnameseCoversFyne(t *testing.T) {
	vi := fyneVietnamese(t)
	files := fyneBaseFiles(t)
	missingFrom := map[string][]string{} // key -> base files that have it
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var base map[string]any
		if err := json.Unmarshal(data, &base); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for k, v := range base {
			got, ok := vi[k]
			if !ok {
				missingFrom[k] = append(missingFrom[k], filepath.Base(f))
				continue
			}
			switch v.(type) {
			case string:
				if s, ok := got.(string); !ok || strings.TrimSpace(s) == "" {
					t.Errorf("vi.json %q = %v, want a non-empty string", k, got)
				}
			case map[string]any:
				forms, ok := got.(map[string]any)
				if !ok {
					t.Errorf("vi.json %q = %v, want plural forms", k, got)
					continue
				}
				if s, _ := forms["other"].(string); strings.TrimSpace(s) == "" {
					t.Errorf("vi.json %q has no \"other\" form (the only Vietnamese plural form)", k)
				}
			}
		}
	}
	var missing []string
	for k, from := range missingFrom {
		missing = append(missing, k+" (in "+strings.Join(from, ", ")+")")
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("vi.json lacks %d Fyne keys:\n%s", len(missing), strings.Join(missing, "\n"))
	}
	for _, day := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		if s, _ := vi[day].(string); len(s) < 3 {
			t.Errorf("vi.json %q = %q: Fyne's calendar needs at least 3 bytes", day, s)
		}
	}
}
