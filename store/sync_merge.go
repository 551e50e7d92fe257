package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"

	"hoanhap/caseload"
)

// SyncRecord is one record as it travels in a sync file: the record in
// canonical JSON (Table.Records / Table.Decode) with its sync fields
// repeated beside it, and its ownership epoch.
type SyncRecord struct {
	Table string          `json:"table"`
	ID    string          `json:"id"`
	Owner string          `json:"owner"`
	Epoch int64           `json:"epoch"`
	Ver   int64           `json:"ver"`
	HLC   string          `json:"hlc"`
	Data  json.RawMessage `json:"data"`
}

// MergeOutcome says what merging one incoming record did.
type MergeOutcome int

// Outcomes of ApplyRecord.
const (
	MergeApplied  MergeOutcome = iota // inserted or replaced the local record
	MergeSame                         // this version is already here
	MergeStale                        // an older version than the local one: ignored
	MergeConflict                     // same version, other content: queued with both kept
	MergePending                      // refers to a record not yet received: waits
)

// Errors of ApplyRecord that refuse the whole file.
var (
	ErrSyncNotOwner = errors.New("store: record sent by a node that does not own it")
	ErrSyncRecord   = errors.New("store: record malformed or its sync fields disagree")
)

// recordMeta reads the sync fields of a record in canonical JSON.
func recordMeta(t *Table, data []byte) (id, owner, hlc string, ver int64, err error) {
	var m map[string]json.RawMessage
	if err = json.Unmarshal(data, &m); err != nil {
		return
	}
	keyJSON := t.Key
	for _, c := range t.Columns {
		if c.Name == t.Key && c.JSON != "" {
			keyJSON = c.JSON
		}
	}
	str := func(name string) string {
		var s string
		_ = json.Unmarshal(m[name], &s)
		return s
	}
	id, owner, hlc = str(keyJSON), str("owner"), str("hlc")
	if raw, ok := m["ver"]; ok {
		err = json.Unmarshal(raw, &ver)
	}
	if id == "" {
		err = errors.New("record without a key")
	}
	return
}

var metaType = reflect.TypeOf(caseload.Meta{})

// metaOf returns the sync fields of a record value: read from its embedded
// caseload.Meta when its key is the id (no JSON parsing: export and import
// handle a hundred thousand records), from its JSON otherwise.
func metaOf(t *Table, rec any, data []byte) (id, owner, hlc string, ver int64, err error) {
	if t.Key == "id" {
		v := reflect.ValueOf(rec)
		if v.Kind() == reflect.Pointer {
			v = v.Elem()
		}
		if v.Kind() == reflect.Struct {
			if f, ok := v.Type().FieldByName("Meta"); ok && f.Type == metaType && f.Anonymous {
				m := v.FieldByIndex(f.Index).Interface().(caseload.Meta)
				if m.ID == "" {
					return "", "", "", 0, errors.New("record without a key")
				}
				return m.ID, m.Owner, m.HLC, int64(m.Ver), nil
			}
		}
	}
	return recordMeta(t, data)
}

func (t *SyncTx) epochs(tbl string) (map[string]int64, error) {
	out := map[string]int64{}
	rows, err := t.tx.QueryContext(t.ctx, `SELECT record_id, epoch FROM sync_epoch WHERE tbl = ?`, tbl)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var e int64
		if err := rows.Scan(&id, &e); err != nil {
			return nil, err
		}
		out[id] = e
	}
	return out, rows.Err()
}

// ApplyRecord merges one incoming record from the peer (fromOffice: the
// peer is the office) under the rules of the design:
//
//   - the record's sync fields must equal those sent beside it;
//   - a creator-owned record is accepted only from its owner, or from the
//     office (which relays transfers); an office-owned one only from the
//     office; a natural-key record (setting, holiday) only from the office;
//   - a new record is inserted; a known one is replaced only by a higher
//     (epoch, ver) — a lower one is stale and ignored; the same version is
//     a no-op when its clock reading is the same write, and a conflict
//     (both kept in the conflict queue, the local one in place) when not;
//     an append-only record never changes, so another write with its id is
//     a conflict too; a natural-key record takes the newer clock reading;
//   - a record whose references are not here yet waits in sync_pending and
//     is retried after every file.
func (t *SyncTx) ApplyRecord(r SyncRecord, fromOffice bool, fileID string) (MergeOutcome, error) {
	out, err := t.applyRecord(r, fromOffice)
	if errors.Is(err, errSyncPending) {
		op, _ := json.Marshal(r)
		_, err = t.tx.ExecContext(t.ctx, `INSERT INTO sync_pending (peer, file_id, waits_tbl, waits_id, op, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
			t.peer, fileID, r.Table, r.ID, string(op), nowText())
		return MergePending, err
	}
	return out, err
}

var errSyncPending = errors.New("store: record refers to a record not yet received")

func (t *SyncTx) applyRecord(r SyncRecord, fromOffice bool) (MergeOutcome, error) {
	tb := TableNamed(r.Table)
	if tb == nil || !tb.Exchanged() {
		return 0, fmt.Errorf("%w: table %q", ErrSyncRecord, r.Table)
	}
	rec, err := tb.Decode(r.Data)
	if err != nil {
		return 0, fmt.Errorf("%w: %v", ErrSyncRecord, err)
	}
	id, owner, hlc, ver, err := metaOf(tb, rec, r.Data)
	if err != nil || id != r.ID || owner != r.Owner || ver != r.Ver || (r.HLC != "" && hlc != r.HLC) || r.Epoch < 0 {
		return 0, fmt.Errorf("%w: %s %s", ErrSyncRecord, r.Table, r.ID)
	}
	r.HLC = hlc
	switch tb.Owner {
	case OwnerCreator:
		if r.Owner != t.peer && !fromOffice {
			return 0, fmt.Errorf("%w: %s %s owned by %s", ErrSyncNotOwner, r.Table, r.ID, r.Owner)
		}
	case OwnerOffice, OwnerKey:
		if !fromOffice {
			return 0, fmt.Errorf("%w: %s records come from the office only", ErrSyncNotOwner, r.Table)
		}
	}
	if t.sc == nil {
		t.sc = newStmtCache(t.tx)
	}
	// Most records of a file are new here: a plain INSERT does in one
	// statement what a lookup and a write do in two, and fails on a row
	// already here, which then takes the path below.
	if tb.Key == "id" && tb.Owner != OwnerKey && tb.insertCached != nil {
		err := tb.insertCached(t.ctx, t.sc, rec)
		switch {
		case err == nil:
			return t.written(tb, r, rec, false, 0)
		case strings.Contains(err.Error(), "FOREIGN KEY constraint failed"):
			return 0, errSyncPending
		case !strings.Contains(err.Error(), "UNIQUE constraint failed: "+tb.SQL+"."+tb.Key):
			return 0, fmt.Errorf("store: write %s record: %w", tb.Name, err)
		}
	}
	var lOwner, lHLC string
	var lVer int64
	err = t.queryRow(`SELECT owner, ver, hlc FROM `+tb.SQL+` WHERE `+tb.Key+` = ?`, r.ID).Scan(&lOwner, &lVer, &lHLC)
	exists := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	var lEpoch int64
	if exists {
		if err := t.queryRow(`SELECT epoch FROM sync_epoch WHERE tbl = ? AND record_id = ?`, tb.Name, r.ID).Scan(&lEpoch); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return 0, err
		}
		switch {
		case lHLC == r.HLC && lVer == r.Ver:
			return MergeSame, nil
		case tb.Owner == OwnerKey:
			if r.HLC <= lHLC {
				return MergeStale, nil
			}
		case tb.AppendOnly:
			return MergeConflict, t.conflict(tb, r)
		case r.Epoch < lEpoch || (r.Epoch == lEpoch && r.Ver < lVer):
			return MergeStale, nil
		case r.Epoch == lEpoch && r.Ver == lVer:
			return MergeConflict, t.conflict(tb, r)
		case r.Epoch == lEpoch && lOwner != r.Owner && !fromOffice:
			// Only a transfer (a new epoch, through the office) moves a record.
			return 0, fmt.Errorf("%w: %s %s owned here by %s", ErrSyncNotOwner, r.Table, r.ID, lOwner)
		}
	}
	// A statement that fails on a foreign key is undone by SQLite alone
	// (statement rollback): the transaction goes on without it.
	if err := t.beforeWrite(tb, r, exists, lEpoch); err != nil {
		return 0, err
	}
	if err := tb.writeCached(t.ctx, t.sc, rec, !exists); err != nil {
		if strings.Contains(err.Error(), "FOREIGN KEY constraint failed") {
			return 0, errSyncPending
		}
		return 0, fmt.Errorf("store: write %s record: %w", tb.Name, err)
	}
	return t.written(tb, r, rec, exists, lEpoch)
}

// written finishes the merge of a record just written: its epoch, the
// transfer flows, the audit row.
func (t *SyncTx) written(tb *Table, r SyncRecord, rec any, exists bool, lEpoch int64) (MergeOutcome, error) {
	if err := t.afterWrite(tb, rec); err != nil {
		return 0, fmt.Errorf("store: transfer order: %w", err)
	}
	if r.Epoch > 0 || lEpoch > 0 {
		if _, err := t.exec(`INSERT INTO sync_epoch (tbl, record_id, epoch) VALUES (?, ?, ?)
			ON CONFLICT (tbl, record_id) DO UPDATE SET epoch = excluded.epoch`, tb.Name, r.ID, r.Epoch); err != nil {
			return 0, err
		}
	}
	action := "insert"
	if exists {
		action = "update"
	}
	// The audit row of the write: the version and the peer it came from
	// (the record itself is in the table).
	note := fmt.Sprintf(`{"ver":%d,"epoch":%d,"from":%q,"file":%q}`, r.Ver, r.Epoch, t.peer, t.fileID)
	if err := t.auditRow(action, tb.Name, r.ID, note); err != nil {
		return 0, err
	}
	t.applied++
	return MergeApplied, nil
}

// auditBatch is how many audit rows one statement writes.
const auditBatch = 100

// auditRow queues the audit row of a record written by the sync; the rows
// are written auditBatch at a time (a file brings a hundred thousand
// records: one statement per row cost a quarter of the import), the rest
// by FlushAudit before the transaction commits.
func (t *SyncTx) auditRow(action, tbl, id, note string) error {
	t.audits = append(t.audits, nowAudit(), "sync", action, tbl, id, note)
	if len(t.audits) < 6*auditBatch {
		return nil
	}
	return t.FlushAudit()
}

// FlushAudit writes the audit rows still queued.
func (t *SyncTx) FlushAudit() error {
	for len(t.audits) > 0 {
		n := min(len(t.audits)/6, auditBatch)
		q := `INSERT INTO audit (at, who, action, tbl, record_id, new_json) VALUES ` +
			strings.TrimSuffix(strings.Repeat(`(?, ?, ?, ?, ?, ?), `, n), ", ")
		if _, err := t.exec(q, t.audits[:6*n]...); err != nil {
			return err
		}
		t.audits = t.audits[6*n:]
	}
	return nil
}

func nowAudit() string { return time.Now().UTC().Format(time.RFC3339Nano) }

// conflict keeps the incoming version beside the local one for a person
// to decide.
func (t *SyncTx) conflict(tb *Table, r SyncRecord) error {
	local, err := t.rowJSON(tb, r.ID)
	if err != nil {
		return err
	}
	var n int
	if err := t.tx.QueryRowContext(t.ctx, `SELECT count(*) FROM sync_conflict WHERE tbl = ? AND record_id = ? AND remote = ?`,
		tb.Name, r.ID, string(r.Data)).Scan(&n); err != nil || n > 0 {
		return err
	}
	_, err = t.tx.ExecContext(t.ctx, `INSERT INTO sync_conflict (id, tbl, record_id, peer, file_id, local, remote, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, NewID(), tb.Name, r.ID, t.peer, t.fileID, local, string(r.Data), nowText())
	return err
}

// rowJSON returns the stored row of a record as a JSON object of its
// columns.
func (t *SyncTx) rowJSON(tb *Table, id string) (string, error) {
	rows, err := t.tx.QueryContext(t.ctx, `SELECT * FROM `+tb.SQL+` WHERE `+tb.Key+` = ?`, id)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	if !rows.Next() {
		return "{}", rows.Err()
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := rows.Scan(ptrs...); err != nil {
		return "", err
	}
	m := make(map[string]any, len(cols))
	for i, c := range cols {
		if b, ok := vals[i].([]byte); ok {
			vals[i] = string(b)
		}
		m[c] = vals[i]
	}
	b, err := json.Marshal(m)
	return string(b), err
}

// RetryPending applies the waiting records whose references have arrived
// (in the order they came), until no more can be applied. isOffice tells
// whether the node that sent a waiting record is the office.
func (t *SyncTx) RetryPending(isOffice func(peer string) bool) (int, error) {
	applied := 0
	for {
		rows, err := t.tx.QueryContext(t.ctx, `SELECT seq, peer, op FROM sync_pending ORDER BY seq`)
		if err != nil {
			return applied, err
		}
		type pend struct {
			seq  int64
			peer string
			op   string
		}
		var ps []pend
		for rows.Next() {
			var p pend
			if err := rows.Scan(&p.seq, &p.peer, &p.op); err != nil {
				rows.Close()
				return applied, err
			}
			ps = append(ps, p)
		}
		rows.Close()
		progress := false
		for _, p := range ps {
			var r SyncRecord
			if err := json.Unmarshal([]byte(p.op), &r); err != nil {
				return applied, err
			}
			saved := t.peer
			t.peer = p.peer
			out, err := t.applyRecord(r, isOffice(p.peer))
			t.peer = saved
			if errors.Is(err, errSyncPending) {
				continue
			}
			if err != nil {
				return applied, err
			}
			if _, err := t.tx.ExecContext(t.ctx, `DELETE FROM sync_pending WHERE seq = ?`, p.seq); err != nil {
				return applied, err
			}
			if out == MergeApplied {
				applied++
			}
			progress = true
		}
		if !progress {
			return applied, nil
		}
	}
}

// SyncConflict is one conflict waiting for a decision.
type SyncConflict struct {
	ID        string `json:"id"`
	Table     string `json:"table"`
	RecordID  string `json:"record_id"`
	Peer      string `json:"peer"`
	FileID    string `json:"file_id"`
	Local     string `json:"local"`
	Remote    string `json:"remote"`
	CreatedAt string `json:"created_at"`
}

// SyncConflicts lists the conflicts not yet decided.
func (s *Store) SyncConflicts(ctx context.Context) ([]SyncConflict, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, tbl, record_id, peer, file_id, local, remote, created_at
		FROM sync_conflict WHERE resolved_at = '' ORDER BY created_at, id`)
	if err != nil {
		return nil, fmt.Errorf("store: sync conflicts: %w", err)
	}
	defer rows.Close()
	var out []SyncConflict
	for rows.Next() {
		var c SyncConflict
		if err := rows.Scan(&c.ID, &c.Table, &c.RecordID, &c.Peer, &c.FileID, &c.Local, &c.Remote, &c.CreatedAt); err != nil {
			return nil, fmt.Errorf("store: sync conflicts: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// SyncPendingCount returns how many received records wait for a record
// they refer to.
func (s *Store) SyncPendingCount(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM sync_pending`).Scan(&n)
	return n, err
}
