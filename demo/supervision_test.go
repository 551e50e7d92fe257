package demo

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
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

func TestSweep(t *testing.T) {
	if os.Getenv("DEMO_SWEEP") == "" {
		t.Skip()
	}
	for _, d := range []caseload.Date{caseload.D(2026, 1, 2), caseload.D(2026, 1, 8), caseload.D(2026, 2, 15), caseload.D(2026, 3, 25),
		caseload.D(2026, 4, 3), worklistDay, caseload.D(2026, 7, 6), caseload.D(2026, 8, 12), caseload.D(2026, 10, 1), caseload.D(2026, 11, 20)} {
		_, _, items := demoWorklist(t, d)
		kinds, overdue, worst := worklistSummary(items, d)
		var ks []string
		for k, n := range kinds {
			ks = append(ks, fmt.Sprintf("%s=%d", k, n))
		}
		sort.Strings(ks)
		fmt.Printf("%v: %d items, %d overdue (worst %d d): %v\n", d, len(items), overdue, worst, ks)
		for _, it := range items {
			if it.Overdue {
				fmt.Printf("   %s due %v\n", it.Kind, it.Due)
			}
		}
	}
}

func TestDebugItems(t *testing.T) {
	if os.Getenv("DEMO_SWEEP") == "" {
		t.Skip()
	}
	st, _, items := demoWorklist(t, worklistDay)
	for _, it := range items {
		if it.Kind == "visit_overdue" {
			p, _ := st.Person(context.Background(), it.PersonID)
			log, _ := st.VisitLog(context.Background(), it.PersonID)
			a, _ := st.Assignments(context.Background(), it.PersonID)
			fmt.Printf("%s due %v: %s group %s reported %v assignments %+v args %v\n", it.Kind, it.Due, p.FullName, p.Group, p.ReportedOn, a, it.Args)
			for _, v := range log {
				fmt.Printf("    %v %s\n", v.Date, v.Kind)
			}
		}
		if it.Kind == "expungement" || it.Kind == "address_check" || it.Kind == "mentor_decision" {
			p, _ := st.Person(context.Background(), it.PersonID)
			x := caseload.ComputeExpungement(p)
			fmt.Printf("%s due %v overdue %v: %s status %s completed %v sentence %s %d juvenile %v civil %+v supp %+v elig %v pending %v\n", it.Kind, it.Due, it.Overdue, p.FullName, p.Status, p.CompletedOn, p.SentenceKind, p.SentenceMonths, p.Juvenile, p.CivilObligations, p.Supplementary, x.EligibleOn, x.Pending)
		}
	}
}
