package report

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// Amendment is a figure that changed since its period was locked (chốt
// số liệu): the value sent and the value now.
type Amendment struct {
	Key  string  `json:"key"`
	Unit Unit    `json:"-"`
	Old  float64 `json:"sent"`
	New  float64 `json:"now"`
}

// Label is the figure's name in the current language.
func (a Amendment) Label() string { return i18n.T("report.ind." + a.Key) }

// figures is the canonical JSON of a report as it is locked.
func figures(r *Report) ([]byte, error) { return json.Marshal(r) }

// Lock marks the report r as sent: the store keeps its figures and their
// hash for its kind and period. Locking again replaces them.
func Lock(ctx context.Context, st *store.Store, r *Report) error {
	b, err := figures(r)
	if err != nil {
		return fmt.Errorf("report: lock: %w", err)
	}
	if err := st.LockReport(ctx, string(r.Period.Kind), r.Period.From, r.Period.To, b, caseload.Today()); err != nil {
		return fmt.Errorf("report: lock: %w", err)
	}
	return nil
}

// Amendments compares r with the figures locked for its period: the
// figures that changed, in report order, and the day of the lock ("" when
// the period was never locked).
func Amendments(ctx context.Context, st *store.Store, r *Report) ([]Amendment, string, error) {
	l, err := st.LockedReport(ctx, string(r.Period.Kind), r.Period.From, r.Period.To)
	if errors.Is(err, store.ErrNotFound) {
		return nil, "", nil
	}
	if err != nil {
		return nil, "", fmt.Errorf("report: amendments: %w", err)
	}
	var sent Report
	if err := json.Unmarshal([]byte(l.Figures), &sent); err != nil {
		return nil, "", fmt.Errorf("report: amendments: %w", err)
	}
	return Diff(sent.Indicators, r.Indicators), l.LockedOn.String(), nil
}

// Diff lists the figures of now that differ from sent, in report order.
func Diff(sent, now Indicators) []Amendment {
	old := Lines(sent)
	var out []Amendment
	for i, l := range Lines(now) {
		if i < len(old) && old[i].Key == l.Key && old[i].Value == l.Value {
			continue
		}
		a := Amendment{Key: l.Key, Unit: l.Unit, New: l.Value}
		if i < len(old) && old[i].Key == l.Key {
			a.Old = old[i].Value
		}
		out = append(out, a)
	}
	return out
}
