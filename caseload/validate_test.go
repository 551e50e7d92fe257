package caseload

import (
	"errors"
	"reflect"
	"sort"
	"testing"
)

var validateToday = D(2026, 3, 10)

// validPerson is a complete, valid managed person.
func validPerson() Person {
	return Person{
		FullName:       "Nguyễn Văn An",
		Gender:         Male,
		BirthDate:      BirthDate{Year: 1985, Month: 3, Day: 2},
		CitizenID:      "001085012345",
		Status:         StatusManaged,
		SentenceKind:   SentencePrison,
		SentenceMonths: 36,
		Judgment:       Judgment{Number: "12/2021/HS-ST", Date: D(2021, 5, 4)},
		CompletedOn:    D(2024, 5, 3),
		ReturnedOn:     D(2024, 5, 4),
		ReportedOn:     D(2024, 5, 6),
	}
}

// fieldKeyPairs returns "field key" strings of a ValidationError, sorted.
func fieldKeyPairs(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var v *ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("error %T is not a *ValidationError", err)
	}
	var out []string
	for _, e := range v.Errors {
		out = append(out, e.Field+" "+e.Key)
	}
	sort.Strings(out)
	return out
}

func TestValidatePerson(t *testing.T) {
	tests := []struct {
		name   string
		change func(p *Person)
		want   []string // "field key"
	}{
		{"valid", func(p *Person) {}, nil},
		{"year-only birth date", func(p *Person) { p.BirthDate = BirthDate{Year: 1985} }, nil},
		{"missing name", func(p *Person) { p.FullName = "" }, []string{"full_name validation.full_name.required"}},
		{"one-word name", func(p *Person) { p.FullName = "An" }, []string{"full_name validation.full_name.words"}},
		{"missing gender", func(p *Person) { p.Gender = "" }, []string{"gender validation.gender.required"}},
		{"bad gender", func(p *Person) { p.Gender = "x" }, []string{"gender validation.enum"}},
		{"missing birth date", func(p *Person) { p.BirthDate = BirthDate{}; p.CitizenID = "" },
			[]string{"birth_date validation.birth_date.required"}},
		{"too young", func(p *Person) { p.BirthDate = BirthDate{Year: 2015}; p.CitizenID = "" },
			[]string{"birth_date validation.birth_date.age"}},
		{"too old", func(p *Person) { p.BirthDate = BirthDate{Year: 1900}; p.CitizenID = "" },
			[]string{"birth_date validation.birth_date.age"}},
		{"birth date in the future", func(p *Person) { p.BirthDate = BirthDate{2027, 1, 1}; p.CitizenID = "" },
			[]string{"birth_date validation.date.future"}},
		{"birth year in the future", func(p *Person) { p.BirthDate = BirthDate{Year: 2030}; p.CitizenID = "" },
			[]string{"birth_date validation.birth_date.year_future"}},
		{"missing status", func(p *Person) { p.Status = "" }, []string{"status validation.status.required"}},
		{"bad status", func(p *Person) { p.Status = "gone" }, []string{"status validation.enum"}},
		{"ended without reason", func(p *Person) { p.Status = StatusEnded },
			[]string{"end_reason validation.end_reason.required"}},
		{"ended with reason", func(p *Person) { p.Status = StatusEnded; p.EndReason = EndMovedAway }, nil},
		{"bad enums", func(p *Person) {
			p.SentenceKind, p.ReleaseKind, p.EndReason, p.Group = "death", "escape", "bored", "E"
			p.OffenseSeverity, p.ExpungeMethod = "mild", "magic"
		}, []string{"end_reason validation.enum", "expunge_method validation.enum", "group validation.enum",
			"offense_severity validation.enum", "release_kind validation.enum", "sentence_kind validation.enum"}},
		{"prison without months", func(p *Person) { p.SentenceMonths = 0 },
			[]string{"sentence_months validation.sentence_months.required"}},
		{"life with zero months", func(p *Person) { p.SentenceKind = SentenceLife; p.SentenceMonths = 0 }, nil},
		{"death commuted with zero months", func(p *Person) { p.SentenceKind = SentenceDeathCommuted; p.SentenceMonths = 0 }, nil},
		{"fine with zero months", func(p *Person) { p.SentenceKind = SentenceFine; p.SentenceMonths = 0 }, nil},
		{"601 months", func(p *Person) { p.SentenceMonths = 601 },
			[]string{"sentence_months validation.sentence_months.range"}},
		{"negative months", func(p *Person) { p.SentenceMonths = -1 },
			[]string{"sentence_months validation.sentence_months.range"}},
		{"600 months", func(p *Person) { p.SentenceMonths = 600 }, nil},
		{"negative supplementary", func(p *Person) { p.Supplementary = []Supplementary{{Kind: "quản chế", Months: -3}} },
			[]string{"supplementary.0.months validation.sentence_months.range"}},
		{"negative civil amount", func(p *Person) { p.CivilObligations.Amount = -5 },
			[]string{"civil_obligations.amount validation.amount.negative"}},
		{"chapter 27", func(p *Person) { p.OffenseChapter = 27 },
			[]string{"offense_chapter validation.offense_chapter.range"}},
		{"future dates", func(p *Person) {
			p.Judgment.Date = D(2026, 3, 11)
			p.CompletedOn, p.ReturnedOn, p.ReportedOn = D(2026, 4, 1), D(2026, 4, 2), D(2026, 4, 3)
			p.ExpungedOn, p.EndDecision.Date = D(2027, 1, 1), D(2027, 1, 1)
			p.NewConvictionOn = D(2027, 1, 1)
		}, []string{"completed_on validation.date.future", "end_decision.date validation.date.future",
			"expunged_on validation.date.future", "judgment.date validation.date.future",
			"new_conviction_on validation.date.future",
			"reported_on validation.date.future", "returned_on validation.date.future"}},
		{"expected release in the future is fine", func(p *Person) {
			p.Status, p.CompletedOn, p.ReturnedOn, p.ReportedOn = StatusExpected, D(2026, 5, 1), Date{}, Date{}
		}, nil},
		{"released before judgment", func(p *Person) { p.CompletedOn = D(2021, 5, 3); p.ReturnedOn = Date{} },
			[]string{"completed_on validation.completed_on.before_judgment"}},
		{"returned before release", func(p *Person) { p.ReturnedOn = D(2024, 5, 2) },
			[]string{"returned_on validation.returned_on.before_completed"}},
		{"juvenile aged 15", func(p *Person) { p.Juvenile = true; p.AgeAtOffense = 15 },
			[]string{"age_at_offense validation.age_at_offense.juvenile"}},
		{"juvenile aged 18", func(p *Person) { p.Juvenile = true; p.AgeAtOffense = 18 },
			[]string{"age_at_offense validation.age_at_offense.juvenile"}},
		{"juvenile aged 17", func(p *Person) { p.Juvenile = true; p.AgeAtOffense = 17 }, nil},
		{"juvenile, age unknown", func(p *Person) { p.Juvenile = true }, nil},
		{"age at offence 12", func(p *Person) { p.AgeAtOffense = 12 },
			[]string{"age_at_offense validation.age_at_offense.range"}},
		{"citizen ID wrong length", func(p *Person) { p.CitizenID = "0010850123" },
			[]string{"citizen_id validation.citizen_id.length"}},
		{"citizen ID warning does not block", func(p *Person) { p.CitizenID = "001185012345" }, nil},
	}
	for _, tt := range tests {
		p := validPerson()
		tt.change(&p)
		got := fieldKeyPairs(t, ValidatePerson(p, validateToday))
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got  %v\n want %v", tt.name, got, tt.want)
		}
	}
}

func TestPersonWarnings(t *testing.T) {
	tests := []struct {
		name   string
		change func(p *Person)
		want   []string
	}{
		{"none", func(p *Person) {}, nil},
		{"CCCD gender", func(p *Person) { p.CitizenID = "001185012345" }, []string{"validation.citizen_id.gender"}},
		{"managed without completion date or sentence", func(p *Person) { p.CompletedOn = Date{}; p.SentenceKind = "" },
			[]string{"validation.completed_on.missing", "validation.sentence_kind.missing"}},
		{"expected without completion date", func(p *Person) { p.Status = StatusExpected; p.CompletedOn = Date{} }, nil},
		{"aged 17 but not marked juvenile", func(p *Person) { p.AgeAtOffense = 17 }, []string{"validation.juvenile.age_suggests"}},
	}
	for _, tt := range tests {
		p := validPerson()
		tt.change(&p)
		if got := fieldKeys(PersonWarnings(p)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: warnings %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestAgeOn(t *testing.T) {
	tests := []struct {
		b    BirthDate
		d    Date
		want int
	}{
		{BirthDate{1985, 3, 2}, D(2026, 3, 1), 40},
		{BirthDate{1985, 3, 2}, D(2026, 3, 2), 41},
		{BirthDate{Year: 1985}, D(2026, 1, 1), 41},
	}
	for _, tt := range tests {
		if got := AgeOn(tt.b, tt.d); got != tt.want {
			t.Errorf("AgeOn(%s, %s) = %d, want %d", tt.b, tt.d, got, tt.want)
		}
	}
}
