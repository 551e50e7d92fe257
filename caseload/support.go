package caseload

// SupportKind is a kind of support measure given to a person (NĐ 49/2020
// Arts. 9–11, TT 10/2024 Art. 17).
type SupportKind string

// Support kinds.
const (
	SupportCounselling      SupportKind = "counselling"
	SupportLegalAid         SupportKind = "legal_aid"
	SupportResidence        SupportKind = "residence"
	SupportIDCard           SupportKind = "id_card"
	SupportRecordCert       SupportKind = "record_certificate"
	SupportTraining         SupportKind = "training"
	SupportJobReferral      SupportKind = "job_referral"
	SupportEmployment       SupportKind = "employment"
	SupportLoan             SupportKind = "loan"
	SupportSocialProtection SupportKind = "social_protection"
	SupportFundPayment      SupportKind = "fund_payment"
	SupportOther            SupportKind = "other"
)

// SupportKinds lists the support kinds in display order.
var SupportKinds = []SupportKind{SupportCounselling, SupportLegalAid, SupportResidence, SupportIDCard,
	SupportRecordCert, SupportTraining, SupportJobReferral, SupportEmployment, SupportLoan,
	SupportSocialProtection, SupportFundPayment, SupportOther}

// Valid reports whether k is one of SupportKinds.
func (k SupportKind) Valid() bool {
	for _, v := range SupportKinds {
		if v == k {
			return true
		}
	}
	return false
}

// HasAmount reports whether an amount of money applies to the kind
// (training, loans, social protection and fund payments).
func (k SupportKind) HasAmount() bool {
	switch k {
	case SupportTraining, SupportLoan, SupportSocialProtection, SupportFundPayment, SupportOther:
		return true
	}
	return false
}

// Support is one support measure given to a person. For kind
// "employment", Date is the start date, Employer and Income (monthly, đồng)
// describe the job and EndedOn, when set, its end.
type Support struct {
	Meta

	PersonID string      `json:"person_id"`
	Kind     SupportKind `json:"kind"`
	Date     Date        `json:"date"`
	Provider string      `json:"provider"`
	Outcome  string      `json:"outcome"`
	Amount   int64       `json:"amount"`
	Employer string      `json:"employer"`
	Income   int64       `json:"income"`
	EndedOn  Date        `json:"ended_on"`
	Notes    string      `json:"notes"`
}

// Normalize trims the text fields and puts them in NFC.
func (s *Support) Normalize() {
	for _, p := range []*string{&s.PersonID, &s.Provider, &s.Outcome, &s.Employer, &s.Notes} {
		*p = supportText(*p)
	}
}

// Validate checks the record; errors carry message keys.
func (s Support) Validate() error {
	v := &ValidationError{}
	v.Errors = append(v.Errors, CheckTexts(s)...)
	if s.PersonID == "" {
		v.Add("person_id", "support.error.person_required")
	}
	if !s.Kind.Valid() {
		v.Add("kind", "support.error.kind_invalid", "Value", string(s.Kind))
	}
	if s.Date.IsZero() {
		v.Add("date", "support.error.date_required")
	}
	if s.Amount < 0 {
		v.Add("amount", "support.error.amount_negative")
	}
	if s.Income < 0 {
		v.Add("income", "support.error.income_negative")
	}
	if s.Kind == SupportEmployment && s.Employer == "" {
		v.Add("employer", "support.error.employer_required")
	}
	if !s.EndedOn.IsZero() && !s.Date.IsZero() && s.EndedOn.Before(s.Date) {
		v.Add("ended_on", "support.error.ended_before_start")
	}
	return v.OrNil()
}

// CurrentEmployment returns the employment a person holds on day: the
// latest started employment record that has not ended before day.
func CurrentEmployment(list []Support, day Date) (Support, bool) {
	var best Support
	found := false
	for _, s := range list {
		if s.Deleted || s.Kind != SupportEmployment || s.Date.After(day) {
			continue
		}
		if !s.EndedOn.IsZero() && s.EndedOn.Before(day) {
			continue
		}
		if !found || s.Date.After(best.Date) {
			best, found = s, true
		}
	}
	return best, found
}

// supportText trims s and puts it in Unicode NFC (Unikey's combining mode
// sends decomposed letters).
func supportText(s string) string { return NormalizeText(s) }
