package exchange

import (
	"bytes"
	"encoding/json"
	"fmt"

	"hoanhap/exchange/payload"
	"hoanhap/store"
)

// Operation names of payload schema 1.
const (
	OpAck = "ack" // the sender's ack of the recipient's files
)

// exportRecords writes the record operations due to the peer of t.
// Records travel once the store's table registry lands; until then a file
// carries its ack only.
func exportRecords(t *store.SyncTx, w *payload.Writer) (int, error) {
	return 0, nil
}

// applyOp applies one operation of an authenticated file inside the
// import transaction.
func applyOp(t *store.SyncTx, op payload.Op) error {
	switch op.Op {
	case OpAck:
		var a store.SyncAck
		dec := json.NewDecoder(bytes.NewReader(op.Data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&a); err != nil {
			return fail("payload_malformed", fmt.Errorf("ack: %w", err))
		}
		return t.ApplyAck(a)
	}
	return fail("unknown_operation", nil, "Op", op.Op)
}
