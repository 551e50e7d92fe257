package store

import (
	"context"
	"fmt"

	"hoanhap/caseload"
)

// VisitExportRow is one visit of the visit log as the Excel export lists
// it: the visit, the person's name and hamlet, and whether a later entry
// corrected it.
type VisitExportRow struct {
	caseload.Visit
	PersonName string
	Hamlet     string
	Corrected  bool
}

// EachVisit streams the live visits dated from–to (zero dates: no bound)
// of one person ("" for everybody), oldest first, to fn, without holding
// the log in memory. fn's error stops the scan and is returned.
func (s *Store) EachVisit(ctx context.Context, from, to caseload.Date, personID string, fn func(VisitExportRow) error) error {
	a, b := "0000-00-00", "9999-12-31"
	if !from.IsZero() {
		a = from.String()
	}
	if !to.IsZero() {
		b = to.String()
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+svPrefix("v.", visitCols)+`, p.full_name, p.hamlet,
		EXISTS (SELECT 1 FROM visit c WHERE c.supersedes = v.id AND c.supersedes <> '' AND c.deleted = 0)
		FROM visit v JOIN person p ON p.id = v.person_id
		WHERE v.deleted = 0 AND p.deleted = 0 AND v.date BETWEEN ? AND ? AND (? = '' OR v.person_id = ?)
		ORDER BY v.date, v.id`, a, b, personID, personID)
	if err != nil {
		return fmt.Errorf("store: visits: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r VisitExportRow
		v, err := scanVisit(scanTails{rows, []any{&r.PersonName, &r.Hamlet, &r.Corrected}})
		if err != nil {
			return fmt.Errorf("store: visits: %w", err)
		}
		r.Visit = v
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// scanTails appends destinations to a Scan call.
type scanTails struct {
	r    rowScanner
	tail []any
}

func (t scanTails) Scan(dest ...any) error { return t.r.Scan(append(dest, t.tail...)...) }
