package i18n

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns the search form of s: diacritics removed (NFD, combining
// marks stripped), đ/Đ turned into d, lower-cased, runs of white space
// collapsed into one space and the ends trimmed:
//
//	Fold("  Nguyễn  Văn Đức ") == "nguyen van duc"
//
// Composed and decomposed input (Unikey's "Unicode tổ hợp") fold the same.
// Letters and punctuation outside Vietnamese are kept, lower-cased.
//
// Fold runs over every name at startup, so it is written to be cheap: it
// returns s itself when s is already folded, and otherwise allocates only
// the result.
func Fold(s string) string {
	if isFolded(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is pending (only written before the next word)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == ' ' || (c >= '\t' && c <= '\r'):
				space = b.Len() > 0
				continue
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteByte(c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		base, ok := foldRune(r)
		if !ok { // a combining mark: dropped
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if base < utf8.RuneSelf {
			b.WriteByte(byte(base))
		} else {
			b.WriteRune(base)
		}
	}
	return b.String()
}

// FoldWords returns the words of Fold(s): FoldWords("Nguyễn Văn Đức") is
// ["nguyen" "van" "duc"]. It returns nil for a blank s.
func FoldWords(s string) []string {
	return strings.Fields(Fold(s))
}

// isFolded reports whether s is already its own folded form: ASCII with no
// upper case, no control or white space other than single inner spaces.
func isFolded(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf, c >= 'A' && c <= 'Z', c < ' ', c == 0x7f:
			return false
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		default:
			prevSpace = false
		}
	}
	return true
}

// foldRune folds one non-ASCII, non-space rune. ok is false for a
// combining mark, which Fold drops.
func foldRune(r rune) (base rune, ok bool) {
	if int(r) < len(foldTable) {
		if f := foldTable[r]; f != 0 {
			return f, f != foldDrop
		}
	}
	if unicode.Is(unicode.Mn, r) {
		return 0, false
	}
	return unicode.ToLower(r), true
}

// foldDrop marks combining marks in foldTable.
const foldDrop = -1

// foldTable maps every rune below U+1F00 that has a Latin base letter or is
// a combining mark to its folded form; 0 means "fold with unicode.ToLower".
// It covers Latin-1, Latin Extended-A/B, the combining diacritics and Latin
// Extended Additional, where all Vietnamese letters live.
var foldTable = buildFoldTable()

func buildFoldTable() []rune {
	t := make([]rune, 0x1F00)
	var buf [utf8.UTFMax * 4]byte
	for r := rune(0x80); r < rune(len(t)); r++ {
		if unicode.Is(unicode.Mn, r) {
			t[r] = foldDrop
			continue
		}
		if !unicode.IsLetter(r) {
			continue
		}
		d := norm.NFD.AppendString(buf[:0], string(r))
		first, _ := utf8.DecodeRune(d)
		first = unicode.ToLower(first)
		switch first {
		case 'đ':
			first = 'd'
		}
		t[r] = first
	}
	return t
}
