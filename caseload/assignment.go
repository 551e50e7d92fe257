package caseload

// Assignment puts one mentor in charge of one person, by decision of the
// ward Chairman (HCD-07, TT 10/2024 Art. 10). A person has exactly one
// active assignment (To zero) while managed; the history is kept.
type Assignment struct {
	Meta

	PersonID     string   `json:"person_id"`
	MentorID     string   `json:"mentor_id"`
	Decision     Decision `json:"decision"` // HCD-07 number and date
	From         Date     `json:"from"`
	To           Date     `json:"to"`            // zero while active
	ChangeReason string   `json:"change_reason"` // why it ended (set when closed)
	Handover     string   `json:"handover"`      // handover note to the next mentor
}

// Active reports whether the assignment is current.
func (a Assignment) Active() bool { return a.To.IsZero() && !a.Deleted }

// NormalizeAssignment trims and NFC-normalises the text fields.
func NormalizeAssignment(a *Assignment) {
	a.Decision.Number = svText(a.Decision.Number)
	a.ChangeReason = svText(a.ChangeReason)
	a.Handover = svText(a.Handover)
}

// ValidateAssignment checks a new or closed assignment; it returns a
// *ValidationError or nil.
func ValidateAssignment(a Assignment, today Date) error {
	v := &ValidationError{}
	v.Errors = append(v.Errors, CheckTexts(a)...)
	if a.PersonID == "" {
		v.Add("person_id", "supervision.validation.required")
	}
	if a.MentorID == "" {
		v.Add("mentor_id", "supervision.validation.required")
	}
	if a.Decision.Number == "" {
		v.Add("decision.number", "supervision.validation.required")
	}
	if a.Decision.Date.IsZero() {
		v.Add("decision.date", "supervision.validation.required")
	}
	if a.From.IsZero() {
		v.Add("from", "supervision.validation.required")
	}
	svNotFuture(v, today, map[string]Date{"decision.date": a.Decision.Date})
	svNotBefore(v, "to", a.To, a.From)
	if !a.To.IsZero() && a.ChangeReason == "" {
		v.Add("change_reason", "supervision.validation.required")
	}
	return v.OrNil()
}
