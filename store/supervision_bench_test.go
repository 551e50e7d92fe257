package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"testing"

	"hoanhap/caseload"
)

// The supervision benchmarks run on an office-scale fixture: 100,000
// people (90% managed), 1,000,000 visits, one active assignment and one
// reception per managed person, classifications for the previous quarter.
// The fixture is built once per process, only when a benchmark runs
// (go test -bench Supervision ./store/); plain `go test` never builds it.

const (
	svBenchPeople = 100_000
	svBenchVisits = 1_000_000
)

var (
	svBenchOnce  sync.Once
	svBenchStore *Store
	svBenchIDs   []string
	svBenchErr   error
	svBenchToday = caseload.D(2026, 7, 3)
)

func svBenchFixture(b *testing.B) (*Store, []string) {
	b.Helper()
	svBenchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "hoanhap-svbench")
		if err != nil {
			svBenchErr = err
			return
		}
		svBenchStore, svBenchIDs, svBenchErr = svBuildFixture(filepath.Join(dir, "bench.db"))
	})
	if svBenchErr != nil {
		b.Fatal(svBenchErr)
	}
	return svBenchStore, svBenchIDs
}

// svBuildFixture fills a new store with raw bulk inserts (the visit
// summary triggers are dropped during the load and the summary is rebuilt
// with one statement, then the triggers are restored from the migration).
func svBuildFixture(path string) (*Store, []string, error) {
	s, err := Open(path)
	if err != nil {
		return nil, nil, err
	}
	ctx := context.Background()
	r := rand.New(rand.NewPCG(1, 2))
	ids := make([]string, svBenchPeople)
	mentors := make([]string, 500)
	groups := []string{"A", "B", "B", "C", "D", ""}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		for _, q := range []string{`DROP TRIGGER visit_summary_insert`, `DROP TRIGGER visit_summary_update`} {
			if _, err := tx.Exec(q); err != nil {
				return err
			}
		}
		meta := `'n', 1, '2026-01-01T00:00:00Z', 'bench', 'h'`
		for i := range mentors {
			mentors[i] = NewID()
			if _, err := tx.Exec(`INSERT INTO mentor (id, owner, ver, updated_at, updated_by, hlc, kind, name, organisation)
				VALUES (?, `+meta+`, 'person', ?, 'women_union')`, mentors[i], fmt.Sprintf("Người giúp đỡ %d", i)); err != nil {
				return err
			}
		}
		pst, err := tx.Prepare(`INSERT INTO person (id, owner, ver, updated_at, updated_by, hlc, full_name, gender, birth_date,
			status, grp, sentence_kind, sentence_months, completed_on, returned_on, civil_none)
			VALUES (?, ` + meta + `, ?, 'male', '1980', ?, ?, 'prison', ?, ?, ?, 1)`)
		if err != nil {
			return err
		}
		rst, _ := tx.Prepare(`INSERT INTO reception (id, owner, ver, updated_at, updated_by, hlc, person_id, session_date,
			officer, counselling_done, file_opened_on) VALUES (?, ` + meta + `, ?, ?, 'Hải', 1, ?)`)
		ast, _ := tx.Prepare(`INSERT INTO assignment (id, owner, ver, updated_at, updated_by, hlc, person_id, mentor_id,
			from_date) VALUES (?, ` + meta + `, ?, ?, ?)`)
		cst, _ := tx.Prepare(`INSERT INTO classification (id, owner, ver, updated_at, updated_by, hlc, person_id, quarter,
			grp, classified_on) VALUES (?, ` + meta + `, ?, '2026-Q2', 'B', '2026-07-02')`)
		for i := range ids {
			ids[i] = NewID()
			status, grp := "managed", groups[i%len(groups)]
			if i%10 == 0 {
				status, grp = "expected", ""
			}
			completed := caseload.D(2019, 1, 1).AddDays(r.IntN(7 * 365))
			ret := completed.AddDays(3)
			if _, err := pst.Exec(ids[i], fmt.Sprintf("Nguyễn Văn Người%d", i), status, grp, 12+r.IntN(100),
				completed.String(), ret.String()); err != nil {
				return err
			}
			if status != "managed" {
				continue
			}
			opened := ret.AddDays(4).String()
			if i%50 == 1 {
				opened = ""
			}
			if _, err := rst.Exec(NewID(), ids[i], ret.String(), opened); err != nil {
				return err
			}
			if i%40 != 3 {
				if _, err := ast.Exec(NewID(), ids[i], mentors[i%len(mentors)], ret.AddDays(2).String()); err != nil {
					return err
				}
			}
			if i%3 != 0 {
				if _, err := cst.Exec(NewID(), ids[i]); err != nil {
					return err
				}
			}
		}
		vst, err := tx.Prepare(`INSERT INTO visit (id, owner, ver, updated_at, updated_by, hlc, person_id, date, author_kind,
			author_name, kind, employment, attitude) VALUES (?, ` + meta + `, ?, ?, 'mentor', 'Người giúp đỡ', ?, 'thợ hồ', 'chấp hành tốt')`)
		if err != nil {
			return err
		}
		for i := 0; i < svBenchVisits; i++ {
			kind := "home"
			if i%8 == 0 {
				kind = "quarterly_report"
			}
			d := svBenchToday.AddDays(-r.IntN(900))
			if _, err := vst.Exec(NewID(), ids[r.IntN(len(ids))], d.String(), kind); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(`INSERT INTO visit_summary (person_id, last_visit, last_report)
			SELECT person_id, max(date), coalesce(max(CASE WHEN kind = 'quarterly_report' THEN date END), '')
			FROM visit WHERE deleted = 0 GROUP BY person_id`); err != nil {
			return err
		}
		body, err := migrations.ReadFile("migrations/0002_supervision.sql")
		if err != nil {
			return err
		}
		for _, trig := range regexp.MustCompile(`(?s)CREATE TRIGGER.*?END;`).FindAllString(string(body), -1) {
			if _, err := tx.Exec(trig); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		s.Close()
		return nil, nil, err
	}
	if _, err := s.db.Exec(`ANALYZE`); err != nil {
		return nil, nil, err
	}
	return s, ids, nil
}

// BenchmarkSupervisionWorklist100k: the whole worklist at office scale
// (target < 300 ms).
func BenchmarkSupervisionWorklist100k(b *testing.B) {
	s, _ := svBenchFixture(b)
	ctx := context.Background()
	b.ResetTimer()
	var n int
	for i := 0; i < b.N; i++ {
		items, err := s.Worklist(ctx, svBenchToday)
		if err != nil {
			b.Fatal(err)
		}
		n = len(items)
	}
	b.ReportMetric(float64(n), "items")
}

// BenchmarkSupervisionWorklistRawSQL100k is the baseline: the same bulk
// SELECTs, rows scanned into strings, no domain decoding or rules.
func BenchmarkSupervisionWorklistRawSQL100k(b *testing.B) {
	s, _ := svBenchFixture(b)
	queries := []string{
		`SELECT ` + worklistPersonCols + ` FROM person WHERE deleted = 0 AND status IN ('expected', 'managed')`,
		`SELECT ` + svPrefix("r.", receptionCols) + ` FROM reception r WHERE r.deleted = 0`,
		`SELECT person_id, mentor_id FROM assignment WHERE to_date = '' AND deleted = 0`,
		`SELECT person_id, last_visit, last_report FROM visit_summary`,
		`SELECT person_id, max(quarter) FROM classification WHERE quarter >= '2026-Q2' AND deleted = 0 GROUP BY person_id`,
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, q := range queries {
			rows, err := s.db.Query(q)
			if err != nil {
				b.Fatal(err)
			}
			cols, _ := rows.Columns()
			dst := make([]any, len(cols))
			for j := range dst {
				dst[j] = new(any)
			}
			for rows.Next() {
				if err := rows.Scan(dst...); err != nil {
					b.Fatal(err)
				}
			}
			rows.Close()
		}
	}
}

// BenchmarkSupervisionVisitLog1M: one person's visit log among 1,000,000
// visits (target < 20 ms).
func BenchmarkSupervisionVisitLog1M(b *testing.B) {
	s, ids := svBenchFixture(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.VisitLog(ctx, ids[i%len(ids)]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSupervisionVisitLogRawSQL1M is the baseline: a plain indexed
// SELECT of the same rows without the correction join or decoding.
func BenchmarkSupervisionVisitLogRawSQL1M(b *testing.B) {
	s, ids := svBenchFixture(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rows, err := s.db.Query(`SELECT `+visitCols+` FROM visit WHERE person_id = ? AND deleted = 0 ORDER BY date DESC`, ids[i%len(ids)])
		if err != nil {
			b.Fatal(err)
		}
		for rows.Next() {
		}
		rows.Close()
	}
}
