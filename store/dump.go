package store

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sort"
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
