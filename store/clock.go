package store

import (
	"fmt"
	"sync"
	"time"
)

// Clock is a hybrid logical clock: physical milliseconds plus a counter,
// tagged with the node id, so that timestamps from different installations
// order consistently even when their wall clocks disagree.
type Clock struct {
	mu      sync.Mutex
	node    string
	now     func() time.Time
	wall    int64
	counter int
}

// NewClock returns a clock for node reading time from now.
func NewClock(node string, now func() time.Time) *Clock {
	return &Clock{node: node, now: now}
}

// Next returns a new timestamp, strictly greater than every earlier one of
// this clock and every one passed to Observe. Its text sorts in time order.
func (c *Clock) Next() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	ms := c.now().UnixMilli()
	if ms > c.wall {
		c.wall, c.counter = ms, 0
	} else {
		c.counter++
	}
	return fmt.Sprintf("%013d-%05d-%s", c.wall, c.counter, c.node)
}

// Observe moves the clock past a timestamp received from another node.
func (c *Clock) Observe(hlc string) {
	var wall int64
	var counter int
	if _, err := fmt.Sscanf(hlc, "%013d-%05d-", &wall, &counter); err != nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if wall > c.wall || (wall == c.wall && counter > c.counter) {
		c.wall, c.counter = wall, counter
	}
}
