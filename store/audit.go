package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// AuditEntry is one row of the audit log.
type AuditEntry struct {
	Seq      int64     `json:"seq"`
	At       time.Time `json:"at"`
	Who      string    `json:"who"`
	Action   string    `json:"action"` // insert, update, delete, view
	Table    string    `json:"table"`
	RecordID string    `json:"record_id"`
	Old      string    `json:"old"` // JSON of the record before, "" for insert
	New      string    `json:"new"` // JSON of the record after, "" for delete/view
}

// audit writes an audit row inside tx. old and nw are marshalled to JSON;
// pass nil for "none".
func (s *Store) audit(tx *sql.Tx, action, table, id string, old, nw any) error {
	enc := func(v any) (string, error) {
		if v == nil {
			return "", nil
		}
		b, err := json.Marshal(v)
		return string(b), err
	}
	o, err := enc(old)
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	n, err := enc(nw)
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	_, err = tx.Exec(`INSERT INTO audit (at, who, action, tbl, record_id, old_json, new_json) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		time.Now().UTC().Format(time.RFC3339Nano), s.Actor(), action, table, id, o, n)
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	return nil
}

// LogView records that the current actor opened a record (profile views of
// sensitive data are audited, docs/ARCHITECTURE.md section 11).
func (s *Store) LogView(ctx context.Context, table, id string) error {
	return s.tx(ctx, func(tx *sql.Tx) error { return s.audit(tx, "view", table, id, nil, nil) })
}

// Audit returns the audit rows about one record, oldest first.
func (s *Store) Audit(ctx context.Context, table, id string) ([]AuditEntry, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT seq, at, who, action, tbl, record_id, old_json, new_json
		FROM audit WHERE tbl = ? AND record_id = ? ORDER BY seq`, table, id)
	if err != nil {
		return nil, fmt.Errorf("store: audit: %w", err)
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var at string
		if err := rows.Scan(&e.Seq, &at, &e.Who, &e.Action, &e.Table, &e.RecordID, &e.Old, &e.New); err != nil {
			return nil, fmt.Errorf("store: audit: %w", err)
		}
		e.At, _ = time.Parse(time.RFC3339Nano, at)
		out = append(out, e)
	}
	return out, rows.Err()
}
