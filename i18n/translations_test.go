package i18n_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// catalog is one translation file: key -> the texts of that key (one for
// a plain string, one per plural form for a plural message).
type catalog map[string][]string

func loadCatalog(t *testing.T, path string) catalog {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	c := make(catalog, len(raw))
	for k, v := range raw {
		switch v := v.(type) {
		case string:
			c[k] = []string{v}
		case map[string]any:
			forms := make([]string, 0, len(v))
			for form, text := range v {
				s, ok := text.(string)
				if !ok {
					t.Errorf("%s: key %q form %q is not a string", path, k, form)
				}
				forms = append(forms, s)
			}
			c[k] = forms
		default:
			t.Errorf("%s: key %q has a %T value, want a string or plural forms", path, k, v)
		}
	}
	return c
}

// areas returns the area names of translations/<area>.<lang>.json.
func areas(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("translations", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, f := range files {
		base := strings.TrimSuffix(filepath.Base(f), ".json")
		i := strings.LastIndexByte(base, '.')
		if i < 0 {
			t.Errorf("%s: want translations/<area>.<vi|en>.json", f)
			continue
		}
		area, lang := base[:i], base[i+1:]
		if lang != "vi" && lang != "en" {
			t.Errorf("%s: unknown language %q", f, lang)
			continue
		}
		seen[area] = true
	}
	var out []string
	for a := range seen {
		out = append(out, a)
	}
	sort.Strings(out)
	if len(out) == 0 {
		t.Fatal("no translation files found")
	}
	return out
}

var templateVar = regexp.MustCompile(`\{\{\s*\.([A-Za-z0-9_]+)`)

func templateVars(texts []string) []string {
	set := map[string]bool{}
	for _, s := range texts {
		for _, m := range templateVar.FindAllStringSubmatch(s, -1) {
			set[m[1]] = true
		}
	}
	out := make([]string, 0, len(set))
	for v := range set {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}

// TestTranslationParity checks every area: vi and en exist, hold exactly
// the same keys, no empty texts, and the same template variables.
func TestTranslationParity(t *testing.T) {
	for _, area := range areas(t) {
		vi := filepath.Join("translations", area+".vi.json")
		en := filepath.Join("translations", area+".en.json")
		for _, f := range []string{vi, en} {
			if _, err := os.Stat(f); err != nil {
				t.Errorf("area %q: missing %s", area, f)
			}
		}
		if t.Failed() {
			continue
		}
		cv, ce := loadCatalog(t, vi), loadCatalog(t, en)
		for k := range cv {
			if _, ok := ce[k]; !ok {
				t.Errorf("%s: key %q is missing (present in %s)", en, k, vi)
			}
		}
		for k := range ce {
			if _, ok := cv[k]; !ok {
				t.Errorf("%s: key %q is missing (present in %s)", vi, k, en)
			}
		}
		for _, c := range []struct {
			file string
			cat  catalog
		}{{vi, cv}, {en, ce}} {
			for k, texts := range c.cat {
				for _, s := range texts {
					if strings.TrimSpace(s) == "" {
						t.Errorf("%s: key %q has an empty text", c.file, k)
					}
				}
			}
		}
		for k, tv := range cv {
			te, ok := ce[k]
			if !ok {
				continue
			}
			if a, b := templateVars(tv), templateVars(te); !slices.Equal(a, b) {
				t.Errorf("area %q key %q: template variables differ: vi %v, en %v", area, k, a, b)
			}
		}
	}
}

// TestTranslationKeysUnique checks that no key is defined by two areas:
// the bundle would silently keep only one of the texts.
func TestTranslationKeysUnique(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		owner := map[string]string{}
		for _, area := range areas(t) {
			f := filepath.Join("translations", area+"."+lang+".json")
			if _, err := os.Stat(f); err != nil {
				continue
			}
			for k := range loadCatalog(t, f) {
				if prev, ok := owner[k]; ok {
					t.Errorf("key %q is defined in both %s.%s.json and %s.%s.json", k, prev, lang, area, lang)
				}
				owner[k] = area
			}
		}
	}
}

// TestVietnameseIsVietnamese catches a Vietnamese file accidentally filled
// with English: across an area, some texts must carry Vietnamese letters.
func TestVietnameseIsVietnamese(t *testing.T) {
	const viLetters = "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ"
	for _, area := range areas(t) {
		f := filepath.Join("translations", area+".vi.json")
		if _, err := os.Stat(f); err != nil {
			continue
		}
		c := loadCatalog(t, f)
		total, withMarks := 0, 0
		for _, texts := range c {
			for _, s := range texts {
				total++
				if strings.ContainsAny(strings.ToLower(s), viLetters) {
					withMarks++
				}
			}
		}
		if total >= 3 && withMarks*2 < total {
			t.Errorf("%s: only %d of %d texts contain Vietnamese letters; is it translated?", f, withMarks, total)
		}
	}
}
