package main

import (
	"encoding/json"
	"testing"
)

// TestNewConvictionInShowAndDump: recording a new conviction sets the
// person's new_conviction_on; "person show --json" and "dump" carry it, and
// the expungement date of the old record is gone (BLHS 2015 Art. 73(2):
// the period restarts from the completion of the new sentence).
func TestNewConvictionInShowAndDump(t *testing.T) {
	dir := t.TempDir()
	mustCLI(t, dir, "", "init", "--unit", "Phường Hòa Bình")
	id := addPerson(t, dir, knownCase) // eligible 15/03/2026 before the conviction
	mustCLI(t, dir, `{"person_id":"`+id+`","date":"2025-10-01","offense":"Trộm cắp tài sản"}`, "recidivism", "add")

	var m map[string]any
	if err := json.Unmarshal([]byte(mustCLI(t, dir, "", "person", "show", id, "--json")), &m); err != nil {
		t.Fatal(err)
	}
	if m["new_conviction_on"] != "2025-10-01" {
		t.Errorf("show --json new_conviction_on = %v", m["new_conviction_on"])
	}
	if m["expungement_eligible_on"] != nil {
		t.Errorf("expungement_eligible_on = %v, want none after a conviction within the period", m["expungement_eligible_on"])
	}

	var dump map[string][]map[string]any
	if err := json.Unmarshal([]byte(mustCLI(t, dir, "", "dump")), &dump); err != nil {
		t.Fatal(err)
	}
	if len(dump["person"]) != 1 || dump["person"][0]["new_conviction_on"] != "2025-10-01" {
		t.Errorf("dump person = %v", dump["person"])
	}
}
