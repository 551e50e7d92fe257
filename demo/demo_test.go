package demo

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"hoanhap/caseload"
	"hoanhap/store"
)

var refDay = caseload.D(2026, time.March, 1)

// courtRE matches the regional courts (TAND khu vực) a judgment may name.
var courtRE = regexp.MustCompile(`^TAND khu vực \d+ - [^ ].*$`)

// courtNames are the other courts a judgment may name: provincial courts
// and the district-level courts of the home province.
func courtNames(t *testing.T) map[string]bool {
	l, err := loadLists()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, p := range l.courts.names() {
		switch {
		case strings.HasPrefix(p, "Thành phố "):
			out["TAND "+p] = true
		case cities[p]:
			out["TAND thành phố "+p] = true
		default:
			out["TAND tỉnh "+p] = true
		}
	}
	for _, d := range l.districts.names() {
		out["TAND "+d] = true
	}
	return out
}

func TestPeopleDeterministic(t *testing.T) {
	a, err := People(300, 7, refDay)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := People(300, 7, refDay)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same seed and date gave different persons")
	}
	c, _ := People(300, 8, refDay)
	if reflect.DeepEqual(a, c) {
		t.Fatal("different seeds gave the same persons")
	}
}

func TestPeopleValidAndConsistent(t *testing.T) {
	const n = 5000
	people, err := People(n, DefaultSeed, refDay)
	if err != nil {
		t.Fatal(err)
	}
	status := map[caseload.Status]int{}
	group := map[caseload.Group]int{}
	family := map[string]int{}
	ended := map[caseload.EndReason]int{}
	chapter13, negligent, supp, owed := 0, 0, 0, 0
	notReported, expungeSoon, recent, loanWindow := 0, 0, 0, 0
	courts := courtNames(t)
	for i, p := range people {
		caseload.Normalize(&p)
		if err := caseload.ValidatePerson(p, refDay); err != nil {
			t.Fatalf("person %d (%s) invalid: %v", i, p.FullName, err)
		}
		errs, warns := caseload.CheckCitizenID(p.CitizenID, p.Gender, p.BirthDate.Year)
		if len(errs)+len(warns) > 0 || len(p.CitizenID) != 12 {
			t.Errorf("%s: citizen ID %s does not match gender/birth year: %v %v", p.FullName, p.CitizenID, errs, warns)
		}
		if p.Phone != "" && (len(p.Phone) != 10 || !(strings.HasPrefix(p.Phone, "09") || strings.HasPrefix(p.Phone, "03"))) {
			t.Errorf("bad phone %q", p.Phone)
		}
		if !p.Judgment.Date.Before(p.CompletedOn) || p.Judgment.Date.After(refDay) {
			t.Errorf("%s: judgment %v not before completion %v / today", p.FullName, p.Judgment.Date, p.CompletedOn)
		}
		// The term (from arrest) covers the time from judgment to release.
		if p.CompletedOn.After(p.Judgment.Date.AddMonths(p.SentenceMonths)) {
			t.Errorf("%s: judged %v, %d months, completed %v: too late", p.FullName, p.Judgment.Date, p.SentenceMonths, p.CompletedOn)
		}
		if age := caseload.AgeOn(p.BirthDate, p.Judgment.Date); age < 16 || age > 80 {
			t.Errorf("%s: aged %d at judgment", p.FullName, age)
		}
		if c := p.Judgment.Court; !courtRE.MatchString(c) && !courts[c] {
			t.Errorf("%s: court %q", p.FullName, c)
		} else if strings.HasPrefix(c, "TAND khu vực") && p.Judgment.Date.Before(khuVucCourtsFrom) {
			t.Errorf("%s: regional court %q before 01/07/2025 (%v)", p.FullName, c, p.Judgment.Date)
		}
		switch p.Status {
		case caseload.StatusExpected:
			// Released at most a couple of weeks ago (not reported yet).
			if p.CompletedOn.Before(refDay.AddDays(-14)) || !p.ReturnedOn.IsZero() || p.Group != "" {
				t.Errorf("expected person %s: completed %v returned %v group %q", p.FullName, p.CompletedOn, p.ReturnedOn, p.Group)
			}
			if !p.CompletedOn.After(refDay) {
				notReported++
			}
		case caseload.StatusManaged:
			if p.ReturnedOn.IsZero() || p.Group == "" {
				t.Errorf("managed person %s without return date or group", p.FullName)
			}
			// Still managed: the expungement date has not passed more
			// than a few days ago (else the ward would have ended the case).
			x := caseload.ComputeExpungement(p)
			switch {
			case x.NoRecord:
				if p.CompletedOn.Before(refDay.AddDays(-365)) {
					t.Errorf("%s: no record and still managed %v after completion", p.FullName, p.CompletedOn)
				}
			case !x.EligibleOn.IsZero() && x.EligibleOn.Before(refDay.AddDays(-expungementGraceDays)):
				t.Errorf("%s: managed, expungement date %v long passed", p.FullName, x.EligibleOn)
			case !x.EligibleOn.IsZero() && !x.EligibleOn.After(refDay.AddDays(caseload.ExpungementHorizonDays)):
				expungeSoon++
			}
			if !p.ReportedOn.Before(refDay.AddDays(-3)) {
				recent++
			}
			if end := caseload.LoanWindowEnd(p); !end.Before(refDay) && !end.After(refDay.AddDays(90)) {
				loanWindow++
			}
		case caseload.StatusEnded:
			ended[p.EndReason]++
			if p.EndDecision.Number == "" || p.EndDecision.Date.IsZero() {
				t.Errorf("ended person %s without decision", p.FullName)
			}
			if p.EndReason == caseload.EndExpunged {
				x := caseload.ComputeExpungement(p)
				if p.ExpungedOn.Before(x.EligibleOn) || p.ExpungeMethod != x.Method {
					t.Errorf("%s expunged %v (%s) before eligible %v (%s)", p.FullName, p.ExpungedOn, p.ExpungeMethod, x.EligibleOn, x.Method)
				}
			}
		}
		status[p.Status]++
		group[p.Group]++
		family[strings.Fields(p.FullName)[0]]++
		if p.OffenseChapter == 13 {
			chapter13++
		}
		if p.Negligent {
			negligent++
		}
		if len(p.Supplementary) > 0 {
			supp++
		}
		if !p.CivilObligations.None && p.CivilObligations.SettledOn.IsZero() {
			owed++
		}
	}
	share := func(k int) float64 { return float64(k) / n }
	within := func(name string, got, lo, hi float64) {
		if got < lo || got > hi {
			t.Errorf("%s = %.3f, want in [%.2f, %.2f]", name, got, lo, hi)
		}
	}
	within("Nguyễn", share(family["Nguyễn"]), 0.34, 0.42)
	within("expected", share(status[caseload.StatusExpected]), 0.08, 0.12)
	within("managed", share(status[caseload.StatusManaged]), 0.71, 0.79)
	within("ended", share(status[caseload.StatusEnded]), 0.13, 0.17)
	within("groups A+B among managed", float64(group[caseload.GroupA]+group[caseload.GroupB])/float64(n-status[caseload.StatusExpected]), 0.75, 0.92)
	within("group D", share(group[caseload.GroupD]), 0.01, 0.12)
	within("chapter XIII", share(chapter13), 0.0005, 0.01)
	within("negligent", share(negligent), 0.01, 0.1)
	within("supplementary", share(supp), 0.1, 0.2)
	within("civil owed", share(owed), 0.15, 0.3)
	// The quotas of special cases (one every so many persons of a status).
	managed := status[caseload.StatusManaged]
	within("released, not reported", float64(notReported)/float64(status[caseload.StatusExpected]), 0.04, 0.12)
	within("expungement within 30 days", float64(expungeSoon)/float64(managed), 0.025, 0.08)
	within("reported in the last 3 days", float64(recent)/float64(managed), 0.02, 0.04)
	within("loan window closing", float64(loanWindow)/float64(managed), 0.02, 0.035)
	if ended[caseload.EndExpunged] == 0 || len(ended) < 4 {
		t.Errorf("end reasons not mixed: %v", ended)
	}
}

func TestGenerateSavesAndRunsSteps(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	// A step registered by another file sees every saved person, with ids.
	var seen []caseload.Person
	stepsMu.Lock()
	saved := steps
	stepsMu.Unlock()
	t.Cleanup(func() { stepsMu.Lock(); steps = saved; stepsMu.Unlock() })
	Register(func(ctx context.Context, st *store.Store, r *rand.Rand, people []caseload.Person) error {
		seen = people
		return nil
	})

	ctx := context.Background()
	people, err := Generate(ctx, st, Options{Persons: 60, Today: caseload.Today()})
	if err != nil {
		t.Fatal(err)
	}
	if st.PeopleCount() != 60 || len(seen) != 60 || seen[0].ID == "" {
		t.Fatalf("count %d, step saw %d (first id %q)", st.PeopleCount(), len(seen), seen[0].ID)
	}
	got, err := st.Person(ctx, people[10].ID)
	if err != nil || got.FullName != people[10].FullName {
		t.Fatalf("stored %v, %v; want %s", got.FullName, err, people[10].FullName)
	}
	if h := st.Hamlets(); len(h) < 12 {
		t.Errorf("hamlets = %v", h)
	}
	if _, err := Generate(ctx, st, Options{Persons: 5}); err != ErrNotEmpty {
		t.Errorf("second Generate: %v, want ErrNotEmpty", err)
	}
	if err := Ensure(st); err != nil || st.PeopleCount() != 60 {
		t.Errorf("Ensure on a filled store: %v, count %d", err, st.PeopleCount())
	}
}

func TestEnsureNamesUnitAndFills(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := Ensure(st); err != nil {
		t.Fatal(err)
	}
	if st.PeopleCount() != DefaultPersons || st.Node().UnitName != DefaultUnit {
		t.Errorf("count %d unit %q", st.PeopleCount(), st.Node().UnitName)
	}
}

// BenchmarkGenerate measures filling a store at office scale; run with
// -bench Generate -benchtime 1x (set DEMO_BENCH_PERSONS for other sizes).
func BenchmarkGenerate(b *testing.B) {
	n := 100000
	if s := benchPersons(); s > 0 {
		n = s
	}
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, err := store.Open(filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := Generate(context.Background(), st, Options{Persons: n}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		st.Close()
	}
	b.ReportMetric(float64(n), "persons/op")
}

// BenchmarkPeople measures the pure generator (no store).
func BenchmarkPeople(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := People(10000, DefaultSeed, refDay); err != nil {
			b.Fatal(err)
		}
	}
}

func benchPersons() int {
	n, _ := strconv.Atoi(strings.TrimSpace(os.Getenv("DEMO_BENCH_PERSONS")))
	return n
}
