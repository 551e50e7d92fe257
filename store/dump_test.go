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

func TestRegisterDumpTwicePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Errorf("no panic")
		}
	}()
	RegisterDump("person", func(context.Context, *Store) ([]any, error) { return nil, nil })
}

// TestDumpSettingsHolidaysUsers: a dump also holds the settings (unit
// name in node, hamlets, visit cadence, model types), the holidays the
// user edited and the users, without any password hash or secret.
func TestDumpSettingsHolidaysUsers(t *testing.T) {
	svLightArgon(t)
	s := openTest(t)
	ctx := context.Background()
	if err := s.SetUnit(ctx, "Phường Hòa Bình", "ward"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetHamletList(ctx, []string{"Tổ 1", "Tổ 2"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetVisitCadence(ctx, map[caseload.Group]int{caseload.GroupA: 60}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetModelTypes(ctx, []string{"4+", "Câu lạc bộ"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(ctx, "sync.private_key", "bí-mật"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetHoliday(ctx, caseload.Holiday{Date: caseload.D(2027, 7, 27), Name: "Nghỉ bù <27/7>"}); err != nil {
		t.Fatal(err)
	}
	u := caseload.User{Name: "canbo", DisplayName: "Lê Văn Hải", Role: caseload.RoleOfficer, Active: true}
	if err := s.CreateUser(ctx, &u, "mat-khau-rat-dai"); err != nil {
		t.Fatal(err)
	}
	d, err := s.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	all := func(table string) string {
		var b strings.Builder
		for _, r := range d[table] {
			b.Write(r)
			b.WriteByte('\n')
		}
		return b.String()
	}
	if n := all("node"); !strings.Contains(n, `"unit_name":"Phường Hòa Bình"`) {
		t.Errorf("node = %s", n)
	}
	settings := all("setting")
	for _, want := range []string{`"id":"hamlets"`, `Tổ 1`, `"id":"visit_cadence"`, `\"A\":60`, `"id":"model.types"`, `Câu lạc bộ`} {
		if !strings.Contains(settings, want) {
			t.Errorf("settings dump lacks %s:\n%s", want, settings)
		}
	}
	if strings.Contains(settings, "bí-mật") || strings.Contains(settings, "private_key") || strings.Contains(settings, "builtin_seed") {
		t.Errorf("settings dump shows a secret or the seed bookkeeping:\n%s", settings)
	}
	// Keys sorted, records sorted by id.
	prev := ""
	for _, r := range d["setting"] {
		var m map[string]any
		if err := json.Unmarshal(r, &m); err != nil {
			t.Fatal(err)
		}
		if id := m["id"].(string); id <= prev {
			t.Errorf("settings not sorted: %q after %q", id, prev)
		} else {
			prev = id
		}
		if !strings.HasPrefix(string(r), `{"id":`) {
			t.Errorf("setting keys not sorted: %s", r)
		}
	}
	hol := all("holiday")
	if len(d["holiday"]) != 1 || !strings.Contains(hol, `"date":"2027-07-27"`) || !strings.Contains(hol, "<27/7>") {
		t.Errorf("holiday dump (user rows only) = %s", hol)
	}
	if err := s.DeleteHoliday(ctx, caseload.D(2027, 7, 27)); err != nil {
		t.Fatal(err)
	}
	users := all("user")
	if len(d["user"]) != 1 || !strings.Contains(users, `"name":"canbo"`) || !strings.Contains(users, `"role":"officer"`) {
		t.Errorf("user dump = %s", users)
	}
	for _, secret := range []string{"argon2", "password", "mat-khau", "hash"} {
		if strings.Contains(users, secret) {
			t.Errorf("user dump shows %q: %s", secret, users)
		}
	}
	// A deleted user-edited holiday stays in the dump, marked deleted.
	d2, err := s.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(d2["holiday"]) != 1 || !strings.Contains(string(d2["holiday"][0]), `"deleted":true`) {
		t.Errorf("deleted holiday dump = %s", d2["holiday"])
	}
}
