package report_test

// Office-scale benchmarks (100,000 people, 1,000,000 visits; docs/ARCHITECTURE.md
// section 12). They run only with -bench, e.g.
//
//	CGO_ENABLED=0 go test -tags ci,migrated_fynedo -run '^$' -bench . -benchtime 3x ./report/
//
// The fixture is built once per process with raw bulk inserts.

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/xuri/excelize/v2"

	"hoanhap/caseload"
	"hoanhap/report"
	"hoanhap/report/importxlsx"
	"hoanhap/store"
)

const (
	benchPeople = 100_000
	benchVisits = 1_000_000
)

var (
	benchOnce sync.Once
	benchPath string
	benchErr  error
)

// benchStore opens the 100k/1M fixture (built on first use).
func benchStore(b *testing.B) *store.Store {
	b.Helper()
	benchOnce.Do(func() {
		// A fixture built by an earlier run (it is left in the temporary
		// folder) may be named to save the minutes of building it again.
		if p := os.Getenv("HOANHAP_REPORT_BENCH_DB"); p != "" {
			benchPath = p
			return
		}
		dir, err := os.MkdirTemp("", "hoanhap-report-bench-")
		if err != nil {
			benchErr = err
			return
		}
		benchPath = filepath.Join(dir, "office.db")
		benchErr = buildBenchFixture(benchPath)
	})
	if benchErr != nil {
		b.Fatalf("fixture: %v", benchErr)
	}
	st, err := store.Open(benchPath)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// buildBenchFixture writes people returned 2016–2026 (85% managed, 10%
// ended, 5% expected), their classifications, 1,000,000 visits, new
// offences, supports and loans. The visit-summary triggers are set aside
// during the bulk insert and the summary rebuilt, as the store's own
// benchmarks do.
func buildBenchFixture(path string) error {
	st, err := store.Open(path)
	if err != nil {
		return err
	}
	st.Close()
	db, err := sql.Open("sqlite", store.DSN(path))
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var triggers []string
	rows, err := tx.Query(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN ('visit_summary_insert', 'visit_summary_update')`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var s string
		rows.Scan(&s)
		triggers = append(triggers, s)
	}
	rows.Close()
	for _, q := range []string{`DROP TRIGGER visit_summary_insert`, `DROP TRIGGER visit_summary_update`} {
		if _, err := tx.Exec(q); err != nil {
			return err
		}
	}
	meta := `'n', 1, '2026-01-01T00:00:00Z', 'bench', 'h'`
	pst, err := tx.Prepare(`INSERT INTO person (id, owner, ver, updated_at, updated_by, hlc, full_name, gender, birth_date,
		status, grp, sentence_kind, sentence_months, release_kind, employed_before, completed_on, returned_on,
		end_reason, end_decision_date, expunged_on) VALUES (?, ` + meta + `, ?, ?, '1980', ?, ?, 'prison', 24, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	cst, _ := tx.Prepare(`INSERT INTO classification (id, owner, ver, updated_at, updated_by, hlc, person_id, quarter, grp, classified_on)
		VALUES (?, ` + meta + `, ?, ?, ?, ?)`)
	vst, _ := tx.Prepare(`INSERT INTO visit (id, owner, ver, updated_at, updated_by, hlc, person_id, date, author_kind, kind)
		VALUES (?, ` + meta + `, ?, ?, 'mentor', 'home')`)
	rst, _ := tx.Prepare(`INSERT INTO recidivism (id, owner, ver, updated_at, updated_by, hlc, person_id, date, offense_on)
		VALUES (?, ` + meta + `, ?, ?, ?)`)
	sst, _ := tx.Prepare(`INSERT INTO support (id, owner, ver, updated_at, updated_by, hlc, person_id, kind, date)
		VALUES (?, ` + meta + `, ?, ?, ?)`)
	r := rand.New(rand.NewPCG(7, 11))
	start := caseload.D(2016, 1, 1)
	span := start.DaysUntil(caseload.D(2026, 11, 30))
	groups := []string{"A", "A", "B", "B", "C", "D", ""}
	kinds := []string{"completed", "completed", "completed", "amnesty", "conditional_release"}
	ids := make([]string, benchPeople)
	returned := make([]caseload.Date, benchPeople)
	for i := range ids {
		ids[i] = uuid.NewString()
		ret := start.AddDays(r.IntN(span))
		returned[i] = ret
		status, reason, endOn, expunged := "managed", "", "", ""
		switch x := r.IntN(100); {
		case x < 5:
			status = "expected"
		case x < 15:
			status, reason = "ended", "moved_away"
			end := ret.AddDays(30 + r.IntN(1500))
			if end.After(caseload.D(2026, 11, 30)) {
				end = caseload.D(2026, 11, 30)
			}
			endOn = end.String()
			if x < 10 {
				reason, expunged = "expunged", endOn
			}
		}
		g := groups[r.IntN(len(groups))]
		gender := "male"
		if r.IntN(10) == 0 {
			gender = "female"
		}
		retS := ret.String()
		if status == "expected" {
			retS = ""
		}
		if _, err := pst.Exec(ids[i], fmt.Sprintf("Người %d", i), gender, status, g, kinds[r.IntN(len(kinds))],
			r.IntN(2), ret.AddDays(-3).String(), retS, reason, endOn, expunged); err != nil {
			return err
		}
		if status == "managed" && g != "" {
			on := caseload.D(2026, 10, 1).AddDays(-r.IntN(300))
			y, q := caseload.QuarterOf(on)
			if _, err := cst.Exec(uuid.NewString(), ids[i], caseload.QuarterLabel(y, q), g, on.String()); err != nil {
				return err
			}
		}
	}
	for k := 0; k < benchVisits; k++ {
		i := r.IntN(benchPeople)
		left := returned[i].DaysUntil(caseload.D(2026, 11, 30))
		if left < 1 {
			left = 1
		}
		if _, err := vst.Exec(uuid.NewString(), ids[i], returned[i].AddDays(r.IntN(left)).String()); err != nil {
			return err
		}
	}
	for k := 0; k < 5_000; k++ {
		i := r.IntN(benchPeople)
		d := returned[i].AddDays(30 + r.IntN(900))
		if _, err := rst.Exec(uuid.NewString(), ids[i], d.AddDays(60).String(), d.String()); err != nil {
			return err
		}
	}
	skinds := []string{"counselling", "employment", "training", "job_referral", "id_card"}
	for k := 0; k < 50_000; k++ {
		i := r.IntN(benchPeople)
		if _, err := sst.Exec(uuid.NewString(), ids[i], skinds[r.IntN(len(skinds))], returned[i].AddDays(r.IntN(200)).String()); err != nil {
			return err
		}
	}
	if _, err := tx.Exec(`INSERT OR REPLACE INTO visit_summary (person_id, last_visit, last_report)
		SELECT person_id, max(date), coalesce(max(CASE WHEN kind = 'quarterly_report' THEN date END), '')
		FROM visit WHERE deleted = 0 GROUP BY person_id`); err != nil {
		return err
	}
	for _, t := range triggers {
		if _, err := tx.Exec(t); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	_, err = db.Exec(`ANALYZE`)
	return err
}

// BenchmarkYearReport100k: the annual report (15/12/2025–14/12/2026) with
// its year table, at 100k people and 1M visits. Target < 1 s.
func BenchmarkYearReport100k(b *testing.B) {
	st := benchStore(b)
	p := report.YearOf(2026, report.DefaultCutoffDay)
	b.ResetTimer()
	for b.Loop() {
		r, err := report.Compute(context.Background(), st, p)
		if err != nil {
			b.Fatal(err)
		}
		if r.Indicators.ManagedEnd == 0 || r.Indicators.Visits == 0 {
			b.Fatalf("empty report %+v", r.Indicators)
		}
	}
}

// BenchmarkPastYearReport100k: the annual report of 2025, a period over,
// whose groups are those of the classifications in force on its last day.
func BenchmarkPastYearReport100k(b *testing.B) {
	st := benchStore(b)
	p := report.YearOf(2025, report.DefaultCutoffDay)
	b.ResetTimer()
	for b.Loop() {
		if _, err := report.Compute(context.Background(), st, p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCustomReport10Years100k: a custom range over ten years (ten
// year rows).
func BenchmarkCustomReport10Years100k(b *testing.B) {
	st := benchStore(b)
	p, _ := report.CustomRange(caseload.D(2016, 1, 1), caseload.D(2026, 11, 30))
	b.ResetTimer()
	for b.Loop() {
		if _, err := report.Compute(context.Background(), st, p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCaseloadExport100k exports the whole caseload (every status,
// 100k rows) and, in the same run, writes the same cells with a bare
// excelize StreamWriter (one style per column, no frame): the ratio is
// the price of the official frame and of reading the rows. Target ≤ 1.5.
func BenchmarkCaseloadExport100k(b *testing.B) {
	st := benchStore(b)
	filter := report.Filter{}
	filter.Person.Statuses = caseload.Statuses
	// The same cells, gathered once for the baseline.
	var cells [][]any
	for _, p := range st.People(filter.Person) {
		cells = append(cells, []any{len(cells) + 1, p.FullName, p.BirthYear, string(p.Gender), p.CitizenID, p.Hamlet,
			p.Offense, p.CompletedOn.Time(), p.ReturnedOn.Time(), string(p.Group), string(p.Status)})
	}
	var ours, raw time.Duration
	b.ResetTimer()
	for b.Loop() {
		t0 := time.Now()
		if err := report.ExportList(context.Background(), io.Discard, st, "caseload", filter, report.Doc{}); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if err := rawStream(io.Discard, cells); err != nil {
			b.Fatal(err)
		}
		ours += t1.Sub(t0)
		raw += time.Since(t1)
	}
	b.ReportMetric(float64(ours.Milliseconds())/float64(b.N), "export-ms/op")
	b.ReportMetric(float64(raw.Milliseconds())/float64(b.N), "raw-ms/op")
	b.ReportMetric(float64(ours)/float64(raw), "ratio")
	b.ReportMetric(float64(len(cells)), "rows")
}

// rawStream is the baseline: excelize's StreamWriter writing cells.
func rawStream(w io.Writer, cells [][]any) error {
	f := excelize.NewFile()
	defer f.Close()
	date := "dd/mm/yyyy"
	ds, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &date})
	ts, _ := f.NewStyle(&excelize.Style{})
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	row := make([]any, 11)
	for i, r := range cells {
		for c, v := range r {
			id := ts
			if c == 7 || c == 8 {
				id = ds
			}
			row[c] = excelize.Cell{StyleID: id, Value: v}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// BenchmarkImport10k reads, checks and saves a 10,000-row list into a
// fresh store (duplicate checks against the store included). Target < 5 s.
func BenchmarkImport10k(b *testing.B) {
	book := importBook(b, 10_000)
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		st, err := store.Open(filepath.Join(b.TempDir(), "import.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		f, _, err := importxlsx.Open(bytes.NewReader(book))
		if err != nil {
			b.Fatal(err)
		}
		s, err := importxlsx.ReadSheet(f, "")
		if err != nil {
			b.Fatal(err)
		}
		rows := s.Parse(st, caseload.D(2026, 12, 4))
		res, err := importxlsx.Commit(context.Background(), st, rows, nil, false)
		if err != nil || res.Saved != 10_000 {
			b.Fatalf("saved %d: %v", res.Saved, err)
		}
		f.Close()
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
}

// importBook builds a list of n people under a merged title row.
func importBook(b *testing.B, n int) []byte {
	f := excelize.NewFile()
	defer f.Close()
	sw, _ := f.NewStreamWriter("Sheet1")
	sw.SetRow("A1", []any{"DANH SÁCH NGƯỜI CHẤP HÀNH XONG ÁN PHẠT TÙ"})
	sw.MergeCell("A1", "H1")
	sw.SetRow("A3", []any{"STT", "Họ và tên", "Năm sinh", "Giới tính", "Số CCCD", "Thôn, tổ dân phố", "Tội danh", "Mức án", "Ngày chấp hành xong", "Ngày về địa phương"})
	r := rand.New(rand.NewPCG(3, 5))
	for i := 0; i < n; i++ {
		y := 1960 + r.IntN(40)
		d := caseload.D(2020, 1, 1).AddDays(r.IntN(2000))
		cell, _ := excelize.CoordinatesToCellName(1, i+4)
		sw.SetRow(cell, []any{i + 1, fmt.Sprintf("Nguyễn Văn Nhập %d", i), y, "Nam", fmt.Sprintf("0010%02d%06d", y%100, i),
			"Tổ 3", "Trộm cắp tài sản", "2 năm", fmt.Sprintf("%02d/%02d/%d", d.Day(), int(d.Month()), d.Year()),
			fmt.Sprintf("%d/%d/%02d", d.AddDays(2).Day(), int(d.AddDays(2).Month()), d.AddDays(2).Year()%100)})
	}
	sw.Flush()
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkLoad100k loads a dump of 100,000 people (records without their
// sync fields, which load fills in) into a fresh store. Target < 30 s.
func BenchmarkLoad100k(b *testing.B) {
	families := []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"}
	middles := []string{"Văn", "Thị", "Đức", "Minh", "Quốc"}
	givens := []string{"An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khải", "Long", "Nam", "Phúc", "Quân", "Sơn", "Tâm", "Tuấn", "Vinh"}
	type rec map[string]any
	people := make([]rec, benchPeople)
	r := rand.New(rand.NewPCG(9, 9))
	for i := range people {
		d := caseload.D(2018, 1, 1).AddDays(r.IntN(3000))
		people[i] = rec{"id": uuid.Must(uuid.NewV7()).String(),
			"full_name": families[r.IntN(len(families))] + " " + middles[r.IntN(len(middles))] + " " + givens[r.IntN(len(givens))],
			"gender":    "male", "birth_date": fmt.Sprint(1960 + r.IntN(40)), "status": "managed", "hamlet": "Tổ 3",
			"sentence_kind": "prison", "sentence_months": 12 + r.IntN(60), "release_kind": "completed",
			"completed_on": d.String(), "returned_on": d.AddDays(2).String(), "offense": "Trộm cắp tài sản"}
	}
	dump, err := json.Marshal(map[string]any{"person": people})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		st, err := store.Open(filepath.Join(b.TempDir(), "load.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		n, err := report.Load(context.Background(), st, bytes.NewReader(dump))
		if err != nil || n != benchPeople {
			b.Fatalf("loaded %d: %v", n, err)
		}
		b.StopTimer()
		if got := st.PeopleCount(); got != benchPeople {
			b.Fatalf("store holds %d people", got)
		}
		b.ReportMetric(float64(len(dump))/1e6, "dump-MB")
		st.Close()
		b.StartTimer()
	}
}
