// Package enrol writes and reads the small signed messages that set up and
// maintain trust between a ward and its office: the ward's enrolment
// request, the office's reply, a key change signed by the old key, and the
// office's revocation of a ward.
//
// A message is framed like a .hnx file but unencrypted (it holds public
// keys only):
//
//	magic "HNE\x00v1\r\n" | u32 big-endian body length (≤ 64 KiB) |
//	body JSON | Ed25519 signature (64 bytes) over magic+length+body
//
// An enrolment request or reply is signed by the key it carries: the
// signature proves possession of the key, and trust comes from the
// fingerprint the officers compare by phone or on the stamped form. A key
// change or revocation must be signed by a key the reader has pinned.
package enrol

import (
	"bytes"
	"crypto/ed25519"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"hoanhap/exchange/identity"
)

// Magic starts every message.
const Magic = "HNE\x00v1\r\n"

// MaxBody caps the body of a message.
const MaxBody = 64 << 10

// Kinds of message.
const (
	KindRequest    = "enrol_request"
	KindReply      = "enrol_reply"
	KindRotation   = "key_rotation"
	KindRevocation = "revocation"
)

// Unit names the unit a node serves.
type Unit struct {
	Name string `json:"name"`
	Kind string `json:"kind"` // ward or office
	Code string `json:"code"` // short name used in file names
}

// Message is any of the four messages.
type Message struct {
	Kind      string          `json:"kind"`
	Signer    string          `json:"signer"` // the Ed25519 public key that signed
	CreatedAt string          `json:"created_at"`
	From      identity.Public `json:"from"` // the node speaking (rotation: its old keys)
	Unit      Unit            `json:"unit"`
	// To is the ward a reply answers or a revocation revokes.
	To *identity.Public `json:"to,omitempty"`
	// NewKeys are the keys replacing From's in a key rotation.
	NewKeys *identity.Public `json:"new_keys,omitempty"`
	Reason  string           `json:"reason,omitempty"`
}

// Errors of Read.
var (
	ErrMalformed = errors.New("enrol: not a well-formed enrolment message")
	ErrSignature = errors.New("enrol: signature does not verify")
)

// Write signs m with key (which must be m.Signer's private half) and
// returns the message file.
func Write(m Message, key ed25519.PrivateKey) ([]byte, error) {
	m.Signer = identity.EncodeSignKey(key.Public().(ed25519.PublicKey))
	if err := m.check(); err != nil {
		return nil, err
	}
	body, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("enrol: write: %w", err)
	}
	if len(body) > MaxBody {
		return nil, fmt.Errorf("enrol: write: message too large")
	}
	out := append([]byte(Magic), binary.BigEndian.AppendUint32(nil, uint32(len(body)))...)
	out = append(out, body...)
	return append(out, ed25519.Sign(key, out)...), nil
}

// Read checks the framing, parses the body (at most 64 KiB), verifies the
// signature with the key the body names as signer and checks the fields of
// its kind. The caller still decides whether it trusts the signer:
// fingerprint for a request or reply, pinned key for the others.
func Read(data []byte) (Message, error) {
	var m Message
	pre := len(Magic) + 4
	if len(data) < pre+ed25519.SignatureSize || string(data[:len(Magic)]) != Magic {
		return m, ErrMalformed
	}
	n := binary.BigEndian.Uint32(data[len(Magic):pre])
	if n == 0 || n > MaxBody || int(n)+pre+ed25519.SignatureSize != len(data) {
		return m, ErrMalformed
	}
	signed, sig := data[:pre+int(n)], data[pre+int(n):]
	dec := json.NewDecoder(bytes.NewReader(signed[pre:]))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return Message{}, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return Message{}, ErrMalformed
	}
	key, err := identity.DecodeSignKey(m.Signer)
	if err != nil {
		return Message{}, ErrMalformed
	}
	if !ed25519.Verify(key, signed, sig) {
		return Message{}, ErrSignature
	}
	if err := m.check(); err != nil {
		return Message{}, err
	}
	return m, nil
}

// check verifies the fields each kind needs.
func (m Message) check() error {
	bad := func(what string) error { return fmt.Errorf("%w: %s", ErrMalformed, what) }
	if err := m.From.Validate(); err != nil {
		return bad("from")
	}
	if m.Signer != m.From.SignKey {
		return bad("not signed by the sender's key")
	}
	switch m.Kind {
	case KindRequest:
		if m.Unit.Kind != "ward" || m.To != nil || m.NewKeys != nil {
			return bad("request")
		}
	case KindReply:
		if m.Unit.Kind != "office" || m.To == nil || m.To.Validate() != nil || m.NewKeys != nil {
			return bad("reply")
		}
	case KindRotation:
		if m.NewKeys == nil || m.NewKeys.Validate() != nil || m.NewKeys.NodeID != m.From.NodeID || m.NewKeys.SignKey == m.From.SignKey {
			return bad("rotation")
		}
	case KindRevocation:
		if m.Unit.Kind != "office" || m.To == nil || m.To.Validate() != nil {
			return bad("revocation")
		}
	default:
		return bad("kind")
	}
	if m.Kind != KindRotation && (m.Unit.Name == "" || m.Unit.Code == "") {
		return bad("unit")
	}
	return nil
}
