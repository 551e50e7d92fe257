package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestDumpLoadRoundTrip: dump the demo ward, load it into a freshly
// initialised store, dump again: the same records (the node, this
// installation's identity, aside).
func TestDumpLoadRoundTrip(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	mustCLI(t, src, "", "init", "--unit", "Phường Hòa Bình")
	mustCLI(t, src, "", "demo")
	first := mustCLI(t, src, "", "dump")
	file := filepath.Join(t.TempDir(), "dump.json")
	if err := os.WriteFile(file, []byte(first), 0o600); err != nil {
		t.Fatal(err)
	}
	mustCLI(t, dst, "", "init", "--unit", "Phường Hòa Bình")
	out := mustCLI(t, dst, "", "load", file)
	if !strings.Contains(out, "Đã nạp") {
		t.Errorf("load said %q", out)
	}
	second := mustCLI(t, dst, "", "dump")
	var a, b map[string][]json.RawMessage
	if err := json.Unmarshal([]byte(first), &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(second), &b); err != nil {
		t.Fatal(err)
	}
	delete(a, "node")
	delete(b, "node")
	if len(a["person"]) < 100 || len(a["visit"]) == 0 {
		t.Fatalf("demo dump too small: %d people", len(a["person"]))
	}
	for table := range a {
		if !reflect.DeepEqual(a[table], b[table]) {
			t.Errorf("table %s differs after dump → load → dump (%d vs %d records)", table, len(a[table]), len(b[table]))
		}
	}
	// Loading again into the same store is refused.
	if code, _, errOut := cli(t, dst, "", "load", file); code != 1 || errOut == "" {
		t.Errorf("second load: exit %d %q", code, errOut)
	}
}

// TestLoadFillsSyncFieldsAndRefusesBadRecords: records may omit the sync
// fields; one bad record anywhere writes nothing.
func TestLoadFillsSyncFieldsAndRefusesBadRecords(t *testing.T) {
	dir := t.TempDir()
	mustCLI(t, dir, "", "init", "--unit", "Phường Hòa Bình")
	good := `{"person": [{"id": "0190a1b2-0000-7000-8000-000000000001", "full_name": "Nguyễn Văn Nạp", "gender": "male",
		"birth_date": "1980", "status": "managed", "sentence_kind": "prison", "sentence_months": 24,
		"completed_on": "2025-01-10", "returned_on": "2025-01-12"}]}`
	bad := `{"person": [{"full_name": "Nguyễn Văn Nạp", "gender": "male", "birth_date": "1980", "status": "managed"},
		{"full_name": "", "gender": "robot", "birth_date": "1980", "status": "managed"}],
		"visit": [{"person_id": "nobody", "date": "2025-02-01", "author_kind": "officer", "kind": "fly"}]}`
	code, _, errOut := cli(t, dir, bad, "load", "-")
	if code != 1 || !strings.Contains(errOut, "bản ghi 2") || !strings.Contains(errOut, "chưa ghi gì") || !strings.Contains(errOut, "visit") {
		t.Errorf("bad load: exit %d\n%s", code, errOut)
	}
	if dump := mustCLI(t, dir, "", "dump"); strings.Contains(dump, "Nguyễn Văn Nạp") {
		t.Fatal("a refused load wrote records")
	}
	if code, _, errOut := cli(t, dir, "{not json", "load", "-"); code != 1 || !strings.Contains(errOut, "JSON") {
		t.Errorf("not JSON: exit %d %q", code, errOut)
	}
	mustCLI(t, dir, good, "load", "-")
	var d map[string][]map[string]any
	if err := json.Unmarshal([]byte(mustCLI(t, dir, "", "dump")), &d); err != nil {
		t.Fatal(err)
	}
	p := d["person"][0]
	if p["id"] != "0190a1b2-0000-7000-8000-000000000001" || p["ver"] != float64(1) || p["owner"] == "" || p["hlc"] == "" ||
		p["updated_by"] != "load" || p["updated_at"] == "" {
		t.Errorf("loaded person %v", p)
	}
}
