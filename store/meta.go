package store

import (
	"time"

	"hoanhap/caseload"
)

// stamp fills the sync fields of a record about to be written: a new
// UUIDv7 and this node as owner for a new record, ver+1, the time, the
// actor and a fresh HLC timestamp. prevVer is the stored version (0 for
// a new record).
func (s *Store) stamp(m *caseload.Meta, prevVer int) {
	if m.ID == "" {
		m.ID = NewID()
	}
	if m.Owner == "" {
		m.Owner = s.node.ID
	}
	m.Ver = prevVer + 1
	m.UpdatedAt = time.Now().UTC().Truncate(time.Millisecond)
	m.UpdatedBy = s.Actor()
	m.HLC = s.clock.Next()
}

// metaCols is the column list of the sync fields, in scan order.
const metaCols = `id, owner, ver, updated_at, updated_by, hlc, deleted`

// metaArgs returns the values of the sync fields in metaCols order.
func metaArgs(m caseload.Meta) []any {
	return []any{m.ID, m.Owner, m.Ver, m.UpdatedAt.Format(time.RFC3339Nano), m.UpdatedBy, m.HLC, m.Deleted}
}

// metaScan returns scan destinations for the sync fields; call the returned
// func after Scan to convert updated_at.
func metaScan(m *caseload.Meta) ([]any, func()) {
	var at string
	return []any{&m.ID, &m.Owner, &m.Ver, &at, &m.UpdatedBy, &m.HLC, &m.Deleted}, func() {
		m.UpdatedAt, _ = time.Parse(time.RFC3339Nano, at)
	}
}

// keyedMeta holds the sync fields of a write to a table whose record id
// is its natural key (setting, holiday): the owner is this installation,
// the version is raised by the SQL itself.
type keyedMeta struct {
	owner, at, by, hlc string
}

// rowMeta stamps a write to a naturally keyed table.
func (s *Store) rowMeta() keyedMeta {
	return keyedMeta{owner: s.node.ID, at: time.Now().UTC().Truncate(time.Millisecond).Format(time.RFC3339Nano),
		by: s.Actor(), hlc: s.clock.Next()}
}
