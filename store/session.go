package store

import "hoanhap/caseload"

// This file holds the login session of the store (who is logged in) and
// what each role may write; the user accounts themselves are in user.go.

// writeKind is a family of store writes; the role of the logged-in user
// decides which families it may write (docs/ARCHITECTURE.md section 11).
type writeKind int

const (
	// writePersons: saving, batch-saving and deleting persons.
	writePersons writeKind = iota
	// writeSupervision: mentors, assignments, notices, receptions,
	// classifications, case ends and recidivism (the officer's casework).
	writeSupervision
	// writeVisits: visits and quarterly reports. A mentor may write them
	// for the people assigned to it; insertVisit checks the assignment.
	writeVisits
	// writeSupport: support measures, loans, models and their members and
	// links, partner businesses, exemplary people.
	writeSupport
	// writeSettings: settings, hamlet list, unit name, holidays.
	writeSettings
	// writeUsers: creating and changing user accounts.
	writeUsers
	// writePreference: the user's own display preferences (the UI
	// language): open to every role.
	writePreference
)

// mayWrite reports whether a role may write the given family:
//
//   - admin: everything;
//   - officer: everything but user accounts;
//   - leader: read-only (only its display preferences);
//   - mentor: visits of its own people (and its display preferences).
//
// An unknown role may write nothing.
func mayWrite(role caseload.Role, k writeKind) bool {
	switch role {
	case caseload.RoleAdmin:
		return true
	case caseload.RoleOfficer:
		return k != writeUsers
	case caseload.RoleMentor:
		return k == writeVisits || k == writePreference
	case caseload.RoleLeader:
		return k == writePreference
	default: // unknown role
		return false
	}
}

// requireWrite returns ErrReadOnly when the logged-in user may not write
// records of kind k. Without a session (CLI, tests, first start) every
// write is allowed. Every exported write method calls it first.
func (s *Store) requireWrite(k writeKind) error {
	u, ok := s.Session()
	if ok && !mayWrite(u.Role, k) {
		return ErrReadOnly
	}
	return nil
}

// SetSession makes u the logged-in user: writes are attributed to u.Name
// and its role limits what it may write (see requireWrite): a leader
// writes nothing, a mentor only visits of its own people.
func (s *Store) SetSession(u caseload.User) {
	s.mu.Lock()
	s.session = &u
	s.actor = u.Name
	s.mu.Unlock()
}

// Session returns the logged-in user, if any.
func (s *Store) Session() (caseload.User, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.session == nil {
		return caseload.User{}, false
	}
	return *s.session, true
}

// ClearSession logs the user out (the CLI and tests run without a session:
// full rights).
func (s *Store) ClearSession() {
	s.mu.Lock()
	s.session = nil
	s.mu.Unlock()
}
