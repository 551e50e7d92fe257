package caseload

import "strings"

// Role is what a user may do (docs/ARCHITECTURE.md section 11).
type Role string

// Roles.
const (
	RoleAdmin   Role = "admin"   // everything, including users
	RoleOfficer Role = "officer" // the ward police officer: all caseload work
	RoleLeader  Role = "leader"  // ward leader: reads everything, writes nothing
	RoleMentor  Role = "mentor"  // sees and records only the people assigned to their mentor
)

// Roles lists the roles in display order.
var Roles = []Role{RoleAdmin, RoleOfficer, RoleLeader, RoleMentor}

// User is a login of the application. The password hash never leaves the
// store.
type User struct {
	Meta

	Name        string `json:"name"` // login name, lower case
	DisplayName string `json:"display_name"`
	Role        Role   `json:"role"`
	MentorID    string `json:"mentor_id"` // for role mentor: the roster entry
	Active      bool   `json:"active"`
}

// CanWrite reports whether the role may change records.
func (r Role) CanWrite() bool { return r == RoleAdmin || r == RoleOfficer || r == RoleMentor }

// MinPasswordLength is the shortest accepted password.
const MinPasswordLength = 8

// NormalizeUser trims the fields, lower-cases the login name and
// NFC-normalises the display name.
func NormalizeUser(u *User) {
	u.Name = strings.ToLower(svText(u.Name))
	u.DisplayName = svText(u.DisplayName)
}

// ValidateUser checks a user; password is the new password ("" when not
// being set). It returns a *ValidationError or nil.
func ValidateUser(u User, password string, settingPassword bool) error {
	v := &ValidationError{}
	v.Errors = append(v.Errors, CheckTexts(u)...)
	if u.Name == "" {
		v.Add("name", "supervision.validation.required")
	} else if strings.ContainsAny(u.Name, " \t") {
		v.Add("name", "supervision.validation.user_name")
	}
	if u.DisplayName == "" {
		v.Add("display_name", "supervision.validation.required")
	}
	switch u.Role {
	case RoleAdmin, RoleOfficer, RoleLeader:
	case RoleMentor:
		if u.MentorID == "" {
			v.Add("mentor_id", "supervision.validation.required")
		}
	case "":
		v.Add("role", "supervision.validation.required")
	default:
		v.Add("role", "supervision.validation.invalid_value", "Value", string(u.Role))
	}
	if settingPassword && len([]rune(password)) < MinPasswordLength {
		v.Add("password", "supervision.validation.password_short", "Min", MinPasswordLength)
	}
	return v.OrNil()
}
