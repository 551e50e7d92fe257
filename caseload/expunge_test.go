package caseload

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// expPerson returns a person who completed the main penalty on 10/03/2020
// and whose judgment imposed no civil obligations.
func expPerson(kind SentenceKind, months int) Person {
	return Person{
		FullName: "Trần Văn Bình", Gender: Male, Status: StatusManaged,
		SentenceKind: kind, SentenceMonths: months, OffenseSeverity: SeverityVerySerious,
		CompletedOn: D(2020, 3, 10), CivilObligations: CivilObligations{None: true},
	}
}

func court(p Person) Person     { p.OffenseChapter = 13; return p }
func juvenile(p Person) Person  { p.Juvenile = true; return p }
func negligent(p Person) Person { p.Negligent = true; return p }
func severity(p Person, s Severity) Person {
	p.OffenseSeverity = s
	return p
}

type expCase struct {
	name     string
	law      string
	p        Person
	noRecord bool
	method   ExpungeMethod
	rule     string
	period   int
	eligible string // "" = zero
	pending  bool
	blockers []string // message keys
}

func (c expCase) check(t *testing.T) {
	t.Helper()
	e := ComputeExpungement(c.p)
	fail := func(format string, args ...any) {
		t.Helper()
		t.Errorf("%s [%s]: "+format, append([]any{c.name, c.law}, args...)...)
	}
	if e.NoRecord != c.noRecord {
		fail("NoRecord = %v, want %v", e.NoRecord, c.noRecord)
	}
	if e.Method != c.method {
		fail("Method = %q, want %q", e.Method, c.method)
	}
	if e.Rule != c.rule {
		fail("Rule = %q, want %q", e.Rule, c.rule)
	}
	if e.Period != c.period {
		fail("Period = %d months, want %d", e.Period, c.period)
	}
	if e.EligibleOn.String() != c.eligible {
		fail("EligibleOn = %q, want %q", e.EligibleOn, c.eligible)
	}
	if e.Pending != c.pending {
		fail("Pending = %v, want %v", e.Pending, c.pending)
	}
	var keys []string
	for _, b := range e.Blockers {
		keys = append(keys, b.Key)
	}
	if strings.Join(keys, ",") != strings.Join(c.blockers, ",") {
		fail("Blockers = %v, want %v", keys, c.blockers)
	}
	if c.rule != "" && len(e.Reasons) == 0 {
		fail("no explanation lines")
	}
	if e.Article == "" && c.rule != RuleExpunged {
		fail("no article cited")
	}
}

func TestExpungementTable(t *testing.T) {
	A, C := ExpungeAutomatic, ExpungeCourt
	cases := []expCase{
		// Art. 70(2): automatic.
		{"warning", "BLHS 2015 Art. 70(2)(a)", expPerson(SentenceWarning, 0), false, A, "art70.light_penalty", 12, "2021-03-10", false, nil},
		{"fine", "BLHS 2015 Art. 70(2)(a)", expPerson(SentenceFine, 0), false, A, "art70.light_penalty", 12, "2021-03-10", false, nil},
		{"non-custodial", "BLHS 2015 Art. 70(2)(a)", expPerson(SentenceNonCustodial, 24), false, A, "art70.light_penalty", 12, "2021-03-10", false, nil},
		{"suspended, from end of probation", "BLHS 2015 Art. 70(2)(a)", expPerson(SentenceSuspended, 36), false, A, "art70.light_penalty", 12, "2021-03-10", false, nil},
		{"prison 1 month", "BLHS 2015 Art. 70(2)(b)", expPerson(SentencePrison, 1), false, A, "art70.prison_le_5y", 24, "2022-03-10", false, nil},
		{"prison 60 months", "BLHS 2015 Art. 70(2)(b)", expPerson(SentencePrison, 60), false, A, "art70.prison_le_5y", 24, "2022-03-10", false, nil},
		{"prison 61 months", "BLHS 2015 Art. 70(2)(c)", expPerson(SentencePrison, 61), false, A, "art70.prison_5_15y", 36, "2023-03-10", false, nil},
		{"prison 180 months", "BLHS 2015 Art. 70(2)(c)", expPerson(SentencePrison, 180), false, A, "art70.prison_5_15y", 36, "2023-03-10", false, nil},
		{"prison 181 months", "BLHS 2015 Art. 70(2)(d)", expPerson(SentencePrison, 181), false, A, "art70.prison_gt_15y", 60, "2025-03-10", false, nil},
		{"life", "BLHS 2015 Art. 70(2)(d)", expPerson(SentenceLife, 0), false, A, "art70.prison_gt_15y", 60, "2025-03-10", false, nil},
		{"death commuted", "BLHS 2015 Art. 70(2)(d)", expPerson(SentenceDeathCommuted, 0), false, A, "art70.prison_gt_15y", 60, "2025-03-10", false, nil},
		// Art. 71(2): by court, Chapters XIII and XXVI.
		{"court warning", "BLHS 2015 Art. 71(2)(a)", court(expPerson(SentenceWarning, 0)), false, C, "art71.light_penalty", 12, "2021-03-10", false, nil},
		{"court fine", "BLHS 2015 Art. 71(2)(a)", court(expPerson(SentenceFine, 0)), false, C, "art71.light_penalty", 12, "2021-03-10", false, nil},
		{"court non-custodial", "BLHS 2015 Art. 71(2)(a)", court(expPerson(SentenceNonCustodial, 12)), false, C, "art71.light_penalty", 12, "2021-03-10", false, nil},
		{"court suspended", "BLHS 2015 Art. 71(2)(a)", court(expPerson(SentenceSuspended, 24)), false, C, "art71.light_penalty", 12, "2021-03-10", false, nil},
		{"court prison 60 months", "BLHS 2015 Art. 71(2)(b)", court(expPerson(SentencePrison, 60)), false, C, "art71.prison_le_5y", 36, "2023-03-10", false, nil},
		{"court prison 61 months", "BLHS 2015 Art. 71(2)(c)", court(expPerson(SentencePrison, 61)), false, C, "art71.prison_5_15y", 60, "2025-03-10", false, nil},
		{"court prison 180 months", "BLHS 2015 Art. 71(2)(c)", court(expPerson(SentencePrison, 180)), false, C, "art71.prison_5_15y", 60, "2025-03-10", false, nil},
		{"court prison 181 months", "BLHS 2015 Art. 71(2)(d)", court(expPerson(SentencePrison, 181)), false, C, "art71.prison_gt_15y", 84, "2027-03-10", false, nil},
		{"court life", "BLHS 2015 Art. 71(2)(d)", court(expPerson(SentenceLife, 0)), false, C, "art71.prison_gt_15y", 84, "2027-03-10", false, nil},
		{"court death commuted", "BLHS 2015 Art. 71(2)(d)", court(expPerson(SentenceDeathCommuted, 0)), false, C, "art71.prison_gt_15y", 84, "2027-03-10", false, nil},
		{"chapter XXVI war crimes", "BLHS 2015 Art. 71(1)", func() Person { p := expPerson(SentencePrison, 60); p.OffenseChapter = 26; return p }(),
			false, C, "art71.prison_le_5y", 36, "2023-03-10", false, nil},
		// Art. 107(2): juveniles 16–17, intentional very serious or especially serious.
		{"juvenile suspended", "BLHS 2015 Art. 107(2)(a)", juvenile(expPerson(SentenceSuspended, 12)), false, A, "art107.juvenile_light_penalty", 6, "2020-09-10", false, nil},
		{"juvenile non-custodial", "BLHS 2015 Art. 107(2)(a)", juvenile(expPerson(SentenceNonCustodial, 12)), false, A, "art107.juvenile_light_penalty", 6, "2020-09-10", false, nil},
		{"juvenile prison 60", "BLHS 2015 Art. 107(2)(b)", juvenile(expPerson(SentencePrison, 60)), false, A, "art107.juvenile_prison_le_5y", 12, "2021-03-10", false, nil},
		{"juvenile prison 61", "BLHS 2015 Art. 107(2)(c)", juvenile(expPerson(SentencePrison, 61)), false, A, "art107.juvenile_prison_5_15y", 24, "2022-03-10", false, nil},
		{"juvenile prison 180", "BLHS 2015 Art. 107(2)(c)", juvenile(expPerson(SentencePrison, 180)), false, A, "art107.juvenile_prison_5_15y", 24, "2022-03-10", false, nil},
		{"juvenile prison 181", "BLHS 2015 Art. 107(2)(d)", juvenile(expPerson(SentencePrison, 181)), false, A, "art107.juvenile_prison_gt_15y", 36, "2023-03-10", false, nil},
		{"age 17 at offence, flag not set", "BLHS 2015 Art. 107(2)(b)", func() Person { p := expPerson(SentencePrison, 30); p.AgeAtOffense = 17; return p }(),
			false, A, "art107.juvenile_prison_le_5y", 12, "2021-03-10", false, nil},
		{"juvenile especially serious", "BLHS 2015 Art. 107(2)(d)", severity(juvenile(expPerson(SentencePrison, 240)), SeverityEspeciallySerious),
			false, A, "art107.juvenile_prison_gt_15y", 36, "2023-03-10", false, nil},
		{"juvenile, chapter XIII: still automatic", "BLHS 2015 Art. 107(2)(b)", court(juvenile(expPerson(SentencePrison, 48))),
			false, A, "art107.juvenile_prison_le_5y", 12, "2021-03-10", false, nil},
		// No record.
		{"negligent less serious", "BLHS 2015 Art. 69(2)", severity(negligent(expPerson(SentencePrison, 12)), SeverityLessSerious),
			true, "", RuleNegligent, 0, "", false, nil},
		{"negligent serious", "BLHS 2015 Art. 69(2)", severity(negligent(expPerson(SentencePrison, 60)), SeveritySerious),
			true, "", RuleNegligent, 0, "", false, nil},
		{"negligent very serious adult keeps a record", "BLHS 2015 Art. 70(2)(c)", negligent(expPerson(SentencePrison, 84)),
			false, A, "art70.prison_5_15y", 36, "2023-03-10", false, nil},
		{"under 16 at the offence", "BLHS 2015 Art. 107(1)(a)", func() Person { p := expPerson(SentencePrison, 36); p.AgeAtOffense = 15; return p }(),
			true, "", RuleUnder16, 0, "", false, nil},
		{"juvenile less serious", "BLHS 2015 Art. 107(1)(b)", severity(juvenile(expPerson(SentencePrison, 12)), SeverityLessSerious),
			true, "", RuleJuvenileNoRecord, 0, "", false, nil},
		{"juvenile serious", "BLHS 2015 Art. 107(1)(b)", severity(juvenile(expPerson(SentencePrison, 40)), SeveritySerious),
			true, "", RuleJuvenileNoRecord, 0, "", false, nil},
		{"juvenile negligent very serious", "BLHS 2015 Art. 107(1)(b)", negligent(juvenile(expPerson(SentencePrison, 80))),
			true, "", RuleJuvenileNoRecord, 0, "", false, nil},
	}
	for _, c := range cases {
		c.check(t)
	}
}

func TestExpungementLatestOf(t *testing.T) {
	A, C := ExpungeAutomatic, ExpungeCourt
	withSupp := func(p Person, s ...Supplementary) Person { p.Supplementary = s; return p }
	withCivil := func(p Person, c CivilObligations) Person { p.CivilObligations = c; return p }
	withRefusals := func(p Person, ds ...Date) Person { p.CourtRefusals = ds; return p }
	base := expPerson(SentencePrison, 36) // automatic: 2022-03-10
	cases := []expCase{
		{"supplementary ends later (ends_on)", "BLHS 2015 Art. 70(2), last paragraph",
			withSupp(base, Supplementary{Kind: "quản chế", Months: 24, EndsOn: D(2023, 1, 1)}),
			false, A, "art70.prison_le_5y", 24, "2023-01-01", false, []string{"legal.expunge.blocker.supplementary_later"}},
		{"supplementary ends later (start + months)", "BLHS 2015 Art. 70(2), last paragraph",
			withSupp(base, Supplementary{Kind: "cấm cư trú", Months: 36}),
			false, A, "art70.prison_le_5y", 24, "2023-03-10", false, []string{"legal.expunge.blocker.supplementary_later"}},
		{"shorter supplementary changes nothing", "BLHS 2015 Art. 70(2)(b)",
			withSupp(base, Supplementary{Kind: "quản chế", Months: 12}),
			false, A, "art70.prison_le_5y", 24, "2022-03-10", false, nil},
		{"supplementary end unknown", "BLHS 2015 Art. 70(2)",
			withSupp(base, Supplementary{Kind: "tước quyền công dân"}),
			false, A, "art70.prison_le_5y", 24, "2022-03-10", true, []string{"legal.expunge.blocker.supplementary_unknown"}},
		{"civil obligations settled later", "BLHS 2015 Art. 70(2)",
			withCivil(base, CivilObligations{Amount: 5_000_000, SettledOn: D(2022, 6, 1)}),
			false, A, "art70.prison_le_5y", 24, "2022-06-01", false, []string{"legal.expunge.blocker.obligations_later"}},
		{"civil obligations settled earlier", "BLHS 2015 Art. 70(2)",
			withCivil(base, CivilObligations{Amount: 5_000_000, SettledOn: D(2021, 1, 1)}),
			false, A, "art70.prison_le_5y", 24, "2022-03-10", false, nil},
		{"civil obligations unknown", "BLHS 2015 Art. 70(2)",
			withCivil(base, CivilObligations{}),
			false, A, "art70.prison_le_5y", 24, "2022-03-10", true, []string{"legal.expunge.blocker.obligations_pending"}},
		{"civil obligations not yet paid", "BLHS 2015 Art. 70(2)",
			withCivil(base, CivilObligations{Amount: 12_500_000}),
			false, A, "art70.prison_le_5y", 24, "2022-03-10", true, []string{"legal.expunge.blocker.obligations_pending_amount"}},
		{"latest of supplementary and civil", "BLHS 2015 Art. 70(2) and its last paragraph",
			withCivil(withSupp(base, Supplementary{Kind: "quản chế", EndsOn: D(2023, 1, 1)}), CivilObligations{SettledOn: D(2023, 5, 5)}),
			false, A, "art70.prison_le_5y", 24, "2023-05-05", false,
			[]string{"legal.expunge.blocker.supplementary_later", "legal.expunge.blocker.obligations_later"}},
		{"court: first refusal, re-petition after 1 year", "BLHS 2015 Art. 71(3)",
			withRefusals(court(base), D(2023, 6, 1)),
			false, C, "art71.prison_le_5y", 36, "2024-06-01", false, []string{"legal.expunge.blocker.refused"}},
		{"court: second refusal, re-petition after 2 years", "BLHS 2015 Art. 71(3)",
			withRefusals(court(base), D(2024, 7, 1), D(2023, 6, 1)),
			false, C, "art71.prison_le_5y", 36, "2026-07-01", false, []string{"legal.expunge.blocker.refused"}},
		{"court: third refusal, still 2 years", "BLHS 2015 Art. 71(3)",
			withRefusals(court(base), D(2023, 6, 1), D(2024, 7, 1), D(2026, 8, 1)),
			false, C, "art71.prison_le_5y", 36, "2028-08-01", false, []string{"legal.expunge.blocker.refused"}},
		{"court: old refusal does not delay", "BLHS 2015 Art. 71(3)",
			withRefusals(court(base), D(2021, 1, 1)),
			false, C, "art71.prison_le_5y", 36, "2023-03-10", false, nil},
		{"automatic: refusals do not apply", "BLHS 2015 Art. 70(2)(b)",
			withRefusals(base, D(2023, 6, 1)),
			false, A, "art70.prison_le_5y", 24, "2022-03-10", false, nil},
		{"start unknown", "BLHS 2015 Art. 70(2)",
			func() Person { p := base; p.CompletedOn = Date{}; return p }(),
			false, A, "art70.prison_le_5y", 24, "", false, []string{"legal.expunge.blocker.start_unknown"}},
		{"prison term unknown", "BLHS 2015 Art. 73(1)",
			expPerson(SentencePrison, 0),
			false, A, "", 0, "", false, []string{"legal.expunge.blocker.sentence_unknown"}},
		{"sentence kind unknown", "BLHS 2015 Art. 73(1)",
			expPerson("", 0),
			false, A, "", 0, "", false, []string{"legal.expunge.blocker.sentence_unknown"}},
		{"29 February start", "BLHS 2015 Art. 70(2)(a)",
			func() Person { p := expPerson(SentenceFine, 0); p.CompletedOn = D(2020, 2, 29); return p }(),
			false, A, "art70.light_penalty", 12, "2021-02-28", false, nil},
	}
	for _, c := range cases {
		if c.rule == "" {
			// no rule: the article check does not apply; check the rest.
			e := ComputeExpungement(c.p)
			if !e.EligibleOn.IsZero() || len(e.Blockers) != 1 || e.Blockers[0].Key != c.blockers[0] {
				t.Errorf("%s [%s]: got %+v", c.name, c.law, e)
			}
			continue
		}
		c.check(t)
	}
}

func TestExpungementAlreadyExpunged(t *testing.T) {
	p := expPerson(SentencePrison, 36)
	p.ExpungedOn, p.ExpungeMethod = D(2022, 4, 1), ExpungeAutomatic
	e := ComputeExpungement(p)
	if e.Rule != RuleExpunged || e.EligibleOn != D(2022, 4, 1) || e.Method != ExpungeAutomatic {
		t.Errorf("expunged: got rule %q, eligible %s, method %q", e.Rule, e.EligibleOn, e.Method)
	}
	if !e.Reached(D(2022, 4, 1)) || e.Reached(D(2022, 3, 31)) {
		t.Error("expunged: Reached should be true from the expungement date")
	}
}

func TestExpungementReached(t *testing.T) {
	tests := []struct {
		name  string
		p     Person
		today Date
		want  bool
	}{
		{"day before", expPerson(SentencePrison, 36), D(2022, 3, 9), false},
		{"on the day", expPerson(SentencePrison, 36), D(2022, 3, 10), true},
		{"after", expPerson(SentencePrison, 36), D(2030, 1, 1), true},
		{"pending obligations", func() Person { p := expPerson(SentencePrison, 36); p.CivilObligations = CivilObligations{}; return p }(), D(2030, 1, 1), false},
		{"start unknown", func() Person { p := expPerson(SentencePrison, 36); p.CompletedOn = Date{}; return p }(), D(2030, 1, 1), false},
		{"no record", severity(negligent(expPerson(SentencePrison, 12)), SeveritySerious), D(2020, 3, 10), true},
	}
	for _, tt := range tests {
		if got := ComputeExpungement(tt.p).Reached(tt.today); got != tt.want {
			t.Errorf("%s: Reached(%s) = %v, want %v", tt.name, tt.today, got, tt.want)
		}
	}
}

func TestExpungementExplains(t *testing.T) {
	p := court(expPerson(SentencePrison, 72))
	p.Supplementary = []Supplementary{{Kind: "quản chế", Months: 72}}
	p.CivilObligations = CivilObligations{SettledOn: D(2021, 2, 3)}
	p.CourtRefusals = []Date{D(2025, 6, 1)}
	e := ComputeExpungement(p)
	var keys []string
	for _, r := range e.Reasons {
		keys = append(keys, r.Key)
	}
	want := []string{
		"legal.expunge.reason.rule.court",
		"legal.expunge.reason.start",
		"legal.expunge.reason.period_years",
		"legal.expunge.reason.supplementary",
		"legal.expunge.reason.obligations_settled",
		"legal.expunge.reason.refused",
		"legal.expunge.reason.eligible",
	}
	if strings.Join(keys, " ") != strings.Join(want, " ") {
		t.Errorf("reasons %v, want %v", keys, want)
	}
	if e.Article != "BLHS 2015 Điều 71 khoản 2 điểm c" {
		t.Errorf("article %q", e.Article)
	}
	if got := e.Reasons[len(e.Reasons)-1].Args["Date"]; got != D(2026, 6, 1) {
		t.Errorf("final date argument %v, want 2026-06-01", got)
	}
}

func TestLoanWindowEnd(t *testing.T) {
	tests := []struct {
		law       string
		completed Date
		want      Date
	}{
		{"QĐ 22/2023/QĐ-TTg Art. 3", D(2021, 6, 30), D(2026, 6, 30)},
		{"QĐ 22/2023/QĐ-TTg Art. 3 (29/02)", D(2024, 2, 29), D(2029, 2, 28)},
		{"unknown completion", Date{}, Date{}},
	}
	for _, tt := range tests {
		if got := LoanWindowEnd(Person{CompletedOn: tt.completed}); got != tt.want {
			t.Errorf("[%s] LoanWindowEnd(%s) = %s, want %s", tt.law, tt.completed, got, tt.want)
		}
	}
}

// TestLegalMessagesTranslated checks that every message key the legal
// computations and validators can produce exists in both languages.
func TestLegalMessagesTranslated(t *testing.T) {
	keys := map[string]bool{}
	for _, h := range BuiltinHolidays() {
		keys[h.Name] = true
	}
	persons := []Person{}
	for _, k := range append(SentenceKinds, "") {
		for _, m := range []int{0, 12, 61, 181} {
			for _, f := range []func(Person) Person{
				func(p Person) Person { return p }, court, juvenile, negligent,
				func(p Person) Person { p.AgeAtOffense = 15; return p },
				func(p Person) Person { p.Juvenile, p.OffenseSeverity = true, ""; return p },
				func(p Person) Person { p.CompletedOn = Date{}; return p },
				func(p Person) Person { p.ExpungedOn = D(2024, 1, 1); return p },
				func(p Person) Person {
					p.Supplementary = []Supplementary{{Kind: "quản chế", Months: 120}, {Kind: "cấm cư trú"}}
					p.CivilObligations = CivilObligations{Amount: 1000}
					p.CourtRefusals = []Date{D(2021, 1, 1)}
					return court(p)
				},
				func(p Person) Person { p.CivilObligations = CivilObligations{SettledOn: D(2030, 1, 1)}; return p },
				func(p Person) Person { p.CivilObligations = CivilObligations{}; return p },
				func(p Person) Person { return convicted(p, D(2020, 6, 1)) },
				func(p Person) Person { return convicted(p, D(2035, 1, 1)) },
				func(p Person) Person { return convicted(court(p), D(2035, 1, 1)) },
				func(p Person) Person { p.CivilObligations = CivilObligations{}; return convicted(p, D(2035, 1, 1)) },
			} {
				persons = append(persons, f(severity(expPerson(k, m), SeverityLessSerious)), f(expPerson(k, m)))
			}
		}
	}
	for _, p := range persons {
		e := ComputeExpungement(p)
		for _, fe := range append(e.Reasons, e.Blockers...) {
			keys[fe.Key] = true
		}
		if e.Rule != "" {
			keys["legal.expunge.rule."+e.Rule] = true
		}
		if e.Method != "" {
			keys["legal.expunge.method."+string(e.Method)] = true
		}
	}
	bad := validPerson()
	bad.FullName, bad.Gender, bad.Status, bad.SentenceMonths, bad.AgeAtOffense = "A", "x", "", 700, 3
	bad.CitizenID = "12"
	for _, p := range []Person{{}, bad} {
		if v, ok := ValidatePerson(p, validateToday).(*ValidationError); ok {
			for _, fe := range v.Errors {
				keys[fe.Key] = true
			}
		}
	}
	warn := validPerson()
	warn.CitizenID, warn.CompletedOn, warn.SentenceKind, warn.AgeAtOffense = "099386012345", Date{}, "", 16
	for _, fe := range PersonWarnings(warn) {
		keys[fe.Key] = true
	}
	for _, k := range PeriodKinds {
		keys["legal.period."+string(k)] = true
	}
	if len(keys) < 60 {
		t.Fatalf("only %d keys collected; the test lost its inputs", len(keys))
	}
	for _, lang := range []string{"vi", "en"} {
		msgs := map[string]string{}
		for _, area := range []string{"validation", "legal"} {
			b, err := os.ReadFile(filepath.Join("..", "i18n", "translations", area+"."+lang+".json"))
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, &msgs); err != nil {
				t.Fatalf("%s.%s.json: %v", area, lang, err)
			}
		}
		for k := range keys {
			if msgs[k] == "" {
				t.Errorf("%s: no translation for %q", lang, k)
			}
		}
	}
}

func ExampleComputeExpungement() {
	p := Person{
		SentenceKind:     SentencePrison,
		SentenceMonths:   36,
		CompletedOn:      D(2024, 5, 3),
		CivilObligations: CivilObligations{SettledOn: D(2026, 9, 1)},
	}
	e := ComputeExpungement(p)
	fmt.Println(e.Rule, e.Method, e.Period, e.EligibleOn)
	fmt.Println(e.Article)
	for _, b := range e.Blockers {
		fmt.Println(b.Key, b.Args["Date"])
	}
	// Output:
	// art70.prison_le_5y automatic 24 2026-09-01
	// BLHS 2015 Điều 70 khoản 2 điểm b
	// legal.expunge.blocker.obligations_later 2026-09-01
}
