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

// The supervision benchmarks run on an office-scale fixture of 100,000
// people and 1,000,000 visits with a province-like mix (see svBuildFixture),
// on 03/07/2026: the third day of a quarter, when the quarterly reports and
// the classifications of the previous quarter are due, the busiest day of
// the worklist. The fixture is built once per process, only when a
// benchmark runs (go test -bench Supervision ./store/); plain `go test`
// never builds it.

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
	svBenchDir   string // removed by TestMain (bench_test.go)
)

func svBenchFixture(b *testing.B) (*Store, []string) {
	b.Helper()
	svBenchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "hoanhap-svbench")
		if err != nil {
			svBenchErr = err
			return
		}
		svBenchDir = dir
		svBenchStore, svBenchIDs, svBenchErr = svBuildFixture(filepath.Join(dir, "bench.db"))
	})
	if svBenchErr != nil {
		b.Fatal(svBenchErr)
	}
	return svBenchStore, svBenchIDs
}

// svBenchCase is one generated person of the fixture.
type svBenchCase struct {
	id, status, grp string
	since           caseload.Date // reception session
	mentor          bool
	lastVisit       caseload.Date
	reported        bool // quarterly report for Q3/2026 already in
	visits          int
}

// svBuildFixture fills a new store with raw bulk inserts (the visit
// summary triggers are dropped during the load and the summary is rebuilt
// with one statement, then the triggers are restored from the migration).
//
// The mix: 85% managed, 5% expected (with their prison notice), 10% ended.
// Managed people: groups A 40%, B 35%, C 12%, D 3%, not yet classified 10%;
// released between 1 month and 3 years ago (5% up to 5 years, waiting for
// their civil obligations before expungement); 97.5% with a
// mentor, 98% with their management file opened; 92% visited within their
// group's cadence, the others overdue by 1–60 days; 60% have sent this
// quarter's report and 60% are classified for the previous quarter. The
// 1,000,000 visits are shared out in proportion to how long each person
// has been managed divided by the cadence.
func svBuildFixture(path string) (*Store, []string, error) {
	s, err := Open(path)
	if err != nil {
		return nil, nil, err
	}
	ctx := context.Background()
	r := rand.New(rand.NewPCG(1, 2))
	today := svBenchToday
	ids := make([]string, svBenchPeople)
	mentors := make([]string, 500)
	cadence := map[string]int{"A": 90, "B": 30, "C": 14, "D": 90, "": 30}
	cases := make([]svBenchCase, svBenchPeople)
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
			status, grp, sentence_kind, sentence_months, offense_chapter, completed_on, returned_on,
			civil_amount, civil_none, civil_settled_on) VALUES (?, ` + meta + `, ?, 'male', '1980', ?, ?, 'prison', ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		nst, _ := tx.Prepare(`INSERT INTO notice (id, owner, ver, updated_at, updated_by, hlc, person_id, sender, notice_date,
			expected_release, address_check, address_checked_on) VALUES (?, ` + meta + `, ?, 'Trại giam Ba Sao', ?, ?, ?, ?)`)
		rst, _ := tx.Prepare(`INSERT INTO reception (id, owner, ver, updated_at, updated_by, hlc, person_id, session_date,
			officer, counselling_done, file_opened_on) VALUES (?, ` + meta + `, ?, ?, 'Hải', 1, ?)`)
		ast, _ := tx.Prepare(`INSERT INTO assignment (id, owner, ver, updated_at, updated_by, hlc, person_id, mentor_id,
			from_date) VALUES (?, ` + meta + `, ?, ?, ?)`)
		cst, _ := tx.Prepare(`INSERT INTO classification (id, owner, ver, updated_at, updated_by, hlc, person_id, quarter,
			grp, classified_on) VALUES (?, ` + meta + `, ?, ?, 'B', ?)`)
		totalWeight := 0.0
		weights := make([]float64, len(ids))
		for i := range ids {
			ids[i] = NewID()
			c := &cases[i]
			c.id = ids[i]
			switch x := r.IntN(100); {
			case x < 85:
				c.status = "managed"
			case x < 90:
				c.status = "expected"
			default:
				c.status = "ended"
			}
			if c.status == "managed" {
				switch x := r.IntN(100); {
				case x < 40:
					c.grp = "A"
				case x < 75:
					c.grp = "B"
				case x < 87:
					c.grp = "C"
				case x < 90:
					c.grp = "D"
				}
			}
			// Management normally ends at expungement (2 years after a
			// prison term ≤ 5 years, 3 years above, BLHS Art. 70), so the
			// managed are mostly released within the last 2–3 years; a few
			// older cases wait for their civil obligations.
			months, completed := 6+r.IntN(55), caseload.Date{}
			civilAmount, civilNone, settled := 0, 1, ""
			switch x := r.IntN(100); {
			case c.status == "expected":
				completed = today.AddDays(r.IntN(60) - 20)
			case c.status == "ended":
				completed = today.AddDays(-2*365 - r.IntN(4*365))
			case x < 85:
				completed = today.AddDays(-30 - r.IntN(700))
			case x < 95:
				months, completed = 61+r.IntN(120), today.AddDays(-30-r.IntN(1060))
			default:
				completed, civilAmount, civilNone = today.AddDays(-3*365-r.IntN(2*365)), 12_000_000, 0
			}
			if civilNone == 1 && r.IntN(100) < 15 {
				civilAmount, civilNone = 5_000_000, 0
				settled = caseload.MaxDate(completed, today.AddDays(-r.IntN(400))).String()
			}
			chapter := 0
			if r.IntN(50) == 0 {
				chapter = 13
			}
			ret := completed.AddDays(1 + r.IntN(3))
			retText := ret.String()
			if c.status == "expected" {
				retText = ""
			}
			if _, err := pst.Exec(ids[i], fmt.Sprintf("Nguyễn Văn Người%d", i), c.status, c.grp, months, chapter,
				completed.String(), retText, civilAmount, civilNone, settled); err != nil {
				return err
			}
			switch c.status {
			case "expected":
				noticeDate := completed.AddDays(-60)
				check, checkedOn := "confirmed", noticeDate.AddDays(2).String()
				if today.DaysUntil(noticeDate) > -7 {
					check, checkedOn = "", ""
				}
				if _, err := nst.Exec(NewID(), ids[i], noticeDate.String(), completed.String(), check, checkedOn); err != nil {
					return err
				}
				continue
			case "ended":
				continue
			}
			c.since = ret.AddDays(r.IntN(4))
			opened := c.since.AddDays(3).String()
			if r.IntN(50) == 0 {
				opened = ""
			}
			if _, err := rst.Exec(NewID(), ids[i], c.since.String(), opened); err != nil {
				return err
			}
			if c.mentor = r.IntN(40) != 0; c.mentor {
				if _, err := ast.Exec(NewID(), ids[i], mentors[i%len(mentors)], c.since.AddDays(2).String()); err != nil {
					return err
				}
			}
			quarter, on := "2026-Q1", "2026-04-10"
			if r.IntN(10) < 6 {
				quarter, on = "2026-Q2", "2026-07-02"
			}
			if c.grp != "" && c.since.Before(caseload.D(2026, 4, 1)) {
				if _, err := cst.Exec(NewID(), ids[i], quarter, on); err != nil {
					return err
				}
			}
			// The latest visit: within the cadence for 92%, overdue by 1–60 days otherwise.
			cad := cadence[c.grp]
			back := r.IntN(cad)
			if r.IntN(100) < 8 {
				back = cad + 1 + r.IntN(60)
			}
			c.reported = c.mentor && c.grp != "D" && r.IntN(10) < 6
			if c.reported {
				back = r.IntN(13) // this quarter's report, 21/06–03/07
			}
			c.lastVisit = today.AddDays(-back)
			if c.lastVisit.Before(c.since) {
				c.lastVisit = c.since
			}
			weights[i] = float64(c.since.DaysUntil(c.lastVisit)+cad) / float64(cad)
			totalWeight += weights[i]
		}
		// Share the visits out in proportion to the weights (at least one each).
		left := svBenchVisits
		for i := range cases {
			if cases[i].status == "managed" {
				cases[i].visits = 1
				left--
			}
		}
		for i := range cases {
			if cases[i].status == "managed" && left > 0 {
				n := min(int(weights[i]/totalWeight*float64(svBenchVisits)), left)
				cases[i].visits += n
				left -= n
			}
		}
		for i := 0; left > 0; i = (i + 1) % len(cases) {
			if cases[i].status == "managed" {
				cases[i].visits++
				left--
			}
		}
		vst, err := tx.Prepare(`INSERT INTO visit (id, owner, ver, updated_at, updated_by, hlc, person_id, date, author_kind,
			author_name, kind, employment, attitude) VALUES (?, ` + meta + `, ?, ?, 'mentor', 'Người giúp đỡ', ?, 'thợ hồ', 'chấp hành tốt')`)
		if err != nil {
			return err
		}
		kinds := []string{"home", "home", "home", "phone", "office"}
		for i := range cases {
			c := &cases[i]
			if c.status != "managed" {
				continue
			}
			// Visits from the session to the latest one, evenly spaced;
			// the first visit of each quarter is the mentor's report.
			span := c.since.DaysUntil(c.lastVisit)
			lastQuarter := ""
			for k := 0; k < c.visits; k++ {
				d := c.lastVisit
				if c.visits > 1 {
					d = c.since.AddDays(span * k / (c.visits - 1))
				}
				kind := kinds[r.IntN(len(kinds))]
				y, q := caseload.QuarterOf(d.AddDays(caseload.ReportEarlyDays))
				if ql := caseload.QuarterLabel(y, q); c.mentor && ql != lastQuarter &&
					(ql != "2026-Q3" || c.reported) {
					kind, lastQuarter = "quarterly_report", ql
				}
				if _, err := vst.Exec(NewID(), c.id, d.String(), kind); err != nil {
					return err
				}
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

// svBenchVisit records one visit through the store, as an officer would
// between two looks at the worklist.
func svBenchVisit(b *testing.B, s *Store, personID string) {
	b.Helper()
	v := caseload.Visit{PersonID: personID, Date: svBenchToday, AuthorKind: caseload.AuthorOfficer,
		AuthorName: "Thượng úy Lê Văn Hải", Kind: caseload.VisitHome, Attitude: "chấp hành tốt"}
	if err := s.AddVisit(context.Background(), &v); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkSupervisionWorklist100k: the whole worklist at office scale
// (target < 300 ms), as the overview shows it after a visit was recorded:
// the cache is warm and the changed person is read again.
func BenchmarkSupervisionWorklist100k(b *testing.B) {
	s, ids := svBenchFixture(b)
	ctx := context.Background()
	if _, err := s.Worklist(ctx, svBenchToday); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var n int
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		svBenchVisit(b, s, ids[(i*7919+1)%len(ids)])
		b.StartTimer()
		items, err := s.Worklist(ctx, svBenchToday)
		if err != nil {
			b.Fatal(err)
		}
		n = len(items)
	}
	b.ReportMetric(float64(n), "items")
}

// BenchmarkSupervisionWorklistFor100k: one mentor's worklist (about 170
// people) among 100,000 people.
func BenchmarkSupervisionWorklistFor100k(b *testing.B) {
	s, ids := svBenchFixture(b)
	ctx := context.Background()
	a, err := s.ActiveAssignment(ctx, ids[1])
	if err != nil {
		a, err = s.ActiveAssignment(ctx, ids[2])
	}
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var n int
	for i := 0; i < b.N; i++ {
		items, err := s.WorklistFor(ctx, svBenchToday, a.MentorID)
		if err != nil {
			b.Fatal(err)
		}
		n = len(items)
	}
	b.ReportMetric(float64(n), "items")
}

// BenchmarkSupervisionWorklistCold100k: the first worklist after opening
// the database, which reads every expected and managed person.
func BenchmarkSupervisionWorklistCold100k(b *testing.B) {
	s, _ := svBenchFixture(b)
	ctx := context.Background()
	b.ResetTimer()
	var n int
	for i := 0; i < b.N; i++ {
		s.dropWorklistCache()
		items, err := s.Worklist(ctx, svBenchToday)
		if err != nil {
			b.Fatal(err)
		}
		n = len(items)
	}
	b.ReportMetric(float64(n), "items")
}

// BenchmarkSupervisionWorklistRawSQL100k is the baseline of the cold load:
// the same bulk SELECTs, rows scanned into untyped values, no decoding, no
// rules.
func BenchmarkSupervisionWorklistRawSQL100k(b *testing.B) {
	s, _ := svBenchFixture(b)
	queries := []string{
		`SELECT ` + worklistPersonCols + worklistPersonFrom,
		`SELECT ` + noticeCols + ` FROM notice WHERE deleted = 0
			AND person_id IN (SELECT id FROM person WHERE status = 'expected' AND deleted = 0)`,
		`SELECT person_id, id, session_date, file_opened_on FROM reception WHERE deleted = 0`,
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
