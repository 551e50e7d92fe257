package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// ErrLoadNotEmpty is returned by Load when the store already holds
// records: a load restores a dump into a new store, it does not merge.
var ErrLoadNotEmpty = errors.New("the store already holds records")

// Load writes every record of a dump (the JSON object Dump and the CLI's
// dump print: table name -> list of records) into this store, in one
// transaction: all of it or nothing. The store must hold no records yet
// (ErrLoadNotEmpty). Tables are written in registry order, each record
// with Table.Put (no validation, sync fields kept as dumped); the node
// record is skipped (this installation keeps its identity) and user
// accounts arrive without a password (set one before they log in). An
// unknown table name or a record that does not decode is refused. One
// audit row records the load. The search index is rebuilt afterwards.
func (s *Store) Load(ctx context.Context, r io.Reader) error {
	if err := s.requireWrite(writeUsers); err != nil {
		return fmt.Errorf("store: load: %w", err)
	}
	var dump map[string][]json.RawMessage
	dec := json.NewDecoder(r)
	if err := dec.Decode(&dump); err != nil {
		return fmt.Errorf("store: load: read dump: %w", err)
	}
	return s.LoadTables(ctx, dump)
}

// LoadTables is Load of a dump already read into its tables (table name
// -> raw records): report.Load, which reads and checks every record
// first, hands them over without writing the dump out and reading it
// again.
func (s *Store) LoadTables(ctx context.Context, dump map[string][]json.RawMessage) error {
	if err := s.requireWrite(writeUsers); err != nil {
		return fmt.Errorf("store: load: %w", err)
	}
	for name := range dump {
		if TableNamed(name) == nil {
			return fmt.Errorf("store: load: unknown table %q", name)
		}
	}
	idx := s.index()
	idx.writeMu.Lock()
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := requireEmpty(ctx, tx); err != nil {
			return err
		}
		n := 0
		// One prepared statement per table for the whole load (a
		// statement prepared per record cost as much as the write).
		sc := newStmtCache(tx)
		for _, t := range registry {
			if t.Name == "node" {
				continue
			}
			for i, raw := range dump[t.Name] {
				var err error
				if t.writeCached == nil {
					err = t.Put(ctx, tx, raw)
				} else {
					var rec any
					if rec, err = t.Decode(raw); err == nil {
						err = t.writeCached(ctx, sc, rec, true)
					}
				}
				if err != nil {
					return fmt.Errorf("%s record %d: %w", t.Name, i+1, err)
				}
				n++
			}
		}
		return s.audit(tx, "insert", "load", s.node.ID, nil, map[string]int{"records": n})
	})
	idx.writeMu.Unlock()
	if err != nil {
		return fmt.Errorf("store: load: %w", err)
	}
	return s.Reload(ctx)
}

// requireEmpty returns ErrLoadNotEmpty when any exchanged table other than
// the settings holds a row.
func requireEmpty(ctx context.Context, tx *sql.Tx) error {
	for _, t := range registry {
		if t.Owner == OwnerLocal || t.Owner == OwnerKey {
			continue
		}
		var one int
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM `+t.SQL+` LIMIT 1`).Scan(&one)
		if err == nil {
			return ErrLoadNotEmpty
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
	}
	return nil
}

// Reload rebuilds the in-memory search index and the hamlet list from the
// database, after writes that bypassed the repositories (Load, a sync
// import written with Table.Write). The worklist cache follows the
// database by itself (triggers record every change).
func (s *Store) Reload(ctx context.Context) error {
	idx := s.index()
	idx.writeMu.Lock()
	defer idx.writeMu.Unlock()
	fresh, err := s.buildIndex(ctx)
	if err != nil {
		return fmt.Errorf("store: reload: %w", err)
	}
	idx.replace(fresh)
	return nil
}
