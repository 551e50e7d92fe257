package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// basePerson is a valid person; the bad inputs below change one thing.
const basePerson = `{"full_name":"Nguyễn Văn An","gender":"male","birth_date":"1985-06-01","status":"managed",
 "citizen_id":"075085001234","offense":"Trộm cắp tài sản","sentence_kind":"prison","sentence_months":36,
 "judgment":{"number":"12/2021/HS-ST","date":"2021-04-01","court":"TAND tỉnh Đồng Nai"},
 "completed_on":"2024-03-15","returned_on":"2024-03-16","reported_on":"2024-03-18"}`

// withField returns basePerson with "field":value (value is raw JSON)
// added, replacing the field if present at the top level.
func withField(field, value string) string {
	in := basePerson
	key := `"` + field + `":`
	if i := strings.Index(in, key); i >= 0 {
		j := i + len(key)
		end := j
		depth := 0
		for ; end < len(in); end++ {
			c := in[end]
			if c == '{' {
				depth++
			}
			if c == '}' {
				if depth == 0 {
					break
				}
				depth--
			}
			if c == ',' && depth == 0 && strings.Count(in[j:end], `"`)%2 == 0 {
				break
			}
		}
		return in[:j] + value + in[end:]
	}
	return strings.Replace(in, "{", "{"+key+value+",", 1)
}

// TestBadInputRefusedNamingTheField runs every bad input a new ward
// officer tried through the command line: each exits 1 with a Vietnamese
// message that names the field (or the id, or the folder) and says what to
// do, never a Go error string, and the store is unchanged (dump).
func TestBadInputRefusedNamingTheField(t *testing.T) {
	dir := t.TempDir()
	mustCLI(t, dir, "", "init", "--unit", "Phường Hòa Bình")
	pid := addPerson(t, dir, basePerson)
	mid := strings.TrimSpace(mustCLI(t, dir, `{"kind":"person","name":"Ông Trần Văn Tư","organisation":"veterans","active":true}`, "mentor", "add"))
	visit := func(date, extra string) string {
		return `{"person_id":"` + pid + `","date":"` + date + `","author_kind":"mentor","author_name":"Trần Văn Tư","kind":"home"` + extra + `}`
	}
	before := mustCLI(t, dir, "", "dump")

	goInternals := []string{"parsing time", "out of range", "json:", "unexpected error", "record not found",
		"Đã xảy ra lỗi không mong muốn", "Hãy dùng đúng tên trường chuẩn", "“”", "\x1b", "\x00"}
	cases := []struct {
		name  string
		stdin string
		args  []string
		want  []string // every one must be in stderr
		not   []string // none may be
	}{
		// Characters no text field may hold.
		{"invalid UTF-8", withField("full_name", "\"Nguy\xff\xfeễn Văn An\""), []string{"person", "add"},
			[]string{"Họ và tên (full_name)", "không đọc được", "UTF-8"}, nil},
		{"NUL and ESC in offence", withField("offense", `"Trộm\u0000\u001b[2J cắp"`), []string{"person", "add"},
			[]string{"(offense)", "ký tự điều khiển", "U+0000"}, nil},
		{"BEL in address", withField("address", `"Số 5\u0007 ngõ 12"`), []string{"person", "add"},
			[]string{"(address)", "ký tự điều khiển", "U+0007"}, nil},
		{"ESC in the name", withField("full_name", `"Nguyễn\u001bVăn An"`), []string{"person", "add"},
			[]string{"Họ và tên (full_name)", "ký tự điều khiển", "U+001B"}, []string{"một từ"}},
		{"right-to-left override", withField("other_names", `"An \u202eBa"`), []string{"person", "add"},
			[]string{"(other_names)", "đảo chiều", "U+202E"}, nil},
		{"isolate in the court", withField("judgment", `{"number":"12/2021/HS-ST","date":"2021-04-01","court":"TAND \u2067tỉnh"}`), []string{"person", "add"},
			[]string{"judgment.court", "đảo chiều", "U+2067"}, nil},
		{"control character in notes", withField("notes", `"dòng 1\n\tdòng 2\u001b[31m"`), []string{"person", "add"},
			[]string{"(notes)", "U+001B"}, nil},
		{"ESC in a visit", visit("2026-05-02", `,"employment":"thợ \u001b[2J hồ"`), []string{"visit", "add"},
			[]string{"employment", "ký tự điều khiển"}, nil},

		// Dates that contradict each other.
		{"completed before birth", withField("completed_on", `"1980-01-01"`), []string{"person", "add"},
			[]string{"Ngày chấp hành xong án (completed_on)", "01/01/1980", "ngày sinh (01/06/1985)"}, nil},
		{"judgment before birth", withField("judgment", `{"date":"1984-12-31"}`), []string{"person", "add"},
			[]string{"judgment.date", "ngày sinh"}, nil},
		{"completed before judgment", withField("completed_on", `"2020-01-01"`), []string{"person", "add"},
			[]string{"(completed_on)", "ngày tuyên án (01/04/2021)"}, nil},
		{"returned before completed", withField("returned_on", `"2024-03-01"`), []string{"person", "add"},
			[]string{"(returned_on)", "ngày chấp hành xong án (15/03/2024)"}, nil},
		{"reported before returned", withField("reported_on", `"2024-03-15"`), []string{"person", "add"},
			[]string{"Ngày trình diện (reported_on)", "ngày về địa phương (16/03/2024)"}, nil},

		// Impossible or badly formatted dates.
		{"birth date 31/02/1990", withField("birth_date", `"31/02/1990"`), []string{"person", "add"},
			[]string{"Ngày sinh (birth_date)", "«31/02/1990»", "YYYY-MM-DD"}, nil},
		{"birth date 1990-02-31", withField("birth_date", `"1990-02-31"`), []string{"person", "add"},
			[]string{"Ngày sinh (birth_date)", "không có thật", "YYYY-MM-DD"}, nil},
		{"judgment date 2021-13-01", withField("judgment", `{"date":"2021-13-01"}`), []string{"person", "add"},
			[]string{"judgment.date", "không có thật", "YYYY-MM-DD"}, nil},
		{"visit date 2026-13-01", visit("2026-13-01", ""), []string{"visit", "add"},
			[]string{"Ngày (date)", "«2026-13-01»", "YYYY-MM-DD"}, nil},
		{"visit date 02/05/2026", visit("02/05/2026", ""), []string{"visit", "add"},
			[]string{"Ngày (date)", "không đúng dạng", "YYYY-MM-DD"}, nil},

		// Unknown ids.
		{"visit of an unknown person", `{"person_id":"khong-co","date":"2026-05-02","author_kind":"mentor","author_name":"Trần Văn Tư","kind":"home"}`,
			[]string{"visit", "add"}, []string{"Không tìm thấy người có mã “khong-co”"}, nil},
		{"reception of an unknown person", `{"person_id":"khong-co","session_date":"2026-04-13","officer":"Lê Văn Hải","counselling_done":true}`,
			[]string{"reception", "record"}, []string{"Không tìm thấy người có mã “khong-co”"}, nil},
		{"recidivism of an unknown person", `{"person_id":"khong-co","date":"2026-09-01","offense":"Trộm cắp tài sản"}`,
			[]string{"recidivism", "add"}, []string{"Không tìm thấy người có mã “khong-co”"}, nil},
		{"assignment to an unknown mentor", `{"person_id":"` + pid + `","mentor_id":"khong-co","decision":{"number":"15/QĐ-UBND","date":"2026-04-15"},"from":"2026-04-15"}`,
			[]string{"assign"}, []string{"Không tìm thấy người giúp đỡ có mã “khong-co”"}, nil},
		{"assignment of an unknown person", `{"person_id":"khong-co","mentor_id":"` + mid + `","decision":{"number":"15/QĐ-UBND","date":"2026-04-15"},"from":"2026-04-15"}`,
			[]string{"assign"}, []string{"Không tìm thấy người có mã “khong-co”"}, nil},
		{"update of an unknown person", `{"phone":"0912345678"}`, []string{"person", "update", "khong-co"},
			[]string{"Không tìm thấy người có mã khong-co"}, nil},

		// Wrong shapes and values.
		{"JSON array", `[` + basePerson + `]`, []string{"person", "add"},
			[]string{"đối tượng JSON", "một mảng"}, nil},
		{"JSON array to visit add", `[]`, []string{"visit", "add"},
			[]string{"đối tượng JSON", "một mảng"}, nil},
		{"number for a name", withField("full_name", `12`), []string{"person", "add"},
			[]string{"Họ và tên (full_name)", "kiểu giá trị không đúng"}, nil},
		{"CCCD with a letter", withField("citizen_id", `"07508500123A"`), []string{"person", "add"},
			[]string{"(citizen_id)", "chỉ gồm chữ số"}, []string{"11 chữ số"}},
		{"duplicate CCCD", withField("full_name", `"Trần Văn Bình"`), []string{"person", "add"},
			[]string{"(citizen_id)", "075085001234", "Nguyễn Văn An", pid, "--allow-duplicate"}, nil},
		{"update to a duplicate CCCD", `{"citizen_id":"075085001234"}`, nil, // args set below
			[]string{"(citizen_id)", "Nguyễn Văn An", pid, "--allow-duplicate"}, nil},
	}
	other := addPerson(t, dir, withField("citizen_id", `"075085009999"`))
	cases[len(cases)-1].args = []string{"person", "update", other}
	before = mustCLI(t, dir, "", "dump")

	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := cli(t, dir, c.stdin, c.args...)
			if code != 1 {
				t.Fatalf("exit %d, want 1\nstdout: %s\nstderr: %s", code, out, errOut)
			}
			if out != "" {
				t.Errorf("stdout %q, want nothing", out)
			}
			for _, w := range c.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errOut)
				}
			}
			for _, w := range append(c.not, goInternals...) {
				if strings.Contains(errOut, w) {
					t.Errorf("stderr has %q:\n%s", w, errOut)
				}
			}
			if after := mustCLI(t, dir, "", "dump"); after != before {
				t.Error("the dump changed after a refused command")
			}
		})
	}
}

// TestZeroWidthRemovedWithWarning: invisible characters a paste brings
// (zero-width space, byte-order mark) are removed, with a warning naming
// the field; line breaks and tabs in notes are kept.
func TestZeroWidthRemovedWithWarning(t *testing.T) {
	dir := t.TempDir()
	mustCLI(t, dir, "", "init", "--unit", "Phường Hòa Bình")
	in := withField("full_name", `"Nguyễn\u200b Văn\ufeff An"`)
	in = withField("notes", `"dòng 1\n\tdòng 2"`)
	in = strings.Replace(in, `"full_name":"Nguyễn Văn An"`, `"full_name":"Nguyễn\u200b Văn\ufeff An"`, 1)
	code, out, errOut := cli(t, dir, in, "person", "add")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "Họ và tên (full_name)") || !strings.Contains(errOut, "ký tự vô hình") {
		t.Errorf("no warning naming the field: %q", errOut)
	}
	show := mustCLI(t, dir, "", "person", "show", strings.TrimSpace(out), "--json")
	if !strings.Contains(show, `"full_name": "Nguyễn Văn An"`) || !strings.Contains(show, `"notes": "dòng 1\n\tdòng 2"`) {
		t.Errorf("stored:\n%s", show)
	}
}

// TestOnlyInitCreatesAStore: a mistyped --data folder is reported (with
// the folder and how to create a store) and nothing is created; init
// creates it.
func TestOnlyInitCreatesAStore(t *testing.T) {
	typo := filepath.Join(t.TempDir(), "typo", "dir")
	for _, args := range [][]string{{"person", "list"}, {"dump"}, {"worklist"}, {"person", "add"}, {"demo", "--persons", "10"}} {
		var out, errOut bytes.Buffer
		code := run(append([]string{"--data", typo}, args...), strings.NewReader(basePerson), &out, &errOut)
		if code != 1 {
			t.Errorf("%v: exit %d, want 1 (stderr %s)", args, code, errOut.String())
		}
		for _, w := range []string{"Chưa có kho dữ liệu", typo, "init"} {
			if !strings.Contains(errOut.String(), w) {
				t.Errorf("%v: stderr lacks %q: %s", args, w, errOut.String())
			}
		}
		if _, err := os.Stat(typo); !os.IsNotExist(err) {
			t.Fatalf("%v created %s (%v)", args, typo, err)
		}
	}
	mustCLI(t, typo, "", "init", "--unit", "Phường Hòa Bình")
	if _, err := os.Stat(filepath.Join(typo, "hoanhap.db")); err != nil {
		t.Fatalf("init did not create the store: %v", err)
	}
	mustCLI(t, typo, "", "person", "list")
}

// TestAllowDuplicate: with --allow-duplicate the officer's confirmed
// duplicate citizen id is stored.
func TestAllowDuplicate(t *testing.T) {
	dir := t.TempDir()
	mustCLI(t, dir, "", "init", "--unit", "Phường Hòa Bình")
	addPerson(t, dir, basePerson)
	second := withField("full_name", `"Trần Văn Bình"`)
	if code, _, _ := cli(t, dir, second, "person", "add"); code != 1 {
		t.Fatalf("duplicate without --allow-duplicate: exit %d", code)
	}
	addPersonArgs := mustCLI(t, dir, second, "person", "add", "--allow-duplicate")
	if !uuidRE.MatchString(strings.TrimSpace(addPersonArgs)) {
		t.Fatalf("person add --allow-duplicate printed %q", addPersonArgs)
	}
	if list := mustCLI(t, dir, "", "person", "list", "--q", "075085001234"); !strings.Contains(list, "Trần Văn Bình") || !strings.Contains(list, "Nguyễn Văn An") {
		t.Errorf("list:\n%s", list)
	}
	// person update changes only the fields given; a duplicate citizen id
	// needs --allow-duplicate there too.
	third := addPerson(t, dir, withField("citizen_id", `"075085007777"`))
	mustCLI(t, dir, `{"phone":"0912 345 678"}`, "person", "update", third)
	show := mustCLI(t, dir, "", "person", "show", third, "--json")
	if !strings.Contains(show, `"phone": "0912345678"`) || !strings.Contains(show, `"citizen_id": "075085007777"`) ||
		!strings.Contains(show, `"full_name": "Nguyễn Văn An"`) {
		t.Errorf("after update:\n%s", show)
	}
	if code, _, _ := cli(t, dir, `{"citizen_id":"075085001234"}`, "person", "update", third); code != 1 {
		t.Errorf("update to a duplicate without --allow-duplicate: exit %d", code)
	}
	mustCLI(t, dir, `{"citizen_id":"075085001234"}`, "person", "update", third, "--allow-duplicate")
	if code, _, errOut := cli(t, dir, `{"id":"x"}`, "person", "update", third); code != 1 || strings.Contains(errOut, "json:") {
		t.Errorf("update of a sync field: exit %d, %s", code, errOut)
	}
}
