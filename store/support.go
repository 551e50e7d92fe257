package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"hoanhap/caseload"
)

// This file holds the support-measure repository and the small generic
// helpers the support, loan, model, business and exemplary repositories
// share (insert-or-update with version check and audit, get, list, delete).

// supTable describes one table of synchronised records of type T.
type supTable[T any] struct {
	name string
	cols []string                       // data columns, after the sync columns
	meta func(*T) *caseload.Meta        // the record's sync fields
	args func(*T) []any                 // values of cols
	dest func(*T) ([]any, func() error) // scan destinations for cols and a finisher
}

type supScanner interface{ Scan(dest ...any) error }

func (t supTable[T]) selectSQL() string {
	return `SELECT ` + metaCols + `, ` + strings.Join(t.cols, ", ") + ` FROM ` + t.name
}

func (t supTable[T]) scan(sc supScanner) (T, error) {
	var rec T
	md, fin := metaScan(t.meta(&rec))
	dd, finD := t.dest(&rec)
	if err := sc.Scan(append(md, dd...)...); err != nil {
		return rec, err
	}
	fin()
	return rec, finD()
}

type supQuerier interface {
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

// supGet reads one record by id, deleted or not; sql.ErrNoRows if absent.
func supGet[T any](ctx context.Context, q supQuerier, t supTable[T], id string) (T, error) {
	return t.scan(q.QueryRowContext(ctx, t.selectSQL()+` WHERE id = ?`, id))
}

// supLive reads one live record by id, or ErrNotFound.
func supLive[T any](ctx context.Context, s *Store, t supTable[T], id string) (T, error) {
	rec, err := supGet(ctx, s.db, t, id)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && t.meta(&rec).Deleted) {
		var zero T
		return zero, notFound(t.name, id, ErrNotFound)
	}
	if err != nil {
		return rec, fmt.Errorf("store: %s %s: %w", t.name, id, err)
	}
	return rec, nil
}

// supList runs the table's select with a suffix (WHERE ... ORDER BY ...).
func supList[T any](ctx context.Context, s *Store, t supTable[T], suffix string, args ...any) ([]T, error) {
	rows, err := s.db.QueryContext(ctx, t.selectSQL()+" "+suffix, args...)
	if err != nil {
		return nil, fmt.Errorf("store: list %s: %w", t.name, err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		rec, err := t.scan(rows)
		if err != nil {
			return nil, fmt.Errorf("store: list %s: %w", t.name, err)
		}
		out = append(out, rec)
	}
	return out, rows.Err()
}

// supSave inserts rec (empty ID) or updates it (its Ver must equal the
// stored one, else ErrConflict), with the audit row, in one transaction.
// check runs inside the transaction before the write (references exist).
// On success *rec becomes the stored record.
func supSave[T any](ctx context.Context, s *Store, t supTable[T], rec *T, check func(tx *sql.Tx) error) error {
	q := *rec
	err := s.tx(ctx, func(tx *sql.Tx) error { return supWrite(ctx, s, tx, nil, t, &q, check) })
	if err != nil {
		return fmt.Errorf("store: save %s: %w", t.name, err)
	}
	*rec = q
	return nil
}

// supWrite is the body of supSave inside tx: it runs check, then inserts
// or updates q and writes its audit row, filling q's sync fields. sc
// caches the statements of a batch (nil for a single write).
func supWrite[T any](ctx context.Context, s *Store, tx *sql.Tx, sc *stmtCache, t supTable[T], q *T, check func(tx *sql.Tx) error) error {
	m := t.meta(q)
	if check != nil {
		if err := check(tx); err != nil {
			return err
		}
	}
	if m.ID == "" {
		m.Deleted, m.Owner = false, ""
		s.stamp(m, 0)
		ph := strings.TrimSuffix(strings.Repeat("?, ", 7+len(t.cols)), ", ")
		_, err := sc.exec(ctx, tx, `INSERT INTO `+t.name+` (`+metaCols+`, `+strings.Join(t.cols, ", ")+`) VALUES (`+ph+`)`,
			append(metaArgs(*m), t.args(q)...)...)
		if err != nil {
			return err
		}
		return s.audit(tx, "insert", t.name, m.ID, nil, *q)
	}
	old, err := supGet(ctx, tx, t, m.ID)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && t.meta(&old).Deleted) {
		return ErrNotFound
	}
	if err != nil {
		return err
	}
	om := t.meta(&old)
	if om.Ver != m.Ver {
		return ErrConflict
	}
	m.Owner, m.Deleted = om.Owner, false
	s.stamp(m, om.Ver)
	set := make([]string, 0, 7+len(t.cols))
	for _, c := range strings.Split(metaCols, ", ") {
		set = append(set, c+" = ?")
	}
	for _, c := range t.cols {
		set = append(set, c+" = ?")
	}
	args := append(metaArgs(*m), t.args(q)...)
	args = append(args, m.ID)
	if _, err := sc.exec(ctx, tx, `UPDATE `+t.name+` SET `+strings.Join(set, ", ")+` WHERE id = ?`, args...); err != nil {
		return err
	}
	return s.audit(tx, "update", t.name, m.ID, old, *q)
}

// supDelete marks a record deleted (a tombstone: ver+1, new HLC) with its
// audit row. ErrNotFound if there is no such live record.
func supDelete[T any](ctx context.Context, s *Store, t supTable[T], id string) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		old, err := supGet(ctx, tx, t, id)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && t.meta(&old).Deleted) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		m := *t.meta(&old)
		s.stamp(&m, m.Ver)
		m.Deleted = true
		if _, err := tx.ExecContext(ctx, `UPDATE `+t.name+` SET ver = ?, updated_at = ?, updated_by = ?, hlc = ?, deleted = 1 WHERE id = ?`,
			m.Ver, metaArgs(m)[3], m.UpdatedBy, m.HLC, id); err != nil {
			return err
		}
		return s.audit(tx, "delete", t.name, id, old, nil)
	})
	if err != nil {
		return fmt.Errorf("store: delete %s: %w", t.name, err)
	}
	return nil
}

// supAll returns every record of the table including tombstones, ordered
// by id, as []any for the dump.
func supAll[T any](ctx context.Context, s *Store, t supTable[T]) ([]any, error) {
	recs, err := supList(ctx, s, t, `ORDER BY id`)
	if err != nil {
		return nil, err
	}
	out := make([]any, len(recs))
	for i := range recs {
		out[i] = recs[i]
	}
	return out, nil
}

// supRefCheck returns a validation error on field when no live row of
// table has the id.
func supRefCheck(ctx context.Context, tx *sql.Tx, table, id, field, key string) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+table+` WHERE id = ? AND deleted = 0`, id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		v := &caseload.ValidationError{}
		v.Add(field, key, "ID", id)
		return v
	}
	return nil
}

// supDate returns a scan destination for a date column and a finisher
// that parses it into d.
func supDate(d *caseload.Date) (*string, func() error) {
	var s string
	return &s, func() error {
		v, err := caseload.ParseDate(s)
		if err != nil {
			return err
		}
		*d = v
		return nil
	}
}

// supFinish chains finishers.
func supFinish(fs ...func() error) func() error {
	return func() error {
		for _, f := range fs {
			if err := f(); err != nil {
				return err
			}
		}
		return nil
	}
}

// supNull turns "" into NULL for nullable reference columns.
func supNull(s string) any {
	if s == "" {
		return nil
	}
	return s
}

var supportTable = supTable[caseload.Support]{
	name: "support",
	cols: columnNames(supportColumns),
	meta: func(r *caseload.Support) *caseload.Meta { return &r.Meta },
	args: func(r *caseload.Support) []any {
		return []any{r.PersonID, string(r.Kind), r.Date.String(), r.Provider, r.Outcome, r.Amount, r.Employer, r.Income, r.EndedOn.String(), r.Notes}
	},
	dest: func(r *caseload.Support) ([]any, func() error) {
		d, fd := supDate(&r.Date)
		e, fe := supDate(&r.EndedOn)
		return []any{&r.PersonID, (*string)(&r.Kind), d, &r.Provider, &r.Outcome, &r.Amount, &r.Employer, &r.Income, e, &r.Notes}, supFinish(fd, fe)
	},
}

// SaveSupport normalises and validates a support measure, then inserts it
// (empty ID) or updates it (Ver must match, else ErrConflict), with its
// audit row. The person must exist.
func (s *Store) SaveSupport(ctx context.Context, rec *caseload.Support) error {
	if err := s.requireWrite(writeSupport); err != nil {
		return fmt.Errorf("store: save support: %w", err)
	}
	q := *rec
	if err := prepareSupport(&q); err != nil {
		return err
	}
	if err := supSave(ctx, s, supportTable, &q, supportCheck(ctx, &q)); err != nil {
		return err
	}
	*rec = q
	return nil
}

// prepareSupport normalises and validates q, before any transaction.
func prepareSupport(q *caseload.Support) error {
	q.Normalize()
	return q.Validate()
}

// supportCheck returns the in-transaction check of a support measure: its
// person exists.
func supportCheck(ctx context.Context, q *caseload.Support) func(tx *sql.Tx) error {
	return func(tx *sql.Tx) error {
		return supRefCheck(ctx, tx, "person", q.PersonID, "person_id", "support.error.person_unknown")
	}
}

// Support returns one live support measure, or ErrNotFound.
func (s *Store) Support(ctx context.Context, id string) (caseload.Support, error) {
	return supLive(ctx, s, supportTable, id)
}

// DeleteSupport marks a support measure deleted.
func (s *Store) DeleteSupport(ctx context.Context, id string) error {
	if err := s.requireWrite(writeSupport); err != nil {
		return fmt.Errorf("store: delete support: %w", err)
	}
	return supDelete(ctx, s, supportTable, id)
}

// PersonSupports returns a person's live support measures, newest first.
func (s *Store) PersonSupports(ctx context.Context, personID string) ([]caseload.Support, error) {
	return supList(ctx, s, supportTable, `WHERE person_id = ? AND deleted = 0 ORDER BY date DESC, id DESC`, personID)
}

// SupportFilter narrows the support list. Zero fields do not filter.
type SupportFilter struct {
	Kind caseload.SupportKind
	From caseload.Date // date on or after
	To   caseload.Date // date on or before
}

// SupportRow is a support measure with the person's name, for lists.
type SupportRow struct {
	caseload.Support
	PersonName string
}

// Supports returns the live support measures matching f, newest first,
// with the person's name.
func (s *Store) Supports(ctx context.Context, f SupportFilter) ([]SupportRow, error) {
	where := []string{"deleted = 0"}
	var args []any
	if f.Kind != "" {
		where, args = append(where, "kind = ?"), append(args, string(f.Kind))
	}
	if !f.From.IsZero() {
		where, args = append(where, "date >= ?"), append(args, f.From.String())
	}
	if !f.To.IsZero() {
		where, args = append(where, "date <= ?"), append(args, f.To.String())
	}
	recs, err := supList(ctx, s, supportTable, `WHERE `+strings.Join(where, " AND ")+` ORDER BY date DESC, id DESC`, args...)
	if err != nil {
		return nil, err
	}
	names, err := s.supPersonNames(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]SupportRow, len(recs))
	for i, r := range recs {
		out[i] = SupportRow{Support: r, PersonName: names[r.PersonID]}
	}
	return out, nil
}

// supPersonNames maps every person id to the full name.
func (s *Store) supPersonNames(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, full_name FROM person`)
	if err != nil {
		return nil, fmt.Errorf("store: person names: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, fmt.Errorf("store: person names: %w", err)
		}
		out[id] = name
	}
	return out, rows.Err()
}

// CurrentEmployment returns the person's employment on day, if any.
func (s *Store) CurrentEmployment(ctx context.Context, personID string, day caseload.Date) (caseload.Support, bool, error) {
	list, err := supList(ctx, s, supportTable, `WHERE person_id = ? AND kind = 'employment' AND deleted = 0`, personID)
	if err != nil {
		return caseload.Support{}, false, err
	}
	e, ok := caseload.CurrentEmployment(list, day)
	return e, ok, nil
}
