package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestInitCreatesStoreAndNamesUnit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "dữ liệu") // a Vietnamese folder name
	out := mustCLI(t, dir, "", "init", "--unit", "Phường Hòa Bình")
	if !strings.Contains(out, "Phường Hòa Bình") {
		t.Errorf("init printed %q", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "hoanhap.db")); err != nil {
		t.Fatalf("no database file: %v", err)
	}
	var dump map[string][]map[string]any
	if err := json.Unmarshal([]byte(mustCLI(t, dir, "", "dump")), &dump); err != nil {
		t.Fatal(err)
	}
	if len(dump["node"]) != 1 || dump["node"][0]["unit_name"] != "Phường Hòa Bình" || dump["node"][0]["unit_kind"] != "ward" {
		t.Errorf("node = %v", dump["node"])
	}

	// Renaming as a provincial office keeps the same node.
	mustCLI(t, dir, "", "init", "--unit", "Công an tỉnh Đồng Nai", "--kind", "office")
	var again map[string][]map[string]any
	_ = json.Unmarshal([]byte(mustCLI(t, dir, "", "dump")), &again)
	if again["node"][0]["unit_kind"] != "office" || again["node"][0]["id"] != dump["node"][0]["id"] {
		t.Errorf("node after re-init = %v, before %v", again["node"], dump["node"])
	}
}

func TestDataFromEnvironment(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("HOANHAP_DATA", dir)
	var out, errOut strings.Builder
	if code := run([]string{"init", "--unit", "Xã Tân Phú"}, strings.NewReader(""), &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "hoanhap.db")); err != nil {
		t.Fatalf("HOANHAP_DATA ignored: %v", err)
	}
}
