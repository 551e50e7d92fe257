package store

import (
	"context"
	"testing"

	"hoanhap/caseload"
)

// keyedRow reads the sync fields of a setting or holiday row.
type keyedRow struct {
	owner, by, hlc, at string
	ver, deleted       int
}

func readKeyed(t *testing.T, s *Store, q, key string) keyedRow {
	t.Helper()
	var r keyedRow
	if err := s.db.QueryRow(q, key).Scan(&r.owner, &r.ver, &r.at, &r.by, &r.hlc, &r.deleted); err != nil {
		t.Fatal(err)
	}
	return r
}

// Settings and holidays carry the sync fields of docs/ARCHITECTURE.md section 5 (the
// natural key is the record id): owner = this installation, version +1 per
// change, who and when, a rising hybrid logical clock; an unchanged value
// writes nothing and a deleted holiday is a tombstone.
func TestSettingAndHolidaySyncFields(t *testing.T) {
	s := svOpen(t)
	ctx := context.Background()
	s.SetActor("canbo.hai")
	const qs = `SELECT owner, ver, updated_at, updated_by, hlc, deleted FROM setting WHERE key = ?`
	if err := s.SetSetting(ctx, "report.recipient", "Phòng PC10 Công an tỉnh"); err != nil {
		t.Fatal(err)
	}
	first := readKeyed(t, s, qs, "report.recipient")
	if first.owner != s.Node().ID || first.ver != 1 || first.by != "canbo.hai" || first.hlc == "" || first.at == "" {
		t.Fatalf("new setting sync fields = %+v", first)
	}
	if err := s.SetSetting(ctx, "report.recipient", "Phòng PC10 Công an tỉnh"); err != nil {
		t.Fatal(err)
	}
	if same := readKeyed(t, s, qs, "report.recipient"); same != first {
		t.Errorf("an unchanged value changed the row: %+v → %+v", first, same)
	}
	s.SetActor("canbo.lan")
	if err := s.SetSetting(ctx, "report.recipient", "Phòng Cảnh sát THAHS và HTTP"); err != nil {
		t.Fatal(err)
	}
	second := readKeyed(t, s, qs, "report.recipient")
	if second.ver != 2 || second.by != "canbo.lan" || second.hlc <= first.hlc || second.owner != first.owner {
		t.Errorf("changed setting sync fields = %+v (before %+v)", second, first)
	}

	const qh = `SELECT owner, ver, updated_at, updated_by, hlc, deleted FROM holiday WHERE date = ?`
	day := caseload.D(2031, 9, 3)
	if err := s.SetHoliday(ctx, caseload.Holiday{Date: day, Name: "Nghỉ bù Quốc khánh", Kind: caseload.HolidayOff}); err != nil {
		t.Fatal(err)
	}
	h1 := readKeyed(t, s, qh, day.String())
	if h1.owner != s.Node().ID || h1.ver != 1 || h1.by != "canbo.lan" || h1.hlc == "" || h1.deleted != 0 {
		t.Fatalf("new holiday sync fields = %+v", h1)
	}
	if err := s.DeleteHoliday(ctx, day); err != nil {
		t.Fatal(err)
	}
	h2 := readKeyed(t, s, qh, day.String())
	if h2.ver != 2 || h2.deleted != 1 || h2.hlc <= h1.hlc {
		t.Errorf("deleted holiday sync fields = %+v (before %+v)", h2, h1)
	}
	// Built-in holidays are stamped by the seed, and seeding again without
	// a change to the table leaves their versions alone.
	tet := caseload.D(2027, 2, 8).String()
	b1 := readKeyed(t, s, qh, tet)
	if b1.owner != s.Node().ID || b1.hlc == "" {
		t.Errorf("built-in holiday sync fields = %+v", b1)
	}
	if _, err := s.db.Exec(`DELETE FROM setting WHERE key = ?`, settingHolidaySeed); err != nil {
		t.Fatal(err)
	}
	if err := s.seedHolidays(ctx); err != nil {
		t.Fatal(err)
	}
	if b2 := readKeyed(t, s, qh, tet); b2 != b1 {
		t.Errorf("re-seeding an unchanged table changed %s: %+v → %+v", tet, b1, b2)
	}
}
