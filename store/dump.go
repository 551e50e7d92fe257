package store

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// DumpFunc returns every record of one table, deleted ones included. Each
// record must marshal to a JSON object with an "id" field.
type DumpFunc func(ctx context.Context, s *Store) ([]any, error)

var (
	dumpMu    sync.Mutex
	dumpFuncs = map[string]DumpFunc{}
)

// RegisterDump adds a table to Dump. Files that own a synchronised table
// call it from init(). Registering a table twice panics.
func RegisterDump(table string, fn func(ctx context.Context, s *Store) ([]any, error)) {
	dumpMu.Lock()
	defer dumpMu.Unlock()
	if _, dup := dumpFuncs[table]; dup {
		panic("store: RegisterDump: table registered twice: " + table)
	}
	dumpFuncs[table] = fn
}

func init() {
	RegisterDump("node", func(ctx context.Context, s *Store) ([]any, error) {
		return []any{s.Node()}, nil
	})
	RegisterDump("person", func(ctx context.Context, s *Store) ([]any, error) {
		ps, err := s.AllPersonsWithDeleted(ctx)
		if err != nil {
			return nil, err
		}
		out := make([]any, len(ps))
		for i := range ps {
			out[i] = ps[i]
		}
		return out, nil
	})
	RegisterDump("setting", dumpSettings)
	RegisterDump("holiday", dumpUserHolidays)
	RegisterDump("user", func(ctx context.Context, s *Store) ([]any, error) {
		// caseload.User has no password hash: it never leaves the store.
		return svDumpRows(ctx, s, `SELECT `+userCols+` FROM app_user ORDER BY id`, scanUser)
	})
}

// dumpSetting is one setting in a dump: the key (also its id) and the
// stored text.
type dumpSetting struct {
	ID    string `json:"id"`
	Key   string `json:"key"`
	Value string `json:"value"`
}

// dumpSettings returns the settings (hamlet list, visit cadence, model
// types, UI language, ...) except secrets and the bookkeeping of the
// built-in holiday seed, which depends on the program, not the data.
func dumpSettings(ctx context.Context, s *Store) ([]any, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT key, value FROM setting ORDER BY key`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []any
	for rows.Next() {
		var d dumpSetting
		if err := rows.Scan(&d.Key, &d.Value); err != nil {
			return nil, err
		}
		if d.Key == settingHolidaySeed || secretSetting(d.Key) {
			continue
		}
		d.ID = d.Key
		out = append(out, d)
	}
	return out, rows.Err()
}

// secretSetting reports whether a setting key names a secret (a password,
// a key, a token...), which a dump must never show.
func secretSetting(key string) bool {
	k := strings.ToLower(key)
	for _, w := range []string{"password", "passwd", "secret", "token", "private", "recovery", "salt", "hash", "wrapped", "credential"} {
		if strings.Contains(k, w) {
			return true
		}
	}
	for _, part := range strings.FieldsFunc(k, func(r rune) bool { return r == '.' || r == '_' || r == '-' }) {
		if part == "key" || part == "keys" {
			return true
		}
	}
	return false
}

// dumpHoliday is one user-edited row of the holiday table in a dump (the
// date is its id); a built-in holiday the user removed is deleted.
type dumpHoliday struct {
	ID      string `json:"id"`
	Date    string `json:"date"`
	Name    string `json:"name"`
	Kind    string `json:"kind"`
	Deleted bool   `json:"deleted"`
}

// dumpUserHolidays returns the holidays the user added, edited or removed;
// the built-in table comes with the program.
func dumpUserHolidays(ctx context.Context, s *Store) ([]any, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT date, name, kind, deleted FROM holiday WHERE source = 'user' ORDER BY date`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []any
	for rows.Next() {
		var h dumpHoliday
		if err := rows.Scan(&h.Date, &h.Name, &h.Kind, &h.Deleted); err != nil {
			return nil, err
		}
		h.ID = h.Date
		out = append(out, h)
	}
	return out, rows.Err()
}

// Dump returns every registered table (DESIGN.md section 5 names) as
// canonical JSON records: object keys sorted, no HTML escaping, no
// insignificant space; records sorted by id, deleted records included.
// Two stores holding the same data dump identically.
func (s *Store) Dump(ctx context.Context) (map[string][]json.RawMessage, error) {
	dumpMu.Lock()
	tables := make(map[string]DumpFunc, len(dumpFuncs))
	for k, v := range dumpFuncs {
		tables[k] = v
	}
	dumpMu.Unlock()

	out := make(map[string][]json.RawMessage, len(tables))
	for table, fn := range tables {
		recs, err := fn(ctx, s)
		if err != nil {
			return nil, fmt.Errorf("store: dump %s: %w", table, err)
		}
		type keyed struct {
			id  string
			raw json.RawMessage
		}
		list := make([]keyed, 0, len(recs))
		for _, r := range recs {
			raw, id, err := canonicalJSON(r)
			if err != nil {
				return nil, fmt.Errorf("store: dump %s: %w", table, err)
			}
			list = append(list, keyed{id, raw})
		}
		sort.SliceStable(list, func(i, j int) bool { return list[i].id < list[j].id })
		raws := make([]json.RawMessage, len(list))
		for i, k := range list {
			raws[i] = k.raw
		}
		out[table] = raws
	}
	return out, nil
}

// canonicalJSON encodes v with sorted object keys and returns it with the
// value of its top-level "id" field.
func canonicalJSON(v any) (json.RawMessage, string, error) {
	first, err := marshalNoEscape(v)
	if err != nil {
		return nil, "", err
	}
	dec := json.NewDecoder(bytes.NewReader(first))
	dec.UseNumber() // keep numbers exactly as written
	var generic any
	if err := dec.Decode(&generic); err != nil {
		return nil, "", err
	}
	id := ""
	if m, ok := generic.(map[string]any); ok {
		id, _ = m["id"].(string)
	}
	raw, err := marshalNoEscape(generic) // maps marshal with sorted keys
	if err != nil {
		return nil, "", err
	}
	return raw, id, nil
}

func marshalNoEscape(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}
