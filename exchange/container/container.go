// Package container reads and writes the .hnx sync file: a signed header
// and an age-encrypted payload.
//
//	magic "HNX\x00v1\r\n" (8 bytes)
//	u32 big-endian length of the header (1 … 64 KiB)
//	header JSON (see Header)
//	age ciphertext (ct_len bytes, SHA-256 ct_sha256)
//	Ed25519 signature (64 bytes) over magic+length+header
//
// The signature covers the header, and the header carries the length and
// hash of the ciphertext, so one signature authenticates the whole file.
// A reader verifies the signature, then the ciphertext length and hash,
// before it decrypts or parses anything else: Open is the only way to get
// an Opened file, and only an Opened file can be decrypted.
package container

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"

	"filippo.io/age"

	"hoanhap/exchange/identity"
)

// Magic starts every .hnx file; "\r\n" catches a transfer that rewrote line ends.
const Magic = "HNX\x00v1\r\n"

// Size limits. A reader refuses anything larger before reading it.
const (
	MaxHeader     = 64 << 10  // header JSON
	MaxCiphertext = 256 << 20 // age ciphertext
	SignatureSize = ed25519.SignatureSize
	prefixSize    = len(Magic) + 4
	// MaxFile is the largest possible .hnx file.
	MaxFile = prefixSize + MaxHeader + MaxCiphertext + SignatureSize
)

// Kinds of file.
const (
	KindSync = "sync" // records, acks and orders between a ward and its office
)

// Header is the signed, unencrypted part of a file. It names the channel
// (sender → recipient, seq, hash of the previous file) so that a reader can
// check where a file belongs before decrypting it.
type Header struct {
	FileID          string `json:"file_id"` // UUIDv7
	Kind            string `json:"kind"`
	Sender          string `json:"sender"`        // node id
	SenderKey       string `json:"sender_key"`    // Ed25519 public key that signed the file
	Recipient       string `json:"recipient"`     // node id
	RecipientKey    string `json:"recipient_key"` // age recipient the payload is encrypted to
	ChannelSeq      uint64 `json:"channel_seq"`   // 1, 2, … per direction
	PrevFileSHA256  string `json:"prev_file_sha256"`
	CreatedHLC      string `json:"created_hlc"`
	Schema          int    `json:"schema"`            // payload schema of the writer
	MinReaderSchema int    `json:"min_reader_schema"` // oldest payload schema able to read it
	CtLen           int64  `json:"ct_len"`
	CtSHA256        string `json:"ct_sha256"`
}

// Errors of Open, from the outside in.
var (
	ErrTruncated   = errors.New("container: file truncated or empty")
	ErrMagic       = errors.New("container: not a sync file")
	ErrTooLarge    = errors.New("container: size over the limit")
	ErrSignature   = errors.New("container: signature does not verify with any enrolled key")
	ErrHeader      = errors.New("container: malformed header")
	ErrCiphertext  = errors.New("container: ciphertext length or hash does not match the header")
	ErrDecrypt     = errors.New("container: cannot decrypt the payload with this node's keys")
	ErrWrongSigner = errors.New("container: header names another key than the one that signed")
)

var (
	uuidV7 = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	hex64  = regexp.MustCompile(`^[0-9a-f]{64}$`)
)

// Seal encrypts plaintext to recipient, fills h.CtLen and h.CtSHA256, signs
// and returns the whole file.
func Seal(h Header, plaintext []byte, recipient age.Recipient, sign ed25519.PrivateKey) ([]byte, error) {
	var ct bytes.Buffer
	w, err := age.Encrypt(&ct, recipient)
	if err != nil {
		return nil, fmt.Errorf("container: seal: %w", err)
	}
	if _, err := w.Write(plaintext); err != nil {
		return nil, fmt.Errorf("container: seal: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("container: seal: %w", err)
	}
	return Assemble(h, ct.Bytes(), sign)
}

// Assemble signs a header over already encrypted bytes and returns the
// file. Tests use it to build files a correct writer would never make.
func Assemble(h Header, ciphertext []byte, sign ed25519.PrivateKey) ([]byte, error) {
	if len(ciphertext) > MaxCiphertext {
		return nil, ErrTooLarge
	}
	sum := sha256.Sum256(ciphertext)
	h.CtLen = int64(len(ciphertext))
	h.CtSHA256 = hex.EncodeToString(sum[:])
	hj, err := json.Marshal(h)
	if err != nil {
		return nil, fmt.Errorf("container: seal: %w", err)
	}
	if len(hj) > MaxHeader {
		return nil, ErrTooLarge
	}
	return AssembleRaw(hj, ciphertext, sign), nil
}

// AssembleRaw frames and signs raw header bytes, unchecked (for tests of
// hostile files).
func AssembleRaw(header, ciphertext []byte, sign ed25519.PrivateKey) []byte {
	out := make([]byte, 0, prefixSize+len(header)+len(ciphertext)+SignatureSize)
	out = append(out, Magic...)
	out = binary.BigEndian.AppendUint32(out, uint32(len(header)))
	out = append(out, header...)
	signed := out[:len(out):len(out)]
	out = append(out, ciphertext...)
	return append(out, ed25519.Sign(sign, signed)...)
}

// frame is the structure of a file, not yet trusted.
type frame struct {
	signed     []byte // magic+length+header
	header     []byte
	ciphertext []byte
	signature  []byte
}

// headerLen reads the prefix (magic, header length) and checks the length
// against its cap.
func headerLen(prefix []byte) (int, error) {
	if string(prefix[:len(Magic)]) != Magic {
		return 0, ErrMagic
	}
	hl := binary.BigEndian.Uint32(prefix[len(Magic):prefixSize])
	if hl == 0 || hl > MaxHeader {
		return 0, ErrTooLarge
	}
	return int(hl), nil
}

// split checks the structure only: magic, header length within its cap,
// room for the signature.
func split(data []byte) (frame, error) {
	if len(data) < prefixSize+1+SignatureSize {
		if len(data) >= len(Magic) && string(data[:len(Magic)]) != Magic {
			return frame{}, ErrMagic
		}
		return frame{}, ErrTruncated
	}
	if string(data[:len(Magic)]) != Magic {
		return frame{}, ErrMagic
	}
	if len(data) > MaxFile {
		return frame{}, ErrTooLarge
	}
	hl, err := headerLen(data[:prefixSize])
	if err != nil {
		return frame{}, err
	}
	end := prefixSize + hl
	if end+SignatureSize > len(data) {
		return frame{}, ErrTruncated
	}
	return frame{
		signed:     data[:end],
		header:     data[prefixSize:end],
		ciphertext: data[end : len(data)-SignatureSize],
		signature:  data[len(data)-SignatureSize:],
	}, nil
}

// Opened is a file whose signature, header and ciphertext hash verified.
type Opened struct {
	Header Header
	// Signer is the index, in the keys given to Open, of the key that
	// signed the file.
	Signer int
	// SHA256 is the hash of the whole file (the channel chains on it).
	SHA256     [32]byte
	ciphertext []byte
}

// Open checks a file: structure, then the signature against each of keys
// (the enrolled peers' keys; a few hundred at most), then the header, then
// the ciphertext's length and hash. Nothing is decrypted or parsed before
// the signature verifies.
func Open(data []byte, keys []ed25519.PublicKey) (*Opened, error) {
	f, err := split(data)
	if err != nil {
		return nil, err
	}
	signer := -1
	for i, k := range keys {
		if len(k) == ed25519.PublicKeySize && ed25519.Verify(k, f.signed, f.signature) {
			signer = i
			break
		}
	}
	if signer < 0 {
		return nil, ErrSignature
	}
	h, err := parseHeader(f.header)
	if err != nil {
		return nil, err
	}
	if h.SenderKey != identity.EncodeSignKey(keys[signer]) {
		return nil, ErrWrongSigner
	}
	if h.CtLen != int64(len(f.ciphertext)) {
		return nil, ErrCiphertext
	}
	sum := sha256.Sum256(f.ciphertext)
	if hex.EncodeToString(sum[:]) != h.CtSHA256 {
		return nil, ErrCiphertext
	}
	return &Opened{Header: h, Signer: signer, SHA256: sha256.Sum256(data), ciphertext: f.ciphertext}, nil
}

// SelfSigned reports whether data is structurally a file signed by the key
// its own header names. It trusts nothing and serves only to word a
// rejection: "from a node that is not enrolled" rather than "damaged".
func SelfSigned(data []byte) (Header, bool) {
	f, err := split(data)
	if err != nil {
		return Header{}, false
	}
	h, err := parseHeader(f.header)
	if err != nil {
		return Header{}, false
	}
	k, err := identity.DecodeSignKey(h.SenderKey)
	if err != nil || !ed25519.Verify(k, f.signed, f.signature) {
		return Header{}, false
	}
	return h, true
}

// parseHeader decodes and checks the header JSON strictly: no unknown
// field, no trailing data, every field well formed.
func parseHeader(b []byte) (Header, error) {
	var h Header
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&h); err != nil {
		return Header{}, fmt.Errorf("%w: %v", ErrHeader, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return Header{}, fmt.Errorf("%w: trailing data", ErrHeader)
	}
	switch {
	case !uuidV7.MatchString(h.FileID):
		return Header{}, fmt.Errorf("%w: file_id", ErrHeader)
	case h.Kind != KindSync:
		return Header{}, fmt.Errorf("%w: kind %q", ErrHeader, h.Kind)
	case h.Sender == "" || h.Recipient == "" || h.Sender == h.Recipient:
		return Header{}, fmt.Errorf("%w: sender or recipient", ErrHeader)
	case h.ChannelSeq == 0:
		return Header{}, fmt.Errorf("%w: channel_seq", ErrHeader)
	case h.PrevFileSHA256 != "" && !hex64.MatchString(h.PrevFileSHA256):
		return Header{}, fmt.Errorf("%w: prev_file_sha256", ErrHeader)
	case (h.ChannelSeq == 1) != (h.PrevFileSHA256 == ""):
		return Header{}, fmt.Errorf("%w: prev_file_sha256 and channel_seq disagree", ErrHeader)
	case h.Schema < 1 || h.MinReaderSchema < 1 || h.MinReaderSchema > h.Schema:
		return Header{}, fmt.Errorf("%w: schema", ErrHeader)
	case h.CtLen < 0 || h.CtLen > MaxCiphertext || !hex64.MatchString(h.CtSHA256):
		return Header{}, fmt.Errorf("%w: ciphertext fields", ErrHeader)
	}
	if _, err := identity.DecodeSignKey(h.SenderKey); err != nil {
		return Header{}, fmt.Errorf("%w: sender_key", ErrHeader)
	}
	if _, err := age.ParseX25519Recipient(h.RecipientKey); err != nil {
		return Header{}, fmt.Errorf("%w: recipient_key", ErrHeader)
	}
	return h, nil
}

// Decrypt returns the plaintext reader of an opened file.
func (o *Opened) Decrypt(ids ...age.Identity) (io.Reader, error) {
	r, err := age.Decrypt(bytes.NewReader(o.ciphertext), ids...)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDecrypt, err)
	}
	return r, nil
}

// ReadFile reads a file from r, refusing more than MaxFile bytes.
func ReadFile(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, int64(MaxFile)+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFile {
		return nil, ErrTooLarge
	}
	return data, nil
}
