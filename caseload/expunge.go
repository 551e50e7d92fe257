package caseload

import (
	"sort"
	"strconv"
)

// Expungement is the computed expungement (xóa án tích) position of a
// person (BLHS 2015 Art. 69–73, 107), with the explanation the app shows:
// which rule applies, from which date, for how long, and what moves the
// date later or keeps it pending.
//
// EligibleOn is the earliest day the record can be cleared: the latest of
// Start+Period, the end of the supplementary penalties, the day the civil
// obligations were met (not for juveniles, Art. 107(2)) and, for court
// cases, the day a new petition is allowed after a refusal. It is zero
// when the start or the sentence is unknown, or when a new conviction
// restarted the period (Art. 73(2)); see Blockers. When Pending is true
// EligibleOn is still the earliest possible day from what is known, but
// something unknown (civil obligations, a supplementary penalty's end) may
// push it later; Reached is false while Pending.
type Expungement struct {
	NoRecord   bool          // Art. 69(2) / 107: the conviction leaves no criminal record
	Method     ExpungeMethod // automatic (Art. 70) or court (Art. 71)
	Rule       string        // machine rule id, e.g. "art70.prison_le_5y", "art71.prison_5_15y", "art107.juvenile_prison_le_5y", "art69.negligent", "art107.under16"
	Article    string        // citation, e.g. "BLHS 2015 Điều 70 khoản 2 điểm b"
	Start      Date          // completion of the main penalty
	Period     int           // waiting period in months
	EligibleOn Date          // zero when unknown or blocked indefinitely
	Pending    bool          // waiting on unknown civil obligations / supplementary end
	Blockers   []FieldError  // why the date is pending or later than start+period (message keys + args)
	Reasons    []FieldError  // the explanation lines: rule, start, period, latest-of steps
}

// Reached reports whether, on today, the person has no criminal record to
// clear any more: the record was expunged on or before today, the
// conviction leaves no record, or EligibleOn has come and nothing is
// pending.
func (e Expungement) Reached(today Date) bool {
	switch {
	case e.NoRecord:
		return true
	case e.Pending || e.EligibleOn.IsZero():
		return false
	}
	return !today.Before(e.EligibleOn)
}

// Rule ids that are not waiting-period rows.
const (
	RuleExpunged         = "expunged"
	RuleNegligent        = "art69.negligent"
	RuleUnder16          = "art107.under16"
	RuleJuvenileNoRecord = "art107.juvenile_no_record"
)

// expRow is one row of the waiting-period table (docs/ARCHITECTURE.md section 8).
type expRow struct {
	id                    string // rule id suffix
	point                 string // điểm of khoản 2 of Art. 70, 71 and 107
	auto, court, juvenile int    // months
}

var expRows = [...]expRow{
	{"light_penalty", "a", 12, 12, 6},
	{"prison_le_5y", "b", 24, 36, 12},
	{"prison_5_15y", "c", 36, 60, 24},
	{"prison_gt_15y", "d", 60, 84, 36},
}

// expRowFor picks the row of the main penalty as sentenced (Art. 73(1)),
// or false when the sentence is not known well enough.
func expRowFor(kind SentenceKind, months int) (expRow, bool) {
	switch kind {
	case SentenceWarning, SentenceFine, SentenceNonCustodial, SentenceSuspended:
		return expRows[0], true
	case SentenceLife, SentenceDeathCommuted:
		return expRows[3], true
	case SentencePrison:
		switch {
		case months <= 0:
			return expRow{}, false
		case months <= 60:
			return expRows[1], true
		case months <= 180:
			return expRows[2], true
		}
		return expRows[3], true
	}
	return expRow{}, false
}

// CourtChapters are the BLHS chapters whose convictions are cleared only
// by a court decision (Art. 70(1), 71(1)): XIII national security, XXVI
// crimes against peace and war crimes.
var CourtChapters = []int{13, 26}

// ComputeExpungement works out when p's criminal record can be cleared:
//
//   - already expunged: Rule "expunged", EligibleOn = ExpungedOn;
//   - no record at all: under 16 at the offence (Art. 107(1)(a)); aged
//     16–17 with a less serious or serious offence or a negligent very
//     serious one (Art. 107(1)(b)); a negligent less serious or serious
//     offence (Art. 69(2));
//   - juveniles aged 16–17 otherwise: automatic after 6 months / 1 / 2 /
//     3 years (Art. 107(2)), whose only conditions are completing the main
//     penalty and no new offence within the period: supplementary
//     penalties and civil obligations do not move or hold the date;
//   - Chapter XIII or XXVI offences: by court after 1 / 3 / 5 / 7 years
//     (Art. 71(2)), re-petition 1 year after a first refusal and 2 years
//     after a later one (Art. 71(3));
//   - otherwise automatic after 1 / 2 / 3 / 5 years (Art. 70(2)).
//
// The start is the completion of the main penalty (CompletedOn; for a
// suspended sentence the end of probation). A new conviction
// (NewConvictionOn) before the old record is cleared restarts the period
// from the completion of the new main penalty (Art. 73(2)): EligibleOn is
// then zero, with a blocker saying why (see newConviction). The statute of
// limitations on enforcement (Art. 70(3)) is not modelled.
func ComputeExpungement(p Person) Expungement {
	e := Expungement{Start: p.CompletedOn}
	if !p.ExpungedOn.IsZero() {
		e.Rule, e.Method, e.EligibleOn = RuleExpunged, p.ExpungeMethod, p.ExpungedOn
		e.reason("expunged_on", "legal.expunge.reason.expunged", "Date", p.ExpungedOn)
		return e
	}
	if e.noRecord(p) {
		e.reason("", "legal.expunge.reason.no_record", "Article", e.Article)
		return e
	}
	juvenile := p.Juvenile || p.AgeAtOffense == 16 || p.AgeAtOffense == 17
	e.Method = ExpungeAutomatic
	chapters := ChaptersOf(p)
	if !juvenile && len(chapters.Court) > 0 {
		e.Method = ExpungeCourt
	}
	row, ok := expRowFor(p.SentenceKind, p.SentenceMonths)
	if !ok {
		field := "sentence_kind"
		if p.SentenceKind == SentencePrison {
			field = "sentence_months"
		}
		e.block(field, "legal.expunge.blocker.sentence_unknown")
		return e
	}
	switch {
	case juvenile:
		e.Rule, e.Period = "art107.juvenile_"+row.id, row.juvenile
		e.Article = "BLHS 2015 Điều 107 khoản 2 điểm " + row.point
	case e.Method == ExpungeCourt:
		e.Rule, e.Period = "art71."+row.id, row.court
		e.Article = "BLHS 2015 Điều 71 khoản 2 điểm " + row.point
		if chapters.Mixed() {
			e.Article += ", Điều 73 khoản 3"
		}
	default:
		e.Rule, e.Period = "art70."+row.id, row.auto
		e.Article = "BLHS 2015 Điều 70 khoản 2 điểm " + row.point
	}
	e.reason("", "legal.expunge.reason.rule."+string(e.Method), "Article", e.Article)
	if !juvenile {
		e.chapterReasons(chapters)
	}
	if juvenile && p.OffenseSeverity == "" {
		e.reason("offense_severity", "legal.expunge.reason.severity_unknown")
	}
	if e.Start.IsZero() {
		e.block("completed_on", "legal.expunge.blocker.start_unknown")
		return e
	}
	startKey := "legal.expunge.reason.start"
	if p.SentenceKind == SentenceSuspended {
		startKey = "legal.expunge.reason.start_probation"
	}
	e.reason("completed_on", startKey, "Date", e.Start)
	base := e.Start.AddMonths(e.Period)
	suffix, args := periodArgs(e.Period)
	e.reason("", "legal.expunge.reason.period"+suffix, append(args, "Date", base)...)
	e.EligibleOn = base
	if juvenile {
		// Art. 107(2) asks only for the main penalty to be completed and
		// no new offence within the period, unlike Art. 70(2) and 71(2).
		e.reason("", "legal.expunge.reason.juvenile_conditions")
	} else {
		e.supplementary(p)
		e.obligations(p.CivilObligations)
	}
	if e.Method == ExpungeCourt {
		e.refusals(p.CourtRefusals)
	}
	if e.newConviction(p.NewConvictionOn) {
		return e
	}
	if e.Pending {
		e.reason("", "legal.expunge.reason.pending", "Date", e.EligibleOn)
	} else {
		e.reason("", "legal.expunge.reason.eligible", "Date", e.EligibleOn)
	}
	return e
}

// chapterReasons explains which articles put the conviction in a court
// chapter and, for a mixed conviction, why BLHS Art. 73(3) takes the Art.
// 71 periods.
func (e *Expungement) chapterReasons(c OffenseChapters) {
	var court []int
	for _, a := range c.Articles {
		if ArticleChapter(a) != 0 {
			court = append(court, a)
		}
	}
	for _, ch := range c.Court {
		var in []int
		for _, a := range court {
			if ArticleChapter(a) == ch {
				in = append(in, a)
			}
		}
		if len(in) > 0 {
			e.reason("criminal_code_articles", "legal.expunge.reason.court_chapter",
				"Articles", articleList(in), "Chapter", romanChapter(ch))
		}
	}
	if c.Mixed() {
		e.reason("criminal_code_articles", "legal.expunge.reason.mixed", "Article", e.Article)
	}
}

// noRecord applies Art. 69(2) and 107(1).
func (e *Expungement) noRecord(p Person) bool {
	minor := p.OffenseSeverity == SeverityLessSerious || p.OffenseSeverity == SeveritySerious
	juvenile := p.Juvenile || p.AgeAtOffense == 16 || p.AgeAtOffense == 17
	switch {
	case p.AgeAtOffense > 0 && p.AgeAtOffense < 16:
		e.Rule, e.Article = RuleUnder16, "BLHS 2015 Điều 107 khoản 1 điểm a"
	case juvenile && (minor || p.Negligent && p.OffenseSeverity == SeverityVerySerious):
		e.Rule, e.Article = RuleJuvenileNoRecord, "BLHS 2015 Điều 107 khoản 1 điểm b"
	case p.Negligent && minor:
		e.Rule, e.Article = RuleNegligent, "BLHS 2015 Điều 69 khoản 2"
	default:
		return false
	}
	e.NoRecord = true
	return true
}

// supplementary moves the date to the end of a longer supplementary
// penalty (last paragraph of Art. 70(2) and 71(2)).
func (e *Expungement) supplementary(p Person) {
	for i, s := range p.Supplementary {
		field := "supplementary." + strconv.Itoa(i)
		end := s.EndsOn
		if end.IsZero() && s.Months > 0 {
			end = e.Start.AddMonths(s.Months)
		}
		if end.IsZero() {
			e.Pending = true
			e.block(field, "legal.expunge.blocker.supplementary_unknown", "Kind", s.Kind)
			continue
		}
		e.reason(field, "legal.expunge.reason.supplementary", "Kind", s.Kind, "Date", end)
		if end.After(e.EligibleOn) {
			e.EligibleOn = end
			e.block(field, "legal.expunge.blocker.supplementary_later", "Kind", s.Kind, "Date", end)
		}
	}
}

// obligations waits for the civil obligations and court fees of the
// judgment ("các quyết định khác của bản án", Art. 70(2), 71(2)).
func (e *Expungement) obligations(c CivilObligations) {
	const field = "civil_obligations"
	switch {
	case c.None:
		e.reason(field, "legal.expunge.reason.obligations_none")
	case !c.SettledOn.IsZero():
		e.reason(field, "legal.expunge.reason.obligations_settled", "Date", c.SettledOn)
		if c.SettledOn.After(e.EligibleOn) {
			e.EligibleOn = c.SettledOn
			e.block(field, "legal.expunge.blocker.obligations_later", "Date", c.SettledOn)
		}
	default:
		e.Pending = true
		if c.Amount > 0 {
			e.block(field, "legal.expunge.blocker.obligations_pending_amount", "Amount", Money(c.Amount))
		} else {
			e.block(field, "legal.expunge.blocker.obligations_pending")
		}
	}
}

// refusals applies Art. 71(3): after a court refused, a new petition may
// be filed 1 year after the refusal, or 2 years after the latest refusal
// when it was refused twice or more.
func (e *Expungement) refusals(ds []Date) {
	var known []Date
	for _, d := range ds {
		if !d.IsZero() {
			known = append(known, d)
		}
	}
	if len(known) == 0 {
		return
	}
	sort.Slice(known, func(i, j int) bool { return known[i].Before(known[j]) })
	last := known[len(known)-1]
	wait := 12
	if len(known) >= 2 {
		wait = 24
	}
	next := last.AddMonths(wait)
	e.reason("court_refusals", "legal.expunge.reason.refused", "Count", len(known),
		"Date", last, "Until", next, "Years", wait/12)
	if next.After(e.EligibleOn) {
		e.EligibleOn = next
		e.block("court_refusals", "legal.expunge.blocker.refused", "Count", len(known),
			"Date", last, "Until", next)
	}
}

func (e *Expungement) reason(field, key string, kv ...any) {
	v := ValidationError{}
	v.Add(field, key, kv...)
	e.Reasons = append(e.Reasons, v.Errors[0])
}

func (e *Expungement) block(field, key string, kv ...any) {
	v := ValidationError{}
	v.Add(field, key, kv...)
	e.Blockers = append(e.Blockers, v.Errors[0])
}

// periodArgs returns the message key suffix and arguments for a period
// of months: whole years as years ("_years", Years), otherwise months
// ("_months", Months).
func periodArgs(months int) (string, []any) {
	if months%12 == 0 {
		return "_years", []any{"Years", months / 12}
	}
	return "_months", []any{"Months", months}
}
