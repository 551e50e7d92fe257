package report_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	"hoanhap/report"
)

// BenchmarkConsolidated100Wards100k: an office's annual report over 100
// wards (100,000 people, 1,000,000 visits in all): every ward's figures
// and the total. The fixture's records are shared out among the wards
// first (people by row, visits with their person).
func BenchmarkConsolidated100Wards100k(b *testing.B) {
	st := benchStore(b)
	db, err := sql.Open("sqlite", st.Path())
	if err != nil {
		b.Fatal(err)
	}
	for _, q := range []string{
		`UPDATE person SET owner = 'ward-' || (rowid % 100)`,
		`UPDATE visit SET owner = coalesce((SELECT owner FROM person WHERE person.id = visit.person_id), owner)`,
		`UPDATE loan SET owner = 'ward-' || (rowid % 100)`,
		`UPDATE mentor SET owner = 'ward-' || (rowid % 100)`,
	} {
		if _, err := db.Exec(q); err != nil {
			b.Fatal(err)
		}
	}
	db.Close()
	wards := make([]report.Ward, 100)
	for i := range wards {
		wards[i] = report.Ward{Owner: fmt.Sprintf("ward-%d", i), Name: fmt.Sprintf("Phường %d", i)}
	}
	p := report.YearOf(2026, report.DefaultCutoffDay)
	b.ResetTimer()
	for b.Loop() {
		c, err := report.Consolidate(context.Background(), st, p, wards, nil)
		if err != nil {
			b.Fatal(err)
		}
		sum := 0
		for _, r := range c.Each {
			sum += r.Indicators.ManagedEnd
		}
		if sum != c.Total.Indicators.ManagedEnd || sum == 0 {
			b.Fatalf("wards %d, total %d", sum, c.Total.Indicators.ManagedEnd)
		}
	}
}
