package store

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// Dump returns every registered table (see Tables; docs/ARCHITECTURE.md section 5
// names) as canonical JSON records: object keys sorted, no HTML escaping,
// no insignificant space; records sorted by id, deleted records included.
// Two stores holding the same data dump identically.
func (s *Store) Dump(ctx context.Context) (map[string][]json.RawMessage, error) {
	out := make(map[string][]json.RawMessage, len(registry))
	for _, t := range registry {
		recs, err := t.Records(ctx, s)
		if err != nil {
			return nil, fmt.Errorf("store: dump: %w", err)
		}
		raws, err := canonicalRecords(recs)
		if err != nil {
			return nil, fmt.Errorf("store: dump %s: %w", t.Name, err)
		}
		out[t.Name] = raws
	}
	return out, nil
}

// canonicalRecords encodes records canonically, sorted by id.
func canonicalRecords(recs []any) ([]json.RawMessage, error) {
	type keyed struct {
		id  string
		raw json.RawMessage
	}
	list := make([]keyed, 0, len(recs))
	for _, r := range recs {
		raw, id, err := canonicalJSON(r)
		if err != nil {
			return nil, err
		}
		list = append(list, keyed{id, raw})
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].id < list[j].id })
	raws := make([]json.RawMessage, len(list))
	for i, k := range list {
		raws[i] = k.raw
	}
	return raws, nil
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
