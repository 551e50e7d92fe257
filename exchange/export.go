package exchange

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"filippo.io/age"

	"hoanhap/exchange/container"
	"hoanhap/exchange/payload"
	"hoanhap/store"
)

// ExportResult says what an export wrote.
type ExportResult struct {
	Path    string   `json:"path"`    // the new file
	Seq     uint64   `json:"seq"`     // its place in the channel
	Records int      `json:"records"` // operations on records it carries (the ack not counted)
	Resent  []string `json:"resent"`  // byte-identical copies of files the peer reported lost
}

// ExportOption changes how Export works (WithProgress).
type ExportOption func(*exportConfig)

type exportConfig struct {
	progress func(done, total int)
}

// progressEvery is how many records Export writes between two progress
// reports: often enough for a bar to move, rarely enough to cost nothing.
const progressEvery = 1000

// WithProgress makes Export report its progress to fn: the records it
// will carry are counted first (as Pending counts them), then fn is called
// with (0, total), after every 1,000 records written, and last with
// done == total == the records the file carries (the ack not counted).
// fn runs on Export's goroutine and must return quickly.
func WithProgress(fn func(done, total int)) ExportOption {
	return func(c *exportConfig) { c.progress = fn }
}

// Export writes the next file for a peer (the only one, or the one named
// by to) into dir, and beside it a byte-identical copy of every earlier
// file the peer's last ack reported missing. The file carries this node's
// ack of the peer's files. The sequence number is consumed in the store
// transaction that keeps the outbox copy; the file is then written as
// name.tmp, synced and renamed.
func (n *Node) Export(ctx context.Context, to, dir string, opts ...ExportOption) (ExportResult, error) {
	var res ExportResult
	var cfg exportConfig
	for _, o := range opts {
		o(&cfg)
	}
	peer, err := n.peerFor(ctx, to)
	if err != nil {
		return res, err
	}
	if peer.Status != "active" {
		return res, fail("peer_revoked", nil, "Unit", peer.UnitName)
	}
	var report func(done int) // nil: no progress asked
	if cfg.progress != nil {
		counts, err := n.pendingFor(ctx, peer)
		if err != nil {
			return res, err
		}
		total := 0
		for _, c := range counts {
			total += c.Records
		}
		report = func(done int) { cfg.progress(done, max(total, done)) }
		report(0)
	}
	rcpt, err := age.ParseX25519Recipient(peer.AgeRecipient)
	if err != nil {
		return res, fmt.Errorf("exchange: export: %w", err)
	}
	self := n.Unit()
	out, err := n.St.SyncExport(ctx, peer.NodeID, func(t *store.SyncTx, prev string) (store.OutFile, error) {
		fileID := store.NewID()
		seq := t.Seq()
		var plain bytes.Buffer
		w, err := payload.NewWriter(&plain, payload.Manifest{FileID: fileID, Sender: n.ID.NodeID, Recipient: peer.NodeID, Seq: seq, Schema: payload.Schema})
		if err != nil {
			return store.OutFile{}, err
		}
		ack, err := t.AckFor(AppVersion, payload.Schema)
		if err != nil {
			return store.OutFile{}, err
		}
		ackJSON, _ := json.Marshal(ack)
		if err := w.Add(payload.Op{Op: OpAck, Data: ackJSON}); err != nil {
			return store.OutFile{}, err
		}
		records, err := exportRecords(t, w, n.St.Node().UnitKind, n.ID.NodeID, report)
		if err != nil {
			return store.OutFile{}, err
		}
		if cfg.progress != nil {
			cfg.progress(records, records)
		}
		if err := w.Close(); err != nil {
			return store.OutFile{}, err
		}
		h := container.Header{
			FileID: fileID, Kind: container.KindSync,
			Sender: n.ID.NodeID, SenderKey: n.ID.Public().SignKey,
			Recipient: peer.NodeID, RecipientKey: peer.AgeRecipient,
			ChannelSeq: seq, PrevFileSHA256: prev, CreatedHLC: t.HLC(),
			Schema: payload.Schema, MinReaderSchema: payload.MinReaderSchema,
		}
		data, err := container.Seal(h, plain.Bytes(), rcpt, n.ID.Sign)
		if err != nil {
			return store.OutFile{}, err
		}
		sum := sha256.Sum256(data)
		return store.OutFile{FileID: fileID, Name: FileName(self.Code, peer.Code, seq, time.Now().Format("2006-01-02")),
			SHA256: hex.EncodeToString(sum[:]), Records: records, Content: data}, nil
	})
	if err != nil {
		if errors.Is(err, store.ErrPeerRevoked) {
			return res, fail("peer_revoked", err, "Unit", peer.UnitName)
		}
		return res, fmt.Errorf("exchange: export: %w", err)
	}
	res.Seq, res.Records = out.Seq, out.Records
	res.Path = filepath.Join(dir, out.Name)
	if err := writeAtomic(res.Path, out.Content); err != nil {
		// The file stays in the outbox: the next export can write it again.
		return res, fail("write_file", err, "Path", res.Path)
	}
	chans, err := n.St.SyncChannels(ctx)
	if err != nil {
		return res, err
	}
	for _, c := range chans {
		if c.Peer.NodeID != peer.NodeID || len(c.PeerMissing) == 0 {
			continue
		}
		lost, err := n.St.SyncOutbox(ctx, peer.NodeID, c.PeerMissing)
		if err != nil {
			return res, err
		}
		for _, f := range lost {
			if f.AckedAt != "" {
				continue
			}
			p := filepath.Join(dir, f.Name)
			if err := writeAtomic(p, f.Content); err != nil {
				return res, fail("write_file", err, "Path", p)
			}
			res.Resent = append(res.Resent, p)
		}
	}
	return res, nil
}

// Resend writes byte-identical copies of the outbox files to peer with the
// given seqs into dir.
func (n *Node) Resend(ctx context.Context, to string, seqs []uint64, dir string) ([]string, error) {
	peer, err := n.peerFor(ctx, to)
	if err != nil {
		return nil, err
	}
	files, err := n.St.SyncOutbox(ctx, peer.NodeID, seqs)
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, f := range files {
		p := filepath.Join(dir, f.Name)
		if err := writeAtomic(p, f.Content); err != nil {
			return paths, fail("write_file", err, "Path", p)
		}
		paths = append(paths, p)
	}
	return paths, nil
}
