package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// A scratch store is a temporary store that shares the identity of a real
// one: records written there are owned by the real store's node, as if
// written in it. CommitScratch copies all its records into the real store
// in one transaction, so that a long generated load (the demo ward: 100,000
// people, a million visits, written through the ordinary repositories with
// their checks) lands whole or not at all: cancelled or killed half-way,
// the real store is untouched and the work can simply be run again.

// Scratch opens a new, empty scratch store for s in a temporary folder.
// Close it with DiscardScratch, or publish it with CommitScratch.
func (s *Store) Scratch(ctx context.Context) (*Store, error) {
	dir, err := os.MkdirTemp("", "hoanhap-scratch-")
	if err != nil {
		return nil, fmt.Errorf("store: scratch: %w", err)
	}
	path := filepath.Join(dir, "scratch.db")
	db, err := sql.Open("sqlite", DSN(path))
	if err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("store: scratch: %w", err)
	}
	db.SetMaxOpenConns(1)
	sc := &Store{db: db, path: path, actor: s.Actor(), peopleReady: make(chan struct{})}
	err = migrate(ctx, db)
	if err == nil {
		_, err = db.ExecContext(ctx, `INSERT INTO node (id, unit_name, unit_kind, created_at) VALUES (?, ?, ?, datetime('now'))`,
			s.node.ID, s.node.UnitName, s.node.UnitKind)
	}
	if err == nil {
		err = sc.init(ctx)
	}
	if err == nil {
		err = sc.loadIndex(ctx, db)
	}
	if err != nil {
		db.Close()
		os.RemoveAll(dir)
		return nil, fmt.Errorf("store: scratch: %w", err)
	}
	return sc, nil
}

// DiscardScratch closes a scratch store and removes its files.
func DiscardScratch(sc *Store) {
	sc.db.Close()
	os.RemoveAll(filepath.Dir(sc.path))
}

// CommitScratch copies every record of the scratch store sc (see Scratch)
// and its audit rows into s, in one transaction, then discards sc. s must
// hold no records of its own yet (ErrLoadNotEmpty; settings and holidays
// may exist: the scratch's replace them). The derived tables (visit and
// classification summaries, worklist changes) follow through their
// triggers; the search index is rebuilt.
func (s *Store) CommitScratch(ctx context.Context, sc *Store) error {
	if sc.node.ID != s.node.ID {
		return errors.New("store: commit scratch: not a scratch of this store")
	}
	if err := sc.db.Close(); err != nil {
		return fmt.Errorf("store: commit scratch: %w", err)
	}
	defer os.RemoveAll(filepath.Dir(sc.path))

	idx := s.index()
	idx.writeMu.Lock()
	defer idx.writeMu.Unlock()
	if err := s.attachAndCopy(ctx, sc.path); err != nil {
		return fmt.Errorf("store: commit scratch: %w", err)
	}
	fresh, err := s.buildIndex(ctx) // after the pinned connection is back in the pool
	if err != nil {
		return fmt.Errorf("store: commit scratch: %w", err)
	}
	idx.replace(fresh)
	return nil
}

// attachAndCopy attaches the scratch file to one connection and copies it
// in one transaction.
func (s *Store) attachAndCopy(ctx context.Context, path string) (err error) {
	conn, err := s.db.Conn(ctx) // ATTACH holds for one connection, outside a transaction
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `ATTACH DATABASE ? AS scratch`, path); err != nil {
		return err
	}
	defer func() {
		if _, derr := conn.ExecContext(context.Background(), `DETACH DATABASE scratch`); derr != nil && err == nil {
			err = derr
		}
	}()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := copyScratch(ctx, tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// copyScratch copies the registered tables and the audit log from the
// attached scratch database inside tx.
func copyScratch(ctx context.Context, tx *sql.Tx) error {
	if err := requireEmpty(ctx, tx); err != nil {
		return err
	}
	for _, t := range registry {
		if t.Name == "node" {
			continue
		}
		cols := make([]string, len(t.Columns))
		for i, c := range t.Columns {
			cols[i] = c.Name
		}
		list := strings.Join(cols, ", ")
		verb := `INSERT`
		if t.Owner == OwnerKey {
			verb = `INSERT OR REPLACE` // settings and holidays both stores hold
		}
		q := verb + ` INTO main.` + t.SQL + ` (` + list + `) SELECT ` + list + ` FROM scratch.` + t.SQL
		if t.Where != "" {
			q += ` WHERE ` + t.Where
		}
		if _, err := tx.ExecContext(ctx, q+` ORDER BY `+t.Key); err != nil {
			return fmt.Errorf("copy %s: %w", t.Name, err)
		}
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO main.audit (at, who, action, tbl, record_id, old_json, new_json)
		SELECT at, who, action, tbl, record_id, old_json, new_json FROM scratch.audit ORDER BY seq`)
	return err
}
