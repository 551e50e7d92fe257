package main

import (
	"context"
	"fmt"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

func init() {
	register(command{name: "transfer", summary: "transfer.cli.summary", run: runTransfer})
}

// runTransfer dispatches:
//
//	transfer order --person ID --to WARD_NODE [--on DATE] [--number NO] [--json]   (office)
//	transfer list [--person ID] [--json]
func runTransfer(e *env, args []string) error {
	if len(args) == 0 {
		return usageError{i18n.T("transfer.cli.usage")}
	}
	switch args[0] {
	case "order":
		return runTransferOrder(e, args[1:])
	case "list":
		return runTransferList(e, args[1:])
	}
	return usageError{i18n.T("cli.error.unknown_subcommand", "Name", args[0]) + "\n" + i18n.T("transfer.cli.usage")}
}

func runTransferOrder(e *env, args []string) error {
	fs := newCmdFlags("transfer order", "transfer.cli.usage")
	person := fs.String("person", "", "")
	to := fs.String("to", "", "")
	on := fs.String("on", "", "")
	number := fs.String("number", "", "")
	asJSON := fs.Bool("json", false, "")
	rest, err := fs.parse(args)
	if err != nil {
		return err
	}
	if err := fs.noArgs(rest); err != nil {
		return err
	}
	if err := fs.required("--person", *person); err != nil {
		return err
	}
	if err := fs.required("--to", *to); err != nil {
		return err
	}
	tr := caseload.Transfer{PersonID: *person, ToWard: *to, Number: *number, OrderedOn: caseload.Today()}
	if *on != "" {
		d, err := caseload.ParseDate(*on)
		if err != nil {
			return usageError{i18n.T("supervision.cli.bad_date", "Value", *on) + "\n" + i18n.T("transfer.cli.usage")}
		}
		tr.EffectiveOn = d
		if d.Before(tr.OrderedOn) {
			tr.OrderedOn = d // an order recorded after the date it took effect
		}
	}
	return svSave(e, func(ctx context.Context, st *store.Store) error { return st.OrderTransfer(ctx, &tr) }, func() {
		if *asJSON {
			svPrintJSON(e, tr)
			return
		}
		st, _ := e.store()
		names := wardNames(st)
		p, _ := st.Person(context.Background(), tr.PersonID)
		fmt.Fprintln(e.stdout, i18n.T("transfer.cli.ordered", "Person", p.FullName, "From", names(tr.FromWard), "To", names(tr.ToWard), "ID", tr.ID))
	})
}

func runTransferList(e *env, args []string) error {
	fs := newCmdFlags("transfer list", "transfer.cli.usage")
	person := fs.String("person", "", "")
	asJSON := fs.Bool("json", false, "")
	rest, err := fs.parse(args)
	if err != nil {
		return err
	}
	if err := fs.noArgs(rest); err != nil {
		return err
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	ctx := context.Background()
	list, err := st.Transfers(ctx, store.TransferFilter{PersonID: *person})
	if err != nil {
		return err
	}
	if *asJSON {
		if list == nil {
			list = []caseload.Transfer{}
		}
		svPrintJSON(e, list)
		return nil
	}
	if len(list) == 0 {
		fmt.Fprintln(e.stdout, i18n.T("transfer.cli.none"))
		return nil
	}
	names := wardNames(st)
	for _, tr := range list {
		name := tr.PersonID
		if p, err := st.Person(ctx, tr.PersonID); err == nil {
			name = p.FullName
		}
		fmt.Fprintln(e.stdout, i18n.T("transfer.cli.line", "OrderedOn", i18n.Date(tr.OrderedOn), "Person", name,
			"From", names(tr.FromWard), "To", names(tr.ToWard), "State", i18n.T("transfer.state."+string(tr.State)), "ID", tr.ID))
	}
	return nil
}

// wardNames returns a function naming an enrolled unit by its node id (the
// id itself when unknown).
func wardNames(st *store.Store) func(string) string {
	m := map[string]string{}
	if peers, err := st.SyncPeers(context.Background()); err == nil {
		for _, p := range peers {
			m[p.NodeID] = p.UnitName
		}
	}
	m[st.Node().ID] = st.Node().UnitName
	return func(id string) string {
		if n := m[id]; n != "" {
			return n
		}
		return id
	}
}
