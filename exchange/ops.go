package exchange

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"hoanhap/exchange/payload"
	"hoanhap/store"
)

// Operation names of payload schema 1: "ack", and for a record of table T
// "T.upsert" (a record that may change, deletion being a tombstone: an
// upsert with deleted set) or "T.add" (an append-only record).
const (
	OpAck = "ack" // the sender's ack of the recipient's files
)

func recordOp(tb *store.Table) string {
	if tb.AppendOnly {
		return tb.Name + ".add"
	}
	return tb.Name + ".upsert"
}

// dueFilter says which records of table tb an export from this node (of
// kind selfKind) to peer carries; false when the table does not travel
// that way.
func dueFilter(tb *store.Table, selfKind, self, peer string) (store.DueFilter, bool) {
	if !tb.Exchanged() {
		return store.DueFilter{}, false
	}
	switch f := tableFlows[tb.Name].flow; {
	case selfKind == "ward" && f == fromWard:
		// Its own records, not those the office wrote for it.
		return store.DueFilter{Owner: self, NotWrittenBy: peer}, true
	case selfKind == "office" && f == fromOffice:
		return store.DueFilter{}, true
	case selfKind == "office" && f == toWard:
		return store.DueFilter{Owner: self, ForWard: peer}, true
	case selfKind == "office" && f == fromWard:
		// The ward's records the office wrote: people handed over.
		return store.DueFilter{Owner: peer, WrittenBy: self, ForWard: peer}, true
	}
	return store.DueFilter{}, false
}

// exportRecords writes, in registry order (references first), the
// records due to the peer of t (dueFilter) at a version the peer has not
// been sent. Each is marked EXPORTED in the same transaction. report,
// when not nil, gets the count after every progressEvery records.
func exportRecords(t *store.SyncTx, w *payload.Writer, selfKind, self string, report func(done int)) (int, error) {
	n := 0
	for _, tb := range store.Tables() {
		f, ok := dueFilter(tb, selfKind, self, t.Peer())
		if !ok {
			continue
		}
		err := t.DueRecords(tb, f, func(r store.SyncRecord) error {
			if err := w.Add(payload.Op{Op: recordOp(tb), Table: tb.Name, ID: r.ID, Owner: r.Owner, Epoch: r.Epoch, Ver: r.Ver, Data: r.Data}); err != nil {
				return err
			}
			n++
			if report != nil && n%progressEvery == 0 {
				report(n)
			}
			return t.MarkExported(tb.Name, r.ID, r.Ver)
		})
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// applyOp applies one operation of an authenticated file inside the
// import transaction. fromOffice: the sender is the office.
func applyOp(t *store.SyncTx, op payload.Op, fromOffice bool, fileID string) error {
	if op.Op == OpAck {
		var a store.SyncAck
		dec := json.NewDecoder(bytes.NewReader(op.Data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&a); err != nil {
			return fail("payload_malformed", fmt.Errorf("ack: %w", err))
		}
		return t.ApplyAck(a)
	}
	tb := store.TableNamed(op.Table)
	if tb == nil || !tb.Exchanged() || op.Op != recordOp(tb) {
		return fail("unknown_operation", nil, "Op", op.Op)
	}
	_, err := t.ApplyRecord(store.SyncRecord{Table: op.Table, ID: op.ID, Owner: op.Owner, Epoch: op.Epoch, Ver: op.Ver, Data: op.Data}, fromOffice, fileID)
	switch {
	case errors.Is(err, store.ErrSyncNotOwner):
		return fail("not_owner", err, "Table", op.Table)
	case errors.Is(err, store.ErrSyncRecord):
		return fail("payload_malformed", err)
	}
	return err
}

// isRecordOp reports whether op carries a record.
func isRecordOp(op string) bool { return op != OpAck && strings.Contains(op, ".") }
