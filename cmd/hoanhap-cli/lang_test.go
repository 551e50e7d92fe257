package main

import (
	"strings"
	"testing"
)

func TestLangMustBeViOrEn(t *testing.T) {
	dir := t.TempDir()
	for _, lang := range []string{"fr", "vn", "english", ""} {
		var out, errOut strings.Builder
		code := run([]string{"--data", dir, "--lang", lang, "dump"}, strings.NewReader(""), &out, &errOut)
		if code != 2 {
			t.Errorf("--lang %q: exit %d, want 2", lang, code)
		}
		if !strings.Contains(errOut.String(), "Ngôn ngữ không hợp lệ cho --lang") || !strings.Contains(errOut.String(), "vi") {
			t.Errorf("--lang %q: stderr %q", lang, errOut.String())
		}
		if out.Len() != 0 {
			t.Errorf("--lang %q: stdout %q", lang, out.String())
		}
	}
	ensureStore(t, dir)
	for _, lang := range []string{"vi", "en", "EN"} {
		var out, errOut strings.Builder
		if code := run([]string{"--data", dir, "--lang", lang, "dump"}, strings.NewReader(""), &out, &errOut); code != 0 {
			t.Errorf("--lang %s: exit %d: %s", lang, code, errOut.String())
		}
	}
}
