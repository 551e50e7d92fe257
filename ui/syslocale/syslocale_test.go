package syslocale

import (
	"os"
	"testing"
)

func TestNormalize(t *testing.T) {
	cases := []struct{ in, want string }{
		{"C.UTF-8", "C"},
		{"C.utf8", "C"},
		{"POSIX", "C"},
		{"POSIX.UTF-8@euro", "C"},
		{"C", "C"},
		{"vi_VN.UTF-8", "vi_VN.UTF-8"},
		{"en_US", "en_US"},
		{"Ca_ES.UTF-8", "Ca_ES.UTF-8"},
	}
	for _, c := range cases {
		t.Setenv("LC_ALL", "")
		t.Setenv("LC_MESSAGES", c.in)
		t.Setenv("LANG", c.in)
		Normalize()
		for _, k := range []string{"LC_MESSAGES", "LANG"} {
			if got := getenv(t, k); got != c.want {
				t.Errorf("%s=%q: became %q, want %q", k, c.in, got, c.want)
			}
		}
	}
}

func getenv(t *testing.T, k string) string {
	t.Helper()
	v, _ := lookup(k)
	return v
}

var lookup = os.LookupEnv
