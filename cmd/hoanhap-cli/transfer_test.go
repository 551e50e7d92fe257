package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// enrolCLI enrols a ward with the office through the command line and
// returns the ward's node id.
func enrolCLI(t *testing.T, ward, office, usb string) string {
	t.Helper()
	req := filepath.Join(usb, filepath.Base(ward)+".hne")
	fp := lastLine(mustCLI(t, ward, "", "enrol", "request", "--out", req))
	reply := req + ".reply"
	officeFP := lastLine(mustCLI(t, office, "", "enrol", "accept", req, "--fingerprint", fp, "--out", reply))
	mustCLI(t, ward, "", "enrol", "finish", reply, "--fingerprint", officeFP)
	var st syncStatus
	if err := json.Unmarshal([]byte(mustCLI(t, ward, "", "sync", "status", "--json")), &st); err != nil {
		t.Fatal(err)
	}
	return st.Node.ID
}

// TestTransferThroughTheCommandLine: transfer order at the office, the
// counts printed before each file is written, the frozen record refused
// at the old ward, the person owned by the new ward in the end.
func TestTransferThroughTheCommandLine(t *testing.T) {
	a, b, office, usb := t.TempDir(), t.TempDir(), t.TempDir(), t.TempDir()
	mustCLI(t, a, "", "init", "--unit", "Phường Hòa Bình")
	mustCLI(t, b, "", "init", "--unit", "Xã Yên Mông")
	mustCLI(t, office, "", "init", "--unit", "Công an tỉnh Hòa Bình", "--kind", "office")
	aID := enrolCLI(t, a, office, usb)
	bID := enrolCLI(t, b, office, usb)
	id := addPerson(t, a, knownCase)

	exportTo := func(from string, to ...string) (path, counts string) {
		t.Helper()
		args := append([]string{"sync", "export", "--out", t.TempDir()}, to...)
		code, out, errOut := cli(t, from, "", args...)
		if code != 0 {
			t.Fatalf("%v: exit %d %s", args, code, errOut)
		}
		return strings.TrimSpace(out), errOut
	}
	path, counts := exportTo(a)
	if !strings.Contains(counts, "person: 1") {
		t.Fatalf("counts before writing: %q", counts)
	}
	mustCLI(t, office, "", "sync", "import", path)

	// Only the office orders; usage errors exit 2.
	if code, _, errOut := cli(t, a, "", "transfer", "order", "--person", id, "--to", bID); code != 1 || !strings.Contains(errOut, "Công an cấp trên") {
		t.Fatalf("ward ordered a transfer: exit %d %s", code, errOut)
	}
	if code, _, _ := cli(t, office, "", "transfer", "order", "--person", id); code != 2 {
		t.Fatal("order without --to accepted")
	}
	out := mustCLI(t, office, "", "transfer", "order", "--person", id, "--to", bID, "--on", "2026-11-30")
	if !strings.Contains(out, "Nguyễn Văn An") || !strings.Contains(out, "Phường Hòa Bình") || !strings.Contains(out, "Xã Yên Mông") {
		t.Fatalf("order printed %q", out)
	}
	if code, _, errOut := cli(t, office, "", "transfer", "order", "--person", id, "--to", bID); code != 1 || !strings.Contains(errOut, "chưa xong") {
		t.Fatalf("second open order: exit %d %s", code, errOut)
	}
	path, counts = exportTo(office, "--to", aID)
	if !strings.Contains(counts, "transfer: 1") {
		t.Fatalf("office counts: %q", counts)
	}
	mustCLI(t, a, "", "sync", "import", path)
	code, _, errOut := cli(t, a, `{"notes":"sửa sau lệnh chuyển"}`, "person", "update", id)
	if code != 1 || !strings.Contains(errOut, "chỉ còn để xem") {
		t.Fatalf("update of a frozen person: exit %d %s", code, errOut)
	}
	path, _ = exportTo(a)
	mustCLI(t, office, "", "sync", "import", path)
	if out := mustCLI(t, office, "", "transfer", "list"); !strings.Contains(out, "Đã chuyển xong") {
		t.Fatalf("list after the release: %q", out)
	}
	path, _ = exportTo(office, "--to", bID)
	mustCLI(t, b, "", "sync", "import", path)
	var p struct {
		Owner    string `json:"owner"`
		FullName string `json:"full_name"`
	}
	if err := json.Unmarshal([]byte(mustCLI(t, b, "", "person", "show", id, "--json")), &p); err != nil || p.Owner != bID {
		t.Fatalf("new ward's person: %+v %v", p, err)
	}
	mustCLI(t, b, `{"notes":"đã tiếp nhận"}`, "person", "update", id)
}
