package store

import (
	"context"
	"database/sql"
	"math/rand"
	"testing"
	"time"

	"hoanhap/caseload"
)

// TestVisitSummaryInPlaceEqualsRecompute: the summary kept in place on a
// plain visit insert (migration 0011) always equals the summary recomputed
// from the whole log, whatever order visits, quarterly reports and
// corrections arrive in — corrections before the visit they correct
// included, as a sync import may write them.
func TestVisitSummaryInPlaceEqualsRecompute(t *testing.T) {
	s := svOpen(t)
	ctx := context.Background()
	p := svManaged(t, s, "Nguyễn Văn Tóm", caseload.D(2026, 1, 5))
	rng := rand.New(rand.NewSource(11))
	var visits []caseload.Visit
	for i := 0; i < 60; i++ {
		v := svVisit(p, caseload.D(2026, time.Month(1+rng.Intn(11)), 1+rng.Intn(28)), caseload.VisitHome)
		if rng.Intn(4) == 0 {
			v.Kind = caseload.VisitQuarterlyReport
		}
		v.ID, v.Owner, v.Ver, v.HLC, v.UpdatedBy = NewID(), s.node.ID, 1, s.clock.Next(), "test"
		if i > 0 && rng.Intn(3) == 0 {
			// Corrects an earlier visit not yet corrected.
			target := visits[rng.Intn(len(visits))]
			free := true
			for _, w := range visits {
				if w.Supersedes == target.ID {
					free = false
				}
			}
			if free && target.Supersedes == "" {
				v.Supersedes = target.ID
			}
		}
		visits = append(visits, v)
	}
	rng.Shuffle(len(visits), func(i, j int) { visits[i], visits[j] = visits[j], visits[i] })
	recompute := `SELECT
		coalesce((SELECT max(v.date) FROM visit v WHERE v.person_id = ?1 AND v.deleted = 0
			AND NOT EXISTS (SELECT 1 FROM visit c WHERE c.supersedes = v.id AND c.supersedes <> '' AND c.deleted = 0)), ''),
		coalesce((SELECT max(v.date) FROM visit v WHERE v.person_id = ?1 AND v.deleted = 0 AND v.kind = 'quarterly_report'
			AND NOT EXISTS (SELECT 1 FROM visit c WHERE c.supersedes = v.id AND c.supersedes <> '' AND c.deleted = 0)), '')`
	tb := TableNamed("visit")
	for i, v := range visits {
		if err := s.tx(ctx, func(tx *sql.Tx) error { return tb.Write(ctx, tx, v) }); err != nil {
			t.Fatal(err)
		}
		var last, report, wantLast, wantReport string
		if err := s.db.QueryRow(`SELECT last_visit, last_report FROM visit_summary WHERE person_id = ?`, p.ID).Scan(&last, &report); err != nil {
			t.Fatal(err)
		}
		if err := s.db.QueryRow(recompute, p.ID).Scan(&wantLast, &wantReport); err != nil {
			t.Fatal(err)
		}
		if last != wantLast || report != wantReport {
			t.Fatalf("after %d visits: summary %q %q, recomputed %q %q", i+1, last, report, wantLast, wantReport)
		}
	}
}
