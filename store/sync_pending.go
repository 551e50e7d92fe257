package store

import (
	"context"
	"database/sql"
	"fmt"
)

// SyncPendingCounts counts, per table name, the records the next file to
// peer would carry: the records of the given tables (of owner, or of any
// owner when owner is "") never sent to peer, or changed since the version
// last sent. It is DueRecords' rule, counted in SQL without reading the
// records, so that the sync screen can show the counts before writing.
// Tables with nothing to send are left out of the map.
func (s *Store) SyncPendingCounts(ctx context.Context, peer string, tables []string, owner string) (map[string]int, error) {
	out := map[string]int{}
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		for _, name := range tables {
			tb := TableNamed(name)
			if tb == nil || !tb.Exchanged() {
				return fmt.Errorf("table %q is not exchanged", name)
			}
			where := `(e.record_id IS NULL OR e.ver < t.ver)`
			args := []any{peer, tb.Name}
			if owner != "" {
				where += ` AND t.owner = ?`
				args = append(args, owner)
			}
			if tb.Where != "" {
				where += ` AND (` + tb.Where + `)`
			}
			var n int
			q := `SELECT count(*) FROM ` + tb.SQL + ` t LEFT JOIN sync_export e
				ON e.peer = ? AND e.tbl = ? AND e.record_id = t.` + tb.Key + ` WHERE ` + where
			if err := tx.QueryRowContext(ctx, q, args...).Scan(&n); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			if n > 0 {
				out[name] = n
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: sync pending: %w", err)
	}
	return out, nil
}
