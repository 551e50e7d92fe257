package main

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

var supIDRE = regexp.MustCompile(`^[0-9a-f-]{36}$`)

// supCLI runs the command line in dir and returns exit code, stdout, stderr.
func supCLI(t *testing.T, dir, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(append([]string{"--data", dir}, args...), strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// supID runs a command that must succeed and print an id.
func supID(t *testing.T, dir, stdin string, args ...string) string {
	t.Helper()
	code, out, errOut := supCLI(t, dir, stdin, args...)
	id := strings.TrimSpace(out)
	if code != 0 || !supIDRE.MatchString(id) {
		t.Fatalf("%v: exit %d, out %q, err %q", args, code, out, errOut)
	}
	return id
}

const supPersonJSON = `{"full_name":"Nguyễn Văn Bình","gender":"male","birth_date":"1988","status":"managed",
 "hamlet":"Tổ dân phố 3","offense":"Trộm cắp tài sản","sentence_kind":"prison","sentence_months":24,
 "release_kind":"completed","completed_on":"2021-03-15","returned_on":"2021-03-16"}`

func TestSupportCommandsEndToEnd(t *testing.T) {
	dir := t.TempDir()
	if code, _, e := supCLI(t, dir, "", "init", "--unit", "Phường Hòa Bình"); code != 0 {
		t.Fatalf("init: %d %s", code, e)
	}
	pid := supID(t, dir, supPersonJSON, "person", "add")
	supID(t, dir, `{"person_id":"`+pid+`","kind":"employment","date":"2024-02-01","employer":"Xưởng mộc Phúc Lâm","income":6500000}`, "support", "add")

	// A loan over the individual ceiling, after the 5-year window: saved, with two warnings citing QĐ 22/2023.
	code, out, errOut := supCLI(t, dir, `{"borrower_kind":"person","person_id":"`+pid+`","amount":120000000,"purpose":"business","requested_on":"2026-03-16","term_months":60}`, "loan", "add")
	if code != 0 || !supIDRE.MatchString(strings.TrimSpace(out)) {
		t.Fatalf("loan add: %d %q %q", code, out, errOut)
	}
	loanID := strings.TrimSpace(out)
	if !strings.Contains(errOut, "120.000.000 đ") || !strings.Contains(errOut, "100.000.000 đ") ||
		!strings.Contains(errOut, "15/03/2026") || !strings.Contains(errOut, "QĐ 22/2023/QĐ-TTg, Điều 6") ||
		!strings.Contains(errOut, "QĐ 22/2023/QĐ-TTg, Điều 3") {
		t.Errorf("loan warnings = %q", errOut)
	}
	// Update keeps other fields.
	supID(t, dir, `{"amount":80000000,"requested_on":"2026-03-15"}`, "loan", "update", loanID)
	code, out, errOut = supCLI(t, dir, `{"status":"disbursed"}`, "loan", "update", loanID)
	if code != 1 || !strings.Contains(errOut, "disbursed_on") {
		t.Errorf("disbursed without date: %d %q %q", code, out, errOut)
	}

	mid := supID(t, dir, `{"name":"Câu lạc bộ Vòng tay nhân ái","type":"Câu lạc bộ","lead_org":"Hội Phụ nữ phường"}`, "model", "add")
	supID(t, dir, `{"model_id":"`+mid+`","name":"Trần Thị Lan","role":"chair","organisation":"Hội Phụ nữ"}`, "model", "member", "add")
	supID(t, dir, `{"model_id":"`+mid+`","person_id":"`+pid+`","since":"2024-01-01"}`, "model", "link")
	bid := supID(t, dir, `{"name":"HTX Rau sạch Đồng Xanh","workers":20,"returnee_workers":4}`, "business", "add")
	supID(t, dir, `{"model_id":"`+mid+`","business_id":"`+bid+`"}`, "model", "link")
	supID(t, dir, `{"business_id":"`+bid+`","person_id":"`+pid+`"}`, "business", "link")
	supID(t, dir, `{"person_id":"`+pid+`","recognition":"Giấy khen gương hoàn lương","recognized_by":"UBND phường","recognized_on":"2025-09-02"}`, "exemplary", "add")

	code, out, _ = supCLI(t, dir, "", "dump")
	if code != 0 {
		t.Fatalf("dump: %d", code)
	}
	var d map[string][]map[string]any
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"support": 1, "loan": 1, "model": 1, "model_member": 1, "model_link": 3, "business": 1, "exemplary": 1}
	for table, n := range want {
		if len(d[table]) != n {
			t.Errorf("dump %s: %d records, want %d", table, len(d[table]), n)
		}
	}
	if len(d["loan"]) == 1 && d["loan"][0]["amount"].(float64) != 80000000 {
		t.Errorf("loan after update = %v", d["loan"][0])
	}
}

func TestSupportCommandsRejectBadInput(t *testing.T) {
	dir := t.TempDir()
	if code, _, e := supCLI(t, dir, "", "init", "--unit", "Phường Hòa Bình"); code != 0 {
		t.Fatalf("init: %d %s", code, e)
	}
	tests := []struct {
		name  string
		stdin string
		args  []string
		code  int
		want  string
	}{
		{"no subcommand", "", []string{"loan"}, 2, "loan add"},
		{"unknown subcommand", "", []string{"model", "fly"}, 2, "fly"},
		{"empty input", "", []string{"support", "add"}, 1, "JSON"},
		{"unknown field", `{"nam":"x"}`, []string{"business", "add"}, 1, "nam"},
		{"sync field", `{"id":"x","name":"y"}`, []string{"business", "add"}, 1, "id"},
		{"validation", `{"name":""}`, []string{"model", "add"}, 1, "name"},
		{"unknown person", `{"person_id":"nobody","kind":"counselling","date":"2025-01-01"}`, []string{"support", "add"}, 1, "nobody"},
		{"bad money type", `{"borrower_kind":"person","person_id":"x","amount":"nhiều"}`, []string{"loan", "add"}, 1, "amount"},
		{"update missing id", `{}`, []string{"loan", "update"}, 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := supCLI(t, dir, tt.stdin, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.want) || out != "" {
				t.Errorf("exit %d (want %d), out %q, err %q (want %q)", code, tt.code, out, errOut, tt.want)
			}
		})
	}
}

func TestLoanMau01Command(t *testing.T) {
	dir := t.TempDir()
	supCLI(t, dir, "", "init", "--unit", "Phường Hòa Bình")
	pid := supID(t, dir, supPersonJSON, "person", "add")
	supID(t, dir, `{"borrower_kind":"person","person_id":"`+pid+`","amount":50000000,"purpose":"business","requested_on":"2026-02-20"}`, "loan", "add")
	code, out, errOut := supCLI(t, dir, "", "loan", "mau01", "2026-03")
	if code != 0 || !strings.Contains(out, "05/03/2026") || !strings.Contains(out, "Nguyễn Văn Bình") || !strings.Contains(out, "50.000.000 đ") ||
		!strings.Contains(out, "Đủ điều kiện") {
		t.Errorf("mau01: %d %q %q", code, out, errOut)
	}
	// April: the window closed on 15/03/2026.
	_, out, _ = supCLI(t, dir, "", "loan", "mau01", "2026-04")
	if !strings.Contains(out, "Chưa đủ điều kiện") {
		t.Errorf("April list = %q", out)
	}
	if code, _, _ := supCLI(t, dir, "", "loan", "mau01", "2026-13"); code != 2 {
		t.Errorf("bad month exit = %d", code)
	}
}

// TestMau01OverCeilingNotEligible: a 150.000.000 đ business loan to an
// individual is over the QĐ 22/2023 Art. 6 ceiling: the loan list warns
// and Mẫu 01 lists it as not eligible, with the same reason.
func TestMau01OverCeilingNotEligible(t *testing.T) {
	dir := t.TempDir()
	supCLI(t, dir, "", "init", "--unit", "Phường Hòa Bình")
	pid := supID(t, dir, supPersonJSON, "person", "add")
	supID(t, dir, `{"borrower_kind":"person","person_id":"`+pid+`","amount":150000000,"purpose":"business","requested_on":"2026-02-20"}`, "loan", "add")
	code, out, errOut := supCLI(t, dir, "", "loan", "mau01", "2026-03")
	if code != 0 || !strings.Contains(out, "150.000.000 đ") || !strings.Contains(out, "Chưa đủ điều kiện") ||
		!strings.Contains(out, "vượt mức cho vay tối đa 100.000.000 đ") {
		t.Errorf("mau01 with a 150.000.000 đ loan: %d %q %q", code, out, errOut)
	}
}
