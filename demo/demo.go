// Package demo fills a store with a realistic made-up ward: Vietnamese
// names, hamlets, offences, mixed statuses and groups, for trying the app
// and for screenshots. Nothing in it is real data.
//
// The generator is deterministic: the same seed and reference date give the
// same persons (ids and timestamps differ, as the store assigns them).
// Other parts of the demo (mentors, visits, loans, models) plug in with
// Register and run after the persons are saved.
package demo

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"

	"hoanhap/caseload"
	"hoanhap/store"
)

// DefaultSeed is the seed used when none is given, so that every demo
// ward looks the same.
const DefaultSeed uint64 = 20240501

// DefaultPersons is the size of the demo ward.
const DefaultPersons = 150

// DefaultUnit is the unit name given to an unnamed demo store.
const DefaultUnit = "Phường Hòa Bình (dữ liệu mẫu)"

// ErrNotEmpty is returned by Generate when the store already holds
// persons: a demo never mixes with real data.
var ErrNotEmpty error = notEmptyError{}

type notEmptyError struct{}

func (notEmptyError) Error() string { return "demo: the store already holds persons" }

// MessageKey returns the i18n key of the message.
func (notEmptyError) MessageKey() string { return "cli.demo.not_empty" }

// MessageArgs returns no arguments.
func (notEmptyError) MessageArgs() map[string]any { return nil }

// Step adds more demo records about the generated persons (mentors,
// visits, loans...). r is the generator's random source: draw from it only,
// so that the demo stays deterministic.
type Step func(ctx context.Context, st *store.Store, r *rand.Rand, people []caseload.Person) error

var (
	stepsMu sync.Mutex
	steps   []Step
)

// Register adds a step that Generate runs after the persons are saved, in
// registration order. Call it from an init function of the file that
// defines the step.
func Register(step func(ctx context.Context, st *store.Store, r *rand.Rand, people []caseload.Person) error) {
	stepsMu.Lock()
	steps = append(steps, step)
	stepsMu.Unlock()
}

func registered() []Step {
	stepsMu.Lock()
	defer stepsMu.Unlock()
	return append([]Step(nil), steps...)
}

// Options control Generate.
type Options struct {
	Persons int           // how many persons; 0 means DefaultPersons
	Seed    uint64        // random seed; 0 means DefaultSeed
	Today   caseload.Date // reference date; zero means caseload.Today()
	// Progress, when set, is called after each saved person with the count
	// done and the total.
	Progress func(done, total int)
}

func (o Options) withDefaults() Options {
	if o.Persons <= 0 {
		o.Persons = DefaultPersons
	}
	if o.Seed == 0 {
		o.Seed = DefaultSeed
	}
	if o.Today.IsZero() {
		o.Today = caseload.Today()
	}
	return o
}

// People draws n made-up persons without saving them: the pure part of the
// generator, for tests and benchmarks.
func People(n int, seed uint64, today caseload.Date) ([]caseload.Person, error) {
	l, err := loadLists()
	if err != nil {
		return nil, err
	}
	r := newRand(seed)
	g := newGenerator(l, r, today)
	out := make([]caseload.Person, n)
	for i := range out {
		out[i] = g.person()
	}
	return out, nil
}

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)) }

// Hamlets returns the hamlet names of the demo ward, in order.
func Hamlets() ([]string, error) {
	l, err := loadLists()
	if err != nil {
		return nil, err
	}
	return l.hamlets.names(), nil
}

// Generate fills an empty store with a demo ward: the hamlet list, the
// persons, then the registered steps. It refuses (ErrNotEmpty) when the
// store already holds persons. It returns the saved persons.
//
// Everything is written first into a scratch store sharing st's identity
// (store.Scratch), through the ordinary repositories, then copied into st
// in one transaction: cancelled or killed half-way, st is left as it was
// and Generate can run again.
func Generate(ctx context.Context, st *store.Store, o Options) ([]caseload.Person, error) {
	o = o.withDefaults()
	if st.PeopleCount() > 0 {
		return nil, ErrNotEmpty
	}
	l, err := loadLists()
	if err != nil {
		return nil, err
	}
	sc, err := st.Scratch(ctx)
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	people, err := generateInto(ctx, sc, l, o)
	if err != nil {
		store.DiscardScratch(sc)
		return nil, err
	}
	if err := st.CommitScratch(ctx, sc); err != nil {
		if errors.Is(err, store.ErrLoadNotEmpty) {
			return nil, ErrNotEmpty
		}
		return nil, fmt.Errorf("demo: %w", err)
	}
	return people, nil
}

// generateInto writes the demo ward into st (a scratch store).
func generateInto(ctx context.Context, st *store.Store, l *lists, o Options) ([]caseload.Person, error) {
	if err := st.SetHamletList(ctx, l.hamlets.names()); err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	r := newRand(o.Seed)
	g := newGenerator(l, r, o.Today)
	people := make([]caseload.Person, o.Persons)
	for i := range people {
		people[i] = g.person()
	}
	if err := savePeople(ctx, st, people, o.Progress); err != nil {
		return nil, err
	}
	for _, step := range registered() {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("demo: %w", err)
		}
		if err := step(ctx, st, r, people); err != nil {
			return nil, fmt.Errorf("demo: %w", err)
		}
	}
	return people, nil
}

// Ensure fills st with the demo ward if it holds no person yet, and names
// the unit when it has no name.
func Ensure(st *store.Store) error {
	ctx := context.Background()
	if st.Node().UnitName == "" {
		if err := st.SetUnit(ctx, DefaultUnit, "ward"); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
	}
	_, err := Generate(ctx, st, Options{})
	if errors.Is(err, ErrNotEmpty) {
		return nil
	}
	return err
}
