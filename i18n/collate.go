package i18n

import (
	"bytes"
	"strings"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// NameSortKey returns a byte key that puts full names in the Vietnamese
// order when keys are compared with bytes.Compare: by given name (the last
// word), then by the middle names, then by the family name (the first
// word), each compared with Vietnamese collation (a < ă < â, d < đ,
// e < ê, o < ô < ơ, u < ư, tones ordered level, huyền, hỏi, ngã, sắc,
// nặng). So "Trần Thị Anh" < "Lê Văn Bình" < "Nguyễn Văn Bình".
//
// Compute the keys once (for example when a list is loaded) and sort with
// bytes.Compare; NameSortKey is safe for concurrent use.
func NameSortKey(fullName string) []byte {
	given, middle, family := splitName(fullName)
	c := collators.Get().(*nameCollator)
	defer collators.Put(c)
	key := make([]byte, 0, 4*len(fullName)+16)
	key = c.appendPart(key, given)
	key = c.appendPart(key, middle)
	key = c.appendPart(key, family)
	return key
}

// CompareNames compares two full names in the order of NameSortKey,
// returning -1, 0 or +1.
func CompareNames(a, b string) int {
	return bytes.Compare(NameSortKey(a), NameSortKey(b))
}

// splitName splits a full name into given name, middle names (joined by
// single spaces) and family name. A one-word name is a given name only.
func splitName(fullName string) (given, middle, family string) {
	words := strings.Fields(norm.NFC.String(fullName))
	switch len(words) {
	case 0:
		return "", "", ""
	case 1:
		return words[0], "", ""
	}
	return words[len(words)-1], strings.Join(words[1:len(words)-1], " "), words[0]
}

// nameCollator is one Vietnamese collator and its buffer; collators are
// not safe for concurrent use, so they are pooled.
type nameCollator struct {
	c   *collate.Collator
	buf collate.Buffer
}

var collators = sync.Pool{New: func() any {
	return &nameCollator{c: collate.New(language.Vietnamese)}
}}

// appendPart appends the collation key of part to key so that
// concatenated parts compare as a tuple: 0x00 inside a key is escaped as
// 0x00 0xFF and each part ends with 0x00 0x01, which sorts below any
// continuation of a longer part.
func (n *nameCollator) appendPart(key []byte, part string) []byte {
	if part != "" {
		k := n.c.KeyFromString(&n.buf, part)
		for _, b := range k {
			if b == 0 {
				key = append(key, 0, 0xFF)
			} else {
				key = append(key, b)
			}
		}
		n.buf.Reset()
	}
	return append(key, 0, 1)
}
