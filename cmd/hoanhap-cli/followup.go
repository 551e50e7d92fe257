package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// The follow-ups of a prison notice and of a reception, which the GUI
// records on the notice and reception screens:
//
//	hoanhap-cli notice update ID < changes.json
//	hoanhap-cli reception update ID [--file-opened-on YYYY-MM-DD] [< changes.json]
//
// The JSON object holds only the fields to change, in canonical names; a
// field given as null or "" is cleared. The store validates the whole
// record as the screens do (ValidateNotice, ValidateReception).

// noticePatchFields are the notice fields "notice update" may change: the
// address check and its result (TT 10/2024 Art. 8), the answer to the
// sender when the address changed (HCD-03), the check with the family when
// the person did not report and the upward report (HCD-04, Art. 9).
func noticePatchFields(n *caseload.Notice) map[string]any {
	return map[string]any{
		"address_check":      &n.AddressCheck,
		"address_checked_on": &n.AddressCheckedOn,
		"new_address":        &n.NewAddress,
		"sender_answered_on": &n.SenderAnsweredOn,
		"family_checked_on":  &n.FamilyCheckedOn,
		"family_check_note":  &n.FamilyCheckNote,
		"upward_report_on":   &n.UpwardReportOn,
		"notes":              &n.Notes,
	}
}

// receptionPatchFields are the reception fields "reception update" may
// change: the management file (HCD-01, Art. 11) and the checklist items
// done after the session.
func receptionPatchFields(r *caseload.Reception) map[string]any {
	return map[string]any{
		"file_opened_on":   &r.FileOpenedOn,
		"minutes_done":     &r.MinutesDone,
		"info_sheet_done":  &r.InfoSheetDone,
		"counselling_done": &r.CounsellingDone,
		"guidance":         &r.Guidance,
		"notes":            &r.Notes,
	}
}

// runNoticeUpdate applies the changes read on stdin to notice ID and
// prints its id; when the address changed and the sender has not been
// answered yet, a reminder goes to stderr.
func runNoticeUpdate(e *env, args []string) error {
	fs := newCmdFlags("notice update", "cliinput.usage.notice")
	id, err := oneID(fs, args)
	if err != nil {
		return err
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	ctx := context.Background()
	n, err := st.Notice(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return textError(i18n.T("cliinput.notice.not_found", "ID", id))
	}
	if err != nil {
		return err
	}
	set, err := readPatch(e.stdin, noticePatchFields(&n))
	if err != nil {
		return err
	}
	// As on the screen: a result back to "not checked" has no check date.
	if n.AddressCheck == caseload.AddressPending && !set["address_checked_on"] {
		n.AddressCheckedOn = caseload.Date{}
	}
	return svSave(e, func(ctx context.Context, st *store.Store) error { return st.UpdateNotice(ctx, &n) }, func() {
		fmt.Fprintln(e.stdout, n.ID)
		if n.NeedsSenderAnswer() {
			fmt.Fprintln(e.stderr, i18n.T("cliinput.notice.answer_sender", "Sender", n.Sender))
		}
	})
}

// runReceptionUpdate applies changes to reception ID: --file-opened-on
// sets the date the management file was opened (HCD-01); without it the
// changes are read as JSON on stdin. It prints the reception id.
func runReceptionUpdate(e *env, args []string) error {
	fs := newCmdFlags("reception update", "cliinput.usage.reception")
	opened := fs.String("file-opened-on", "", "")
	id, err := oneID(fs, args)
	if err != nil {
		return err
	}
	var openedOn caseload.Date
	if *opened != "" {
		if openedOn, err = caseload.ParseDate(*opened); err != nil || openedOn.IsZero() {
			return fs.usageErr("cli.error.bad_flag_value", "Flag", "--file-opened-on", "Value", *opened)
		}
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	r, err := st.Reception(context.Background(), id)
	if errors.Is(err, store.ErrNotFound) {
		return textError(i18n.T("cliinput.reception.not_found", "ID", id))
	}
	if err != nil {
		return err
	}
	if openedOn.IsZero() {
		if _, err := readPatch(e.stdin, receptionPatchFields(&r)); err != nil {
			return err
		}
	} else {
		r.FileOpenedOn = openedOn
	}
	return svSave(e, func(ctx context.Context, st *store.Store) error { return st.UpdateReception(ctx, &r) },
		func() { fmt.Fprintln(e.stdout, r.ID) })
}

// oneID parses the flags of an update command and returns its single
// positional argument, the record id.
func oneID(fs *cmdFlags, args []string) (string, error) {
	rest, err := fs.parse(args)
	if err != nil {
		return "", err
	}
	if len(rest) == 0 {
		return "", fs.usageErr("cli.error.missing_arg", "Name", "ID")
	}
	if len(rest) > 1 {
		return "", fs.usageErr("cli.error.extra_args", "Args", strings.Join(rest[1:], " "))
	}
	return rest[0], nil
}

// readPatch reads exactly one JSON object from r (NFC-normalised) and
// stores each of its fields into the matching destination of fields; null
// clears a field. It returns the names of the fields given. Unknown
// fields, invalid values, an empty object and trailing data are errors,
// and then nothing is changed.
func readPatch(r io.Reader, fields map[string]any) (map[string]bool, error) {
	names := make([]string, 0, len(fields))
	for k := range fields {
		names = append(names, k)
	}
	sort.Strings(names)
	accepted := strings.Join(names, ", ")

	b, err := readInput(r, i18n.T("cliinput.patch.empty", "Fields", accepted))
	if err != nil {
		return nil, err
	}
	var raw map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&raw); err != nil {
		return nil, jsonInputError(b, err, reflect.TypeOf(raw))
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, textError(i18n.T("cli.person.input_trailing"))
	}
	if len(raw) == 0 {
		return nil, textError(i18n.T("cliinput.patch.empty", "Fields", accepted))
	}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	// Decode every value into a scratch copy first, so that a bad field
	// leaves the record untouched.
	values := make(map[string]reflect.Value, len(raw))
	for _, k := range keys {
		dst, ok := fields[k]
		if !ok {
			return nil, textError(i18n.T("cliinput.patch.unknown_field", "Field", k, "Fields", accepted))
		}
		v := reflect.New(reflect.TypeOf(dst).Elem())
		if string(bytes.TrimSpace(raw[k])) != "null" {
			if err := json.Unmarshal(raw[k], v.Interface()); err != nil {
				if _, ok := err.(i18n.Message); ok {
					return nil, textError(fieldLabel(k) + ": " + i18n.Error(err))
				}
				return nil, textError(i18n.T("cliinput.patch.bad_value", "Field", k, "Detail", patchValue(raw[k])))
			}
		}
		values[k] = v.Elem()
	}
	set := make(map[string]bool, len(values))
	for k, v := range values {
		reflect.ValueOf(fields[k]).Elem().Set(v)
		set[k] = true
	}
	return set, nil
}

// patchValue shows the refused value as it was given, shortened.
func patchValue(raw json.RawMessage) string {
	v := []rune(string(bytes.TrimSpace(raw)))
	if len(v) > 60 {
		return string(v[:60]) + "…"
	}
	return string(v)
}
