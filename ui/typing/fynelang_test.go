package typing_test

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
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "fyne.io/fyne/v2").Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		t.Skipf("Fyne module directory not found (%v)", err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "lang", "translations", "base.*.json"))
	if len(files) == 0 {
		t.Skipf("no base.*.json under %s", dir)
	}
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
