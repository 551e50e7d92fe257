package caseload

// VisitKind is the kind of contact logged about a person.
type VisitKind string

// Visit kinds.
const (
	VisitHome            VisitKind = "home"
	VisitOffice          VisitKind = "office"
	VisitPhone           VisitKind = "phone"
	VisitQuarterlyReport VisitKind = "quarterly_report" // mentor's quarterly report HCD-08 (TT 10/2024 Art. 10)
)

// VisitKinds lists the visit kinds in display order.
var VisitKinds = []VisitKind{VisitHome, VisitOffice, VisitPhone, VisitQuarterlyReport}

// AuthorKind says who recorded a visit.
type AuthorKind string

// Author kinds.
const (
	AuthorMentor  AuthorKind = "mentor"
	AuthorOfficer AuthorKind = "officer"
)

// AuthorKinds lists the author kinds.
var AuthorKinds = []AuthorKind{AuthorMentor, AuthorOfficer}

// Visit is one entry of a person's append-only contact log. A correction is
// a new visit whose Supersedes holds the id of the entry it replaces; the
// replaced entry stays, shown as corrected.
type Visit struct {
	Meta

	PersonID    string     `json:"person_id"`
	Date        Date       `json:"date"`
	AuthorKind  AuthorKind `json:"author_kind"`
	AuthorName  string     `json:"author_name"`
	MentorID    string     `json:"mentor_id"` // set when the author is a mentor on the roster
	Kind        VisitKind  `json:"kind"`
	Employment  string     `json:"employment"`
	Income      string     `json:"income"`
	Family      string     `json:"family"`
	Health      string     `json:"health"`
	Attitude    string     `json:"attitude"` // attitude and compliance
	Risks       string     `json:"risks"`
	HelpNeeded  string     `json:"help_needed"`
	HelpGiven   string     `json:"help_given"`
	NextPlanned Date       `json:"next_planned"`
	Supersedes  string     `json:"supersedes"` // id of the visit this one corrects
	Notes       string     `json:"notes"`
}

// VisitLogEntry is a visit as shown in a log: with the id of the entry that
// corrected it, if any.
type VisitLogEntry struct {
	Visit
	SupersededBy string `json:"superseded_by"`
}

// Corrected reports whether a later entry supersedes this one.
func (e VisitLogEntry) Corrected() bool { return e.SupersededBy != "" }

// NormalizeVisit trims and NFC-normalises the text fields.
func NormalizeVisit(v *Visit) {
	for _, s := range []*string{&v.AuthorName, &v.Employment, &v.Income, &v.Family, &v.Health,
		&v.Attitude, &v.Risks, &v.HelpNeeded, &v.HelpGiven, &v.Notes} {
		*s = svText(*s)
	}
}

// ValidateVisit checks a visit; it returns a *ValidationError or nil.
func ValidateVisit(vi Visit, today Date) error {
	v := &ValidationError{}
	v.Errors = append(v.Errors, CheckTexts(vi)...)
	if vi.PersonID == "" {
		v.Add("person_id", "supervision.validation.required")
	}
	if vi.Date.IsZero() {
		v.Add("date", "supervision.validation.required")
	}
	switch vi.AuthorKind {
	case AuthorMentor, AuthorOfficer:
	case "":
		v.Add("author_kind", "supervision.validation.required")
	default:
		v.Add("author_kind", "supervision.validation.invalid_value", "Value", string(vi.AuthorKind))
	}
	if vi.AuthorName == "" {
		v.Add("author_name", "supervision.validation.required")
	}
	switch vi.Kind {
	case VisitHome, VisitOffice, VisitPhone, VisitQuarterlyReport:
	case "":
		v.Add("kind", "supervision.validation.required")
	default:
		v.Add("kind", "supervision.validation.invalid_value", "Value", string(vi.Kind))
	}
	svNotFuture(v, today, map[string]Date{"date": vi.Date})
	svNotBefore(v, "next_planned", vi.NextPlanned, vi.Date)
	if vi.Supersedes != "" && vi.Supersedes == vi.ID {
		v.Add("supersedes", "supervision.validation.invalid_value", "Value", vi.Supersedes)
	}
	return v.OrNil()
}
