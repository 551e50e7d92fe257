package i18n_test

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"hoanhap/i18n"
)

func TestFormatDMY(t *testing.T) {
	tests := []struct {
		y    int
		m    time.Month
		d    int
		want string
	}{
		{2026, time.March, 5, "05/03/2026"},
		{2025, time.December, 31, "31/12/2025"},
		{1985, 0, 0, "1985"},
		{0, 0, 0, ""},
		{0, time.March, 5, ""},
		{999, time.January, 1, "01/01/0999"},
	}
	for _, tt := range tests {
		if got := i18n.FormatDMY(tt.y, tt.m, tt.d); got != tt.want {
			t.Errorf("FormatDMY(%d, %d, %d) = %q, want %q", tt.y, tt.m, tt.d, got, tt.want)
		}
	}
}

func TestParseDMY(t *testing.T) {
	tests := []struct {
		in      string
		y       int
		m       time.Month
		d       int
		wantKey string // "" means no error
	}{
		{"5/3/2026", 2026, 3, 5, ""},
		{"05/03/2026", 2026, 3, 5, ""},
		{"05-03-2026", 2026, 3, 5, ""},
		{"05.03.2026", 2026, 3, 5, ""},
		{" 5 / 3 / 2026 ", 2026, 3, 5, ""},
		{"29/02/2024", 2024, 2, 29, ""},
		{"31/12/1999", 1999, 12, 31, ""},
		{"1985", 1985, 0, 0, ""},
		{"", 0, 0, 0, ""},
		{"   ", 0, 0, 0, ""},
		{"31/02/2026", 0, 0, 0, "format.date.invalid"},
		{"29/02/2025", 0, 0, 0, "format.date.invalid"},
		{"31/04/2026", 0, 0, 0, "format.date.invalid"},
		{"00/03/2026", 0, 0, 0, "format.date.invalid"},
		{"05/13/2026", 0, 0, 0, "format.date.invalid"},
		{"05/00/2026", 0, 0, 0, "format.date.invalid"},
		{"0000", 0, 0, 0, "format.date.invalid"},
		{"5/3/26", 0, 0, 0, "format.date.year_digits"},
		{"5/3/02026", 0, 0, 0, "format.date.year_digits"},
		{"2026-03-05", 0, 0, 0, "format.date.syntax"},
		{"05/03-2026", 0, 0, 0, "format.date.syntax"},
		{"05/03", 0, 0, 0, "format.date.syntax"},
		{"abc", 0, 0, 0, "format.date.syntax"},
		{"5/3/2026/1", 0, 0, 0, "format.date.syntax"},
		{"١/٣/٢٠٢٦", 0, 0, 0, "format.date.syntax"},
		{"85", 0, 0, 0, "format.date.syntax"},
	}
	for _, tt := range tests {
		y, m, d, err := i18n.ParseDMY(tt.in)
		if tt.wantKey == "" {
			if err != nil || y != tt.y || m != tt.m || d != tt.d {
				t.Errorf("ParseDMY(%q) = %d, %d, %d, %v; want %d, %d, %d, nil", tt.in, y, m, d, err, tt.y, tt.m, tt.d)
			}
			continue
		}
		var fe *i18n.FormatError
		if !errors.As(err, &fe) {
			t.Errorf("ParseDMY(%q) error = %v, want a *FormatError %s", tt.in, err, tt.wantKey)
			continue
		}
		if fe.MessageKey() != tt.wantKey {
			t.Errorf("ParseDMY(%q) key = %q, want %q", tt.in, fe.MessageKey(), tt.wantKey)
		}
		if y != 0 || m != 0 || d != 0 {
			t.Errorf("ParseDMY(%q) returned a date with an error: %d, %d, %d", tt.in, y, m, d)
		}
	}
}

func TestParseDMYRoundTrip(t *testing.T) {
	for day := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC); day.Year() < 2025; day = day.AddDate(0, 0, 1) {
		s := i18n.FormatDMY(day.Year(), day.Month(), day.Day())
		y, m, d, err := i18n.ParseDMY(s)
		if err != nil || y != day.Year() || m != day.Month() || d != day.Day() {
			t.Fatalf("ParseDMY(FormatDMY(%v)) = %d, %d, %d, %v", day, y, m, d, err)
		}
	}
}

func TestFormatErrorIsTranslated(t *testing.T) {
	_, _, _, err := i18n.ParseDMY("31/02/2026")
	for _, lang := range []struct{ code, want string }{{"vi", "không có thật"}, {"en", "does not exist"}} {
		i18n.SetLanguage(lang.code)
		got := i18n.Error(err)
		if !strings.Contains(got, lang.want) || !strings.Contains(got, "31/02/2026") {
			t.Errorf("[%s] Error(ParseDMY error) = %q, want it to contain %q and the input", lang.code, got, lang.want)
		}
	}
	i18n.SetLanguage("vi")
}

func TestFormatDateTime(t *testing.T) {
	tests := []struct {
		in   time.Time
		want string
	}{
		{time.Date(2026, 3, 5, 8, 7, 59, 0, time.UTC), "05/03/2026 08:07"},
		{time.Date(2025, 12, 31, 23, 59, 0, 0, time.FixedZone("ICT", 7*3600)), "31/12/2025 23:59"},
		{time.Time{}, ""},
	}
	for _, tt := range tests {
		if got := i18n.FormatDateTime(tt.in); got != tt.want {
			t.Errorf("FormatDateTime(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNumberAndMoney(t *testing.T) {
	tests := []struct {
		n          int64
		num, money string
	}{
		{0, "0", "0 đ"},
		{7, "7", "7 đ"},
		{999, "999", "999 đ"},
		{1000, "1.000", "1.000 đ"},
		{1234567, "1.234.567", "1.234.567 đ"},
		{80853000000, "80.853.000.000", "80.853.000.000 đ"},
		{-4000000, "-4.000.000", "-4.000.000 đ"},
		{math.MaxInt64, "9.223.372.036.854.775.807", "9.223.372.036.854.775.807 đ"},
		{math.MinInt64, "-9.223.372.036.854.775.808", "-9.223.372.036.854.775.808 đ"},
	}
	for _, tt := range tests {
		if tt.n >= math.MinInt && tt.n <= math.MaxInt {
			if got := i18n.Number(int(tt.n)); got != tt.num {
				t.Errorf("Number(%d) = %q, want %q", tt.n, got, tt.num)
			}
		}
		for _, lang := range i18n.Languages {
			i18n.SetLanguage(lang)
			if got := i18n.Money(tt.n); got != tt.money {
				t.Errorf("[%s] Money(%d) = %q, want %q", lang, tt.n, got, tt.money)
			}
		}
	}
	i18n.SetLanguage("vi")
}

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in      string
		want    int64
		wantKey string
	}{
		{"1.234.567", 1234567, ""},
		{"1234567", 1234567, ""},
		{"1.234.567 đ", 1234567, ""},
		{"1.234.567đ", 1234567, ""},
		{"1,234,567", 1234567, ""},
		{"1 234 567", 1234567, ""},
		{"1\u00a0234\u00a0567 ₫", 1234567, ""},
		{"100.000.000 VNĐ", 100000000, ""},
		{"2000000000 VND", 2000000000, ""},
		{"₫ 500", 500, ""},
		{"0", 0, ""},
		{"-4.000.000", -4000000, ""},
		{"80.853.000.000 đ", 80853000000, ""},
		{"", 0, "format.money.invalid"},
		{"đ", 0, "format.money.invalid"},
		{"1.5", 0, "format.money.invalid"},
		{"1,234.56", 0, "format.money.invalid"},
		{"1.23.456", 0, "format.money.invalid"},
		{"1234.567", 0, "format.money.invalid"},
		{".123", 0, "format.money.invalid"},
		{"12a", 0, "format.money.invalid"},
		{"một triệu", 0, "format.money.invalid"},
		{"99999999999999999999", 0, "format.money.too_large"},
	}
	for _, tt := range tests {
		got, err := i18n.ParseMoney(tt.in)
		if tt.wantKey == "" {
			if err != nil || got != tt.want {
				t.Errorf("ParseMoney(%q) = %d, %v; want %d, nil", tt.in, got, err, tt.want)
			}
			continue
		}
		var fe *i18n.FormatError
		if !errors.As(err, &fe) || fe.MessageKey() != tt.wantKey {
			t.Errorf("ParseMoney(%q) = %d, %v; want error %s", tt.in, got, err, tt.wantKey)
		}
	}
}

func TestMoneyRoundTrip(t *testing.T) {
	for _, n := range []int64{0, 1, 12, 123, 1234, 12345, 123456, 1234567, 100000000, 2000000000, math.MaxInt64} {
		got, err := i18n.ParseMoney(i18n.Money(n))
		if err != nil || got != n {
			t.Errorf("ParseMoney(Money(%d)) = %d, %v", n, got, err)
		}
	}
}
