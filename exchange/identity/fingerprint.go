package identity

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/binary"
	"errors"
	"strings"

	"filippo.io/age"
)

// FingerprintDigits is the number of digits of a fingerprint.
const FingerprintDigits = 60

// fingerprintDomain separates fingerprint hashing from every other use of
// SHA-256 in the application.
const fingerprintDomain = "hoanhap fingerprint v1"

// Fingerprint returns the 60-digit numeric fingerprint of a public identity,
// in twelve groups of five digits separated by spaces
// ("01234 56789 …"), for officers to read aloud or compare with the stamped
// enrolment form.
//
// Derivation (version 1), so that another implementation can check it:
//
//  1. seed = SHA-256(enc("hoanhap fingerprint v1") || enc(node id) ||
//     enc(Ed25519 public key, 32 raw bytes) || enc(age recipient text
//     "age1…", Bech32, lower case)), where enc(x) is the length of x as a
//     big-endian uint16 followed by the bytes of x. Every field is
//     length-prefixed, so no two identities share an encoding.
//  2. The seed is stretched into a byte stream: block k (k = 0, 1, …) is
//     SHA-256(seed || k as one byte).
//  3. Digits are drawn from the stream by rejection: a byte b < 250 gives
//     the digit b mod 10, a byte ≥ 250 is skipped. 250 is a multiple of 10,
//     so every digit is exactly uniform (no modulo bias). Sixty digits carry
//     about 199 bits.
func Fingerprint(p Public) (string, error) {
	sign, err := DecodeSignKey(p.SignKey)
	if err != nil {
		return "", err
	}
	if _, err := age.ParseX25519Recipient(p.AgeRecipient); err != nil {
		return "", errors.New("identity: malformed age recipient")
	}
	if p.NodeID == "" {
		return "", errors.New("identity: empty node id")
	}
	h := sha256.New()
	for _, field := range [][]byte{[]byte(fingerprintDomain), []byte(p.NodeID), sign, []byte(p.AgeRecipient)} {
		var n [2]byte
		binary.BigEndian.PutUint16(n[:], uint16(len(field)))
		h.Write(n[:])
		h.Write(field)
	}
	seed := h.Sum(nil)
	digits := make([]byte, 0, FingerprintDigits)
	for k := 0; len(digits) < FingerprintDigits; k++ {
		block := sha256.Sum256(append(append([]byte{}, seed...), byte(k)))
		for _, b := range block {
			if b >= 250 {
				continue
			}
			digits = append(digits, '0'+b%10)
			if len(digits) == FingerprintDigits {
				break
			}
		}
	}
	return groupDigits(string(digits)), nil
}

// groupDigits writes digits in groups of five separated by spaces.
func groupDigits(d string) string {
	var b strings.Builder
	for i := 0; i < len(d); i += 5 {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(d[i:min(i+5, len(d))])
	}
	return b.String()
}

// NormalizeFingerprint returns the 60 digits of a fingerprint as typed by a
// person: spaces, dashes and dots between the digits are ignored. It
// reports false when what remains is not exactly 60 digits.
func NormalizeFingerprint(s string) (string, bool) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == '.' || r == '\t':
		default:
			return "", false
		}
	}
	if b.Len() != FingerprintDigits {
		return "", false
	}
	return b.String(), true
}

// MatchFingerprint reports whether typed (as a person typed it) is the
// fingerprint of p.
func MatchFingerprint(p Public, typed string) bool {
	want, err := Fingerprint(p)
	if err != nil {
		return false
	}
	got, ok := NormalizeFingerprint(typed)
	if !ok {
		return false
	}
	w, _ := NormalizeFingerprint(want)
	return subtle.ConstantTimeCompare([]byte(w), []byte(got)) == 1
}
