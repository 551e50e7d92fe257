-- Sync between a ward and its office (issue 11): pinned peers and their
-- keys, the channels' files in and out, alerts, the conflict queue,
-- operations waiting for a record, and each record's export state.
-- Private keys are not here: they live in the key file of the data folder.

CREATE TABLE sync_peer (
    node_id     TEXT PRIMARY KEY,
    unit_name   TEXT NOT NULL,
    unit_kind   TEXT NOT NULL CHECK (unit_kind IN ('ward', 'office')),
    code        TEXT NOT NULL,                -- short name used in file names
    status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
    enrolled_at TEXT NOT NULL,
    revoked_at  TEXT NOT NULL DEFAULT ''
);

-- Every key a peer has had; exactly one is current. A retired key no
-- longer signs files we accept.
CREATE TABLE sync_peer_key (
    node_id       TEXT NOT NULL REFERENCES sync_peer (node_id),
    sign_key      TEXT NOT NULL,
    age_recipient TEXT NOT NULL,
    current       INTEGER NOT NULL DEFAULT 1,
    added_at      TEXT NOT NULL,
    retired_at    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (node_id, sign_key)
);
CREATE UNIQUE INDEX sync_peer_key_sign ON sync_peer_key (sign_key);
CREATE UNIQUE INDEX sync_peer_key_current ON sync_peer_key (node_id) WHERE current = 1;

-- One row per directed pair this node writes to: the sequence number last
-- consumed and the hash of that file (the next file chains on it), and
-- what the peer last acknowledged.
CREATE TABLE sync_channel (
    peer          TEXT PRIMARY KEY REFERENCES sync_peer (node_id),
    out_seq       INTEGER NOT NULL DEFAULT 0,
    out_sha256    TEXT NOT NULL DEFAULT '',
    acked_upto    INTEGER NOT NULL DEFAULT 0,  -- peer's highest gap-free seq of our files
    peer_missing  TEXT NOT NULL DEFAULT '[]',  -- JSON list of our seqs the peer lacks
    peer_rejected TEXT NOT NULL DEFAULT '[]',  -- JSON list of our file ids the peer refused
    peer_app      TEXT NOT NULL DEFAULT '',
    peer_schema   INTEGER NOT NULL DEFAULT 0,
    ack_at        TEXT NOT NULL DEFAULT ''
);

-- Files written, kept byte-identical so that a lost one can be resent.
CREATE TABLE sync_outbox (
    peer       TEXT NOT NULL REFERENCES sync_peer (node_id),
    seq        INTEGER NOT NULL,
    file_id    TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    records    INTEGER NOT NULL DEFAULT 0,
    content    BLOB NOT NULL,
    created_at TEXT NOT NULL,
    acked_at   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (peer, seq)
);

-- Files received: imported, or deferred (kept encrypted until an upgrade
-- can read them).
CREATE TABLE sync_inbox (
    peer        TEXT NOT NULL REFERENCES sync_peer (node_id),
    seq         INTEGER NOT NULL,
    file_id     TEXT NOT NULL UNIQUE,
    sha256      TEXT NOT NULL,
    prev_sha256 TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('imported', 'deferred')),
    records     INTEGER NOT NULL DEFAULT 0,
    content     BLOB,
    received_at TEXT NOT NULL,
    PRIMARY KEY (peer, seq)
);

-- Things an officer must see: a fork, a file refused from an enrolled peer.
CREATE TABLE sync_alert (
    id         TEXT PRIMARY KEY,
    peer       TEXT NOT NULL DEFAULT '',
    file_id    TEXT NOT NULL DEFAULT '',
    seq        INTEGER NOT NULL DEFAULT 0,
    kind       TEXT NOT NULL,
    detail     TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

-- Same version, other content: both kept until a person decides.
CREATE TABLE sync_conflict (
    id          TEXT PRIMARY KEY,
    tbl         TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    peer        TEXT NOT NULL,
    file_id     TEXT NOT NULL,
    local       TEXT NOT NULL,
    remote      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    resolved_at TEXT NOT NULL DEFAULT '',
    resolution  TEXT NOT NULL DEFAULT ''
);

-- Operations that refer to a record not yet received; applied when it comes.
CREATE TABLE sync_pending (
    seq         INTEGER PRIMARY KEY,
    peer        TEXT NOT NULL,
    file_id     TEXT NOT NULL,
    waits_tbl   TEXT NOT NULL,
    waits_id    TEXT NOT NULL,
    op          TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX sync_pending_waits ON sync_pending (waits_tbl, waits_id);

-- A record's ownership epoch (bumped by a transfer between wards).
CREATE TABLE sync_epoch (
    tbl       TEXT NOT NULL,
    record_id TEXT NOT NULL,
    epoch     INTEGER NOT NULL,
    PRIMARY KEY (tbl, record_id)
);

-- EXPORTED → ACKED: the version of each record last sent to a peer, in
-- which file, and whether that file was acknowledged.
CREATE TABLE sync_export (
    peer      TEXT NOT NULL,
    tbl       TEXT NOT NULL,
    record_id TEXT NOT NULL,
    ver       INTEGER NOT NULL,
    seq       INTEGER NOT NULL,
    state     TEXT NOT NULL CHECK (state IN ('exported', 'acked')),
    PRIMARY KEY (peer, tbl, record_id)
);
CREATE INDEX sync_export_seq ON sync_export (peer, seq);
