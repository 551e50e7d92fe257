package store_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"hoanhap/caseload"
	"hoanhap/demo"
	"hoanhap/store"
)

// TestRegistryKnowsSchema fails when a migration adds a table or a column
// that the registry does not declare (or the registry names one that does
// not exist): every table of a freshly migrated store is either a
// registered table with exactly the registered columns, or a local table.
func TestRegistryKnowsSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	schema := map[string][]string{}
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table'`)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		names = append(names, n)
	}
	rows.Close()
	for _, n := range names {
		cols, err := db.Query(`SELECT name FROM pragma_table_info(?)`, n)
		if err != nil {
			t.Fatal(err)
		}
		for cols.Next() {
			var c string
			if err := cols.Scan(&c); err != nil {
				t.Fatal(err)
			}
			schema[n] = append(schema[n], c)
		}
		cols.Close()
	}
	if len(schema) < 20 {
		t.Fatalf("only %d tables read from sqlite_master: %v", len(schema), names)
	}

	known := map[string]bool{}
	for _, tb := range store.Tables() {
		if known[tb.SQL] {
			t.Errorf("table %s registered twice", tb.SQL)
		}
		known[tb.SQL] = true
		have, ok := schema[tb.SQL]
		if !ok {
			t.Errorf("registered table %s (%s) is not in the database", tb.Name, tb.SQL)
			continue
		}
		var want []string
		keyFound := false
		for _, c := range tb.Columns {
			want = append(want, c.Name)
			keyFound = keyFound || c.Name == tb.Key
		}
		if !keyFound {
			t.Errorf("table %s: key %s is not one of its columns", tb.Name, tb.Key)
		}
		sort.Strings(have)
		sort.Strings(want)
		if strings.Join(have, ",") != strings.Join(want, ",") {
			t.Errorf("table %s: the database has columns\n  %v\nthe registry declares\n  %v\n(declare new columns in store/registry_tables.go)", tb.SQL, have, want)
		}
	}
	for _, l := range store.LocalTables() {
		if known[l.Name] {
			t.Errorf("table %s is both registered and local", l.Name)
		}
		known[l.Name] = true
		if _, ok := schema[l.Name]; !ok {
			t.Errorf("local table %s is not in the database", l.Name)
		}
	}
	for _, n := range names {
		if !known[n] && !strings.HasPrefix(n, "sqlite_") {
			t.Errorf("table %s is neither registered nor local: declare it in store/registry_tables.go or localTables", n)
		}
	}
}

// populated returns a store with records in every registered table.
func populated(t *testing.T) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	today := caseload.MustDate("2026-11-20")
	if _, err := demo.Generate(ctx, st, demo.Options{Persons: 80, Seed: 7, Today: today}); err != nil {
		t.Fatal(err)
	}
	var managed []store.PersonRow
	for _, r := range st.People(store.PersonFilter{Statuses: []caseload.Status{caseload.StatusManaged}}) {
		managed = append(managed, r)
	}
	if len(managed) < 2 {
		t.Fatalf("demo made %d managed people", len(managed))
	}
	rec := caseload.Recidivism{PersonID: managed[0].ID, Date: caseload.MustDate("2026-10-01"), Offense: "Trộm cắp tài sản",
		Judgment: caseload.Judgment{Number: "12/2026/HS-ST", Date: caseload.MustDate("2026-10-01"), Court: "TAND quận"}}
	if err := st.AddRecidivism(ctx, &rec, nil); err != nil {
		t.Fatal(err)
	}
	end := caseload.CaseEnd{PersonID: managed[1].ID, Reason: caseload.EndMovedAway, Destination: "Phường Tân Định",
		Decision: caseload.Decision{Number: "5/QĐ", Date: caseload.MustDate("2026-11-02")}}
	if err := st.EndCase(ctx, &end); err != nil {
		t.Fatal(err)
	}
	u := caseload.User{Name: "canbo", DisplayName: "Cán bộ Lan", Role: caseload.RoleOfficer, Active: true}
	if err := st.CreateUser(ctx, &u, "mật khẩu dài đủ 12"); err != nil {
		t.Fatal(err)
	}
	if err := st.SetHoliday(ctx, caseload.Holiday{Date: caseload.MustDate("2026-12-24"), Name: "Nghỉ bù", Kind: caseload.HolidayOff}); err != nil {
		t.Fatal(err)
	}
	if err := st.SetSetting(ctx, "language", "en"); err != nil {
		t.Fatal(err)
	}
	if err := st.LockReport(ctx, "month", caseload.MustDate("2026-10-01"), caseload.MustDate("2026-10-31"),
		[]byte(`{"returned":3}`), caseload.MustDate("2026-11-05")); err != nil {
		t.Fatal(err)
	}
	// A transfer order and its release come only from a sync file between
	// an office and its wards (exchange tests them): write one of each.
	db, err := sql.Open("sqlite", store.DSN(st.Path()))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	meta := `'2026-11-20T00:00:00Z', 'test', '1764800000000-00000-n', 0`
	for _, q := range []string{
		`INSERT INTO transfer VALUES ('t1', 'office', 1, ` + meta + `, '` + managed[0].ID + `', 'ward-a', 'ward-b',
			'2026-11-10', '2026-11-15', '7/QĐ', 'done', 1, '2026-11-12', 'chuyển nơi cư trú')`,
		`INSERT INTO transfer_release VALUES ('r1', 'ward-a', 1, ` + meta + `, 't1', '` + managed[0].ID + `', '2026-11-11', 3, 12, 14)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// flatKeys returns the keys of a JSON object, nested objects as dotted
// paths ("judgment.number"); lists are values.
func flatKeys(prefix string, m map[string]any, out map[string]bool) {
	for k, v := range m {
		if sub, ok := v.(map[string]any); ok {
			flatKeys(prefix+k+".", sub, out)
			continue
		}
		out[prefix+k] = true
	}
}

// TestRegistryJSONNames: every field of every dumped record is a declared
// column with its canonical JSON name (plus the id), and every declared
// record column appears in the records.
func TestRegistryJSONNames(t *testing.T) {
	st := populated(t)
	d, err := st.Dump(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range store.Tables() {
		recs := d[tb.Name]
		if len(recs) == 0 {
			t.Errorf("table %s: no records in the test store, its names are not checked", tb.Name)
			continue
		}
		want := map[string]bool{"id": true}
		for _, c := range tb.Columns {
			if c.JSON != "" {
				want[c.JSON] = true
			}
		}
		for _, raw := range recs {
			var m map[string]any
			if err := json.Unmarshal(raw, &m); err != nil {
				t.Fatal(err)
			}
			have := map[string]bool{}
			flatKeys("", m, have)
			for k := range have {
				if !want[k] {
					t.Errorf("table %s: record field %q is not declared", tb.Name, k)
				}
			}
			for k := range want {
				if !have[k] {
					t.Errorf("table %s: declared field %q missing from %s", tb.Name, k, raw)
				}
			}
		}
	}
}

// dumpJSON encodes a dump as the CLI prints it.
func dumpJSON(t *testing.T, d map[string][]json.RawMessage) []byte {
	t.Helper()
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestRegistryLoadRoundTrip loads a dump into an empty store (every
// record through Table.Put, in one transaction) and checks that the copy
// dumps the same bytes: scan and args agree, column for column, for every
// table.
func TestRegistryLoadRoundTrip(t *testing.T) {
	ctx := context.Background()
	a := populated(t)
	da, err := a.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b, err := store.Open(filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := b.Load(ctx, bytes.NewReader(dumpJSON(t, da))); err != nil {
		t.Fatal(err)
	}
	db, err := b.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if db["node"][0] == nil || string(db["node"][0]) == string(da["node"][0]) {
		t.Errorf("the copy took the node identity of the dump: %s", db["node"])
	}
	n := 0
	for _, tb := range store.Tables() {
		if tb.Name == "node" {
			continue
		}
		x, y := da[tb.Name], db[tb.Name]
		n += len(x)
		if len(x) != len(y) {
			t.Errorf("table %s: %d records, copy has %d", tb.Name, len(x), len(y))
			continue
		}
		for i := range x {
			if string(x[i]) != string(y[i]) {
				t.Errorf("table %s: record differs after load:\n  %s\n  %s", tb.Name, x[i], y[i])
				break
			}
		}
	}
	if n < 500 {
		t.Fatalf("only %d records compared", n)
	}
	// The copy's index sees the loaded people.
	if got, want := b.PeopleCount(), a.PeopleCount(); got != want {
		t.Errorf("after Load the copy counts %d live people, want %d", got, want)
	}
	if got, want := len(b.People(store.PersonFilter{})), len(a.People(store.PersonFilter{})); got != want {
		t.Errorf("the copy lists %d people, want %d", got, want)
	}
	// A second load is refused: a load fills a new store, it does not merge.
	if err := b.Load(ctx, bytes.NewReader(dumpJSON(t, da))); !errors.Is(err, store.ErrLoadNotEmpty) {
		t.Errorf("second load: %v, want ErrLoadNotEmpty", err)
	}
}

// TestLoadRefusesBadDumps: unknown tables, unknown fields, bad values and
// broken references are refused, and nothing of the dump is written.
func TestLoadRefusesBadDumps(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	good := `{"id":"p1","owner":"n","ver":1,"updated_at":"2026-01-01T00:00:00Z","updated_by":"x","hlc":"h","deleted":false,"full_name":"Nguyễn Văn A","status":"managed"}`
	for _, raw := range []string{
		`{"persons":[]}`,
		`{"person":[{"id":"x","full_name":"A","nickname":"b"}]}`,
		`{"person":[[1,2]]}`,
		`{"person":[{"id":"x","full_name":"A","status":"managed","birth_date":"not a date"}]}`,
		`{"person":[` + good + `],"visit":[{"id":"v1","person_id":"nobody","date":"2026-01-02","author_kind":"officer","kind":"home"}]}`,
		`[]`,
	} {
		if err := st.Load(ctx, strings.NewReader(raw)); err == nil {
			t.Errorf("Load(%s) accepted", raw)
		}
	}
	d, _ := st.Dump(ctx)
	if len(d["person"]) != 0 || st.PeopleCount() != 0 {
		t.Errorf("refused dumps were written: %s", d["person"])
	}
	if err := st.Load(ctx, strings.NewReader(`{"person":[`+good+`]}`)); err != nil {
		t.Fatalf("good dump refused: %v", err)
	}
	if st.PeopleCount() != 1 {
		t.Errorf("after the good load %d people", st.PeopleCount())
	}
}

// TestRegistryDescribesTables: the flags callers rely on.
func TestRegistryDescribesTables(t *testing.T) {
	if store.TableNamed("nope") != nil {
		t.Errorf("TableNamed found an unknown table")
	}
	if got := store.TableNamed("person").PersonalColumns(); !contains(got, "full_name") || !contains(got, "citizen_id") || contains(got, "status") {
		t.Errorf("person personal columns = %v", got)
	}
	if v := store.TableNamed("visit"); !v.AppendOnly || !v.Exchanged() {
		t.Errorf("visit: append-only %v, exchanged %v", v.AppendOnly, v.Exchanged())
	}
	if u := store.TableNamed("user"); u.Exchanged() || u.SQL != "app_user" {
		t.Errorf("user accounts: exchanged %v, table %s", u.Exchanged(), u.SQL)
	}
	if n := store.TableNamed("notice"); n.Owner != store.OwnerOffice {
		t.Errorf("notice owner rule %s", n.Owner)
	}
	// Load order: a table after the tables its records refer to.
	pos := map[string]int{}
	for i, tb := range store.Tables() {
		pos[tb.Name] = i
	}
	for _, ref := range [][2]string{{"person", "visit"}, {"mentor", "assignment"}, {"business", "loan"}, {"model", "model_member"}, {"person", "notice"}} {
		if pos[ref[0]] > pos[ref[1]] {
			t.Errorf("%s is loaded after %s, which refers to it", ref[0], ref[1])
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
