package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"hoanhap/caseload"
)

// ErrLockTampered is returned when a locked report's figures no longer
// match the hash stored with them.
var ErrLockTampered = errors.New("locked report figures do not match their hash")

// ReportLock is a report marked as sent (chốt số liệu): the figures as
// sent and their SHA-256.
type ReportLock struct {
	caseload.Meta
	Kind     string        `json:"kind"`
	From     caseload.Date `json:"period_from"`
	To       caseload.Date `json:"period_to"`
	Figures  string        `json:"figures"`
	Hash     string        `json:"hash"`
	LockedOn caseload.Date `json:"locked_on"`
}

// FiguresHash is the hex SHA-256 of figures.
func FiguresHash(figures []byte) string {
	h := sha256.Sum256(figures)
	return hex.EncodeToString(h[:])
}

var reportLockCols = selectList(reportLockColumns)

func scanReportLock(r rowScanner) (ReportLock, error) {
	var l ReportLock
	var from, to, on string
	dst, fix := metaScan(&l.Meta)
	if err := r.Scan(append(dst, &l.Kind, &from, &to, &l.Figures, &l.Hash, &on)...); err != nil {
		return l, err
	}
	fix()
	l.From, l.To, l.LockedOn = svDate(from), svDate(to), svDate(on)
	return l, nil
}

// LockReport keeps figures (the canonical JSON of a report) as sent for
// the kind and period, with their hash; a period already locked gets the
// new figures (an amended report was sent) and the audit keeps the old.
// Officers and admins only.
func (s *Store) LockReport(ctx context.Context, kind string, from, to caseload.Date, figures []byte, on caseload.Date) error {
	if err := s.requireWrite(writeSettings); err != nil {
		return fmt.Errorf("store: lock report: %w", err)
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		old, err := scanReportLock(tx.QueryRowContext(ctx, `SELECT `+reportLockCols+` FROM report_lock
			WHERE kind = ? AND period_from = ? AND period_to = ? AND deleted = 0`, kind, from.String(), to.String()))
		exists := err == nil
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		l := ReportLock{Kind: kind, From: from, To: to, Figures: string(figures), Hash: FiguresHash(figures), LockedOn: on}
		prev := 0
		if exists {
			l.Meta = old.Meta
			prev = old.Ver
		}
		s.stamp(&l.Meta, prev)
		if exists {
			_, err = tx.ExecContext(ctx, `UPDATE report_lock SET ver = ?, updated_at = ?, updated_by = ?, hlc = ?,
				figures = ?, hash = ?, locked_on = ? WHERE id = ?`, l.Ver, l.UpdatedAt.Format(time.RFC3339Nano),
				l.UpdatedBy, l.HLC, l.Figures, l.Hash, on.String(), l.ID)
			if err != nil {
				return err
			}
			return s.audit(tx, "update", "report_lock", l.ID, old, l)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO report_lock (`+reportLockCols+`) VALUES (`+svMarks(13)+`)`,
			append(metaArgs(l.Meta), kind, from.String(), to.String(), l.Figures, l.Hash, on.String())...); err != nil {
			return err
		}
		return s.audit(tx, "insert", "report_lock", l.ID, nil, l)
	})
	if err != nil {
		return fmt.Errorf("store: lock report: %w", err)
	}
	return nil
}

// LockedReport returns the lock of the kind and period, ErrNotFound when
// it was never locked, ErrLockTampered when its figures do not match the
// hash.
func (s *Store) LockedReport(ctx context.Context, kind string, from, to caseload.Date) (ReportLock, error) {
	l, err := svQueryOne(ctx, s, `SELECT `+reportLockCols+` FROM report_lock
		WHERE kind = ? AND period_from = ? AND period_to = ? AND deleted = 0`, scanReportLock, kind, from.String(), to.String())
	if err != nil {
		return l, fmt.Errorf("store: locked report: %w", err)
	}
	if FiguresHash([]byte(l.Figures)) != l.Hash {
		return l, fmt.Errorf("store: locked report %s %s–%s: %w", kind, from, to, ErrLockTampered)
	}
	return l, nil
}

// LockedReports lists the locks, newest period first.
func (s *Store) LockedReports(ctx context.Context) ([]ReportLock, error) {
	out, err := svQuery(ctx, s, `SELECT `+reportLockCols+` FROM report_lock WHERE deleted = 0
		ORDER BY period_to DESC, kind`, scanReportLock)
	if err != nil {
		return nil, fmt.Errorf("store: locked reports: %w", err)
	}
	return out, nil
}
