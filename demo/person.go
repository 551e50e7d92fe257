package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"time"

	"hoanhap/caseload"
)

// homeProvince is where the demo ward is: its citizen-ID code is the most
// common one and its courts judge most cases.
const homeProvince = "Đồng Nai"

// khuVucCourtsFrom is the day the regional courts (TAND khu vực) replaced
// the district courts (Law 81/2025/QH15 amending the Law on the
// Organisation of People's Courts).
var khuVucCourtsFrom = caseload.D(2025, time.July, 1)

// generator draws made-up persons. It is deterministic: the same lists,
// seed and reference date give the same persons.
type generator struct {
	r     *rand.Rand
	l     *lists
	today caseload.Date
	home  entry // home province row of courts.txt

	managed, expected int             // persons of each status drawn so far (for the quotas)
	cids              map[string]bool // citizen ids drawn so far: the store refuses duplicates
}

func newGenerator(l *lists, r *rand.Rand, today caseload.Date) *generator {
	g := &generator{r: r, l: l, today: today, cids: map[string]bool{}}
	g.home = l.courts.items[0]
	for _, e := range l.courts.items {
		if e.name == homeProvince {
			g.home = e
		}
	}
	rememberRefDate(r, today)
	return g
}

// Quotas of special cases, one every so many persons of a status, so that
// every ward shows them whatever the seed.
const (
	recentEvery      = 45 // managed: returned in the last days (mentor and file still due)
	loanWindowEvery  = 40 // managed: 5-year loan window closing within 90 days
	expungeSoonEvery = 35 // managed: expungement date within the next 30 days
	freshNoticeEvery = 8  // expected: notice received today or yesterday (address check due)
	notReportedEvery = 20 // expected: released some days ago, has not reported
	// expungementGraceDays is how long after the expungement date a
	// managed person may still be managed: the ward ends management (HCD-11)
	// soon after the date, so the worklist prompt is recent.
	expungementGraceDays = 7
	// maxRedraws bounds the redraws of a managed person whose expungement
	// date passed long ago.
	maxRedraws = 50
)

// special cases of person.
type special int

const (
	ordinary special = iota
	recentReturn
	loanWindowClosing
	expungementSoon
	freshNotice
	notReported
)

// refDates remembers the reference date of the latest generators, keyed by
// their random source: the steps that run after Generate receive only the
// source and date their records from the same day as the persons.
var refDates struct {
	sync.Mutex
	keys  [16]*rand.Rand
	dates [16]caseload.Date
	next  int
}

func rememberRefDate(r *rand.Rand, d caseload.Date) {
	refDates.Lock()
	defer refDates.Unlock()
	i := refDates.next % len(refDates.keys)
	refDates.keys[i], refDates.dates[i] = r, d
	refDates.next++
}

// refDate returns the reference date of the generator that uses r, or
// today when r belongs to none.
func refDate(r *rand.Rand) caseload.Date {
	refDates.Lock()
	defer refDates.Unlock()
	for i, k := range refDates.keys {
		if k == r && k != nil {
			return refDates.dates[i]
		}
	}
	return caseload.Today()
}

// chance reports true with probability p.
func (g *generator) chance(p float64) bool { return g.r.Float64() < p }

// between returns a uniform integer in [lo, hi].
func (g *generator) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + g.r.IntN(hi-lo+1)
}

// pickWeighted returns one of the keys, drawn by the weights.
func pickWeighted[T any](r *rand.Rand, items []T, weights []float64) T {
	total := 0.0
	for _, w := range weights {
		total += w
	}
	x := r.Float64() * total
	for i, w := range weights {
		if x < w {
			return items[i]
		}
		x -= w
	}
	return items[len(items)-1]
}

func minDate(a, b caseload.Date) caseload.Date {
	if a.After(b) {
		return b
	}
	return a
}

// person draws one made-up person with consistent dates. Managed persons
// are those a ward still manages: their expungement date has not passed
// (or is pending on obligations), else they are drawn again.
func (g *generator) person() caseload.Person {
	status := pickWeighted(g.r, caseload.Statuses, []float64{10, 75, 15})
	kind := ordinary
	switch status {
	case caseload.StatusManaged:
		g.managed++
		switch {
		case g.managed%recentEvery == recentEvery/2:
			kind = recentReturn
		case g.managed%loanWindowEvery == loanWindowEvery/4:
			kind = loanWindowClosing
		case g.managed%expungeSoonEvery == expungeSoonEvery*3/4:
			kind = expungementSoon
		}
	case caseload.StatusExpected:
		g.expected++
		switch {
		case g.expected%freshNoticeEvery == 1:
			kind = freshNotice
		case g.expected%notReportedEvery == notReportedEvery/2:
			kind = notReported
		}
	}
	limit := maxRedraws
	if kind == loanWindowClosing || kind == expungementSoon {
		limit *= 20 // only some sentences fit the dates
	}
	for try := 0; ; try++ {
		p := g.draw(status, kind)
		if status != caseload.StatusManaged || try >= limit || g.stillManaged(p, kind) {
			return p
		}
	}
}

// stillManaged reports whether a ward would still manage p on the
// reference date: a conviction that leaves no record only during the first
// year, else an expungement date not passed more than a few days ago (the
// worklist prompts from that date even while obligations are pending). A
// loan-window case (returned 5 years ago) must also still owe its
// obligations; an expungement-soon case must reach its date within the
// worklist horizon, nothing pending.
func (g *generator) stillManaged(p caseload.Person, kind special) bool {
	x := caseload.ComputeExpungement(p)
	switch {
	case x.NoRecord:
		return kind != loanWindowClosing && !p.CompletedOn.Before(g.today.AddDays(-365))
	case kind == loanWindowClosing && !x.Pending:
		return false
	case kind == expungementSoon:
		return !x.Pending && x.EligibleOn.After(g.today) &&
			!x.EligibleOn.After(g.today.AddDays(caseload.ExpungementHorizonDays))
	case x.EligibleOn.IsZero():
		return true
	}
	return !x.EligibleOn.Before(g.today.AddDays(-expungementGraceDays))
}

// draw draws one person of the given status and special case.
func (g *generator) draw(status caseload.Status, kind special) caseload.Person {
	r := g.r
	var p caseload.Person

	// Identity.
	p.Gender = caseload.Male
	if g.chance(0.09) {
		p.Gender = caseload.Female
	}
	family := g.l.family.pick(r).name
	if p.Gender == caseload.Male {
		p.FullName = family + " " + g.l.maleMiddle.pick(r).name + " " + g.l.maleGiven.pick(r).name
	} else {
		p.FullName = family + " " + g.l.femaleMiddle.pick(r).name + " " + g.l.femaleGiven.pick(r).name
	}
	p.Ethnicity = g.l.ethnicities.pick(r).name

	// Where the case stands decides the completion date.
	p.Status = status
	switch {
	case kind == freshNotice: // the notice comes 2 months before the release
		p.CompletedOn = g.today.AddDays(-g.between(0, 1)).AddMonths(2)
	case kind == notReported:
		p.CompletedOn = g.today.AddDays(-g.between(3, 12))
	case kind == recentReturn:
		p.CompletedOn = g.today.AddDays(-g.between(0, 3))
	case kind == loanWindowClosing:
		p.CompletedOn = g.today.AddYears(-5).AddDays(g.between(1, 85))
	case kind == expungementSoon: // the most common wait: 2 years (BLHS Art. 70(2)(b))
		p.CompletedOn = g.today.AddYears(-2).AddDays(g.between(1, caseload.ExpungementHorizonDays))
	case status == caseload.StatusExpected:
		p.CompletedOn = g.today.AddDays(g.between(1, 60))
	case status == caseload.StatusManaged:
		// Skewed to recent returns: the minimum of two uniform draws.
		d := min(g.between(0, 5*365), g.between(0, 5*365))
		p.CompletedOn = g.today.AddDays(-d)
	default:
		p.CompletedOn = g.today.AddDays(-g.between(365, 8*365))
	}

	// The offence and the sentence.
	off := g.l.offenseRows[g.l.offenses.pick(r).name]
	p.Offense = off.name
	p.CriminalCodeArticles = off.articles
	p.OffenseChapter = off.chapter
	p.Negligent = off.negligent
	months := g.between(off.minMonths, off.maxMonths)
	switch {
	case months >= 36:
		months = months / 6 * 6
	case months >= 12:
		months = months / 3 * 3
	}
	p.SentenceKind = caseload.SentencePrison
	p.SentenceMonths = months
	p.OffenseSeverity = severityOf(months)

	// Release: most serve the full term; some get amnesty or conditional
	// early release after serving 60–90 % of it.
	p.ReleaseKind = pickWeighted(r, caseload.ReleaseKinds, []float64{85, 10, 5})
	served := months
	if p.ReleaseKind != caseload.ReleaseCompleted && months >= 12 {
		served = months * g.between(60, 90) / 100
	} else {
		p.ReleaseKind = caseload.ReleaseCompleted
	}
	arrested := p.CompletedOn.AddMonths(-served)
	// Judged a few months after the arrest, before the release and never
	// in the future.
	judged := arrested.AddDays(g.between(60, 270))
	if limit := minDate(p.CompletedOn, g.today).AddDays(-1); judged.After(limit) {
		judged = arrested.AddDays(arrested.DaysUntil(limit) / 2)
	}
	p.Judgment = caseload.Judgment{
		Number: fmt.Sprintf("%d/%d/HS-ST", g.between(1, 420), judged.Year()),
		Date:   judged,
		Court:  g.court(judged, months),
	}
	p.Facility = g.l.facilities.pick(r).name
	if p.Status != caseload.StatusExpected {
		suffix := "GCN-THA"
		if p.ReleaseKind == caseload.ReleaseAmnesty {
			suffix = "GCN-ĐX"
		}
		p.CertificateNo = fmt.Sprintf("%d/%s", g.between(1, 999), suffix)
	}

	// Birth: adult at the offence, rarely 16–17 (BLHS Art. 107).
	age := 18 + g.between(0, 20) + g.between(0, 20) // at the arrest
	if g.chance(0.02) {
		age = g.between(16, 17)
		p.Juvenile = true
		p.AgeAtOffense = age
	}
	year := arrested.Year() - age
	if g.chance(0.15) {
		p.BirthDate = caseload.BirthDate{Year: year}
	} else {
		m := time.Month(g.between(1, 12))
		day := g.between(1, 28)
		if p.Juvenile { // born on 1 January: the age at the arrest is exact
			m, day = time.January, 1
		}
		p.BirthDate = caseload.BirthDate{Year: year, Month: m, Day: day}
	}
	p.CitizenID = g.citizenID(p.Gender, year)
	if g.chance(0.85) {
		p.Phone = g.phone()
	}

	// Home and background.
	p.Hamlet = g.l.hamlets.pick(r).name
	p.Address = fmt.Sprintf("Số %d %s, %s", g.between(1, 250), g.l.streets.pick(r).name, p.Hamlet)
	p.Education = fmt.Sprintf("%d/12", pickWeighted(r, []int{5, 7, 9, 12}, []float64{15, 20, 40, 25}))
	p.Occupation = g.l.occupations.pick(r).name
	p.EmployedBefore = g.chance(0.55)

	g.obligations(&p)
	if kind == loanWindowClosing { // still owing: the record cannot be cleared yet
		p.CivilObligations = caseload.CivilObligations{Amount: int64(g.between(5, 80)) * 1000000}
	}
	g.supplementary(&p)
	g.management(&p)
	return p
}

// severityOf approximates the offence category (BLHS Art. 9) from the
// sentence: the category depends on the penalty bracket, which the
// sentence falls in.
func severityOf(months int) caseload.Severity {
	switch {
	case months <= 36:
		return caseload.SeverityLessSerious
	case months <= 84:
		return caseload.SeveritySerious
	case months <= 180:
		return caseload.SeverityVerySerious
	}
	return caseload.SeverityEspeciallySerious
}

// court names the first-instance court: provincial for long sentences and
// cases from other provinces, a regional court (TAND khu vực) for
// judgments since 01/07/2025, and a district-level court of the home
// province before that.
func (g *generator) court(judged caseload.Date, months int) string {
	prov := g.home
	if g.chance(0.3) {
		prov = g.l.courts.pick(g.r)
	}
	name := prov.name
	provincial := "TAND tỉnh " + name
	if strings.HasPrefix(name, "Thành phố ") {
		provincial = "TAND " + name
	} else if cities[name] {
		provincial = "TAND thành phố " + name
	}
	switch {
	case months > 180 || g.chance(0.25):
		return provincial
	case !judged.Before(khuVucCourtsFrom):
		return fmt.Sprintf("TAND khu vực %d - %s", g.between(1, 12), name)
	case prov.name == g.home.name:
		return "TAND " + g.l.districts.pick(g.r).name
	}
	return provincial
}

// cities are the centrally governed cities (their court is "TAND thành phố").
var cities = map[string]bool{"Hà Nội": true, "Hải Phòng": true, "Đà Nẵng": true, "Cần Thơ": true}

// citizenID builds a 12-digit CCCD: province code, gender+century digit,
// the last two digits of the birth year and six random digits, different
// from every id drawn before (a clash takes the next free number, without
// drawing again, so the rest of the demo stays the same).
func (g *generator) citizenID(gender caseload.Gender, birthYear int) string {
	code := g.home.cols[0]
	if g.chance(0.3) {
		code = g.l.courts.pick(g.r).cols[0]
	}
	digit := 0
	if birthYear >= 2000 {
		digit = 2
	}
	if gender == caseload.Female {
		digit++
	}
	n := g.r.IntN(1000000)
	for {
		id := fmt.Sprintf("%s%d%02d%06d", code, digit, birthYear%100, n)
		if !g.cids[id] {
			g.cids[id] = true
			return id
		}
		n = (n + 1) % 1000000
	}
}

var phonePrefixes = []string{"090", "091", "093", "094", "096", "097", "098", "032", "033", "034", "035", "036", "037", "038", "039"}

// phone returns a 10-digit mobile number starting 09x or 03x.
func (g *generator) phone() string {
	return fmt.Sprintf("%s%07d", phonePrefixes[g.r.IntN(len(phonePrefixes))], g.r.IntN(10000000))
}

// obligations sets the civil obligations and court fees: none, settled,
// or still owed.
func (g *generator) obligations(p *caseload.Person) {
	if g.chance(0.35) {
		p.CivilObligations.None = true
		return
	}
	p.CivilObligations.Amount = int64(200000 + g.between(0, 60)*1000000)
	if g.chance(0.65) {
		start := p.Judgment.Date
		end := minDate(p.CompletedOn.AddDays(365), g.today)
		if end.After(start) {
			p.CivilObligations.SettledOn = start.AddDays(g.between(1, start.DaysUntil(end)))
		}
	}
}

// supplementary adds a supplementary penalty to some persons.
func (g *generator) supplementary(p *caseload.Person) {
	if !g.chance(0.15) {
		return
	}
	switch kind := pickWeighted(g.r, []string{"Quản chế", "Cấm cư trú", "Phạt tiền"}, []float64{5, 3, 2}); kind {
	case "Phạt tiền":
		p.Supplementary = []caseload.Supplementary{{Kind: kind}}
	default:
		m := g.between(1, 5) * 12
		p.Supplementary = []caseload.Supplementary{{Kind: kind, Months: m, EndsOn: p.CompletedOn.AddMonths(m)}}
	}
}

// management sets the return, the group and, for ended cases, why and
// when management ended.
func (g *generator) management(p *caseload.Person) {
	if p.Status == caseload.StatusExpected {
		return
	}
	p.ReturnedOn = minDate(p.CompletedOn.AddDays(g.between(0, 2)), g.today)
	p.ReportedOn = minDate(p.ReturnedOn.AddDays(g.between(0, 7)), g.today)
	p.Group = pickWeighted(g.r, caseload.Groups, []float64{45, 38, 12, 5})
	if p.Status == caseload.StatusManaged {
		return
	}
	reason := pickWeighted(g.r, caseload.EndReasons, []float64{50, 15, 5, 10, 8, 12})
	var ended caseload.Date
	if reason == caseload.EndExpunged {
		x := caseload.ComputeExpungement(*p)
		if !x.NoRecord && !x.Pending && !x.EligibleOn.IsZero() && x.EligibleOn.Before(g.today.AddDays(-30)) {
			p.ExpungedOn = x.EligibleOn.AddDays(g.between(0, min(60, x.EligibleOn.DaysUntil(g.today)-25)))
			p.ExpungeMethod = x.Method
			ended = p.ExpungedOn
		} else {
			reason = caseload.EndMovedAway
		}
	}
	if ended.IsZero() {
		ended = p.ReportedOn.AddDays(g.between(30, max(31, p.ReportedOn.DaysUntil(g.today)-20)))
	}
	p.EndReason = reason
	decided := minDate(ended.AddDays(g.between(3, 20)), g.today)
	p.EndDecision = caseload.Decision{Number: fmt.Sprintf("%d/QĐ-UBND", g.between(1, 900)), Date: decided}
	switch reason {
	case caseload.EndNewSentence:
		p.Group = caseload.GroupD
	case caseload.EndExpunged:
		p.Group = caseload.GroupA
	}
}
