package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"

	"hoanhap/caseload"
)

// SavePeople saves many persons in one transaction, all or nothing: each
// is normalised and validated as by SavePerson, then inserted (ID "") or
// updated (Ver must equal the stored version, else ErrConflict), with one
// audit row per person. A citizen id held by another live person, or by
// an earlier person of the batch, aborts the batch (*DuplicateError).
//
// The first invalid person aborts the batch before anything is written:
// its *caseload.ValidationError is wrapped with the person's position, so
// errors.As finds it. On success people[i] become the stored records (ids
// and sync fields filled) and the search index is updated; on any failure
// nothing is written and neither people nor the index changes.
//
// It is meant for imports and the demo (thousands of persons at a time);
// batches of a few thousand keep each transaction short.
func (s *Store) SavePeople(ctx context.Context, people []caseload.Person) error {
	if err := s.requireWrite(writePersons); err != nil {
		return fmt.Errorf("store: save people: %w", err)
	}
	if len(people) == 0 {
		return nil
	}
	today := caseload.Today()
	qs := make([]caseload.Person, len(people))
	for i := range people {
		q := clonePerson(people[i])
		caseload.Normalize(&q)
		if err := caseload.ValidatePerson(q, today); err != nil {
			return fmt.Errorf("store: save people: person %d (%s): %w", i+1, q.FullName, err)
		}
		qs[i] = q
	}

	idx := s.people
	idx.writeMu.Lock()
	defer idx.writeMu.Unlock()
	err := s.tx(ctx, func(tx *sql.Tx) error {
		ins, err := tx.PrepareContext(ctx, personInsertSQL)
		if err != nil {
			return err
		}
		defer ins.Close()
		for i := range qs {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := s.writePerson(ctx, tx, ins, &qs[i], false); err != nil {
				return fmt.Errorf("person %d (%s): %w", i+1, qs[i].FullName, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: save people: %w", err)
	}
	copy(people, qs)
	idx.putMany(qs)
	return nil
}

// putMany adds or replaces the entries of many live persons at once: the
// new entries are sorted and merged into the list in one pass, instead of
// one insertion (a copy of the list) per person. When an id occurs more
// than once, the last occurrence wins.
func (idx *Index) putMany(ps []caseload.Person) {
	last := make(map[string]int, len(ps))
	for i := range ps {
		last[ps[i].ID] = i
	}
	prep := make([]prepared, 0, len(last))
	for i := range ps {
		if last[ps[i].ID] == i {
			prep = append(prep, prepareEntry(rowOf(&ps[i]), ps[i].OtherNames))
		}
	}

	idx.mu.Lock()
	defer idx.mu.Unlock()
	replaced := map[*entry]bool{}
	for id := range last {
		if old, ok := idx.byID[id]; ok {
			replaced[old] = true
		}
	}
	fresh := make([]*entry, len(prep))
	for i, p := range prep {
		r := &p.e.row
		r.Hamlet, r.Offense = idx.share(r.Hamlet), idx.share(r.Offense)
		fresh[i] = idx.number(p)
	}
	sort.Slice(fresh, func(i, j int) bool { return less(fresh[i], fresh[j]) })

	merged := make([]*entry, 0, len(idx.list)-len(replaced)+len(fresh))
	i, j := 0, 0
	for i < len(idx.list) || j < len(fresh) {
		if i < len(idx.list) && len(replaced) > 0 && replaced[idx.list[i]] {
			i++
			continue
		}
		if j >= len(fresh) || (i < len(idx.list) && less(idx.list[i], fresh[j])) {
			merged = append(merged, idx.list[i])
			i++
		} else {
			merged = append(merged, fresh[j])
			j++
		}
	}
	idx.list = merged
	for _, e := range fresh {
		idx.byID[e.row.ID] = e
	}
}
