package demo

import (
	"context"
	"fmt"

	"hoanhap/caseload"
	"hoanhap/store"
)

// batchSize is how many persons go into one write transaction when the
// store can save in batches.
const batchSize = 2000

// batchSaver is a store that saves many persons in one transaction
// (validating each; all or nothing) and fills their ids in place. The demo
// uses it when the store offers it, which makes an office-scale demo
// (100,000 persons) much faster than one transaction per person.
type batchSaver interface {
	SavePeople(ctx context.Context, people []caseload.Person) error
}

// savePeople saves the generated persons in order; on return people hold
// the stored records (ids and sync fields filled).
func savePeople(ctx context.Context, st *store.Store, people []caseload.Person, progress func(done, total int)) error {
	if b, ok := any(st).(batchSaver); ok {
		for start := 0; start < len(people); start += batchSize {
			end := min(start+batchSize, len(people))
			if err := b.SavePeople(ctx, people[start:end]); err != nil {
				return fmt.Errorf("demo: save persons: %w", err)
			}
			if progress != nil {
				progress(end, len(people))
			}
		}
		return nil
	}
	for i := range people {
		if err := st.SavePerson(ctx, &people[i]); err != nil {
			return fmt.Errorf("demo: save %s: %w", people[i].FullName, err)
		}
		if progress != nil {
			progress(i+1, len(people))
		}
	}
	return nil
}
