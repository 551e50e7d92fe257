package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
)

// Node is this installation's identity: a permanent id (the owner of every
// record it creates) and the unit it serves.
type Node struct {
	ID       string `json:"id"`
	UnitName string `json:"unit_name"`
	UnitKind string `json:"unit_kind"` // ward or office
}

func ensureNode(ctx context.Context, db *sql.DB) (Node, error) {
	var n Node
	err := db.QueryRowContext(ctx, `SELECT id, unit_name, unit_kind FROM node LIMIT 1`).Scan(&n.ID, &n.UnitName, &n.UnitKind)
	if err == nil {
		return n, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return n, err
	}
	n = Node{ID: NewID(), UnitKind: "ward"}
	_, err = db.ExecContext(ctx, `INSERT INTO node (id, unit_name, unit_kind, created_at) VALUES (?, '', 'ward', ?)`,
		n.ID, time.Now().UTC().Format(time.RFC3339))
	return n, err
}

// SetUnit names the unit this installation serves (e.g. "Phường Hòa Bình")
// and its kind ("ward" or "office").
func (s *Store) SetUnit(ctx context.Context, name, kind string) error {
	if err := s.requireWrite(writeSettings); err != nil {
		return fmt.Errorf("store: set unit: %w", err)
	}
	if kind == "" {
		kind = "ward"
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		old := s.node
		if _, err := tx.ExecContext(ctx, `UPDATE node SET unit_name = ?, unit_kind = ? WHERE id = ?`, name, kind, s.node.ID); err != nil {
			return err
		}
		nw := Node{ID: s.node.ID, UnitName: name, UnitKind: kind}
		return s.audit(tx, "update", "node", s.node.ID, old, nw)
	})
	if err != nil {
		return fmt.Errorf("store: set unit: %w", err)
	}
	s.node.UnitName, s.node.UnitKind = name, kind
	return nil
}

// NewID returns a new UUIDv7 (time-ordered) as text.
func NewID() string { return uuid.Must(uuid.NewV7()).String() }
