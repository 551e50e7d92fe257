package exchange

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"hoanhap/exchange/container"
	"hoanhap/store"
)

func channel(t testing.TB, n *Node, peer *Node) store.SyncChannel {
	t.Helper()
	cs, err := n.St.SyncChannels(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.Peer.NodeID == peer.ID.NodeID {
			return c
		}
	}
	t.Fatalf("no channel to %s", peer.ID.NodeID)
	return store.SyncChannel{}
}

func TestExportWritesNamedFileAtomically(t *testing.T) {
	tp := newTopology(t)
	res := export(t, tp.a, tp.office, tp.dir)
	name := filepath.Base(res.Path)
	if res.Seq != 1 || !bytes.HasPrefix([]byte(name), []byte("HN_PhuongHoaBinh_to_CongAnTinhHoaBinh_000001_")) {
		t.Fatalf("export: %+v", res)
	}
	entries, _ := os.ReadDir(tp.dir)
	if len(entries) != 1 {
		t.Fatalf("folder holds %d entries, want the file only (no .tmp)", len(entries))
	}
	res2 := export(t, tp.a, tp.office, tp.dir)
	if res2.Seq != 2 {
		t.Fatalf("second export seq %d", res2.Seq)
	}
	c := channel(t, tp.a, tp.office)
	if c.OutSeq != 2 || !slices.Equal(c.Unacked, []uint64{1, 2}) {
		t.Fatalf("channel after two exports: %+v", c)
	}
	// The office must name the ward: it has two.
	if _, err := tp.office.Export(ctx, "", tp.dir); !hasReason(err, "choose_peer") {
		t.Fatalf("office export without --to: %v", err)
	}
}

func TestImportTwiceAndRenamedCopy(t *testing.T) {
	tp := newTopology(t)
	p := export(t, tp.a, tp.office, tp.dir).Path
	mustImport(t, tp.office, p, OutcomeImported)
	before := snapshot(t, tp.office)
	mustImport(t, tp.office, p, OutcomeAlready)
	data, _ := os.ReadFile(p)
	renamed := writeFile(t, t.TempDir(), "copy of sync file.hnx", data)
	mustImport(t, tp.office, renamed, OutcomeAlready)
	if snapshot(t, tp.office) != before {
		t.Fatal("a second import changed the store")
	}
}

func TestOutOfOrderReportsGap(t *testing.T) {
	tp := newTopology(t)
	var files []string
	for i := 0; i < 3; i++ {
		files = append(files, export(t, tp.a, tp.office, tp.dir).Path)
	}
	r := mustImport(t, tp.office, files[2], OutcomeImported)
	if !slices.Equal(r.Gap, []uint64{1, 2}) {
		t.Fatalf("gap before file 3: %v", r.Gap)
	}
	c := channel(t, tp.office, tp.a)
	if c.InUpto != 0 || !slices.Equal(c.InMissing, []uint64{1, 2}) {
		t.Fatalf("office channel: %+v", c)
	}
	mustImport(t, tp.office, files[0], OutcomeImported)
	r = mustImport(t, tp.office, files[1], OutcomeImported)
	if len(r.Gap) != 0 {
		t.Fatalf("gap after all: %v", r.Gap)
	}
	if c := channel(t, tp.office, tp.a); c.InUpto != 3 || len(c.InMissing) != 0 {
		t.Fatalf("office channel: %+v", c)
	}
}

// TestLostFileResent: file 2 of three is lost on the way; the office's
// next file acks 1 and 3 and names 2 missing; the ward's next export
// writes file 2 again, byte-identical, and the office imports it.
func TestLostFileResent(t *testing.T) {
	tp := newTopology(t)
	usb, lost := t.TempDir(), t.TempDir()
	f1 := export(t, tp.a, tp.office, usb).Path
	f2 := export(t, tp.a, tp.office, lost).Path
	f3 := export(t, tp.a, tp.office, usb).Path
	original, _ := os.ReadFile(f2)
	mustImport(t, tp.office, f1, OutcomeImported)
	mustImport(t, tp.office, f3, OutcomeImported)

	back := export(t, tp.office, tp.a, usb).Path
	mustImport(t, tp.a, back, OutcomeImported)
	c := channel(t, tp.a, tp.office)
	if c.AckedUpto != 1 || !slices.Equal(c.PeerMissing, []uint64{2}) || !slices.Equal(c.Unacked, []uint64{2}) {
		t.Fatalf("ward channel after the ack: %+v", c)
	}

	next := t.TempDir()
	res := export(t, tp.a, tp.office, next)
	if len(res.Resent) != 1 {
		t.Fatalf("resent %v", res.Resent)
	}
	again, _ := os.ReadFile(res.Resent[0])
	if !bytes.Equal(again, original) || filepath.Base(res.Resent[0]) != filepath.Base(f2) {
		t.Fatal("resent file is not byte-identical to the lost one")
	}
	mustImport(t, tp.office, res.Resent[0], OutcomeImported)
	mustImport(t, tp.office, res.Path, OutcomeImported)
	mustImport(t, tp.a, export(t, tp.office, tp.a, next).Path, OutcomeImported)
	c = channel(t, tp.a, tp.office)
	if c.AckedUpto != 4 || len(c.Unacked) != 0 || len(c.PeerMissing) != 0 {
		t.Fatalf("ward channel after recovery: %+v", c)
	}
}

func TestFork(t *testing.T) {
	tp := newTopology(t)
	p := export(t, tp.a, tp.office, tp.dir).Path
	mustImport(t, tp.office, p, OutcomeImported)
	// A second file 1 with other content (a ward store restored from an old
	// copy and exported again).
	fork := writeFile(t, t.TempDir(), "fork.hnx", craft(t, tp.a, tp.office, craftOpts{seq: 1, ops: nil}))
	before := snapshot(t, tp.office)
	r := tp.office.Import(ctx, fork)
	if r.Outcome != OutcomeRejected || !hasReason(r.Err, "fork") {
		t.Fatalf("fork: %s %v", r.Outcome, r.Err)
	}
	if snapshot(t, tp.office) != before {
		t.Fatal("a fork changed the store")
	}
	alerts, _ := tp.office.St.SyncAlerts(ctx)
	if len(alerts) != 1 || alerts[0].Kind != "fork" || alerts[0].Seq != 1 {
		t.Fatalf("alerts: %+v", alerts)
	}
	// A file 2 that does not chain on the file 1 received is a fork too.
	bad := craft(t, tp.a, tp.office, craftOpts{seq: 2, prev: "00000000000000000000000000000000000000000000000000000000000000ff"})
	if r := tp.office.ImportBytes(ctx, bad); !hasReason(r.Err, "fork") {
		t.Fatalf("broken chain: %s %v", r.Outcome, r.Err)
	}
	if snapshot(t, tp.office) != before {
		t.Fatal("a broken chain changed the store")
	}
}

func TestFutureSchemaDeferred(t *testing.T) {
	tp := newTopology(t)
	data := craft(t, tp.a, tp.office, craftOpts{
		header: func(h *container.Header) { h.Schema, h.MinReaderSchema = 99, 99 },
		plain:  []byte("not even a payload this version could read"),
	})
	r := tp.office.ImportBytes(ctx, data)
	if r.Outcome != OutcomeDeferred || r.Err != nil {
		t.Fatalf("future schema: %s %v", r.Outcome, r.Err)
	}
	def, _ := tp.office.St.SyncDeferredFiles(ctx)
	if len(def) != 1 || !bytes.Equal(def[0].Content, data) {
		t.Fatal("deferred file not kept as received")
	}
	again, _ := tp.office.RetryDeferred(ctx)
	if len(again) != 1 || again[0].Outcome != OutcomeDeferred {
		t.Fatalf("retry: %+v", again)
	}
	if r := tp.office.ImportBytes(ctx, data); r.Outcome != OutcomeDeferred {
		t.Fatalf("second import of a deferred file: %s", r.Outcome)
	}
	// A file whose min reader schema this version meets is read even if
	// written by a newer schema.
	if c := channel(t, tp.office, tp.a); c.Deferred != 1 {
		t.Fatalf("channel: %+v", c)
	}
}
