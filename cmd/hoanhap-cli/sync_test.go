package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// lastLine returns the last non-empty line of out.
func lastLine(out string) string {
	lines := strings.Split(strings.TrimSpace(out), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

// TestSyncThroughTheCommandLine drives enrolment and two exchanges with
// the exact command forms other tools use.
func TestSyncThroughTheCommandLine(t *testing.T) {
	ward, office, usb := t.TempDir(), t.TempDir(), t.TempDir()
	mustCLI(t, ward, "", "init", "--unit", "Phường Hòa Bình")
	mustCLI(t, office, "", "init", "--unit", "Công an tỉnh Hòa Bình", "--kind", "office")

	fp := strings.TrimSpace(mustCLI(t, ward, "", "keys", "fingerprint"))
	if len(strings.ReplaceAll(fp, " ", "")) != 60 || strings.Count(fp, " ") != 11 {
		t.Fatalf("fingerprint %q", fp)
	}
	req := filepath.Join(usb, "dang-ky.hne")
	out := mustCLI(t, ward, "", "enrol", "request", "--out", req)
	if lastLine(out) != fp {
		t.Fatalf("enrol request printed %q, want the fingerprint %q last", out, fp)
	}
	reply := filepath.Join(usb, "tra-loi.hne")
	// A wrong fingerprint is refused and nothing is written.
	wrong := strings.Repeat("12345 ", 12)
	code, _, errOut := cli(t, office, "", "enrol", "accept", req, "--fingerprint", wrong, "--out", reply)
	if code != 1 || !strings.Contains(errOut, "không khớp") {
		t.Fatalf("wrong fingerprint: exit %d, %s", code, errOut)
	}
	if _, err := os.Stat(reply); !os.IsNotExist(err) {
		t.Fatal("a reply was written for a refused enrolment")
	}
	out = mustCLI(t, office, "", "enrol", "accept", req, "--fingerprint", fp, "--out", reply)
	officeFP := lastLine(out)
	if code, _, _ := cli(t, ward, "", "enrol", "finish", reply, "--fingerprint", fp); code != 1 {
		t.Fatal("finish with the ward's own fingerprint accepted")
	}
	mustCLI(t, ward, "", "enrol", "finish", reply, "--fingerprint", officeFP)

	id := addPerson(t, ward, knownCase)
	path := strings.TrimSpace(mustCLI(t, ward, "", "sync", "export", "--out", usb))
	if filepath.Dir(path) != usb || !strings.HasPrefix(filepath.Base(path), "HN_PhuongHoaBinh_to_CongAnTinhHoaBinh_000001_") {
		t.Fatalf("export printed %q", path)
	}
	if out := mustCLI(t, office, "", "sync", "import", path); !strings.Contains(out, "1 bản ghi") {
		t.Fatalf("import said %q", out)
	}
	if out := mustCLI(t, office, "", "person", "show", id, "--json"); !strings.Contains(out, "Nguyễn Văn An") {
		t.Fatalf("the office does not show the ward's person: %s", out)
	}
	if out := mustCLI(t, office, "", "sync", "import", path); !strings.Contains(out, "đã được nhập trước đó") {
		t.Fatalf("second import said %q", out)
	}
	// A damaged file: exit 1, the reason on stderr, the good file beside it
	// still imported.
	data, _ := os.ReadFile(path)
	data[len(data)/2] ^= 1
	bad := filepath.Join(usb, "hong.hnx")
	os.WriteFile(bad, data, 0o600)
	path2 := strings.TrimSpace(mustCLI(t, ward, "", "sync", "export", "--out", usb))
	code, out, errOut = cli(t, office, "", "sync", "import", bad, path2)
	if code != 1 || !strings.Contains(errOut, "hong.hnx") || !strings.Contains(errOut, "bị hỏng") || !strings.Contains(out, "000002") {
		t.Fatalf("damaged file: exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}

	// The office names the ward it writes to.
	var st syncStatus
	if err := json.Unmarshal([]byte(mustCLI(t, office, "", "sync", "status", "--json")), &st); err != nil {
		t.Fatal(err)
	}
	if len(st.Channels) != 1 || st.Channels[0].InUpto != 2 || st.Channels[0].Peer.UnitName != "Phường Hòa Bình" || st.Conflicts == nil {
		t.Fatalf("office status %+v", st)
	}
	back := strings.TrimSpace(mustCLI(t, office, "", "sync", "export", "--out", usb, "--to", st.Channels[0].Peer.NodeID))
	mustCLI(t, ward, "", "sync", "import", back)
	if err := json.Unmarshal([]byte(mustCLI(t, ward, "", "sync", "status", "--json")), &st); err != nil {
		t.Fatal(err)
	}
	if c := st.Channels[0]; c.AckedUpto != 2 || len(c.Unacked) != 0 || c.InUpto != 1 {
		t.Fatalf("ward channel after the office's ack: %+v", c)
	}
	if out := mustCLI(t, ward, "", "sync", "status"); !strings.Contains(out, "Công an tỉnh Hòa Bình") {
		t.Fatalf("status text %q", out)
	}
	// Usage errors exit 2.
	for _, args := range [][]string{{"sync"}, {"sync", "export"}, {"sync", "import"}, {"enrol", "accept", req}, {"keys", "nope"}} {
		if code, _, _ := cli(t, ward, "", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}
