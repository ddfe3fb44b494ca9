package i18n

import (
	"errors"
	"strings"
)

// Details is the technical text behind err that its message in the user's
// words leaves out — what a library said about a damaged file, a failed
// decode — or "" when there is none. An error joins its message and its
// cause (errors.Join, or an Unwrap() []error of both); the causes that say
// nothing in the user's language are the details. The command line prints
// them on a second line ("details: ..."), for whoever mends the file; the
// interface leaves them out.
func Details(err error) string {
	var out []string
	var walk func(e error)
	walk = func(e error) {
		switch u := e.(type) {
		case interface{ Unwrap() []error }:
			for _, m := range u.Unwrap() {
				var loc Localizer
				if errors.As(m, &loc) {
					walk(m)
				} else if m != nil {
					out = append(out, m.Error())
				}
			}
		case interface{ Unwrap() error }:
			if next := u.Unwrap(); next != nil {
				walk(next)
			}
		}
	}
	var loc Localizer
	if err == nil || !errors.As(err, &loc) {
		return "" // said as it is: nothing is left out
	}
	walk(err)
	return strings.Join(out, "; ")
}
