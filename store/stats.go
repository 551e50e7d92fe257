package store

import (
	"context"
	"fmt"

	"hoanhap/caseload"
)

// ReturnsByMonth counts the live people by the calendar month of their
// return (returned_on from–to), keyed "2026-06"; months with nobody are
// absent. The dashboard's returns chart.
func (s *Store) ReturnsByMonth(ctx context.Context, from, to caseload.Date) (map[string]int, error) {
	out := map[string]int{}
	rows, err := s.db.QueryContext(ctx, `SELECT substr(returned_on, 1, 7), count(*) FROM person
		WHERE deleted = 0 AND status <> 'expected' AND returned_on BETWEEN ? AND ? GROUP BY 1`, from.String(), to.String())
	if err != nil {
		return nil, fmt.Errorf("store: returns by month: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var m string
		var n int
		if err := rows.Scan(&m, &n); err != nil {
			return nil, fmt.Errorf("store: returns by month: %w", err)
		}
		out[m] = n
	}
	return out, rows.Err()
}

// ActiveModels counts the live models whose status is active.
func (s *Store) ActiveModels(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM model WHERE deleted = 0 AND status = 'active'`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: active models: %w", err)
	}
	return n, nil
}
