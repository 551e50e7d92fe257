package store

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"hoanhap/caseload"
)

func TestDump(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	var ids []string
	for _, n := range []string{"Trần Văn <c>", "Lê Thị B", "Nguyễn Văn A"} {
		p := testPerson(n, caseload.Male, 1980, "")
		mustSave(t, s, &p)
		ids = append(ids, p.ID)
	}
	if err := s.DeletePerson(ctx, ids[1]); err != nil {
		t.Fatal(err)
	}
	d, err := s.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(d["node"]) != 1 || !strings.Contains(string(d["node"][0]), s.Node().ID) {
		t.Errorf("node dump = %s", d["node"])
	}
	people := d["person"]
	if len(people) != 3 {
		t.Fatalf("person dump has %d records, want 3 (deleted included)", len(people))
	}
	prev := ""
	deleted := 0
	for _, raw := range people {
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		id := m["id"].(string)
		if id <= prev {
			t.Errorf("not sorted by id")
		}
		prev = id
		if m["deleted"] == true {
			deleted++
		}
		if _, ok := m["full_name"]; !ok {
			t.Errorf("canonical names missing: %s", raw)
		}
		// keys sorted: "birth_date" comes before "id"
		if strings.Index(string(raw), `"birth_date"`) > strings.Index(string(raw), `"id"`) {
			t.Errorf("keys not sorted: %s", raw)
		}
	}
	if deleted != 1 {
		t.Errorf("deleted records in dump = %d", deleted)
	}
	if !strings.Contains(string(people[0])+string(people[1])+string(people[2]), "<c>") {
		t.Errorf("HTML escaped in dump")
	}
	// Dumping twice gives the same bytes.
	d2, _ := s.Dump(ctx)
	for i := range people {
		if string(people[i]) != string(d2["person"][i]) {
			t.Errorf("dump not deterministic")
		}
	}
}
