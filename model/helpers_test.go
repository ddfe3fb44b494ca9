package model

import (
	"errors"
	"strings"
	"testing"

	"unionbook/i18n"
)

// errKey is the catalogue key of err ("" for nil, "?" for a foreign error).
func errKey(err error) string {
	if err == nil {
		return ""
	}
	var e *i18n.Error
	if errors.As(err, &e) {
		return e.Key
	}
	return "?"
}

// noRawKeys fails when a rendered message still holds a catalogue key or a
// format verb that found no argument.
func noRawKeys(t *testing.T, text string) {
	t.Helper()
	for _, bad := range []string{"gender.", "status.", "field.", "member.", "problem.", "%!", "MISSING", "EXTRA"} {
		if contains(text, bad) {
			t.Errorf("message %q contains %q", text, bad)
		}
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
