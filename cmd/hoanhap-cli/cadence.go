package main

import (
	"context"
	"flag"
	"strconv"
	"strings"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

func init() {
	register(command{name: "settings", summary: "cadence.cli.summary.settings", run: runSettings})
}

// runSettings dispatches "settings SUB": today only "cadence".
func runSettings(e *env, args []string) error {
	if len(args) == 0 || args[0] != "cadence" {
		return usageError{i18n.T("cadence.cli.usage.settings")}
	}
	return runCadence(e, args[1:])
}

// runCadence handles "settings cadence [--a N] [--b N] [--c N] [--d N]":
// without flags it prints the days between visits per group as JSON
// ({"A":90,"B":30,"C":14,"D":0}); with flags it changes the groups given
// (1–365 days; --d 0 = no regular visits for group D) and prints the
// result.
func runCadence(e *env, args []string) error {
	fs := newCmdFlags("settings cadence", "cadence.cli.usage.settings")
	groups := []caseload.Group{caseload.GroupA, caseload.GroupB, caseload.GroupC, caseload.GroupD}
	flags := map[caseload.Group]*string{}
	for _, g := range groups {
		flags[g] = fs.String(strings.ToLower(string(g)), "", "days between visits")
	}
	rest, err := fs.parse(args)
	if err != nil {
		return err
	}
	if err := fs.noArgs(rest); err != nil {
		return err
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	set := map[caseload.Group]int{}
	for _, g := range groups {
		name := strings.ToLower(string(g))
		if !given[name] {
			continue
		}
		v := *flags[g]
		d, err := strconv.Atoi(strings.TrimSpace(v))
		lowest := 1
		if g == caseload.GroupD {
			lowest = 0 // group D: 0 = no regular visits
		}
		if err != nil || d < lowest || d > 365 {
			return fs.usageErr("cadence.cli.bad_days", "Flag", "--"+name, "Value", v)
		}
		set[g] = d
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	ctx := context.Background()
	if len(set) > 0 {
		cur, err := st.VisitCadence(ctx)
		if err != nil {
			return err
		}
		for g, d := range set {
			cur[g] = d
		}
		if err := svSave(e, func(ctx context.Context, st *store.Store) error { return st.SetVisitCadence(ctx, cur) }, func() {}); err != nil {
			return err
		}
	}
	m, err := st.VisitCadence(ctx)
	if err != nil {
		return err
	}
	svPrintJSON(e, m)
	return nil
}
