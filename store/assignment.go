package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"hoanhap/caseload"
)

var assignmentCols = selectList(assignmentColumns)

func scanAssignment(r rowScanner) (caseload.Assignment, error) {
	var a caseload.Assignment
	dst, after := metaScan(&a.Meta)
	var dd, from, to string
	err := r.Scan(append(dst, &a.PersonID, &a.MentorID, &a.Decision.Number, &dd, &from, &to,
		&a.ChangeReason, &a.Handover)...)
	after()
	a.Decision.Date, a.From, a.To = svDate(dd), svDate(from), svDate(to)
	return a, err
}

// Assign opens an assignment of a mentor to a person (HCD-07). The person
// must be managed (or expected) and have no active assignment
// (ErrActiveMentor: exactly one active mentor per person, TT 10/2024 Art.
// 10); the mentor must be active (ErrMentorInactive). Concurrent attempts
// for the same person: one wins, the others get ErrActiveMentor.
func (s *Store) Assign(ctx context.Context, a *caseload.Assignment) error {
	if err := s.requireWrite(writeSupervision); err != nil {
		return fmt.Errorf("store: assign: %w", err)
	}
	q := *a
	if err := prepareAssignment(&q); err != nil {
		return err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error { return s.openAssignmentTx(ctx, tx, nil, &q) })
	if err != nil {
		return fmt.Errorf("store: assign: %w", err)
	}
	*a = q
	return nil
}

// prepareAssignment makes q a new open assignment (no end, no change
// reason), normalises and validates it, before any transaction.
func prepareAssignment(q *caseload.Assignment) error {
	q.To, q.ChangeReason = caseload.Date{}, ""
	caseload.NormalizeAssignment(q)
	return caseload.ValidateAssignment(*q, caseload.Today())
}

// Reassign closes the person's active assignment (to = next.From, with the
// reason and handover note) and opens next, in one transaction.
func (s *Store) Reassign(ctx context.Context, personID string, next *caseload.Assignment, reason, handover string) error {
	if err := s.requireWrite(writeSupervision); err != nil {
		return fmt.Errorf("store: reassign: %w", err)
	}
	q := *next
	q.PersonID, q.To, q.ChangeReason = personID, caseload.Date{}, ""
	caseload.NormalizeAssignment(&q)
	if err := caseload.ValidateAssignment(q, caseload.Today()); err != nil {
		return err
	}
	reason, handover = strings.TrimSpace(reason), strings.TrimSpace(handover)
	if reason == "" {
		v := &caseload.ValidationError{}
		v.Add("change_reason", "supervision.validation.required")
		return v
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.closeActiveTx(ctx, tx, personID, q.From, reason, handover); err != nil {
			return err
		}
		return s.openAssignmentTx(ctx, tx, nil, &q)
	})
	if err != nil {
		return fmt.Errorf("store: reassign: %w", err)
	}
	*next = q
	return nil
}

// EndAssignment closes the person's active assignment on to with reason.
func (s *Store) EndAssignment(ctx context.Context, personID string, to caseload.Date, reason string) error {
	if err := s.requireWrite(writeSupervision); err != nil {
		return fmt.Errorf("store: end assignment: %w", err)
	}
	if to.IsZero() || strings.TrimSpace(reason) == "" {
		v := &caseload.ValidationError{}
		if to.IsZero() {
			v.Add("to", "supervision.validation.required")
		}
		if strings.TrimSpace(reason) == "" {
			v.Add("change_reason", "supervision.validation.required")
		}
		return v
	}
	err := s.tx(ctx, func(tx *sql.Tx) error { return s.closeActiveTx(ctx, tx, personID, to, reason, "") })
	if err != nil {
		return fmt.Errorf("store: end assignment: %w", err)
	}
	return nil
}

// openAssignmentTx checks the person and mentor and inserts a (validated)
// active assignment inside tx. sc caches the statements of a batch (nil
// for a single write).
func (s *Store) openAssignmentTx(ctx context.Context, tx *sql.Tx, sc *stmtCache, a *caseload.Assignment) error {
	status, err := svLiveStatus(ctx, tx, sc, a.PersonID)
	if err != nil {
		return err
	}
	switch status {
	case caseload.StatusEnded:
		return ErrPersonEnded
	case caseload.StatusExpected:
		// A mentor is proposed after the reception session (TT 10/2024
		// Art. 10): a person not yet received has none.
		return ErrPersonNotManaged
	}
	var active bool
	err = sc.queryRow(ctx, tx, `SELECT active FROM mentor WHERE id = ? AND deleted = 0`, a.MentorID).Scan(&active)
	if errors.Is(err, sql.ErrNoRows) {
		return notFound("mentor", a.MentorID, ErrNotFound)
	}
	if err != nil {
		return err
	}
	if !active {
		return ErrMentorInactive
	}
	var n int
	if err := sc.queryRow(ctx, tx, `SELECT count(*) FROM assignment WHERE person_id = ? AND to_date = '' AND deleted = 0`,
		a.PersonID).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return ErrActiveMentor
	}
	a.ID, a.Owner, a.Deleted = "", "", false
	s.stamp(&a.Meta, 0)
	_, err = sc.exec(ctx, tx, `INSERT INTO assignment (`+assignmentCols+`) VALUES (`+svMarks(15)+`)`,
		append(metaArgs(a.Meta), a.PersonID, a.MentorID, a.Decision.Number, a.Decision.Date.String(),
			a.From.String(), "", "", a.Handover)...)
	if err != nil {
		if strings.Contains(err.Error(), "UNIQUE") {
			return ErrActiveMentor // the partial unique index caught a race
		}
		return err
	}
	return s.audit(tx, "insert", "assignment", a.ID, nil, a)
}

// closeActiveTx closes the active assignment of a person inside tx;
// ErrNoActiveMentor when there is none.
func (s *Store) closeActiveTx(ctx context.Context, tx *sql.Tx, personID string, to caseload.Date, reason, handover string) error {
	old, err := scanAssignment(tx.QueryRowContext(ctx, `SELECT `+assignmentCols+` FROM assignment
		WHERE person_id = ? AND to_date = '' AND deleted = 0`, personID))
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNoActiveMentor
	}
	if err != nil {
		return err
	}
	a := old
	if to.Before(a.From) {
		to = a.From
	}
	a.To, a.ChangeReason = to, reason
	if handover != "" {
		a.Handover = handover
	}
	s.stamp(&a.Meta, old.Ver)
	if _, err := tx.ExecContext(ctx, `UPDATE assignment SET ver=?, updated_at=?, updated_by=?, hlc=?,
		to_date=?, change_reason=?, handover=? WHERE id = ?`,
		a.Ver, metaArgs(a.Meta)[3], a.UpdatedBy, a.HLC, a.To.String(), a.ChangeReason, a.Handover, a.ID); err != nil {
		return err
	}
	return s.audit(tx, "update", "assignment", a.ID, old, a)
}

// ActiveAssignment returns the person's active assignment; ErrNotFound if
// none.
func (s *Store) ActiveAssignment(ctx context.Context, personID string) (caseload.Assignment, error) {
	a, err := svQueryOne(ctx, s, `SELECT `+assignmentCols+` FROM assignment WHERE person_id = ? AND to_date = ''
		AND deleted = 0`, scanAssignment, personID)
	if err != nil {
		return a, fmt.Errorf("store: active assignment: %w", err)
	}
	return a, nil
}

// Assignments returns the assignment history of a person, newest first.
func (s *Store) Assignments(ctx context.Context, personID string) ([]caseload.Assignment, error) {
	list, err := svQuery(ctx, s, `SELECT `+assignmentCols+` FROM assignment WHERE person_id = ? AND deleted = 0
		ORDER BY from_date DESC, id DESC`, scanAssignment, personID)
	if err != nil {
		return nil, fmt.Errorf("store: assignments: %w", err)
	}
	return list, nil
}

// MentorAssignments returns the assignments of a mentor (only the active
// ones when activeOnly), newest first.
func (s *Store) MentorAssignments(ctx context.Context, mentorID string, activeOnly bool) ([]caseload.Assignment, error) {
	q := `SELECT ` + assignmentCols + ` FROM assignment WHERE mentor_id = ? AND deleted = 0`
	if activeOnly {
		q += ` AND to_date = ''`
	}
	list, err := svQuery(ctx, s, q+` ORDER BY from_date DESC, id DESC`, scanAssignment, mentorID)
	if err != nil {
		return nil, fmt.Errorf("store: mentor assignments: %w", err)
	}
	return list, nil
}

// MentorPersonIDs returns the ids of the people actively assigned to a
// mentor, for PersonFilter.Only (the mentor role sees only them).
func (s *Store) MentorPersonIDs(ctx context.Context, mentorID string) (map[string]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT person_id FROM assignment WHERE mentor_id = ? AND to_date = ''
		AND deleted = 0`, mentorID)
	if err != nil {
		return nil, fmt.Errorf("store: mentor people: %w", err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: mentor people: %w", err)
		}
		out[id] = true
	}
	return out, rows.Err()
}
