package exchange

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"os"

	"hoanhap/exchange/container"
	"hoanhap/exchange/identity"
	"hoanhap/exchange/payload"
	"hoanhap/store"
)

// Outcomes of an import.
const (
	OutcomeImported = "imported"
	OutcomeAlready  = "already_imported"
	OutcomeDeferred = "deferred"
	OutcomeRejected = "rejected"
)

// ImportReport is what happened to one file.
type ImportReport struct {
	Path     string   `json:"path,omitempty"`
	FileID   string   `json:"file_id,omitempty"`
	Peer     string   `json:"peer,omitempty"`
	PeerName string   `json:"peer_name,omitempty"`
	Seq      uint64   `json:"seq,omitempty"`
	Outcome  string   `json:"outcome"`
	Records  int      `json:"records"`
	Gap      []uint64 `json:"gap,omitempty"` // earlier files of this channel still missing
	Err      error    `json:"-"`
}

// Limits caps the payload of an imported file (tests lower it).
var Limits = payload.DefaultLimits

// importHook, set by tests only, runs inside the import transaction after
// each record applied (the test of a process killed mid-import).
var importHook func(records int)

// Import reads one file and imports it; see ImportBytes.
func (n *Node) Import(ctx context.Context, path string) ImportReport {
	f, err := os.Open(path)
	if err != nil {
		return ImportReport{Path: path, Outcome: OutcomeRejected, Err: fail("read_file", err, "Path", path)}
	}
	defer f.Close()
	data, err := container.ReadFile(f)
	if err != nil {
		return ImportReport{Path: path, Outcome: OutcomeRejected, Err: containerError(data, err)}
	}
	r := n.ImportBytes(ctx, data)
	r.Path = path
	return r
}

// ImportBytes imports one file: the signature is checked against the
// pinned keys, then the sender (enrolled, not revoked, current key, the
// node its header names), the recipient (this node), the channel place
// (no fork), and only then is the payload decrypted and applied, in one
// store transaction that records the file. A refused file leaves the store
// as it was, apart from an alert when its sender is an enrolled peer.
func (n *Node) ImportBytes(ctx context.Context, data []byte) ImportReport {
	rep := ImportReport{Outcome: OutcomeRejected}
	keys, err := n.St.SyncPeerKeys(ctx)
	if err != nil {
		rep.Err = err
		return rep
	}
	pubs := make([]ed25519.PublicKey, 0, len(keys))
	for _, k := range keys {
		pk, err := identity.DecodeSignKey(k.SignKey)
		if err != nil {
			pk = nil // never verifies
		}
		pubs = append(pubs, pk)
	}
	o, err := container.Open(data, pubs)
	if err != nil {
		rep.Err = containerError(data, err)
		return rep
	}
	h := o.Header
	k := keys[o.Signer]
	rep.FileID, rep.Peer, rep.Seq = h.FileID, k.NodeID, h.ChannelSeq
	peers, err := n.St.SyncPeers(ctx)
	if err != nil {
		rep.Err = err
		return rep
	}
	office := map[string]bool{}
	for _, p := range peers {
		office[p.NodeID] = p.UnitKind == "office"
		if p.NodeID == k.NodeID {
			rep.PeerName = p.UnitName
		}
	}
	reject := func(e *Error) ImportReport {
		rep.Err = e
		_ = n.St.AddSyncAlert(ctx, store.SyncAlert{Peer: k.NodeID, FileID: h.FileID, Seq: h.ChannelSeq, Kind: "rejected", Detail: e.Key})
		return rep
	}
	switch {
	case h.Sender != k.NodeID:
		return reject(fail("resigned", nil, "Unit", rep.PeerName))
	case k.PeerStatus != "active":
		return reject(fail("sender_revoked", nil, "Unit", rep.PeerName))
	case !k.Current:
		return reject(fail("sender_key_retired", nil, "Unit", rep.PeerName))
	case h.Recipient != n.ID.NodeID || !n.ownsRecipient(h.RecipientKey):
		return reject(fail("wrong_recipient", nil, "Unit", rep.PeerName))
	}
	in := store.InFile{Peer: k.NodeID, Seq: h.ChannelSeq, FileID: h.FileID, SHA256: hex.EncodeToString(o.SHA256[:]), PrevSHA256: h.PrevFileSHA256}
	var res store.ImportResult
	if h.MinReaderSchema > payload.Schema {
		// A later version wrote it: keep it, encrypted, for after the upgrade.
		in.Content = data
		res, err = n.St.SyncDefer(ctx, in)
	} else {
		res, err = n.St.SyncImport(ctx, in, func(t *store.SyncTx) (int, error) {
			t.ObserveHLC(h.CreatedHLC)
			r, err := o.Decrypt(n.ID.Identities()...)
			if err != nil {
				return 0, fail("wrong_recipient", err, "Unit", rep.PeerName)
			}
			count := 0
			want := payload.Manifest{FileID: h.FileID, Sender: h.Sender, Recipient: h.Recipient, Seq: h.ChannelSeq, Schema: h.Schema}
			err = payload.Read(r, want, Limits, func(op payload.Op) error {
				if err := applyOp(t, op, office[k.NodeID], h.FileID); err != nil {
					return err
				}
				if isRecordOp(op.Op) {
					count++
					if importHook != nil {
						importHook(count)
					}
				}
				return nil
			})
			if err != nil {
				return count, err
			}
			// Records that waited for one this file brought.
			if _, err = t.RetryPending(func(peer string) bool { return office[peer] }); err != nil {
				return count, err
			}
			// Transfers whose final state is now all here (office).
			_, err = t.CompleteTransfers()
			return count, err
		})
	}
	if err != nil {
		var e *Error
		switch {
		case errors.Is(err, store.ErrFork):
			rep.Err = fail("fork", err, "Unit", rep.PeerName, "Seq", h.ChannelSeq)
			_ = n.St.AddSyncAlert(ctx, store.SyncAlert{Peer: k.NodeID, FileID: h.FileID, Seq: h.ChannelSeq, Kind: "fork", Detail: "exchange.error.fork"})
			return rep
		case errors.As(err, &e):
			return reject(e)
		case errors.Is(err, payload.ErrTooLarge):
			return reject(fail("too_large", err))
		case errors.Is(err, payload.ErrCorrupt), errors.Is(err, payload.ErrManifest):
			return reject(fail("payload_malformed", err))
		}
		rep.Err = fmt.Errorf("exchange: import: %w", err)
		return rep
	}
	rep.Records, rep.Gap = res.Records, res.Gap
	switch res.Outcome {
	case store.Imported:
		rep.Outcome = OutcomeImported
	case store.AlreadyImported:
		rep.Outcome = OutcomeAlready
	case store.Deferred:
		rep.Outcome = OutcomeDeferred
	}
	return rep
}

// ownsRecipient reports whether an age recipient is one of this node's
// (current or retired) keys.
func (n *Node) ownsRecipient(r string) bool {
	if n.ID.Age.Recipient().String() == r {
		return true
	}
	for _, old := range n.ID.Retired {
		if old.Recipient().String() == r {
			return true
		}
	}
	return false
}

// containerError words a refusal by the container layer.
func containerError(data []byte, err error) *Error {
	switch {
	case errors.Is(err, container.ErrTruncated):
		return fail("truncated", err)
	case errors.Is(err, container.ErrMagic):
		return fail("not_sync_file", err)
	case errors.Is(err, container.ErrTooLarge):
		return fail("too_large", err)
	case errors.Is(err, container.ErrSignature):
		if h, ok := container.SelfSigned(data); ok {
			return fail("unknown_sender", err, "Node", h.Sender)
		}
		return fail("damaged", err)
	case errors.Is(err, container.ErrWrongSigner):
		return fail("resigned", err, "Unit", "")
	}
	return fail("damaged", err)
}

// RetryDeferred imports the files kept for a later version that this
// version can now read.
func (n *Node) RetryDeferred(ctx context.Context) ([]ImportReport, error) {
	files, err := n.St.SyncDeferredFiles(ctx)
	if err != nil {
		return nil, err
	}
	var out []ImportReport
	for _, f := range files {
		out = append(out, n.ImportBytes(ctx, f.Content))
	}
	return out, nil
}
