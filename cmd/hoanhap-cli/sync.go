package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"hoanhap/exchange"
	"hoanhap/i18n"
	"hoanhap/store"
)

func init() {
	register(command{name: "sync", summary: "exchange.cli.summary.sync", run: runSync})
}

// runSync dispatches:
//
//	sync export --out DIR [--to NODE]   prints the path of the file written
//	sync import FILE...                  exit 1 when a file was rejected
//	sync status [--json]
func runSync(e *env, args []string) error {
	if len(args) == 0 {
		return usageError{i18n.T("exchange.cli.usage.sync")}
	}
	switch args[0] {
	case "export":
		return runSyncExport(e, args[1:])
	case "import":
		return runSyncImport(e, args[1:])
	case "status":
		return runSyncStatus(e, args[1:])
	}
	return usageError{i18n.T("cli.error.unknown_subcommand", "Name", args[0]) + "\n" + i18n.T("exchange.cli.usage.sync")}
}

func runSyncExport(e *env, args []string) error {
	fs := newCmdFlags("sync export", "exchange.cli.usage.sync")
	out := fs.String("out", "", "")
	to := fs.String("to", "", "")
	rest, err := fs.parse(args)
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
	// The counts before writing, on stderr: stdout is the path alone.
	pend, err := n.Pending(context.Background(), *to)
	if err != nil {
		return err
	}
	total := 0
	for _, c := range pend {
		total += c.Records
	}
	if total == 0 {
		fmt.Fprintln(e.stderr, i18n.T("transfer.cli.pending_none"))
	} else {
		fmt.Fprintln(e.stderr, i18n.T("transfer.cli.pending", "Count", total))
		for _, c := range pend {
			fmt.Fprintln(e.stderr, i18n.T("transfer.cli.pending_line", "Table", c.Table, "Count", c.Records))
		}
	}
	res, err := n.Export(context.Background(), *to, *out)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, res.Path)
	for _, p := range res.Resent {
		fmt.Fprintln(e.stderr, i18n.T("exchange.cli.sync.resent", "Path", p))
	}
	return nil
}

func runSyncImport(e *env, args []string) error {
	fs := newCmdFlags("sync import", "exchange.cli.usage.sync")
	rest, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return fs.usageErr("cli.error.missing_arg", "Name", "FILE")
	}
	n, err := e.syncNode()
	if err != nil {
		return err
	}
	rejected := 0
	for _, path := range rest {
		r := n.Import(context.Background(), path)
		switch r.Outcome {
		case exchange.OutcomeImported:
			fmt.Fprintln(e.stdout, i18n.T("exchange.cli.sync.imported", "Path", path, "Count", r.Records, "Unit", r.PeerName, "Seq", r.Seq))
			if len(r.Gap) > 0 {
				fmt.Fprintln(e.stdout, i18n.T("exchange.cli.sync.gap", "Seqs", seqList(r.Gap)))
			}
		case exchange.OutcomeAlready:
			fmt.Fprintln(e.stdout, i18n.T("exchange.cli.sync.already", "Path", path))
		case exchange.OutcomeDeferred:
			fmt.Fprintln(e.stdout, i18n.T("exchange.cli.sync.deferred", "Path", path))
		default:
			rejected++
			fmt.Fprintln(e.stderr, i18n.T("exchange.cli.sync.rejected", "Path", path, "Reason", i18n.Error(r.Err)))
		}
	}
	if rejected > 0 {
		return textError(i18n.T("exchange.cli.sync.some_rejected", "Count", rejected, "Total", len(rest)))
	}
	return nil
}

func seqList(s []uint64) string {
	parts := make([]string, len(s))
	for i, v := range s {
		parts[i] = fmt.Sprint(v)
	}
	return strings.Join(parts, ", ")
}

// syncStatus is what "sync status --json" prints.
type syncStatus struct {
	Node        store.Node           `json:"node"`
	Fingerprint string               `json:"fingerprint"`
	Channels    []store.SyncChannel  `json:"channels"`
	Alerts      []store.SyncAlert    `json:"alerts"`
	Conflicts   []store.SyncConflict `json:"conflicts"` // same version, other content: waiting for a decision
	Pending     int                  `json:"pending"`   // received records waiting for one they refer to
}

func runSyncStatus(e *env, args []string) error {
	fs := newCmdFlags("sync status", "exchange.cli.usage.sync")
	asJSON := fs.Bool("json", false, "")
	rest, err := fs.parse(args)
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
	ctx := context.Background()
	st := syncStatus{Node: n.St.Node(), Fingerprint: n.Fingerprint()}
	if st.Channels, err = n.St.SyncChannels(ctx); err != nil {
		return err
	}
	if st.Alerts, err = n.St.SyncAlerts(ctx); err != nil {
		return err
	}
	if st.Alerts == nil {
		st.Alerts = []store.SyncAlert{}
	}
	if st.Conflicts, err = n.St.SyncConflicts(ctx); err != nil {
		return err
	}
	if st.Conflicts == nil {
		st.Conflicts = []store.SyncConflict{}
	}
	if st.Pending, err = n.St.SyncPendingCount(ctx); err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(st)
	}
	fmt.Fprintln(e.stdout, i18n.T("exchange.cli.status.node", "Unit", st.Node.UnitName, "Node", st.Node.ID))
	fmt.Fprintln(e.stdout, i18n.T("exchange.cli.status.fingerprint", "Fingerprint", st.Fingerprint))
	if len(st.Channels) == 0 {
		fmt.Fprintln(e.stdout, i18n.T("exchange.error.no_peer"))
	}
	for _, c := range st.Channels {
		fmt.Fprintln(e.stdout, i18n.T("exchange.cli.status.channel", "Unit", c.Peer.UnitName, "Node", c.Peer.NodeID,
			"Out", c.OutSeq, "Acked", c.AckedUpto, "In", c.InUpto))
		if len(c.Unacked) > 0 {
			fmt.Fprintln(e.stdout, i18n.T("exchange.cli.status.unacked", "Seqs", seqList(c.Unacked)))
		}
		if len(c.InMissing) > 0 {
			fmt.Fprintln(e.stdout, i18n.T("exchange.cli.status.missing", "Seqs", seqList(c.InMissing)))
		}
		if c.Peer.Status != "active" {
			fmt.Fprintln(e.stdout, i18n.T("exchange.error.peer_revoked", "Unit", c.Peer.UnitName))
		}
	}
	if len(st.Conflicts) > 0 || st.Pending > 0 {
		fmt.Fprintln(e.stdout, i18n.T("exchange.cli.status.queues", "Conflicts", len(st.Conflicts), "Pending", st.Pending))
	}
	names := map[string]string{}
	for _, c := range st.Channels {
		names[c.Peer.NodeID] = c.Peer.UnitName
	}
	for _, a := range st.Alerts {
		fmt.Fprintln(e.stdout, i18n.T("exchange.cli.status.alert", "At", a.CreatedAt, "Seq", a.Seq,
			"Reason", i18n.T(a.Detail, "Unit", names[a.Peer], "Seq", a.Seq)))
	}
	return nil
}
