package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestDemoFillsEmptyStoreOnly(t *testing.T) {
	dir := t.TempDir()
	out := mustCLI(t, dir, "", "demo", "--persons", "150")
	if !strings.Contains(out, "150") {
		t.Errorf("demo printed %q", out)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(mustCLI(t, dir, "", "person", "list", "--json", "--status", "all")), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 150 {
		t.Fatalf("%d persons, want 150", len(rows))
	}
	count := map[any]int{}
	for _, r := range rows {
		count[r["status"]]++
	}
	for _, s := range []string{"expected", "managed", "ended"} {
		if count[s] == 0 {
			t.Errorf("no %s person: %v", s, count)
		}
	}
	if count["managed"] < 80 {
		t.Errorf("managed = %d of 150, want most", count["managed"])
	}

	code, _, errOut := cli(t, dir, "", "demo")
	if code != 1 || !strings.Contains(errOut, "Kho dữ liệu đã có người") {
		t.Errorf("second demo: exit %d, stderr %q; want 1 and a refusal", code, errOut)
	}
	var again []map[string]any
	_ = json.Unmarshal([]byte(mustCLI(t, dir, "", "person", "list", "--json", "--status", "all")), &again)
	if len(again) != 150 {
		t.Errorf("refused demo still changed the store: %d persons", len(again))
	}
}
