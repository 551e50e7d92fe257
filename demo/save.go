package demo

import (
	"context"
	"fmt"

	"hoanhap/caseload"
	"hoanhap/store"
)

// batchSize is how many persons go into one write transaction: large
// enough that an office-scale demo (100,000 persons) takes seconds, not
// the minute one transaction per person takes, small enough that progress
// moves and each transaction stays short.
const batchSize = 2000

// savePeople saves the generated persons in order, batchSize at a time
// (each batch validated and written all or nothing by store.SavePeople);
// on return people hold the stored records (ids and sync fields filled).
// progress, when set, is called after each batch.
func savePeople(ctx context.Context, st *store.Store, people []caseload.Person, progress func(done, total int)) error {
	for start := 0; start < len(people); start += batchSize {
		end := min(start+batchSize, len(people))
		if err := st.SavePeople(ctx, people[start:end]); err != nil {
			return fmt.Errorf("demo: save persons %d-%d: %w", start+1, end, err)
		}
		if progress != nil {
			progress(end, len(people))
		}
	}
	return nil
}
