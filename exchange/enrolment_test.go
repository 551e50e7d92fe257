package exchange

import (
	"strings"
	"testing"

	"hoanhap/i18n"
)

func TestEnrolmentPinsBothSides(t *testing.T) {
	tp := newTopology(t)
	p, err := tp.office.St.SyncPeer(ctx, tp.a.ID.NodeID)
	if err != nil || p.UnitKind != "ward" || p.Code != "PhuongHoaBinh" || p.SignKey != tp.a.ID.Public().SignKey {
		t.Fatalf("office's pin of ward a: %+v, %v", p, err)
	}
	q, err := tp.a.St.SyncPeer(ctx, tp.office.ID.NodeID)
	if err != nil || q.UnitKind != "office" || q.AgeRecipient != tp.office.ID.Public().AgeRecipient {
		t.Fatalf("ward's pin of the office: %+v, %v", q, err)
	}
}

func TestEnrolmentRefusesWrongFingerprint(t *testing.T) {
	office, ward, other := newNode(t, "Công an tỉnh", "office"), newNode(t, "Phường A", "ward"), newNode(t, "Phường B", "ward")
	req, _ := ward.EnrolRequest()
	before := snapshot(t, office)
	for _, typed := range []string{other.Fingerprint(), "", strings.Repeat("1", 60), ward.Fingerprint()[:50]} {
		if _, _, err := office.EnrolAccept(ctx, req, typed); !hasReason(err, "fingerprint_mismatch") {
			t.Fatalf("accept with fingerprint %q: %v", typed, err)
		}
	}
	if snapshot(t, office) != before {
		t.Fatal("a refused enrolment changed the office's store")
	}
	reply, _, err := office.EnrolAccept(ctx, req, ward.Fingerprint())
	if err != nil {
		t.Fatal(err)
	}
	wbefore := snapshot(t, ward)
	if _, err := ward.EnrolFinish(ctx, reply, ward.Fingerprint()); !hasReason(err, "fingerprint_mismatch") {
		t.Fatalf("finish with the ward's own fingerprint: %v", err)
	}
	// A reply to another ward's request is refused by this ward.
	if _, err := other.EnrolFinish(ctx, reply, office.Fingerprint()); !hasReason(err, "reply_not_for_us") {
		t.Fatalf("reply meant for another ward: %v", err)
	}
	if snapshot(t, ward) != wbefore {
		t.Fatal("a refused reply changed the ward's store")
	}
	// Messages in the wrong role.
	if _, _, err := office.EnrolAccept(ctx, reply, office.Fingerprint()); !hasReason(err, "enrol_wrong_kind") {
		t.Fatalf("office accepting its own reply: %v", err)
	}
	if _, _, err := ward.EnrolAccept(ctx, req, ward.Fingerprint()); !hasReason(err, "not_office") {
		t.Fatalf("ward accepting a request: %v", err)
	}
	if _, err := ward.EnrolFinish(ctx, reply, office.Fingerprint()); err != nil {
		t.Fatal(err)
	}
	// Every refusal reads as a Vietnamese sentence, not a key.
	i18n.SetLanguage("vi")
	_, _, err = office.EnrolAccept(ctx, req, "1")
	if msg := i18n.Error(err); strings.HasPrefix(msg, "exchange.") || !strings.Contains(msg, "60 chữ số") {
		t.Fatalf("message: %q", msg)
	}
}

func TestEnrolmentTwiceAndAnotherKey(t *testing.T) {
	office, ward := newNode(t, "Công an tỉnh", "office"), newNode(t, "Phường A", "ward")
	enrolPair(t, ward, office)
	enrolPair(t, ward, office) // the same again changes nothing
	peers, _ := office.St.SyncPeers(ctx)
	if len(peers) != 1 {
		t.Fatalf("%d peers after enrolling twice", len(peers))
	}
	// A new request with other keys for the same node is refused: a key
	// change goes through a message signed by the old key.
	if _, err := ward.RotateKeys(); err != nil {
		t.Fatal(err)
	}
	req, _ := ward.EnrolRequest()
	if _, _, err := office.EnrolAccept(ctx, req, ward.Fingerprint()); !hasReason(err, "peer_other_key") {
		t.Fatalf("re-enrolment with other keys: %v", err)
	}
}

func TestKeyRotation(t *testing.T) {
	tp := newTopology(t)
	oldFile := export(t, tp.a, tp.office, t.TempDir()).Path
	msg, err := tp.a.RotateKeys()
	if err != nil {
		t.Fatal(err)
	}
	// The ward's key file now holds the new keys.
	again, err := Open(tp.a.St)
	if err != nil || again.Fingerprint() != tp.a.Fingerprint() {
		t.Fatalf("reopened identity differs after rotation: %v", err)
	}
	// Another ward cannot apply a's key change at the office's place: the
	// office checks the old key is a's current one.
	if _, err := tp.b.ApplyKeyChange(ctx, msg); !hasReason(err, "unknown_sender") {
		t.Fatalf("key change of an unknown node: %v", err)
	}
	p, err := tp.office.ApplyKeyChange(ctx, msg)
	if err != nil || p.SignKey != tp.a.ID.Public().SignKey {
		t.Fatalf("apply key change: %+v %v", p, err)
	}
	if _, err := tp.office.ApplyKeyChange(ctx, msg); err != nil {
		t.Fatalf("applying the same key change twice: %v", err)
	}
	// A file signed with the old key is refused, store unchanged.
	before := snapshot(t, tp.office)
	r := tp.office.Import(ctx, oldFile)
	if r.Outcome != OutcomeRejected || !hasReason(r.Err, "sender_key_retired") {
		t.Fatalf("file signed with a retired key: %s %v", r.Outcome, r.Err)
	}
	if snapshot(t, tp.office) != before {
		t.Fatal("store changed")
	}
	// New files from a and office files to a's new key go through; a file
	// already encrypted to a's old key still decrypts.
	toOldKey := export(t, tp.office, tp.a, t.TempDir()).Path // office not yet told? it was: new key
	mustImport(t, tp.a, toOldKey, OutcomeImported)
	mustImport(t, tp.office, export(t, tp.a, tp.office, t.TempDir()).Path, OutcomeImported)
}

func TestRevocation(t *testing.T) {
	tp := newTopology(t)
	f := export(t, tp.b, tp.office, t.TempDir()).Path
	if err := tp.a.Revoke(ctx, tp.b.ID.NodeID); !hasReason(err, "not_office") {
		t.Fatalf("ward revoking: %v", err)
	}
	if err := tp.office.Revoke(ctx, tp.b.ID.NodeID); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, tp.office)
	r := tp.office.Import(ctx, f)
	if !hasReason(r.Err, "sender_revoked") {
		t.Fatalf("file of a revoked ward: %s %v", r.Outcome, r.Err)
	}
	if snapshot(t, tp.office) != before {
		t.Fatal("store changed")
	}
	if _, err := tp.office.Export(ctx, tp.b.ID.NodeID, t.TempDir()); !hasReason(err, "peer_revoked") {
		t.Fatalf("export to a revoked ward: %v", err)
	}
	alerts, _ := tp.office.St.SyncAlerts(ctx)
	if len(alerts) != 1 || alerts[0].Peer != tp.b.ID.NodeID {
		t.Fatalf("alerts: %+v", alerts)
	}
}

func TestUnitCode(t *testing.T) {
	for in, want := range map[string]string{
		"Phường Hòa Bình":        "PhuongHoaBinh",
		"xã Đắk Mil":             "XaDakMil",
		"Công an tỉnh (PC06) 2":  "CongAnTinhPC062",
		"":                       "0190a0000000",
		"Thị trấn Mường Lát, Hà": "ThiTranMuongLatHa",
	} {
		if got := UnitCode(in, "0190a000-0000-7000-8000-000000000001"); got != want {
			t.Errorf("UnitCode(%q) = %q, want %q", in, got, want)
		}
	}
	if got := FileName("PhuongHoaBinh", "CongAnTinh", 7, "2026-12-04"); got != "HN_PhuongHoaBinh_to_CongAnTinh_000007_20261204.hnx" {
		t.Errorf("FileName = %q", got)
	}
}
