package payload

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
)

var man = Manifest{FileID: "f1", Sender: "ward", Recipient: "office", Seq: 3, Schema: Schema}

func build(t testing.TB, ops ...Op) []byte {
	var b bytes.Buffer
	w, err := NewWriter(&b, man)
	if err != nil {
		t.Fatal(err)
	}
	for _, op := range ops {
		if err := w.Add(op); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func gz(s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

func readAll(data []byte, lim Limits) ([]Op, error) {
	var ops []Op
	err := Read(bytes.NewReader(data), man, lim, func(op Op) error { ops = append(ops, op); return nil })
	return ops, err
}

func sampleOps() []Op {
	return []Op{
		{Op: "person.upsert", Table: "person", ID: "p1", Owner: "ward", Ver: 2, Data: json.RawMessage(`{"full_name":"Nguyễn Văn Đức"}`)},
		{Op: "visit.add", Table: "visit", ID: "v1", Owner: "ward", Ver: 1, Data: json.RawMessage(`{"person_id":"p1"}`)},
		{Op: "ack", Data: json.RawMessage(`{"upto":2}`)},
	}
}

func TestRoundTrip(t *testing.T) {
	want := sampleOps()
	got, err := readAll(build(t, want...), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("got %d ops", len(got))
	}
	for i := range want {
		if got[i].Op != want[i].Op || got[i].ID != want[i].ID || got[i].Ver != want[i].Ver || !bytes.Equal(got[i].Data, want[i].Data) {
			t.Errorf("op %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	if ops, err := readAll(build(t), DefaultLimits); err != nil || len(ops) != 0 {
		t.Fatalf("empty payload: %v %v", ops, err)
	}
}

func TestManifestMustEqualHeader(t *testing.T) {
	data := build(t, sampleOps()...)
	for name, m := range map[string]Manifest{
		"sender":    {FileID: "f1", Sender: "ward-b", Recipient: "office", Seq: 3, Schema: Schema},
		"recipient": {FileID: "f1", Sender: "ward", Recipient: "office-b", Seq: 3, Schema: Schema},
		"seq":       {FileID: "f1", Sender: "ward", Recipient: "office", Seq: 4, Schema: Schema},
		"schema":    {FileID: "f1", Sender: "ward", Recipient: "office", Seq: 3, Schema: Schema + 1},
		"file id":   {FileID: "f2", Sender: "ward", Recipient: "office", Seq: 3, Schema: Schema},
	} {
		err := Read(bytes.NewReader(data), m, DefaultLimits, func(Op) error { return nil })
		if !errors.Is(err, ErrManifest) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestTruncatedAtEveryLength(t *testing.T) {
	data := build(t, sampleOps()...)
	for n := 0; n < len(data); n++ {
		if _, err := readAll(data[:n], DefaultLimits); err == nil {
			t.Fatalf("payload cut to %d of %d bytes accepted", n, len(data))
		}
	}
}

func TestStructureRefused(t *testing.T) {
	m := `{"line":"manifest","file_id":"f1","sender":"ward","recipient":"office","seq":3,"schema":1}` + "\n"
	op := `{"line":"op","op":"x"}` + "\n"
	cases := map[string]string{
		"no manifest":      op,
		"no end":           m + op,
		"wrong count":      m + op + `{"line":"end","count":2,"sha256":""}` + "\n",
		"wrong hash":       m + op + `{"line":"end","count":1,"sha256":"00"}` + "\n",
		"after end":        m + `{"line":"end","count":0,"sha256":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}` + "\n" + op,
		"unknown field":    m + `{"line":"op","op":"x","evil":1}` + "\n",
		"op without name":  m + `{"line":"op"}` + "\n",
		"two manifests":    m + m,
		"not json":         m + "hello\n",
		"two values":       m + `{"line":"op","op":"x"} {}` + "\n",
		"not gzip (plain)": "",
	}
	for name, body := range cases {
		data := gz(body)
		if name == "not gzip (plain)" {
			data = []byte(m)
		}
		if _, err := readAll(data, DefaultLimits); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	// The valid empty payload for comparison.
	good := m + `{"line":"end","count":0,"sha256":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}` + "\n"
	if _, err := readAll(gz(good), DefaultLimits); err != nil {
		t.Fatalf("valid hand-written payload refused: %v", err)
	}
}

// TestGzipBombCapped: a 1 GiB line of zeros (about 1 MB compressed) stops at
// the line cap; many short lines stop at the size cap; many operations stop
// at the record cap. None decompresses past its cap.
func TestGzipBombCapped(t *testing.T) {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	zero := make([]byte, 1<<20)
	for i := 0; i < 64; i++ { // 64 MiB is enough to pass the 1 MiB line cap
		w.Write(zero)
	}
	w.Close()
	if _, err := readAll(b.Bytes(), DefaultLimits); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("one huge line: %v", err)
	}

	m := `{"line":"manifest","file_id":"f1","sender":"ward","recipient":"office","seq":3,"schema":1}` + "\n"
	lots := m + strings.Repeat(`{"line":"op","op":"x"}`+"\n", 20000)
	calls := 0
	err := Read(bytes.NewReader(gz(lots)), man, Limits{MaxBytes: 100_000, MaxLine: 1 << 20, MaxRecords: 1 << 20},
		func(Op) error { calls++; return nil })
	if !errors.Is(err, ErrTooLarge) || calls > 100_000/20 {
		t.Fatalf("size cap: %v after %d ops", err, calls)
	}
	_, err = readAll(gz(lots), Limits{MaxBytes: 1 << 30, MaxLine: 1 << 20, MaxRecords: 10})
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("record cap: %v", err)
	}
}

func TestCallbackErrorStops(t *testing.T) {
	stop := fmt.Errorf("stop")
	n := 0
	err := Read(bytes.NewReader(build(t, sampleOps()...)), man, DefaultLimits, func(Op) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Fatalf("err %v after %d ops", err, n)
	}
}

// FuzzRead: Read never panics and never calls fn after failing; what it
// accepts re-encodes to a payload it accepts again with the same ops.
func FuzzRead(f *testing.F) {
	f.Add(build(f, sampleOps()...))
	f.Add(build(f))
	f.Add(gz(`{"line":"manifest","file_id":"f1","sender":"ward","recipient":"office","seq":3,"schema":1}` + "\n"))
	f.Add([]byte{})
	f.Add(gz("\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lim := Limits{MaxBytes: 1 << 20, MaxLine: 64 << 10, MaxRecords: 1000}
		var ops []Op
		err := Read(bytes.NewReader(data), man, lim, func(op Op) error { ops = append(ops, op); return nil })
		if err != nil {
			return
		}
		again, err := readAll(build(t, ops...), lim)
		if err != nil || len(again) != len(ops) {
			t.Fatalf("accepted payload does not round-trip: %v", err)
		}
	})
}

// TestAddKeepsOneOperationPerLine: data spread over lines is compacted,
// data that is not JSON is refused.
func TestAddKeepsOneOperationPerLine(t *testing.T) {
	ops := []Op{{Op: "x", Data: json.RawMessage("{\n  \"a\": 1\n}")}}
	got, err := readAll(build(t, ops...), DefaultLimits)
	if err != nil || len(got) != 1 || string(got[0].Data) != `{"a":1}` {
		t.Fatalf("multi-line data: %v %v", got, err)
	}
	var b bytes.Buffer
	w, _ := NewWriter(&b, man)
	if err := w.Add(Op{Op: "x", Data: json.RawMessage("{\n")}); err == nil {
		t.Fatal("malformed multi-line data accepted")
	}
}
