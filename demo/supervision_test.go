package demo

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"hoanhap/caseload"
	"hoanhap/store"
)

// worklistDay is the fixed reference date of the worklist test: mid-way
// through a quarter, after the quarterly report deadline (day 5).
var worklistDay = caseload.D(2026, time.May, 20)

// demoWorklist generates the default demo ward on today in a fresh store
// and returns the store and its worklist on today.
func demoWorklist(t testing.TB, today caseload.Date) (*store.Store, []caseload.Person, []caseload.WorkItem) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ctx := context.Background()
	people, err := Generate(ctx, st, Options{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	items, err := st.Worklist(ctx, today)
	if err != nil {
		t.Fatal(err)
	}
	return st, people, items
}

// worklistSummary counts the items by kind, marking the overdue ones.
func worklistSummary(items []caseload.WorkItem, today caseload.Date) (map[string]int, int, int) {
	kinds := map[string]int{}
	overdue, worst := 0, 0
	for _, it := range items {
		kinds[it.Kind]++
		if it.Overdue {
			overdue++
			worst = max(worst, it.Due.DaysUntil(today))
		}
	}
	return kinds, overdue, worst
}

// TestDemoWorklistLooksLikeARealWard checks the default demo ward on a
// fixed day: a few dozen items of mixed kinds, a minority overdue, none by
// more than a year.
func TestDemoWorklistLooksLikeARealWard(t *testing.T) {
	_, _, items := demoWorklist(t, worklistDay)
	kinds, overdue, worst := worklistSummary(items, worklistDay)
	t.Logf("%d items, %d overdue (worst by %d days): %v", len(items), overdue, worst, kinds)
	if len(items) < 10 || len(items) > 60 {
		t.Errorf("%d worklist items, want 10–60", len(items))
	}
	if overdue*3 >= len(items) {
		t.Errorf("%d of %d items overdue, want under a third", overdue, len(items))
	}
	if worst > 365 {
		t.Errorf("an item is overdue by %d days, want at most 365", worst)
	}
	overdueVisits := 0
	for _, it := range items {
		if it.Kind == caseload.WorkVisitOverdue && it.Overdue {
			overdueVisits++
		}
	}
	if overdueVisits == 0 {
		t.Error("no overdue visit")
	}
	for _, want := range [][]string{
		{caseload.WorkQuarterlyReport, caseload.WorkClassification},
		{caseload.WorkExpungement},
		{caseload.WorkAddressCheck, caseload.WorkNotReported},
	} {
		n := 0
		for _, k := range want {
			n += kinds[k]
		}
		if n == 0 {
			t.Errorf("no worklist item of kind %v", want)
		}
	}
}

// TestDemoWorklistThroughTheQuarter checks that the ward stays plausible on
// other days: at the start of a quarter (reports and classifications
// coming in), at its end, and late in the year.
func TestDemoWorklistThroughTheQuarter(t *testing.T) {
	if testing.Short() {
		t.Skip("generates three wards")
	}
	for _, day := range []caseload.Date{
		caseload.D(2026, time.January, 2), caseload.D(2026, time.March, 25), caseload.D(2025, time.October, 1),
	} {
		_, _, items := demoWorklist(t, day)
		kinds, overdue, worst := worklistSummary(items, day)
		if len(items) < 10 || len(items) > 60 || overdue*2 >= len(items) || worst > 365 {
			t.Errorf("%v: %d items, %d overdue (worst by %d days): %v", day, len(items), overdue, worst, kinds)
		}
	}
}

// TestDemoSupervisionRecords checks the stored records behind the
// worklist: one reception per managed person with counselling done, the
// mentor decided within 3 and the file opened within 5 working days unless
// those deadlines are still running, a notice per expected person, and the
// person's group equal to the latest classification.
func TestDemoSupervisionRecords(t *testing.T) {
	st, people, _ := demoWorklist(t, worklistDay)
	ctx := context.Background()
	cal, err := st.Calendar(ctx)
	if err != nil {
		t.Fatal(err)
	}
	pending := 0
	for _, p := range people {
		switch p.Status {
		case caseload.StatusExpected:
			ns, err := st.NoticesOf(ctx, p.ID)
			if err != nil || len(ns) != 1 || ns[0].ExpectedRelease != p.CompletedOn {
				t.Errorf("%s: notices %+v, %v; want one for the release %v", p.FullName, ns, err, p.CompletedOn)
			}
		case caseload.StatusManaged:
			recs, err := st.Receptions(ctx, p.ID)
			if err != nil || len(recs) != 1 {
				t.Fatalf("%s: %d receptions, %v", p.FullName, len(recs), err)
			}
			r := recs[0]
			if !r.CounsellingDone || r.SessionDate.After(worklistDay) {
				t.Errorf("%s: reception %+v", p.FullName, r)
			}
			fileDue, mentorDue := r.FileDue(cal), r.MentorDecisionDue(cal)
			if r.FileOpenedOn.IsZero() && !fileDue.After(worklistDay) || r.FileOpenedOn.After(fileDue) {
				t.Errorf("%s: session %v, file opened %v (due %v)", p.FullName, r.SessionDate, r.FileOpenedOn, fileDue)
			}
			a, err := st.ActiveAssignment(ctx, p.ID)
			switch {
			case err != nil && mentorDue.After(worklistDay):
				pending++ // decision still within its deadline
			case err != nil:
				t.Errorf("%s: no mentor, decision due %v: %v", p.FullName, mentorDue, err)
			case a.Decision.Date.After(mentorDue) || a.Decision.Date.Before(r.SessionDate):
				t.Errorf("%s: mentor decided %v, session %v, due %v", p.FullName, a.Decision.Date, r.SessionDate, mentorDue)
			}
			cs, err := st.Classifications(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			got, err := st.Person(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Group != p.Group {
				t.Errorf("%s: group %s after the classifications %+v, generated %s", p.FullName, got.Group, cs, p.Group)
			}
		}
	}
	if pending < 1 || pending > 4 {
		t.Errorf("%d recent arrivals without a mentor yet, want 1–4", pending)
	}
}

// TestPlanSupervisionDeterministic checks that a seed gives the same plan.
func TestPlanSupervisionDeterministic(t *testing.T) {
	plan := func() supervisionPlan {
		people, err := People(400, 11, worklistDay)
		if err != nil {
			t.Fatal(err)
		}
		for i := range people {
			people[i].ID = fmt.Sprintf("p%04d", i)
		}
		mentors := []caseload.Mentor{{Name: "Một"}, {Name: "Hai"}}
		mentors[0].ID, mentors[1].ID = "m1", "m2"
		return planSupervision(newRand(5), people, mentors, worklistDay, caseload.NewCalendar(nil), caseload.DefaultVisitCadence)
	}
	a, b := plan(), plan()
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed gave different plans")
	}
	if len(a.Receptions) == 0 || len(a.Visits) < len(a.Receptions) || len(a.Classifications) == 0 || len(a.Notices) == 0 {
		t.Errorf("plan: %d receptions, %d visits, %d classifications, %d notices",
			len(a.Receptions), len(a.Visits), len(a.Classifications), len(a.Notices))
	}
	for _, v := range a.Visits {
		if v.Date.After(worklistDay) {
			t.Errorf("visit in the future: %+v", v)
		}
	}
}

// TestPlanLimit checks the office-scale fallback: the records of the first
// managed persons only, nothing cut in the middle of a person.
func TestPlanLimit(t *testing.T) {
	people, err := People(600, 3, worklistDay)
	if err != nil {
		t.Fatal(err)
	}
	for i := range people {
		people[i].ID = fmt.Sprintf("p%04d", i)
	}
	mentors := []caseload.Mentor{{Name: "Một"}}
	mentors[0].ID = "m1"
	full := planSupervision(newRand(1), people, mentors, worklistDay, caseload.NewCalendar(nil), caseload.DefaultVisitCadence)
	small := full.limit(40)
	if len(small.Receptions) != 40 || len(small.Notices) != min(40, len(full.Notices)) {
		t.Fatalf("limit(40): %d receptions, %d notices", len(small.Receptions), len(small.Notices))
	}
	kept := map[string]bool{}
	for _, r := range small.Receptions {
		kept[r.PersonID] = true
	}
	count := func(vs []caseload.Visit) int {
		n := 0
		for _, v := range vs {
			if kept[v.PersonID] {
				n++
			}
		}
		return n
	}
	if got, want := len(small.Visits), count(full.Visits); got != want || got == 0 {
		t.Errorf("limit kept %d visits, the kept persons have %d", got, want)
	}
	for _, c := range small.Classifications {
		if !kept[c.PersonID] {
			t.Errorf("classification of a person not kept: %+v", c)
		}
	}
	if same := full.limit(len(full.Receptions) + len(full.Notices)); !reflect.DeepEqual(same, full) {
		t.Error("a limit above the plan's size changed it")
	}
}
