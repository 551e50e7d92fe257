package main

import (
	"context"
	"fmt"
	"os"

	"hoanhap/exchange"
	"hoanhap/i18n"
)

func init() {
	register(command{name: "keys", summary: "exchange.cli.summary.keys", run: runKeys})
}

// syncNode opens the store and this installation's sync identity.
func (e *env) syncNode() (*exchange.Node, error) {
	st, err := e.store()
	if err != nil {
		return nil, err
	}
	return exchange.Open(st)
}

// runKeys dispatches "keys fingerprint", "keys rotate --out FILE" and
// "keys accept FILE" (a peer's key change).
func runKeys(e *env, args []string) error {
	if len(args) == 0 {
		return usageError{i18n.T("exchange.cli.usage.keys")}
	}
	switch args[0] {
	case "fingerprint":
		fs := newCmdFlags("keys fingerprint", "exchange.cli.usage.keys")
		rest, err := fs.parse(args[1:])
		if err != nil {
			return err
		}
		if err := fs.noArgs(rest); err != nil {
			return err
		}
		n, err := e.syncNode()
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, n.Fingerprint())
		return nil
	case "rotate":
		fs := newCmdFlags("keys rotate", "exchange.cli.usage.keys")
		out := fs.String("out", "", "")
		rest, err := fs.parse(args[1:])
		if err != nil {
			return err
		}
		if err := fs.noArgs(rest); err != nil {
			return err
		}
		if err := fs.required("--out", *out); err != nil {
			return err
		}
		n, err := e.syncNode()
		if err != nil {
			return err
		}
		msg, err := n.RotateKeys()
		if err != nil {
			return err
		}
		if err := writeNew(*out, msg); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, i18n.T("exchange.cli.keys.rotated", "Path", *out, "Fingerprint", n.Fingerprint()))
		return nil
	case "accept":
		fs := newCmdFlags("keys accept", "exchange.cli.usage.keys")
		rest, err := fs.parse(args[1:])
		if err != nil {
			return err
		}
		if len(rest) != 1 {
			return fs.usageErr("cli.error.missing_arg", "Name", "FILE")
		}
		data, err := readSmall(rest[0])
		if err != nil {
			return err
		}
		n, err := e.syncNode()
		if err != nil {
			return err
		}
		p, err := n.ApplyKeyChange(context.Background(), data)
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, i18n.T("exchange.cli.keys.accepted", "Unit", p.UnitName))
		return nil
	}
	return usageError{i18n.T("cli.error.unknown_subcommand", "Name", args[0]) + "\n" + i18n.T("exchange.cli.usage.keys")}
}

// readSmall reads an enrolment or key-change file (a few kilobytes).
func readSmall(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, textError(i18n.T("exchange.error.read_file", "Path", path))
	}
	if st.Size() > 1<<20 {
		return nil, textError(i18n.T("exchange.error.enrol_malformed"))
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, textError(i18n.T("exchange.error.read_file", "Path", path))
	}
	return data, nil
}

// writeNew writes a small file the user asked for, refusing to overwrite
// another file.
func writeNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		if os.IsExist(err) {
			return textError(i18n.T("exchange.cli.file_exists", "Path", path))
		}
		return textError(i18n.T("exchange.error.write_file", "Path", path))
	}
	_, werr := f.Write(data)
	serr := f.Sync()
	if cerr := f.Close(); werr != nil || serr != nil || cerr != nil {
		os.Remove(path)
		return textError(i18n.T("exchange.error.write_file", "Path", path))
	}
	return nil
}
