package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestSupervisionCLIFlow walks notice → reception → mentor → assign →
// visit (+ correction) → classify → worklist → recidivism/case end → users.
func TestSupervisionCLIFlow(t *testing.T) {
	dir := t.TempDir()
	out := mustCLI(t, dir, `{"sender":"Trại giam Ba Sao","notice_date":"2026-02-12","expected_release":"2026-04-12",
		"person":{"full_name":"Nguyễn Văn Bình","gender":"male","birth_date":"1988","hamlet":"Tổ 2"}}`, "notice", "add")
	var ids map[string]string
	if err := json.Unmarshal([]byte(out), &ids); err != nil || ids["person_id"] == "" || ids["notice_id"] == "" {
		t.Fatalf("notice add printed %q: %v", out, err)
	}
	pid := ids["person_id"]

	// Worklist on 26/02/2026: the address check was due 24/02 (3 WD after 12/02, Tết skipped).
	var rows []map[string]any
	if err := json.Unmarshal([]byte(mustCLI(t, dir, "", "worklist", "--json", "--on", "2026-02-26")), &rows); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows {
		if r["kind"] == "address_check" && r["person_id"] == pid {
			found = r["due"] == "2026-02-24" && r["overdue"] == true && strings.Contains(r["text"].(string), "Nguyễn Văn Bình")
		}
	}
	if !found {
		t.Fatalf("address check not in worklist: %v", rows)
	}

	// Reception without counselling: validation error, exit 1, nothing saved.
	code, _, errOut := cli(t, dir, `{"person_id":"`+pid+`","session_date":"2026-04-13","officer":"Lê Văn Hải"}`, "reception", "record")
	if code != 1 || !strings.Contains(errOut, "Tư vấn tâm lý") {
		t.Fatalf("reception without counselling: exit %d, %s", code, errOut)
	}
	mustCLI(t, dir, `{"person_id":"`+pid+`","session_date":"2026-04-13","officer":"Lê Văn Hải","counselling_done":true,
		"minutes_done":true,"info_sheet_done":true,"guidance":["residence","id_card"]}`, "reception", "record")

	m1 := strings.TrimSpace(mustCLI(t, dir, `{"kind":"organisation","name":"Hội Phụ nữ phường","organisation":"women_union","active":true}`, "mentor", "add"))
	m2 := strings.TrimSpace(mustCLI(t, dir, `{"kind":"person","name":"Ông Trần Văn Tư","organisation":"veterans","active":true}`, "mentor", "add"))
	if list := mustCLI(t, dir, "", "mentor", "list"); !strings.Contains(list, "Hội Phụ nữ phường") || !strings.Contains(list, "Hội Liên hiệp Phụ nữ") {
		t.Errorf("mentor list:\n%s", list)
	}
	assign := `{"person_id":"` + pid + `","mentor_id":"%s","decision":{"number":"15/QĐ-UBND","date":"2026-04-15"},"from":"2026-04-15"}`
	mustCLI(t, dir, strings.Replace(assign, "%s", m1, 1), "assign")
	code, _, errOut = cli(t, dir, strings.Replace(assign, "%s", m2, 1), "assign")
	if code != 1 || !strings.Contains(errOut, "đã có người được giao giúp đỡ") {
		t.Fatalf("second assign: exit %d, %s", code, errOut)
	}
	mustCLI(t, dir, strings.Replace(assign, "%s", m2, 1), "assign", "--reason", "chuyển công tác", "--handover", "đã bàn giao")

	v1 := strings.TrimSpace(mustCLI(t, dir, `{"person_id":"`+pid+`","date":"2026-05-02","author_kind":"mentor","author_name":"Trần Văn Tư",
		"kind":"home","employment":"thợ hồ"}`, "visit", "add"))
	mustCLI(t, dir, `{"person_id":"`+pid+`","date":"2026-05-03","author_kind":"mentor","author_name":"Trần Văn Tư",
		"kind":"home","employment":"thợ mộc","supersedes":"`+v1+`"}`, "visit", "add")
	mustCLI(t, dir, `{"person_id":"`+pid+`","quarter":"2026-Q2","group":"B","reason":"việc làm chưa ổn định","on":"2026-07-06"}`, "classify")

	code, _, errOut = cli(t, dir, `{"person_id":"`+pid+`","date":"2026-09-01","offense":"Trộm cắp tài sản","bogus":1}`, "recidivism", "add")
	if code != 1 || !strings.Contains(errOut, "bogus") {
		t.Fatalf("unknown field: exit %d, %s", code, errOut)
	}
	mustCLI(t, dir, `{"person_id":"`+pid+`","date":"2026-09-01","offense":"Trộm cắp tài sản",
		"end":{"decision":{"number":"70/QĐ-UBND","date":"2026-09-20"}}}`, "recidivism", "add")
	code, _, _ = cli(t, dir, `{"person_id":"`+pid+`","reason":"dead","decision":{"number":"1","date":"2026-10-01"}}`, "case", "end")
	if code != 1 {
		t.Errorf("ending an ended case: exit %d", code)
	}

	var dump map[string][]json.RawMessage
	if err := json.Unmarshal([]byte(mustCLI(t, dir, "", "dump")), &dump); err != nil {
		t.Fatal(err)
	}
	for tbl, n := range map[string]int{"notice": 1, "reception": 1, "mentor": 2, "assignment": 2, "visit": 2,
		"classification": 1, "recidivism": 1, "case_end": 1} {
		if len(dump[tbl]) != n {
			t.Errorf("dump %s: %d records, want %d", tbl, len(dump[tbl]), n)
		}
	}

	mustCLI(t, dir, `{"name":"canbo","display_name":"Lê Văn Hải","role":"officer","active":true,"password":"mat-khau-dai"}`, "user", "add")
	code, _, errOut = cli(t, dir, `{"name":"x","display_name":"X","role":"officer","password":"ngan"}`, "user", "add")
	if code != 1 || !strings.Contains(errOut, "ít nhất 8") {
		t.Errorf("short password: exit %d, %s", code, errOut)
	}
	if list := mustCLI(t, dir, "", "user", "list"); !strings.Contains(list, "canbo") || !strings.Contains(list, "Cán bộ") {
		t.Errorf("user list:\n%s", list)
	}
	if code, _, _ := cli(t, dir, "", "worklist", "--on", "26/02/2026"); code != 2 {
		t.Errorf("bad --on date: exit %d", code)
	}
}
