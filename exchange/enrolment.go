package exchange

import (
	"context"
	"errors"

	"hoanhap/exchange/enrol"
	"hoanhap/exchange/identity"
	"hoanhap/store"
)

// EnrolRequest writes this ward's enrolment request for its office.
func (n *Node) EnrolRequest() ([]byte, error) {
	if n.St.Node().UnitKind != "ward" {
		return nil, fail("not_ward", nil)
	}
	if n.St.Node().UnitName == "" {
		return nil, fail("no_unit", nil)
	}
	return enrol.Write(enrol.Message{Kind: enrol.KindRequest, CreatedAt: n.now(), From: n.ID.Public(), Unit: n.Unit()}, n.ID.Sign)
}

// ReadEnrolment reads an enrolment message and returns it with the
// fingerprint of its sender, to show before the officer accepts it.
func ReadEnrolment(data []byte) (enrol.Message, string, error) {
	m, err := enrol.Read(data)
	if err != nil {
		return m, "", fail("enrol_malformed", err)
	}
	fp, err := identity.Fingerprint(m.From)
	if err != nil {
		return m, "", fail("enrol_malformed", err)
	}
	return m, fp, nil
}

// EnrolAccept is the office's side: it reads a ward's request, checks the
// fingerprint the officer typed (read aloud by the ward, or from the
// stamped form), pins the ward and returns the reply file for the ward.
func (n *Node) EnrolAccept(ctx context.Context, request []byte, typed string) ([]byte, store.SyncPeer, error) {
	if n.St.Node().UnitKind != "office" {
		return nil, store.SyncPeer{}, fail("not_office", nil)
	}
	m, _, err := ReadEnrolment(request)
	if err != nil {
		return nil, store.SyncPeer{}, err
	}
	if m.Kind != enrol.KindRequest {
		return nil, store.SyncPeer{}, fail("enrol_wrong_kind", nil)
	}
	if !identity.MatchFingerprint(m.From, typed) {
		return nil, store.SyncPeer{}, fail("fingerprint_mismatch", nil)
	}
	peer := store.SyncPeer{NodeID: m.From.NodeID, UnitName: m.Unit.Name, UnitKind: "ward", Code: m.Unit.Code,
		SignKey: m.From.SignKey, AgeRecipient: m.From.AgeRecipient}
	if err := n.pin(ctx, peer); err != nil {
		return nil, peer, err
	}
	to := m.From
	reply, err := enrol.Write(enrol.Message{Kind: enrol.KindReply, CreatedAt: n.now(), From: n.ID.Public(), Unit: n.Unit(), To: &to}, n.ID.Sign)
	if err != nil {
		return nil, peer, err
	}
	return reply, peer, nil
}

// EnrolFinish is the ward's side: it reads the office's reply, checks that
// it answers this ward's own keys and that the typed fingerprint is the
// office's, and pins the office.
func (n *Node) EnrolFinish(ctx context.Context, reply []byte, typed string) (store.SyncPeer, error) {
	if n.St.Node().UnitKind != "ward" {
		return store.SyncPeer{}, fail("not_ward", nil)
	}
	m, _, err := ReadEnrolment(reply)
	if err != nil {
		return store.SyncPeer{}, err
	}
	if m.Kind != enrol.KindReply {
		return store.SyncPeer{}, fail("enrol_wrong_kind", nil)
	}
	if *m.To != n.ID.Public() {
		return store.SyncPeer{}, fail("reply_not_for_us", nil)
	}
	if !identity.MatchFingerprint(m.From, typed) {
		return store.SyncPeer{}, fail("fingerprint_mismatch", nil)
	}
	peer := store.SyncPeer{NodeID: m.From.NodeID, UnitName: m.Unit.Name, UnitKind: "office", Code: m.Unit.Code,
		SignKey: m.From.SignKey, AgeRecipient: m.From.AgeRecipient}
	return peer, n.pin(ctx, peer)
}

func (n *Node) pin(ctx context.Context, p store.SyncPeer) error {
	if p.NodeID == n.ID.NodeID {
		return fail("enrol_self", nil)
	}
	err := n.St.PinPeer(ctx, p)
	switch {
	case errors.Is(err, store.ErrPeerKeyConflict):
		return fail("peer_other_key", err, "Unit", p.UnitName)
	case errors.Is(err, store.ErrPeerKeyUsed):
		return fail("key_reused", err)
	}
	return err
}

// RotateKeys replaces this node's keys: it returns the key-change message,
// signed by the old key, to send to every peer, and saves the new keys
// (the old age identity is kept to read files already on their way).
func (n *Node) RotateKeys() ([]byte, error) {
	next, err := n.ID.Rotate()
	if err != nil {
		return nil, err
	}
	np := next.Public()
	msg, err := enrol.Write(enrol.Message{Kind: enrol.KindRotation, CreatedAt: n.now(), From: n.ID.Public(), Unit: n.Unit(), NewKeys: &np}, n.ID.Sign)
	if err != nil {
		return nil, err
	}
	if err := identity.Save(identity.KeyFile(n.dir), next); err != nil {
		return nil, fail("key_file", err, "Path", identity.KeyFile(n.dir))
	}
	n.ID = next
	return msg, nil
}

// ApplyKeyChange reads a peer's key-change message: it must be signed by
// the peer's current pinned key; the new keys replace it.
func (n *Node) ApplyKeyChange(ctx context.Context, data []byte) (store.SyncPeer, error) {
	m, err := enrol.Read(data)
	if err != nil {
		return store.SyncPeer{}, fail("enrol_malformed", err)
	}
	if m.Kind != enrol.KindRotation {
		return store.SyncPeer{}, fail("enrol_wrong_kind", nil)
	}
	p, err := n.St.SyncPeer(ctx, m.From.NodeID)
	if errors.Is(err, store.ErrNotFound) {
		return p, fail("unknown_sender", err)
	}
	if err != nil {
		return p, err
	}
	if p.Status != "active" {
		return p, fail("sender_revoked", nil, "Unit", p.UnitName)
	}
	if p.SignKey != m.From.SignKey {
		if p.SignKey == m.NewKeys.SignKey {
			return p, nil // applied before
		}
		return p, fail("rotation_not_current", nil, "Unit", p.UnitName)
	}
	if err := n.St.RotatePeerKey(ctx, p.NodeID, m.From.SignKey, m.NewKeys.SignKey, m.NewKeys.AgeRecipient); err != nil {
		if errors.Is(err, store.ErrPeerKeyUsed) {
			return p, fail("key_reused", err)
		}
		return p, err
	}
	return n.St.SyncPeer(ctx, p.NodeID)
}

// Revoke stops accepting files from a ward (office only).
func (n *Node) Revoke(ctx context.Context, node string) error {
	if n.St.Node().UnitKind != "office" {
		return fail("not_office", nil)
	}
	err := n.St.RevokePeer(ctx, node)
	if errors.Is(err, store.ErrNotFound) {
		return fail("unknown_peer", err, "Node", node)
	}
	return err
}
