package exchange

import (
	"context"
	"os"

	"hoanhap/exchange/container"
)

// Received reports, per path, whether this node already read the file
// (imported it, or kept it for a later version): the file id is taken
// from the file's header, not verified (container.PeekHeader), and looked
// up in the inbox. It serves to list a folder's files before reading them;
// a file that cannot be opened or has no readable header is not marked.
// Only the header of each file is read.
func (n *Node) Received(ctx context.Context, paths []string) (map[string]bool, error) {
	byID := map[string][]string{}
	var ids []string
	for _, p := range paths {
		id := peekFileID(p)
		if id == "" {
			continue
		}
		if byID[id] == nil {
			ids = append(ids, id)
		}
		byID[id] = append(byID[id], p)
	}
	have, err := n.St.SyncReceived(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for id := range have {
		for _, p := range byID[id] {
			out[p] = true
		}
	}
	return out, nil
}

// peekFileID is the file id a file's header claims, "" when unreadable.
func peekFileID(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	h, err := container.PeekHeader(f)
	if err != nil {
		return ""
	}
	return h.FileID
}
