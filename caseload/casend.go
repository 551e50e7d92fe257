package caseload

// CaseEnd is the end of management of a person (TT 10/2024 Art. 14): one of
// the six grounds, the police proposal (HCD-10) and the Chairman's decision
// (HCD-11). Moving away records the destination (the receiving ward takes
// over within 5 working days, Art. 15).
type CaseEnd struct {
	Meta

	PersonID    string    `json:"person_id"`
	Reason      EndReason `json:"reason"`
	Proposal    Decision  `json:"proposal"` // HCD-10, optional
	Decision    Decision  `json:"decision"` // HCD-11
	Destination string    `json:"destination"`
	Notes       string    `json:"notes"`
}

// Recidivism is a new conviction of a person on the caseload; reports count
// it. It may end management with the ground "new_sentence".
type Recidivism struct {
	Meta

	PersonID string `json:"person_id"`
	Date     Date   `json:"date"` // date of the new judgment (or of the offence when no judgment yet)
	// OffenseOn is the day the new offence was committed (zero: unknown).
	// It is what BLHS 2015 Art. 73(2) looks at: an offence committed
	// before the old record was cleared restarts its period.
	OffenseOn Date     `json:"offense_on"`
	Offense   string   `json:"offense"`
	Judgment  Judgment `json:"judgment"`
	Notes     string   `json:"notes"`
}

// NormalizeCaseEnd trims and NFC-normalises the text fields.
func NormalizeCaseEnd(c *CaseEnd) {
	c.Proposal.Number = svText(c.Proposal.Number)
	c.Decision.Number = svText(c.Decision.Number)
	c.Destination = svText(c.Destination)
	c.Notes = svText(c.Notes)
}

// ValidateCaseEnd checks an end of management; it returns a
// *ValidationError or nil.
func ValidateCaseEnd(c CaseEnd, today Date) error {
	v := &ValidationError{}
	v.Errors = append(v.Errors, CheckTexts(c)...)
	if c.PersonID == "" {
		v.Add("person_id", "supervision.validation.required")
	}
	switch c.Reason {
	case EndExpunged, EndMovedAway, EndAbroad, EndMissing, EndDead, EndNewSentence:
	case "":
		v.Add("reason", "supervision.validation.required")
	default:
		v.Add("reason", "supervision.validation.invalid_value", "Value", string(c.Reason))
	}
	if c.Decision.Number == "" {
		v.Add("decision.number", "supervision.validation.required")
	}
	if c.Decision.Date.IsZero() {
		v.Add("decision.date", "supervision.validation.required")
	}
	if c.Reason == EndMovedAway && c.Destination == "" {
		v.Add("destination", "supervision.validation.required")
	}
	svNotFuture(v, today, map[string]Date{"decision.date": c.Decision.Date, "proposal.date": c.Proposal.Date})
	svNotBefore(v, "decision.date", c.Decision.Date, c.Proposal.Date)
	return v.OrNil()
}

// NormalizeRecidivism trims and NFC-normalises the text fields.
func NormalizeRecidivism(r *Recidivism) {
	r.Offense = svText(r.Offense)
	r.Judgment.Number = svText(r.Judgment.Number)
	r.Judgment.Court = svText(r.Judgment.Court)
	r.Notes = svText(r.Notes)
}

// ValidateRecidivism checks a recidivism record; it returns a
// *ValidationError or nil.
func ValidateRecidivism(r Recidivism, today Date) error {
	v := &ValidationError{}
	v.Errors = append(v.Errors, CheckTexts(r)...)
	if r.PersonID == "" {
		v.Add("person_id", "supervision.validation.required")
	}
	if r.Date.IsZero() {
		v.Add("date", "supervision.validation.required")
	}
	if r.Offense == "" {
		v.Add("offense", "supervision.validation.required")
	}
	svNotFuture(v, today, map[string]Date{"date": r.Date, "judgment.date": r.Judgment.Date, "offense_on": r.OffenseOn})
	svNotBefore(v, "date", r.Date, r.OffenseOn) // judged after the offence
	return v.OrNil()
}

// CountsFrom is the day of a new conviction that counts for the old
// record (BLHS 2015 Art. 73(2)): the day of the offence when known, else
// the date of the record.
func (r Recidivism) CountsFrom() Date {
	if !r.OffenseOn.IsZero() {
		return r.OffenseOn
	}
	return r.Date
}
