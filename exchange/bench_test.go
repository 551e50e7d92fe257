package exchange

import (
	"bytes"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"crypto/ed25519"

	"filippo.io/age"

	"hoanhap/caseload"
	"hoanhap/exchange/container"
	"hoanhap/store"
)

// Benchmarks of a ward's whole register in one file: 10,000 people and
// 100,000 visits (docs/ARCHITECTURE.md section 12), beside raw baselines: age
// encryption of the same payload bytes, and raw SQLite inserts of the same
// rows into the same schema. Run:
//
//	go test ./exchange/ -run '^$' -bench 'Sync|Raw' -benchtime 3x

// benchPeople is the number of people (10 visits each); HOANHAP_BENCH_PEOPLE
// lowers it for a quick profile.
var benchPeople = envInt("HOANHAP_BENCH_PEOPLE", 10_000)

func envInt(name string, def int) int {
	var n int
	if _, err := fmt.Sscan(os.Getenv(name), &n); err == nil && n > 0 {
		return n
	}
	return def
}

var benchOnce sync.Once
var bench struct {
	ward, office *Node
	file         []byte
	plain        []byte
	err          error
}

func benchSetup(b *testing.B) {
	benchOnce.Do(func() {
		// Outlive the first benchmark: b.TempDir would go with it.
		root := filepath.Join(os.TempDir(), "hoanhap-sync-bench")
		os.RemoveAll(root)
		bench.ward = benchNode(b, filepath.Join(root, "ward"), "Phường Hòa Bình", "ward")
		bench.office = benchNode(b, filepath.Join(root, "office"), "Công an tỉnh", "office")
		enrolPair(b, bench.ward, bench.office)
		people := make([]caseload.Person, benchPeople)
		for i := range people {
			people[i] = caseload.Person{
				FullName: fmt.Sprintf("Nguyễn Văn Người %05d", i), Gender: caseload.Male,
				BirthDate: caseload.BirthDate{Year: 1960 + i%40}, Status: caseload.StatusManaged,
				Hamlet: fmt.Sprintf("Tổ dân phố %d", i%30), Address: "Số 12 đường Trần Hưng Đạo",
				Offense: "Trộm cắp tài sản", CriminalCodeArticles: "Điều 173", OffenseChapter: 16,
				SentenceKind: caseload.SentencePrison, SentenceMonths: 24,
				Notes: "Đã có việc làm ổn định tại xưởng mộc của gia đình.",
			}
		}
		for i := 0; i < len(people); i += 1000 {
			if bench.err = bench.ward.St.SavePeople(ctx, people[i:i+1000]); bench.err != nil {
				return
			}
		}
		visits := make([]caseload.Visit, 0, 10*benchPeople)
		for i := 0; i < 10*benchPeople; i++ {
			visits = append(visits, caseload.Visit{PersonID: people[i%benchPeople].ID, Date: caseload.D(2026, time.Month(1+i%11), 1+i%28),
				AuthorKind: caseload.AuthorOfficer, AuthorName: "Thượng úy Lê Văn Hải", Kind: caseload.VisitHome,
				Employment: "Làm thợ mộc", Family: "Sống cùng vợ và hai con", Attitude: "Chấp hành tốt"})
		}
		for i := 0; i < len(visits); i += 5000 {
			if bench.err = bench.ward.St.AddVisits(ctx, visits[i:i+5000]); bench.err != nil {
				return
			}
		}
		res, err := bench.ward.Export(ctx, bench.office.ID.NodeID, b.TempDir())
		if err != nil {
			bench.err = err
			return
		}
		bench.file, bench.err = os.ReadFile(res.Path)
		if bench.err != nil {
			return
		}
		o, err := container.Open(bench.file, []ed25519.PublicKey{bench.ward.signPub()})
		if err != nil {
			bench.err = err
			return
		}
		r, err := o.Decrypt(bench.office.ID.Age)
		if err != nil {
			bench.err = err
			return
		}
		bench.plain, bench.err = io.ReadAll(r)
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
}

func benchNode(b *testing.B, dir, unit, kind string) *Node {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		b.Fatal(err)
	}
	st, err := store.Open(store.DBFile(dir))
	if err != nil {
		b.Fatal(err)
	}
	if err := st.SetUnit(ctx, unit, kind); err != nil {
		b.Fatal(err)
	}
	n, err := Open(st)
	if err != nil {
		b.Fatal(err)
	}
	return n
}

// freshOffice is an office store enrolled with the bench ward that holds
// the bench office's keys (so it reads the bench file).
func freshOffice(b *testing.B) *Node {
	o := newNode(b, "Công an tỉnh", "office")
	req, _ := bench.ward.EnrolRequest()
	if _, _, err := o.EnrolAccept(ctx, req, bench.ward.Fingerprint()); err != nil {
		b.Fatal(err)
	}
	o.ID = bench.office.ID
	return o
}

func BenchmarkSyncExport10kPeople100kVisits(b *testing.B) {
	benchSetup(b)
	b.ResetTimer()
	var spent time.Duration
	defer func() { b.ReportMetric(spent.Seconds()/float64(b.N), "cpu-s/op") }()
	defer b.ReportMetric(float64(len(bench.file)), "file_bytes")
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		o := newNode(b, "Công an tỉnh", "office")
		enrolPair(b, bench.ward, o)
		dir := b.TempDir()
		b.StartTimer()
		c0 := cpuTime()
		res, err := bench.ward.Export(ctx, o.ID.NodeID, dir)
		spent += cpuTime() - c0
		if err != nil || res.Records != 11*benchPeople {
			b.Fatalf("export: %d records, %v", res.Records, err)
		}
	}
}

func BenchmarkSyncImport10kPeople100kVisits(b *testing.B) {
	benchSetup(b)
	b.ResetTimer()
	var spent time.Duration
	defer func() { b.ReportMetric(spent.Seconds()/float64(b.N), "cpu-s/op") }()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		o := freshOffice(b)
		b.StartTimer()
		c0 := cpuTime()
		r := o.ImportBytes(ctx, bench.file)
		spent += cpuTime() - c0
		if r.Outcome != OutcomeImported || r.Records != 11*benchPeople {
			b.Fatalf("import: %s %d %v", r.Outcome, r.Records, r.Err)
		}
	}
}

// BenchmarkRawAgeEncrypt encrypts the same payload bytes with age alone.
func BenchmarkRawAgeEncrypt(b *testing.B) {
	benchSetup(b)
	b.ResetTimer()
	defer b.ReportMetric(float64(len(bench.plain)), "payload_bytes")
	var spent time.Duration
	defer func() { b.ReportMetric(spent.Seconds()/float64(b.N), "cpu-s/op") }()
	for i := 0; i < b.N; i++ {
		var out bytes.Buffer
		c0 := cpuTime()
		w, err := age.Encrypt(&out, bench.office.ID.Age.Recipient())
		if err != nil {
			b.Fatal(err)
		}
		w.Write(bench.plain)
		w.Close()
		spent += cpuTime() - c0
	}
}

// BenchmarkRawSQLiteInsert inserts the same person and visit rows, column
// for column, into a fresh store's schema in one transaction with prepared
// statements: the floor under any import.
func BenchmarkRawSQLiteInsert(b *testing.B) {
	benchSetup(b)
	b.ResetTimer()
	src, err := sql.Open("sqlite", store.DSN(bench.ward.St.Path()))
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	type table struct {
		cols string
		n    int
		rows [][]any
	}
	var tables []table
	for _, name := range []string{"person", "visit"} {
		rows, err := src.Query(`SELECT * FROM ` + name)
		if err != nil {
			b.Fatal(err)
		}
		cols, _ := rows.Columns()
		tb := table{cols: strings.Join(cols, ", "), n: len(cols)}
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rows.Scan(ptrs...)
			tb.rows = append(tb.rows, vals)
		}
		rows.Close()
		tables = append(tables, tb)
	}
	names := []string{"person", "visit"}
	var spent time.Duration
	defer func() { b.ReportMetric(spent.Seconds()/float64(b.N), "cpu-s/op") }()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dir, err := os.MkdirTemp("", "rawsqlite")
		if err != nil {
			b.Fatal(err)
		}
		defer os.RemoveAll(dir)
		st, err := store.Open(store.DBFile(dir))
		if err != nil {
			b.Fatal(err)
		}
		st.Close()
		db, err := sql.Open("sqlite", store.DSN(store.DBFile(dir)))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		c0 := cpuTime()
		tx, err := db.Begin()
		if err != nil {
			b.Fatal(err)
		}
		for k, tb := range tables {
			st, err := tx.Prepare(`INSERT INTO ` + names[k] + ` (` + tb.cols + `) VALUES (` + strings.TrimSuffix(strings.Repeat("?, ", tb.n), ", ") + `)`)
			if err != nil {
				b.Fatal(err)
			}
			for _, r := range tb.rows {
				if _, err := st.Exec(r...); err != nil {
					b.Fatal(err)
				}
			}
			st.Close()
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
		spent += cpuTime() - c0
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
}
