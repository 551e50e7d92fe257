package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// SyncPeer is a node this installation exchanges files with (a ward's
// office, an office's wards), pinned at enrolment.
type SyncPeer struct {
	NodeID       string `json:"node_id"`
	UnitName     string `json:"unit_name"`
	UnitKind     string `json:"unit_kind"` // ward or office
	Code         string `json:"code"`      // short name in file names
	Status       string `json:"status"`    // active or revoked
	EnrolledAt   string `json:"enrolled_at"`
	RevokedAt    string `json:"revoked_at,omitempty"`
	SignKey      string `json:"sign_key"`      // current Ed25519 public key
	AgeRecipient string `json:"age_recipient"` // current age recipient
}

// SyncPeerKey is one key a peer has had.
type SyncPeerKey struct {
	NodeID       string
	SignKey      string
	AgeRecipient string
	Current      bool
	PeerStatus   string // active or revoked
}

// Errors of the peer registry.
var (
	ErrPeerKeyConflict = errors.New("store: peer already pinned with another key")
	ErrPeerKeyUsed     = errors.New("store: key already pinned for another node")
	ErrPeerNotCurrent  = errors.New("store: the key to replace is not the peer's current key")
)

func nowText() string { return time.Now().UTC().Format(time.RFC3339) }

// PinPeer records a peer and its keys after its fingerprint was checked.
// Pinning the same peer with the same key again changes nothing; with
// another key it is refused (a key change goes through RotatePeerKey).
func (s *Store) PinPeer(ctx context.Context, p SyncPeer) error {
	if err := s.requireWrite(writeSettings); err != nil {
		return fmt.Errorf("store: pin peer: %w", err)
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var cur string
		err := tx.QueryRowContext(ctx, `SELECT sign_key FROM sync_peer_key WHERE node_id = ? AND current = 1`, p.NodeID).Scan(&cur)
		switch {
		case err == nil && cur == p.SignKey:
			return nil
		case err == nil:
			return ErrPeerKeyConflict
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		var other string
		err = tx.QueryRowContext(ctx, `SELECT node_id FROM sync_peer_key WHERE sign_key = ?`, p.SignKey).Scan(&other)
		if err == nil {
			return ErrPeerKeyUsed
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		now := nowText()
		if _, err := tx.ExecContext(ctx, `INSERT INTO sync_peer (node_id, unit_name, unit_kind, code, status, enrolled_at)
			VALUES (?, ?, ?, ?, 'active', ?)
			ON CONFLICT (node_id) DO UPDATE SET unit_name = excluded.unit_name, code = excluded.code`,
			p.NodeID, p.UnitName, p.UnitKind, p.Code, now); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO sync_peer_key (node_id, sign_key, age_recipient, current, added_at)
			VALUES (?, ?, ?, 1, ?)`, p.NodeID, p.SignKey, p.AgeRecipient, now); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO sync_channel (peer) VALUES (?) ON CONFLICT DO NOTHING`, p.NodeID); err != nil {
			return err
		}
		return s.audit(tx, "insert", "sync_peer", p.NodeID, nil, p)
	})
	if err != nil {
		return fmt.Errorf("store: pin peer: %w", err)
	}
	return nil
}

const peerSelect = `SELECT p.node_id, p.unit_name, p.unit_kind, p.code, p.status, p.enrolled_at, p.revoked_at,
	coalesce(k.sign_key, ''), coalesce(k.age_recipient, '')
	FROM sync_peer p LEFT JOIN sync_peer_key k ON k.node_id = p.node_id AND k.current = 1`

func scanPeer(sc interface{ Scan(...any) error }) (SyncPeer, error) {
	var p SyncPeer
	err := sc.Scan(&p.NodeID, &p.UnitName, &p.UnitKind, &p.Code, &p.Status, &p.EnrolledAt, &p.RevokedAt, &p.SignKey, &p.AgeRecipient)
	return p, err
}

// SyncPeers lists the pinned peers by unit name.
func (s *Store) SyncPeers(ctx context.Context) ([]SyncPeer, error) {
	rows, err := s.db.QueryContext(ctx, peerSelect+` ORDER BY p.unit_name, p.node_id`)
	if err != nil {
		return nil, fmt.Errorf("store: peers: %w", err)
	}
	defer rows.Close()
	var out []SyncPeer
	for rows.Next() {
		p, err := scanPeer(rows)
		if err != nil {
			return nil, fmt.Errorf("store: peers: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// SyncPeer returns one pinned peer, or ErrNotFound.
func (s *Store) SyncPeer(ctx context.Context, node string) (SyncPeer, error) {
	p, err := scanPeer(s.db.QueryRowContext(ctx, peerSelect+` WHERE p.node_id = ?`, node))
	if errors.Is(err, sql.ErrNoRows) {
		return p, ErrNotFound
	}
	if err != nil {
		return p, fmt.Errorf("store: peer: %w", err)
	}
	return p, nil
}

// SyncPeerKeys lists every key of every peer, current and retired, with
// the peer's status: an importer tries them all so that it can say
// precisely why it refuses a file (revoked, or a retired key).
func (s *Store) SyncPeerKeys(ctx context.Context) ([]SyncPeerKey, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT k.node_id, k.sign_key, k.age_recipient, k.current, p.status
		FROM sync_peer_key k JOIN sync_peer p ON p.node_id = k.node_id ORDER BY k.current DESC, k.node_id`)
	if err != nil {
		return nil, fmt.Errorf("store: peer keys: %w", err)
	}
	defer rows.Close()
	var out []SyncPeerKey
	for rows.Next() {
		var k SyncPeerKey
		if err := rows.Scan(&k.NodeID, &k.SignKey, &k.AgeRecipient, &k.Current, &k.PeerStatus); err != nil {
			return nil, fmt.Errorf("store: peer keys: %w", err)
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// RotatePeerKey replaces a peer's current keys by new ones, after the
// caller checked the key-change message was signed by the old key. The
// old key is kept, retired: files it signs are refused from now on.
func (s *Store) RotatePeerKey(ctx context.Context, node, oldSign, newSign, newAge string) error {
	if err := s.requireWrite(writeSettings); err != nil {
		return fmt.Errorf("store: rotate peer key: %w", err)
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var cur string
		err := tx.QueryRowContext(ctx, `SELECT sign_key FROM sync_peer_key WHERE node_id = ? AND current = 1`, node).Scan(&cur)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if cur == newSign {
			return nil // already rotated
		}
		if cur != oldSign {
			return ErrPeerNotCurrent
		}
		now := nowText()
		if _, err := tx.ExecContext(ctx, `UPDATE sync_peer_key SET current = 0, retired_at = ? WHERE node_id = ? AND sign_key = ?`, now, node, oldSign); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO sync_peer_key (node_id, sign_key, age_recipient, current, added_at) VALUES (?, ?, ?, 1, ?)`,
			node, newSign, newAge, now); err != nil {
			return err
		}
		return s.audit(tx, "update", "sync_peer_key", node, map[string]string{"sign_key": oldSign}, map[string]string{"sign_key": newSign})
	})
	if err != nil {
		return fmt.Errorf("store: rotate peer key: %w", err)
	}
	return nil
}

// RevokePeer stops accepting files from a peer (an office revoking a
// ward). Its records stay; its files are refused from now on.
func (s *Store) RevokePeer(ctx context.Context, node string) error {
	if err := s.requireWrite(writeSettings); err != nil {
		return fmt.Errorf("store: revoke peer: %w", err)
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE sync_peer SET status = 'revoked', revoked_at = ? WHERE node_id = ? AND status = 'active'`, nowText(), node)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			var x int
			if err := tx.QueryRowContext(ctx, `SELECT 1 FROM sync_peer WHERE node_id = ?`, node).Scan(&x); errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			return nil
		}
		return s.audit(tx, "update", "sync_peer", node, map[string]string{"status": "active"}, map[string]string{"status": "revoked"})
	})
	if err != nil {
		return fmt.Errorf("store: revoke peer: %w", err)
	}
	return nil
}
