package ui

// session is who is logged in. Placeholder until users and roles land:
// everyone is an administrator.
type session struct {
	UserName string
	Role     string // admin, officer, leader, mentor
	MentorID string // for role mentor: the mentor record they are
}

// login asks who is using the app, then calls done. Placeholder: no users
// yet, so it goes straight on as the administrator.
func (u *App) login(done func(session)) { done(session{UserName: "admin", Role: "admin"}) }
