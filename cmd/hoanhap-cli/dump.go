package main

import (
	"bytes"
	"context"
	"encoding/json"
)

func init() {
	register(command{name: "dump", summary: "cli.summary.dump", run: runDump})
}

// runDump prints every record as canonical JSON: an object of tables
// (sorted by name) holding their records (sorted by id, keys sorted),
// indented. Two dumps of the same data are byte-identical.
func runDump(e *env, args []string) error {
	fs := newCmdFlags("dump", "cli.usage.dump")
	rest, err := fs.parse(args)
	if err != nil {
		return err
	}
	if err := fs.noArgs(rest); err != nil {
		return err
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	tables, err := st.Dump(context.Background())
	if err != nil {
		return err
	}
	for name, recs := range tables {
		if recs == nil {
			tables[name] = []json.RawMessage{} // "[]", not null
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(tables); err != nil { // map keys are sorted
		return err
	}
	_, err = e.stdout.Write(buf.Bytes())
	return err
}
