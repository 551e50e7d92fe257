package main

import (
	"context"
	"errors"
	"fmt"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// runPersonUpdate changes a person: person update ID [--allow-duplicate]
// < changes.json, where the JSON object holds only the fields to change
// (canonical names; the others keep their stored value).
func runPersonUpdate(e *env, args []string) error {
	fs := newCmdFlags("person update", "cliinput.usage.person_update")
	allowDup := fs.Bool("allow-duplicate", false, "")
	id, err := oneID(fs, args)
	if err != nil {
		return err
	}
	b, err := readInput(e.stdin, i18n.T("cli.person.input_empty"))
	if err != nil {
		return err
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	p, err := personByID(context.Background(), st, id)
	if err != nil {
		return err
	}
	meta := p.Meta
	if err := decodeInto(b, &p); err != nil {
		return err
	}
	if p.Meta != meta {
		return textError(i18n.T("cli.person.input_meta"))
	}
	removed := caseload.InvisibleWarnings(p)
	if err := savePerson(st, &p, *allowDup); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, p.ID)
	printWarnings(e, removed)
	printPersonWarnings(e, p)
	return nil
}

// savePerson saves p (SavePersonConfirmed when the officer allowed a
// duplicate citizen id) and turns a refusal into the text shown: field by
// field for a validation failure; for a duplicate citizen id the existing
// record(s) and how to save anyway.
func savePerson(st *store.Store, p *caseload.Person, allowDup bool) error {
	save := st.SavePerson
	if allowDup {
		save = st.SavePersonConfirmed
	}
	err := save(context.Background(), p)
	var ve *caseload.ValidationError
	var de *store.DuplicateError
	switch {
	case errors.As(err, &ve):
		return validationText(ve)
	case errors.As(err, &de):
		return textError(fieldLabel("citizen_id") + ": " + i18n.Error(de) + "\n" + i18n.T("cliinput.person.allow_duplicate"))
	}
	return err
}
