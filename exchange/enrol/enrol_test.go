package enrol

import (
	"bytes"
	"errors"
	"testing"

	"hoanhap/exchange/identity"
)

func gen(t testing.TB, node string) *identity.Identity {
	id, err := identity.Generate(node)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func messages(t testing.TB) (map[string][]byte, *identity.Identity) {
	ward, office := gen(t, "ward"), gen(t, "office")
	wp, op := ward.Public(), office.Public()
	newWard, _ := ward.Rotate()
	np := newWard.Public()
	ms := map[string]Message{
		KindRequest:    {Kind: KindRequest, From: wp, Unit: Unit{Name: "Phường Hòa Bình", Kind: "ward", Code: "PhuongHoaBinh"}},
		KindReply:      {Kind: KindReply, From: op, Unit: Unit{Name: "Công an tỉnh", Kind: "office", Code: "CongAnTinh"}, To: &wp},
		KindRotation:   {Kind: KindRotation, From: wp, NewKeys: &np},
		KindRevocation: {Kind: KindRevocation, From: op, Unit: Unit{Name: "Công an tỉnh", Kind: "office", Code: "CongAnTinh"}, To: &wp, Reason: "test"},
	}
	out := map[string][]byte{}
	for k, m := range ms {
		key := ward.Sign
		if m.From.NodeID == "office" {
			key = office.Sign
		}
		data, err := Write(m, key)
		if err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		out[k] = data
	}
	return out, ward
}

func TestRoundTripEveryKind(t *testing.T) {
	files, _ := messages(t)
	for kind, data := range files {
		m, err := Read(data)
		if err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		if m.Kind != kind {
			t.Errorf("read %s as %s", kind, m.Kind)
		}
	}
}

func TestDamageRefused(t *testing.T) {
	files, _ := messages(t)
	data := files[KindRequest]
	for i := range data {
		bad := bytes.Clone(data)
		bad[i] ^= 0x20
		if _, err := Read(bad); err == nil {
			t.Fatalf("flipped byte at %d accepted", i)
		}
	}
	for n := 0; n < len(data); n++ {
		if _, err := Read(data[:n]); err == nil {
			t.Fatalf("cut at %d accepted", n)
		}
	}
}

func TestSignedByAnotherKeyRefused(t *testing.T) {
	ward, other := gen(t, "ward"), gen(t, "other")
	m := Message{Kind: KindRequest, From: ward.Public(), Unit: Unit{Name: "x", Kind: "ward", Code: "x"}}
	if _, err := Write(m, other.Sign); !errors.Is(err, ErrMalformed) {
		t.Fatalf("request signed by a key it does not carry: %v", err)
	}
	// Kinds with missing parts.
	if _, err := Write(Message{Kind: KindReply, From: ward.Public(), Unit: Unit{Name: "x", Kind: "office", Code: "x"}}, ward.Sign); err == nil {
		t.Fatal("reply without the ward it answers accepted")
	}
	if _, err := Write(Message{Kind: "hello", From: ward.Public(), Unit: Unit{Name: "x", Kind: "ward", Code: "x"}}, ward.Sign); err == nil {
		t.Fatal("unknown kind accepted")
	}
}

func FuzzRead(f *testing.F) {
	files, _ := messages(f)
	for _, d := range files {
		f.Add(d)
	}
	f.Add([]byte(Magic))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Read(data)
		if err != nil {
			return
		}
		if m.Signer != m.From.SignKey {
			t.Fatal("accepted a message not signed by its sender")
		}
	})
}
