package store

import (
	"encoding/json"
	"fmt"
	"strings"

	"hoanhap/caseload"
)

// personDataCols are the person columns after the sync fields, in the
// order of personArgs and scanPerson (declared in the registry).
var personDataCols = columnNames(personColumns)

// personCols is the full column list of the person table (sync fields
// first), used by SELECT and INSERT.
var personCols = metaCols + ", " + strings.Join(personDataCols, ", ")

// personInsertSQL inserts one full person row.
var personInsertSQL = `INSERT INTO person (` + personCols + `) VALUES (` +
	strings.TrimSuffix(strings.Repeat("?, ", 7+len(personDataCols)), ", ") + `)`

// personUpdateSQL rewrites every column of one person row (id last).
var personUpdateSQL = func() string {
	sets := []string{"owner = ?", "ver = ?", "updated_at = ?", "updated_by = ?", "hlc = ?", "deleted = ?"}
	for _, c := range personDataCols {
		sets = append(sets, c+" = ?")
	}
	return `UPDATE person SET ` + strings.Join(sets, ", ") + ` WHERE id = ?`
}()

// personArgs returns the values of the data columns in personDataCols order.
func personArgs(p *caseload.Person) ([]any, error) {
	supp, err := json.Marshal(nonNil(p.Supplementary))
	if err != nil {
		return nil, fmt.Errorf("encode supplementary: %w", err)
	}
	refusals, err := json.Marshal(nonNil(p.CourtRefusals))
	if err != nil {
		return nil, fmt.Errorf("encode court refusals: %w", err)
	}
	return []any{
		p.FullName, p.OtherNames, string(p.Gender), p.BirthDate.String(), p.CitizenID, p.Ethnicity, p.Phone,
		p.Hamlet, p.Address, p.Education, p.Occupation, p.EmployedBefore,
		p.Offense, p.CriminalCodeArticles, p.OffenseChapter, string(p.OffenseSeverity), p.Negligent,
		p.Juvenile, p.AgeAtOffense,
		p.Judgment.Number, p.Judgment.Date.String(), p.Judgment.Court, string(p.SentenceKind), p.SentenceMonths,
		string(supp), p.CivilObligations.Amount, p.CivilObligations.None, p.CivilObligations.SettledOn.String(),
		p.Facility, string(p.ReleaseKind), p.CertificateNo, p.CompletedOn.String(), p.ReturnedOn.String(), p.ReportedOn.String(),
		string(p.Status), string(p.EndReason), p.EndDecision.Number, p.EndDecision.Date.String(), string(p.Group),
		p.ExpungedOn.String(), string(p.ExpungeMethod), string(refusals), p.NewConvictionOn.String(), p.Notes,
	}, nil
}

// nonNil turns a nil slice into an empty one so that it is stored as "[]".
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// rowScanner is what *sql.Row and *sql.Rows have in common.
type rowScanner interface{ Scan(dest ...any) error }

// scanPerson reads one row selected with personCols.
func scanPerson(r rowScanner) (caseload.Person, error) {
	var p caseload.Person
	dst, after := metaScan(&p.Meta)
	var gender, birth, severity, judgDate, kind, supp, settled, release string
	var completed, returned, reported, status, endReason, endDate, grp, expunged, method, refusals, convicted string
	dst = append(dst,
		&p.FullName, &p.OtherNames, &gender, &birth, &p.CitizenID, &p.Ethnicity, &p.Phone,
		&p.Hamlet, &p.Address, &p.Education, &p.Occupation, &p.EmployedBefore,
		&p.Offense, &p.CriminalCodeArticles, &p.OffenseChapter, &severity, &p.Negligent,
		&p.Juvenile, &p.AgeAtOffense,
		&p.Judgment.Number, &judgDate, &p.Judgment.Court, &kind, &p.SentenceMonths,
		&supp, &p.CivilObligations.Amount, &p.CivilObligations.None, &settled,
		&p.Facility, &release, &p.CertificateNo, &completed, &returned, &reported,
		&status, &endReason, &p.EndDecision.Number, &endDate, &grp,
		&expunged, &method, &refusals, &convicted, &p.Notes,
	)
	if err := r.Scan(dst...); err != nil {
		return p, err
	}
	after()
	p.Gender = caseload.Gender(gender)
	p.OffenseSeverity = caseload.Severity(severity)
	p.SentenceKind = caseload.SentenceKind(kind)
	p.ReleaseKind = caseload.ReleaseKind(release)
	p.Status = caseload.Status(status)
	p.EndReason = caseload.EndReason(endReason)
	p.Group = caseload.Group(grp)
	p.ExpungeMethod = caseload.ExpungeMethod(method)

	var err error
	if p.BirthDate, err = caseload.ParseBirthDate(birth); err != nil {
		return p, fmt.Errorf("person %s birth_date: %w", p.ID, err)
	}
	for _, d := range []struct {
		dst *caseload.Date
		src string
	}{
		{&p.Judgment.Date, judgDate}, {&p.CivilObligations.SettledOn, settled},
		{&p.CompletedOn, completed}, {&p.ReturnedOn, returned}, {&p.ReportedOn, reported},
		{&p.EndDecision.Date, endDate}, {&p.ExpungedOn, expunged}, {&p.NewConvictionOn, convicted},
	} {
		if *d.dst, err = caseload.ParseDate(d.src); err != nil {
			return p, fmt.Errorf("person %s: %w", p.ID, err)
		}
	}
	if supp != "" && supp != "[]" {
		if err := json.Unmarshal([]byte(supp), &p.Supplementary); err != nil {
			return p, fmt.Errorf("person %s supplementary: %w", p.ID, err)
		}
	}
	if refusals != "" && refusals != "[]" {
		if err := json.Unmarshal([]byte(refusals), &p.CourtRefusals); err != nil {
			return p, fmt.Errorf("person %s court_refusals: %w", p.ID, err)
		}
	}
	return p, nil
}
