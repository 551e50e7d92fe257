package report_test

import (
	"context"
	"database/sql"
	"testing"

	"hoanhap/caseload"
	"hoanhap/demo"
	"hoanhap/report"
	"hoanhap/store"
)

// splitOwners gives every other record of the demo ward to a second
// owner, as an office holding two wards' files has them, by writing the
// owner column of the store's file directly.
func splitOwners(t *testing.T, st *store.Store, other string) {
	t.Helper()
	db, err := sql.Open("sqlite", st.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, tbl := range []string{"person", "visit", "loan", "mentor", "model", "business", "support", "recidivism", "case_end", "exemplary", "classification", "assignment", "model_member"} {
		if _, err := db.Exec(`UPDATE `+tbl+` SET owner = ? WHERE rowid % 2 = 0`, other); err != nil {
			t.Fatalf("%s: %v", tbl, err)
		}
	}
}

// TestConsolidatedTotalsAreTheSumOfTheWards: an office's report per ward
// adds up, figure by figure, to the report of the whole store, and each
// ward's figures are its own (both wards have people and visits).
func TestConsolidatedTotalsAreTheSumOfTheWards(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	must(t, st.SetUnit(ctx, "Phường Hòa Bình", "ward"))
	must(t, demo.Ensure(st))
	splitOwners(t, st, "ward-b")
	a := st.Node().ID
	p, err := report.CustomRange(caseload.MustDate("2020-01-01"), caseload.Today())
	must(t, err)
	steps := 0
	c, err := report.Consolidate(ctx, st, p, []report.Ward{{Owner: a, Name: "Phường A"}, {Owner: "ward-b", Name: "Phường B"}},
		func(done, all int) { steps++ })
	must(t, err)
	if steps != 3 || c.Other != nil || len(c.Each) != 2 {
		t.Fatalf("steps %d, other %v, columns %d", steps, c.Other, len(c.Each))
	}
	total := report.Lines(c.Total.Indicators)
	la, lb := report.Lines(c.Each[0].Indicators), report.Lines(c.Each[1].Indicators)
	for i, l := range total {
		if l.Unit == report.Ratio {
			continue
		}
		if la[i].Value+lb[i].Value != l.Value {
			t.Errorf("%s: %v + %v ≠ total %v", l.Key, la[i].Value, lb[i].Value, l.Value)
		}
	}
	for _, w := range c.Each {
		if w.Indicators.ManagedDuring == 0 || w.Indicators.Visits == 0 {
			t.Errorf("%s has no people or visits: %+v", w.Unit, w.Indicators)
		}
	}
	sum := report.Sum("", p, c.Each)
	if sum.Indicators.RecidivismRate != c.Total.Indicators.RecidivismRate {
		t.Errorf("rate of the sum %v, of the total %v", sum.Indicators.RecidivismRate, c.Total.Indicators.RecidivismRate)
	}
	for i, y := range c.Total.Years {
		if s := sum.Years[i]; s.Returned != y.Returned || s.ManagedDuring != y.ManagedDuring || s.Recidivism != y.Recidivism {
			t.Errorf("year %d: sum %+v, total %+v", y.Year, s, y)
		}
	}

	// Listing only ward A puts B's records in the "other" column: the sum
	// still holds.
	c, err = report.Consolidate(ctx, st, p, []report.Ward{{Owner: a, Name: "Phường A"}}, nil)
	must(t, err)
	if c.Other == nil || c.Other.Indicators.Returned+c.Each[0].Indicators.Returned != c.Total.Indicators.Returned {
		t.Fatalf("other column: %+v", c.Other)
	}
}
