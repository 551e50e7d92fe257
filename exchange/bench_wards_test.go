package exchange

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"hoanhap/caseload"
)

// A province office reading one file from each of its wards:
// HOANHAP_BENCH_WARDS wards (100) of HOANHAP_BENCH_WARD_PEOPLE people (100)
// with 10 visits each — 100 files of 1,100 records, 110,000 records in
// all, the size of the one-ward benchmark spread over 100 channels. Run:
//
//	go test ./exchange/ -run '^$' -bench 'Office' -benchtime 1x
var (
	benchWards      = envInt("HOANHAP_BENCH_WARDS", 100)
	benchWardPeople = envInt("HOANHAP_BENCH_WARD_PEOPLE", 100)
)

var wardsOnce sync.Once
var wardsBench struct {
	office *Node
	wards  []*Node
	files  []string
	err    error
}

func wardsSetup(b *testing.B) {
	wardsOnce.Do(func() {
		root := filepath.Join(os.TempDir(), "hoanhap-wards-bench")
		os.RemoveAll(root)
		usb := filepath.Join(root, "usb")
		if wardsBench.err = os.MkdirAll(usb, 0o700); wardsBench.err != nil {
			return
		}
		wardsBench.office = benchNode(b, filepath.Join(root, "office"), "Công an tỉnh", "office")
		for w := 0; w < benchWards; w++ {
			ward := benchNode(b, filepath.Join(root, fmt.Sprintf("ward%03d", w)), fmt.Sprintf("Phường %03d", w), "ward")
			enrolPair(b, ward, wardsBench.office)
			people := make([]caseload.Person, benchWardPeople)
			for i := range people {
				people[i] = caseload.Person{FullName: fmt.Sprintf("Trần Văn Người %03d %04d", w, i), Gender: caseload.Male,
					BirthDate: caseload.BirthDate{Year: 1960 + i%40}, Status: caseload.StatusManaged,
					Hamlet: fmt.Sprintf("Tổ %d", i%12), Offense: "Trộm cắp tài sản", SentenceKind: caseload.SentencePrison, SentenceMonths: 18}
			}
			if wardsBench.err = ward.St.SavePeople(ctx, people); wardsBench.err != nil {
				return
			}
			visits := make([]caseload.Visit, 0, 10*len(people))
			for i := 0; i < 10*len(people); i++ {
				visits = append(visits, caseload.Visit{PersonID: people[i%len(people)].ID, Date: caseload.D(2026, time.Month(1+i%11), 1+i%28),
					AuthorKind: caseload.AuthorOfficer, AuthorName: "Thượng úy Lê Văn Hải", Kind: caseload.VisitHome, Attitude: "Chấp hành tốt"})
			}
			if wardsBench.err = ward.St.AddVisits(ctx, visits); wardsBench.err != nil {
				return
			}
			res, err := ward.Export(ctx, wardsBench.office.ID.NodeID, usb)
			if err != nil {
				wardsBench.err = err
				return
			}
			wardsBench.files = append(wardsBench.files, res.Path)
			ward.St.Close() // 100 stores open at once are not needed
			wardsBench.wards = append(wardsBench.wards, ward)
		}
	})
	if wardsBench.err != nil {
		b.Fatal(wardsBench.err)
	}
}

func BenchmarkOfficeReads100WardFiles(b *testing.B) {
	wardsSetup(b)
	var size int64
	for _, f := range wardsBench.files {
		if fi, err := os.Stat(f); err == nil {
			size += fi.Size()
		}
	}
	b.ResetTimer()
	var spent time.Duration
	defer func() {
		b.ReportMetric(spent.Seconds()/float64(b.N), "cpu-s/op")
		b.ReportMetric(float64(size), "bytes_all_files")
	}()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		o := newNode(b, "Công an tỉnh", "office")
		for _, w := range wardsBench.wards {
			req, err := w.EnrolRequest()
			if err != nil {
				b.Fatal(err)
			}
			if _, _, err := o.EnrolAccept(ctx, req, w.Fingerprint()); err != nil {
				b.Fatal(err)
			}
		}
		o.ID = wardsBench.office.ID
		b.StartTimer()
		c0 := cpuTime()
		total := 0
		for _, f := range wardsBench.files {
			r := o.Import(ctx, f)
			if r.Outcome != OutcomeImported {
				b.Fatalf("%s: %s %v", f, r.Outcome, r.Err)
			}
			total += r.Records
		}
		spent += cpuTime() - c0
		if total != benchWards*benchWardPeople*11 {
			b.Fatalf("imported %d records", total)
		}
	}
}
