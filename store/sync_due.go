package store

import (
	"context"
	"encoding/json"
	"fmt"
)

// DueFilter selects the records of a table that go to a peer, on top of
// "not yet sent to this peer at this version". Zero fields select all.
type DueFilter struct {
	Owner        string // only records this node owns
	WrittenBy    string // only records whose last write is this node's (its clock reading)
	NotWrittenBy string // leave out records whose last write is this node's (the peer's own writes)
	// ForWard, at the office, keeps only the records routed to this ward:
	// notices addressed to it, transfers from or to it, and the records of
	// the people handed to it (by a transfer, or created with a notice for
	// it). A table with none of these sends nothing to a ward.
	ForWard string
}

// dueWhere is the SQL condition selecting the records of tb due to peer
// under f, with its arguments.
func dueWhere(tb *Table, peer string, f DueFilter) (string, []any) {
	key := tb.SQL + "." + tb.Key
	where := `NOT EXISTS (SELECT 1 FROM sync_export e WHERE e.peer = ? AND e.tbl = ? AND e.record_id = ` + key +
		` AND e.ver >= ` + tb.SQL + `.ver)`
	args := []any{peer, tb.Name}
	if f.Owner != "" {
		where += ` AND owner = ?`
		args = append(args, f.Owner)
	}
	if f.WrittenBy != "" {
		where += ` AND hlc LIKE ?`
		args = append(args, "%-"+f.WrittenBy)
	}
	if f.NotWrittenBy != "" {
		where += ` AND hlc NOT LIKE ?`
		args = append(args, "%-"+f.NotWrittenBy)
	}
	if f.ForWard != "" {
		w := f.ForWard
		handed := ` IN (SELECT person_id FROM transfer WHERE to_ward = ? AND state = 'done' AND deleted = 0
			UNION SELECT person_id FROM notice WHERE ward = ? AND deleted = 0)`
		switch {
		case tb.Name == "notice":
			where += ` AND ward = ?`
			args = append(args, w)
		case tb.Name == "transfer":
			where += ` AND (from_ward = ? OR to_ward = ?)`
			args = append(args, w, w)
		case tb.Owner == OwnerKey: // the office's calendar goes to every ward
		case tb.Name == "person":
			where += ` AND id` + handed
			args = append(args, w, w)
		case hasColumn(tb, "person_id") && tb.Owner == OwnerCreator && tb.Name != "transfer_release":
			where += ` AND person_id` + handed
			args = append(args, w, w)
		default:
			where += ` AND 0`
		}
	}
	return where, args
}

func hasColumn(tb *Table, name string) bool {
	for _, c := range tb.Columns {
		if c.Name == name {
			return true
		}
	}
	return false
}

// DueRecords calls fn, in id order, for every record of table tb that the
// peer has not been sent at its current version and that f selects.
func (t *SyncTx) DueRecords(tb *Table, f DueFilter, fn func(SyncRecord) error) error {
	epochs, err := t.epochs(tb.Name)
	if err != nil {
		return err
	}
	where, args := dueWhere(tb, t.peer, f)
	recs, err := tb.recordsWhere(t.ctx, t.tx, where, args...)
	if err != nil {
		return fmt.Errorf("records of %s: %w", tb.Name, err)
	}
	for _, rec := range recs {
		data, err := json.Marshal(rec)
		if err != nil {
			return err
		}
		id, own, hlc, ver, err := metaOf(tb, rec, data)
		if err != nil {
			return fmt.Errorf("%s record: %w", tb.Name, err)
		}
		if err := fn(SyncRecord{Table: tb.Name, ID: id, Owner: own, Epoch: epochs[id], Ver: ver, HLC: hlc, Data: data}); err != nil {
			return err
		}
	}
	return nil
}

// SyncDueCount counts the records of tb that an export to peer would carry
// under f (the counts shown before a file is written).
func (s *Store) SyncDueCount(ctx context.Context, peer string, tb *Table, f DueFilter) (int, error) {
	where, args := dueWhere(tb, peer, f)
	q := `SELECT count(*) FROM ` + tb.SQL + ` WHERE ` + where
	if tb.Where != "" {
		q += ` AND (` + tb.Where + `)`
	}
	var n int
	if err := s.db.QueryRowContext(ctx, q, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: records due to %s: %w", peer, err)
	}
	return n, nil
}
