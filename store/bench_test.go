package store

// Office-scale benchmarks (100,000 people, docs/ARCHITECTURE.md section 12), each
// beside a raw SQLite baseline. They run only with -bench, e.g.
//
//	CGO_ENABLED=0 go test -tags ci,migrated_fynedo -run '^$' -bench . -benchtime 20x ./store/
//
// The 100k fixture is built once per process with a raw bulk insert.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

const benchPeople = 100_000

var (
	benchOnce sync.Once
	benchDir  string
	benchPath string
	benchErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if svBenchStore != nil {
		svBenchStore.Close()
	}
	for _, dir := range []string{benchDir, svBenchDir} {
		if dir != "" {
			os.RemoveAll(dir)
		}
	}
	os.Exit(code)
}

// benchFixture returns the path of a database holding benchPeople people
// (built on first use). Benchmarks that write must use benchCopy.
func benchFixture(b *testing.B) string {
	b.Helper()
	benchOnce.Do(func() {
		benchDir, benchErr = os.MkdirTemp("", "hoanhap-bench-")
		if benchErr != nil {
			return
		}
		benchPath = filepath.Join(benchDir, "office 100k #1.db")
		benchErr = buildFixture(benchPath, benchPeople)
	})
	if benchErr != nil {
		b.Fatalf("fixture: %v", benchErr)
	}
	return benchPath
}

// benchCopy copies the fixture into a temporary file for a benchmark that
// writes.
func benchCopy(b *testing.B) string {
	src := benchFixture(b)
	dst := filepath.Join(b.TempDir(), "copy.db")
	in, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
	return dst
}

// Name parts for generated people, roughly as common as in real life.
var (
	benchFamily = []string{"Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh",
		"Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Tạ", "Trịnh", "Lương"}
	benchMiddleM = []string{"Văn", "Văn", "Đức", "Minh", "Hữu", "Quang", "Thanh", "Công", "Xuân", "Ngọc", "Đình", "Văn Đức"}
	benchMiddleF = []string{"Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Thị Thu", "Kim", "Mỹ"}
	benchGivenM  = []string{"An", "Anh", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải", "Hiếu", "Hoàng", "Hùng",
		"Huy", "Khánh", "Kiên", "Lâm", "Long", "Mạnh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Quang", "Sơn",
		"Tài", "Thắng", "Thành", "Tiến", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ", "Khoa", "Đạt"}
	benchGivenF = []string{"Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hồng", "Hương", "Lan",
		"Liên", "Linh", "Loan", "Mai", "Nga", "Ngọc", "Nhung", "Phương", "Quyên", "Thảo", "Trang", "Tuyết", "Vân", "Yến"}
	benchOffense = []string{"Trộm cắp tài sản", "Cố ý gây thương tích", "Tàng trữ trái phép chất ma túy",
		"Cướp giật tài sản", "Lừa đảo chiếm đoạt tài sản", "Đánh bạc", "Vi phạm quy định về tham gia giao thông đường bộ"}
)

func pick(r *rand.Rand, list []string) string { return list[r.Intn(len(list))] }

// benchPersonValues generates the i-th fixture person.
func benchPersonValues(r *rand.Rand) caseload.Person {
	p := caseload.Person{Gender: caseload.Male, Status: caseload.StatusManaged,
		SentenceKind: caseload.SentencePrison, ReleaseKind: caseload.ReleaseCompleted}
	year := 1950 + r.Intn(55)
	gdigit := 0
	if r.Intn(10) < 2 {
		p.Gender, gdigit = caseload.Female, 1
		p.FullName = pick(r, benchFamily) + " " + pick(r, benchMiddleF) + " " + pick(r, benchGivenF)
	} else {
		p.FullName = pick(r, benchFamily) + " " + pick(r, benchMiddleM) + " " + pick(r, benchGivenM)
	}
	p.BirthDate = caseload.BirthDate{Year: year}
	if r.Intn(10) > 0 {
		p.CitizenID = fmt.Sprintf("%03d%d%02d%06d", 1+r.Intn(96), gdigit, year%100, r.Intn(1_000_000))
	}
	if r.Intn(10) > 2 {
		p.Phone = fmt.Sprintf("09%08d", r.Intn(100_000_000))
	}
	p.Hamlet = fmt.Sprintf("Thôn %d", 1+r.Intn(20))
	p.Offense = pick(r, benchOffense)
	p.SentenceMonths = 6 + r.Intn(120)
	p.CompletedOn = caseload.D(2015+r.Intn(10), time.Month(1+r.Intn(12)), 1+r.Intn(28))
	p.ReturnedOn = p.CompletedOn.AddDays(r.Intn(5))
	switch n := r.Intn(10); {
	case n < 1:
		p.Status, p.ReturnedOn = caseload.StatusExpected, caseload.Date{}
	case n < 3:
		p.Status, p.EndReason = caseload.StatusEnded, caseload.EndExpunged
	default:
		p.Group = caseload.Groups[r.Intn(3)]
	}
	return p
}

// buildFixture creates a store at path and bulk-inserts n generated
// people in one transaction with a plain prepared INSERT. It also fills a
// search_key column (folded names) for the LIKE baseline.
func buildFixture(path string, n int) error {
	s, err := Open(path)
	if err != nil {
		return err
	}
	node := s.Node().ID
	s.Close()
	db, err := sql.Open("sqlite", DSN(path))
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(`ALTER TABLE person ADD COLUMN search_key TEXT NOT NULL DEFAULT ''`); err != nil {
		return err
	}
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	ins, err := tx.Prepare(`INSERT INTO person (` + personCols + `, search_key) VALUES (` +
		strings.Repeat("?, ", 7+len(personDataCols)) + `?)`)
	if err != nil {
		return err
	}
	r := rand.New(rand.NewSource(1))
	clock := NewClock(node, time.Now)
	now := time.Now().UTC()
	for i := 0; i < n; i++ {
		p := benchPersonValues(r)
		p.Meta = caseload.Meta{ID: NewID(), Owner: node, Ver: 1, UpdatedAt: now, UpdatedBy: "bench", HLC: clock.Next()}
		data, err := personArgs(&p)
		if err != nil {
			return err
		}
		args := append(metaArgs(p.Meta), data...)
		args = append(args, i18n.Fold(p.FullName))
		if _, err := ins.Exec(args...); err != nil {
			return err
		}
	}
	ins.Close()
	if err := tx.Commit(); err != nil {
		return err
	}
	_, err = db.Exec(`PRAGMA optimize`)
	return err
}

func heapAlloc() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// BenchmarkOpen100k measures Open (migrations check, node, index build)
// at 100k people and reports the memory the open store (mostly the
// index) holds.
func BenchmarkOpen100k(b *testing.B) {
	path := benchFixture(b)
	before := heapAlloc()
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	after := heapAlloc()
	if s.PeopleCount() != benchPeople {
		b.Fatalf("index has %d people", s.PeopleCount())
	}
	s.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
	b.ReportMetric(float64(after-before)/(1<<20), "index-MB")
}

var benchQueries = []string{"nguyen van duc", "tran thi h", "ng v d", "đức", "hung le", "0912", "0010850", "xyzzy"}

// BenchmarkSearch100k measures People with a query (and the full default
// list) on the 100k index.
func BenchmarkSearch100k(b *testing.B) {
	s, err := Open(benchFixture(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for _, q := range benchQueries {
		b.Run(strings.ReplaceAll(q, " ", "_"), func(b *testing.B) {
			n := 0
			for i := 0; i < b.N; i++ {
				n = len(s.People(PersonFilter{Query: q}))
			}
			b.ReportMetric(float64(n), "rows")
		})
	}
	b.Run("list_all_default", func(b *testing.B) {
		n := 0
		for i := 0; i < b.N; i++ {
			n = len(s.People(PersonFilter{}))
		}
		b.ReportMetric(float64(n), "rows")
	})
	b.Run("hamlet_group_filter", func(b *testing.B) {
		n := 0
		for i := 0; i < b.N; i++ {
			n = len(s.People(PersonFilter{Hamlet: "Thôn 7", Group: caseload.GroupB}))
		}
		b.ReportMetric(float64(n), "rows")
	})
	b.Run("duplicates", func(b *testing.B) {
		p := caseload.Person{FullName: "Nguyễn Văn Đức", BirthDate: caseload.BirthDate{Year: 1985}, CitizenID: "001085012345"}
		for i := 0; i < b.N; i++ {
			s.Duplicates(p)
		}
	})
}

// BenchmarkSavePerson100k measures SavePerson (validation, transaction,
// audit, index update) into a 100k store: a new person, and an update.
func BenchmarkSavePerson100k(b *testing.B) {
	s, err := Open(benchCopy(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	r := rand.New(rand.NewSource(2))
	b.Run("insert", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			p := benchPersonValues(r)
			err := s.SavePerson(ctx, &p)
			var dup *DuplicateError
			for errors.As(err, &dup) { // a random citizen id already taken
				p = benchPersonValues(r)
				err = s.SavePerson(ctx, &p)
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("update", func(b *testing.B) {
		p := benchPersonValues(r)
		if err := s.SavePerson(ctx, &p); err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			p.Notes = fmt.Sprintf("lần %d", i)
			if err := s.SavePerson(ctx, &p); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkRawSQLiteInsert is the baseline of SavePerson insert: the same
// row through a plain prepared INSERT (own transaction, no audit, no
// validation, no index) into the same 100k table.
func BenchmarkRawSQLiteInsert(b *testing.B) {
	path := benchCopy(b)
	db, err := sql.Open("sqlite", DSN(path))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	ins, err := db.Prepare(personInsertSQL)
	if err != nil {
		b.Fatal(err)
	}
	defer ins.Close()
	r := rand.New(rand.NewSource(3))
	clock := NewClock("bench", time.Now)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := benchPersonValues(r)
		p.Meta = caseload.Meta{ID: NewID(), Owner: "bench", Ver: 1, UpdatedAt: time.Now().UTC(), UpdatedBy: "bench", HLC: clock.Next()}
		data, err := personArgs(&p)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := ins.Exec(append(metaArgs(p.Meta), data...)...); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRawSQLiteScan100k is the baseline of the index build: the same
// SELECT of the index columns, scanned, without folding or sorting.
func BenchmarkRawSQLiteScan100k(b *testing.B) {
	db, err := sql.Open("sqlite", DSN(benchFixture(b)))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rows, err := db.Query(`SELECT ` + indexCols + ` FROM person WHERE deleted = 0`)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		var v [13]string
		dst := make([]any, len(v))
		for j := range v {
			dst[j] = &v[j]
		}
		for rows.Next() {
			if err := rows.Scan(dst...); err != nil {
				b.Fatal(err)
			}
			n++
		}
		rows.Close()
		if n != benchPeople {
			b.Fatalf("scanned %d rows", n)
		}
	}
}

// BenchmarkRawLikeSearch100k is the SQL alternative to the index: LIKE
// '%word%' on a stored folded column, one condition per query word.
func BenchmarkRawLikeSearch100k(b *testing.B) {
	db, err := sql.Open("sqlite", DSN(benchFixture(b)))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for _, q := range benchQueries[:5] {
		words := i18n.FoldWords(q)
		conds := make([]string, len(words))
		args := make([]any, len(words))
		for i, w := range words {
			conds[i] = "search_key LIKE ?"
			args[i] = "%" + w + "%"
		}
		query := `SELECT id, full_name FROM person WHERE deleted = 0 AND ` + strings.Join(conds, " AND ")
		b.Run(strings.ReplaceAll(q, " ", "_"), func(b *testing.B) {
			n := 0
			for i := 0; i < b.N; i++ {
				rows, err := db.Query(query, args...)
				if err != nil {
					b.Fatal(err)
				}
				n = 0
				for rows.Next() {
					var id, name string
					rows.Scan(&id, &name)
					n++
				}
				rows.Close()
			}
			b.ReportMetric(float64(n), "rows")
		})
	}
}
