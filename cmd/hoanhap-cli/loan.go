package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

func init() {
	register(command{name: "loan", summary: "support.cli.summary.loan", run: runLoan})
}

// runLoan dispatches loan add | update ID | mau01.
func runLoan(e *env, args []string) error {
	return supDispatch(args, "support.cli.usage.loan", map[string]func([]string) error{
		"add":    func(a []string) error { return runLoanAdd(e, a) },
		"update": func(a []string) error { return runLoanUpdate(e, a) },
		"mau01":  func(a []string) error { return runLoanMau01(e, a) },
	})
}

// runLoanAdd saves a new loan read from stdin, prints its id on stdout and
// the QĐ 22/2023 warnings on stderr (they do not fail the command).
func runLoanAdd(e *env, args []string) error {
	var rec caseload.Loan
	return supAdd(e, args, "loan add", "support.cli.usage.loan", &rec, func(ctx context.Context) (string, error) {
		if rec.Status == "" {
			rec.Status = caseload.LoanRequested
		}
		return saveLoanAndWarn(ctx, e, &rec)
	})
}

func saveLoanAndWarn(ctx context.Context, e *env, rec *caseload.Loan) (string, error) {
	st, err := e.store()
	if err != nil {
		return "", err
	}
	if err := st.SaveLoan(ctx, rec); err != nil {
		return "", err
	}
	ws, err := st.LoanWarnings(ctx, *rec)
	if err != nil {
		return "", err
	}
	for _, w := range ws {
		fmt.Fprintf(e.stderr, "%s: %s\n", i18n.T("support.cli.warning"), i18n.Error(w))
	}
	return rec.ID, nil
}

// runLoanUpdate changes a loan: loan update ID, with the fields to change
// as a JSON object on stdin (other fields keep their values).
func runLoanUpdate(e *env, args []string) error {
	fs := newCmdFlags("loan update", "support.cli.usage.loan")
	rest, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usageError{i18n.T("support.cli.need_id") + "\n" + i18n.T("support.cli.usage.loan")}
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	ctx := context.Background()
	rec, err := st.Loan(ctx, rest[0])
	if errors.Is(err, store.ErrNotFound) {
		return textError(i18n.T("support.cli.not_found", "ID", rest[0]))
	}
	if err != nil {
		return err
	}
	if err := supDecode(e.stdin, &rec); err != nil {
		return err
	}
	id, err := saveLoanAndWarn(ctx, e, &rec)
	if err != nil {
		return supSaveError(err)
	}
	fmt.Fprintln(e.stdout, id)
	return nil
}

// runLoanMau01 prints the Mẫu 01 list of a month: loan mau01 [YYYY-MM]
// (default: this month), one line per request, eligible people first.
func runLoanMau01(e *env, args []string) error {
	fs := newCmdFlags("loan mau01", "support.cli.usage.loan")
	rest, err := fs.parse(args)
	if err != nil {
		return err
	}
	today := caseload.Today()
	year, month := today.Year(), int(today.Month())
	if len(rest) == 1 {
		if _, err := fmt.Sscanf(rest[0], "%4d-%2d", &year, &month); err != nil || month < 1 || month > 12 {
			return usageError{i18n.T("support.cli.bad_month", "Value", rest[0]) + "\n" + i18n.T("support.cli.usage.loan")}
		}
	} else if len(rest) > 1 {
		return usageError{i18n.T("support.cli.extra_args", "Args", strings.Join(rest[1:], " ")) + "\n" + i18n.T("support.cli.usage.loan")}
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	list := caseload.Mau01Date(year, month)
	rows, err := st.Mau01List(context.Background(), list)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, i18n.T("support.mau01.title", "Date", list))
	n := 0
	for _, eligible := range []bool{true, false} {
		for _, r := range rows {
			if r.Eligible != eligible {
				continue
			}
			n++
			state := i18n.T("support.mau01.eligible")
			if !eligible {
				var why []string
				for _, w := range r.Warnings {
					why = append(why, i18n.Error(w))
				}
				state = i18n.T("support.mau01.not_eligible") + ": " + strings.Join(why, "; ")
			}
			fmt.Fprintf(e.stdout, "%d. %s\t%s\t%s\t%s\n", n, r.Person.FullName, i18n.Money(r.Loan.Amount),
				i18n.T("support.loan.purpose."+string(r.Loan.Purpose)), state)
		}
	}
	return nil
}
