package tmpexp

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"hoanhap/store"
)

func TestExp(t *testing.T) {
	for _, drop := range [][]string{nil, {"cache"}, {"cache", "idx:visit_date", "idx:visit_live_date"}, {"cache"}} {
		dir := t.TempDir()
		st, err := store.Open(filepath.Join(dir, "a.db"))
		if err != nil {
			t.Fatal(err)
		}
		st.Close()
		db, _ := sql.Open("sqlite", store.DSN(filepath.Join(dir, "a.db")))
		db.SetMaxOpenConns(1)
		for _, d := range drop {
			if d == "cache" {
				db.Exec("PRAGMA cache_size = -65536")
				continue
			}
			if len(d) > 4 && d[:4] == "idx:" {
				db.Exec("DROP INDEX " + d[4:])
			} else {
				db.Exec("DROP TRIGGER " + d)
			}
		}
		tx, _ := db.Begin()
		ps, _ := tx.Prepare(`INSERT INTO person (id, owner, ver, updated_at, updated_by, hlc, full_name, gender, status) VALUES (?, 'o', 1, 'x', 'x', 'h', 'Tên', 'male', 'managed')`)
		for i := 0; i < 10000; i++ {
			ps.Exec(fmt.Sprintf("p%05d", i))
		}
		tx.Commit()
		start := time.Now()
		tx, _ = db.Begin()
		vs, err := tx.Prepare(`INSERT INTO visit (id, owner, ver, updated_at, updated_by, hlc, person_id, date, author_kind, author_name, kind) VALUES (?, 'o', 1, 'x', 'x', 'h', ?, ?, 'officer', 'Lê', 'home')`)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 100000; i++ {
			if _, err := vs.Exec(fmt.Sprintf("v%06d", i), fmt.Sprintf("p%05d", i%10000), fmt.Sprintf("2026-%02d-%02d", 1+i%11, 1+i%28)); err != nil {
				t.Fatal(err)
			}
		}
		tx.Commit()
		t.Logf("drop %v: %v", drop, time.Since(start))
		db.Close()
	}
}
