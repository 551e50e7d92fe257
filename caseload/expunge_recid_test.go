package caseload

import (
	"strings"
	"testing"
)

// convicted returns p with a new conviction recorded on day.
func convicted(p Person, day Date) Person { p.NewConvictionOn = day; return p }

// TestExpungementNewConviction: BLHS 2015 Art. 73(2): "Người bị kết án chưa
// được xóa án tích mà thực hiện hành vi phạm tội mới và bị Tòa án kết án ...
// thì thời hạn để xóa án tích cũ được tính lại kể từ ngày chấp hành xong
// hình phạt chính ... của bản án mới". While the old record is not cleared,
// a new conviction leaves no date (the new one runs from the completion of
// the new sentence, recorded as a new case); after an automatic clearing it
// changes nothing.
func TestExpungementNewConviction(t *testing.T) {
	A, C := ExpungeAutomatic, ExpungeCourt
	base := expPerson(SentencePrison, 36) // Art. 70(2)(b): completed 10/03/2020, eligible 10/03/2022
	restart := []string{"legal.expunge.blocker.new_conviction"}
	cases := []expCase{
		{"conviction within the period", "BLHS 2015 Art. 73(2), 70(2)(b)",
			convicted(base, D(2021, 6, 1)), false, A, "art70.prison_le_5y", 24, "", false, restart},
		{"conviction on the eligible day itself", "BLHS 2015 Art. 73(2)",
			convicted(base, D(2022, 3, 10)), false, A, "art70.prison_le_5y", 24, "", false, restart},
		{"conviction the day after: already cleared automatically", "BLHS 2015 Art. 70(2)(b)",
			convicted(base, D(2022, 3, 11)), false, A, "art70.prison_le_5y", 24, "2022-03-10", false, nil},
		{"conviction while still serving the old sentence", "BLHS 2015 Art. 73(2)",
			convicted(base, D(2019, 12, 1)), false, A, "art70.prison_le_5y", 24, "", false, restart},
		{"conviction after start+period but before a later supplementary end", "BLHS 2015 Art. 73(2), 70(2) last para.",
			convicted(func() Person {
				p := base
				p.Supplementary = []Supplementary{{Kind: "quản chế", EndsOn: D(2023, 1, 1)}}
				return p
			}(), D(2022, 6, 1)),
			false, A, "art70.prison_le_5y", 24, "", false,
			[]string{"legal.expunge.blocker.supplementary_later", "legal.expunge.blocker.new_conviction"}},
		{"conviction while civil obligations are unknown: not shown as cleared", "BLHS 2015 Art. 73(2), 70(2)",
			convicted(func() Person { p := base; p.CivilObligations = CivilObligations{}; return p }(), D(2023, 1, 1)),
			false, A, "art70.prison_le_5y", 24, "", false,
			[]string{"legal.expunge.blocker.obligations_pending", "legal.expunge.blocker.new_conviction_unresolved"}},
		{"obligations met before the conviction: cleared on the latest-of date", "BLHS 2015 Art. 70(2)",
			convicted(func() Person { p := base; p.CivilObligations = CivilObligations{SettledOn: D(2022, 5, 1)}; return p }(), D(2022, 5, 2)),
			false, A, "art70.prison_le_5y", 24, "2022-05-01", false, []string{"legal.expunge.blocker.obligations_later"}},
		{"court case: conviction within the period", "BLHS 2015 Art. 73(2), 71(2)(b)",
			convicted(court(base), D(2022, 1, 1)), false, C, "art71.prison_le_5y", 36, "", false, restart},
		{"court case: conviction after the petition date, no court decision", "BLHS 2015 Art. 73(2), 71(1)",
			convicted(court(base), D(2024, 1, 1)), false, C, "art71.prison_le_5y", 36, "", false,
			[]string{"legal.expunge.blocker.new_conviction_court"}},
		{"juvenile: conviction within the 1-year period", "BLHS 2015 Art. 73(2), 107(2)(b)",
			convicted(juvenile(base), D(2021, 1, 1)), false, A, "art107.juvenile_prison_le_5y", 12, "", false, restart},
		{"juvenile: conviction after the automatic clearing", "BLHS 2015 Art. 107(2)(b)",
			convicted(juvenile(base), D(2021, 4, 1)), false, A, "art107.juvenile_prison_le_5y", 12, "2021-03-10", false, nil},
		{"no record at all: a new conviction changes nothing", "BLHS 2015 Art. 69(2)",
			convicted(severity(negligent(base), SeveritySerious), D(2021, 1, 1)), true, "", RuleNegligent, 0, "", false, nil},
	}
	for _, c := range cases {
		c.check(t)
		e := ComputeExpungement(c.p)
		if c.eligible == "" && !c.noRecord && e.Reached(D(2040, 1, 1)) {
			t.Errorf("%s [%s]: Reached after a restart", c.name, c.law)
		}
	}
}

// TestExpungementNewConvictionExplains: the blocker names the conviction
// date, the date the old record would have been cleared and Art. 73(2),
// dd/mm/yyyy; the last reason line says the period restarts.
func TestExpungementNewConvictionExplains(t *testing.T) {
	e := ComputeExpungement(convicted(expPerson(SentencePrison, 36), D(2021, 6, 1)))
	if len(e.Blockers) != 1 {
		t.Fatalf("blockers %v", e.Blockers)
	}
	b := e.Blockers[0]
	if b.Field != "new_conviction_on" || b.Args["Date"] != D(2021, 6, 1) || b.Args["Eligible"] != D(2022, 3, 10) ||
		b.Args["Article"] != "BLHS 2015 Điều 73 khoản 2" {
		t.Errorf("blocker %+v", b)
	}
	last := e.Reasons[len(e.Reasons)-1]
	if last.Key != "legal.expunge.reason.restarted" || last.Args["Date"] != D(2021, 6, 1) {
		t.Errorf("last reason %+v", last)
	}
	for _, r := range e.Reasons {
		if r.Key == "legal.expunge.reason.eligible" || r.Key == "legal.expunge.reason.pending" {
			t.Errorf("restarted record still explains a date: %+v", r)
		}
	}
	after := ComputeExpungement(convicted(expPerson(SentencePrison, 36), D(2023, 1, 1)))
	var keys []string
	for _, r := range after.Reasons {
		keys = append(keys, r.Key)
	}
	if !strings.Contains(strings.Join(keys, " "), "legal.expunge.reason.new_conviction_after") {
		t.Errorf("conviction after the clearing is not explained: %v", keys)
	}
}

// TestExpungementJuvenileConditions: BLHS 2015 Art. 107(2): a 16–17 year
// old is cleared automatically "nếu từ khi chấp hành xong hình phạt chính
// hoặc hết thời gian thử thách án treo hoặc từ khi hết thời hiệu thi hành
// bản án, người đó không thực hiện hành vi phạm tội mới trong thời hạn" —
// unlike Art. 70(2), it does not ask for supplementary penalties or the
// other decisions of the judgment (civil obligations, court fees) to be
// met, so neither pends nor moves the date.
func TestExpungementJuvenileConditions(t *testing.T) {
	A := ExpungeAutomatic
	base := juvenile(expPerson(SentencePrison, 36)) // Art. 107(2)(b): 1 year from 10/03/2020
	withCivil := func(p Person, c CivilObligations) Person { p.CivilObligations = c; return p }
	withSupp := func(p Person, s ...Supplementary) Person { p.Supplementary = s; return p }
	const rule, law = "art107.juvenile_prison_le_5y", "BLHS 2015 Art. 107(2)(b)"
	cases := []expCase{
		{"juvenile, civil obligations unknown: a real date, not pending", law,
			withCivil(base, CivilObligations{}), false, A, rule, 12, "2021-03-10", false, nil},
		{"juvenile, obligations owed and unpaid", law,
			withCivil(base, CivilObligations{Amount: 30_000_000}), false, A, rule, 12, "2021-03-10", false, nil},
		{"juvenile, obligations met later do not move the date", law,
			withCivil(base, CivilObligations{SettledOn: D(2022, 6, 1)}), false, A, rule, 12, "2021-03-10", false, nil},
		{"juvenile, long supplementary penalty does not move the date", law,
			withSupp(base, Supplementary{Kind: "cấm cư trú", Months: 60}), false, A, rule, 12, "2021-03-10", false, nil},
		{"juvenile, supplementary end unknown: not pending", law,
			withSupp(base, Supplementary{Kind: "quản chế"}), false, A, rule, 12, "2021-03-10", false, nil},
		{"age 16 at the offence, flag not set, obligations unknown", law,
			func() Person {
				p := withCivil(expPerson(SentencePrison, 36), CivilObligations{})
				p.AgeAtOffense = 16
				return p
			}(),
			false, A, rule, 12, "2021-03-10", false, nil},
		{"adult with the same facts still waits (contrast)", "BLHS 2015 Art. 70(2)",
			withCivil(expPerson(SentencePrison, 36), CivilObligations{}), false, A, "art70.prison_le_5y", 24, "2022-03-10", true,
			[]string{"legal.expunge.blocker.obligations_pending"}},
	}
	for _, c := range cases {
		c.check(t)
		e := ComputeExpungement(c.p)
		if c.rule != rule {
			continue
		}
		if !e.Reached(D(2021, 3, 10)) {
			t.Errorf("%s [%s]: not reached on 10/03/2021", c.name, c.law)
		}
		var keys []string
		for _, r := range e.Reasons {
			keys = append(keys, r.Key)
		}
		if !strings.Contains(strings.Join(keys, " "), "legal.expunge.reason.juvenile_conditions") {
			t.Errorf("%s [%s]: Art. 107(2) conditions not explained: %v", c.name, c.law, keys)
		}
	}
}
