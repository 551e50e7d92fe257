package identity

import (
	"crypto/ed25519"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestFingerprintShapeAndStability(t *testing.T) {
	id, err := Generate("node-a")
	if err != nil {
		t.Fatal(err)
	}
	fp, err := id.Fingerprint()
	if err != nil {
		t.Fatal(err)
	}
	groups := strings.Split(fp, " ")
	if len(groups) != 12 {
		t.Fatalf("want 12 groups, got %d: %q", len(groups), fp)
	}
	for _, g := range groups {
		if len(g) != 5 || strings.Trim(g, "0123456789") != "" {
			t.Fatalf("group %q is not five digits", g)
		}
	}
	again, _ := Fingerprint(id.Public())
	if again != fp {
		t.Fatal("fingerprint not deterministic")
	}
	if !MatchFingerprint(id.Public(), strings.ReplaceAll(fp, " ", "-")) {
		t.Fatal("dashed fingerprint refused")
	}
}

func TestFingerprintCoversEveryField(t *testing.T) {
	a, _ := Generate("node-a")
	b, _ := Generate("node-a")
	base := a.Public()
	fp, _ := Fingerprint(base)
	variants := []Public{
		{NodeID: "node-b", SignKey: base.SignKey, AgeRecipient: base.AgeRecipient},
		{NodeID: base.NodeID, SignKey: b.Public().SignKey, AgeRecipient: base.AgeRecipient},
		{NodeID: base.NodeID, SignKey: base.SignKey, AgeRecipient: b.Public().AgeRecipient},
	}
	for i, v := range variants {
		got, err := Fingerprint(v)
		if err != nil {
			t.Fatal(err)
		}
		if got == fp {
			t.Errorf("variant %d has the same fingerprint", i)
		}
		if MatchFingerprint(v, fp) {
			t.Errorf("variant %d matches the original fingerprint", i)
		}
	}
}

// TestFingerprintKnownVector pins the derivation documented on Fingerprint
// with the fixed test keys of exchange/testdata/keys: a change of the
// algorithm must be deliberate (a new version), since printed enrolment
// forms carry fingerprints.
func TestFingerprintKnownVector(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "keys", "ward-a.json"))
	if err != nil {
		t.Fatal(err)
	}
	id, err := Parse(data, "0190a000-0000-7000-8000-000000000001")
	if err != nil {
		t.Fatal(err)
	}
	got, err := id.Fingerprint()
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "testdata", "keys", "ward-a.fingerprint"))
	if err != nil {
		t.Fatal(err)
	}
	if got != strings.TrimSpace(string(want)) {
		t.Fatalf("fingerprint of the fixed identity changed: %s", got)
	}
}

func TestFingerprintDigitsUniform(t *testing.T) {
	// 2,000 identities give 120,000 digits; each digit should appear
	// close to 12,000 times (a biased reduction would skew the low digits).
	var counts [10]int
	for i := 0; i < 2000; i++ {
		id, _ := Generate("n")
		fp, _ := id.Fingerprint()
		for _, r := range strings.ReplaceAll(fp, " ", "") {
			counts[r-'0']++
		}
	}
	for d, c := range counts {
		if c < 11200 || c > 12800 {
			t.Errorf("digit %d appears %d times of 120000", d, c)
		}
	}
}

func TestNormalizeFingerprint(t *testing.T) {
	d := strings.Repeat("0123456789", 6)
	for _, in := range []string{d, "01234 56789 " + d[10:], "01234-56789." + d[10:]} {
		if got, ok := NormalizeFingerprint(in); !ok || got != d {
			t.Errorf("NormalizeFingerprint(%q) = %q, %v", in, got, ok)
		}
	}
	for _, in := range []string{"", d[:59], d + "0", d[:59] + "x", "٠" + d[1:]} {
		if _, ok := NormalizeFingerprint(in); ok {
			t.Errorf("NormalizeFingerprint(%q) accepted", in)
		}
	}
}

func TestKeyFileRoundTripAndMode(t *testing.T) {
	dir := t.TempDir()
	id, err := LoadOrCreate(dir, "node-a")
	if err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(KeyFile(dir))
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Fatalf("key file mode %v, want 0600", st.Mode().Perm())
	}
	again, err := LoadOrCreate(dir, "node-a")
	if err != nil {
		t.Fatal(err)
	}
	if !again.Sign.Equal(id.Sign) || again.Age.String() != id.Age.String() {
		t.Fatal("second load made other keys")
	}
	if _, err := Load(KeyFile(dir), "node-b"); err == nil {
		t.Fatal("key file of another node accepted")
	}
	if runtime.GOOS != "windows" {
		os.Chmod(KeyFile(dir), 0o644)
		if _, err := Load(KeyFile(dir), "node-a"); !errors.Is(err, ErrKeyFileMode) {
			t.Fatalf("world-readable key file: %v", err)
		}
	}
	if _, err := os.Stat(KeyFile(dir) + ".tmp"); !os.IsNotExist(err) {
		t.Fatal("temporary key file left behind")
	}
}

func TestKeyFileMalformed(t *testing.T) {
	dir := t.TempDir()
	for _, body := range []string{"", "{", `{"format":"other"}`, `{"format":"hoanhap-keys-v1","node_id":"n","sign_seed":"AA==","age_identity":"x"}`} {
		p := filepath.Join(dir, "k.json")
		os.WriteFile(p, []byte(body), 0o600)
		if _, err := Load(p, "n"); err == nil {
			t.Errorf("malformed key file %q accepted", body)
		}
	}
}

func TestRotateKeepsOldAgeIdentity(t *testing.T) {
	id, _ := Generate("n")
	r, err := id.Rotate()
	if err != nil {
		t.Fatal(err)
	}
	if r.Sign.Equal(id.Sign) || r.Age.String() == id.Age.String() {
		t.Fatal("rotation kept a key")
	}
	if len(r.Retired) != 1 || r.Retired[0].String() != id.Age.String() {
		t.Fatal("old age identity not retired")
	}
	dir := t.TempDir()
	if err := Save(KeyFile(dir), r); err != nil {
		t.Fatal(err)
	}
	back, err := Load(KeyFile(dir), "n")
	if err != nil || len(back.Identities()) != 2 {
		t.Fatalf("reload after rotation: %v", err)
	}
	_ = ed25519.PublicKey(nil)
}
