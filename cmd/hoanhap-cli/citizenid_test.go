package main

import (
	"strings"
	"testing"
)

// cccdMismatch is a person whose citizen ID contradicts the gender (4th
// digit 0 = male), the century (0 = born 1900–1999) and the birth year
// (digits 5–6 = 85): three warnings, no error.
const cccdMismatch = `{"full_name":"Trần Thị Bích","gender":"female","birth_date":"2001","status":"expected",
 "citizen_id":"075085001234"}`

func TestPersonAddPrintsCitizenIDWarnings(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := cli(t, dir, cccdMismatch, "person", "add")
	if code != 0 || !uuidRE.MatchString(strings.TrimSpace(out)) {
		t.Fatalf("person add with CCCD warnings: exit %d, stdout %q, stderr %s", code, out, errOut)
	}
	for _, want := range []string{
		"Cảnh báo — Số CCCD",
		"Chữ số thứ tư của số căn cước (0) không khớp với giới tính",              // gender
		"ứng với người sinh từ năm 1900 đến 1999, nhưng năm sinh là 2001",         // century
		"Chữ số thứ năm và sáu của số căn cước (85) không khớp với năm sinh 2001", // birth year
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if n := strings.Count(strings.TrimSpace(errOut), "\n") + 1; n != 3 {
		t.Errorf("%d warning lines, want 3:\n%s", n, errOut)
	}
	if strings.Contains(out, "Cảnh báo") {
		t.Errorf("warnings on stdout: %s", out)
	}

	// In English with --lang en.
	// (Another id: the same one would be a duplicate.)
	code, _, errOut = cli(t, dir, strings.Replace(cccdMismatch, "075085001234", "075085001239", 1), "--lang", "en", "person", "add")
	if code != 0 {
		t.Fatalf("person add --lang en: exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Warning — Citizen ID", "does not match the gender", "birth year 2001"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("English stderr lacks %q:\n%s", want, errOut)
		}
	}

	// A matching citizen ID gives no warning.
	code, _, errOut = cli(t, dir, `{"full_name":"Nguyễn Văn Cường","gender":"male","birth_date":"1985","status":"expected",
		"citizen_id":"075085001238"}`, "person", "add")
	if code != 0 || errOut != "" {
		t.Errorf("consistent CCCD: exit %d, stderr %q", code, errOut)
	}

	// "notice add" creates a person too: same warnings.
	code, _, errOut = cli(t, dir, `{"sender":"Trại giam Xuân Lộc","notice_date":"2026-10-01","expected_release":"2026-11-10",
		"person":{"full_name":"Lê Thị Hoa","gender":"female","birth_date":"1985","citizen_id":"075085001235"}}`, "notice", "add")
	if code != 0 || !strings.Contains(errOut, "giới tính") {
		t.Errorf("notice add with a CCCD gender mismatch: exit %d, stderr %q", code, errOut)
	}
}
