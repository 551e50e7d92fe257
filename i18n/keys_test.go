package i18n_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// usedKey is a message key written as a literal in the code.
type usedKey struct {
	key string
	pos string // file:line
}

// keyShape is what a message key looks like: dotted lower-case words.
var keyShape = regexp.MustCompile(`^[a-z0-9_]+(\.[a-z0-9_]+)+$`)

// moduleRoot walks up from the working directory to the directory of go.mod.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test directory")
		}
		dir = parent
	}
}

// scanKeys finds the message keys used as literals in the non-test Go
// files under root:
//
//   - i18n.T("key", …), i18n.TMap("key", …), i18n.Has("key")
//   - x.Add(field, "key", …) (caseload.ValidationError.Add) when the
//     literal has the shape of a key
//   - FieldError{Key: "key"} / FormatError{Key: "key"} and formatError("key", …)
func scanKeys(t *testing.T, root string) []usedKey {
	t.Helper()
	fset := token.NewFileSet()
	var keys []usedKey
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" || name == "vendor") {
				return filepath.SkipDir
			}
			if path != root {
				if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
					return filepath.SkipDir // another module
				}
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			// A file another engineer is editing may not parse right now;
			// the compiler reports it, this test reports keys.
			t.Logf("skipping %s: %v", path, err)
			return nil
		}
		add := func(lit ast.Expr, strict bool) {
			bl, ok := lit.(*ast.BasicLit)
			if !ok || bl.Kind != token.STRING {
				return
			}
			s, err := strconv.Unquote(bl.Value)
			if err != nil || (strict && !keyShape.MatchString(s)) {
				return
			}
			p := fset.Position(bl.Pos())
			rel, _ := filepath.Rel(root, p.Filename)
			keys = append(keys, usedKey{key: s, pos: fmt.Sprintf("%s:%d", rel, p.Line)})
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				switch fun := n.Fun.(type) {
				case *ast.SelectorExpr:
					if x, ok := fun.X.(*ast.Ident); ok && x.Name == "i18n" {
						switch fun.Sel.Name {
						case "T", "TMap", "Has":
							if len(n.Args) > 0 {
								add(n.Args[0], false)
							}
						}
					}
					if fun.Sel.Name == "Add" && len(n.Args) >= 2 {
						add(n.Args[1], true)
					}
				case *ast.Ident:
					if fun.Name == "formatError" && len(n.Args) > 0 {
						add(n.Args[0], false)
					}
				}
			case *ast.CompositeLit:
				if typeName(n.Type) == "FieldError" || typeName(n.Type) == "FormatError" {
					for _, el := range n.Elts {
						if kv, ok := el.(*ast.KeyValueExpr); ok {
							if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Key" {
								add(kv.Value, false)
							}
						}
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

func typeName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	}
	return ""
}

// TestKeysUsedInCodeExist checks that every message key written as a
// literal in the code exists in both languages, reporting all gaps at once.
func TestKeysUsedInCodeExist(t *testing.T) {
	root := moduleRoot(t)
	used := scanKeys(t, root)
	if len(used) == 0 {
		t.Fatal("no message keys found in the code; is the scanner broken?")
	}
	have := map[string]map[string]bool{"vi": {}, "en": {}}
	for _, area := range areas(t) {
		for lang := range have {
			f := filepath.Join("translations", area+"."+lang+".json")
			if _, err := os.Stat(f); err != nil {
				continue
			}
			for k := range loadCatalog(t, f) {
				have[lang][k] = true
			}
		}
	}
	where := map[string][]string{} // missing key -> positions
	for _, u := range used {
		if !have["vi"][u.key] || !have["en"][u.key] {
			where[u.key] = append(where[u.key], u.pos)
		}
	}
	missing := make([]string, 0, len(where))
	for k, pos := range where {
		var langs []string
		for _, lang := range []string{"vi", "en"} {
			if !have[lang][k] {
				langs = append(langs, lang)
			}
		}
		missing = append(missing, fmt.Sprintf("%q missing in %s (used at %s)", k, strings.Join(langs, ", "), strings.Join(pos, ", ")))
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("%d message keys used in code have no translation:\n%s", len(missing), strings.Join(missing, "\n"))
	}
}

// TestScanKeysFindsEveryForm runs the scanner over a small module written
// for the purpose, so a scanner that silently finds nothing fails.
func TestScanKeysFindsEveryForm(t *testing.T) {
	dir := t.TempDir()
	src := `package x

import "hoanhap/i18n"

func f(v *ValidationError, h Header) {
	_ = i18n.T("a.t", "Name", 1)
	_ = i18n.TMap("a.tmap", nil)
	v.Add("full_name", "a.add", "Max", 3)
	h.Add("Content-Type", "text/plain")
	_ = FieldError{Field: "x", Key: "a.field_error"}
	_ = caseload.FieldError{Key: "a.qualified"}
	_ = formatError("a.format", "in")
	_ = i18n.T(dynamic)
}
`
	files := map[string]string{
		"go.mod":             "module x\n",
		"x.go":               src,
		"x_test.go":          "package x\n\nvar _ = i18n.T(\"a.in_test\")\n",
		"testdata/y.go":      "package y\n\nvar _ = i18n.T(\"a.in_testdata\")\n",
		"sub/go.mod":         "module sub\n",
		"sub/z.go":           "package z\n\nvar _ = i18n.T(\"a.other_module\")\n",
		"broken/b.go":        "package b\n\nfunc (",
		"nested/deeper/n.go": "package n\n\nvar _ = i18n.T(`a.raw`)\n",
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	for _, k := range scanKeys(t, dir) {
		got = append(got, k.key)
	}
	sort.Strings(got)
	want := []string{"a.add", "a.field_error", "a.format", "a.qualified", "a.raw", "a.t", "a.tmap"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("scanKeys found %q, want %q", got, want)
	}
}
