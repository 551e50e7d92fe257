package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"

	"hoanhap/caseload"
	"hoanhap/store/index"
)

// PersonRow is what lists and search results show about a person; it comes
// from the in-memory index (package index), not from a full record.
type PersonRow = index.Row

// PersonFilter selects people for People (see index.Filter).
type PersonFilter = index.Filter

// peopleIndex is the store's handle on the search index: the index and the
// lock that serialises the writes that change it (transaction plus index
// update), so that the index applies them in commit order.
type peopleIndex struct {
	writeMu sync.Mutex
	*index.Index
}

func (p *peopleIndex) put(c *caseload.Person) { p.Put(indexPerson(c)) }

func (p *peopleIndex) putMany(cs []caseload.Person) {
	ps := make([]index.Person, len(cs))
	for i := range cs {
		ps[i] = indexPerson(&cs[i])
	}
	p.PutMany(ps)
}

func (p *peopleIndex) remove(id string)           { p.Remove(id) }
func (p *peopleIndex) setHamlets(h []string)      { p.SetHamlets(h) }
func (p *peopleIndex) replace(fresh *index.Index) { p.Replace(fresh) }

// indexPerson extracts what the index keeps of a person.
func indexPerson(p *caseload.Person) index.Person {
	return index.Person{Row: index.Row{
		ID: p.ID, FullName: p.FullName, CitizenID: p.CitizenID, Phone: p.Phone,
		Hamlet: p.Hamlet, Offense: p.Offense, BirthYear: p.BirthDate.Year, Gender: p.Gender,
		ReturnedOn: p.ReturnedOn, CompletedOn: p.CompletedOn, Group: p.Group, Status: p.Status,
	}, OtherNames: p.OtherNames}
}

// People returns the live people matching f, in Vietnamese name order
// (given name, middle, family name), ties by id.
func (s *Store) People(f PersonFilter) []PersonRow { return s.index().Find(f) }

// PeopleCount returns the number of live (not deleted) people, whatever
// their status.
func (s *Store) PeopleCount() int { return s.index().Count() }

// Duplicates returns the live people other than p that are probably the
// same person: the same citizen ID, or the same folded full name and the
// same (known) birth year. In name order.
func (s *Store) Duplicates(p caseload.Person) []PersonRow {
	return s.index().Duplicates(p.ID, p.CitizenID, p.FullName, p.BirthDate.Year)
}

// Hamlets returns the hamlets in use by live people together with those of
// the "hamlets" setting, each once, in Vietnamese order.
func (s *Store) Hamlets() []string { return s.index().Hamlets() }

// indexCols are the person columns the index needs, in scan order.
const indexCols = `id, full_name, other_names, citizen_id, phone, hamlet, offense,
	birth_date, gender, returned_on, completed_on, grp, status`

// loadIndex builds the search index from the person table (live rows
// only) with the hamlet list setting, then marks it ready. When the build
// fails the store keeps an empty index, so that nothing waits forever.
func (s *Store) loadIndex(ctx context.Context, db *sql.DB) error {
	defer close(s.peopleReady)
	idx, err := buildIndexFrom(ctx, db)
	if err != nil {
		s.people = &peopleIndex{Index: index.New()}
		return err
	}
	s.people = &peopleIndex{Index: idx}
	return nil
}

// index returns the search index, waiting while it is being built.
func (s *Store) index() *peopleIndex {
	<-s.peopleReady
	return s.people
}

// IndexReady is closed once the search index is built (at once for Open,
// in the background for OpenDeferred).
func (s *Store) IndexReady() <-chan struct{} { return s.peopleReady }

// IndexErr says why building the search index failed (nil while it is
// being built and when it succeeded); the index is then empty.
func (s *Store) IndexErr() error {
	select {
	case <-s.peopleReady:
		return s.peopleErr
	default:
		return nil
	}
}

// buildIndex reads the live people and the hamlet list into a new index.
func (s *Store) buildIndex(ctx context.Context) (*index.Index, error) {
	return buildIndexFrom(ctx, s.db)
}

// buildIndexFrom is buildIndex reading through db: the store's own pool,
// or for OpenDeferred a reader of its own, so that the window's first
// queries need not wait for the whole person table to be read.
func buildIndexFrom(ctx context.Context, db *sql.DB) (*index.Index, error) {
	var raw string
	err := db.QueryRowContext(ctx, `SELECT value FROM setting WHERE key = ?`, settingHamlets).Scan(&raw)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("setting %s: %w", settingHamlets, err)
	}
	hamlets, err := decodeHamlets(raw)
	if err != nil {
		return nil, fmt.Errorf("setting %s: %w", settingHamlets, err)
	}
	return index.Build(ctx, func(ctx context.Context, out chan<- []index.Person) error {
		return scanIndexRows(ctx, db, out)
	}, hamlets)
}

// indexBatch is how many rows travel together from the reader to the
// index builder.
const indexBatch = 2048

// scanIndexRows reads the live person rows in batches.
func scanIndexRows(ctx context.Context, db *sql.DB, out chan<- []index.Person) error {
	rows, err := db.QueryContext(ctx, `SELECT `+indexCols+` FROM person WHERE deleted = 0`)
	if err != nil {
		return err
	}
	defer rows.Close()
	batch := make([]index.Person, 0, indexBatch)
	var birth, returned, completed, gender, grp, status string
	for rows.Next() {
		var x index.Person
		if err := rows.Scan(&x.ID, &x.FullName, &x.OtherNames, &x.CitizenID, &x.Phone, &x.Hamlet, &x.Offense,
			&birth, &gender, &returned, &completed, &grp, &status); err != nil {
			return err
		}
		x.Gender, x.Group, x.Status = caseload.Gender(gender), caseload.Group(grp), caseload.Status(status)
		if len(birth) >= 4 {
			x.BirthYear = atoi(birth[:4])
		}
		x.ReturnedOn, _ = caseload.ParseDate(returned)
		x.CompletedOn, _ = caseload.ParseDate(completed)
		batch = append(batch, x)
		if len(batch) == indexBatch {
			select {
			case out <- batch:
			case <-ctx.Done():
				return ctx.Err()
			}
			batch = make([]index.Person, 0, indexBatch)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(batch) > 0 {
		out <- batch
	}
	return nil
}

// atoi parses a non-negative decimal number, 0 when it is not one.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// rowOf extracts the list columns of a person.
func rowOf(p *caseload.Person) PersonRow { return indexPerson(p).Row }
