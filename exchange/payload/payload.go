// Package payload writes and reads the plaintext inside a .hnx file:
// gzip-compressed JSON Lines.
//
//	{"line":"manifest","file_id":…,"sender":…,"recipient":…,"seq":…,"schema":…}
//	{"line":"op","op":"person.upsert","table":"person","id":…,"owner":…,"epoch":0,"ver":3,"data":{…}}
//	…
//	{"line":"end","count":N,"sha256":…}
//
// The manifest repeats the container header's channel fields and must equal
// them (sender and recipient are bound in both layers). The end line counts
// the operations and hashes their lines (SHA-256 over the bytes of every op
// line, newline included), so a payload cut short or spliced is refused.
// The reader caps the decompressed size, the line length and the number of
// operations, so a gzip bomb stops at the cap.
package payload

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
)

// Schema is the payload schema this build writes and reads.
const Schema = 1

// MinReaderSchema is the oldest schema able to read what this build writes.
const MinReaderSchema = 1

// Limits caps what a reader accepts.
type Limits struct {
	MaxBytes   int64 // decompressed payload
	MaxLine    int   // one JSON line
	MaxRecords int   // operations
}

// DefaultLimits fit a ward's complete register (100,000 people and a
// million visits fit with room) while stopping a gzip bomb.
var DefaultLimits = Limits{MaxBytes: 1 << 30, MaxLine: 1 << 20, MaxRecords: 5_000_000}

// Manifest is the first line.
type Manifest struct {
	FileID    string `json:"file_id"`
	Sender    string `json:"sender"`
	Recipient string `json:"recipient"`
	Seq       uint64 `json:"seq"`
	Schema    int    `json:"schema"`
}

// Op is one versioned operation.
type Op struct {
	Op    string          `json:"op"`              // person.upsert, visit.add, tombstone, ack, …
	Table string          `json:"table,omitempty"` // registry table name
	ID    string          `json:"id,omitempty"`    // record id
	Owner string          `json:"owner,omitempty"`
	Epoch int64           `json:"epoch,omitempty"`
	Ver   int64           `json:"ver,omitempty"`
	Data  json.RawMessage `json:"data,omitempty"`
}

type line struct {
	Line string `json:"line"`
	// manifest
	FileID    string `json:"file_id,omitempty"`
	Sender    string `json:"sender,omitempty"`
	Recipient string `json:"recipient,omitempty"`
	Seq       uint64 `json:"seq,omitempty"`
	Schema    int    `json:"schema,omitempty"`
	// op
	Op
	// end
	Count  int    `json:"count,omitempty"`
	SHA256 string `json:"sha256,omitempty"`
}

// Errors of Read.
var (
	ErrCorrupt  = errors.New("payload: malformed or cut short")
	ErrManifest = errors.New("payload: manifest does not match the header")
	ErrTooLarge = errors.New("payload: size over the limit")
)

// Writer writes a payload.
type Writer struct {
	gz    *gzip.Writer
	sum   hash.Hash
	count int
	buf   bytes.Buffer
	err   error
}

// NewWriter starts a payload on w with its manifest line.
func NewWriter(w io.Writer, m Manifest) (*Writer, error) {
	gz, err := gzip.NewWriterLevel(w, gzip.DefaultCompression)
	if err != nil {
		return nil, err
	}
	pw := &Writer{gz: gz, sum: sha256.New()}
	if err := pw.writeLine(line{Line: "manifest", FileID: m.FileID, Sender: m.Sender, Recipient: m.Recipient, Seq: m.Seq, Schema: m.Schema}, false); err != nil {
		return nil, err
	}
	return pw, nil
}

func (w *Writer) writeLine(l line, hashed bool) error {
	if w.err != nil {
		return w.err
	}
	w.buf.Reset()
	enc := json.NewEncoder(&w.buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(l); err != nil { // Encode ends the line with '\n'
		w.err = fmt.Errorf("payload: write: %w", err)
		return w.err
	}
	if hashed {
		w.sum.Write(w.buf.Bytes())
	}
	if _, err := w.gz.Write(w.buf.Bytes()); err != nil {
		w.err = fmt.Errorf("payload: write: %w", err)
	}
	return w.err
}

// Add writes one operation. Its data must be one valid JSON value (as
// json.Marshal gives): it is copied as is, not re-encoded, so that a file
// of a hundred thousand records is written fast; the reader checks it.
func (w *Writer) Add(op Op) error {
	if op.Op == "" {
		return errors.New("payload: write: operation without a name")
	}
	if w.err != nil {
		return w.err
	}
	data := op.Data
	op.Data = nil
	if bytes.ContainsAny(data, "\r\n") { // keep one operation per line
		var c bytes.Buffer
		if err := json.Compact(&c, data); err != nil {
			return fmt.Errorf("payload: write: %w", err)
		}
		data = c.Bytes()
	}
	w.buf.Reset()
	enc := json.NewEncoder(&w.buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(line{Line: "op", Op: op}); err != nil {
		w.err = fmt.Errorf("payload: write: %w", err)
		return w.err
	}
	if len(data) > 0 {
		b := bytes.TrimSuffix(w.buf.Bytes(), []byte("}\n"))
		w.buf.Truncate(len(b))
		w.buf.WriteString(`,"data":`)
		w.buf.Write(data)
		w.buf.WriteString("}\n")
	}
	w.sum.Write(w.buf.Bytes())
	if _, err := w.gz.Write(w.buf.Bytes()); err != nil {
		w.err = fmt.Errorf("payload: write: %w", err)
		return w.err
	}
	w.count++
	return nil
}

// Count returns the number of operations written so far.
func (w *Writer) Count() int { return w.count }

// Close writes the end line and finishes the gzip stream.
func (w *Writer) Close() error {
	if err := w.writeLine(line{Line: "end", Count: w.count, SHA256: hex.EncodeToString(w.sum.Sum(nil))}, false); err != nil {
		return err
	}
	return w.gz.Close()
}

// Read reads a payload from r, checks its manifest against want, and calls
// fn for every operation in order. It returns an error (and the caller
// rolls back what fn did) when the payload is malformed, cut short, over a
// limit, or its end line does not match.
func Read(r io.Reader, want Manifest, lim Limits, fn func(Op) error) error {
	gz, err := gzip.NewReader(r)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	gz.Multistream(false)
	lr := &capReader{r: gz, left: lim.MaxBytes}
	sc := bufio.NewScanner(lr)
	sc.Buffer(make([]byte, 0, 64<<10), lim.MaxLine)
	sum := sha256.New()
	n, state := 0, 0 // 0: want manifest, 1: ops, 2: after end
	for sc.Scan() {
		b := sc.Bytes()
		if state == 2 {
			return fmt.Errorf("%w: data after the end line", ErrCorrupt)
		}
		var l line
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&l); err != nil {
			if lr.left < 0 { // the scanner hands over the cut line before its error
				return fmt.Errorf("%w: more than %d bytes", ErrTooLarge, lim.MaxBytes)
			}
			return fmt.Errorf("%w: line %d: %v", ErrCorrupt, n+1+state, err)
		}
		if dec.More() {
			return fmt.Errorf("%w: line %d: trailing data", ErrCorrupt, n+1+state)
		}
		switch {
		case state == 0 && l.Line == "manifest":
			got := Manifest{FileID: l.FileID, Sender: l.Sender, Recipient: l.Recipient, Seq: l.Seq, Schema: l.Schema}
			if got != want {
				return ErrManifest
			}
			state = 1
		case state == 1 && l.Line == "op":
			if l.Op.Op == "" {
				return fmt.Errorf("%w: operation without a name", ErrCorrupt)
			}
			n++
			if n > lim.MaxRecords {
				return fmt.Errorf("%w: more than %d operations", ErrTooLarge, lim.MaxRecords)
			}
			sum.Write(b)
			sum.Write([]byte{'\n'})
			if err := fn(l.Op); err != nil {
				return err
			}
		case state == 1 && l.Line == "end":
			if l.Count != n || l.SHA256 != hex.EncodeToString(sum.Sum(nil)) {
				return fmt.Errorf("%w: end line does not match the operations", ErrCorrupt)
			}
			state = 2
		default:
			return fmt.Errorf("%w: unexpected %q line", ErrCorrupt, l.Line)
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) || errors.Is(err, ErrTooLarge) {
			return fmt.Errorf("%w: %v", ErrTooLarge, err)
		}
		return fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	if state != 2 {
		return fmt.Errorf("%w: no end line", ErrCorrupt)
	}
	return nil
}

// capReader fails once more than left bytes have been read.
type capReader struct {
	r    io.Reader
	left int64
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left < 0 {
		return 0, ErrTooLarge
	}
	if int64(len(p)) > c.left+1 {
		p = p[:c.left+1]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if c.left < 0 {
		return n, ErrTooLarge
	}
	return n, err
}
