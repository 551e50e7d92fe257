package caseload

import (
	"fmt"
	"strings"
)

// Limits used by ValidatePerson.
const (
	MinPlausibleAge   = 14  // criminal responsibility starts at 14 (BLHS 2015 Art. 12)
	MaxPlausibleAge   = 110 // older than this is a typing mistake
	MaxSentenceMonths = 600 // 50 years, well above any fixed prison term
	MaxOffenseChapter = 26  // BLHS 2015 has 26 chapters
)

// ValidatePerson checks a person record (call Normalize first) and
// returns a *ValidationError listing every problem found, or nil. Field
// names are the canonical JSON names ("full_name", "judgment.date", ...);
// messages are keys of the "validation" area of package i18n. today is the
// date the check is made, for age and "not in the future" rules.
//
// Warnings that must not block a save are given by PersonWarnings.
func ValidatePerson(p Person, today Date) error {
	v := &ValidationError{}
	v.Errors = append(v.Errors, CheckTexts(p)...)
	if len(v.For("full_name")) == 0 { // a control character is reported as such
		pvName(v, p.FullName)
	}
	pvGender(v, p.Gender)
	pvBirth(v, p.BirthDate, today)
	pvStatus(v, p)
	pvEnums(v, p)
	pvSentence(v, p)
	pvDates(v, p, today)
	pvJuvenile(v, p)
	errs, _ := CheckCitizenID(p.CitizenID, p.Gender, p.BirthDate.Year)
	v.Errors = append(v.Errors, errs...)
	return v.OrNil()
}

// PersonWarnings returns the problems that do not block a save but that
// the officer should look at: citizen-ID cross-checks (CheckCitizenID), a
// managed person with no completion date or no sentence kind (both are
// needed for the expungement date), a juvenile flag that the age at the
// offence contradicts.
func PersonWarnings(p Person) []FieldError {
	_, warns := CheckCitizenID(p.CitizenID, p.Gender, p.BirthDate.Year)
	if p.Status == StatusManaged || p.Status == StatusEnded {
		if p.CompletedOn.IsZero() {
			warns = append(warns, FieldError{Field: "completed_on", Key: "validation.completed_on.missing"})
		}
		if p.SentenceKind == "" {
			warns = append(warns, FieldError{Field: "sentence_kind", Key: "validation.sentence_kind.missing"})
		}
	}
	if !p.Juvenile && (p.AgeAtOffense == 16 || p.AgeAtOffense == 17) {
		warns = append(warns, FieldError{Field: "juvenile", Key: "validation.juvenile.age_suggests",
			Args: map[string]any{"Age": p.AgeAtOffense}})
	}
	return warns
}

func pvName(v *ValidationError, name string) {
	switch n := len(strings.Fields(name)); {
	case n == 0:
		v.Add("full_name", "validation.full_name.required")
	case n < 2:
		v.Add("full_name", "validation.full_name.words", "Value", name)
	}
}

func pvGender(v *ValidationError, g Gender) {
	switch {
	case g == "":
		v.Add("gender", "validation.gender.required")
	case !pvIn(g, Genders):
		v.Add("gender", "validation.enum", "Value", string(g))
	}
}

func pvBirth(v *ValidationError, b BirthDate, today Date) {
	if b.IsZero() {
		v.Add("birth_date", "validation.birth_date.required")
		return
	}
	if !b.YearOnly() {
		d := b.Date()
		if d.Time().Month() != d.Month() || d.Time().Day() != d.Day() {
			v.Add("birth_date", "validation.date.invalid", "Value", b.String())
			return
		}
		if d.After(today) {
			v.Add("birth_date", "validation.date.future", "Date", d, "Today", today)
			return
		}
	} else if b.Year > today.Year() {
		v.Add("birth_date", "validation.birth_date.year_future", "Year", b.Year, "Today", today)
		return
	}
	if age := AgeOn(b, today); age < MinPlausibleAge || age > MaxPlausibleAge {
		v.Add("birth_date", "validation.birth_date.age", "Age", age,
			"Min", MinPlausibleAge, "Max", MaxPlausibleAge)
	}
}

// AgeOn returns the age in whole years on day d of someone born on b. With
// a year-only birth date it is the difference of the years.
func AgeOn(b BirthDate, d Date) int {
	age := d.Year() - b.Year
	if !b.YearOnly() && (d.Month() < b.Month || (d.Month() == b.Month && d.Day() < b.Day)) {
		age--
	}
	return age
}

func pvStatus(v *ValidationError, p Person) {
	switch {
	case p.Status == "":
		v.Add("status", "validation.status.required")
	case !pvIn(p.Status, Statuses):
		v.Add("status", "validation.enum", "Value", string(p.Status))
	case p.Status == StatusEnded && p.EndReason == "":
		v.Add("end_reason", "validation.end_reason.required")
	}
}

func pvEnums(v *ValidationError, p Person) {
	pvEnum(v, "sentence_kind", p.SentenceKind, SentenceKinds)
	pvEnum(v, "release_kind", p.ReleaseKind, ReleaseKinds)
	pvEnum(v, "end_reason", p.EndReason, EndReasons)
	pvEnum(v, "group", p.Group, Groups)
	pvEnum(v, "offense_severity", p.OffenseSeverity, Severities)
	pvEnum(v, "expunge_method", p.ExpungeMethod, []ExpungeMethod{ExpungeAutomatic, ExpungeCourt})
	if p.OffenseChapter < 0 || p.OffenseChapter > MaxOffenseChapter {
		v.Add("offense_chapter", "validation.offense_chapter.range",
			"Value", p.OffenseChapter, "Max", MaxOffenseChapter)
	}
}

func pvEnum[T ~string](v *ValidationError, field string, val T, valid []T) {
	if val != "" && !pvIn(val, valid) {
		v.Add(field, "validation.enum", "Value", string(val))
	}
}

func pvIn[T comparable](x T, list []T) bool {
	for _, y := range list {
		if x == y {
			return true
		}
	}
	return false
}

func pvSentence(v *ValidationError, p Person) {
	m := p.SentenceMonths
	switch {
	case m < 0 || m > MaxSentenceMonths:
		v.Add("sentence_months", "validation.sentence_months.range",
			"Value", m, "Min", 0, "Max", MaxSentenceMonths)
	case p.SentenceKind == SentencePrison && m == 0:
		v.Add("sentence_months", "validation.sentence_months.required")
	}
	for i, s := range p.Supplementary {
		if s.Months < 0 || s.Months > MaxSentenceMonths {
			v.Add(fmt.Sprintf("supplementary.%d.months", i), "validation.sentence_months.range",
				"Value", s.Months, "Min", 0, "Max", MaxSentenceMonths)
		}
	}
	if p.CivilObligations.Amount < 0 {
		v.Add("civil_obligations.amount", "validation.amount.negative")
	}
}

func pvDates(v *ValidationError, p Person, today Date) {
	type dated struct {
		field string
		d     Date
	}
	checks := []dated{
		{"judgment.date", p.Judgment.Date},
		{"completed_on", p.CompletedOn},
		{"returned_on", p.ReturnedOn},
		{"reported_on", p.ReportedOn},
		{"expunged_on", p.ExpungedOn},
		{"new_conviction_on", p.NewConvictionOn},
		{"end_decision.date", p.EndDecision.Date},
	}
	for i, s := range p.Supplementary {
		checks = append(checks, dated{fmt.Sprintf("supplementary.%d.ends_on", i), s.EndsOn})
	}
	checks = append(checks, dated{"civil_obligations.settled_on", p.CivilObligations.SettledOn})
	for i, d := range p.CourtRefusals {
		checks = append(checks, dated{fmt.Sprintf("court_refusals.%d", i), d})
	}
	for _, c := range checks {
		if c.d.IsZero() {
			continue
		}
		if t := c.d.Time(); t.Month() != c.d.Month() || t.Day() != c.d.Day() {
			v.Add(c.field, "validation.date.invalid", "Value", c.d.String())
			continue
		}
		mayBeFuture := c.field == "completed_on" && p.Status == StatusExpected ||
			strings.HasPrefix(c.field, "supplementary.")
		if !mayBeFuture && c.d.After(today) {
			v.Add(c.field, "validation.date.future", "Date", c.d, "Today", today)
		}
	}
	pvOrder(v, p)
}

// pvOrder refuses dates that contradict each other: a person is born
// before the judgment, the judgment comes no later than the end of the
// sentence, which comes no later than the return home, which comes no
// later than reporting to the ward (birth < judgment ≤ completed_on ≤
// returned_on ≤ reported_on). Each date is compared with the nearest
// known date before it in that chain, and every one with the birth date;
// the message names both dates.
func pvOrder(v *ValidationError, p Person) {
	chain := []struct {
		field, arg string
		d          Date
	}{
		{"judgment.date", "Judgment", p.Judgment.Date},
		{"completed_on", "Completed", p.CompletedOn},
		{"returned_on", "Returned", p.ReturnedOn},
		{"reported_on", "Reported", p.ReportedOn},
	}
	short := map[string]string{"judgment.date": "judgment", "completed_on": "completed",
		"returned_on": "returned", "reported_on": "reported"}
	if len(v.For("birth_date")) > 0 {
		return
	}
	b := p.BirthDate
	prev := -1
	for i, c := range chain {
		if c.d.IsZero() || len(v.For(c.field)) > 0 {
			continue
		}
		if !b.IsZero() && (b.YearOnly() && c.d.Year() < b.Year || !b.YearOnly() && !c.d.After(b.Date())) {
			v.Add(c.field, "validation.date.before_birth", "Date", c.d, "Birth", b)
		} else if prev >= 0 && c.d.Before(chain[prev].d) {
			e := chain[prev]
			v.Add(c.field, "validation."+c.field+".before_"+short[e.field],
				"Date", c.d, e.arg, e.d)
		}
		prev = i
	}
}

func pvJuvenile(v *ValidationError, p Person) {
	a := p.AgeAtOffense
	switch {
	case a != 0 && (a < MinPlausibleAge || a > MaxPlausibleAge):
		v.Add("age_at_offense", "validation.age_at_offense.range",
			"Value", a, "Min", MinPlausibleAge, "Max", MaxPlausibleAge)
	case p.Juvenile && a != 0 && (a < 16 || a > 17):
		v.Add("age_at_offense", "validation.age_at_offense.juvenile", "Value", a)
	}
}
