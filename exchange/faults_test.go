package exchange

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"testing"

	"hoanhap/exchange/container"
	"hoanhap/exchange/payload"
)

// Each test here feeds the office a bad file and checks that it is
// rejected with the right reason and that the store is unchanged.

func rejectUnchanged(t *testing.T, n *Node, data []byte, reason string) {
	t.Helper()
	before := snapshot(t, n)
	r := n.ImportBytes(ctx, data)
	if r.Outcome != OutcomeRejected || !hasReason(r.Err, reason) {
		t.Fatalf("outcome %s, reason %q (%v), want rejected for %s", r.Outcome, Reason(r.Err), r.Err, reason)
	}
	if snapshot(t, n) != before {
		t.Fatalf("store changed by a file rejected for %s", reason)
	}
}

func TestFlippedByteAtEveryOffset(t *testing.T) {
	tp := newTopology(t)
	data := craft(t, tp.a, tp.office, craftOpts{ops: []payload.Op{ackOp(storeAck())}})
	before := snapshot(t, tp.office)
	for i := range data {
		bad := bytes.Clone(data)
		bad[i] ^= 0x80
		if r := tp.office.ImportBytes(ctx, bad); r.Outcome != OutcomeRejected {
			t.Fatalf("flipped byte at %d of %d: %s", i, len(data), r.Outcome)
		}
	}
	if snapshot(t, tp.office) != before {
		t.Fatal("store changed")
	}
	if alerts, _ := tp.office.St.SyncAlerts(ctx); len(alerts) != 0 {
		t.Fatalf("a damaged file was attributed to a sender: %+v", alerts)
	}
	mustImportBytes(t, tp.office, data, OutcomeImported) // the intact file still imports
}

func TestTruncatedAtEveryBoundaryAndEmpty(t *testing.T) {
	tp := newTopology(t)
	data := craft(t, tp.a, tp.office, craftOpts{ops: []payload.Op{ackOp(storeAck())}})
	hl := int(binary.BigEndian.Uint32(data[8:12]))
	boundaries := []int{0, 1, 7, 8, 11, 12, 12 + hl - 1, 12 + hl, 12 + hl + 1, len(data) - 64, len(data) - 1}
	for _, n := range boundaries {
		rejectUnchanged(t, tp.office, data[:n], reasonForCut(n, len(data), hl))
	}
	before := snapshot(t, tp.office)
	for n := 0; n < len(data); n++ {
		if r := tp.office.ImportBytes(ctx, data[:n]); r.Outcome != OutcomeRejected {
			t.Fatalf("cut at %d accepted", n)
		}
	}
	if snapshot(t, tp.office) != before {
		t.Fatal("store changed")
	}
}

// reasonForCut is the refusal a file cut to n bytes gets: too short for
// its frame is "truncated"; long enough for a frame, the signature is
// checked over the wrong bytes and fails ("damaged").
func reasonForCut(n, total, hl int) string {
	if n < 12+hl+64 || n < 12+1+64 {
		return "truncated"
	}
	return "damaged"
}

func TestWrongRecipient(t *testing.T) {
	tp := newTopology(t)
	// A file from the office to ward a, imported at ward b (which trusts
	// the office): the signature is good, the recipient is not b.
	toA := export(t, tp.office, tp.a, tp.dir).Path
	before := snapshot(t, tp.b)
	r := tp.b.Import(ctx, toA)
	if !hasReason(r.Err, "wrong_recipient") {
		t.Fatalf("file for another ward: %s %v", r.Outcome, r.Err)
	}
	if snapshot(t, tp.b) != before {
		t.Fatal("store changed")
	}
	// The header names b but the payload is encrypted to a.
	data := craft(t, tp.office, tp.a, craftOpts{header: func(h *container.Header) {
		h.Recipient = tp.b.ID.NodeID
	}})
	rejectUnchanged(t, tp.b, data, "wrong_recipient")
	// Header and payload disagree on the recipient (bound in both layers).
	data = craft(t, tp.a, tp.office, craftOpts{manifst: func(m *payload.Manifest) { m.Recipient = tp.b.ID.NodeID }})
	rejectUnchanged(t, tp.office, data, "payload_malformed")
	data = craft(t, tp.a, tp.office, craftOpts{manifst: func(m *payload.Manifest) { m.Sender = tp.b.ID.NodeID }})
	rejectUnchanged(t, tp.office, data, "payload_malformed")
}

func TestUnknownAndUnenrolledSender(t *testing.T) {
	tp := newTopology(t)
	// A ward that never enrolled, writing to the office with the office's
	// public keys (which are no secret).
	data := craft(t, tp.stranger, tp.office, craftOpts{})
	rejectUnchanged(t, tp.office, data, "unknown_sender")
	// A ward enrolled with the office is unknown to another ward.
	data = craft(t, tp.a, tp.b, craftOpts{})
	rejectUnchanged(t, tp.b, data, "unknown_sender")
	if alerts, _ := tp.office.St.SyncAlerts(ctx); len(alerts) != 0 {
		t.Fatalf("alert for an unauthenticated file: %+v", alerts)
	}
}

// TestResignedByAnotherWard: ward b takes a file naming ward a as sender
// and signs it with its own (enrolled) key.
func TestResignedByAnotherWard(t *testing.T) {
	tp := newTopology(t)
	data := craft(t, tp.a, tp.office, craftOpts{header: func(h *container.Header) {
		h.SenderKey = tp.b.ID.Public().SignKey
	}})
	// craft signed with a's key: re-sign the same bytes with b's key.
	f := resign(t, data, tp.b)
	rejectUnchanged(t, tp.office, f, "resigned")
	// b's key signing a header that still names a's key.
	g := resign(t, craft(t, tp.a, tp.office, craftOpts{}), tp.b)
	rejectUnchanged(t, tp.office, g, "resigned")
}

// resign replaces the signature of a file by one from n's key.
func resign(t *testing.T, data []byte, n *Node) []byte {
	t.Helper()
	hl := int(binary.BigEndian.Uint32(data[8:12]))
	header := data[12 : 12+hl]
	ct := data[12+hl : len(data)-64]
	return container.AssembleRaw(header, ct, n.ID.Sign)
}

func TestGzipBombCapped(t *testing.T) {
	tp := newTopology(t)
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	zero := make([]byte, 1<<20)
	for i := 0; i < 16; i++ { // 16 MiB of zeros, one "line" (the cap is 1 MiB)
		w.Write(zero)
	}
	w.Close()
	rejectUnchanged(t, tp.office, craft(t, tp.a, tp.office, craftOpts{plain: b.Bytes()}), "too_large")

	// Many valid lines past the size cap.
	old := Limits
	Limits = payload.Limits{MaxBytes: 10_000, MaxLine: 1 << 20, MaxRecords: 1 << 20}
	defer func() { Limits = old }()
	ops := make([]payload.Op, 2000)
	for i := range ops {
		ops[i] = ackOp(storeAck())
	}
	rejectUnchanged(t, tp.office, craft(t, tp.a, tp.office, craftOpts{ops: ops}), "too_large")
}

func TestHugeHeaderCapped(t *testing.T) {
	tp := newTopology(t)
	big := append([]byte(`{"file_id":"`), bytes.Repeat([]byte("x"), container.MaxHeader)...)
	rejectUnchanged(t, tp.office, container.AssembleRaw(big, nil, tp.a.ID.Sign), "too_large")
	// A length field claiming 4 GiB.
	data := append([]byte(container.Magic), 0xff, 0xff, 0xff, 0xff)
	data = append(data, make([]byte, 100)...)
	rejectUnchanged(t, tp.office, data, "too_large")
}

func TestUnknownOperationRejected(t *testing.T) {
	tp := newTopology(t)
	data := craft(t, tp.a, tp.office, craftOpts{ops: []payload.Op{ackOp(storeAck()), {Op: "person.drop_table"}}})
	rejectUnchanged(t, tp.office, data, "unknown_operation")
	// A bad ack rolls back the whole file.
	data = craft(t, tp.a, tp.office, craftOpts{ops: []payload.Op{{Op: OpAck, Data: []byte(`{"upto":"x"}`)}}})
	rejectUnchanged(t, tp.office, data, "payload_malformed")
}

func TestNotASyncFile(t *testing.T) {
	tp := newTopology(t)
	rejectUnchanged(t, tp.office, []byte("PK\x03\x04 an Excel file, not a sync file, long enough to be framed ..........................."), "not_sync_file")
	rejectUnchanged(t, tp.office, nil, "truncated")
}

func mustImportBytes(t *testing.T, n *Node, data []byte, want string) {
	t.Helper()
	if r := n.ImportBytes(ctx, data); r.Outcome != want {
		t.Fatalf("outcome %s (%v), want %s", r.Outcome, r.Err, want)
	}
}
