// Package i18n holds the program's two message catalogues (Chinese and
// English) and the language choice. It is a leaf: it imports nothing of ours,
// so every layer, model included, can name its messages by key.
//
// Each catalogue is one map per language, filled from files named
// zh_<area>.go and en_<area>.go so that areas can grow independently; a test
// keeps the two catalogues' keys identical and every string non-empty.
package i18n

import (
	"errors"
	"fmt"
	"strings"
)

// Lang is a user-interface language.
type Lang int

const (
	ZH Lang = iota // Chinese, the default for a union secretary
	EN
)

var catalogs = map[Lang]map[string]string{ZH: {}, EN: {}}

// register adds entries to a catalogue; each area file calls it from init.
func register(l Lang, entries map[string]string) {
	c := catalogs[l]
	for k, v := range entries {
		if _, dup := c[k]; dup {
			panic("i18n: duplicate key " + k)
		}
		c[k] = v
	}
}

// Parse reads a --lang value.
func Parse(s string) (Lang, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "zh", "zh_cn", "zh-cn", "cn", "chinese", "中文":
		return ZH, true
	case "en", "en_us", "en-us", "english":
		return EN, true
	}
	return ZH, false
}

// FromEnv picks the language from LC_ALL, LC_MESSAGES and LANG, in POSIX
// order of precedence: zh_* means Chinese, anything else set means English.
// With none set it answers Chinese, the language of the program's users.
func FromEnv(getenv func(string) string) Lang {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(name)
		if v == "" {
			continue
		}
		if strings.HasPrefix(strings.ToLower(v), "zh") {
			return ZH
		}
		return EN
	}
	return ZH
}

// Code is "zh" or "en".
func (l Lang) Code() string {
	if l == EN {
		return "en"
	}
	return "zh"
}

// T returns the message for key, formatted with args. A missing key returns
// the key itself so that a gap shows instead of a blank (a test forbids gaps).
func (l Lang) T(key string, args ...any) string {
	s, ok := catalogs[l][key]
	if !ok {
		s = key
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// Has reports whether key is in the catalogue.
func (l Lang) Has(key string) bool {
	_, ok := catalogs[l][key]
	return ok
}

// Keys lists a catalogue's keys (for tests).
func Keys(l Lang) []string {
	keys := make([]string, 0, len(catalogs[l]))
	for k := range catalogs[l] {
		keys = append(keys, k)
	}
	return keys
}

// Localizer is an error (or value) that can say itself in a language.
type Localizer interface {
	Localize(Lang) string
}

// Error is an error known by its catalogue key, so it can be shown to the
// user in either language. Error() gives the English text for logs and tests.
type Error struct {
	Key  string
	Args []any
}

// E makes an Error.
func E(key string, args ...any) *Error { return &Error{Key: key, Args: args} }

func (e *Error) Error() string          { return EN.T(e.Key, e.Args...) }
func (e *Error) Localize(l Lang) string { return l.T(e.Key, e.Args...) }
func (e *Error) Is(target error) bool {
	var t *Error
	return errors.As(target, &t) && t.Key == e.Key
}

// Text renders err for the user: the localized text of the first Localizer
// in its chain, with any plain wrapping context dropped; other errors as is.
func Text(err error, l Lang) string {
	if err == nil {
		return ""
	}
	var loc Localizer
	if errors.As(err, &loc) {
		return loc.Localize(l)
	}
	return err.Error()
}
