// Command hoanhap-cli is the headless companion of Hòa Nhập: the same
// capabilities as the GUI for operators, scripts and acceptance tests. JSON
// input and output use the canonical names of docs/ARCHITECTURE.md section 5.
//
// Usage:
//
//	hoanhap-cli [--data DIR] [--lang vi|en] COMMAND [ARGS]
//
// Exit status: 0 ok, 1 error (message on stderr), 2 usage.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"hoanhap/i18n"
	"hoanhap/store"
)

// env is what a command gets: the parsed global flags, the open store
// (opened lazily) and the standard streams.
type env struct {
	dataDir string
	create  bool // the command may create the store (init only)
	stdin   io.Reader
	stdout  io.Writer
	stderr  io.Writer
	st      *store.Store
}

// store opens the store in the data folder on first use. Only a command
// that sets e.create (init) makes a new one; for the others a missing
// store is an error naming the folder (a typo in --data must not start an
// empty caseload).
func (e *env) store() (*store.Store, error) {
	if e.st != nil {
		return e.st, nil
	}
	var dir string
	var err error
	if e.create {
		dir, err = store.DataDir(e.dataDir, false)
	} else if dir, err = store.DataPath(e.dataDir, false); err == nil {
		if _, serr := os.Stat(store.DBFile(dir)); serr != nil {
			return nil, textError(i18n.T("cliinput.store.missing", "Dir", dir))
		}
	}
	if err != nil {
		return nil, err
	}
	st, err := store.Open(store.DBFile(dir))
	if err != nil {
		return nil, err
	}
	st.SetActor("cli")
	e.st = st
	return st, nil
}

// command is one sub-command. run receives the arguments after the
// command name (a command with sub-commands dispatches itself).
type command struct {
	name    string
	summary string
	run     func(e *env, args []string) error
}

var commands = map[string]command{}

// register adds a command; each command file registers its own in init.
func register(c command) { commands[c.name] = c }

// usageError is a misuse of the command line: exit status 2.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is main without the process: tests call it.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("hoanhap-cli", flag.ContinueOnError)
	fs.SetOutput(stderr)
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	fs.StringVar(&e.dataDir, "data", "", "data folder (default $HOANHAP_DATA or the user's config folder)")
	lang := fs.String("lang", "vi", "language of messages: vi or en")
	fs.Usage = func() { printUsage(stderr) }
	if err := fs.Parse(args); err != nil {
		return 2
	}
	code, ok := cliLanguage(*lang)
	if !ok {
		// The chosen language is unknown: say so in the default language.
		i18n.SetLanguage("vi")
		fmt.Fprintln(stderr, i18n.T("cliinput.lang.invalid", "Value", *lang))
		printUsage(stderr)
		return 2
	}
	i18n.SetLanguage(code)
	rest := fs.Args()
	if len(rest) == 0 {
		printUsage(stderr)
		return 2
	}
	c, ok := commands[rest[0]]
	if !ok {
		fmt.Fprintf(stderr, "%s: %s\n", i18n.T("cli.unknown_command"), rest[0])
		printUsage(stderr)
		return 2
	}
	err := c.run(e, rest[1:])
	if e.st != nil {
		e.st.Close()
	}
	if err == nil {
		return 0
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintln(stderr, ue.msg)
		return 2
	}
	if errors.Is(err, flag.ErrHelp) {
		return 2
	}
	fmt.Fprintln(stderr, i18n.Error(err))
	return 1
}

// cliLanguage checks the value of --lang: "vi" or "en" (any case, spaces
// trimmed); anything else is refused.
func cliLanguage(v string) (string, bool) {
	v = strings.ToLower(strings.TrimSpace(v))
	for _, l := range i18n.Languages {
		if v == l {
			return v, true
		}
	}
	return "", false
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "hoanhap-cli [--data DIR] [--lang vi|en] COMMAND [ARGS]")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-12s %s\n", n, i18n.T(commands[n].summary))
	}
}
