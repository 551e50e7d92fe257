package report_test

import (
	"bytes"
	"context"
	"database/sql"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

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

// TestConsolidatedWorkbook: the workbook has one column per ward, then
// the total, and each figure's row holds the wards' values and their sum.
func TestConsolidatedWorkbook(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	must(t, st.SetUnit(ctx, "Công an tỉnh Hòa Bình", "office"))
	must(t, demo.Ensure(st))
	splitOwners(t, st, "ward-b")
	p, err := report.CustomRange(caseload.MustDate("2020-01-01"), caseload.Today())
	must(t, err)
	c, err := report.Consolidate(ctx, st, p, []report.Ward{{Owner: st.Node().ID, Name: "Phường A"}, {Owner: "ward-b", Name: "Xã B"}}, nil)
	must(t, err)
	var buf bytes.Buffer
	must(t, report.WriteConsolidated(&buf, c, report.Doc{}, "Tổng cộng", "Đơn vị khác"))
	f, err := excelize.OpenReader(&buf)
	must(t, err)
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0))
	must(t, err)
	head, found := -1, false
	for i, r := range rows {
		if len(r) >= 6 && r[3] == "Phường A" && r[4] == "Xã B" && r[5] == "Tổng cộng" {
			head = i
		}
	}
	if head < 0 {
		t.Fatalf("no header row with the wards and the total:\n%v", rows[:min(len(rows), 12)])
	}
	want := report.Lines(c.Total.Indicators)[7] // managed_end
	for _, r := range rows[head+1:] {
		if len(r) < 6 || r[1] != want.Label() {
			continue
		}
		found = true
		a, b, total := num(t, r[3]), num(t, r[4]), num(t, r[5])
		if a+b != total || total != c.Total.Indicators.ManagedEnd || a != c.Each[0].Indicators.ManagedEnd {
			t.Errorf("%s: %d + %d, total %d (report %d)", want.Label(), a, b, total, c.Total.Indicators.ManagedEnd)
		}
	}
	if !found {
		t.Fatalf("no row %q", want.Label())
	}
}

// num reads a whole number as the workbook shows it ("1,234").
func num(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(strings.ReplaceAll(strings.ReplaceAll(s, ",", ""), ".", ""))
	if err != nil {
		t.Fatalf("not a number: %q", s)
	}
	return n
}
