package container

import (
	"bytes"
	"crypto/ed25519"
	"encoding/binary"
	"encoding/json"
	"errors"
	"io"
	"testing"

	"filippo.io/age"

	"hoanhap/exchange/identity"
)

type party struct {
	id *identity.Identity
}

func newParty(t testing.TB, node string) party {
	id, err := identity.Generate(node)
	if err != nil {
		t.Fatal(err)
	}
	return party{id}
}

func (p party) pub() ed25519.PublicKey { return p.id.Sign.Public().(ed25519.PublicKey) }

func header(from, to party, seq uint64, prev string) Header {
	return Header{
		FileID:          "0190a000-0000-7000-8000-0000000000aa",
		Kind:            KindSync,
		Sender:          from.id.NodeID,
		SenderKey:       from.id.Public().SignKey,
		Recipient:       to.id.NodeID,
		RecipientKey:    to.id.Public().AgeRecipient,
		ChannelSeq:      seq,
		PrevFileSHA256:  prev,
		CreatedHLC:      "1733300000000-00000-" + from.id.NodeID,
		Schema:          1,
		MinReaderSchema: 1,
	}
}

func seal(t testing.TB, from, to party, plain []byte) []byte {
	data, err := Seal(header(from, to, 1, ""), plain, to.id.Age.Recipient(), from.id.Sign)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func openAndRead(data []byte, keys []ed25519.PublicKey, ids ...age.Identity) ([]byte, error) {
	o, err := Open(data, keys)
	if err != nil {
		return nil, err
	}
	r, err := o.Decrypt(ids...)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

func TestRoundTrip(t *testing.T) {
	ward, office, other := newParty(t, "ward"), newParty(t, "office"), newParty(t, "other")
	plain := []byte("hello office")
	data := seal(t, ward, office, plain)
	o, err := Open(data, []ed25519.PublicKey{other.pub(), ward.pub()})
	if err != nil {
		t.Fatal(err)
	}
	if o.Signer != 1 || o.Header.Sender != "ward" || o.Header.CtLen <= 0 {
		t.Fatalf("opened %+v", o.Header)
	}
	got, err := openAndRead(data, []ed25519.PublicKey{ward.pub()}, office.id.Age)
	if err != nil || !bytes.Equal(got, plain) {
		t.Fatalf("read %q, %v", got, err)
	}
	if _, err := openAndRead(data, []ed25519.PublicKey{ward.pub()}, other.id.Age); !errors.Is(err, ErrDecrypt) {
		t.Fatalf("decrypt with another node's key: %v", err)
	}
}

func TestUnknownSigner(t *testing.T) {
	ward, office, other := newParty(t, "ward"), newParty(t, "office"), newParty(t, "other")
	data := seal(t, ward, office, []byte("x"))
	if _, err := Open(data, []ed25519.PublicKey{other.pub()}); !errors.Is(err, ErrSignature) {
		t.Fatalf("unknown signer: %v", err)
	}
	if _, err := Open(data, nil); !errors.Is(err, ErrSignature) {
		t.Fatalf("no keys: %v", err)
	}
	if h, ok := SelfSigned(data); !ok || h.Sender != "ward" {
		t.Fatal("self-signed file not recognised")
	}
}

// TestSignedByAnotherKeyThanNamed: a ward re-signs a file whose header
// names another ward's key.
func TestSignedByAnotherKeyThanNamed(t *testing.T) {
	ward, office, other := newParty(t, "ward"), newParty(t, "office"), newParty(t, "other")
	h := header(ward, office, 1, "")
	data, err := Assemble(h, []byte("ct"), other.id.Sign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(data, []ed25519.PublicKey{ward.pub(), other.pub()}); !errors.Is(err, ErrWrongSigner) {
		t.Fatalf("re-signed file: %v", err)
	}
}

func TestFlippedByteAtEveryOffset(t *testing.T) {
	ward, office := newParty(t, "ward"), newParty(t, "office")
	data := seal(t, ward, office, []byte("small payload"))
	keys := []ed25519.PublicKey{ward.pub()}
	for i := range data {
		bad := bytes.Clone(data)
		bad[i] ^= 0x01
		if _, err := openAndRead(bad, keys, office.id.Age); err == nil {
			t.Fatalf("flipped byte at offset %d of %d accepted", i, len(data))
		}
	}
}

func TestTruncationAtEveryLength(t *testing.T) {
	ward, office := newParty(t, "ward"), newParty(t, "office")
	data := seal(t, ward, office, []byte("small payload"))
	keys := []ed25519.PublicKey{ward.pub()}
	for n := 0; n < len(data); n++ {
		if _, err := openAndRead(data[:n], keys, office.id.Age); err == nil {
			t.Fatalf("file truncated to %d of %d bytes accepted", n, len(data))
		}
	}
	if _, err := Open(nil, keys); !errors.Is(err, ErrTruncated) {
		t.Fatalf("empty file: %v", err)
	}
	if _, err := Open(append(bytes.Clone(data), 0), keys); err == nil {
		t.Fatal("file with a trailing byte accepted")
	}
}

func TestHugeHeaderCapped(t *testing.T) {
	ward := newParty(t, "ward")
	data := []byte(Magic)
	data = binary.BigEndian.AppendUint32(data, MaxHeader+1)
	data = append(data, make([]byte, 200)...)
	if _, err := Open(data, []ed25519.PublicKey{ward.pub()}); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("huge header length: %v", err)
	}
	big := AssembleRaw(bytes.Repeat([]byte{' '}, MaxHeader+1), nil, ward.id.Sign)
	if _, err := Open(big, []ed25519.PublicKey{ward.pub()}); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("huge signed header: %v", err)
	}
	if _, err := ReadFile(io.LimitReader(zeros{}, int64(MaxFile)+10)); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("huge file: %v", err)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

func TestBadMagic(t *testing.T) {
	ward, office := newParty(t, "ward"), newParty(t, "office")
	data := seal(t, ward, office, []byte("x"))
	copy(data, "HNX\x00v1\n\n") // line ends rewritten in transit
	if _, err := Open(data, []ed25519.PublicKey{ward.pub()}); !errors.Is(err, ErrMagic) {
		t.Fatalf("bad magic: %v", err)
	}
}

// TestHeaderChecks: a correctly signed header with a bad field is refused.
func TestHeaderChecks(t *testing.T) {
	ward, office := newParty(t, "ward"), newParty(t, "office")
	good := header(ward, office, 2, "aa00000000000000000000000000000000000000000000000000000000000000")
	cases := map[string]func(h *Header){
		"file id not v7":      func(h *Header) { h.FileID = "0190a000-0000-4000-8000-0000000000aa" },
		"kind":                func(h *Header) { h.Kind = "other" },
		"no sender":           func(h *Header) { h.Sender = "" },
		"to itself":           func(h *Header) { h.Recipient = h.Sender },
		"seq zero":            func(h *Header) { h.ChannelSeq = 0 },
		"seq 2 without prev":  func(h *Header) { h.PrevFileSHA256 = "" },
		"seq 1 with prev":     func(h *Header) { h.ChannelSeq = 1 },
		"prev not hex":        func(h *Header) { h.PrevFileSHA256 = "zz" },
		"schema zero":         func(h *Header) { h.Schema = 0 },
		"min reader > schema": func(h *Header) { h.MinReaderSchema = 2 },
		"recipient key":       func(h *Header) { h.RecipientKey = "age1nope" },
	}
	for name, mutate := range cases {
		h := good
		mutate(&h)
		data, err := Assemble(h, []byte("ct"), ward.id.Sign)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Open(data, []ed25519.PublicKey{ward.pub()}); !errors.Is(err, ErrHeader) {
			t.Errorf("%s: %v", name, err)
		}
	}
	// Unknown fields and trailing data in a signed header.
	hj, _ := json.Marshal(good)
	for name, raw := range map[string][]byte{
		"unknown field": append(bytes.TrimSuffix(hj, []byte("}")), []byte(`,"x":1}`)...),
		"trailing":      append(bytes.Clone(hj), []byte(` {}`)...),
	} {
		if _, err := Open(AssembleRaw(raw, nil, ward.id.Sign), []ed25519.PublicKey{ward.pub()}); !errors.Is(err, ErrHeader) {
			t.Errorf("%s: %v", name, err)
		}
	}
	// A header whose ct_len or ct_sha256 does not match.
	data, _ := Assemble(good, []byte("ct"), ward.id.Sign)
	h := good
	h.CtLen, h.CtSHA256 = 2, "00"+string(bytes.Repeat([]byte("0"), 62))
	hj, _ = json.Marshal(h)
	if _, err := Open(AssembleRaw(hj, []byte("ct"), ward.id.Sign), []ed25519.PublicKey{ward.pub()}); !errors.Is(err, ErrCiphertext) {
		t.Errorf("wrong ct hash: %v", err)
	}
	if _, err := Open(data, []ed25519.PublicKey{ward.pub()}); err != nil {
		t.Errorf("good header refused: %v", err)
	}
}

// FuzzOpen: Open never panics, and whatever it accepts is signed by the
// given key with a consistent header.
func FuzzOpen(f *testing.F) {
	ward, office := newParty(f, "ward"), newParty(f, "office")
	// Fixed keys would make the corpus reproducible; the seeds' value is in
	// their structure, so fresh keys are fine as long as the signing key is
	// the one Open checks.
	good := seal(f, ward, office, []byte("seed payload"))
	f.Add(good)
	f.Add(good[:len(good)-1])
	f.Add([]byte(Magic))
	f.Add([]byte{})
	f.Add(AssembleRaw([]byte("{}"), nil, ward.id.Sign))
	keys := []ed25519.PublicKey{ward.pub()}
	f.Fuzz(func(t *testing.T, data []byte) {
		o, err := Open(data, keys)
		if err != nil {
			return
		}
		if o.Header.SenderKey != ward.id.Public().SignKey || o.Header.CtLen != int64(len(o.ciphertext)) {
			t.Fatalf("accepted an inconsistent file: %+v", o.Header)
		}
		if r, err := o.Decrypt(office.id.Age); err == nil {
			io.Copy(io.Discard, r)
		}
	})
}
