package main

import (
	"bytes"
	"io"

	"golang.org/x/text/unicode/norm"

	"hoanhap/i18n"
)

// maxInput caps the JSON a command reads from standard input.
const maxInput = 1 << 20

// readInput reads a command's whole JSON input, at most maxInput bytes,
// normalised to NFC (Unikey's "Unicode tổ hợp" writes decomposed text).
// Empty input is an error with the message empty, which says what the
// command expects.
func readInput(r io.Reader, empty string) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxInput {
		return nil, textError(i18n.T("cli.person.input_too_large"))
	}
	b = norm.NFC.Bytes(b)
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, textError(empty)
	}
	return b, nil
}
