package caseload

import (
	"encoding/json"
	"testing"
)

// TestItemArgs: the arguments keep their order, a key given twice keeps
// its last value, Get and Map read them, and the JSON form is the object a
// map gives (what `hoanhap-cli worklist --json` printed before).
func TestItemArgs(t *testing.T) {
	a := ItemArgs{}.with("Name", "Lê Văn A").with("Due", D(2026, 12, 4)).with("Name", "Lê Văn B").with("Days", 3)
	if len(a) != 3 || a[0].Key != "Name" || a[1].Key != "Due" || a[2].Key != "Days" {
		t.Fatalf("args %v", a)
	}
	if a.Get("Name") != "Lê Văn B" || a.Get("Days") != 3 || a.Get("Missing") != nil {
		t.Errorf("Get: %v %v %v", a.Get("Name"), a.Get("Days"), a.Get("Missing"))
	}
	if m := a.Map(); len(m) != 3 || m["Due"] != D(2026, 12, 4) {
		t.Errorf("Map: %v", m)
	}
	got, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"Days":3,"Due":"2026-12-04","Name":"Lê Văn B"}`; string(got) != want {
		t.Errorf("JSON %s, want %s", got, want)
	}
	if got, _ := json.Marshal(ItemArgs(nil)); string(got) != "null" {
		t.Errorf("nil args JSON %s", got)
	}
}
