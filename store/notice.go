package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"hoanhap/caseload"
)

var noticeCols = selectList(noticeColumns)

func scanNotice(r rowScanner) (caseload.Notice, error) {
	var n caseload.Notice
	dst, after := metaScan(&n.Meta)
	var nd, rel, by, chk, chkOn, ans, fam, up string
	err := r.Scan(append(dst, &n.PersonID, &n.Sender, &n.Number, &nd, &rel, &by, &chk, &chkOn,
		&n.NewAddress, &ans, &fam, &n.FamilyCheckNote, &up, &n.Notes, &n.Ward)...)
	after()
	n.NoticeDate, n.ExpectedRelease, n.ReportBy = svDate(nd), svDate(rel), svDate(by)
	n.AddressCheck, n.AddressCheckedOn = caseload.AddressCheck(chk), svDate(chkOn)
	n.SenderAnsweredOn, n.FamilyCheckedOn, n.UpwardReportOn = svDate(ans), svDate(fam), svDate(up)
	return n, err
}

func noticeArgs(n *caseload.Notice) []any {
	return append(metaArgs(n.Meta), n.PersonID, n.Sender, n.Number, n.NoticeDate.String(),
		n.ExpectedRelease.String(), n.ReportBy.String(), string(n.AddressCheck), n.AddressCheckedOn.String(),
		n.NewAddress, n.SenderAnsweredOn.String(), n.FamilyCheckedOn.String(), n.FamilyCheckNote,
		n.UpwardReportOn.String(), n.Notes, n.Ward)
}

// AddNotice records a prison notice (TT 10/2024 Art. 8) and creates the
// expected person p in the same transaction: p's status becomes expected,
// its facility defaults to the sender and its completed_on to the expected
// release date. At the office, n.Ward (the node id of an enrolled, active
// ward) addresses the notice to that ward: the ward owns the new person,
// and both travel in that ward's next file only (ErrOfficeOnly at a ward,
// ErrWardUnknown for a ward not enrolled). Both are validated first; on success n.PersonID and both
// records' sync fields are filled and the person is in the search index.
func (s *Store) AddNotice(ctx context.Context, n *caseload.Notice, p *caseload.Person) error {
	if err := s.requireWrite(writeSupervision); err != nil {
		return fmt.Errorf("store: add notice: %w", err)
	}
	qn, qp := *n, clonePerson(*p)
	qp.ID, qp.Owner, qp.Deleted, qp.Ver = "", "", false, 0
	qp.Status = caseload.StatusExpected
	if qp.Facility == "" {
		qp.Facility = qn.Sender
	}
	if qp.CompletedOn.IsZero() {
		qp.CompletedOn = qn.ExpectedRelease
	}
	caseload.Normalize(&qp)
	caseload.NormalizeNotice(&qn)
	today := caseload.Today()
	qn.PersonID = "pending" // filled after the person insert
	verr := &caseload.ValidationError{}
	for _, err := range []error{caseload.ValidatePerson(qp, today), caseload.ValidateNotice(qn, today)} {
		var v *caseload.ValidationError
		if errors.As(err, &v) {
			verr.Errors = append(verr.Errors, v.Errors...)
		} else if err != nil {
			return err
		}
	}
	if err := verr.OrNil(); err != nil {
		return err
	}
	err := s.svPersonTx(ctx, func(tx *sql.Tx) (*caseload.Person, error) {
		if qn.Ward != "" {
			// Entered at the office for a ward: the ward owns the person.
			if err := s.checkNoticeWard(ctx, tx, qn.Ward); err != nil {
				return nil, err
			}
			qp.Owner = qn.Ward
		}
		if err := checkCitizenID(ctx, tx, &qp, nil); err != nil {
			return nil, err
		}
		s.stamp(&qp.Meta, 0)
		if err := insertPerson(ctx, tx, &qp); err != nil {
			return nil, err
		}
		if err := s.audit(tx, "insert", "person", qp.ID, nil, qp); err != nil {
			return nil, err
		}
		qn.ID, qn.Owner, qn.Deleted, qn.PersonID = "", "", false, qp.ID
		s.stamp(&qn.Meta, 0)
		if _, err := tx.ExecContext(ctx, `INSERT INTO notice (`+noticeCols+`) VALUES (`+svMarks(22)+`)`, noticeArgs(&qn)...); err != nil {
			return nil, err
		}
		return &qp, s.audit(tx, "insert", "notice", qn.ID, nil, qn)
	})
	if err != nil {
		return fmt.Errorf("store: add notice: %w", err)
	}
	*n, *p = qn, qp
	return nil
}

// AddNoticeFor records a prison notice about a person already in the
// register (n.PersonID), who must not be ended; the person is unchanged.
// With n.Ward set (office only) the person must belong to that ward
// (ErrNotWardsPerson).
func (s *Store) AddNoticeFor(ctx context.Context, n *caseload.Notice) error {
	if err := s.requireWrite(writeSupervision); err != nil {
		return fmt.Errorf("store: add notice: %w", err)
	}
	q := *n
	if err := prepareNoticeFor(&q); err != nil {
		return err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error { return s.writeNoticeFor(ctx, tx, nil, &q) })
	if err != nil {
		return fmt.Errorf("store: add notice: %w", err)
	}
	*n = q
	return nil
}

// prepareNoticeFor normalises and validates a notice about an existing
// person (the person id is required), before any transaction.
func prepareNoticeFor(q *caseload.Notice) error {
	caseload.NormalizeNotice(q)
	if q.PersonID == "" {
		v := &caseload.ValidationError{}
		v.Add("person_id", "supervision.validation.required")
		return v
	}
	return caseload.ValidateNotice(*q, caseload.Today())
}

// writeNoticeFor inserts a prepared notice about a live, not ended person
// inside tx, with its audit row; the person is unchanged. sc caches the
// statements of a batch (nil for a single write).
func (s *Store) writeNoticeFor(ctx context.Context, tx *sql.Tx, sc *stmtCache, q *caseload.Notice) error {
	status, err := svLiveStatus(ctx, tx, sc, q.PersonID)
	if err != nil {
		return err
	}
	if q.Ward != "" {
		if err := s.checkNoticeWard(ctx, tx, q.Ward); err != nil {
			return err
		}
		var owner string
		if err := tx.QueryRowContext(ctx, `SELECT owner FROM person WHERE id = ?`, q.PersonID).Scan(&owner); err != nil {
			return err
		}
		if owner != q.Ward {
			return ErrNotWardsPerson
		}
	}
	if status == caseload.StatusEnded {
		return ErrPersonEnded
	}
	q.ID, q.Owner, q.Deleted = "", "", false
	s.stamp(&q.Meta, 0)
	if _, err := sc.exec(ctx, tx, `INSERT INTO notice (`+noticeCols+`) VALUES (`+svMarks(22)+`)`, noticeArgs(q)...); err != nil {
		return err
	}
	return s.audit(tx, "insert", "notice", q.ID, nil, *q)
}

// UpdateNotice saves the follow-up of a notice: address check result,
// answer to the sender (HCD-03), family check and upward report (HCD-04).
// n.Ver must equal the stored version (else ErrConflict); the person and
// sender fields cannot move to another person.
func (s *Store) UpdateNotice(ctx context.Context, n *caseload.Notice) error {
	if err := s.requireWrite(writeSupervision); err != nil {
		return fmt.Errorf("store: update notice: %w", err)
	}
	q := *n
	caseload.NormalizeNotice(&q)
	if err := caseload.ValidateNotice(q, caseload.Today()); err != nil {
		return err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		old, err := current(ctx, tx, `SELECT `+noticeCols+` FROM notice WHERE id = ? AND deleted = 0`, q.ID, q.Ver,
			scanNotice, func(r caseload.Notice) int { return r.Ver })
		if err != nil {
			return err
		}
		q.Owner, q.PersonID, q.Ward = old.Owner, old.PersonID, old.Ward
		s.stamp(&q.Meta, old.Ver)
		a := noticeArgs(&q)
		if _, err := tx.ExecContext(ctx, `UPDATE notice SET owner=?, ver=?, updated_at=?, updated_by=?, hlc=?, deleted=?,
			person_id=?, sender=?, number=?, notice_date=?, expected_release=?, report_by=?, address_check=?,
			address_checked_on=?, new_address=?, sender_answered_on=?, family_checked_on=?, family_check_note=?,
			upward_report_on=?, notes=?, ward=? WHERE id = ?`, append(a[1:], q.ID)...); err != nil {
			return err
		}
		return s.audit(tx, "update", "notice", q.ID, old, q)
	})
	if err != nil {
		return fmt.Errorf("store: update notice: %w", err)
	}
	*n = q
	return nil
}

// Notice returns one notice; ErrNotFound if absent or deleted.
func (s *Store) Notice(ctx context.Context, id string) (caseload.Notice, error) {
	n, err := svQueryOne(ctx, s, `SELECT `+noticeCols+` FROM notice WHERE id = ? AND deleted = 0`, scanNotice, id)
	if err != nil {
		return n, fmt.Errorf("store: notice %s: %w", id, err)
	}
	return n, nil
}

// Notices returns the notices, newest first; with openOnly only those whose
// person is still expected.
func (s *Store) Notices(ctx context.Context, openOnly bool) ([]caseload.Notice, error) {
	q := `SELECT ` + svPrefix("n.", noticeCols) + ` FROM notice n`
	if openOnly {
		q += ` JOIN person p ON p.id = n.person_id AND p.status = 'expected' AND p.deleted = 0`
	}
	list, err := svQuery(ctx, s, q+` WHERE n.deleted = 0 ORDER BY n.notice_date DESC, n.id DESC`, scanNotice)
	if err != nil {
		return nil, fmt.Errorf("store: notices: %w", err)
	}
	return list, nil
}

// NoticesOf returns the notices about one person, newest first.
func (s *Store) NoticesOf(ctx context.Context, personID string) ([]caseload.Notice, error) {
	list, err := svQuery(ctx, s, `SELECT `+noticeCols+` FROM notice WHERE person_id = ? AND deleted = 0
		ORDER BY notice_date DESC, id DESC`, scanNotice, personID)
	if err != nil {
		return nil, fmt.Errorf("store: notices: %w", err)
	}
	return list, nil
}

// svPrefix qualifies every column of a comma-separated list with prefix.
func svPrefix(prefix, cols string) string {
	var out []byte
	start := true
	for i := 0; i < len(cols); i++ {
		c := cols[i]
		if start && c != ' ' && c != '\n' && c != '\t' {
			out = append(out, prefix...)
			start = false
		}
		if c == ',' {
			start = true
		}
		out = append(out, c)
	}
	return string(out)
}
