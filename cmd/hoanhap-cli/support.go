package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// The support, loan, model, business and exemplary commands read one JSON
// object with canonical names on stdin, save it through the store (same
// validation as the GUI) and print the new id.

func init() {
	register(command{name: "support", summary: "support.cli.summary.support", run: runSupport})
}

// runSupport dispatches support add.
func runSupport(e *env, args []string) error {
	return supDispatch(args, "support.cli.usage.support", map[string]func([]string) error{
		"add": func(a []string) error {
			var rec caseload.Support
			return supAdd(e, a, "support add", "support.cli.usage.support", &rec, func(ctx context.Context) (string, error) {
				st, err := e.store()
				if err != nil {
					return "", err
				}
				err = st.SaveSupport(ctx, &rec)
				return rec.ID, err
			})
		},
	})
}

// supDispatch runs the sub-command named by args[0].
func supDispatch(args []string, usageKey string, subs map[string]func([]string) error) error {
	usage := usageError{i18n.T(usageKey)}
	if len(args) == 0 {
		return usage
	}
	if f, ok := subs[args[0]]; ok {
		return f(args[1:])
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		return usage
	}
	return usageError{i18n.T("support.cli.unknown_subcommand", "Name", args[0]) + "\n" + usage.msg}
}

// supAdd is the common body of the "add" commands: no positional
// arguments, one JSON object on stdin decoded into rec, then save, then
// print the id.
func supAdd(e *env, args []string, name, usageKey string, rec any, save func(ctx context.Context) (string, error)) error {
	fs := newCmdFlags(name, usageKey)
	rest, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError{i18n.T("support.cli.extra_args", "Args", strings.Join(rest, " ")) + "\n" + i18n.T(usageKey)}
	}
	if err := supDecode(e.stdin, rec); err != nil {
		return err
	}
	id, err := save(context.Background())
	if err != nil {
		return supSaveError(err)
	}
	fmt.Fprintln(e.stdout, id)
	return nil
}

// supDecode reads exactly one JSON object into rec: unknown fields, wrong
// types, trailing data and sync fields (the app assigns them) are errors.
// Text is normalised to NFC.
func supDecode(r io.Reader, rec any) error {
	b, err := readInput(r, i18n.T("support.cli.input_empty"))
	if err != nil {
		return err
	}
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(b, &probe); err == nil {
		for _, k := range []string{"id", "owner", "ver", "updated_at", "updated_by", "hlc", "deleted"} {
			if _, ok := probe[k]; ok {
				return textError(i18n.T("support.cli.input_meta", "Field", k))
			}
		}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(rec); err != nil {
		return supJSONError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return textError(i18n.T("support.cli.input_trailing"))
	}
	return nil
}

// supJSONError translates a JSON decoding error.
func supJSONError(err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "json: unknown field "):
		return textError(i18n.T("support.cli.unknown_field", "Field", strings.Trim(strings.TrimPrefix(msg, "json: unknown field "), `"`)))
	case errors.As(err, &se):
		return textError(i18n.T("support.cli.bad_json", "Offset", se.Offset))
	case errors.As(err, &te):
		return textError(i18n.T("support.cli.bad_type", "Field", te.Field))
	case errors.Is(err, io.ErrUnexpectedEOF):
		return textError(i18n.T("support.cli.bad_json_end"))
	}
	return textError(i18n.T("support.cli.bad_value", "Detail", msg))
}

// supSaveError renders a validation failure one line per field (the
// field's canonical name, then the translated message); other errors pass.
func supSaveError(err error) error {
	var ve *caseload.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	lines := make([]string, 0, len(ve.Errors))
	for _, fe := range ve.Errors {
		lines = append(lines, fe.Field+": "+i18n.Error(fe))
	}
	return textError(strings.Join(lines, "\n"))
}
