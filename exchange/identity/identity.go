// Package identity holds an installation's sync identity: its permanent node
// id, an Ed25519 signing key and an age X25519 identity, the key file that
// keeps the private halves in the data folder, and the 60-digit numeric
// fingerprint that officers compare by phone or on the stamped enrolment
// form.
package identity

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"

	"filippo.io/age"
)

// Public is what a peer pins: a node id and the two public keys.
type Public struct {
	NodeID       string `json:"node_id"`
	SignKey      string `json:"sign_key"`      // Ed25519 public key, standard base64 (32 bytes)
	AgeRecipient string `json:"age_recipient"` // age X25519 recipient, "age1…"
}

// Identity is this installation's own keys.
type Identity struct {
	NodeID string
	Sign   ed25519.PrivateKey
	Age    *age.X25519Identity
	// Retired lists earlier age identities kept after a key rotation, so
	// that files already on their way to the old key still decrypt.
	Retired []*age.X25519Identity
}

// Generate makes a new identity for node.
func Generate(node string) (*Identity, error) {
	if node == "" {
		return nil, errors.New("identity: empty node id")
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("identity: generate signing key: %w", err)
	}
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, fmt.Errorf("identity: generate age identity: %w", err)
	}
	return &Identity{NodeID: node, Sign: priv, Age: id}, nil
}

// Public returns the public half of the identity.
func (i *Identity) Public() Public {
	return Public{
		NodeID:       i.NodeID,
		SignKey:      EncodeSignKey(i.Sign.Public().(ed25519.PublicKey)),
		AgeRecipient: i.Age.Recipient().String(),
	}
}

// Identities returns every age identity able to decrypt files sent to this
// node: the current one first, then the retired ones.
func (i *Identity) Identities() []age.Identity {
	ids := []age.Identity{i.Age}
	for _, r := range i.Retired {
		ids = append(ids, r)
	}
	return ids
}

// Fingerprint returns the fingerprint of the public identity.
func (i *Identity) Fingerprint() (string, error) { return Fingerprint(i.Public()) }

// EncodeSignKey encodes an Ed25519 public key as text (standard base64).
func EncodeSignKey(k ed25519.PublicKey) string { return base64.StdEncoding.EncodeToString(k) }

// DecodeSignKey parses a public key written by EncodeSignKey.
func DecodeSignKey(s string) (ed25519.PublicKey, error) {
	b, err := base64.StdEncoding.Strict().DecodeString(s)
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil, errors.New("identity: malformed signing key")
	}
	return ed25519.PublicKey(b), nil
}

// Validate checks that both public keys parse.
func (p Public) Validate() error {
	if p.NodeID == "" {
		return errors.New("identity: empty node id")
	}
	if _, err := DecodeSignKey(p.SignKey); err != nil {
		return err
	}
	if _, err := age.ParseX25519Recipient(p.AgeRecipient); err != nil {
		return fmt.Errorf("identity: malformed age recipient: %w", err)
	}
	return nil
}
