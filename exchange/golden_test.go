package exchange

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"hoanhap/caseload"
	"hoanhap/exchange/container"
	"hoanhap/exchange/identity"
	"hoanhap/exchange/payload"
	"hoanhap/store"
)

// Golden vectors: .hnx files written once with the fixed test keys of
// testdata/keys and kept byte for byte (append-only: a new case is a new
// file, an old file is never rewritten). TestGoldenVectors imports them, in
// the order of testdata/vectors/index.json, into a fresh office store and
// checks each outcome, so a change that stops this version reading the
// files earlier versions wrote fails here.
//
// To add cases: extend goldenCases below, then run
//
//	HOANHAP_GOLDEN=write go test ./exchange/ -run TestWriteGoldenVectors
//
// which writes only the files that do not exist yet.

type goldenCase struct {
	File    string `json:"file"`
	Outcome string `json:"outcome"`
	Reason  string `json:"reason,omitempty"` // message key suffix of a refusal
	Note    string `json:"note"`
}

var goldenNodes = map[string]string{
	"ward-a": "0190a000-0000-7000-8000-000000000001",
	"ward-b": "0190a000-0000-7000-8000-000000000002",
	"ward-c": "0190a000-0000-7000-8000-000000000003",
	"office": "0190a000-0000-7000-8000-000000000004",
}

func goldenID(t testing.TB, name string) *identity.Identity {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "keys", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	id, err := identity.Parse(data, goldenNodes[name])
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// goldenOffice opens a fresh office store whose node id and keys are the
// fixed ones, with wards a and b pinned (c never enrolled).
func goldenOffice(t testing.TB) *Node {
	t.Helper()
	dir := t.TempDir()
	path := store.DBFile(dir)
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	db, err := sql.Open("sqlite", store.DSN(path))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE node SET id = ?`, goldenNodes["office"]); err != nil {
		t.Fatal(err)
	}
	db.Close()
	keys, _ := os.ReadFile(filepath.Join("testdata", "keys", "office.json"))
	if err := os.WriteFile(identity.KeyFile(dir), keys, 0o600); err != nil {
		t.Fatal(err)
	}
	if st, err = store.Open(path); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.SetUnit(ctx, "Công an tỉnh Thử nghiệm", "office"); err != nil {
		t.Fatal(err)
	}
	n, err := Open(st)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"ward-a", "ward-b"} {
		p := goldenID(t, w).Public()
		if err := st.PinPeer(ctx, store.SyncPeer{NodeID: p.NodeID, UnitName: w, UnitKind: "ward", Code: w, SignKey: p.SignKey, AgeRecipient: p.AgeRecipient}); err != nil {
			t.Fatal(err)
		}
	}
	return n
}

func TestGoldenVectors(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "vectors", "index.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []goldenCase
	if err := json.Unmarshal(raw, &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) < 10 {
		t.Fatalf("only %d golden vectors", len(cases))
	}
	office := goldenOffice(t)
	for _, c := range cases {
		data, err := os.ReadFile(filepath.Join("testdata", "vectors", c.File))
		if err != nil {
			t.Fatal(err)
		}
		before := snapshot(t, office)
		r := office.ImportBytes(ctx, data)
		if r.Outcome != c.Outcome || (c.Reason != "" && !hasReason(r.Err, c.Reason)) {
			t.Errorf("%s (%s): outcome %s %q, want %s %s", c.File, c.Note, r.Outcome, Reason(r.Err), c.Outcome, c.Reason)
		}
		if c.Outcome == OutcomeRejected && snapshot(t, office) != before {
			t.Errorf("%s: rejected but the store changed", c.File)
		}
	}
	p, err := office.St.Person(ctx, "0190a000-0000-7000-8000-0000000000b1")
	if err != nil || p.Ver != 2 || p.FullName != "Nguyễn Văn Vàng" || p.Owner != goldenNodes["ward-a"] {
		t.Errorf("ward a's person after the vectors: %+v %v", p, err)
	}
	if _, err := office.St.Person(ctx, "0190a000-0000-7000-8000-0000000000b2"); err == nil {
		t.Error("ward b's person, sent by ward a, was imported")
	}
	chans, err := office.St.SyncChannels(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range chans {
		if c.Peer.NodeID == goldenNodes["ward-a"] && (c.InUpto != 2 || len(c.InMissing) != 1 || c.InMissing[0] != 3 || c.Deferred != 1) {
			t.Errorf("channel of ward a after the vectors: %+v", c)
		}
	}
}

// goldenCases builds the cases in order; each returns its file's bytes
// given the files made before it.
func goldenCases(t testing.TB) ([]goldenCase, []func(prev map[string][]byte) []byte) {
	a := &Node{ID: goldenID(t, "ward-a")}
	b := &Node{ID: goldenID(t, "ward-b")}
	c := &Node{ID: goldenID(t, "ward-c")}
	o := &Node{ID: goldenID(t, "office")}
	ack := func() []payload.Op { return []payload.Op{ackOp(store.SyncAck{App: "golden", Schema: 1})} }
	hash := func(d []byte) string { s := sha256.Sum256(d); return hex.EncodeToString(s[:]) }
	cases := []goldenCase{
		{"v001_a_seq1.hnx", OutcomeImported, "", "first file of ward a, ack only"},
		{"v002_a_seq2.hnx", OutcomeImported, "", "second file, chained on the first"},
		{"v001_a_seq1.hnx", OutcomeAlready, "", "the first file again"},
		{"v003_a_seq2_fork.hnx", OutcomeRejected, "fork", "another file 2 of ward a"},
		{"v004_a_seq3_flipped.hnx", OutcomeRejected, "damaged", "file 3 with one ciphertext byte flipped"},
		{"v005_a_seq3_cut.hnx", OutcomeRejected, "damaged", "file 3 cut 10 bytes short"},
		{"v006_c_unenrolled.hnx", OutcomeRejected, "unknown_sender", "from ward c, never enrolled"},
		{"v007_a_to_b.hnx", OutcomeRejected, "wrong_recipient", "ward a's file for ward b"},
		{"v008_b_resigned_as_a.hnx", OutcomeRejected, "resigned", "names ward a, signed by ward b"},
		{"v009_a_bomb.hnx", OutcomeRejected, "too_large", "payload of 16 MiB of zeros on one line"},
		{"v010_a_seq4_future.hnx", OutcomeDeferred, "", "min reader schema 99: kept for later"},
		{"v011_a_seq5_gap.hnx", OutcomeImported, "", "file 5 while 3 was never received"},
		{"v012_b_seq1.hnx", OutcomeImported, "", "first file of ward b"},
		{"v013_a_seq6_person_visit.hnx", OutcomeImported, "", "ward a: a person and a visit of theirs"},
		{"v014_a_seq7_not_owner.hnx", OutcomeRejected, "not_owner", "ward a sends a person owned by ward b"},
		{"v015_a_seq7_person_v2.hnx", OutcomeImported, "", "ward a: version 2 of its person"},
	}
	var makers []func(map[string][]byte) []byte
	makers = append(makers,
		func(map[string][]byte) []byte { return craft(t, a, o, craftOpts{seq: 1, ops: ack()}) },
		func(p map[string][]byte) []byte {
			return craft(t, a, o, craftOpts{seq: 2, prev: hash(p["v001_a_seq1.hnx"]), ops: ack()})
		},
		nil,
		func(p map[string][]byte) []byte {
			return craft(t, a, o, craftOpts{seq: 2, prev: hash(p["v001_a_seq1.hnx"])})
		},
		func(p map[string][]byte) []byte {
			d := craft(t, a, o, craftOpts{seq: 3, prev: hash(p["v002_a_seq2.hnx"]), ops: ack()})
			d[len(d)-100] ^= 1
			return d
		},
		func(p map[string][]byte) []byte {
			d := craft(t, a, o, craftOpts{seq: 3, prev: hash(p["v002_a_seq2.hnx"]), ops: ack()})
			return d[:len(d)-10]
		},
		func(map[string][]byte) []byte { return craft(t, c, o, craftOpts{seq: 1, ops: ack()}) },
		func(map[string][]byte) []byte { return craft(t, a, b, craftOpts{seq: 1, ops: ack()}) },
		func(map[string][]byte) []byte {
			d := craft(t, a, o, craftOpts{seq: 3, prev: "00000000000000000000000000000000000000000000000000000000000000aa",
				header: func(h *container.Header) { h.SenderKey = b.ID.Public().SignKey }})
			return resign(t.(*testing.T), d, b)
		},
		func(p map[string][]byte) []byte {
			var z bytes.Buffer
			w, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
			zero := make([]byte, 1<<20)
			for i := 0; i < 16; i++ {
				w.Write(zero)
			}
			w.Close()
			return craft(t, a, o, craftOpts{seq: 3, prev: hash(p["v002_a_seq2.hnx"]), plain: z.Bytes()})
		},
		func(map[string][]byte) []byte {
			return craft(t, a, o, craftOpts{seq: 4, prev: "00000000000000000000000000000000000000000000000000000000000000cc",
				header: func(h *container.Header) { h.Schema, h.MinReaderSchema = 99, 99 }, plain: []byte("a future payload")})
		},
		func(p map[string][]byte) []byte {
			return craft(t, a, o, craftOpts{seq: 5, prev: hash(p["v010_a_seq4_future.hnx"]), ops: ack()})
		},
		func(map[string][]byte) []byte { return craft(t, b, o, craftOpts{seq: 1, ops: ack()}) },
		func(p map[string][]byte) []byte {
			return craft(t, a, o, craftOpts{seq: 6, prev: hash(p["v011_a_seq5_gap.hnx"]),
				ops: []payload.Op{goldenPerson(t, a, 1, "Nguyễn Văn Vàng"), goldenVisit(t, a)}})
		},
		func(p map[string][]byte) []byte {
			op := goldenPerson(t, b, 1, "Trần Văn Khác")
			return craft(t, a, o, craftOpts{seq: 7, prev: hash(p["v013_a_seq6_person_visit.hnx"]), ops: []payload.Op{op}})
		},
		func(p map[string][]byte) []byte {
			return craft(t, a, o, craftOpts{seq: 7, prev: hash(p["v013_a_seq6_person_visit.hnx"]),
				ops: []payload.Op{goldenPerson(t, a, 2, "Nguyễn Văn Vàng")}})
		},
	)
	return cases, makers
}

// goldenPerson is a person record of the owner node at version ver, with
// fixed ids and clock readings.
func goldenPerson(t testing.TB, owner *Node, ver int, name string) payload.Op {
	id := "0190a000-0000-7000-8000-0000000000b1"
	if owner.ID.NodeID != goldenNodes["ward-a"] {
		id = "0190a000-0000-7000-8000-0000000000b2"
	}
	p := caseload.Person{Meta: caseload.Meta{ID: id, Owner: owner.ID.NodeID, Ver: ver,
		UpdatedAt: time.Date(2026, 12, 1, 8, 0, ver, 0, time.UTC), UpdatedBy: "golden",
		HLC: fmt.Sprintf("1764576000%03d-00000-%s", ver, owner.ID.NodeID)},
		FullName: name, Gender: caseload.Male, BirthDate: caseload.BirthDate{Year: 1980}, Status: caseload.StatusManaged}
	data, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	return payload.Op{Op: "person.upsert", Table: "person", ID: id, Owner: owner.ID.NodeID, Ver: int64(ver), Data: data}
}

func goldenVisit(t testing.TB, owner *Node) payload.Op {
	id := "0190a000-0000-7000-8000-0000000000c1"
	v := caseload.Visit{Meta: caseload.Meta{ID: id, Owner: owner.ID.NodeID, Ver: 1,
		UpdatedAt: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC), UpdatedBy: "golden",
		HLC: "1764579600000-00000-" + owner.ID.NodeID},
		PersonID: "0190a000-0000-7000-8000-0000000000b1", Date: caseload.D(2026, 12, 1),
		AuthorKind: caseload.AuthorOfficer, AuthorName: "Thượng úy Lê Văn Hải", Kind: caseload.VisitHome}
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return payload.Op{Op: "visit.add", Table: "visit", ID: id, Owner: owner.ID.NodeID, Ver: 1, Data: data}
}

func TestWriteGoldenVectors(t *testing.T) {
	if os.Getenv("HOANHAP_GOLDEN") != "write" {
		t.Skip("set HOANHAP_GOLDEN=write to add new golden vectors")
	}
	dir := filepath.Join("testdata", "vectors")
	os.MkdirAll(dir, 0o755)
	cases, makers := goldenCases(t)
	made := map[string][]byte{}
	for i, c := range cases {
		path := filepath.Join(dir, c.File)
		if data, err := os.ReadFile(path); err == nil {
			made[c.File] = data // append-only: never rewritten
			continue
		}
		if makers[i] == nil {
			t.Fatalf("%s: no maker", c.File)
		}
		data := makers[i](made)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		made[c.File] = data
	}
	idx, _ := json.MarshalIndent(cases, "", "  ")
	if err := os.WriteFile(filepath.Join(dir, "index.json"), append(idx, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}
