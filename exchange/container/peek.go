package container

import "io"

// PeekHeader reads the header at the start of a file WITHOUT checking the
// signature: it only says which file the header claims to be (its id,
// channel and place), to list files before they are read. Nothing it
// returns may be trusted; Open is the only way to accept a file. It reads
// at most the prefix and MaxHeader bytes.
func PeekHeader(r io.Reader) (Header, error) {
	prefix := make([]byte, prefixSize)
	if _, err := io.ReadFull(r, prefix); err != nil {
		return Header{}, ErrTruncated
	}
	hl, err := headerLen(prefix)
	if err != nil {
		return Header{}, err
	}
	b := make([]byte, hl)
	if _, err := io.ReadFull(r, b); err != nil {
		return Header{}, ErrTruncated
	}
	return parseHeader(b)
}
