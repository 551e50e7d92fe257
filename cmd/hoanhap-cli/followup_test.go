package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// noticeFixture records a notice (creating an expected person) and returns
// the notice and person ids.
func noticeFixture(t *testing.T, dir string) (string, string) {
	t.Helper()
	out := mustCLI(t, dir, `{"sender":"Trại giam Ba Sao","notice_date":"2026-10-01","expected_release":"2026-11-10",
		"person":{"full_name":"Nguyễn Văn Bình","gender":"male","birth_date":"1988","hamlet":"Tổ 2"}}`, "notice", "add")
	var ids map[string]string
	if err := json.Unmarshal([]byte(out), &ids); err != nil {
		t.Fatal(err)
	}
	return ids["notice_id"], ids["person_id"]
}

// worklistKinds returns "kind:record_id" of the worklist items of person
// pid on day on.
func worklistKinds(t *testing.T, dir, pid, on string) []string {
	t.Helper()
	var rows []map[string]any
	if err := json.Unmarshal([]byte(mustCLI(t, dir, "", "worklist", "--json", "--on", on)), &rows); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		if r["person_id"] == pid {
			rec, _ := r["record_id"].(string)
			out = append(out, r["kind"].(string)+":"+rec)
		}
	}
	return out
}

func hasItem(items []string, kind, rec string) bool {
	for _, it := range items {
		if it == kind+":"+rec {
			return true
		}
	}
	return false
}

// dumpRecord returns the record with id of a dumped table.
func dumpRecord(t *testing.T, dir, table, id string) map[string]any {
	t.Helper()
	var dump map[string][]map[string]any
	if err := json.Unmarshal([]byte(mustCLI(t, dir, "", "dump")), &dump); err != nil {
		t.Fatal(err)
	}
	for _, r := range dump[table] {
		if r["id"] == id {
			return r
		}
	}
	t.Fatalf("no %s %s in the dump", table, id)
	return nil
}

// TestNoticeUpdateFollowUps records the follow-ups of a prison notice from
// the command line: the address check (TT 10/2024 Art. 8), the answer to
// the sender when the address changed (HCD-03), the family check and the
// upward report (HCD-04, Art. 9), with the screen's validation.
func TestNoticeUpdateFollowUps(t *testing.T) {
	dir := t.TempDir()
	nid, pid := noticeFixture(t, dir)
	if !hasItem(worklistKinds(t, dir, pid, "2026-10-05"), "address_check", nid) {
		t.Fatal("no address check in the worklist")
	}

	// Address changed: saved, with a reminder to answer the sender.
	code, out, errOut := cli(t, dir, `{"address_check":"changed","address_checked_on":"2026-10-03",
		"new_address":"Số 5 ngõ 12 đường Lê Lợi"}`, "notice", "update", nid)
	if code != 0 || strings.TrimSpace(out) != nid || !strings.Contains(errOut, "HCD-03") || !strings.Contains(errOut, "Trại giam Ba Sao") {
		t.Fatalf("address changed: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	items := worklistKinds(t, dir, pid, "2026-10-05")
	if hasItem(items, "address_check", nid) || !hasItem(items, "sender_answer", nid) {
		t.Fatalf("worklist after the check = %v", items)
	}

	// Refusals (exit 1), nothing changed.
	for _, c := range []struct{ in, want string }{
		{`{"sender_answered_on":"2026-10-02"}`, "không được trước ngày 03/10/2026"},                // before the check
		{`{"address_check":"moved"}`, "moved"},                                                     // not a result
		{`{"address_check":"confirmed","address_checked_on":""}`, "address_checked_on"},            // result without date
		{`{"upward_report_on":"2099-01-01"}`, "upward_report_on"},                                  // future
		{`{"family_checked_on":"2026-11-15","upward_report_on":"2026-11-14"}`, "upward_report_on"}, // report before check
		{`{"sender":"Trại giam khác"}`, "“sender”"},                                                // not a follow-up field
		{`{"address_checked_on":"03/10/2026"}`, "address_checked_on"},                              // not YYYY-MM-DD
		{`{"new_address":5}`, "new_address"},                                                       // wrong type
		{`{}`, "address_check"},                                                                    // nothing to change
		{``, "address_check"},                                                                      // no input
		{`{"notes":"a"} {"notes":"b"}`, "đúng một đối tượng JSON"},                                 // trailing data
	} {
		code, out, errOut := cli(t, dir, c.in, "notice", "update", nid)
		if code != 1 || out != "" || !strings.Contains(errOut, c.want) {
			t.Errorf("update %s: exit %d, stdout %q, stderr %q (want %q)", c.in, code, out, errOut, c.want)
		}
	}
	if r := dumpRecord(t, dir, "notice", nid); r["sender_answered_on"] != nil || r["ver"] != float64(2) {
		t.Errorf("a refused update changed the notice: %v", r)
	}

	// Answered, then not reported: family check and upward report.
	if _, _, errOut := cli(t, dir, `{"sender_answered_on":"2026-10-06"}`, "notice", "update", nid); strings.Contains(errOut, "HCD-03") {
		t.Errorf("reminder after the answer: %s", errOut)
	}
	items = worklistKinds(t, dir, pid, "2026-11-20")
	if hasItem(items, "sender_answer", nid) || !hasItem(items, "not_reported", nid) {
		t.Fatalf("worklist 20/11 = %v", items)
	}
	mustCLI(t, dir, `{"family_checked_on":"2026-11-15","family_check_note":"gia đình cho biết đang ở Bình Dương"}`, "notice", "update", nid)
	if items = worklistKinds(t, dir, pid, "2026-11-20"); !hasItem(items, "upward_report", nid) {
		t.Fatalf("worklist after the family check = %v", items)
	}
	mustCLI(t, dir, `{"upward_report_on":"2026-11-16"}`, "notice", "update", nid)
	if items = worklistKinds(t, dir, pid, "2026-11-20"); len(items) != 0 {
		t.Errorf("worklist after the upward report = %v", items)
	}
	r := dumpRecord(t, dir, "notice", nid)
	for k, v := range map[string]any{"address_check": "changed", "address_checked_on": "2026-10-03",
		"new_address": "Số 5 ngõ 12 đường Lê Lợi", "sender_answered_on": "2026-10-06", "family_checked_on": "2026-11-15",
		"upward_report_on": "2026-11-16", "sender": "Trại giam Ba Sao", "person_id": pid} {
		if r[k] != v {
			t.Errorf("notice %s = %v, want %v", k, r[k], v)
		}
	}

	// Back to "not checked": the check date goes with it (as on the screen),
	// but the answer to the sender then has no change to answer: refused.
	code, _, errOut = cli(t, dir, `{"address_check":""}`, "notice", "update", nid)
	if code != 1 || !strings.Contains(errOut, "sender_answered_on") {
		t.Errorf("pending with an answer: exit %d, %s", code, errOut)
	}
	mustCLI(t, dir, `{"address_check":null,"sender_answered_on":null,"new_address":""}`, "notice", "update", nid)
	if r := dumpRecord(t, dir, "notice", nid); r["address_check"] != "" || r["address_checked_on"] != nil || r["sender_answered_on"] != nil {
		t.Errorf("after reset: %v", r)
	}

	// Usage errors (exit 2) and unknown ids (exit 1), in English too.
	for _, args := range [][]string{{"notice", "update"}, {"notice", "update", nid, "extra"}, {"notice", "update", nid, "--bogus"}, {"notice", "edit"}} {
		if code, _, errOut := cli(t, dir, `{"notes":"x"}`, args...); code != 2 || !strings.Contains(errOut, "notice update ID") {
			t.Errorf("%v: exit %d, %s", args, code, errOut)
		}
	}
	code, _, errOut = cli(t, dir, `{"notes":"x"}`, "notice", "update", "khong-co")
	if code != 1 || !strings.Contains(errOut, "khong-co") {
		t.Errorf("unknown notice: exit %d, %s", code, errOut)
	}
	var o, e strings.Builder
	code = run([]string{"--data", dir, "--lang", "en", "notice", "update", nid}, strings.NewReader(`{"colour":"red"}`), &o, &e)
	if code != 1 || !strings.Contains(e.String(), "cannot be changed with this command") {
		t.Errorf("English unknown field: exit %d, %s", code, e.String())
	}
}

// TestReceptionUpdateFileOpened sets the date the management file was
// opened (HCD-01, TT 10/2024 Art. 11) from the command line.
func TestReceptionUpdateFileOpened(t *testing.T) {
	dir := t.TempDir()
	_, pid := noticeFixture(t, dir)
	rid := strings.TrimSpace(mustCLI(t, dir, `{"person_id":"`+pid+`","session_date":"2026-11-10","officer":"Lê Văn Hải",
		"counselling_done":true}`, "reception", "record"))
	if !hasItem(worklistKinds(t, dir, pid, "2026-11-11"), "file_open", rid) {
		t.Fatal("no file_open item after the reception")
	}
	for _, c := range []struct {
		args []string
		in   string
		code int
		want string
	}{
		{[]string{"--file-opened-on", "2026-11-09"}, "", 1, "file_opened_on"},   // before the session
		{[]string{"--file-opened-on", "2099-11-09"}, "", 1, "file_opened_on"},   // future
		{[]string{"--file-opened-on", "12/11/2026"}, "", 2, "--file-opened-on"}, // not YYYY-MM-DD
		{nil, `{"counselling_done":false}`, 1, "counselling_done"},              // compulsory (Art. 17)
		{nil, `{"session_date":"2026-11-01"}`, 1, "“session_date”"},             // not a follow-up field
		{[]string{"extra"}, "", 2, "reception update ID"},                       // two ids
	} {
		args := append([]string{"reception", "update", rid}, c.args...)
		code, out, errOut := cli(t, dir, c.in, args...)
		if code != c.code || out != "" || !strings.Contains(errOut, c.want) {
			t.Errorf("%v %s: exit %d, stdout %q, stderr %q (want %d, %q)", c.args, c.in, code, out, errOut, c.code, c.want)
		}
	}
	if code, _, errOut := cli(t, dir, "", "reception", "update"); code != 2 || !strings.Contains(errOut, "reception record") {
		t.Errorf("missing id: exit %d, %s", code, errOut)
	}
	if code, _, _ := cli(t, dir, "", "reception", "update", "khong-co", "--file-opened-on", "2026-11-12"); code != 1 {
		t.Errorf("unknown reception: exit %d", code)
	}

	if out := mustCLI(t, dir, "", "reception", "update", rid, "--file-opened-on", "2026-11-12"); strings.TrimSpace(out) != rid {
		t.Errorf("reception update printed %q", out)
	}
	if hasItem(worklistKinds(t, dir, pid, "2026-11-13"), "file_open", rid) {
		t.Error("file_open still in the worklist after the file was opened")
	}
	mustCLI(t, dir, `{"minutes_done":true,"info_sheet_done":true,"guidance":["jobs","loans"]}`, "reception", "update", rid)
	r := dumpRecord(t, dir, "reception", rid)
	if r["file_opened_on"] != "2026-11-12" || r["minutes_done"] != true || r["info_sheet_done"] != true ||
		r["session_date"] != "2026-11-10" || r["person_id"] != pid || r["ver"] != float64(3) {
		t.Errorf("reception = %v", r)
	}
	// Clearing the date brings the item back.
	mustCLI(t, dir, `{"file_opened_on":""}`, "reception", "update", rid)
	if !hasItem(worklistKinds(t, dir, pid, "2026-11-13"), "file_open", rid) {
		t.Error("file_open not back after clearing the date")
	}
}

// TestCaseEndMovedAway ends a case because the person moved away (TT
// 10/2024 Art. 14–15): the destination is required, then the person is
// ended with the reason and decision, and the active mentor released.
func TestCaseEndMovedAway(t *testing.T) {
	dir := t.TempDir()
	_, pid := noticeFixture(t, dir)
	mustCLI(t, dir, `{"person_id":"`+pid+`","session_date":"2026-11-10","officer":"Lê Văn Hải","counselling_done":true}`, "reception", "record")
	m := strings.TrimSpace(mustCLI(t, dir, `{"kind":"organisation","name":"Hội Cựu chiến binh phường","organisation":"veterans","active":true}`, "mentor", "add"))
	aid := strings.TrimSpace(mustCLI(t, dir, `{"person_id":"`+pid+`","mentor_id":"`+m+`","decision":{"number":"21/QĐ-UBND","date":"2026-11-12"},"from":"2026-11-12"}`, "assign"))

	end := `{"person_id":"` + pid + `","reason":"moved_away","proposal":{"number":"05/ĐX-CAP","date":"2026-11-20"},
		"decision":{"number":"30/QĐ-UBND","date":"2026-11-23"}%s}`
	code, _, errOut := cli(t, dir, strings.Replace(end, "%s", "", 1), "case", "end")
	if code != 1 || !strings.Contains(errOut, "destination") {
		t.Fatalf("moved away without destination: exit %d, %s", code, errOut)
	}
	out := mustCLI(t, dir, strings.Replace(end, "%s", `,"destination":"Phường Tân Định, TP. Hồ Chí Minh"`, 1), "case", "end")
	ceid := strings.TrimSpace(out)
	if !uuidRE.MatchString(ceid) {
		t.Fatalf("case end printed %q", out)
	}
	var p map[string]any
	if err := json.Unmarshal([]byte(mustCLI(t, dir, "", "person", "show", pid, "--json")), &p); err != nil {
		t.Fatal(err)
	}
	dec, _ := p["end_decision"].(map[string]any)
	if p["status"] != "ended" || p["end_reason"] != "moved_away" || dec["number"] != "30/QĐ-UBND" || dec["date"] != "2026-11-23" {
		t.Errorf("person after the end = status %v reason %v decision %v", p["status"], p["end_reason"], p["end_decision"])
	}
	ce := dumpRecord(t, dir, "case_end", ceid)
	if ce["destination"] != "Phường Tân Định, TP. Hồ Chí Minh" || ce["reason"] != "moved_away" || ce["person_id"] != pid {
		t.Errorf("case end = %v", ce)
	}
	if a := dumpRecord(t, dir, "assignment", aid); a["to"] != "2026-11-23" || a["handover"] != "Phường Tân Định, TP. Hồ Chí Minh" {
		t.Errorf("assignment after the end = %v", a)
	}
	if show := mustCLI(t, dir, "", "person", "show", pid); !strings.Contains(show, "Chuyển nơi cư trú") {
		t.Errorf("person show does not give the end reason:\n%s", show)
	}
	// Nobody is left to supervise: no worklist items for the person.
	if items := worklistKinds(t, dir, pid, "2026-11-25"); len(items) != 0 {
		t.Errorf("worklist of an ended case = %v", items)
	}
}
