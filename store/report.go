package store

import (
	"context"
	"database/sql"
	"fmt"

	"hoanhap/caseload"
)

// ReportFigures are the raw counts behind the periodic reports (HCD-12,
// HCD-13) for one data period, both ends included. The report package
// names them, defines them for readers and shapes the output; the
// definitions below are the ones it prints.
type ReportFigures struct {
	Returned               int // people with returned_on in the period
	ReturnedCompleted      int // … of them released on completing the sentence
	ReturnedAmnesty        int // … by amnesty
	ReturnedConditional    int // … on conditional release
	ReturnedMale           int
	ReturnedFemale         int
	ReturnedEmployedBefore int // … who had a job before prison

	Expunged           int // people with expunged_on in the period
	ExpungedCumulative int // people with expunged_on on or before the end

	ManagedEnd      int            // under management at the end of the period
	ManagedEndGroup map[string]int // by group at the end: "A".."D", "" unclassified
	ManagedDuring   int            // under management at some day of the period
	Recidivism      int            // among ManagedDuring: a new offence dated in the period

	Loans                 int   // loans disbursed in the period
	LoansAmount           int64 // their amount, đồng
	LoansCumulative       int   // loans disbursed on or before the end
	LoansAmountCumulative int64

	Supports    map[string]int // support kind → people helped in the period
	EmployedEnd int            // ManagedEnd people holding a job at the end
	Visits      int            // visits dated in the period (corrected ones once)
	Mentors     int            // mentors with an assignment running at the end
	Ended       map[string]int // end reason → people whose management ended in the period

	ModelsActive            int
	ModelsStarted           int
	ModelMembers            int
	ModelsRecognised        int
	Businesses              int
	BusinessReturneeWorkers int
	Exemplary               int
}

// reportPersonCTE selects the people who ever came under management with
// the two dates every count uses: arrived (the day management began: the
// day they returned, or, when that was not recorded, the day they
// completed the sentence) and gone (the day management ended: the end
// decision (HCD-11), or the expungement if earlier; '9999-12-31' while
// managed; '0000-00-00' for an ended person with no date, who counts as
// ended before any period).
const reportPersonCTE = `WITH p AS (
	SELECT id, gender, release_kind, employed_before, returned_on, expunged_on, grp,
		coalesce(nullif(returned_on, ''), completed_on) AS arrived,
		min(CASE WHEN status = 'ended' THEN coalesce(nullif(end_decision_date, ''), '0000-00-00') ELSE '9999-12-31' END,
			CASE WHEN expunged_on <> '' THEN expunged_on ELSE '9999-12-31' END) AS gone
	FROM person
	WHERE deleted = 0 AND status <> 'expected' AND (returned_on <> '' OR completed_on <> '')
)`

// ReportFigures counts the figures of the period from–to (both included)
// with SQL aggregates: one pass over the people, index range scans for the
// dated records.
func (s *Store) ReportFigures(ctx context.Context, from, to caseload.Date) (ReportFigures, error) {
	return s.reportFigures(ctx, from, to, "")
}

// reportFigures counts the figures of the records of owner ("" = all;
// see ReportFiguresOf).
func (s *Store) reportFigures(ctx context.Context, from, to caseload.Date, owner string) (ReportFigures, error) {
	f := ReportFigures{ManagedEndGroup: map[string]int{}, Supports: map[string]int{}, Ended: map[string]int{}}
	a, b := from.String(), to.String()
	err := s.scopedReadTx(ctx, owner, func(tx reportQuerier) error {
		row := tx.QueryRowContext(ctx, reportPersonCTE+`
		SELECT
			count(*) FILTER (WHERE returned_on BETWEEN :a AND :b),
			count(*) FILTER (WHERE returned_on BETWEEN :a AND :b AND release_kind = 'completed'),
			count(*) FILTER (WHERE returned_on BETWEEN :a AND :b AND release_kind = 'amnesty'),
			count(*) FILTER (WHERE returned_on BETWEEN :a AND :b AND release_kind = 'conditional_release'),
			count(*) FILTER (WHERE returned_on BETWEEN :a AND :b AND gender = 'male'),
			count(*) FILTER (WHERE returned_on BETWEEN :a AND :b AND gender = 'female'),
			count(*) FILTER (WHERE returned_on BETWEEN :a AND :b AND employed_before <> 0),
			count(*) FILTER (WHERE expunged_on BETWEEN :a AND :b),
			count(*) FILTER (WHERE expunged_on <> '' AND expunged_on <= :b),
			count(*) FILTER (WHERE arrived <= :b AND gone > :b),
			count(*) FILTER (WHERE arrived <= :b AND gone >= :a)
		FROM p`, sql.Named("a", a), sql.Named("b", b))
		if err := row.Scan(&f.Returned, &f.ReturnedCompleted, &f.ReturnedAmnesty, &f.ReturnedConditional,
			&f.ReturnedMale, &f.ReturnedFemale, &f.ReturnedEmployedBefore, &f.Expunged, &f.ExpungedCumulative,
			&f.ManagedEnd, &f.ManagedDuring); err != nil {
			return fmt.Errorf("people: %w", err)
		}
		if err := reportGroups(ctx, tx, b, f.ManagedEndGroup); err != nil {
			return fmt.Errorf("groups: %w", err)
		}
		if err := tx.QueryRowContext(ctx, reportPersonCTE+`
		SELECT count(DISTINCT r.person_id) FROM recidivism r JOIN p ON p.id = r.person_id
		WHERE r.deleted = 0 AND coalesce(nullif(r.offense_on, ''), r.date) BETWEEN :a AND :b
			AND p.arrived <= :b AND p.gone >= :a`, sql.Named("a", a), sql.Named("b", b)).Scan(&f.Recidivism); err != nil {
			return fmt.Errorf("recidivism: %w", err)
		}
		if err := tx.QueryRowContext(ctx, `SELECT
			count(*) FILTER (WHERE disbursed_on BETWEEN :a AND :b),
			coalesce(sum(amount) FILTER (WHERE disbursed_on BETWEEN :a AND :b), 0),
			count(*), coalesce(sum(amount), 0)
		FROM loan WHERE deleted = 0 AND disbursed_on <> '' AND disbursed_on <= :b`,
			sql.Named("a", a), sql.Named("b", b)).Scan(&f.Loans, &f.LoansAmount, &f.LoansCumulative, &f.LoansAmountCumulative); err != nil {
			return fmt.Errorf("loans: %w", err)
		}
		if err := reportCounts(ctx, tx, `SELECT s.kind, count(DISTINCT s.person_id) FROM support s JOIN person p ON p.id = s.person_id
			WHERE s.deleted = 0 AND p.deleted = 0 AND s.date BETWEEN ? AND ? GROUP BY s.kind`, f.Supports, a, b); err != nil {
			return fmt.Errorf("supports: %w", err)
		}
		if err := tx.QueryRowContext(ctx, reportPersonCTE+`
		SELECT count(DISTINCT s.person_id) FROM support s JOIN p ON p.id = s.person_id
		WHERE s.kind = 'employment' AND s.deleted = 0 AND s.date <= :b AND (s.ended_on = '' OR s.ended_on >= :b)
			AND p.arrived <= :b AND p.gone > :b`, sql.Named("b", b)).Scan(&f.EmployedEnd); err != nil {
			return fmt.Errorf("employment: %w", err)
		}
		// Live visits of the period (index visit_live_date, migration
		// 0009) less those a live correction supersedes (few: read from
		// the corrections' index).
		if err := tx.QueryRowContext(ctx, `SELECT
			(SELECT count(*) FROM visit WHERE deleted = 0 AND date BETWEEN :a AND :b) -
			(SELECT count(*) FROM visit c JOIN visit v ON v.id = c.supersedes
				WHERE c.supersedes <> '' AND c.deleted = 0 AND v.deleted = 0 AND v.date BETWEEN :a AND :b)`,
			sql.Named("a", a), sql.Named("b", b)).Scan(&f.Visits); err != nil {
			return fmt.Errorf("visits: %w", err)
		}
		if err := tx.QueryRowContext(ctx, `SELECT count(DISTINCT a.mentor_id) FROM assignment a JOIN mentor m ON m.id = a.mentor_id
			WHERE a.deleted = 0 AND m.deleted = 0 AND a.from_date <= ? AND (a.to_date = '' OR a.to_date > ?)`, b, b).Scan(&f.Mentors); err != nil {
			return fmt.Errorf("mentors: %w", err)
		}
		if err := reportCounts(ctx, tx, `SELECT e.reason, count(DISTINCT e.person_id) FROM case_end e JOIN person p ON p.id = e.person_id
			WHERE e.deleted = 0 AND p.deleted = 0 AND e.decision_date BETWEEN ? AND ? GROUP BY e.reason`, f.Ended, a, b); err != nil {
			return fmt.Errorf("ends: %w", err)
		}
		return reportModels(ctx, tx, a, b, &f)
	})
	if err != nil {
		return f, fmt.Errorf("store: report %s–%s: %w", a, b, err)
	}
	return f, nil
}

// reportGroups counts the people under management at day b by their
// group on that day. For a period not yet over (b today or later) that is
// the group on the profile, which every classification updates. For a
// past period it is the group of the latest classification dated on or
// before b; a person never classified through a quarterly classification
// counts under the group on the profile ("" = unclassified). That path
// makes one pass over the classifications (covering index
// classification_live_group, migration 0009): with max(), SQLite takes
// the bare column grp from the row holding the maximum (of two
// classifications the same day, either).
func reportGroups(ctx context.Context, tx reportQuerier, b string, out map[string]int) error {
	if b >= caseload.Today().String() {
		return reportCounts(ctx, tx, reportPersonCTE+`
		SELECT grp, count(*) FROM p WHERE p.arrived <= :b AND p.gone > :b GROUP BY grp`, out, sql.Named("b", b))
	}
	return reportCounts(ctx, tx, reportPersonCTE+`,
	cl AS (SELECT person_id, grp, max(CASE WHEN classified_on <= :b THEN classified_on END) AS d
		FROM classification WHERE deleted = 0 GROUP BY person_id)
	SELECT CASE WHEN cl.person_id IS NULL THEN p.grp WHEN cl.d IS NULL THEN '' ELSE cl.grp END, count(*)
	FROM p LEFT JOIN cl ON cl.person_id = p.id
	WHERE p.arrived <= :b AND p.gone > :b
	GROUP BY 1`, out, sql.Named("b", b))
}

// reportModels counts the reintegration models, partner businesses and
// exemplary people.
func reportModels(ctx context.Context, tx reportQuerier, a, b string, f *ReportFigures) error {
	if err := tx.QueryRowContext(ctx, `SELECT
		count(*) FILTER (WHERE status = 'active' AND started_on <= :b),
		count(*) FILTER (WHERE started_on BETWEEN :a AND :b),
		count(*) FILTER (WHERE recognized_on BETWEEN :a AND :b)
	FROM model WHERE deleted = 0`, sql.Named("a", a), sql.Named("b", b)).Scan(&f.ModelsActive, &f.ModelsStarted, &f.ModelsRecognised); err != nil {
		return fmt.Errorf("models: %w", err)
	}
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM model_member mm JOIN model m ON m.id = mm.model_id
		WHERE mm.deleted = 0 AND m.deleted = 0 AND m.status = 'active' AND m.started_on <= ?`, b).Scan(&f.ModelMembers); err != nil {
		return fmt.Errorf("model members: %w", err)
	}
	if err := tx.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(returnee_workers), 0) FROM business WHERE deleted = 0`).
		Scan(&f.Businesses, &f.BusinessReturneeWorkers); err != nil {
		return fmt.Errorf("businesses: %w", err)
	}
	if err := tx.QueryRowContext(ctx, `SELECT count(DISTINCT e.person_id) FROM exemplary e JOIN person p ON p.id = e.person_id
		WHERE e.deleted = 0 AND p.deleted = 0 AND e.recognized_on BETWEEN ? AND ?`, a, b).Scan(&f.Exemplary); err != nil {
		return fmt.Errorf("exemplary: %w", err)
	}
	return nil
}

// ReportYear is the part of the figures the year table of a report shows.
type ReportYear struct {
	Returned      int
	ManagedDuring int
	Recidivism    int
}

// ReportYearFigures counts returned, managed-during and recidivism for
// from–to with the definitions of ReportFigures.
func (s *Store) ReportYearFigures(ctx context.Context, from, to caseload.Date) (ReportYear, error) {
	return s.reportYearFigures(ctx, from, to, "")
}

func (s *Store) reportYearFigures(ctx context.Context, from, to caseload.Date, owner string) (ReportYear, error) {
	var y ReportYear
	a, b := from.String(), to.String()
	err := s.scopedReadTx(ctx, owner, func(tx reportQuerier) error {
		if err := tx.QueryRowContext(ctx, reportPersonCTE+`
		SELECT count(*) FILTER (WHERE returned_on BETWEEN :a AND :b),
			count(*) FILTER (WHERE arrived <= :b AND gone >= :a) FROM p`,
			sql.Named("a", a), sql.Named("b", b)).Scan(&y.Returned, &y.ManagedDuring); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, reportPersonCTE+`
		SELECT count(DISTINCT r.person_id) FROM recidivism r JOIN p ON p.id = r.person_id
		WHERE r.deleted = 0 AND coalesce(nullif(r.offense_on, ''), r.date) BETWEEN :a AND :b
			AND p.arrived <= :b AND p.gone >= :a`, sql.Named("a", a), sql.Named("b", b)).Scan(&y.Recidivism)
	})
	if err != nil {
		return y, fmt.Errorf("store: report year %s–%s: %w", a, b, err)
	}
	return y, nil
}

// reportCounts runs a query of (key, count) rows into out.
func reportCounts(ctx context.Context, tx reportQuerier, q string, out map[string]int, args ...any) error {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return err
		}
		out[k] += n
	}
	return rows.Err()
}

// readTx runs fn in one read transaction, so that every count of a report
// sees the same data.
func (s *Store) readTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}
