package caseload

// GuidanceTopic is a subject the officer gave guidance on at the reception
// session (TT 10/2024 Art. 9).
type GuidanceTopic string

// Guidance topics.
const (
	GuidanceResidence GuidanceTopic = "residence" // residence registration
	GuidanceIDCard    GuidanceTopic = "id_card"   // citizen ID card
	GuidanceJobs      GuidanceTopic = "jobs"      // jobs and vocational training
	GuidanceLoans     GuidanceTopic = "loans"     // Social Policy Bank loans (QĐ 22/2023)
)

// GuidanceTopics lists the topics in display order.
var GuidanceTopics = []GuidanceTopic{GuidanceResidence, GuidanceIDCard, GuidanceJobs, GuidanceLoans}

// Deadlines counted from the reception session, in working days.
const (
	MentorDecisionWorkingDays = 3 // mentor proposed (HCD-06) and decided (HCD-07), TT 10/2024 Art. 10
	FileOpenWorkingDays       = 5 // management file opened (HCD-01), TT 10/2024 Art. 11
)

// Reception is the reception session at the ward (TT 10/2024 Art. 9). After
// it the person is managed.
type Reception struct {
	Meta

	PersonID        string          `json:"person_id"`
	SessionDate     Date            `json:"session_date"`
	Officer         string          `json:"officer"`
	MinutesDone     bool            `json:"minutes_done"`     // commitment minutes HCD-05
	InfoSheetDone   bool            `json:"info_sheet_done"`  // information sheet HCD-02
	CounsellingDone bool            `json:"counselling_done"` // compulsory counselling (TT 10/2024 Art. 17)
	Guidance        []GuidanceTopic `json:"guidance"`
	FileOpenedOn    Date            `json:"file_opened_on"` // management file HCD-01 (Art. 11)
	Notes           string          `json:"notes"`
}

// MentorDecisionDue is the last day for the mentor decision: 3 working days
// after the session (TT 10/2024 Art. 10).
func (r Reception) MentorDecisionDue(cal *Calendar) Date {
	if r.SessionDate.IsZero() {
		return Date{}
	}
	return svCalendar(cal).AddWorkingDays(r.SessionDate, MentorDecisionWorkingDays)
}

// FileDue is the last day to open the management file: 5 working days after
// the session (TT 10/2024 Art. 11).
func (r Reception) FileDue(cal *Calendar) Date {
	if r.SessionDate.IsZero() {
		return Date{}
	}
	return svCalendar(cal).AddWorkingDays(r.SessionDate, FileOpenWorkingDays)
}

// HasGuidance reports whether guidance on topic was given.
func (r Reception) HasGuidance(topic GuidanceTopic) bool {
	for _, g := range r.Guidance {
		if g == topic {
			return true
		}
	}
	return false
}

// NormalizeReception trims and NFC-normalises the text fields and removes
// duplicate guidance topics.
func NormalizeReception(r *Reception) {
	r.Officer = svText(r.Officer)
	r.Notes = svText(r.Notes)
	seen := map[GuidanceTopic]bool{}
	out := r.Guidance[:0]
	for _, g := range r.Guidance {
		if !seen[g] {
			seen[g] = true
			out = append(out, g)
		}
	}
	r.Guidance = out
}

// ValidateReception checks a reception record; counselling is compulsory
// (TT 10/2024 Art. 17). It returns a *ValidationError or nil.
func ValidateReception(r Reception, today Date) error {
	v := &ValidationError{}
	v.Errors = append(v.Errors, CheckTexts(r)...)
	if r.PersonID == "" {
		v.Add("person_id", "supervision.validation.required")
	}
	if r.SessionDate.IsZero() {
		v.Add("session_date", "supervision.validation.required")
	}
	if r.Officer == "" {
		v.Add("officer", "supervision.validation.required")
	}
	if !r.CounsellingDone {
		v.Add("counselling_done", "supervision.validation.counselling_required")
	}
	for _, g := range r.Guidance {
		switch g {
		case GuidanceResidence, GuidanceIDCard, GuidanceJobs, GuidanceLoans:
		default:
			v.Add("guidance", "supervision.validation.invalid_value", "Value", string(g))
		}
	}
	svNotFuture(v, today, map[string]Date{"session_date": r.SessionDate, "file_opened_on": r.FileOpenedOn})
	svNotBefore(v, "file_opened_on", r.FileOpenedOn, r.SessionDate)
	return v.OrNil()
}
