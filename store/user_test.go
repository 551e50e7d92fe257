package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"hoanhap/caseload"
)

func TestUsersAuthenticate(t *testing.T) {
	s := svOpen(t)
	ctx := context.Background()
	svLightArgon(t)
	if has, err := s.HasUsers(ctx); err != nil || has {
		t.Fatalf("has users = %v, %v", has, err)
	}
	m := svMentor(t, s, "Chị Phan Thị Gấm")
	admin := caseload.User{Name: "Admin", DisplayName: "Quản trị", Role: caseload.RoleAdmin, Active: true}
	if err := s.CreateUser(ctx, &admin, "mật-khẩu-123"); err != nil {
		t.Fatal(err)
	}
	mentor := caseload.User{Name: "gam", DisplayName: "Phan Thị Gấm", Role: caseload.RoleMentor, MentorID: m.ID, Active: true}
	if err := s.CreateUser(ctx, &mentor, "short"); err == nil {
		t.Fatal("short password accepted")
	}
	if err := s.CreateUser(ctx, &mentor, "gam-12345"); err != nil {
		t.Fatal(err)
	}
	dup := caseload.User{Name: "GAM", DisplayName: "x", Role: caseload.RoleOfficer, Active: true}
	if err := s.CreateUser(ctx, &dup, "12345678"); !errors.Is(err, ErrUserExists) {
		t.Errorf("duplicate: %v", err)
	}
	if has, _ := s.HasUsers(ctx); !has {
		t.Error("HasUsers false")
	}
	u, err := s.Authenticate(ctx, " ADMIN ", "mật-khẩu-123")
	if err != nil || u.Role != caseload.RoleAdmin || u.Name != "admin" {
		t.Fatalf("login = %+v, %v", u, err)
	}
	for _, c := range [][2]string{{"admin", "wrong-password"}, {"nobody", "mật-khẩu-123"}, {"admin", ""}} {
		if _, err := s.Authenticate(ctx, c[0], c[1]); !errors.Is(err, ErrBadLogin) {
			t.Errorf("%v: %v", c, err)
		}
	}
	var hash string
	if err := s.db.QueryRow(`SELECT password_hash FROM app_user WHERE name = 'admin'`).Scan(&hash); err != nil ||
		!strings.HasPrefix(hash, "$argon2id$v=19$m=1024,t=1,p=1$") || strings.Contains(hash, "mật") {
		t.Errorf("hash = %q", hash)
	}
	// Password change; the audit never holds the hash.
	if err := s.SetPassword(ctx, mentor.ID, "new-password-1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate(ctx, "gam", "gam-12345"); !errors.Is(err, ErrBadLogin) {
		t.Error("old password still works")
	}
	if _, err := s.Authenticate(ctx, "gam", "new-password-1"); err != nil {
		t.Error(err)
	}
	if c := svCount(t, s, `SELECT count(*) FROM audit WHERE tbl = 'app_user' AND (new_json LIKE '%argon2%' OR old_json LIKE '%argon2%')`); c != 0 {
		t.Error("hash in audit")
	}
	// Deactivated users cannot log in; a mentor session cannot manage users.
	for _, u := range svMust(s.Users(ctx)) {
		if u.ID == mentor.ID {
			mentor = u
		}
	}
	mentor.Active = false
	if err := s.UpdateUser(ctx, &mentor); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate(ctx, "gam", "new-password-1"); !errors.Is(err, ErrBadLogin) {
		t.Error("inactive user logged in")
	}
	s.SetSession(mentor)
	defer s.ClearSession()
	if err := s.SetPassword(ctx, admin.ID, "hacked-password"); !errors.Is(err, ErrReadOnly) {
		t.Errorf("mentor reset admin password: %v", err)
	}
	list, _ := s.Users(ctx)
	if len(list) != 2 || list[0].Name != "admin" {
		t.Errorf("users = %+v", list)
	}
}

func TestVerifyPasswordMalformed(t *testing.T) {
	for _, h := range []string{"", "$argon2i$v=19$m=1,t=1,p=1$AA$AA", "$argon2id$v=19$m=0,t=1,p=1$AA$AA", "plain"} {
		if verifyPassword(h, "x") {
			t.Errorf("%q verified", h)
		}
	}
}

// svLightArgon lowers the argon2id cost for the test (the stored hash
// carries its parameters, so verification follows them).
func svLightArgon(t *testing.T) {
	t.Helper()
	tm, mem, th := argonTime, argonMemory, argonThreads
	argonTime, argonMemory, argonThreads = 1, 1024, 1
	t.Cleanup(func() { argonTime, argonMemory, argonThreads = tm, mem, th })
}

func svMust[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestHashPasswordDefaultParams(t *testing.T) {
	h, err := hashPassword("mật khẩu")
	if err != nil || !strings.HasPrefix(h, "$argon2id$v=19$m=65536,t=3,p=2$") {
		t.Fatalf("hash = %q, %v", h, err)
	}
	if !verifyPassword(h, "mật khẩu") || verifyPassword(h, "mat khau") {
		t.Error("verify mismatch")
	}
}
