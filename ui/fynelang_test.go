package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

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
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "fyne.io/fyne/v2").Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		t.Skipf("Fyne module directory not found (%v)", err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "lang", "translations", "base.*.json"))
	if len(files) == 0 {
		t.Skipf("no base.*.json under %s", dir)
	}
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
