package exchange

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hoanhap/exchange/container"
	"hoanhap/exchange/payload"
	"hoanhap/store"
)

var ctx = context.Background()

// newNode makes a store of the given kind in its own data folder.
func newNode(t testing.TB, unit, kind string) *Node {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(store.DBFile(dir))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.SetUnit(ctx, unit, kind); err != nil {
		t.Fatal(err)
	}
	n, err := Open(st)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// enrolPair enrols ward with office through the real messages.
func enrolPair(t testing.TB, ward, office *Node) {
	t.Helper()
	req, err := ward.EnrolRequest()
	if err != nil {
		t.Fatal(err)
	}
	reply, _, err := office.EnrolAccept(ctx, req, ward.Fingerprint())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ward.EnrolFinish(ctx, reply, office.Fingerprint()); err != nil {
		t.Fatal(err)
	}
}

// topology is one office and two enrolled wards, plus a ward that never
// enrolled.
type topology struct {
	office, a, b, stranger *Node
	dir                    string // the "USB stick"
}

func newTopology(t testing.TB) topology {
	tp := topology{
		office:   newNode(t, "Công an tỉnh Hòa Bình", "office"),
		a:        newNode(t, "Phường Hòa Bình", "ward"),
		b:        newNode(t, "Xã Yên Mông", "ward"),
		stranger: newNode(t, "Xã Lạ", "ward"),
		dir:      t.TempDir(),
	}
	enrolPair(t, tp.a, tp.office)
	enrolPair(t, tp.b, tp.office)
	return tp
}

func export(t testing.TB, from, to *Node, dir string) ExportResult {
	t.Helper()
	res, err := from.Export(ctx, to.ID.NodeID, dir)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func mustImport(t testing.TB, n *Node, path, want string) ImportReport {
	t.Helper()
	r := n.Import(ctx, path)
	if r.Outcome != want {
		t.Fatalf("import %s: outcome %s (%v), want %s", filepath.Base(path), r.Outcome, r.Err, want)
	}
	return r
}

// snapshot hashes every table of a node's database except the alert list,
// which a refusal may add to: two equal snapshots mean the store did not
// change.
func snapshot(t testing.TB, n *Node) string {
	t.Helper()
	db, err := sql.Open("sqlite", store.DSN(n.St.Path()))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('sync_alert') ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var s string
		rows.Scan(&s)
		tables = append(tables, s)
	}
	rows.Close()
	h := sha256.New()
	for _, tb := range tables {
		r, err := db.Query(`SELECT * FROM "` + tb + `" ORDER BY 1`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := r.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for r.Next() {
			if err := r.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(h, "%s%v\n", tb, vals)
		}
		r.Close()
	}
	return hex.EncodeToString(h.Sum(nil))
}

// craft builds a file from one node to another by hand: ops, then mutate
// may change the header before it is signed by sign (from's key when nil).
type craftOpts struct {
	seq     uint64
	prev    string
	ops     []payload.Op
	header  func(h *container.Header)
	plain   []byte // replaces the payload when set
	manifst func(m *payload.Manifest)
}

func craft(t testing.TB, from, to *Node, o craftOpts) []byte {
	t.Helper()
	if o.seq == 0 {
		o.seq = 1
	}
	h := container.Header{
		FileID: store.NewID(), Kind: container.KindSync,
		Sender: from.ID.NodeID, SenderKey: from.ID.Public().SignKey,
		Recipient: to.ID.NodeID, RecipientKey: to.ID.Public().AgeRecipient,
		ChannelSeq: o.seq, PrevFileSHA256: o.prev, CreatedHLC: "1764800000000-00000-" + from.ID.NodeID,
		Schema: payload.Schema, MinReaderSchema: payload.MinReaderSchema,
	}
	if o.header != nil {
		o.header(&h)
	}
	plain := o.plain
	if plain == nil {
		m := payload.Manifest{FileID: h.FileID, Sender: h.Sender, Recipient: h.Recipient, Seq: h.ChannelSeq, Schema: h.Schema}
		if o.manifst != nil {
			o.manifst(&m)
		}
		var b bytes.Buffer
		w, err := payload.NewWriter(&b, m)
		if err != nil {
			t.Fatal(err)
		}
		for _, op := range o.ops {
			if err := w.Add(op); err != nil {
				t.Fatal(err)
			}
		}
		w.Close()
		plain = b.Bytes()
	}
	data, err := container.Seal(h, plain, to.ID.Age.Recipient(), from.ID.Sign)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func ackOp(a store.SyncAck) payload.Op {
	b, _ := json.Marshal(a)
	return payload.Op{Op: OpAck, Data: b}
}

func writeFile(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func hasReason(err error, key string) bool {
	return strings.HasSuffix(Reason(err), "."+key)
}

func storeAck() store.SyncAck { return store.SyncAck{App: "test", Schema: payload.Schema} }

func sha(t testing.TB, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

// officeInSHA returns the hash of the last file the office received from
// ward a (to chain a crafted file on it).
func officeInSHA(t testing.TB, tp topology) string {
	t.Helper()
	c := channel(t, tp.office, tp.a)
	files, err := tp.a.St.SyncOutbox(ctx, tp.office.ID.NodeID, []uint64{c.InUpto})
	if err != nil || len(files) != 1 {
		t.Fatalf("outbox: %v", err)
	}
	return files[0].SHA256
}
