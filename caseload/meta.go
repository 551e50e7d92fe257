package caseload

import "time"

// Meta holds the fields every synchronised record carries (docs/ARCHITECTURE.md
// section 5). The store fills them on every write.
type Meta struct {
	ID        string    `json:"id"`
	Owner     string    `json:"owner"`
	Ver       int       `json:"ver"`
	UpdatedAt time.Time `json:"updated_at"`
	UpdatedBy string    `json:"updated_by"`
	HLC       string    `json:"hlc"`
	Deleted   bool      `json:"deleted"`
}
