package ui

import (
	"errors"
	"strings"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// load fills the widgets from p without marking the form dirty.
func (f *personForm) load(p caseload.Person) {
	f.loading = true
	defer func() { f.loading = false }()
	f.live = false
	if p.Status == "" {
		p.Status = caseload.StatusManaged
	}
	f.person = p
	f.fullName.SetText(p.FullName)
	f.otherNames.SetText(p.OtherNames)
	f.gender.SetValue(string(p.Gender))
	f.birth.SetBirthDate(p.BirthDate)
	f.citizenID.SetText(p.CitizenID)
	f.ethnicity.SetText(p.Ethnicity)
	f.phone.SetText(p.Phone)
	f.education.SetText(p.Education)
	f.occupation.SetText(p.Occupation)
	f.employedBefore.SetChecked(p.EmployedBefore)
	f.hamlet.SetText(p.Hamlet)
	f.address.SetText(p.Address)
	f.offense.SetText(p.Offense)
	f.articles.SetText(p.CriminalCodeArticles)
	f.chapter.SetInt(p.OffenseChapter)
	f.severity.SetValue(string(p.OffenseSeverity))
	f.negligent.SetChecked(p.Negligent)
	f.juvenile.SetChecked(p.Juvenile)
	f.ageAtOffense.SetInt(p.AgeAtOffense)
	f.judgmentNumber.SetText(p.Judgment.Number)
	f.judgmentDate.SetDate(p.Judgment.Date)
	f.judgmentCourt.SetText(p.Judgment.Court)
	f.sentenceKind.SetValue(string(p.SentenceKind))
	f.sentenceMonths.SetInt(p.SentenceMonths)
	f.supp = nil
	f.suppBox.RemoveAll()
	for _, s := range p.Supplementary {
		f.addSupp(s)
	}
	f.civilAmount.SetAmount(p.CivilObligations.Amount)
	f.civilNone.SetChecked(p.CivilObligations.None)
	f.civilSettled.SetDate(p.CivilObligations.SettledOn)
	f.facility.SetText(p.Facility)
	f.releaseKind.SetValue(string(p.ReleaseKind))
	f.certificateNo.SetText(p.CertificateNo)
	f.completedOn.SetDate(p.CompletedOn)
	f.returnedOn.SetDate(p.ReturnedOn)
	f.reportedOn.SetDate(p.ReportedOn)
	f.status.SetValue(string(p.Status))
	f.group.SetValue(string(p.Group))
	f.showGroupHint(string(p.Group))
	f.endReason.SetValue(string(p.EndReason))
	f.endDecisionNumber.SetText(p.EndDecision.Number)
	f.endDecisionDate.SetDate(p.EndDecision.Date)
	f.expungedOn.SetDate(p.ExpungedOn)
	f.expMethod.SetValue(string(p.ExpungeMethod))
	f.loadRefusals(p.CourtRefusals)
	f.notes.SetText(p.Notes)
	f.dirty = false
	f.updateTitle()
	f.refreshPanel()
}

// collect reads the widgets into a Person (keeping the loaded sync
// fields) and reports input that cannot be read at all (bad dates or
// numbers).
func (f *personForm) collect() (caseload.Person, *caseload.ValidationError) {
	v := &caseload.ValidationError{}
	p := f.person
	p.FullName = f.fullName.Value()
	p.OtherNames = f.otherNames.Value()
	p.Gender = caseload.Gender(f.gender.Value())
	p.BirthDate = f.readBirth(v, "birth_date", f.birth)
	p.CitizenID = strings.ReplaceAll(f.citizenID.Value(), " ", "")
	p.Ethnicity = f.ethnicity.Value()
	p.Phone = f.phone.Value()
	p.Education = f.education.Value()
	p.Occupation = f.occupation.Value()
	p.EmployedBefore = f.employedBefore.Checked
	p.Hamlet = nfc(f.hamlet.Text)
	p.Address = f.address.Value()
	p.Offense = f.offense.Value()
	p.CriminalCodeArticles = f.articles.Value()
	p.OffenseChapter = f.chapter.Read(v, "offense_chapter")
	p.OffenseSeverity = caseload.Severity(f.severity.Value())
	p.Negligent = f.negligent.Checked
	p.Juvenile = f.juvenile.Checked
	p.AgeAtOffense = f.ageAtOffense.Read(v, "age_at_offense")
	p.Judgment = caseload.Judgment{Number: f.judgmentNumber.Value(), Court: f.judgmentCourt.Value(),
		Date: readDate(v, "judgment.date", f.judgmentDate)}
	p.SentenceKind = caseload.SentenceKind(f.sentenceKind.Value())
	p.SentenceMonths = f.sentenceMonths.Read(v, "sentence_months")
	p.Supplementary = nil
	for _, r := range f.supp {
		s := caseload.Supplementary{Kind: r.kind.Value(), Months: r.months.Read(v, "supplementary"),
			EndsOn: readDate(v, "supplementary", r.endsOn)}
		if s.Kind != "" || s.Months != 0 || !s.EndsOn.IsZero() {
			p.Supplementary = append(p.Supplementary, s)
		}
	}
	p.CivilObligations = caseload.CivilObligations{
		Amount: f.civilAmount.Read(v, "civil_obligations.amount"), None: f.civilNone.Checked,
		SettledOn: readDate(v, "civil_obligations.settled_on", f.civilSettled)}
	p.Facility = f.facility.Value()
	p.ReleaseKind = caseload.ReleaseKind(f.releaseKind.Value())
	p.CertificateNo = f.certificateNo.Value()
	p.CompletedOn = readDate(v, "completed_on", f.completedOn)
	p.ReturnedOn = readDate(v, "returned_on", f.returnedOn)
	p.ReportedOn = readDate(v, "reported_on", f.reportedOn)
	p.Status = caseload.Status(f.status.Value())
	p.Group = caseload.Group(f.group.Value())
	p.EndReason = caseload.EndReason(f.endReason.Value())
	p.EndDecision = caseload.Decision{Number: f.endDecisionNumber.Value(), Date: readDate(v, "end_decision.date", f.endDecisionDate)}
	p.ExpungedOn = readDate(v, "expunged_on", f.expungedOn)
	p.ExpungeMethod = caseload.ExpungeMethod(f.expMethod.Value())
	p.CourtRefusals = f.collectRefusals(v)
	p.Notes = nfc(f.notes.Text)
	return p, v
}

func (f *personForm) readBirth(v *caseload.ValidationError, field string, d *DateEntry) caseload.BirthDate {
	if err := d.Err(); err != nil {
		addErr(v, field, err)
	}
	return d.BirthDate()
}

func readDate(v *caseload.ValidationError, field string, d *DateEntry) caseload.Date {
	if err := d.Err(); err != nil {
		addErr(v, field, err)
	}
	return d.Date()
}

// addErr records a translatable error (or a generic one) for field.
func addErr(v *caseload.ValidationError, field string, err error) {
	var m i18n.Message
	if errors.As(err, &m) {
		v.Errors = append(v.Errors, caseload.FieldError{Field: field, Key: m.MessageKey(), Args: m.MessageArgs()})
		return
	}
	v.Add(field, "ui.error.date_invalid")
}

// fieldCheck returns the check of one field as a save makes it: the
// first message the form's rules give about field, nil when none. A date
// field's mark uses it, so a future birth date is never marked valid.
func (f *personForm) fieldCheck(field string) func() error {
	return func() error {
		if f.loading {
			return nil
		}
		p, local := f.collect()
		if fe := local.For(field); len(fe) > 0 {
			return fe[0]
		}
		caseload.Normalize(&p)
		var verr *caseload.ValidationError
		if errors.As(caseload.ValidatePerson(p, f.today()), &verr) {
			if fe := verr.For(field); len(fe) > 0 {
				return fe[0]
			}
		}
		return nil
	}
}
