package exchange

import (
	"context"

	"hoanhap/store"
)

// Pending counts, per table, the records the next file to the peer (the
// only one, or the one named by to) would carry: what the sync screen
// shows before the file is written. It follows the flows of exportRecords.
func (n *Node) Pending(ctx context.Context, to string) (map[string]int, error) {
	peer, err := n.peerFor(ctx, to)
	if err != nil {
		return nil, err
	}
	kind := n.St.Node().UnitKind
	var tables []string
	owner := "" // the office sends its records whoever wrote them
	if kind == "ward" {
		owner = n.ID.NodeID // a ward sends only what it owns
	}
	for _, tb := range store.Tables() {
		if !tb.Exchanged() {
			continue
		}
		switch f := tableFlows[tb.Name]; {
		case f.flow == fromWard && kind == "ward":
		case f.flow == fromOffice && kind == "office":
		default:
			continue
		}
		tables = append(tables, tb.Name)
	}
	return n.St.SyncPendingCounts(ctx, peer.NodeID, tables, owner)
}
