package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

func init() {
	register(command{name: "notice", summary: "supervision.cli.summary.notice", run: runNotice})
}

// noticeInput is what "notice add" reads: the notice fields and the
// expected person under "person".
type noticeInput struct {
	caseload.Notice
	Person caseload.Person `json:"person"`
}

// runNotice dispatches "notice add" and "notice update ID".
func runNotice(e *env, args []string) error {
	if len(args) > 0 && args[0] == "update" {
		return runNoticeUpdate(e, args[1:])
	}
	if len(args) == 0 || args[0] != "add" {
		return usageError{i18n.T("cliinput.usage.notice")}
	}
	fs := newCmdFlags("notice add", "transfer.cli.notice_usage")
	ward := fs.String("ward", "", "")
	rest, err := fs.parse(args[1:])
	if err != nil {
		return err
	}
	if err := fs.noArgs(rest); err != nil {
		return err
	}
	return runNoticeAdd(e, *ward)
}

// runNoticeAdd handles "notice add" (JSON on stdin): it records the notice,
// creates the expected person and prints {"notice_id", "person_id"}; the
// person's warnings (citizen-ID cross-checks...) go to stderr.
//
// With --ward NODE (the office) the notice is for that enrolled ward: it
// travels to that ward only, and the expected person belongs to it.
func runNoticeAdd(e *env, ward string) error {
	var in noticeInput
	if err := svReadJSON(e, &in); err != nil {
		return err
	}
	n, p := in.Notice, in.Person
	if ward != "" {
		n.Ward = ward
	}
	return svSave(e, func(ctx context.Context, st *store.Store) error { return st.AddNotice(ctx, &n, &p) }, func() {
		svPrintJSON(e, map[string]string{"notice_id": n.ID, "person_id": p.ID})
		printPersonWarnings(e, p)
	})
}

// svReadJSON reads exactly one JSON object from stdin into v, in canonical
// names; unknown fields and trailing data are errors.
func svReadJSON(e *env, v any) error {
	b, err := readInput(e.stdin, i18n.T("cli.person.input_empty"))
	if err != nil {
		return err
	}
	return decodeInto(b, v)
}

// svSave opens the store, runs save and, on success, calls done; a
// validation failure is shown field by field.
func svSave(e *env, save func(ctx context.Context, st *store.Store) error, done func()) error {
	st, err := e.store()
	if err != nil {
		return err
	}
	if err := save(context.Background(), st); err != nil {
		var ve *caseload.ValidationError
		if errors.As(err, &ve) {
			return validationText(ve)
		}
		return err
	}
	done()
	return nil
}

// svPrintJSON prints v as indented JSON.
func svPrintJSON(e *env, v any) {
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

// svSimple builds a command that reads one record from stdin, saves it and
// prints its id.
func svSimple[T any](sub string, usageKey string, save func(ctx context.Context, st *store.Store, rec *T) error, id func(*T) string) func(e *env, args []string) error {
	return func(e *env, args []string) error {
		if sub != "" && (len(args) != 1 || args[0] != sub) || sub == "" && len(args) != 0 {
			return usageError{i18n.T(usageKey)}
		}
		var rec T
		if err := svReadJSON(e, &rec); err != nil {
			return err
		}
		return svSave(e, func(ctx context.Context, st *store.Store) error { return save(ctx, st, &rec) },
			func() { fmt.Fprintln(e.stdout, id(&rec)) })
	}
}
