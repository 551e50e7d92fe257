package caseload

import (
	"sort"
	"strings"
)

// AddressCheck is the result of verifying a returnee's home address with the
// family after a prison notice (TT 10/2024 Art. 8).
type AddressCheck string

// Address check results; the empty value means "not checked yet".
const (
	AddressPending   AddressCheck = ""
	AddressConfirmed AddressCheck = "confirmed" // the family confirms the address
	AddressChanged   AddressCheck = "changed"   // the person will live elsewhere: answer the sender (HCD-03)
	AddressNotFound  AddressCheck = "not_found" // nobody known at the address
)

// AddressChecks lists the recorded results in display order.
var AddressChecks = []AddressCheck{AddressConfirmed, AddressChanged, AddressNotFound}

// AddressCheckWorkingDays is the time allowed to verify the address after the
// notice arrives (TT 10/2024 Art. 8).
const AddressCheckWorkingDays = 3

// Notice is a prison's notice that a person will be released (Luật THAHS
// 2019 Art. 46, TT 10/2024 Art. 8). Recording it creates an expected person.
type Notice struct {
	Meta

	PersonID        string `json:"person_id"`
	Sender          string `json:"sender"`           // the prison / detention facility that sent it
	Number          string `json:"number"`           // the notice's reference number, optional
	NoticeDate      Date   `json:"notice_date"`      // date the notice was received
	ExpectedRelease Date   `json:"expected_release"` // last day of the sentence
	ReportBy        Date   `json:"report_by"`        // deadline printed on the certificate, optional

	AddressCheck     AddressCheck `json:"address_check"`
	AddressCheckedOn Date         `json:"address_checked_on"`
	NewAddress       string       `json:"new_address"`        // when the address changed
	SenderAnsweredOn Date         `json:"sender_answered_on"` // HCD-03 answer to the sender

	FamilyCheckedOn Date   `json:"family_checked_on"` // person did not report: checked with the family (Art. 9)
	FamilyCheckNote string `json:"family_check_note"`
	UpwardReportOn  Date   `json:"upward_report_on"` // HCD-04 report upward

	Notes string `json:"notes"`

	// Ward is the node id of the ward a notice entered at the office is
	// for: it travels to that ward only. Empty for a ward's own notices.
	Ward string `json:"ward"`
}

// AddressCheckDue is the last day to verify the address: 3 working days after
// the notice date (TT 10/2024 Art. 8). Zero when the notice date is unknown.
func (n Notice) AddressCheckDue(cal *Calendar) Date {
	if n.NoticeDate.IsZero() {
		return Date{}
	}
	return svCalendar(cal).AddWorkingDays(n.NoticeDate, AddressCheckWorkingDays)
}

// ReportDeadline is the day by which the released person should have
// reported: the deadline on the certificate when known, else the expected
// release date itself.
func (n Notice) ReportDeadline() Date {
	if !n.ReportBy.IsZero() {
		return n.ReportBy
	}
	return n.ExpectedRelease
}

// NeedsSenderAnswer reports whether the address changed and the sender has
// not been answered yet (HCD-03).
func (n Notice) NeedsSenderAnswer() bool {
	return n.AddressCheck == AddressChanged && n.SenderAnsweredOn.IsZero()
}

// NormalizeNotice trims and NFC-normalises the text fields.
func NormalizeNotice(n *Notice) {
	for _, s := range []*string{&n.Sender, &n.Number, &n.NewAddress, &n.FamilyCheckNote, &n.Notes} {
		*s = svText(*s)
	}
}

// ValidateNotice checks a notice; it returns a *ValidationError or nil.
func ValidateNotice(n Notice, today Date) error {
	v := &ValidationError{}
	v.Errors = append(v.Errors, CheckTexts(n)...)
	if strings.TrimSpace(n.Sender) == "" {
		v.Add("sender", "supervision.validation.required")
	}
	if n.NoticeDate.IsZero() {
		v.Add("notice_date", "supervision.validation.required")
	} else if n.NoticeDate.After(today) {
		v.Add("notice_date", "supervision.validation.future")
	}
	if n.ExpectedRelease.IsZero() {
		v.Add("expected_release", "supervision.validation.required")
	}
	switch n.AddressCheck {
	case AddressPending:
		if !n.AddressCheckedOn.IsZero() {
			v.Add("address_check", "supervision.validation.required")
		}
	case AddressConfirmed, AddressChanged, AddressNotFound:
		if n.AddressCheckedOn.IsZero() {
			v.Add("address_checked_on", "supervision.validation.required")
		}
	default:
		v.Add("address_check", "supervision.validation.invalid_value", "Value", string(n.AddressCheck))
	}
	if n.AddressCheck == AddressChanged && strings.TrimSpace(n.NewAddress) == "" {
		v.Add("new_address", "supervision.validation.required")
	}
	if !n.SenderAnsweredOn.IsZero() && n.AddressCheck != AddressChanged {
		v.Add("sender_answered_on", "supervision.validation.answer_without_change")
	}
	svNotFuture(v, today, map[string]Date{
		"address_checked_on": n.AddressCheckedOn, "sender_answered_on": n.SenderAnsweredOn,
		"family_checked_on": n.FamilyCheckedOn, "upward_report_on": n.UpwardReportOn,
	})
	svNotBefore(v, "address_checked_on", n.AddressCheckedOn, n.NoticeDate)
	svNotBefore(v, "sender_answered_on", n.SenderAnsweredOn, n.AddressCheckedOn)
	svNotBefore(v, "upward_report_on", n.UpwardReportOn, n.FamilyCheckedOn)
	return v.OrNil()
}

// Helpers shared by the supervision records (prefixed sv to keep clear of
// other files of the package).

// svText trims spaces and normalises to NFC.
func svText(s string) string { return NormalizeText(s) }

// svCalendar returns cal, or a weekdays-only calendar when cal is nil.
func svCalendar(cal *Calendar) *Calendar {
	if cal == nil {
		return NewCalendar(nil)
	}
	return cal
}

// svNotFuture adds an error for each set date after today.
func svNotFuture(v *ValidationError, today Date, dates map[string]Date) {
	fields := make([]string, 0, len(dates))
	for f := range dates {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	for _, f := range fields {
		if d := dates[f]; !d.IsZero() && d.After(today) {
			v.Add(f, "supervision.validation.future")
		}
	}
}

// svNotBefore adds an error when both dates are set and d is before min.
func svNotBefore(v *ValidationError, field string, d, min Date) {
	if !d.IsZero() && !min.IsZero() && d.Before(min) {
		v.Add(field, "supervision.validation.before", "Date", min)
	}
}
