package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
)

// The table registry: every table of the database is declared here, once.
// A synchronised table (a Table in registry) says how its rows become the
// records of docs/ARCHITECTURE.md section 5 and back; a local table (localTables) says
// why it never leaves this installation. Dump, load, sync export/import
// and sealing read this file; registry_test.go fails when a migration adds
// a table or a column that is not declared here. See docs/registry.md.

// OwnerRule says which installation may change the records of a table
// (the merge rules of the sync files).
type OwnerRule string

const (
	// OwnerCreator: one owner per record, the installation that created it
	// (the record's owner field); an upsert is accepted only from it.
	OwnerCreator OwnerRule = "creator"
	// OwnerOffice: the provincial office alone writes these records
	// (prison notices).
	OwnerOffice OwnerRule = "office"
	// OwnerLocal: every installation keeps its own rows (its identity, its
	// user accounts); they are dumped but never exchanged.
	OwnerLocal OwnerRule = "local"
	// OwnerKey: the record id is a natural key every installation shares
	// (a setting's key, a holiday's date); the newest clock wins.
	OwnerKey OwnerRule = "key"
)

// Column is one SQL column of a registered table.
type Column struct {
	Name string // SQL name
	// JSON is the canonical name of the field in a record (docs/ARCHITECTURE.md
	// section 5), dotted for a field of a nested object
	// ("judgment.number"). "" for a column that never leaves this
	// installation (a password hash, a bookkeeping flag).
	JSON string
	// Personal: the column identifies a person or describes their life
	// (names, numbers, addresses, free text about them). Sealed at rest.
	Personal bool
}

// Table is one synchronised table: its records appear in a dump and travel
// in sync files (unless Owner is OwnerLocal).
type Table struct {
	Name string // canonical name: the dump key, the record kind of sync files
	SQL  string // SQL table name
	// Key is the SQL column holding the record id (a UUIDv7, or the
	// natural key of a setting or holiday).
	Key string
	// Columns are every SQL column of the table: those with a JSON name
	// in record order (the order of scan and args), then the local ones.
	Columns []Column
	// AppendOnly: records are never changed once written; a correction is
	// a new record that supersedes the old one (the visit log).
	AppendOnly bool
	Owner      OwnerRule
	// Where selects the rows that are records ("" = every row): the
	// holiday table also holds the built-in calendar, which is not data.
	Where string

	records func(ctx context.Context, q supQuerier) ([]any, error)
	// recordsWhere is records restricted by an SQL condition on the table's
	// columns.
	recordsWhere func(ctx context.Context, q supQuerier, where string, args ...any) ([]any, error)
	decode       func(raw []byte) (any, error)
	write        func(ctx context.Context, tx *sql.Tx, rec any) error
	// writeCached is write through a transaction's statement cache (sync
	// import writes thousands of records in one transaction).
	writeCached func(ctx context.Context, sc *stmtCache, rec any, fresh bool) error
	// insertCached inserts a record with a plain INSERT (no conflict
	// clause): a row with the same key makes it fail, and the caller then
	// takes the slow path (sync import, where most records are new).
	insertCached func(ctx context.Context, sc *stmtCache, rec any) error
}

// Exchanged reports whether the table travels in sync files.
func (t *Table) Exchanged() bool { return t.Owner != OwnerLocal }

// PersonalColumns returns the SQL names of the columns holding personal
// data.
func (t *Table) PersonalColumns() []string {
	var out []string
	for _, c := range t.Columns {
		if c.Personal {
			out = append(out, c.Name)
		}
	}
	return out
}

// Records returns every record of the table, deleted ones included, in id
// order, as values of its Go type (caseload.Person, caseload.Visit, ...).
// Each marshals to the canonical JSON object of the record.
func (t *Table) Records(ctx context.Context, s *Store) ([]any, error) {
	out, err := t.records(ctx, s.db)
	if err != nil {
		return nil, fmt.Errorf("store: records of %s: %w", t.Name, err)
	}
	return out, nil
}

// Decode parses one record in canonical JSON (as Dump gives it) into the
// table's Go type. Unknown fields are refused.
func (t *Table) Decode(raw json.RawMessage) (any, error) {
	if t.decode == nil {
		return nil, fmt.Errorf("store: %s records cannot be loaded", t.Name)
	}
	rec, err := t.decode(raw)
	if err != nil {
		return nil, fmt.Errorf("store: decode %s record: %w", t.Name, err)
	}
	return rec, nil
}

// Write stores one record of the table's Go type (as Decode or Records
// give it) inside tx, exactly as given: inserted, or replacing every
// record column of the stored row with the same id. Local columns keep
// their value (a user's password hash), or get their default on insert.
//
// Write is the raw write under load and sync import: it does not stamp
// the sync fields, write an audit row, validate, check the owner or the
// version, or update the in-memory index and worklist cache. The caller
// does what its operation needs, writes the tables in registry order (a
// record's references first) and calls Store.Reload after the commit.
func (t *Table) Write(ctx context.Context, tx *sql.Tx, rec any) error {
	if t.write == nil {
		return fmt.Errorf("store: %s records cannot be loaded", t.Name)
	}
	if err := t.write(ctx, tx, rec); err != nil {
		return fmt.Errorf("store: write %s record: %w", t.Name, err)
	}
	return nil
}

// Put is Decode followed by Write.
func (t *Table) Put(ctx context.Context, tx *sql.Tx, raw json.RawMessage) error {
	rec, err := t.Decode(raw)
	if err != nil {
		return err
	}
	return t.Write(ctx, tx, rec)
}

// Tables returns the registered tables in load order: every table comes
// after the tables its records refer to.
func Tables() []*Table { return append([]*Table(nil), registry...) }

// TableNamed returns the registered table with the canonical name, or nil.
func TableNamed(name string) *Table {
	for _, t := range registry {
		if t.Name == name {
			return t
		}
	}
	return nil
}

// LocalTable is a table that never leaves this installation.
type LocalTable struct {
	Name string
	Why  string
}

// LocalTables returns the tables that are not records: derived data,
// bookkeeping, the audit log. SQLite's own tables (sqlite_sequence,
// sqlite_stat1, ...) are neither.
func LocalTables() []LocalTable { return append([]LocalTable(nil), localTables...) }

var localTables = []LocalTable{
	{"audit", "who changed what and when; every installation keeps its own log"},
	{"schema_migrations", "which migrations ran here"},
	{"visit_summary", "latest visit and quarterly report per person, kept by triggers from visit"},
	{"classification_summary", "latest quarter classified per person, kept by triggers from classification"},
	{"worklist_seq", "change counter of the worklist cache"},
	{"worklist_change", "people whose worklist input changed, for the worklist cache"},
	{"sync_peer", "the offices and wards this installation exchanges files with"},
	{"sync_peer_key", "the keys of each peer, current and retired"},
	{"sync_channel", "sequence numbers and acknowledgements per directed pair"},
	{"sync_outbox", "the sync files written, kept to resend"},
	{"sync_inbox", "the sync files received, imported or deferred"},
	{"sync_alert", "sync problems an officer must see"},
	{"sync_conflict", "records received with the same version and other content"},
	{"sync_pending", "received operations waiting for the record they refer to"},
	{"sync_epoch", "the ownership epoch of transferred records"},
	{"sync_export", "the version of each record last sent to each peer"},
	{"transfer_freeze", "the people frozen at this ward by a transfer order (derived from the orders received)"},
}

// codec tells a Table how to read and write rows of Go type T.
type codec[T any] struct {
	// scan reads one row selected with the table's record columns.
	scan func(rowScanner) (T, error)
	// args returns the values of the record columns, in the same order.
	args func(*T) ([]any, error)
	// keep, when set, drops records that must not leave the store
	// (secret settings).
	keep func(*T) bool
	// local gives the value of a local column on insert; update marks
	// those that a Write also overwrites.
	local []localValue
}

type localValue struct {
	col    string
	val    any
	update bool
}

// define builds a registered table from its description and codec.
func define[T any](t Table, c codec[T]) *Table {
	var recCols []string
	for _, col := range t.Columns {
		if col.JSON != "" {
			recCols = append(recCols, col.Name)
		}
	}
	sel := `SELECT ` + strings.Join(recCols, ", ") + ` FROM ` + t.SQL
	t.recordsWhere = func(ctx context.Context, q supQuerier, where string, args ...any) ([]any, error) {
		query := sel
		switch {
		case t.Where != "" && where != "":
			query += ` WHERE (` + t.Where + `) AND (` + where + `)`
		case t.Where != "" || where != "":
			query += ` WHERE ` + t.Where + where
		}
		rows, err := q.QueryContext(ctx, query+` ORDER BY `+t.Key, args...)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []any
		for rows.Next() {
			rec, err := c.scan(rows)
			if err != nil {
				return nil, err
			}
			if c.keep == nil || c.keep(&rec) {
				out = append(out, rec)
			}
		}
		return out, rows.Err()
	}
	t.records = func(ctx context.Context, q supQuerier) ([]any, error) { return t.recordsWhere(ctx, q, "") }
	if c.args == nil {
		return &t
	}
	t.decode = func(raw []byte) (any, error) {
		var rec T
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&rec); err != nil {
			return nil, err
		}
		return rec, nil
	}
	insCols := append([]string(nil), recCols...)
	var set []string
	for _, col := range recCols {
		if col != t.Key {
			set = append(set, col+" = excluded."+col)
		}
	}
	var localArgs []any
	for _, l := range c.local {
		insCols = append(insCols, l.col)
		localArgs = append(localArgs, l.val)
		if l.update {
			set = append(set, l.col+" = excluded."+l.col)
		}
	}
	keyIdx := -1
	var updSet []string
	for i, col := range recCols {
		if col == t.Key {
			keyIdx = i
		} else {
			updSet = append(updSet, col+" = ?")
		}
	}
	var localUpd []any
	for _, l := range c.local {
		if l.update {
			updSet = append(updSet, l.col+" = ?")
			localUpd = append(localUpd, l.val)
		}
	}
	upd := `UPDATE ` + t.SQL + ` SET ` + strings.Join(updSet, ", ") + ` WHERE ` + t.Key + ` = ?`
	ins := `INSERT INTO ` + t.SQL + ` (` + strings.Join(insCols, ", ") + `) VALUES (` + svMarks(len(insCols)) +
		`) ON CONFLICT (` + t.Key + `) DO UPDATE SET ` + strings.Join(set, ", ")
	write := func(ctx context.Context, exec func(q string, args ...any) (sql.Result, error), v any, fresh bool) error {
		rec, ok := v.(T)
		if !ok {
			p, okp := v.(*T)
			if !okp || p == nil {
				return fmt.Errorf("record of type %T, want %T", v, rec)
			}
			rec = *p
		}
		args, err := c.args(&rec)
		if err != nil {
			return err
		}
		// An existing row is updated in place: an upsert would run the
		// person triggers' INSERT OR REPLACE under its own conflict rule
		// and fail on worklist_change.
		if fresh { // the caller knows the row is not there
			_, err = exec(ins, append(args, localArgs...)...)
			return err
		}
		updArgs := make([]any, 0, len(args)+len(localArgs))
		for i, a := range args {
			if i != keyIdx {
				updArgs = append(updArgs, a)
			}
		}
		updArgs = append(append(updArgs, localUpd...), args[keyIdx])
		res, err := exec(upd, updArgs...)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n > 0 {
			return nil
		}
		_, err = exec(ins, append(args, localArgs...)...)
		return err
	}
	t.write = func(ctx context.Context, tx *sql.Tx, v any) error {
		return write(ctx, func(q string, args ...any) (sql.Result, error) { return tx.ExecContext(ctx, q, args...) }, v, false)
	}
	t.writeCached = func(ctx context.Context, sc *stmtCache, v any, fresh bool) error {
		return write(ctx, func(q string, args ...any) (sql.Result, error) { return sc.exec(ctx, sc.tx, q, args...) }, v, fresh)
	}
	plain := `INSERT INTO ` + t.SQL + ` (` + strings.Join(insCols, ", ") + `) VALUES (` + svMarks(len(insCols)) + `)`
	t.insertCached = func(ctx context.Context, sc *stmtCache, v any) error {
		rec, ok := v.(T)
		if !ok {
			return fmt.Errorf("record of type %T, want %T", v, rec)
		}
		args, err := c.args(&rec)
		if err != nil {
			return err
		}
		_, err = sc.exec(ctx, sc.tx, plain, append(args, localArgs...)...)
		return err
	}
	return &t
}

// Helpers to declare columns.

// col is a column whose JSON name is its SQL name.
func col(name string) Column { return Column{Name: name, JSON: name} }

// pcol is a column of personal data whose JSON name is its SQL name.
func pcol(name string) Column { return Column{Name: name, JSON: name, Personal: true} }

// jcol is a column with another JSON name.
func jcol(name, json string) Column { return Column{Name: name, JSON: json} }

// localCol is a column that never leaves the store.
func localCol(name string) Column { return Column{Name: name} }

// metaColumns are the sync fields every record carries, in metaCols order.
var metaColumns = []Column{col("id"), col("owner"), col("ver"), col("updated_at"), col("updated_by"), col("hlc"), col("deleted")}

// withMeta returns the sync columns followed by data.
func withMeta(data []Column) []Column { return append(append([]Column(nil), metaColumns...), data...) }

// columnNames returns the SQL names of the record columns (JSON != "").
func columnNames(cs []Column) []string {
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		if c.JSON != "" {
			out = append(out, c.Name)
		}
	}
	return out
}

// selectList is metaCols followed by the record columns of data, for the
// SELECT and INSERT statements of the repositories.
func selectList(data []Column) string {
	return metaCols + ", " + strings.Join(columnNames(data), ", ")
}
