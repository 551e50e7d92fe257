package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"hoanhap/caseload"
	"hoanhap/demo"
	"hoanhap/i18n"
)

func init() {
	register(command{name: "demo", summary: "cli.summary.demo", run: runDemo})
}

// runDemo fills an empty store with a made-up ward:
// demo [--persons N] [--seed S] [--today YYYY-MM-DD].
func runDemo(e *env, args []string) error {
	fs := newCmdFlags("demo", "cli.usage.demo")
	persons := fs.Int("persons", demo.DefaultPersons, "")
	seed := fs.Uint64("seed", demo.DefaultSeed, "")
	today := fs.String("today", "", "")
	rest, err := fs.parse(args)
	if err != nil {
		return err
	}
	if err := fs.noArgs(rest); err != nil {
		return err
	}
	if *persons < 1 {
		return fs.usageErr("cli.error.bad_flag_value", "Flag", "--persons", "Value", *persons)
	}
	if *seed == 0 {
		return fs.usageErr("cli.error.bad_flag_value", "Flag", "--seed", "Value", *seed)
	}
	ref, err := caseload.ParseDate(*today)
	if err != nil {
		return fs.usageErr("cli.error.bad_flag_value", "Flag", "--today", "Value", *today)
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	ctx := context.Background()
	if st.PeopleCount() > 0 {
		return demo.ErrNotEmpty
	}
	if st.Node().UnitName == "" {
		if err := st.SetUnit(ctx, demo.DefaultUnit, "ward"); err != nil {
			return err
		}
	}
	start := time.Now()
	people, err := demo.Generate(ctx, st, demo.Options{Persons: *persons, Seed: *seed, Today: ref})
	if err != nil {
		return err
	}
	secs := time.Since(start).Seconds()
	fmt.Fprintln(e.stdout, i18n.T("cli.demo.done", "Count", len(people), "Unit", st.Node().UnitName,
		"Seconds", strings.Replace(fmt.Sprintf("%.1f", secs), ".", decimalSep(), 1)))
	return nil
}

// decimalSep is the decimal separator of the current language.
func decimalSep() string {
	if i18n.Language() == "vi" {
		return ","
	}
	return "."
}
