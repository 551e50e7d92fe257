package exchange

import (
	"context"

	"hoanhap/store"
)

// PendingCount is how many records of one table the next file carries.
type PendingCount struct {
	Table   string `json:"table"`
	Records int    `json:"records"`
}

// Pending returns, per table in registry order, how many records the next
// file to the peer (the only one, or the one named by to, as for Export)
// would carry: the counts shown before a file is written. Tables with
// nothing to send are left out; the ack every file carries is not counted.
func (n *Node) Pending(ctx context.Context, to string) ([]PendingCount, error) {
	peer, err := n.peerFor(ctx, to)
	if err != nil {
		return nil, err
	}
	return n.pendingFor(ctx, peer)
}

// pendingFor is Pending for a known peer.
func (n *Node) pendingFor(ctx context.Context, peer store.SyncPeer) ([]PendingCount, error) {
	kind := n.St.Node().UnitKind
	var out []PendingCount
	for _, tb := range store.Tables() {
		f, ok := dueFilter(tb, kind, n.ID.NodeID, peer.NodeID)
		if !ok {
			continue
		}
		c, err := n.St.SyncDueCount(ctx, peer.NodeID, tb, f)
		if err != nil {
			return nil, err
		}
		if c > 0 {
			out = append(out, PendingCount{Table: tb.Name, Records: c})
		}
	}
	return out, nil
}
