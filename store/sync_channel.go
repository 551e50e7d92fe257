package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
)

// SyncAck is what a node tells a peer about the peer's files, in every
// file it sends back.
type SyncAck struct {
	Upto     uint64   `json:"upto"`               // highest gap-free seq received
	Received []uint64 `json:"received,omitempty"` // seqs above Upto received
	Missing  []uint64 `json:"missing,omitempty"`  // seqs below the highest received, not received
	Rejected []string `json:"rejected,omitempty"` // file ids refused
	App      string   `json:"app"`
	Schema   int      `json:"schema"`
}

// OutFile is a file written to a peer, kept in the outbox.
type OutFile struct {
	Peer      string
	Seq       uint64
	FileID    string
	Name      string
	SHA256    string
	Records   int
	Content   []byte
	CreatedAt string
	AckedAt   string
}

// InFile is a file received from a peer, authenticated by the caller.
type InFile struct {
	Peer       string
	Seq        uint64
	FileID     string
	SHA256     string
	PrevSHA256 string
	Content    []byte // kept only while deferred
}

// ImportOutcome says what an import did.
type ImportOutcome string

// Import outcomes.
const (
	Imported        ImportOutcome = "imported"
	AlreadyImported ImportOutcome = "already_imported"
	Deferred        ImportOutcome = "deferred"
)

// ImportResult is the outcome of one file.
type ImportResult struct {
	Outcome ImportOutcome `json:"outcome"`
	Records int           `json:"records"`
	Gap     []uint64      `json:"gap,omitempty"` // earlier seqs of this channel not yet received
}

// ErrFork is returned when a file has the sequence number of another file
// already received from the same peer, or does not chain on its
// neighbours: two histories of one channel.
var ErrFork = errors.New("store: fork: another file holds this place in the channel")

// ErrPeerRevoked is returned when exporting to a revoked peer.
var ErrPeerRevoked = errors.New("store: peer revoked")

// SyncTx is the transaction of one export or import: the caller's work on
// records and acks runs inside it and commits with the channel bookkeeping.
type SyncTx struct {
	s       *Store
	tx      *sql.Tx
	ctx     context.Context
	peer    string
	seq     uint64
	fileID  string
	applied int        // records written by ApplyRecord and RetryPending
	sc      *stmtCache // statements prepared once per transaction
	audits  []any      // audit rows queued by auditRow, six values each
}

// exec runs a statement through the transaction's statement cache.
func (t *SyncTx) exec(q string, args ...any) (sql.Result, error) {
	if t.sc == nil {
		t.sc = newStmtCache(t.tx)
	}
	return t.sc.exec(t.ctx, t.tx, q, args...)
}

// queryRow runs a one-row query through the statement cache.
func (t *SyncTx) queryRow(q string, args ...any) *sql.Row {
	if t.sc == nil {
		t.sc = newStmtCache(t.tx)
	}
	st, err := t.sc.stmt(t.ctx, q)
	if err != nil {
		return t.tx.QueryRowContext(t.ctx, q, args...) // reports the same error
	}
	return st.QueryRowContext(t.ctx, args...)
}

// Peer returns the other end of the channel.
func (t *SyncTx) Peer() string { return t.peer }

// Seq returns the sequence number of the file being written or read.
func (t *SyncTx) Seq() uint64 { return t.seq }

// AckFor computes the ack of the peer's files to put in a file for it.
func (t *SyncTx) AckFor(app string, schema int) (SyncAck, error) {
	a := SyncAck{App: app, Schema: schema}
	rows, err := t.tx.QueryContext(t.ctx, `SELECT seq FROM sync_inbox WHERE peer = ? ORDER BY seq`, t.peer)
	if err != nil {
		return a, err
	}
	var seqs []uint64
	for rows.Next() {
		var q uint64
		if err := rows.Scan(&q); err != nil {
			rows.Close()
			return a, err
		}
		seqs = append(seqs, q)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return a, err
	}
	a.Upto, a.Received, a.Missing = gaps(seqs)
	rows, err = t.tx.QueryContext(t.ctx, `SELECT DISTINCT file_id FROM sync_alert WHERE peer = ? AND kind = 'rejected' AND file_id <> ''
		ORDER BY created_at DESC LIMIT 100`, t.peer)
	if err != nil {
		return a, err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return a, err
		}
		a.Rejected = append(a.Rejected, id)
	}
	return a, rows.Err()
}

// gaps splits sorted seqs into the highest gap-free seq, the seqs received
// above it, and the seqs missing below the highest received.
func gaps(seqs []uint64) (upto uint64, above, missing []uint64) {
	i := 0
	for i < len(seqs) && seqs[i] == upto+1 {
		upto++
		i++
	}
	above = append(above, seqs[i:]...)
	next := upto + 1
	for _, q := range above {
		for ; next < q; next++ {
			missing = append(missing, next)
		}
		next = q + 1
	}
	return upto, above, missing
}

// ApplyAck records the peer's ack of our files: the files it has move to
// acknowledged, and with them the record versions they carried
// (EXPORTED → ACKED).
func (t *SyncTx) ApplyAck(a SyncAck) error {
	missing, _ := json.Marshal(nonNil(a.Missing))
	rejected, _ := json.Marshal(nonNil(a.Rejected))
	if _, err := t.tx.ExecContext(t.ctx, `UPDATE sync_channel SET acked_upto = max(acked_upto, ?), peer_missing = ?,
		peer_rejected = ?, peer_app = ?, peer_schema = ?, ack_at = ? WHERE peer = ?`,
		a.Upto, string(missing), string(rejected), a.App, a.Schema, nowText(), t.peer); err != nil {
		return err
	}
	now := nowText()
	acked := func(where string, args ...any) error {
		args = append([]any{now, t.peer}, args...)
		if _, err := t.tx.ExecContext(t.ctx, `UPDATE sync_outbox SET acked_at = ? WHERE peer = ? AND acked_at = '' AND `+where, args...); err != nil {
			return err
		}
		_, err := t.tx.ExecContext(t.ctx, `UPDATE sync_export SET state = 'acked' WHERE peer = ? AND state = 'exported' AND `+where, args[1:]...)
		return err
	}
	if err := acked(`seq <= ?`, a.Upto); err != nil {
		return err
	}
	for _, q := range a.Received {
		if err := acked(`seq = ?`, q); err != nil {
			return err
		}
	}
	return nil
}

// MarkExported records that version ver of a record goes to the peer in
// this file.
func (t *SyncTx) MarkExported(tbl, id string, ver int64) error {
	_, err := t.exec(`INSERT INTO sync_export (peer, tbl, record_id, ver, seq, state) VALUES (?, ?, ?, ?, ?, 'exported')
		ON CONFLICT (peer, tbl, record_id) DO UPDATE SET ver = excluded.ver, seq = excluded.seq, state = 'exported'`,
		t.peer, tbl, id, ver, t.seq)
	return err
}

// SyncExport writes the next file to peer: in one transaction it consumes
// the channel's next sequence number, lets build make the file (build gets
// the seq and the hash of the previous file to chain on), and keeps the
// file in the outbox. Nothing is consumed when build fails.
func (s *Store) SyncExport(ctx context.Context, peer string, build func(t *SyncTx, prevSHA256 string) (OutFile, error)) (OutFile, error) {
	var out OutFile
	if err := s.requireWrite(writeSettings); err != nil {
		return out, fmt.Errorf("store: sync export: %w", err)
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var status string
		var seq uint64
		var prev string
		err := tx.QueryRowContext(ctx, `SELECT p.status, c.out_seq, c.out_sha256 FROM sync_peer p JOIN sync_channel c ON c.peer = p.node_id
			WHERE p.node_id = ?`, peer).Scan(&status, &seq, &prev)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if status != "active" {
			return ErrPeerRevoked
		}
		t := &SyncTx{s: s, tx: tx, ctx: ctx, peer: peer, seq: seq + 1}
		out, err = build(t, prev)
		if err != nil {
			return err
		}
		out.Peer, out.Seq, out.CreatedAt = peer, seq+1, nowText()
		if _, err := tx.ExecContext(ctx, `INSERT INTO sync_outbox (peer, seq, file_id, name, sha256, records, content, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, peer, out.Seq, out.FileID, out.Name, out.SHA256, out.Records, out.Content, out.CreatedAt); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE sync_channel SET out_seq = ?, out_sha256 = ? WHERE peer = ?`, out.Seq, out.SHA256, peer)
		return err
	})
	if err != nil {
		return OutFile{}, fmt.Errorf("store: sync export: %w", err)
	}
	return out, nil
}

// SyncOutbox returns the outbox files to peer with the given seqs, with
// their bytes, for a resend.
func (s *Store) SyncOutbox(ctx context.Context, peer string, seqs []uint64) ([]OutFile, error) {
	var out []OutFile
	for _, q := range seqs {
		var f OutFile
		err := s.db.QueryRowContext(ctx, `SELECT peer, seq, file_id, name, sha256, records, content, created_at, acked_at
			FROM sync_outbox WHERE peer = ? AND seq = ?`, peer, q).Scan(&f.Peer, &f.Seq, &f.FileID, &f.Name, &f.SHA256, &f.Records, &f.Content, &f.CreatedAt, &f.AckedAt)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("store: outbox: %w", err)
		}
		out = append(out, f)
	}
	return out, nil
}

// SyncImport imports one authenticated file from a peer in one
// transaction: a file already imported is a no-op; a file taking the place
// of another (same seq, other content, or not chaining on its neighbours)
// is ErrFork; otherwise apply runs (records, acks) and the file is
// recorded. A file kept deferred earlier is imported now and leaves the
// deferred list.
func (s *Store) SyncImport(ctx context.Context, in InFile, apply func(t *SyncTx) (int, error)) (ImportResult, error) {
	return s.syncReceive(ctx, in, "imported", apply)
}

// SyncDefer keeps a file this version cannot read (a future schema),
// encrypted, to be imported after an upgrade. Nothing of it is applied.
func (s *Store) SyncDefer(ctx context.Context, in InFile) (ImportResult, error) {
	return s.syncReceive(ctx, in, "deferred", nil)
}

func (s *Store) syncReceive(ctx context.Context, in InFile, status string, apply func(t *SyncTx) (int, error)) (ImportResult, error) {
	var res ImportResult
	if err := s.requireWrite(writeSettings); err != nil {
		return res, fmt.Errorf("store: sync import: %w", err)
	}
	reload := false
	err := s.tx(ctx, func(tx *sql.Tx) error {
		// A whole register arrives in one transaction: a 64 MiB page cache
		// keeps it from spilling pages to the WAL before the commit. Set on
		// the transaction's own connection (the pool has several).
		if _, err := tx.ExecContext(ctx, `PRAGMA cache_size = -65536`); err != nil {
			return err
		}
		var have, haveStatus string
		err := tx.QueryRowContext(ctx, `SELECT sha256, status FROM sync_inbox WHERE file_id = ?`, in.FileID).Scan(&have, &haveStatus)
		switch {
		case err == nil && have != in.SHA256:
			return ErrFork // one file id, two contents
		case err == nil && (haveStatus == "imported" || status == "deferred"):
			res.Outcome = AlreadyImported
			if haveStatus == "deferred" {
				res.Outcome = Deferred
			}
			return nil
		case err == nil: // deferred earlier, readable now
			if _, err := tx.ExecContext(ctx, `DELETE FROM sync_inbox WHERE file_id = ?`, in.FileID); err != nil {
				return err
			}
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		if err := checkChain(ctx, tx, in); err != nil {
			return err
		}
		res.Outcome = Deferred
		var content []byte
		if status == "deferred" {
			content = in.Content
		} else {
			res.Outcome = Imported
			t := &SyncTx{s: s, tx: tx, ctx: ctx, peer: in.Peer, seq: in.Seq, fileID: in.FileID}
			n, err := apply(t)
			if err != nil {
				return err
			}
			if err := t.FlushAudit(); err != nil {
				return err
			}
			res.Records = n
			reload = reload || t.applied > 0
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO sync_inbox (peer, seq, file_id, sha256, prev_sha256, status, records, content, received_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, in.Peer, in.Seq, in.FileID, in.SHA256, in.PrevSHA256, status, res.Records, content, nowText()); err != nil {
			return err
		}
		res.Gap, err = missingBefore(ctx, tx, in.Peer, in.Seq)
		return err
	})
	if err != nil {
		return ImportResult{}, fmt.Errorf("store: sync import: %w", err)
	}
	if reload {
		// Records changed behind the repositories: rebuild the search index
		// and the worklist cache.
		if err := s.Reload(ctx); err != nil {
			return res, err
		}
	}
	return res, nil
}

// checkChain refuses a file whose place in the channel is taken or whose
// hash chain disagrees with a neighbour already received.
func checkChain(ctx context.Context, tx *sql.Tx, in InFile) error {
	var sha, prev string
	err := tx.QueryRowContext(ctx, `SELECT sha256, prev_sha256 FROM sync_inbox WHERE peer = ? AND seq = ?`, in.Peer, in.Seq).Scan(&sha, &prev)
	if err == nil {
		return ErrFork
	} else if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	err = tx.QueryRowContext(ctx, `SELECT sha256 FROM sync_inbox WHERE peer = ? AND seq = ?`, in.Peer, in.Seq-1).Scan(&sha)
	if err == nil && sha != in.PrevSHA256 {
		return ErrFork
	} else if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	err = tx.QueryRowContext(ctx, `SELECT prev_sha256 FROM sync_inbox WHERE peer = ? AND seq = ?`, in.Peer, in.Seq+1).Scan(&prev)
	if err == nil && prev != in.SHA256 {
		return ErrFork
	} else if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	return nil
}

func missingBefore(ctx context.Context, tx *sql.Tx, peer string, seq uint64) ([]uint64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT seq FROM sync_inbox WHERE peer = ? AND seq < ? ORDER BY seq`, peer, seq)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var gap []uint64
	next := uint64(1)
	for rows.Next() {
		var q uint64
		if err := rows.Scan(&q); err != nil {
			return nil, err
		}
		for ; next < q; next++ {
			gap = append(gap, next)
		}
		next = q + 1
	}
	for ; next < seq; next++ {
		gap = append(gap, next)
	}
	return gap, rows.Err()
}

// SyncDeferredFiles lists the files kept deferred, with their bytes.
func (s *Store) SyncDeferredFiles(ctx context.Context) ([]InFile, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT peer, seq, file_id, sha256, prev_sha256, content FROM sync_inbox WHERE status = 'deferred' ORDER BY peer, seq`)
	if err != nil {
		return nil, fmt.Errorf("store: deferred files: %w", err)
	}
	defer rows.Close()
	var out []InFile
	for rows.Next() {
		var f InFile
		if err := rows.Scan(&f.Peer, &f.Seq, &f.FileID, &f.SHA256, &f.PrevSHA256, &f.Content); err != nil {
			return nil, fmt.Errorf("store: deferred files: %w", err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// HLC returns a new hybrid logical clock reading of this node.
func (t *SyncTx) HLC() string { return t.s.clock.Next() }

// ObserveHLC moves this node's clock past a peer's reading.
func (t *SyncTx) ObserveHLC(h string) { t.s.clock.Observe(h) }
