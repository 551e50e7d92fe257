package store

import (
	"context"
	"fmt"
	"strings"
)

// SyncReceived reports which of the given sync file ids this node already
// holds (imported, or kept for a later version of the app): a lookup on
// the inbox's unique file_id index, a few hundred ids at a time. Read-only.
func (s *Store) SyncReceived(ctx context.Context, fileIDs []string) (map[string]bool, error) {
	out := map[string]bool{}
	const chunk = 500
	for len(fileIDs) > 0 {
		part := fileIDs[:min(chunk, len(fileIDs))]
		fileIDs = fileIDs[len(part):]
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
		}
		rows, err := s.db.QueryContext(ctx, `SELECT file_id FROM sync_inbox WHERE file_id IN (?`+
			strings.Repeat(", ?", len(part)-1)+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("store: sync received: %w", err)
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: sync received: %w", err)
			}
			out[id] = true
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("store: sync received: %w", err)
		}
	}
	return out, nil
}
