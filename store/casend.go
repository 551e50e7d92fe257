package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"hoanhap/caseload"
)

// svError is an error of the supervision work with a message key, so that
// i18n.Error shows a translated sentence. The values are comparable, so
// errors.Is works on the exported sentinels.
type svError struct{ key, msg string }

func (e svError) Error() string { return e.msg }

// MessageKey returns the i18n key of the message.
func (e svError) MessageKey() string { return e.key }

// MessageArgs returns no template arguments.
func (e svError) MessageArgs() map[string]any { return nil }

// Errors of the supervision work.
var (
	ErrActiveMentor     error = svError{"supervision.error.active_mentor", "the person already has an active mentor"}
	ErrNoActiveMentor   error = svError{"supervision.error.no_active_mentor", "the person has no active mentor"}
	ErrMentorInactive   error = svError{"supervision.error.mentor_inactive", "the mentor is not active"}
	ErrAlreadyCorrected error = svError{"supervision.error.already_corrected", "this visit has already been corrected"}
	ErrNotMyPerson      error = svError{"supervision.error.not_my_person", "the person is not assigned to this mentor"}
	ErrReadOnly         error = svError{"supervision.error.read_only", "this user may not change records"}
	ErrBadLogin         error = svError{"supervision.error.bad_login", "wrong user name or password"}
	ErrPersonEnded      error = svError{"supervision.error.person_ended", "management of this person has ended"}
	ErrPersonNotManaged error = svError{"supervision.error.person_not_managed", "the person is not under management"}
	ErrUserExists       error = svError{"supervision.error.user_exists", "a user with this name already exists"}
)

var caseEndCols = selectList(caseEndColumns)

func scanCaseEnd(r rowScanner) (caseload.CaseEnd, error) {
	var c caseload.CaseEnd
	dst, after := metaScan(&c.Meta)
	var reason, pd, dd string
	err := r.Scan(append(dst, &c.PersonID, &reason, &c.Proposal.Number, &pd, &c.Decision.Number, &dd,
		&c.Destination, &c.Notes)...)
	after()
	c.Reason = caseload.EndReason(reason)
	c.Proposal.Date, c.Decision.Date = svDate(pd), svDate(dd)
	return c, err
}

// EndCase ends the management of a person (TT 10/2024 Art. 14): it records
// the end, sets the person's status to ended with the reason and decision
// (HCD-11) and closes the active assignment, in one transaction.
func (s *Store) EndCase(ctx context.Context, c *caseload.CaseEnd) error {
	if err := s.requireWrite(writeSupervision); err != nil {
		return fmt.Errorf("store: end case: %w", err)
	}
	q := *c
	caseload.NormalizeCaseEnd(&q)
	if err := caseload.ValidateCaseEnd(q, caseload.Today()); err != nil {
		return err
	}
	err := s.svPersonTx(ctx, func(tx *sql.Tx) (*caseload.Person, error) { return s.endCaseTx(ctx, tx, &q) })
	if err != nil {
		return fmt.Errorf("store: end case: %w", err)
	}
	*c = q
	return nil
}

// endCaseTx writes the case end, updates the person and closes the active
// assignment inside tx; it returns the updated person.
func (s *Store) endCaseTx(ctx context.Context, tx *sql.Tx, c *caseload.CaseEnd) (*caseload.Person, error) {
	p, err := s.svUpdatePerson(ctx, tx, c.PersonID, func(p *caseload.Person) error {
		if p.Status == caseload.StatusEnded {
			return ErrPersonEnded
		}
		p.Status = caseload.StatusEnded
		p.EndReason = c.Reason
		p.EndDecision = c.Decision
		if c.Reason == caseload.EndExpunged && p.ExpungedOn.IsZero() {
			p.ExpungedOn = c.Decision.Date
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	c.ID, c.Owner, c.Deleted = "", "", false
	s.stamp(&c.Meta, 0)
	_, err = tx.ExecContext(ctx, `INSERT INTO case_end (`+caseEndCols+`) VALUES (`+svMarks(15)+`)`,
		append(metaArgs(c.Meta), c.PersonID, string(c.Reason), c.Proposal.Number, c.Proposal.Date.String(),
			c.Decision.Number, c.Decision.Date.String(), c.Destination, c.Notes)...)
	if err != nil {
		return nil, err
	}
	if err := s.audit(tx, "insert", "case_end", c.ID, nil, c); err != nil {
		return nil, err
	}
	reason := "case_end." + string(c.Reason)
	if err := s.closeActiveTx(ctx, tx, c.PersonID, c.Decision.Date, reason, c.Destination); err != nil &&
		!errors.Is(err, ErrNoActiveMentor) {
		return nil, err
	}
	return p, nil
}

// CaseEnds returns the ends of management of a person, newest first.
func (s *Store) CaseEnds(ctx context.Context, personID string) ([]caseload.CaseEnd, error) {
	out, err := svQuery(ctx, s, `SELECT `+caseEndCols+` FROM case_end WHERE person_id = ? AND deleted = 0
		ORDER BY decision_date DESC, id DESC`, scanCaseEnd, personID)
	if err != nil {
		return nil, fmt.Errorf("store: case ends: %w", err)
	}
	return out, nil
}

// svPersonTx runs fn in one write transaction that may change a person row,
// serialised with the other writes of the search index; after the commit
// the index gets the person fn returned (if any).
func (s *Store) svPersonTx(ctx context.Context, fn func(tx *sql.Tx) (*caseload.Person, error)) error {
	idx := s.index()
	idx.writeMu.Lock()
	defer idx.writeMu.Unlock()
	var p *caseload.Person
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		p, err = fn(tx)
		return err
	})
	if err == nil && p != nil {
		idx.put(p)
	}
	return err
}

// svUpdatePerson reads a live person inside tx, applies change, stamps the
// sync fields, writes the row and its audit entry. ErrNotFound when the
// person does not exist.
func (s *Store) svUpdatePerson(ctx context.Context, tx *sql.Tx, id string, change func(p *caseload.Person) error) (*caseload.Person, error) {
	old, err := personTx(ctx, tx, id)
	if err != nil {
		return nil, fmt.Errorf("person %s: %w", id, err)
	}
	if old.Deleted {
		return nil, notFound("person", id, ErrNotFound)
	}
	p := clonePerson(old)
	if err := change(&p); err != nil {
		return nil, err
	}
	s.stamp(&p.Meta, old.Ver)
	if err := updatePerson(ctx, tx, &p); err != nil {
		return nil, err
	}
	if err := s.audit(tx, "update", "person", p.ID, old, p); err != nil {
		return nil, err
	}
	return &p, nil
}

// svLivePerson reads a live person inside tx (ErrNotFound otherwise).
func svLivePerson(ctx context.Context, tx *sql.Tx, id string) (caseload.Person, error) {
	p, err := personTx(ctx, tx, id)
	if err == nil && p.Deleted {
		err = ErrNotFound
	}
	if errors.Is(err, ErrNotFound) {
		return p, notFound("person", id, err)
	}
	if err != nil {
		return p, fmt.Errorf("person %s: %w", id, err)
	}
	return p, nil
}

// svDate parses a stored YYYY-MM-DD date; "" or garbage gives the zero Date.
func svDate(s string) caseload.Date {
	d, _ := caseload.ParseDate(s)
	return d
}

// svMarks returns n comma-separated placeholders.
func svMarks(n int) string {
	b := make([]byte, 0, 3*n)
	for i := 0; i < n; i++ {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, '?')
	}
	return string(b)
}

// svQuery runs a query and scans every row with scan.
func svQuery[T any](ctx context.Context, s *Store, q string, scan func(rowScanner) (T, error), args ...any) ([]T, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// svQueryOne runs a query expected to return one row; ErrNotFound if none.
func svQueryOne[T any](ctx context.Context, s *Store, q string, scan func(rowScanner) (T, error), args ...any) (T, error) {
	v, err := scan(s.db.QueryRowContext(ctx, q, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return v, ErrNotFound
	}
	return v, err
}
