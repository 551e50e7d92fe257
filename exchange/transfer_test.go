package exchange

import (
	"database/sql"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"hoanhap/caseload"
	"hoanhap/exchange/payload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// roundTrip exports from each node to the other through a fresh folder
// and imports on the other side, in the order given.
func roundTrip(t *testing.T, from, to *Node) ImportReport {
	t.Helper()
	return mustImport(t, to, export(t, from, to, t.TempDir()).Path, OutcomeImported)
}

func transferOf(t *testing.T, n *Node, personID string) caseload.Transfer {
	t.Helper()
	ts, err := n.St.Transfers(ctx, store.TransferFilter{PersonID: personID})
	if err != nil || len(ts) != 1 {
		t.Fatalf("%s: transfers of %s: %v %v", n.Unit().Name, personID, ts, err)
	}
	return ts[0]
}

func orderTransfer(t *testing.T, office *Node, personID string, to *Node) caseload.Transfer {
	t.Helper()
	tr := caseload.Transfer{PersonID: personID, ToWard: to.ID.NodeID, OrderedOn: caseload.Today(), Number: "12/QĐ-CAT"}
	if err := office.St.OrderTransfer(ctx, &tr); err != nil {
		t.Fatal(err)
	}
	return tr
}

func epochOf(t *testing.T, n *Node, tbl, id string) int64 {
	t.Helper()
	var e int64
	err := rawDB(t, n).QueryRow(`SELECT coalesce((SELECT epoch FROM sync_epoch WHERE tbl = ? AND record_id = ?), 0)`, tbl, id).Scan(&e)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestTransferBetweenWards: the whole path across two ward stores and one
// office store through temp folders — order at the office, freeze and
// final state at the old ward, completion with the next epoch at the
// office, the new ward owning and changing the record afterwards.
func TestTransferBetweenWards(t *testing.T) {
	tp := newTopology(t)
	p := addPerson(t, tp.a, "Nguyễn Văn Chuyển")
	addVisit(t, tp.a, p.ID, 2)
	addVisit(t, tp.a, p.ID, 9)
	stay := addPerson(t, tp.a, "Trần Văn Ở Lại")
	roundTrip(t, tp.a, tp.office)
	// Every record the file wrote has its audit row at the office.
	for _, id := range []string{p.ID, stay.ID} {
		au, err := tp.office.St.Audit(ctx, "person", id)
		if err != nil || len(au) != 1 || au[0].Who != "sync" || au[0].Action != "insert" || !strings.Contains(au[0].New, tp.a.ID.NodeID) {
			t.Fatalf("office's audit of %s: %+v %v", id, au, err)
		}
	}

	// Two orders at once are refused; so are a ward unknown and the same ward.
	tr := orderTransfer(t, tp.office, p.ID, tp.b)
	if tr.FromWard != tp.a.ID.NodeID || tr.State != caseload.TransferOrdered {
		t.Fatalf("order: %+v", tr)
	}
	for _, bad := range []caseload.Transfer{
		{PersonID: p.ID, ToWard: tp.b.ID.NodeID},
		{PersonID: stay.ID, ToWard: tp.stranger.ID.NodeID},
		{PersonID: stay.ID, ToWard: tp.a.ID.NodeID},
		{PersonID: "không-có", ToWard: tp.b.ID.NodeID},
	} {
		var ve *caseload.ValidationError
		if err := tp.office.St.OrderTransfer(ctx, &bad); !errors.As(err, &ve) {
			t.Errorf("order %+v accepted: %v", bad, err)
		}
	}
	// A ward cannot order a transfer.
	if err := tp.a.St.OrderTransfer(ctx, &caseload.Transfer{PersonID: p.ID, ToWard: tp.b.ID.NodeID}); !errors.Is(err, store.ErrOfficeOnly) {
		t.Fatalf("ward ordered a transfer: %v", err)
	}

	// The counts before writing, then the order goes to both wards.
	pend, err := tp.office.Pending(ctx, tp.a.ID.NodeID)
	if err != nil || !slices.Equal(pend, []PendingCount{{Table: "transfer", Records: 1}}) {
		t.Fatalf("pending to a: %v %v", pend, err)
	}
	roundTrip(t, tp.office, tp.a)
	roundTrip(t, tp.office, tp.b)
	if got := transferOf(t, tp.b, p.ID); got.State != caseload.TransferOrdered || got.ToWard != tp.b.ID.NodeID {
		t.Fatalf("new ward's copy of the order: %+v", got)
	}
	if _, err := tp.b.St.Person(ctx, p.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("new ward has the person before the old ward released it: %v", err)
	}

	// The old ward froze the record: edits are refused in Vietnamese.
	frozen, by, err := tp.a.St.PersonFrozen(ctx, p.ID)
	if err != nil || !frozen || by.ID != tr.ID {
		t.Fatalf("old ward: frozen %v by %+v, %v", frozen, by, err)
	}
	if f, _, _ := tp.a.St.PersonFrozen(ctx, stay.ID); f {
		t.Fatal("another person frozen")
	}
	p2, _ := tp.a.St.Person(ctx, p.ID)
	p2.Notes = "sửa sau khi khóa"
	err = tp.a.St.SavePerson(ctx, &p2)
	if !errors.Is(err, store.ErrPersonFrozen) {
		t.Fatalf("edit of a frozen person: %v", err)
	}
	if msg := i18n.Error(err); msg != i18n.T("transfer.error.person_frozen") || msg == "transfer.error.person_frozen" {
		t.Fatalf("message: %q", msg)
	}
	v := caseload.Visit{PersonID: p.ID, Date: caseload.D(2026, 11, 20), AuthorKind: caseload.AuthorOfficer, AuthorName: "Lê Hải", Kind: caseload.VisitHome}
	if err := tp.a.St.AddVisit(ctx, &v); !errors.Is(err, store.ErrPersonFrozen) {
		t.Fatalf("visit to a frozen person: %v", err)
	}
	if err := tp.a.St.DeletePerson(ctx, p.ID); !errors.Is(err, store.ErrPersonFrozen) {
		t.Fatalf("delete of a frozen person: %v", err)
	}
	stay.Notes = "vẫn sửa được"
	if err := tp.a.St.SavePerson(ctx, &stay); err != nil {
		t.Fatalf("another person: %v", err)
	}

	// The old ward's next file carries its final state and the release.
	pend, _ = tp.a.Pending(ctx, "")
	if !slices.Equal(pend, []PendingCount{{Table: "person", Records: 1}, {Table: "transfer_release", Records: 1}}) {
		t.Fatalf("pending from the old ward: %v", pend)
	}
	roundTrip(t, tp.a, tp.office)
	got := transferOf(t, tp.office, p.ID)
	if got.State != caseload.TransferDone || got.Epoch != 1 {
		t.Fatalf("office's order after the release: %+v", got)
	}
	op, _ := tp.office.St.Person(ctx, p.ID)
	if op.Owner != tp.b.ID.NodeID || epochOf(t, tp.office, "person", p.ID) != 1 {
		t.Fatalf("office's person: owner %s epoch %d", op.Owner, epochOf(t, tp.office, "person", p.ID))
	}

	// The new ward gets the person and the case; the old ward the done order.
	pend, _ = tp.office.Pending(ctx, tp.b.ID.NodeID)
	if !slices.Equal(pend, []PendingCount{{Table: "person", Records: 1}, {Table: "visit", Records: 2}, {Table: "transfer", Records: 1}}) {
		t.Fatalf("pending to the new ward: %v", pend)
	}
	roundTrip(t, tp.office, tp.b)
	roundTrip(t, tp.office, tp.a)
	bp, err := tp.b.St.Person(ctx, p.ID)
	if err != nil || bp.Owner != tp.b.ID.NodeID || bp.FullName != "Nguyễn Văn Chuyển" {
		t.Fatalf("new ward's person: %+v %v", bp, err)
	}
	if vs, _ := tp.b.St.VisitLog(ctx, p.ID); len(vs) != 2 {
		t.Fatalf("new ward has %d visits, want 2", len(vs))
	}
	if hits := tp.b.St.People(store.PersonFilter{Query: "nguyen van chuyen"}); len(hits) != 1 {
		t.Fatal("transferred person not in the new ward's search index")
	}
	if transferOf(t, tp.a, p.ID).State != caseload.TransferDone {
		t.Fatal("old ward does not know the transfer is done")
	}
	if f, _, _ := tp.a.St.PersonFrozen(ctx, p.ID); !f {
		t.Fatal("old ward's copy unfrozen")
	}

	// The new ward owns it: its changes travel up and win (epoch 1).
	bp.Notes = "phường mới đã tiếp nhận"
	if err := tp.b.St.SavePerson(ctx, &bp); err != nil {
		t.Fatal(err)
	}
	addVisit(t, tp.b, p.ID, 25)
	roundTrip(t, tp.b, tp.office)
	op, _ = tp.office.St.Person(ctx, p.ID)
	if op.Notes != "phường mới đã tiếp nhận" {
		t.Fatalf("office did not take the new ward's change: %+v", op)
	}
	if !sameRecords(records(t, tp.b, ""), records(t, tp.office, tp.b.ID.NodeID)) {
		t.Fatal("office's copy of the new ward differs")
	}
	// Nothing echoes back: the office sends the new ward nothing it has.
	if pend, _ := tp.office.Pending(ctx, tp.b.ID.NodeID); len(pend) != 0 {
		t.Fatalf("office would resend %v", pend)
	}
	if pend, _ := tp.b.Pending(ctx, ""); len(pend) != 0 {
		t.Fatalf("new ward would resend %v", pend)
	}
	// The old ward's other person still travels.
	roundTrip(t, tp.a, tp.office)
	if s, _ := tp.office.St.Person(ctx, stay.ID); s.Notes != "vẫn sửa được" {
		t.Fatalf("old ward's other person: %+v", s)
	}
}

// TestTransferRaceLateEditInLostFile: the old ward changes the person after
// the order was issued but before it arrived, and the file carrying that
// change is lost. The release names the final version, so the office
// waits (the order stays open, the gap is reported) until the lost file
// comes; then the transfer completes with the late change: nothing lost.
func TestTransferRaceLateEditInLostFile(t *testing.T) {
	tp := newTopology(t)
	p := addPerson(t, tp.a, "Lê Thị Muộn")
	roundTrip(t, tp.a, tp.office)
	orderTransfer(t, tp.office, p.ID, tp.b)
	toA := export(t, tp.office, tp.a, t.TempDir()).Path

	p.Notes = "sửa muộn, trước khi lệnh đến"
	if err := tp.a.St.SavePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	addVisit(t, tp.a, p.ID, 11)
	lost := export(t, tp.a, tp.office, t.TempDir()).Path // never reaches the office (yet)

	mustImport(t, tp.a, toA, OutcomeImported)
	rels, _ := tp.a.St.TransferReleases(ctx, transferOf(t, tp.a, p.ID).ID)
	if len(rels) != 1 || rels[0].PersonVer != 2 || rels[0].Records != 1 {
		t.Fatalf("release: %+v", rels)
	}
	r := roundTrip(t, tp.a, tp.office)
	if !slices.Equal(r.Gap, []uint64{2}) {
		t.Fatalf("gap %v, want [2]", r.Gap)
	}
	if got := transferOf(t, tp.office, p.ID); got.State != caseload.TransferOrdered {
		t.Fatalf("transfer completed without the final state: %+v", got)
	}
	mustImport(t, tp.office, lost, OutcomeImported)
	if got := transferOf(t, tp.office, p.ID); got.State != caseload.TransferDone {
		t.Fatalf("transfer not completed once the final state came: %+v", got)
	}
	roundTrip(t, tp.office, tp.b)
	bp, err := tp.b.St.Person(ctx, p.ID)
	if err != nil || bp.Notes != "sửa muộn, trước khi lệnh đến" || bp.Owner != tp.b.ID.NodeID {
		t.Fatalf("new ward's person: %+v %v", bp, err)
	}
	if vs, _ := tp.b.St.VisitLog(ctx, p.ID); len(vs) != 1 {
		t.Fatalf("late visit lost: %d visits", len(vs))
	}
}

// TestTransferBackLiftsTheFreeze: a person moved a → b and then b → a is
// owned again by a, whose old freeze the new epoch lifts.
func TestTransferBackLiftsTheFreeze(t *testing.T) {
	tp := newTopology(t)
	p := addPerson(t, tp.a, "Phạm Văn Về")
	roundTrip(t, tp.a, tp.office)
	orderTransfer(t, tp.office, p.ID, tp.b)
	roundTrip(t, tp.office, tp.a)
	roundTrip(t, tp.a, tp.office)
	roundTrip(t, tp.office, tp.b)
	tr := orderTransfer(t, tp.office, p.ID, tp.a)
	if tr.FromWard != tp.b.ID.NodeID {
		t.Fatalf("second order from %s", tr.FromWard)
	}
	roundTrip(t, tp.office, tp.b)
	roundTrip(t, tp.b, tp.office)
	roundTrip(t, tp.office, tp.a)
	if f, _, _ := tp.a.St.PersonFrozen(ctx, p.ID); f {
		t.Fatal("person still frozen at the ward that got it back")
	}
	ap, _ := tp.a.St.Person(ctx, p.ID)
	if ap.Owner != tp.a.ID.NodeID || epochOf(t, tp.a, "person", p.ID) != 2 {
		t.Fatalf("back at a: owner %s epoch %d", ap.Owner, epochOf(t, tp.a, "person", p.ID))
	}
	ap.Notes = "đã về lại"
	if err := tp.a.St.SavePerson(ctx, &ap); err != nil {
		t.Fatal(err)
	}
	roundTrip(t, tp.a, tp.office)
	if op, _ := tp.office.St.Person(ctx, p.ID); op.Notes != "đã về lại" {
		t.Fatalf("office: %+v", op)
	}
}

// TestNoticeGoesToItsWardOnly: a notice entered at the office for ward a
// travels to a only, with its expected person owned by a; b gets nothing.
func TestNoticeGoesToItsWardOnly(t *testing.T) {
	tp := newTopology(t)
	n := caseload.Notice{Sender: "Trại giam Xuân Lộc", NoticeDate: caseload.Today().AddDays(-10), ExpectedRelease: caseload.Today().AddDays(-2),
		Ward: tp.a.ID.NodeID}
	p := caseload.Person{FullName: "Đặng Văn Sắp Về", Gender: caseload.Male, BirthDate: caseload.BirthDate{Year: 1990}}
	if err := tp.office.St.AddNotice(ctx, &n, &p); err != nil {
		t.Fatal(err)
	}
	if p.Owner != tp.a.ID.NodeID || n.Owner != tp.office.ID.NodeID {
		t.Fatalf("owners: person %s notice %s", p.Owner, n.Owner)
	}
	// Only to an enrolled ward, only at the office.
	bad := n
	bad.Ward = tp.stranger.ID.NodeID
	if err := tp.office.St.AddNotice(ctx, &bad, &caseload.Person{FullName: "Ngô Văn Xa", Gender: caseload.Male, BirthDate: caseload.BirthDate{Year: 1990}}); !errors.Is(err, store.ErrWardUnknown) {
		t.Fatalf("notice for a ward not enrolled: %v", err)
	}
	bad.Ward = tp.office.ID.NodeID
	if err := tp.a.St.AddNotice(ctx, &bad, &caseload.Person{FullName: "Ngô Văn Xa", Gender: caseload.Male, BirthDate: caseload.BirthDate{Year: 1990}}); !errors.Is(err, store.ErrOfficeOnly) {
		t.Fatalf("ward addressed a notice: %v", err)
	}
	roundTrip(t, tp.office, tp.a)
	roundTrip(t, tp.office, tp.b)
	an, err := tp.a.St.Notice(ctx, n.ID)
	if err != nil || an.Sender != "Trại giam Xuân Lộc" || an.Ward != tp.a.ID.NodeID {
		t.Fatalf("ward a's notice: %+v %v", an, err)
	}
	ap, err := tp.a.St.Person(ctx, p.ID)
	if err != nil || ap.Status != caseload.StatusExpected || ap.Owner != tp.a.ID.NodeID {
		t.Fatalf("ward a's expected person: %+v %v", ap, err)
	}
	if _, err := tp.b.St.Notice(ctx, n.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("ward b got a's notice: %v", err)
	}
	if _, err := tp.b.St.Person(ctx, p.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("ward b got a's person: %v", err)
	}
	// Ward a manages the person now; its change goes up, the notice does not.
	ap.Status, ap.ReturnedOn = caseload.StatusManaged, caseload.Today()
	if err := tp.a.St.SavePerson(ctx, &ap); err != nil {
		t.Fatal(err)
	}
	pend, _ := tp.a.Pending(ctx, "")
	if !slices.Equal(pend, []PendingCount{{Table: "person", Records: 1}}) {
		t.Fatalf("ward a would send %v", pend)
	}
	roundTrip(t, tp.a, tp.office)
	if op, _ := tp.office.St.Person(ctx, p.ID); op.Status != caseload.StatusManaged {
		t.Fatalf("office: %+v", op)
	}
	// A notice for a person of ward a, addressed to ward b, is refused.
	n2 := caseload.Notice{PersonID: p.ID, Sender: "Trại giam Z30D", NoticeDate: caseload.Today(), ExpectedRelease: caseload.Today(), Ward: tp.b.ID.NodeID}
	if err := tp.office.St.AddNoticeFor(ctx, &n2); !errors.Is(err, store.ErrNotWardsPerson) {
		t.Fatalf("notice to the wrong ward: %v", err)
	}
}

// TestWardCannotSendOfficeRecords: a notice or a transfer order in a ward's
// file, as if from the office, is refused and changes nothing; a ward's own
// notices never travel.
func TestWardCannotSendOfficeRecords(t *testing.T) {
	tp := newTopology(t)
	p := addPerson(t, tp.a, "Hồ Văn Giả")
	n := caseload.Notice{PersonID: p.ID, Sender: "Trại giam Thủ Đức", NoticeDate: caseload.Today(), ExpectedRelease: caseload.Today()}
	if err := tp.a.St.AddNoticeFor(ctx, &n); err != nil {
		t.Fatal(err)
	}
	pend, _ := tp.a.Pending(ctx, "")
	if !slices.Equal(pend, []PendingCount{{Table: "person", Records: 1}}) {
		t.Fatalf("ward would send %v", pend)
	}
	roundTrip(t, tp.a, tp.office)
	n, _ = tp.a.St.Notice(ctx, n.ID)
	data, _ := json.Marshal(n)
	op := payload.Op{Op: "notice.upsert", Table: "notice", ID: n.ID, Owner: n.Owner, Ver: int64(n.Ver), Data: data}
	rejectUnchanged(t, tp.office, craft(t, tp.a, tp.office, craftOpts{seq: 2, ops: []payload.Op{op}, prev: officeInSHA(t, tp)}), "not_owner")
	tr := caseload.Transfer{PersonID: p.ID, FromWard: tp.a.ID.NodeID, ToWard: tp.b.ID.NodeID, OrderedOn: caseload.Today(), State: caseload.TransferDone, Epoch: 1}
	tr.ID, tr.Owner, tr.Ver, tr.HLC = store.NewID(), tp.office.ID.NodeID, 1, "1764800000000-00000-"+tp.office.ID.NodeID
	data, _ = json.Marshal(tr)
	op = payload.Op{Op: "transfer.upsert", Table: "transfer", ID: tr.ID, Owner: tr.Owner, Ver: 1, Data: data}
	rejectUnchanged(t, tp.office, craft(t, tp.a, tp.office, craftOpts{seq: 2, ops: []payload.Op{op}, prev: officeInSHA(t, tp)}), "not_owner")
	// ... nor to another ward through the office: b never sees a's notice.
	roundTrip(t, tp.office, tp.b)
	if _, err := tp.b.St.Notice(ctx, n.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("ward b got ward a's own notice: %v", err)
	}
}

// rawDB opens a second connection to a node's database for checks.
func rawDB(t *testing.T, n *Node) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", store.DSN(n.St.Path()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
