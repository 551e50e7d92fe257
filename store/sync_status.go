package store

import (
	"context"
	"encoding/json"
	"fmt"
)

// SyncAlert is something about sync an officer must see.
type SyncAlert struct {
	ID        string `json:"id"`
	Peer      string `json:"peer,omitempty"`
	FileID    string `json:"file_id,omitempty"`
	Seq       uint64 `json:"seq,omitempty"`
	Kind      string `json:"kind"` // fork, rejected
	Detail    string `json:"detail,omitempty"`
	CreatedAt string `json:"created_at"`
}

// AddSyncAlert records an alert. It is written on its own, outside the
// refused import, which leaves nothing else behind.
func (s *Store) AddSyncAlert(ctx context.Context, a SyncAlert) error {
	if a.ID == "" {
		a.ID = NewID()
	}
	if a.CreatedAt == "" {
		a.CreatedAt = nowText()
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO sync_alert (id, peer, file_id, seq, kind, detail, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		a.ID, a.Peer, a.FileID, a.Seq, a.Kind, a.Detail, a.CreatedAt)
	if err != nil {
		return fmt.Errorf("store: sync alert: %w", err)
	}
	return nil
}

// SyncAlerts lists the alerts, newest first.
func (s *Store) SyncAlerts(ctx context.Context) ([]SyncAlert, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, peer, file_id, seq, kind, detail, created_at FROM sync_alert ORDER BY created_at DESC, id DESC`)
	if err != nil {
		return nil, fmt.Errorf("store: sync alerts: %w", err)
	}
	defer rows.Close()
	var out []SyncAlert
	for rows.Next() {
		var a SyncAlert
		if err := rows.Scan(&a.ID, &a.Peer, &a.FileID, &a.Seq, &a.Kind, &a.Detail, &a.CreatedAt); err != nil {
			return nil, fmt.Errorf("store: sync alerts: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// SyncChannel is the state of the exchange with one peer.
type SyncChannel struct {
	Peer         SyncPeer `json:"peer"`
	OutSeq       uint64   `json:"out_seq"`       // last file written to the peer
	AckedUpto    uint64   `json:"acked_upto"`    // the peer has every file up to this one
	Unacked      []uint64 `json:"unacked"`       // written, not yet acknowledged
	PeerMissing  []uint64 `json:"peer_missing"`  // the peer reported these lost
	PeerRejected []string `json:"peer_rejected"` // the peer refused these file ids
	LastOutAt    string   `json:"last_out_at,omitempty"`
	AckAt        string   `json:"ack_at,omitempty"`
	InUpto       uint64   `json:"in_upto"`    // we have every file of the peer up to this one
	InMissing    []uint64 `json:"in_missing"` // files of the peer we lack before the last one received
	Deferred     int      `json:"deferred"`   // files kept for a later version
	LastInAt     string   `json:"last_in_at,omitempty"`
}

// SyncChannels returns the state of every channel, by peer name.
func (s *Store) SyncChannels(ctx context.Context) ([]SyncChannel, error) {
	peers, err := s.SyncPeers(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]SyncChannel, 0, len(peers))
	for _, p := range peers {
		c := SyncChannel{Peer: p, Unacked: []uint64{}, InMissing: []uint64{}}
		var missing, rejected string
		err := s.db.QueryRowContext(ctx, `SELECT out_seq, acked_upto, peer_missing, peer_rejected, ack_at FROM sync_channel WHERE peer = ?`, p.NodeID).
			Scan(&c.OutSeq, &c.AckedUpto, &missing, &rejected, &c.AckAt)
		if err != nil {
			return nil, fmt.Errorf("store: sync channels: %w", err)
		}
		if err := json.Unmarshal([]byte(missing), &c.PeerMissing); err != nil {
			return nil, fmt.Errorf("store: sync channels: %w", err)
		}
		if err := json.Unmarshal([]byte(rejected), &c.PeerRejected); err != nil {
			return nil, fmt.Errorf("store: sync channels: %w", err)
		}
		if c.Unacked, err = s.seqs(ctx, `SELECT seq FROM sync_outbox WHERE peer = ? AND acked_at = '' ORDER BY seq`, p.NodeID); err != nil {
			return nil, err
		}
		in, err := s.seqs(ctx, `SELECT seq FROM sync_inbox WHERE peer = ? ORDER BY seq`, p.NodeID)
		if err != nil {
			return nil, err
		}
		c.InUpto, _, c.InMissing = gaps(in)
		c.InMissing = nonNil(c.InMissing)
		_ = s.db.QueryRowContext(ctx, `SELECT count(*), coalesce(max(received_at), '') FROM sync_inbox WHERE peer = ? AND status = 'deferred'`, p.NodeID).Scan(&c.Deferred, new(string))
		_ = s.db.QueryRowContext(ctx, `SELECT coalesce(max(received_at), '') FROM sync_inbox WHERE peer = ?`, p.NodeID).Scan(&c.LastInAt)
		_ = s.db.QueryRowContext(ctx, `SELECT coalesce(max(created_at), '') FROM sync_outbox WHERE peer = ?`, p.NodeID).Scan(&c.LastOutAt)
		out = append(out, c)
	}
	return out, nil
}

func (s *Store) seqs(ctx context.Context, q string, args ...any) ([]uint64, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: sync channels: %w", err)
	}
	defer rows.Close()
	out := []uint64{}
	for rows.Next() {
		var v uint64
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("store: sync channels: %w", err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// SyncExportStates counts the records sent to peer by state: exported
// (in a file not yet acknowledged) and acked.
func (s *Store) SyncExportStates(ctx context.Context, peer string) (exported, acked int, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT coalesce(sum(state = 'exported'), 0), coalesce(sum(state = 'acked'), 0) FROM sync_export WHERE peer = ?`, peer).
		Scan(&exported, &acked)
	if err != nil {
		err = fmt.Errorf("store: sync export states: %w", err)
	}
	return
}
