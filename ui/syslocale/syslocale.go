// Package syslocale makes the POSIX locale of the process readable to
// Fyne. A Linux session with LANG=C.UTF-8 (Xvfb, CI, containers) gives
// Fyne the language tag "C", which it cannot parse: it logs "Error
// parsing user locale C" each time it looks (18 lines at every start). The
// C and POSIX locales mean "no language"; this package says so in the form
// Fyne understands ("C"), before Fyne's own packages look.
//
// It imports nothing but the standard library so that it is initialised
// before Fyne's lang package, which reads the locale when it is
// initialised (packages ready together are initialised in the order of
// their import paths, and "hoanhap/…" comes before "text/template", which
// Fyne's lang package needs). Windows does not use these variables.
package syslocale

import (
	"os"
	"strings"
)

func init() { Normalize() }

// localeVars are the variables a POSIX program reads its language from,
// in order.
var localeVars = []string{"LC_ALL", "LC_MESSAGES", "LANG"}

// Normalize rewrites "C.UTF-8", "C.utf8", "POSIX.UTF-8" and the like to
// "C" in the locale variables; other values are left as they are.
func Normalize() {
	for _, k := range localeVars {
		v, ok := os.LookupEnv(k)
		if !ok || v == "" {
			continue
		}
		if noLanguage(v) && v != "C" {
			_ = os.Setenv(k, "C")
		}
	}
}

// noLanguage reports whether a locale value names the C or POSIX locale,
// with any codeset or modifier ("C.UTF-8", "POSIX@euro").
func noLanguage(v string) bool {
	base := v
	if i := strings.IndexAny(base, ".@"); i >= 0 {
		base = base[:i]
	}
	return base == "C" || base == "POSIX"
}
