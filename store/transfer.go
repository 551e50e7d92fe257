package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"hoanhap/caseload"
)

// Transfers of a person between wards and notices addressed to a ward:
// the office's side (orders, lists) and the ward's (is a person frozen).
// The flows inside a sync transaction are in transfer_sync.go.

// transferError is an error with a message for the user.
type transferError struct{ key, msg string }

func (e transferError) Error() string { return e.msg }

// MessageKey returns the i18n key of the message.
func (e transferError) MessageKey() string { return e.key }

// MessageArgs returns no template arguments.
func (e transferError) MessageArgs() map[string]any { return nil }

// Errors of transfers and ward notices.
var (
	// ErrPersonFrozen: the person was ordered transferred away from this
	// ward; the record is read-only here.
	ErrPersonFrozen error = transferError{"transfer.error.person_frozen", "the person is frozen by a transfer order"}
	// ErrOfficeOnly: only the office writes transfer orders and notices
	// for a ward.
	ErrOfficeOnly error = transferError{"transfer.error.office_only", "only the office may do this"}
	// ErrWardUnknown: the ward named is not an enrolled, active ward.
	ErrWardUnknown error = transferError{"transfer.error.ward_unknown", "the ward is not enrolled with this office"}
	// ErrNotWardsPerson: a notice for a ward about a person another node owns.
	ErrNotWardsPerson error = transferError{"transfer.error.not_wards_person", "the person belongs to another ward"}
)

// frozenMarker is the text of the database's refusal (migration 0011).
const frozenMarker = "hoanhap: person frozen by a transfer"

// frozenErr turns the database's refusal of a write to a frozen person
// into ErrPersonFrozen.
func frozenErr(err error) error {
	if err != nil && !errors.Is(err, ErrPersonFrozen) && strings.Contains(err.Error(), frozenMarker) {
		return ErrPersonFrozen
	}
	return err
}

var transferCols = selectList(transferColumns)

var transferColumns = []Column{
	col("person_id"), col("from_ward"), col("to_ward"), col("ordered_on"), col("effective_on"), col("number"),
	col("state"), col("epoch"), col("done_on"), pcol("notes"),
}

var releaseColumns = []Column{
	col("transfer_id"), col("person_id"), col("released_on"), col("person_ver"), col("records"), col("ver_sum"),
}

func scanTransfer(r rowScanner) (caseload.Transfer, error) {
	var t caseload.Transfer
	dst, after := metaScan(&t.Meta)
	var ord, eff, state, done string
	err := r.Scan(append(dst, &t.PersonID, &t.FromWard, &t.ToWard, &ord, &eff, &t.Number, &state, &t.Epoch, &done, &t.Notes)...)
	after()
	t.OrderedOn, t.EffectiveOn, t.DoneOn = svDate(ord), svDate(eff), svDate(done)
	t.State = caseload.TransferState(state)
	return t, err
}

func transferArgs(t *caseload.Transfer) []any {
	return append(metaArgs(t.Meta), t.PersonID, t.FromWard, t.ToWard, t.OrderedOn.String(), t.EffectiveOn.String(),
		t.Number, string(t.State), t.Epoch, t.DoneOn.String(), t.Notes)
}

func scanRelease(r rowScanner) (caseload.TransferRelease, error) {
	var t caseload.TransferRelease
	dst, after := metaScan(&t.Meta)
	var on string
	err := r.Scan(append(dst, &t.TransferID, &t.PersonID, &on, &t.PersonVer, &t.Records, &t.VerSum)...)
	after()
	t.ReleasedOn = svDate(on)
	return t, err
}

func releaseArgs(t *caseload.TransferRelease) []any {
	return append(metaArgs(t.Meta), t.TransferID, t.PersonID, t.ReleasedOn.String(), t.PersonVer, t.Records, t.VerSum)
}

// activeWard reports whether node is an enrolled, active ward of this
// installation.
func activeWard(ctx context.Context, q supQuerier, node string) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT count(*) FROM sync_peer WHERE node_id = ? AND unit_kind = 'ward' AND status = 'active'`, node).Scan(&n)
	return n > 0, err
}

// OrderTransfer records the office's order moving a person to the ward
// t.ToWard (a node id). The person must belong to an enrolled ward, have
// no other transfer under way, and the new ward must be enrolled and
// active (caseload.ValidateTransfer). FromWard is the person's owner; the
// state is ordered. The order travels to both wards in their next files.
func (s *Store) OrderTransfer(ctx context.Context, t *caseload.Transfer) error {
	if err := s.requireWrite(writeSupervision); err != nil {
		return fmt.Errorf("store: order transfer: %w", err)
	}
	if s.node.UnitKind != "office" {
		return ErrOfficeOnly
	}
	q := *t
	caseload.NormalizeTransfer(&q)
	if q.OrderedOn.IsZero() {
		q.OrderedOn = caseload.Today()
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var c caseload.TransferCheck
		var deleted bool
		err := tx.QueryRowContext(ctx, `SELECT owner, deleted FROM person WHERE id = ?`, q.PersonID).Scan(&c.PersonOwner, &deleted)
		switch {
		case err == nil:
			c.PersonFound, c.PersonDeleted = true, deleted
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		var open int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM transfer WHERE person_id = ? AND state = 'ordered' AND deleted = 0`,
			q.PersonID).Scan(&open); err != nil {
			return err
		}
		c.Open = open > 0
		if c.FromWardKnown, err = activeWard(ctx, tx, c.PersonOwner); err != nil {
			return err
		}
		if c.ToWardKnown, err = activeWard(ctx, tx, q.ToWard); err != nil {
			return err
		}
		if err := caseload.ValidateTransfer(q, c, caseload.Today()); err != nil {
			return err
		}
		q.ID, q.Owner, q.Deleted = "", "", false
		q.FromWard, q.State, q.Epoch, q.DoneOn = c.PersonOwner, caseload.TransferOrdered, 0, caseload.Date{}
		s.stamp(&q.Meta, 0)
		if _, err := tx.ExecContext(ctx, `INSERT INTO transfer (`+transferCols+`) VALUES (`+svMarks(17)+`)`, transferArgs(&q)...); err != nil {
			return err
		}
		return s.audit(tx, "insert", "transfer", q.ID, nil, q)
	})
	if err != nil {
		return fmt.Errorf("store: order transfer: %w", err)
	}
	*t = q
	return nil
}

// TransferFilter selects transfer orders; zero fields select all.
type TransferFilter struct {
	PersonID string                 // one person's transfers
	Ward     string                 // transfers from or to this ward (node id)
	State    caseload.TransferState // ordered or done
}

// Transfers returns the transfer orders this installation holds (at the
// office all of them; at a ward those from or to it), newest first.
func (s *Store) Transfers(ctx context.Context, f TransferFilter) ([]caseload.Transfer, error) {
	q := `SELECT ` + transferCols + ` FROM transfer WHERE deleted = 0`
	var args []any
	if f.PersonID != "" {
		q += ` AND person_id = ?`
		args = append(args, f.PersonID)
	}
	if f.Ward != "" {
		q += ` AND (from_ward = ? OR to_ward = ?)`
		args = append(args, f.Ward, f.Ward)
	}
	if f.State != "" {
		q += ` AND state = ?`
		args = append(args, string(f.State))
	}
	list, err := svQuery(ctx, s, q+` ORDER BY ordered_on DESC, id DESC`, scanTransfer, args...)
	if err != nil {
		return nil, fmt.Errorf("store: transfers: %w", err)
	}
	return list, nil
}

// TransferReleases returns the old wards' releases of a transfer (at the
// office; at the old ward its own), oldest first.
func (s *Store) TransferReleases(ctx context.Context, transferID string) ([]caseload.TransferRelease, error) {
	list, err := svQuery(ctx, s, `SELECT `+selectList(releaseColumns)+` FROM transfer_release WHERE transfer_id = ? AND deleted = 0
		ORDER BY released_on, id`, scanRelease, transferID)
	if err != nil {
		return nil, fmt.Errorf("store: transfer releases: %w", err)
	}
	return list, nil
}

// PersonFrozen reports whether the person's record is frozen here by a
// transfer order (read-only: every write to the person or the person's
// records is refused with ErrPersonFrozen), and the order that froze it.
func (s *Store) PersonFrozen(ctx context.Context, personID string) (bool, caseload.Transfer, error) {
	var tid string
	err := s.db.QueryRowContext(ctx, `SELECT transfer_id FROM transfer_freeze WHERE person_id = ?`, personID).Scan(&tid)
	if errors.Is(err, sql.ErrNoRows) {
		return false, caseload.Transfer{}, nil
	}
	if err != nil {
		return false, caseload.Transfer{}, fmt.Errorf("store: person frozen: %w", err)
	}
	t, err := svQueryOne(ctx, s, `SELECT `+transferCols+` FROM transfer WHERE id = ?`, scanTransfer, tid)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return true, t, fmt.Errorf("store: person frozen: %w", err)
	}
	return true, t, nil
}

// FrozenPeople returns the ids of the people frozen here by a transfer.
func (s *Store) FrozenPeople(ctx context.Context) (map[string]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT person_id FROM transfer_freeze`)
	if err != nil {
		return nil, fmt.Errorf("store: frozen people: %w", err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: frozen people: %w", err)
		}
		out[id] = true
	}
	return out, rows.Err()
}

// checkNoticeWard checks, inside the transaction of a notice addressed to
// a ward, that this installation is the office and the ward is enrolled
// and active.
func (s *Store) checkNoticeWard(ctx context.Context, tx *sql.Tx, ward string) error {
	if s.node.UnitKind != "office" {
		return ErrOfficeOnly
	}
	ok, err := activeWard(ctx, tx, ward)
	if err != nil {
		return err
	}
	if !ok {
		return ErrWardUnknown
	}
	return nil
}
