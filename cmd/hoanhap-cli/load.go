package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"hoanhap/i18n"
	"hoanhap/report"
)

func init() {
	register(command{name: "load", summary: "load.cli.summary", run: runLoad})
}

// runLoad writes a dump (what "dump" prints) into a freshly initialised
// store: every record checked, all written in one transaction or none.
func runLoad(e *env, args []string) error {
	fs := newCmdFlags("load", "load.cli.usage")
	rest, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usageError{fs.usage()}
	}
	in := e.stdin
	if rest[0] != "-" {
		f, err := os.Open(rest[0])
		if err != nil {
			return cliMessage("load.error.open", "File", rest[0])
		}
		defer f.Close()
		in = f
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	n, err := report.Load(context.Background(), st, in)
	var le *report.LoadError
	if errors.As(err, &le) {
		for i, p := range le.Problems {
			if i == 50 {
				fmt.Fprintln(e.stderr, i18n.T("load.cli.more", "Count", len(le.Problems)-50))
				break
			}
			where := p.Table
			if p.Record > 0 {
				where = i18n.T("load.cli.where", "Table", p.Table, "Record", p.Record, "ID", p.ID)
			}
			fmt.Fprintln(e.stderr, strings.TrimSpace(where+": "+p.Text))
		}
		return err
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, i18n.T("load.cli.done", "Count", n))
	return nil
}
