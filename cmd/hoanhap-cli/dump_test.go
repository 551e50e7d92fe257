package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestDumpStableAndCanonical(t *testing.T) {
	dir := t.TempDir()
	mustCLI(t, dir, "", "init", "--unit", "Phường Hòa Bình")
	addPerson(t, dir, knownCase)
	addPerson(t, dir, `{"full_name":"Trần Thị Bích","gender":"female","birth_date":"1990-05-02","status":"expected"}`)
	first := mustCLI(t, dir, "", "dump")
	second := mustCLI(t, dir, "", "dump")
	if first != second {
		t.Fatalf("two dumps differ:\n%s\n---\n%s", first, second)
	}
	var dump map[string][]map[string]any
	if err := json.Unmarshal([]byte(first), &dump); err != nil {
		t.Fatalf("dump is not JSON: %v", err)
	}
	people := dump["person"]
	if len(people) != 2 {
		t.Fatalf("dump has %d persons, want 2", len(people))
	}
	if people[0]["id"].(string) >= people[1]["id"].(string) {
		t.Errorf("persons not sorted by id")
	}
	if !strings.Contains(first, "\n  \"person\": [\n") {
		t.Errorf("dump is not indented:\n%.300s", first)
	}
	if !strings.Contains(first, "Trần Thị Bích") {
		t.Errorf("dump escapes Vietnamese text")
	}
}
