package caseload

// Gender of a person, as recorded on the citizen ID.
type Gender string

// Genders.
const (
	Male   Gender = "male"
	Female Gender = "female"
)

// Genders lists the valid genders in display order.
var Genders = []Gender{Male, Female}

// SentenceKind is the main penalty as sentenced (BLHS Art. 70, 71, 73).
type SentenceKind string

// Sentence kinds.
const (
	SentencePrison        SentenceKind = "prison"
	SentenceLife          SentenceKind = "life"
	SentenceDeathCommuted SentenceKind = "death_commuted"
	SentenceSuspended     SentenceKind = "suspended"
	SentenceNonCustodial  SentenceKind = "non_custodial"
	SentenceFine          SentenceKind = "fine"
	SentenceWarning       SentenceKind = "warning"
)

// SentenceKinds lists the valid sentence kinds in display order.
var SentenceKinds = []SentenceKind{SentencePrison, SentenceLife, SentenceDeathCommuted,
	SentenceSuspended, SentenceNonCustodial, SentenceFine, SentenceWarning}

// ReleaseKind is how the person left prison.
type ReleaseKind string

// Release kinds.
const (
	ReleaseCompleted   ReleaseKind = "completed"
	ReleaseAmnesty     ReleaseKind = "amnesty"
	ReleaseConditional ReleaseKind = "conditional_release"
)

// ReleaseKinds lists the valid release kinds.
var ReleaseKinds = []ReleaseKind{ReleaseCompleted, ReleaseAmnesty, ReleaseConditional}

// Status is where the person is in the life of a case (docs/ARCHITECTURE.md section 7).
type Status string

// Statuses.
const (
	StatusExpected Status = "expected" // notice received, not yet returned
	StatusManaged  Status = "managed"  // under management by the ward
	StatusEnded    Status = "ended"    // management ended (TT 10/2024 Art. 14)
)

// Statuses lists the valid statuses.
var Statuses = []Status{StatusExpected, StatusManaged, StatusEnded}

// EndReason is a ground for ending management (TT 10/2024 Art. 14).
type EndReason string

// End-of-management grounds.
const (
	EndExpunged    EndReason = "expunged"
	EndMovedAway   EndReason = "moved_away"
	EndAbroad      EndReason = "abroad"
	EndMissing     EndReason = "missing"
	EndDead        EndReason = "dead"
	EndNewSentence EndReason = "new_sentence"
)

// EndReasons lists the six grounds.
var EndReasons = []EndReason{EndExpunged, EndMovedAway, EndAbroad, EndMissing, EndDead, EndNewSentence}

// Group is the A/B/C/D classification of TT 10/2024 Art. 12.
type Group string

// Groups.
const (
	GroupA Group = "A" // obeys the law, stable job, good environment
	GroupB Group = "B" // obeys the law but struggling
	GroupC Group = "C" // does not obey, or lives at high risk
	GroupD Group = "D" // in a detention or treatment facility
)

// Groups lists the four groups.
var Groups = []Group{GroupA, GroupB, GroupC, GroupD}

// ExpungeMethod is how the record is cleared: automatically (BLHS Art. 70)
// or by a court decision (Art. 71).
type ExpungeMethod string

// Expungement methods.
const (
	ExpungeAutomatic ExpungeMethod = "automatic"
	ExpungeCourt     ExpungeMethod = "court"
)

// Severity is the category of the offence (BLHS Art. 9); it matters for
// the no-record rules of Art. 69 and 107.
type Severity string

// Offence categories.
const (
	SeverityLessSerious       Severity = "less_serious"
	SeveritySerious           Severity = "serious"
	SeverityVerySerious       Severity = "very_serious"
	SeverityEspeciallySerious Severity = "especially_serious"
)

// Severities lists the offence categories from least to most serious.
var Severities = []Severity{SeverityLessSerious, SeveritySerious, SeverityVerySerious, SeverityEspeciallySerious}

// Judgment identifies the court judgment.
type Judgment struct {
	Number string `json:"number"`
	Date   Date   `json:"date"`
	Court  string `json:"court"`
}

// Supplementary is a supplementary penalty (quản chế, cấm cư trú, ...).
type Supplementary struct {
	Kind   string `json:"kind"`
	Months int    `json:"months"`
	EndsOn Date   `json:"ends_on"`
}

// CivilObligations are the civil obligations and court fees of the
// judgment. Amount 0 with Settled false and SettledOn zero means unknown.
type CivilObligations struct {
	Amount    int64 `json:"amount"`
	None      bool  `json:"none"`       // the judgment imposed none
	SettledOn Date  `json:"settled_on"` // date they were met
}

// Decision is an administrative decision: number and date.
type Decision struct {
	Number string `json:"number"`
	Date   Date   `json:"date"`
}

// Person is a person on the caseload: someone who has completed a prison
// sentence (or is expected to, after a prison notice). Field names follow
// docs/ARCHITECTURE.md section 5.
type Person struct {
	Meta

	FullName       string    `json:"full_name"`
	OtherNames     string    `json:"other_names"`
	Gender         Gender    `json:"gender"`
	BirthDate      BirthDate `json:"birth_date"`
	CitizenID      string    `json:"citizen_id"`
	Ethnicity      string    `json:"ethnicity"`
	Phone          string    `json:"phone"`
	Hamlet         string    `json:"hamlet"`
	Address        string    `json:"address"`
	Education      string    `json:"education"`
	Occupation     string    `json:"occupation"`
	EmployedBefore bool      `json:"employed_before"`

	Offense              string   `json:"offense"`
	CriminalCodeArticles string   `json:"criminal_code_articles"`
	OffenseChapter       int      `json:"offense_chapter"` // BLHS chapter (13 national security, 26 war crimes)
	OffenseSeverity      Severity `json:"offense_severity"`
	Negligent            bool     `json:"negligent"`
	Juvenile             bool     `json:"juvenile"`       // aged 16–17 at the offence (BLHS Art. 107)
	AgeAtOffense         int      `json:"age_at_offense"` // optional; 0 = unknown

	Judgment         Judgment         `json:"judgment"`
	SentenceKind     SentenceKind     `json:"sentence_kind"`
	SentenceMonths   int              `json:"sentence_months"`
	Supplementary    []Supplementary  `json:"supplementary"`
	CivilObligations CivilObligations `json:"civil_obligations"`

	Facility      string      `json:"facility"`
	ReleaseKind   ReleaseKind `json:"release_kind"`
	CertificateNo string      `json:"certificate_no"`
	CompletedOn   Date        `json:"completed_on"`
	ReturnedOn    Date        `json:"returned_on"`
	ReportedOn    Date        `json:"reported_on"`

	Status        Status        `json:"status"`
	EndReason     EndReason     `json:"end_reason"`
	EndDecision   Decision      `json:"end_decision"`
	Group         Group         `json:"group"`
	ExpungedOn    Date          `json:"expunged_on"`
	ExpungeMethod ExpungeMethod `json:"expunge_method"`
	// CourtRefusals are the dates a court refused to expunge (BLHS Art. 71).
	CourtRefusals []Date `json:"court_refusals"`
	// NewConvictionOn is the day of the latest new offence the person was
	// convicted for (Recidivism.CountsFrom: the offence day, else the
	// record's date). An offence before the record is cleared restarts
	// the waiting period (BLHS Art. 73(2)); the store sets it when a
	// recidivism is recorded.
	NewConvictionOn Date `json:"new_conviction_on"`

	Notes string `json:"notes"`
}
