package ui

import (
	"errors"
	"strconv"
	"strings"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// The number entries shared by every form: an amount of đồng and a whole
// number. Each checks as it is typed with the same reading the form's
// save uses, so the field's mark and the save always agree.

// moneyEntry is an entry for an amount of đồng typed as "1.234.567",
// "1234567" or "1.234.567 đ". Empty means 0.
type moneyEntry struct{ *keyEntry }

func newMoneyEntry() *moneyEntry {
	e := &moneyEntry{newKeyEntry()}
	e.PlaceHolder = i18n.T("support.ui.money_placeholder")
	e.Validator = func(string) error {
		if _, err := e.Amount(); err != nil {
			return errors.New(i18n.Error(err))
		}
		return nil
	}
	return e
}

// Amount returns the typed amount (0 when empty).
func (e *moneyEntry) Amount() (int64, error) {
	s := e.Value()
	if s == "" {
		return 0, nil
	}
	return i18n.ParseMoney(s)
}

// SetAmount shows v formatted ("" for 0).
func (e *moneyEntry) SetAmount(v int64) {
	if v == 0 {
		e.SetText("")
		return
	}
	e.SetText(i18n.Money(v))
}

// Read returns the amount, recording a message for field in v when it
// cannot be read.
func (e *moneyEntry) Read(v *caseload.ValidationError, field string) int64 {
	n, err := e.Amount()
	if err != nil {
		addErr(v, field, err)
		return 0
	}
	return n
}

// intEntry is an entry for a whole number, 0 or more; empty means 0.
type intEntry struct{ *keyEntry }

func newIntEntry() *intEntry {
	e := &intEntry{newKeyEntry()}
	e.Validator = func(string) error {
		if _, err := e.Int(); err != nil {
			return errors.New(i18n.Error(err))
		}
		return nil
	}
	return e
}

// notANumber is a whole-number field holding something else; it is
// translatable.
type notANumber struct{ value string }

func (e notANumber) Error() string               { return "not a number: " + e.value }
func (e notANumber) MessageKey() string          { return "ui.error.not_a_number" }
func (e notANumber) MessageArgs() map[string]any { return map[string]any{"Value": e.value} }

// Int returns the number (0 when empty).
func (e *intEntry) Int() (int, error) {
	s := e.Value()
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 {
		return 0, notANumber{s}
	}
	return n, nil
}

// SetInt shows n ("" for 0).
func (e *intEntry) SetInt(n int) {
	if n == 0 {
		e.SetText("")
		return
	}
	e.SetText(strconv.Itoa(n))
}

// Read returns the number, recording a message for field in v when it is
// not a whole number.
func (e *intEntry) Read(v *caseload.ValidationError, field string) int {
	n, err := e.Int()
	if err != nil {
		addErr(v, field, err)
		return 0
	}
	return n
}
