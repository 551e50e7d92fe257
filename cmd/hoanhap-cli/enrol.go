package main

import (
	"context"
	"fmt"
	"strings"

	"hoanhap/i18n"
)

func init() {
	register(command{name: "enrol", summary: "exchange.cli.summary.enrol", run: runEnrol})
}

// runEnrol dispatches the enrolment steps:
//
//	enrol request --out FILE                               (ward)
//	enrol accept FILE --fingerprint DIGITS --out REPLY     (office)
//	enrol finish REPLY --fingerprint DIGITS                (ward)
//	enrol revoke NODE                                      (office)
func runEnrol(e *env, args []string) error {
	if len(args) == 0 {
		return usageError{i18n.T("exchange.cli.usage.enrol")}
	}
	fs := newCmdFlags("enrol "+args[0], "exchange.cli.usage.enrol")
	out := fs.String("out", "", "")
	typed := fs.String("fingerprint", "", "")
	rest, err := fs.parse(args[1:])
	if err != nil {
		return err
	}
	one := func() error {
		if len(rest) == 0 {
			return fs.usageErr("cli.error.missing_arg", "Name", "FILE")
		}
		if len(rest) > 1 {
			return fs.usageErr("cli.error.extra_args", "Args", strings.Join(rest[1:], " "))
		}
		return nil
	}
	ctx := context.Background()
	switch args[0] {
	case "request":
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
		req, err := n.EnrolRequest()
		if err != nil {
			return err
		}
		if err := writeNew(*out, req); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, i18n.T("exchange.cli.enrol.requested", "Path", *out))
		fmt.Fprintln(e.stdout, n.Fingerprint())
		return nil
	case "accept":
		if err := one(); err != nil {
			return err
		}
		if err := fs.required("--fingerprint", *typed); err != nil {
			return err
		}
		if err := fs.required("--out", *out); err != nil {
			return err
		}
		data, err := readSmall(rest[0])
		if err != nil {
			return err
		}
		n, err := e.syncNode()
		if err != nil {
			return err
		}
		reply, peer, err := n.EnrolAccept(ctx, data, *typed)
		if err != nil {
			return err
		}
		if err := writeNew(*out, reply); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, i18n.T("exchange.cli.enrol.accepted", "Unit", peer.UnitName, "Node", peer.NodeID, "Path", *out))
		fmt.Fprintln(e.stdout, n.Fingerprint())
		return nil
	case "finish":
		if err := one(); err != nil {
			return err
		}
		if err := fs.required("--fingerprint", *typed); err != nil {
			return err
		}
		data, err := readSmall(rest[0])
		if err != nil {
			return err
		}
		n, err := e.syncNode()
		if err != nil {
			return err
		}
		peer, err := n.EnrolFinish(ctx, data, *typed)
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, i18n.T("exchange.cli.enrol.finished", "Unit", peer.UnitName))
		return nil
	case "revoke":
		if err := one(); err != nil {
			return err
		}
		n, err := e.syncNode()
		if err != nil {
			return err
		}
		if err := n.Revoke(ctx, rest[0]); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, i18n.T("exchange.cli.enrol.revoked", "Node", rest[0]))
		return nil
	}
	return usageError{i18n.T("cli.error.unknown_subcommand", "Name", args[0]) + "\n" + i18n.T("exchange.cli.usage.enrol")}
}
