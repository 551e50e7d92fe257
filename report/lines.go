package report

import (
	"hoanhap/caseload"
	"hoanhap/i18n"
)

// Unit is how a figure is counted and shown.
type Unit int

// Units of a figure.
const (
	Count Unit = iota // a whole number: 1.234
	Money             // đồng: 80.853.000.000 đ
	Ratio             // a fraction shown as a percentage: 3,37%
)

// Line is one figure of a report in display order: its key (the JSON key;
// "supports.loan" and "ended.dead" for the members of the two objects),
// its value and its unit. Label and Definition give the texts.
type Line struct {
	Key   string
	Value float64
	Unit  Unit
	// Section is the heading the line sits under on screen and in Excel.
	Section string
}

// Label is the figure's name in the current language.
func (l Line) Label() string { return i18n.T("report.ind." + l.Key) }

// Definition is the written rule of the figure in the current language,
// the text of the Excel notes sheet.
func (l Line) Definition() string { return i18n.T("report.def." + l.Key) }

// Lines returns the figures of in, in the order of the report.
func Lines(in Indicators) []Line {
	var out []Line
	add := func(section, key string, v float64, u Unit) {
		out = append(out, Line{Key: key, Value: v, Unit: u, Section: section})
	}
	c := func(section, key string, n int) { add(section, key, float64(n), Count) }
	c("returned", "returned", in.Returned)
	c("returned", "returned_completed", in.ReturnedCompleted)
	c("returned", "returned_amnesty", in.ReturnedAmnesty)
	c("returned", "returned_conditional_release", in.ReturnedConditionalRelease)
	c("returned", "returned_male", in.ReturnedMale)
	c("returned", "returned_female", in.ReturnedFemale)
	c("returned", "returned_employed_before", in.ReturnedEmployedBefore)
	c("managed", "managed_end", in.ManagedEnd)
	c("managed", "managed_end_group_a", in.ManagedEndGroupA)
	c("managed", "managed_end_group_b", in.ManagedEndGroupB)
	c("managed", "managed_end_group_c", in.ManagedEndGroupC)
	c("managed", "managed_end_group_d", in.ManagedEndGroupD)
	c("managed", "managed_end_unclassified", in.ManagedEndUnclassified)
	c("managed", "managed_during", in.ManagedDuring)
	c("managed", "recidivism", in.Recidivism)
	add("managed", "recidivism_rate", in.RecidivismRate, Ratio)
	c("managed", "expunged", in.Expunged)
	c("managed", "expunged_cumulative", in.ExpungedCumulative)
	for _, r := range caseload.EndReasons {
		c("ended", "ended."+string(r), in.Ended[string(r)])
	}
	c("help", "visits", in.Visits)
	c("help", "mentors_active", in.MentorsActive)
	c("help", "employed_end", in.EmployedEnd)
	for _, k := range caseload.SupportKinds {
		c("supports", "supports."+string(k), in.Supports[string(k)])
	}
	c("loans", "loans", in.Loans)
	add("loans", "loans_amount", float64(in.LoansAmount), Money)
	c("loans", "loans_cumulative", in.LoansCumulative)
	add("loans", "loans_amount_cumulative", float64(in.LoansAmountCumulative), Money)
	c("models", "models_active", in.ModelsActive)
	c("models", "models_started", in.ModelsStarted)
	c("models", "model_members", in.ModelMembers)
	c("models", "models_recognised", in.ModelsRecognised)
	c("models", "businesses", in.Businesses)
	c("models", "business_returnee_workers", in.BusinessReturneeWorkers)
	c("models", "exemplary", in.Exemplary)
	return out
}

// Sections lists the section keys of Lines in order.
var Sections = []string{"returned", "managed", "ended", "help", "supports", "loans", "models"}

// SectionTitle is the heading of a section in the current language.
func SectionTitle(section string) string { return i18n.T("report.section." + section) }

// Format shows a value the Vietnamese way: 1.234, 80.853.000.000 đ, 3,37%.
func Format(v float64, u Unit) string {
	switch u {
	case Money:
		return i18n.Money(int64(v))
	case Ratio:
		return Percent(v)
	}
	return i18n.Number(int(v))
}

// Percent shows a fraction as a percentage with two decimals and a
// decimal comma: 0.0337 → "3,37%".
func Percent(v float64) string {
	n := int64(v*10000 + 0.5)
	s := i18n.Number(int(n/100)) + "," + string(rune('0'+n%100/10)) + string(rune('0'+n%10))
	return s + "%"
}
