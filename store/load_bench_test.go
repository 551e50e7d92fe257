package store

import (
	"context"
	"database/sql"
	"math/rand"
	"path/filepath"
	"testing"
	"time"

	"hoanhap/caseload"
)

// BenchmarkRawLoad100k is the baseline of report's BenchmarkLoad100k: a
// fresh store, then 100,000 person rows through one plain prepared INSERT
// in one transaction: no JSON, no validation, no audit row, no search
// index. What a load costs beyond it is its own work.
func BenchmarkRawLoad100k(b *testing.B) {
	const n = 100_000
	r := rand.New(rand.NewSource(9))
	people := make([]caseload.Person, n)
	for i := range people {
		people[i] = benchPersonValues(r)
	}
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		s, err := Open(filepath.Join(b.TempDir(), "raw.db"))
		if err != nil {
			b.Fatal(err)
		}
		clock := NewClock("bench", time.Now)
		b.StartTimer()
		err = s.tx(ctx, func(tx *sql.Tx) error {
			ins, err := tx.PrepareContext(ctx, personInsertSQL)
			if err != nil {
				return err
			}
			defer ins.Close()
			for i := range people {
				p := people[i]
				p.Meta = caseload.Meta{ID: NewID(), Owner: "bench", Ver: 1, UpdatedAt: time.Now().UTC(), UpdatedBy: "bench", HLC: clock.Next()}
				data, err := personArgs(&p)
				if err != nil {
					return err
				}
				if _, err := ins.ExecContext(ctx, append(metaArgs(p.Meta), data...)...); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}
