package main

import (
	"context"
	"encoding/json"
	"hoanhap/store"
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

// TestDumpHasSettingsHolidaysUsers: a settings change, a user-edited
// holiday and a user show up in the dump; no password hash does.
func TestDumpHasSettingsHolidaysUsers(t *testing.T) {
	dir := t.TempDir()
	mustCLI(t, dir, "", "init", "--unit", "Phường Hòa Bình")
	before := mustCLI(t, dir, "", "dump")
	mustCLI(t, dir, `{"name":"canbo","display_name":"Lê Văn Hải","role":"officer","active":true,"password":"mat-khau-dai"}`, "user", "add")

	st, err := store.Open(store.DBFile(dir))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := st.SetHamletList(ctx, []string{"Tổ dân phố 1", "Thôn Đông"}); err != nil {
		t.Fatal(err)
	}
	if err := st.SetModelTypes(ctx, []string{"4+1"}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	after := mustCLI(t, dir, "", "dump")
	if after == before {
		t.Fatal("the dump did not change after a settings change")
	}
	var dump map[string][]map[string]any
	if err := json.Unmarshal([]byte(after), &dump); err != nil {
		t.Fatal(err)
	}
	settings := map[string]any{}
	for _, r := range dump["setting"] {
		settings[r["id"].(string)] = r["value"]
	}
	if v, _ := settings["hamlets"].(string); !strings.Contains(v, "Thôn Đông") {
		t.Errorf("hamlets setting = %v (settings %v)", settings["hamlets"], settings)
	}
	if v, _ := settings["model.types"].(string); !strings.Contains(v, "4+1") {
		t.Errorf("model types setting = %v", settings["model.types"])
	}
	if dump["node"][0]["unit_name"] != "Phường Hòa Bình" {
		t.Errorf("unit name = %v", dump["node"][0]["unit_name"])
	}
	if len(dump["user"]) != 1 || dump["user"][0]["name"] != "canbo" {
		t.Errorf("users = %v", dump["user"])
	}
	if _, ok := dump["holiday"]; !ok {
		t.Errorf("no holiday table in the dump")
	}
	for _, secret := range []string{"argon2", "password", "mat-khau-dai"} {
		if strings.Contains(after, secret) {
			t.Errorf("dump shows %q", secret)
		}
	}
	if again := mustCLI(t, dir, "", "dump"); again != after {
		t.Error("two dumps differ")
	}
}
