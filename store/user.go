package store

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/crypto/argon2"

	"hoanhap/caseload"
)

// argon2id parameters for new password hashes (RFC 9106 second recommended
// option, lighter memory for modest ward PCs). Stored hashes carry their
// own parameters, so these can change without breaking old ones.
var (
	argonTime    uint32 = 3
	argonMemory  uint32 = 64 * 1024 // KiB
	argonThreads uint8  = 2
)

const (
	argonKeyLen  = 32
	argonSaltLen = 16
)

var userCols = selectList(userColumns)

func scanUser(r rowScanner) (caseload.User, error) {
	var u caseload.User
	dst, after := metaScan(&u.Meta)
	var role string
	err := r.Scan(append(dst, &u.Name, &u.DisplayName, &role, &u.MentorID, &u.Active)...)
	after()
	u.Role = caseload.Role(role)
	return u, err
}

// HasUsers reports whether any active user exists (no users: the app starts
// without a login, as admin).
func (s *Store) HasUsers(ctx context.Context) (bool, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM app_user WHERE deleted = 0 AND active = 1`).Scan(&n); err != nil {
		return false, fmt.Errorf("store: has users: %w", err)
	}
	return n > 0, nil
}

// CreateUser adds a user with an argon2id password hash. Mentor users must
// point to an existing mentor. ErrUserExists when the name is taken.
func (s *Store) CreateUser(ctx context.Context, u *caseload.User, password string) error {
	if err := s.requireWrite(writeUsers); err != nil {
		return fmt.Errorf("store: create user: %w", err)
	}
	q := *u
	caseload.NormalizeUser(&q)
	if err := caseload.ValidateUser(q, password, true); err != nil {
		return err
	}
	hash, err := hashPassword(password)
	if err != nil {
		return fmt.Errorf("store: create user: %w", err)
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		if err := checkMentorTx(ctx, tx, q); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM app_user WHERE name = ?`, q.Name).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return ErrUserExists
		}
		q.ID, q.Owner, q.Deleted = "", "", false
		s.stamp(&q.Meta, 0)
		if _, err := tx.ExecContext(ctx, `INSERT INTO app_user (`+userCols+`, password_hash) VALUES (`+svMarks(13)+`)`,
			append(metaArgs(q.Meta), q.Name, q.DisplayName, string(q.Role), q.MentorID, q.Active, hash)...); err != nil {
			return err
		}
		return s.audit(tx, "insert", "app_user", q.ID, nil, q)
	})
	if err != nil {
		return fmt.Errorf("store: create user: %w", err)
	}
	*u = q
	return nil
}

// UpdateUser saves the display name, role, mentor link and active flag of
// a user (u.Ver must match, else ErrConflict). The name and password do
// not change here.
func (s *Store) UpdateUser(ctx context.Context, u *caseload.User) error {
	if err := s.requireWrite(writeUsers); err != nil {
		return fmt.Errorf("store: update user: %w", err)
	}
	q := *u
	caseload.NormalizeUser(&q)
	if err := caseload.ValidateUser(q, "", false); err != nil {
		return err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		old, err := current(ctx, tx, `SELECT `+userCols+` FROM app_user WHERE id = ? AND deleted = 0`, q.ID, q.Ver,
			scanUser, func(r caseload.User) int { return r.Ver })
		if err != nil {
			return err
		}
		if err := checkMentorTx(ctx, tx, q); err != nil {
			return err
		}
		q.Owner, q.Name = old.Owner, old.Name
		s.stamp(&q.Meta, old.Ver)
		if _, err := tx.ExecContext(ctx, `UPDATE app_user SET ver=?, updated_at=?, updated_by=?, hlc=?, display_name=?,
			role=?, mentor_id=?, active=? WHERE id = ?`, q.Ver, metaArgs(q.Meta)[3], q.UpdatedBy, q.HLC,
			q.DisplayName, string(q.Role), q.MentorID, q.Active, q.ID); err != nil {
			return err
		}
		return s.audit(tx, "update", "app_user", q.ID, old, q)
	})
	if err != nil {
		return fmt.Errorf("store: update user: %w", err)
	}
	*u = q
	return nil
}

func checkMentorTx(ctx context.Context, tx *sql.Tx, u caseload.User) error {
	if u.Role != caseload.RoleMentor {
		return nil
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM mentor WHERE id = ? AND deleted = 0`, u.MentorID).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return notFound("mentor", u.MentorID, ErrNotFound)
	}
	return nil
}

// SetPassword replaces a user's password hash. An admin may set anyone's;
// other users only their own.
func (s *Store) SetPassword(ctx context.Context, userID, password string) error {
	if u, ok := s.Session(); ok && u.Role != caseload.RoleAdmin && u.ID != userID {
		return fmt.Errorf("store: set password: %w", ErrReadOnly)
	}
	if len([]rune(password)) < caseload.MinPasswordLength {
		v := &caseload.ValidationError{}
		v.Add("password", "supervision.validation.password_short", "Min", caseload.MinPasswordLength)
		return v
	}
	hash, err := hashPassword(password)
	if err != nil {
		return fmt.Errorf("store: set password: %w", err)
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		old, err := scanUser(tx.QueryRowContext(ctx, `SELECT `+userCols+` FROM app_user WHERE id = ? AND deleted = 0`, userID))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		q := old
		s.stamp(&q.Meta, old.Ver)
		if _, err := tx.ExecContext(ctx, `UPDATE app_user SET ver=?, updated_at=?, updated_by=?, hlc=?, password_hash=?
			WHERE id = ?`, q.Ver, metaArgs(q.Meta)[3], q.UpdatedBy, q.HLC, hash, q.ID); err != nil {
			return err
		}
		// The audit records that the password changed, never the hash.
		return s.audit(tx, "update", "app_user", q.ID, old, struct {
			caseload.User
			PasswordChanged bool `json:"password_changed"`
		}{q, true})
	})
	if err != nil {
		return fmt.Errorf("store: set password: %w", err)
	}
	return nil
}

// Users returns every user, ordered by name.
func (s *Store) Users(ctx context.Context) ([]caseload.User, error) {
	list, err := svQuery(ctx, s, `SELECT `+userCols+` FROM app_user WHERE deleted = 0 ORDER BY name`, scanUser)
	if err != nil {
		return nil, fmt.Errorf("store: users: %w", err)
	}
	return list, nil
}

// Authenticate checks a user name and password. Any failure (unknown
// name, inactive user, wrong password) returns the same ErrBadLogin, after
// the same amount of hashing work.
func (s *Store) Authenticate(ctx context.Context, name, password string) (caseload.User, error) {
	name = strings.ToLower(strings.TrimSpace(name))
	var hash string
	var u caseload.User
	row := s.db.QueryRowContext(ctx, `SELECT `+userCols+`, password_hash FROM app_user WHERE name = ? AND deleted = 0`, name)
	u, err := scanUser(scanTail{row, &hash})
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return caseload.User{}, fmt.Errorf("store: authenticate: %w", err)
	}
	found := err == nil
	if !found {
		hash = dummyHash()
	}
	ok := verifyPassword(hash, password)
	if !found || !ok || !u.Active {
		return caseload.User{}, ErrBadLogin
	}
	return u, nil
}

// dummyHash is verified when the user does not exist, so that a wrong name
// takes as long as a wrong password.
var dummyHash = sync.OnceValue(func() string {
	h, _ := hashPassword("not-a-real-password")
	return h
})

// hashPassword returns an argon2id hash in the PHC string format
// $argon2id$v=19$m=65536,t=3,p=2$<salt>$<key> (base64 without padding).
func hashPassword(password string) (string, error) {
	salt := make([]byte, argonSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("salt: %w", err)
	}
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// verifyPassword checks password against a PHC argon2id hash in constant
// time; a malformed hash never matches.
func verifyPassword(hash, password string) bool {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var version int
	var mem, iters uint32
	var threads uint8
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &mem, &iters, &threads); err != nil ||
		mem == 0 || mem > 1<<22 || iters == 0 || iters > 64 || threads == 0 {
		return false
	}
	b64 := base64.RawStdEncoding
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return false
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil || len(want) == 0 || len(want) > 128 {
		return false
	}
	got := argon2.IDKey([]byte(password), salt, iters, mem, threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}
