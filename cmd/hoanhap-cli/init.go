package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"hoanhap/i18n"
)

func init() {
	register(command{name: "init", summary: "cli.summary.init", run: runInit})
}

// runInit creates the store in the data folder and names the unit:
// init --unit NAME [--kind ward|office].
func runInit(e *env, args []string) error {
	fs := newCmdFlags("init", "cli.usage.init")
	unit := fs.String("unit", "", "")
	kind := fs.String("kind", "ward", "")
	rest, err := fs.parse(args)
	if err != nil {
		return err
	}
	if err := fs.noArgs(rest); err != nil {
		return err
	}
	name := nfcText(strings.TrimSpace(*unit))
	if name == "" {
		return fs.usageErr("cli.error.missing_flag", "Flag", "--unit")
	}
	if *kind != "ward" && *kind != "office" {
		return fs.usageErr("cli.error.bad_flag_value", "Flag", "--kind", "Value", *kind)
	}
	e.create = true
	st, err := e.store()
	if err != nil {
		return err
	}
	if err := st.SetUnit(context.Background(), name, *kind); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, i18n.T("cli.init.done", "Unit", name, "Path", st.Path()))
	return nil
}

// cmdFlags is the flag set of one command: flags may come before, between
// or after the positional arguments, and every misuse becomes a usage error
// (exit status 2) that shows the command's usage.
type cmdFlags struct {
	*flag.FlagSet
	usageKey string
}

// newCmdFlags returns the flag set of command name; usageKey is the i18n
// key of its usage text.
func newCmdFlags(name, usageKey string) *cmdFlags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return &cmdFlags{FlagSet: fs, usageKey: usageKey}
}

// parse parses args and returns the positional arguments, which may sit
// anywhere among the flags. Everything after "--" is positional.
func (c *cmdFlags) parse(args []string) ([]string, error) {
	var tail []string
	for i, a := range args {
		if a == "--" {
			args, tail = args[:i], args[i+1:]
			break
		}
	}
	var pos []string
	for {
		if err := c.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, usageError{c.usage()}
			}
			return nil, usageError{translateFlagError(err) + "\n" + c.usage()}
		}
		args = c.Args()
		if len(args) == 0 {
			return append(pos, tail...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// noArgs refuses positional arguments for a command that takes none.
func (c *cmdFlags) noArgs(rest []string) error {
	if len(rest) > 0 {
		return c.usageErr("cli.error.extra_args", "Args", strings.Join(rest, " "))
	}
	return nil
}

// required refuses a missing value of the named flag (e.g. "--out").
func (c *cmdFlags) required(flag, value string) error {
	if value == "" {
		return c.usageErr("cli.error.missing_flag", "Flag", flag)
	}
	return nil
}

// usage returns the command's usage text in the current language.
func (c *cmdFlags) usage() string { return i18n.T(c.usageKey) }

// usageErr is a usage error with a translated message followed by the
// command's usage.
func (c *cmdFlags) usageErr(key string, kv ...any) error {
	return usageError{i18n.T(key, kv...) + "\n" + c.usage()}
}

// translateFlagError turns the flag package's English message into ours.
func translateFlagError(err error) string {
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		return i18n.T("cli.error.unknown_flag", "Flag", strings.TrimPrefix(msg, "flag provided but not defined: "))
	case strings.HasPrefix(msg, "flag needs an argument: "):
		return i18n.T("cli.error.flag_needs_value", "Flag", strings.TrimPrefix(msg, "flag needs an argument: "))
	case strings.HasPrefix(msg, "invalid value "):
		return i18n.T("cli.error.flag_invalid", "Detail", msg)
	}
	return msg
}
