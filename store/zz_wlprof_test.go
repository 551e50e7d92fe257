package store

import (
	"context"
	"os"
	"testing"
	"time"

	"hoanhap/caseload"
)

func TestZZWlProf(t *testing.T) {
	path := os.Getenv("WLPROF")
	if path == "" {
		t.Skip()
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for _, q := range []string{
		`SELECT ` + worklistPersonCols + ` FROM person WHERE deleted = 0 AND status IN ('expected', 'managed')`,
		`SELECT id, full_name, status FROM person WHERE deleted = 0 AND status IN ('expected', 'managed')`,
		`SELECT ` + noticeCols + ` FROM notice WHERE deleted = 0 AND person_id IN (SELECT id FROM person WHERE status = 'expected' AND deleted = 0)`,
		`SELECT person_id, id, session_date, file_opened_on FROM reception WHERE deleted = 0`,
		`SELECT person_id, mentor_id FROM assignment WHERE to_date = '' AND deleted = 0`,
		`SELECT person_id, last_visit, last_report FROM visit_summary`,
		`SELECT person_id, last_quarter FROM classification_summary`,
	} {
		t0 := time.Now()
		n := 0
		svRows(ctx, s, q, nil, func(v []string) { n++ })
		t.Logf("%6d rows %v  %.60s", n, time.Since(t0), q)
	}
	t0 := time.Now()
	cases, err := loadWorkCases(ctx, s, -1)
	t.Logf("load %v %d", time.Since(t0), len(cases))
	list := make([]*caseload.WorkCase, 0, len(cases))
	for _, c := range cases {
		list = append(list, c)
	}
	t0 = time.Now()
	cal, _ := s.Calendar(ctx)
	t.Logf("calendar %v", time.Since(t0))
	var items []caseload.WorkItem
	for i := 0; i < 5; i++ {
		t0 = time.Now()
		items = caseload.WorklistOf(list, caseload.D(2026, 7, 3), cal, nil)
		t.Logf("rules %v %d", time.Since(t0), len(items))
	}
	kinds := map[string]int{}
	for _, it := range items {
		kinds[it.Kind]++
	}
	t.Logf("%v", kinds)
	s.Worklist(ctx, caseload.D(2026, 7, 3))
	var seq int64
	s.db.QueryRow(`SELECT n FROM worklist_seq`).Scan(&seq)
	s.db.Exec(`UPDATE person SET notes = 'x' WHERE id = (SELECT id FROM person LIMIT 1 OFFSET 500)`)
	t0 = time.Now()
	_, err = loadWorkCases(ctx, s, seq)
	t.Logf("incremental %v %v", time.Since(t0), err)
	rows, _ := s.db.Query(`EXPLAIN QUERY PLAN SELECT id FROM person WHERE deleted = 0 AND status IN ('expected', 'managed') AND id IN (SELECT person_id FROM worklist_change WHERE seq > ?)`, seq)
	for rows.Next() {
		var a, b, c int
		var d string
		rows.Scan(&a, &b, &c, &d)
		t.Log(d)
	}
	rows.Close()
}
