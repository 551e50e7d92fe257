package store

import (
	"context"
	"fmt"
	"time"
)

// WardHealth is what an office sees of one enrolled ward: when its last
// file came, what is missing and what was refused.
type WardHealth struct {
	Peer       SyncPeer
	LastSeq    uint64 // highest file number received (0: none yet)
	LastAt     string // when that file was read (RFC 3339, "" when none)
	Files      int    // files received (imported or kept for later)
	Missing    []uint64
	Deferred   int // files kept for a newer version of the app
	Rejections int // files of this ward refused (damaged, wrong key…)
	Forks      int // two files with one number: needs a person to look
	People     int // people the ward manages, as far as the office knows
	// DaysSince is the number of whole days since the last file was read
	// (since enrolment when none was): -1 when the date is unknown.
	DaysSince int
}

// Health levels of a ward, worst last.
const (
	WardOK      = "ok"      // files arrive, nothing missing
	WardLate    = "late"    // no file for more than WardLateDays
	WardGap     = "gap"     // a file before the last one is missing, or one was refused
	WardAlert   = "alert"   // a fork: two files with one number
	WardRevoked = "revoked" // the office no longer accepts its files
)

// WardLateDays is how long an office waits for a ward's file before the
// ward shows as late (wards send a file at least once a month).
const WardLateDays = 35

// Level sums up the ward's health in one of the Ward* levels.
func (w WardHealth) Level() string {
	switch {
	case w.Peer.Status != "active":
		return WardRevoked
	case w.Forks > 0:
		return WardAlert
	case len(w.Missing) > 0 || w.Rejections > 0:
		return WardGap
	case w.DaysSince > WardLateDays || w.DaysSince < 0:
		return WardLate
	}
	return WardOK
}

// OfficeWards lists the enrolled wards with their health on day now, by
// name. Read-only; it reads the channel bookkeeping only (one pass per
// ward over its few inbox rows), so it stays fast with a hundred wards.
func (s *Store) OfficeWards(ctx context.Context, now time.Time) ([]WardHealth, error) {
	peers, err := s.SyncPeers(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: office wards: %w", err)
	}
	people, err := s.countByOwner(ctx, `SELECT owner, count(*) FROM person WHERE deleted = 0 AND status <> 'ended' GROUP BY owner`)
	if err != nil {
		return nil, fmt.Errorf("store: office wards: %w", err)
	}
	var out []WardHealth
	for _, p := range peers {
		if p.UnitKind != "ward" {
			continue
		}
		w := WardHealth{Peer: p, People: people[p.NodeID], DaysSince: -1}
		in, err := s.seqs(ctx, `SELECT seq FROM sync_inbox WHERE peer = ? ORDER BY seq`, p.NodeID)
		if err != nil {
			return nil, fmt.Errorf("store: office wards: %w", err)
		}
		w.Files = len(in)
		if len(in) > 0 {
			w.LastSeq = in[len(in)-1]
		}
		_, _, w.Missing = gaps(in)
		err = s.db.QueryRowContext(ctx, `SELECT coalesce(max(received_at), ''), count(*) FILTER (WHERE status = 'deferred')
			FROM sync_inbox WHERE peer = ?`, p.NodeID).Scan(&w.LastAt, &w.Deferred)
		if err != nil {
			return nil, fmt.Errorf("store: office wards: %w", err)
		}
		// A refused file counts until a later file of the ward was read:
		// the ward has sent it again (or a newer one) since.
		err = s.db.QueryRowContext(ctx, `SELECT
			count(DISTINCT file_id) FILTER (WHERE kind = 'rejected' AND created_at >= ?),
			count(*) FILTER (WHERE kind = 'fork')
			FROM sync_alert WHERE peer = ?`, w.LastAt, p.NodeID).Scan(&w.Rejections, &w.Forks)
		if err != nil {
			return nil, fmt.Errorf("store: office wards: %w", err)
		}
		since := w.LastAt
		if since == "" {
			since = p.EnrolledAt
		}
		if t, err := time.Parse(time.RFC3339, since); err == nil {
			w.DaysSince = int(now.Sub(t).Hours() / 24)
			if w.DaysSince < 0 {
				w.DaysSince = 0
			}
		}
		out = append(out, w)
	}
	return out, nil
}

// countByOwner runs a (owner, count) query.
func (s *Store) countByOwner(ctx context.Context, q string, args ...any) (map[string]int, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var o string
		var n int
		if err := rows.Scan(&o, &n); err != nil {
			return nil, err
		}
		out[o] = n
	}
	return out, rows.Err()
}

// PersonOwners maps every person's id to the node that owns the record
// (a ward's node id; this installation's for its own people). The office's
// merged caseload reads it once to show and filter by ward.
func (s *Store) PersonOwners(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, owner FROM person WHERE deleted = 0`)
	if err != nil {
		return nil, fmt.Errorf("store: person owners: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, o string
		if err := rows.Scan(&id, &o); err != nil {
			return nil, fmt.Errorf("store: person owners: %w", err)
		}
		out[id] = o
	}
	return out, rows.Err()
}

// RecordOwners lists the distinct owners of the people, visits, loans,
// mentors, models and businesses: the columns a consolidated report needs
// so that its per-owner figures add up to the total.
func (s *Store) RecordOwners(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT owner FROM person UNION SELECT owner FROM visit
		UNION SELECT owner FROM loan UNION SELECT owner FROM mentor UNION SELECT owner FROM model
		UNION SELECT owner FROM business ORDER BY 1`)
	if err != nil {
		return nil, fmt.Errorf("store: record owners: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var o string
		if err := rows.Scan(&o); err != nil {
			return nil, fmt.Errorf("store: record owners: %w", err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}
