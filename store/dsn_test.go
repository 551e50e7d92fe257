package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDSNForms(t *testing.T) {
	for _, c := range []struct {
		path    string
		windows bool
		wd      string
		prefix  string
	}{
		{"/home/cb/Hòa Nhập #1/hoanhap.db", false, "/tmp", "file:/home/cb/H%C3%B2a%20Nh%E1%BA%ADp%20%231/hoanhap.db?"},
		{`C:\Users\Cán bộ\AppData\Roaming\HoaNhap\hoanhap.db`, true, `D:\`, "file:///C:/Users/C%C3%A1n%20b%E1%BB%99/AppData/Roaming/HoaNhap/hoanhap.db?"},
		// A relative data folder (--data data) is taken from the working
		// directory: never file:///data/... on Windows nor file:data/... on Linux.
		{"data/hoanhap.db", false, "/home/cb/Hòa Nhập", "file:/home/cb/H%C3%B2a%20Nh%E1%BA%ADp/data/hoanhap.db?"},
		{"./dữ liệu/../data/hoanhap.db", false, "/srv", "file:/srv/data/hoanhap.db?"},
		{`data\hoanhap.db`, true, `C:\Users\Cán bộ\Desktop`, "file:///C:/Users/C%C3%A1n%20b%E1%BB%99/Desktop/data/hoanhap.db?"},
		{`..\data\hoanhap.db`, true, `E:\HoaNhap\app`, "file:///E:/HoaNhap/data/hoanhap.db?"},
		// Rooted without a drive: the drive of the working directory.
		{`\data\hoanhap.db`, true, `E:\HoaNhap`, "file:///E:/data/hoanhap.db?"},
		// Drive-relative on the working directory's drive.
		{`c:data\hoanhap.db`, true, `C:\Users\cb`, "file:///C:/Users/cb/data/hoanhap.db?"},
	} {
		got := dsnFor(c.path, c.windows, c.wd)
		if !strings.HasPrefix(got, c.prefix) {
			t.Errorf("dsnFor(%q, windows=%v, wd=%q) = %q, want prefix %q", c.path, c.windows, c.wd, got, c.prefix)
		}
		for _, p := range []string{"foreign_keys%281%29", "journal_mode%28WAL%29", "busy_timeout", "_txlock=immediate"} {
			if !strings.Contains(got, p) {
				t.Errorf("dsnFor(%q) lacks %s: %s", c.path, p, got)
			}
		}
	}
}

// TestOpenRelativePath opens a store through a relative path: the file is
// created under the working directory and Path is absolute.
func TestOpenRelativePath(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.Mkdir("data", 0o700); err != nil {
		t.Fatal(err)
	}
	s, err := Open(filepath.Join("data", "hoanhap.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	wd, _ := os.Getwd()
	if want := filepath.Join(wd, "data", "hoanhap.db"); s.Path() != want {
		t.Errorf("Path() = %q, want %q", s.Path(), want)
	}
	if _, err := os.Stat(filepath.Join(wd, "data", "hoanhap.db")); err != nil {
		t.Errorf("database not created under the working directory: %v", err)
	}
	if d := DSN("data/hoanhap.db"); !strings.HasPrefix(d, "file:"+filepath.ToSlash(wd)) && !strings.HasPrefix(d, "file:///") {
		t.Errorf("DSN of a relative path = %q, want it absolute", d)
	}
}

// TestTempStoreInMemory checks that every connection keeps temporary
// tables and statement journals in memory: a bulk write wrote each page
// again into a temporary file otherwise (a third of a load's time), and
// plaintext records would land in the system's temp folder.
func TestTempStoreInMemory(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "temp.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var mode int
	if err := s.db.QueryRow(`PRAGMA temp_store`).Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if mode != 2 {
		t.Errorf("temp_store = %d, want 2 (memory)", mode)
	}
}
