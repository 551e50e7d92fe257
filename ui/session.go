package ui

import (
	"context"

	"hoanhap/caseload"
)

// session is who is logged in.
type session struct {
	UserName string
	Role     string // admin, officer, leader, mentor
	MentorID string // for role mentor: the mentor record they are
}

// sessionSource is what the login and the mentor scope need from the
// store; *store.Store satisfies it.
type sessionSource interface {
	HasUsers(ctx context.Context) (bool, error)
	Authenticate(ctx context.Context, name, password string) (caseload.User, error)
	SetSession(u caseload.User)
	MentorPersonIDs(ctx context.Context, mentorID string) (map[string]bool, error)
}

// sessionOf converts a logged-in user to the UI session.
func sessionOf(usr caseload.User) session {
	return session{UserName: usr.Name, Role: string(usr.Role), MentorID: usr.MentorID}
}

// isMentor reports whether the session is restricted to a mentor's people.
func (s session) isMentor() bool { return s.Role == string(caseload.RoleMentor) }

// readOnly reports whether the session may not change records (leader).
func (s session) readOnly() bool { return s.Role == string(caseload.RoleLeader) }

// isAdmin reports whether the session may manage users.
func (s session) isAdmin() bool { return s.Role == string(caseload.RoleAdmin) }

// personScope returns the ids of the people the logged-in user may see:
// nil (everybody) unless the user is a mentor, in which case only the
// people currently assigned to their mentor record (an empty map when
// none, or when the assignments cannot be read: a mentor never sees more
// than their own people).
func (u *App) personScope() map[string]bool {
	if !u.sess.isMentor() {
		return nil
	}
	ids, err := u.st.MentorPersonIDs(opCtx(), u.sess.MentorID)
	if err != nil || ids == nil {
		return map[string]bool{}
	}
	return ids
}

// inScope reports whether the logged-in user may see the person with id:
// always, unless the user is a mentor, who sees only the people currently
// assigned to them (never a record without a person).
func (u *App) inScope(personID string) bool {
	scope := u.personScope()
	return scope == nil || (personID != "" && scope[personID])
}
