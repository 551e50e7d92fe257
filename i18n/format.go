package i18n

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

// FormatError is a date or money text that could not be read. Its message
// key and arguments are translated by Error, so users see a Vietnamese
// sentence ("Ngày 31/02/2026 không có thật…"), never a Go error string.
type FormatError struct {
	Key   string         // message key, e.g. "format.date.invalid"
	Input string         // the text as typed
	Args  map[string]any // template arguments; Value is always set
}

// Error renders the error for logs.
func (e *FormatError) Error() string { return fmt.Sprintf("%s: %q", e.Key, e.Input) }

// MessageKey returns the i18n key of the message.
func (e *FormatError) MessageKey() string { return e.Key }

// MessageArgs returns the template arguments of the message.
func (e *FormatError) MessageArgs() map[string]any { return e.Args }

func formatError(key, input string, kv ...any) *FormatError {
	args := map[string]any{"Value": input}
	for i := 0; i+1 < len(kv); i += 2 {
		args[fmt.Sprint(kv[i])] = kv[i+1]
	}
	return &FormatError{Key: key, Input: input, Args: args}
}

// DateValue is a date given as a message argument (caseload.Date and
// BirthDate are): TMap shows it with FormatDMY. A zero year shows "".
type DateValue interface {
	DMY() (day int, month time.Month, year int)
}

// MoneyValue is an amount of đồng given as a message argument
// (caseload.Money is): TMap shows it with Money.
type MoneyValue interface {
	Dong() int64
}

// formatArgs returns data with every DateValue and MoneyValue replaced by
// its text; data itself when there is none (no copy).
func formatArgs(data map[string]any) map[string]any {
	var out map[string]any
	for k, v := range data {
		var text string
		switch x := v.(type) {
		case DateValue:
			d, m, y := x.DMY()
			text = FormatDMY(y, m, d)
		case MoneyValue:
			text = Money(x.Dong())
		default:
			continue
		}
		if out == nil {
			out = make(map[string]any, len(data))
			for k2, v2 := range data {
				out[k2] = v2
			}
		}
		out[k] = text
	}
	if out == nil {
		return data
	}
	return out
}

// Date formats a DateValue as dd/mm/yyyy ("" for an unknown date): the
// one date formatter for text outside messages.
func Date(d DateValue) string {
	day, m, y := d.DMY()
	return FormatDMY(y, m, day)
}

// FormatDMY formats a civil date as dd/mm/yyyy, whatever the OS region:
// FormatDMY(2026, 3, 5) == "05/03/2026". A zero year (unknown date) gives
// "" and a zero month a year-only date ("1985").
func FormatDMY(y int, m time.Month, d int) string {
	if y == 0 {
		return ""
	}
	if m == 0 {
		return pad(y, 4)
	}
	b := make([]byte, 0, 10)
	b = appendPad(b, d, 2)
	b = append(b, '/')
	b = appendPad(b, int(m), 2)
	b = append(b, '/')
	b = appendPad(b, y, 4)
	return string(b)
}

// FormatDateTime formats t as "dd/mm/yyyy HH:MM" in t's own location
// (convert with t.Local() first to show local time). A zero t gives "".
func FormatDateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("02/01/2006 15:04")
}

// ParseDMY reads a date typed as day, month, year: "5/3/2026",
// "05/03/2026", "05-03-2026" or "05.03.2026" (the year must have 4
// digits), or a bare year "1985", which returns m == 0 and d == 0
// (year-only, for birth dates). Blank input returns all zeros and no error
// (unknown date). Anything else, including dates that do not exist such as
// 31/02/2026, returns a *FormatError.
func ParseDMY(s string) (y int, m time.Month, d int, err error) {
	in := strings.TrimSpace(norm.NFC.String(s))
	if in == "" {
		return 0, 0, 0, nil
	}
	if len(in) == 4 && allDigits(in) {
		y, _ = strconv.Atoi(in)
		if y < 1 {
			return 0, 0, 0, formatError("format.date.invalid", in)
		}
		return y, 0, 0, nil
	}
	parts := splitDate(in)
	if len(parts) != 3 || !allDigits(parts[0]) || !allDigits(parts[1]) || !allDigits(parts[2]) ||
		len(parts[0]) < 1 || len(parts[0]) > 2 || len(parts[1]) < 1 || len(parts[1]) > 2 {
		return 0, 0, 0, formatError("format.date.syntax", in)
	}
	if len(parts[2]) != 4 {
		return 0, 0, 0, formatError("format.date.year_digits", in)
	}
	d, _ = strconv.Atoi(parts[0])
	mi, _ := strconv.Atoi(parts[1])
	y, _ = strconv.Atoi(parts[2])
	if y < 1 || mi < 1 || mi > 12 || d < 1 || d > daysIn(y, time.Month(mi)) {
		return 0, 0, 0, formatError("format.date.invalid", in)
	}
	return y, time.Month(mi), d, nil
}

// splitDate splits on one kind of separator: '/', '-' or '.'.
func splitDate(s string) []string {
	for _, sep := range []string{"/", "-", "."} {
		if strings.Contains(s, sep) {
			parts := strings.Split(s, sep)
			for i := range parts {
				parts[i] = strings.TrimSpace(parts[i])
			}
			return parts
		}
	}
	return nil
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Number formats n with "." as the thousands separator, the Vietnamese
// convention, in both languages: Number(1234567) == "1.234.567".
func Number(n int) string { return group(int64(n)) }

// Money formats an amount of đồng the official way, in both languages:
// Money(80853000000) == "80.853.000.000 đ".
func Money(amount int64) string { return group(amount) + " đ" }

// ParseMoney reads an amount of đồng typed as "1.234.567", "1234567",
// "1,234,567" or with a currency mark ("1.234.567 đ", "₫", "VND", "VNĐ").
// Separators must group by three; fractions of a đồng are refused. Blank
// input is an error too (callers decide whether an amount is optional).
func ParseMoney(s string) (int64, error) {
	in := strings.TrimSpace(strings.ReplaceAll(norm.NFC.String(s), "\u00a0", " "))
	body := strings.TrimSpace(trimCurrency(in))
	if body == "" {
		return 0, formatError("format.money.invalid", in)
	}
	neg := false
	if body[0] == '-' {
		neg = true
		body = strings.TrimSpace(body[1:])
	}
	digits, ok := ungroup(body)
	if !ok {
		return 0, formatError("format.money.invalid", in)
	}
	n, err := strconv.ParseInt(digits, 10, 64)
	if err != nil {
		return 0, formatError("format.money.too_large", in)
	}
	if neg {
		n = -n
	}
	return n, nil
}

// trimCurrency removes a leading or trailing currency mark.
func trimCurrency(s string) string {
	for _, c := range []string{"VNĐ", "VND", "vnđ", "vnd", "đồng", "đ", "Đ", "₫"} {
		if t, ok := strings.CutSuffix(s, c); ok {
			return t
		}
		if t, ok := strings.CutPrefix(s, c); ok {
			return t
		}
	}
	return s
}

// ungroup checks that s is digits, optionally grouped by three with one
// kind of separator ('.', ',', or a space), and returns the bare digits.
func ungroup(s string) (string, bool) {
	var sep byte
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '.' || c == ',' || c == ' ' {
			if sep != 0 && sep != c {
				return "", false
			}
			sep = c
		}
	}
	if sep == 0 {
		return s, allDigits(s)
	}
	groups := strings.Split(s, string(sep))
	for i, g := range groups {
		if !allDigits(g) || (i == 0 && (len(g) < 1 || len(g) > 3)) || (i > 0 && len(g) != 3) {
			return "", false
		}
	}
	return strings.Join(groups, ""), true
}

// group writes n in decimal with "." every three digits.
func group(n int64) string {
	var u uint64
	neg := n < 0
	if neg {
		if n == math.MinInt64 {
			u = uint64(math.MaxInt64) + 1
		} else {
			u = uint64(-n)
		}
	} else {
		u = uint64(n)
	}
	digits := strconv.FormatUint(u, 10)
	b := make([]byte, 0, len(digits)+len(digits)/3+1)
	if neg {
		b = append(b, '-')
	}
	for i := 0; i < len(digits); i++ {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b = append(b, '.')
		}
		b = append(b, digits[i])
	}
	return string(b)
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func pad(n, width int) string { return string(appendPad(nil, n, width)) }

func appendPad(b []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}
