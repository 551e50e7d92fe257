package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"hoanhap/caseload"
)

func TestOpenAwkwardPath(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Dữ liệu #1 Hòa Nhập")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "ca sử dụng #2.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	p := testPerson("Nguyễn Văn Đức", caseload.Male, 1985, "")
	mustSave(t, s, &p)
	s.Close()

	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		t.Fatalf("database not at %q: %v", path, err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "ca sử dụng #2.db" && filepath.Ext(e.Name()) == ".db" {
			t.Errorf("stray database file %q", e.Name())
		}
	}
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if s2.PeopleCount() != 1 {
		t.Errorf("reopened store has %d people", s2.PeopleCount())
	}
	var names []string
	rows, err := s2.db.Query(`SELECT name FROM schema_migrations ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, n)
	}
	if len(names) == 0 || names[0] != "migrations/0001_core.sql" {
		t.Errorf("migrations recorded = %q", names)
	}
	if v, err := s2.SchemaVersion(context.Background()); err != nil || v != names[len(names)-1] {
		t.Errorf("SchemaVersion = %q, %v", v, err)
	}
}
