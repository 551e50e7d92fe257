package store

import (
	"strings"
	"testing"
)

func TestDSNForms(t *testing.T) {
	for _, c := range []struct {
		path    string
		windows bool
		prefix  string
	}{
		{"/home/cb/Hòa Nhập #1/hoanhap.db", false, "file:/home/cb/H%C3%B2a%20Nh%E1%BA%ADp%20%231/hoanhap.db?"},
		{`C:\Users\Cán bộ\AppData\Roaming\HoaNhap\hoanhap.db`, true, "file:///C:/Users/C%C3%A1n%20b%E1%BB%99/AppData/Roaming/HoaNhap/hoanhap.db?"},
	} {
		got := dsnFor(c.path, c.windows)
		if !strings.HasPrefix(got, c.prefix) {
			t.Errorf("dsnFor(%q, windows=%v) = %q, want prefix %q", c.path, c.windows, got, c.prefix)
		}
		for _, p := range []string{"foreign_keys%281%29", "journal_mode%28WAL%29", "busy_timeout", "_txlock=immediate"} {
			if !strings.Contains(got, p) {
				t.Errorf("dsnFor(%q) lacks %s: %s", c.path, p, got)
			}
		}
	}
}
