package store

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"hoanhap/caseload"
)

// The transfer flows inside a sync transaction:
//
//   - at the old ward, an order moving one of its people away freezes the
//     person (transfer_freeze: the database refuses every write to the
//     person and the person's records) and writes the ward's release,
//     which names the final state: the next file carries that state and
//     the release after it;
//   - at the office, once the final state a release names is all there,
//     the records of the person's case move to the new ward with the next
//     ownership epoch (CompleteTransfers), and go to it in its next file;
//   - at a ward that gets back a person it once handed away, the new
//     epoch lifts the old freeze.

// movableTables are the tables whose records follow a person to the new
// ward: the ward-owned tables with a person_id. An assignment stays with
// the old ward: its mentor is the old ward's, and does not move.
func movableTables() []*Table {
	var out []*Table
	for _, tb := range registry {
		if tb.Owner == OwnerCreator && hasColumn(tb, "person_id") && tb.Name != "assignment" && tb.Name != "transfer_release" {
			out = append(out, tb)
		}
	}
	return out
}

// caseState counts the records of a person's case a node owns (person
// excluded) and sums their versions.
func (t *SyncTx) caseState(personID, owner string) (records, verSum int, err error) {
	for _, tb := range movableTables() {
		var n, sum int
		if err := t.queryRow(`SELECT count(*), coalesce(sum(ver), 0) FROM `+tb.SQL+` WHERE person_id = ? AND owner = ?`,
			personID, owner).Scan(&n, &sum); err != nil {
			return 0, 0, err
		}
		records, verSum = records+n, verSum+sum
	}
	return records, verSum, nil
}

// personVer returns the version of a person owned by owner, 0 if absent.
func (t *SyncTx) personVer(personID, owner string) (int, error) {
	var v int
	err := t.queryRow(`SELECT ver FROM person WHERE id = ? AND owner = ?`, personID, owner).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return v, err
}

// beforeWrite runs before an incoming record is written over a local one
// with local epoch lEpoch: a person coming back to this ward under a
// newer epoch is no longer frozen here.
func (t *SyncTx) beforeWrite(tb *Table, r SyncRecord, exists bool, lEpoch int64) error {
	if tb.Name != "person" || !exists || r.Owner != t.s.node.ID || r.Epoch <= lEpoch {
		return nil
	}
	_, err := t.exec(`DELETE FROM transfer_freeze WHERE person_id = ?`, r.ID)
	return err
}

// afterWrite runs after an incoming record was written: a transfer order
// moving a person away from this ward freezes the person and releases the
// final state.
func (t *SyncTx) afterWrite(tb *Table, rec any) error {
	if tb.Name != "transfer" || t.s.node.UnitKind == "office" {
		return nil
	}
	tr, ok := rec.(caseload.Transfer)
	if !ok || tr.FromWard != t.s.node.ID || tr.Deleted {
		return nil
	}
	var n int
	if err := t.queryRow(`SELECT count(*) FROM transfer_release WHERE transfer_id = ?`, tr.ID).Scan(&n); err != nil || n > 0 {
		return err
	}
	self := t.s.node.ID
	rel := caseload.TransferRelease{TransferID: tr.ID, PersonID: tr.PersonID, ReleasedOn: caseload.Today()}
	var err error
	if rel.PersonVer, err = t.personVer(tr.PersonID, self); err != nil {
		return err
	}
	if rel.Records, rel.VerSum, err = t.caseState(tr.PersonID, self); err != nil {
		return err
	}
	if _, err := t.exec(`INSERT INTO transfer_freeze (person_id, transfer_id, frozen_at) VALUES (?, ?, ?)
		ON CONFLICT (person_id) DO UPDATE SET transfer_id = excluded.transfer_id, frozen_at = excluded.frozen_at`,
		tr.PersonID, tr.ID, nowText()); err != nil {
		return err
	}
	t.s.stamp(&rel.Meta, 0)
	if _, err := t.exec(`INSERT INTO transfer_release (`+selectList(releaseColumns)+`) VALUES (`+svMarks(13)+`)`, releaseArgs(&rel)...); err != nil {
		return err
	}
	return t.s.audit(t.tx, "insert", "transfer_release", rel.ID, nil, rel)
}

// CompleteTransfers, at the office, hands to their new ward the people
// whose old ward released them and whose released final state is all here
// (caseload.TransferReady): the person and the records of the case get the
// new ward as owner, a new version written by the office and the next
// ownership epoch; the order becomes done. It returns how many transfers
// completed. Call it after the records of a file are applied.
func (t *SyncTx) CompleteTransfers() (int, error) {
	if t.s.node.UnitKind != "office" {
		return 0, nil
	}
	rows, err := t.tx.QueryContext(t.ctx, `SELECT `+svPrefix("r.", selectList(releaseColumns))+` FROM transfer_release r
		JOIN transfer t ON t.id = r.transfer_id AND t.from_ward = r.owner AND t.state = 'ordered' AND t.deleted = 0
		WHERE r.deleted = 0 ORDER BY r.id`)
	if err != nil {
		return 0, err
	}
	var rels []caseload.TransferRelease
	for rows.Next() {
		r, err := scanRelease(rows)
		if err != nil {
			rows.Close()
			return 0, err
		}
		rels = append(rels, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	done := 0
	for _, rel := range rels {
		ok, err := t.completeTransfer(rel)
		if err != nil {
			return done, fmt.Errorf("store: complete transfer %s: %w", rel.TransferID, err)
		}
		if ok {
			done++
		}
	}
	return done, nil
}

func (t *SyncTx) completeTransfer(rel caseload.TransferRelease) (bool, error) {
	tr, err := scanTransfer(t.queryRow(`SELECT `+transferCols+` FROM transfer WHERE id = ?`, rel.TransferID))
	if err != nil {
		return false, err
	}
	pv, err := t.personVer(tr.PersonID, tr.FromWard)
	if err != nil {
		return false, err
	}
	n, sum, err := t.caseState(tr.PersonID, tr.FromWard)
	if err != nil {
		return false, err
	}
	if !caseload.TransferReady(rel, pv, n, sum) {
		return false, nil // the final state has not all come yet
	}
	var cur int
	if err := t.queryRow(`SELECT epoch FROM sync_epoch WHERE tbl = 'person' AND record_id = ?`, tr.PersonID).Scan(&cur); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, err
	}
	epoch := caseload.NextEpoch(cur)
	hlc, at, by := t.HLC(), time.Now().UTC().Truncate(time.Millisecond).Format(time.RFC3339Nano), t.s.Actor()
	move := func(tb *Table, col string) error {
		rows, err := t.tx.QueryContext(t.ctx, `SELECT id FROM `+tb.SQL+` WHERE `+col+` = ? AND owner = ?`, tr.PersonID, tr.FromWard)
		if err != nil {
			return err
		}
		var ids []string
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, id := range ids {
			if _, err := t.exec(`UPDATE `+tb.SQL+` SET owner = ?, ver = ver + 1, hlc = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
				tr.ToWard, hlc, at, by, id); err != nil {
				return err
			}
			if _, err := t.exec(`INSERT INTO sync_epoch (tbl, record_id, epoch) VALUES (?, ?, ?)
				ON CONFLICT (tbl, record_id) DO UPDATE SET epoch = excluded.epoch`, tb.Name, id, epoch); err != nil {
				return err
			}
		}
		return nil
	}
	if err := move(TableNamed("person"), "id"); err != nil {
		return false, err
	}
	for _, tb := range movableTables() {
		if err := move(tb, "person_id"); err != nil {
			return false, err
		}
	}
	old := tr
	tr.State, tr.Epoch, tr.DoneOn = caseload.TransferDone, epoch, caseload.Today()
	t.s.stamp(&tr.Meta, old.Ver)
	if err := TableNamed("transfer").writeCached(t.ctx, t.sc, tr, false); err != nil {
		return false, err
	}
	if err := t.s.audit(t.tx, "update", "transfer", tr.ID, old, tr); err != nil {
		return false, err
	}
	t.applied++
	return true, nil
}
