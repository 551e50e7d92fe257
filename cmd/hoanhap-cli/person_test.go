package main

import (
	"bytes"
	"encoding/json"
	"hoanhap/store"
	"os"
	"regexp"
	"strings"
	"testing"
)

// cli runs the command line in data folder dir with stdin and returns the
// exit status, stdout and stderr. A missing store is created first (as
// init would, without a unit name), except for init itself.
func cli(t *testing.T, dir, stdin string, args ...string) (int, string, string) {
	t.Helper()
	ensureStore(t, dir, args...)
	var out, errOut bytes.Buffer
	code := run(append([]string{"--data", dir}, args...), strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// mustCLI runs the command line and fails the test unless it exits 0.
func mustCLI(t *testing.T, dir, stdin string, args ...string) string {
	t.Helper()
	code, out, errOut := cli(t, dir, stdin, args...)
	if code != 0 {
		t.Fatalf("%v: exit %d\nstdout: %s\nstderr: %s", args, code, out, errOut)
	}
	return out
}

// knownCase: prison 36 months completed 15/03/2024, no civil obligations:
// automatic expungement (BLHS Art. 70(2)(b), 2 years) on 15/03/2026; loan
// window (QĐ 22/2023) until 15/03/2029.
const knownCase = `{"full_name":"Nguyễn Văn An","gender":"male","birth_date":"1985","status":"managed",
 "citizen_id":"075085001234","hamlet":"Tổ dân phố 3","offense":"Trộm cắp tài sản","criminal_code_articles":"Điều 173",
 "offense_chapter":16,"sentence_kind":"prison","sentence_months":36,
 "judgment":{"number":"12/2021/HS-ST","date":"2021-04-01","court":"TAND tỉnh Đồng Nai"},
 "civil_obligations":{"none":true},"release_kind":"completed","completed_on":"2024-03-15","returned_on":"2024-03-16"}`

var uuidRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$`)

func addPerson(t *testing.T, dir, js string) string {
	t.Helper()
	id := strings.TrimSpace(mustCLI(t, dir, js, "person", "add"))
	if !uuidRE.MatchString(id) {
		t.Fatalf("person add printed %q, want a UUIDv7", id)
	}
	return id
}

func TestPersonAddShowJSONComputedFields(t *testing.T) {
	dir := t.TempDir()
	id := addPerson(t, dir, knownCase)
	out := mustCLI(t, dir, "", "person", "show", id, "--json")
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("show --json is not JSON: %v\n%s", err, out)
	}
	want := map[string]any{
		"id":                      id,
		"full_name":               "Nguyễn Văn An",
		"birth_date":              "1985",
		"completed_on":            "2024-03-15",
		"expungement_eligible_on": "2026-03-15",
		"expungement_pending":     false,
		"loan_window_ends_on":     "2029-03-15",
	}
	for k, v := range want {
		if m[k] != v {
			t.Errorf("%s = %v, want %v", k, m[k], v)
		}
	}
	if r, _ := m["expungement_rule"].(string); !strings.HasPrefix(r, "art70") {
		t.Errorf("expungement_rule = %q, want an Art. 70 (automatic) rule", r)
	}
	if a, _ := m["expungement_article"].(string); !strings.Contains(a, "70") {
		t.Errorf("expungement_article = %q, want a citation of Art. 70", a)
	}
	if m["expungement_method_computed"] != "automatic" {
		t.Errorf("expungement_method_computed = %v, want automatic", m["expungement_method_computed"])
	}
}

func TestPersonShowReadableVietnamese(t *testing.T) {
	dir := t.TempDir()
	id := addPerson(t, dir, knownCase)
	out := mustCLI(t, dir, "", "person", "show", id)
	for _, want := range []string{
		"Họ và tên: Nguyễn Văn An",
		"Giới tính: Nam",
		"Ngày chấp hành xong: 15/03/2024",
		"Ngày về địa phương: 16/03/2024",
		"Trạng thái: Đang quản lý",
		"15/03/2026",                           // expungement
		"Hạn vay vốn (QĐ 22/2023): 15/03/2029", // loan window
		"Tù có thời hạn 36 tháng",
		"số 12/2021/HS-ST ngày 01/04/2021 của TAND tỉnh Đồng Nai",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "2024-03-15") {
		t.Errorf("summary shows an ISO date, want dd/mm/yyyy:\n%s", out)
	}
}

func TestPersonAddInvalidWritesNothing(t *testing.T) {
	dir := t.TempDir()
	mustCLI(t, dir, "", "init", "--unit", "Phường Hòa Bình")
	before := mustCLI(t, dir, "", "dump")
	cases := []struct {
		name, input, wantErr string
	}{
		{"validation", `{"full_name":"","gender":"male","birth_date":"1985","status":"managed"}`, "Họ và tên (full_name): "},
		{"unknown field", `{"full_name":"Lê Văn Tám","ho_ten":"x"}`, "Trường không tồn tại: “ho_ten”"},
		{"bad json", `{"full_name": "Lê Văn Tám",`, "JSON"},
		{"wrong type", `{"full_name":"Lê Văn Tám","sentence_months":"ba mươi"}`, "sentence_months"},
		{"two objects", `{"full_name":"Lê Văn Tám"} {}`, "đúng một đối tượng JSON"},
		{"sync fields", `{"full_name":"Lê Văn Tám","id":"abc"}`, "trường đồng bộ"},
		{"empty", "  ", "Không có dữ liệu"},
		{"bad date", `{"full_name":"Lê Văn Tám","completed_on":"15/03/2024"}`, "completed_on): Ngày «15/03/2024» không đúng dạng. Hãy viết năm-tháng-ngày YYYY-MM-DD"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := cli(t, dir, c.input, "person", "add")
			if code != 1 {
				t.Fatalf("exit %d, want 1 (stdout %q, stderr %q)", code, out, errOut)
			}
			if out != "" {
				t.Errorf("stdout = %q, want nothing", out)
			}
			if !strings.Contains(errOut, c.wantErr) {
				t.Errorf("stderr = %q, want it to contain %q", errOut, c.wantErr)
			}
			if strings.Contains(errOut, "validation.") || strings.Contains(errOut, "cli.") {
				t.Errorf("stderr shows an untranslated key: %q", errOut)
			}
		})
	}
	if after := mustCLI(t, dir, "", "dump"); after != before {
		t.Errorf("invalid input changed the store:\nbefore %s\nafter %s", before, after)
	}
}

func TestPersonAddValidationOneLinePerError(t *testing.T) {
	dir := t.TempDir()
	code, _, errOut := cli(t, dir, `{"full_name":"","gender":"x","status":"managed","sentence_kind":"prison"}`, "person", "add")
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	if len(lines) < 3 {
		t.Fatalf("want one line per error (>= 3), got %d:\n%s", len(lines), errOut)
	}
	for _, l := range lines {
		if !strings.Contains(l, ": ") {
			t.Errorf("line %q lacks \"field: message\"", l)
		}
	}
}

func TestEnglishMessages(t *testing.T) {
	dir := t.TempDir()
	code, _, errOut := cli(t, dir, `{"full_name":"","gender":"male","birth_date":"1985","status":"managed"}`,
		"--lang", "en", "person", "add")
	if code != 1 || !strings.Contains(errOut, "Full name (full_name): ") {
		t.Errorf("exit %d, stderr %q; want 1 and an English field label", code, errOut)
	}
	code, _, errOut = cli(t, dir, "", "--lang", "en", "person", "show", "0190aaaa-0000-7000-8000-000000000000")
	if code != 1 || !strings.Contains(errOut, "No person with id") {
		t.Errorf("exit %d, stderr %q; want 1 and the English not-found message", code, errOut)
	}
	code, _, errOut = cli(t, dir, "", "person", "show", "0190aaaa-0000-7000-8000-000000000000")
	if code != 1 || !strings.Contains(errOut, "Không tìm thấy người") {
		t.Errorf("exit %d, stderr %q; want 1 and the Vietnamese not-found message", code, errOut)
	}
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name      string
		args      []string
		wantUsage string
	}{
		{"no command", nil, "COMMAND"},
		{"unknown command", []string{"frobnicate"}, "COMMAND"},
		{"init without unit", []string{"init"}, "hoanhap-cli init --unit"},
		{"init bad kind", []string{"init", "--unit", "X", "--kind", "city"}, "hoanhap-cli init --unit"},
		{"init unknown flag", []string{"init", "--unit", "X", "--bogus"}, "hoanhap-cli init --unit"},
		{"person alone", []string{"person"}, "hoanhap-cli person show ID"},
		{"person unknown sub", []string{"person", "delete"}, "hoanhap-cli person show ID"},
		{"show without id", []string{"person", "show", "--json"}, "hoanhap-cli person show ID"},
		{"list unknown flag", []string{"person", "list", "--bogus"}, "hoanhap-cli person list"},
		{"list bad status", []string{"person", "list", "--status", "gone"}, "hoanhap-cli person list"},
		{"list bad group", []string{"person", "list", "--group", "E"}, "hoanhap-cli person list"},
		{"search without query", []string{"search"}, "hoanhap-cli search"},
		{"demo bad persons", []string{"demo", "--persons", "0"}, "hoanhap-cli demo"},
		{"demo non-number", []string{"demo", "--persons", "many"}, "hoanhap-cli demo"},
		{"dump extra", []string{"dump", "x"}, "hoanhap-cli dump"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := cli(t, dir, "", c.args...)
			if code != 2 {
				t.Fatalf("exit %d, want 2 (stdout %q stderr %q)", code, out, errOut)
			}
			if !strings.Contains(errOut, c.wantUsage) {
				t.Errorf("stderr %q lacks the usage %q", errOut, c.wantUsage)
			}
		})
	}
}

func TestListSearchDiacriticFree(t *testing.T) {
	dir := t.TempDir()
	add := func(name, status, hamlet string) string {
		js := `{"full_name":"` + name + `","gender":"male","birth_date":"1980","status":"` + status +
			`","hamlet":"` + hamlet + `","sentence_kind":"prison","sentence_months":24,"completed_on":"2023-01-10"`
		if status == "ended" {
			js += `,"end_reason":"moved_away"`
		}
		return addPerson(t, dir, js+"}")
	}
	duc := add("Nguyễn Văn Đức", "managed", "Tổ dân phố 1")
	add("Trần Văn Đức", "managed", "Tổ dân phố 2")
	an := add("Lê Thị An", "managed", "Tổ dân phố 1")
	ended := add("Nguyễn Văn Dũng", "ended", "Tổ dân phố 1")

	ids := func(out string) []string {
		t.Helper()
		var rows []map[string]any
		if err := json.Unmarshal([]byte(out), &rows); err != nil {
			t.Fatalf("not a JSON array: %v\n%s", err, out)
		}
		var got []string
		for _, r := range rows {
			got = append(got, r["id"].(string))
		}
		return got
	}
	check := func(name string, got []string, want ...string) {
		t.Helper()
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%s: got %v, want %v", name, got, want)
		}
	}
	check("q nguyen van duc", ids(mustCLI(t, dir, "", "person", "list", "--json", "--q", "nguyen van duc")), duc)
	check("search duc nguyen", ids(mustCLI(t, dir, "", "search", "duc", "NGUYEN", "--json")), duc)
	// Default list: managed/expected in Vietnamese name order (given name
	// first: An < Đức(Nguyễn) < Đức(Trần)).
	all := ids(mustCLI(t, dir, "", "person", "list", "--json"))
	if len(all) != 3 || all[0] != an {
		t.Errorf("default list = %v, want 3 rows starting with Lê Thị An", all)
	}
	check("hamlet+status", ids(mustCLI(t, dir, "", "person", "list", "--json", "--hamlet", "Tổ dân phố 1", "--status", "ended")), ended)
	if n := len(ids(mustCLI(t, dir, "", "person", "list", "--json", "--status", "all"))); n != 4 {
		t.Errorf("--status all gives %d rows, want 4", n)
	}
	if got := mustCLI(t, dir, "", "person", "list", "--json", "--q", "khong co ai"); strings.TrimSpace(got) != "[]" {
		t.Errorf("no match gives %q, want []", got)
	}

	// Canonical names in the rows.
	var rows []map[string]any
	_ = json.Unmarshal([]byte(mustCLI(t, dir, "", "person", "list", "--json", "--q", "le thi an")), &rows)
	if len(rows) != 1 {
		t.Fatalf("le thi an: %d rows", len(rows))
	}
	for _, k := range []string{"id", "full_name", "birth_year", "gender", "hamlet", "offense", "returned_on", "group", "status", "citizen_id", "phone"} {
		if _, ok := rows[0][k]; !ok {
			t.Errorf("row lacks %q: %v", k, rows[0])
		}
	}
	if rows[0]["birth_year"] != float64(1980) {
		t.Errorf("birth_year = %v", rows[0]["birth_year"])
	}

	table := mustCLI(t, dir, "", "search", "nguyen")
	if !strings.Contains(table, "Nguyễn Văn Đức") || !strings.Contains(table, "Tổng cộng: 2 người") {
		t.Errorf("table:\n%s", table)
	}
}

func TestPersonAddNormalisesToNFC(t *testing.T) {
	dir := t.TempDir()
	nfd := "Nguye\u0302\u0303n Thi\u0323 Ma\u0300i" // "Nguyễn Thị Mài" typed with combining marks
	id := addPerson(t, dir, `{"full_name":"`+nfd+`","gender":"female","birth_date":"1979","status":"expected"}`)
	var m map[string]any
	if err := json.Unmarshal([]byte(mustCLI(t, dir, "", "person", "show", id, "--json")), &m); err != nil {
		t.Fatal(err)
	}
	if m["full_name"] != "Nguyễn Thị Mài" {
		t.Errorf("full_name = %q, want the NFC form", m["full_name"])
	}
}

func TestPersonShowEnglish(t *testing.T) {
	dir := t.TempDir()
	id := addPerson(t, dir, knownCase)
	out := mustCLI(t, dir, "", "--lang", "en", "person", "show", id)
	for _, want := range []string{"Full name: Nguyễn Văn An", "Gender: Male", "Completed on: 15/03/2024", "Status: Managed", "from 15/03/2026 (automatic)"} {
		if !strings.Contains(out, want) {
			t.Errorf("English summary lacks %q:\n%s", want, out)
		}
	}
}

// ensureStore creates an empty store in dir when there is none and the
// command is not init: only init creates a store.
func ensureStore(t *testing.T, dir string, args ...string) {
	t.Helper()
	for _, a := range args {
		if a == "init" {
			return
		}
	}
	if _, err := os.Stat(store.DBFile(dir)); err == nil {
		return
	}
	st, err := store.Open(store.DBFile(dir))
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
}
