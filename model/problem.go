package model

import (
	"strings"

	"unionbook/i18n"
)

// Problem is one thing wrong with a record: the field it concerns and a
// catalogue message. Validation returns every problem at once.
type Problem struct {
	Field string // field key; its label is the catalogue entry "field.<Field>"
	Key   string // message key
	Args  []any
}

// Localize says the problem with its field label, e.g. "身份证号：校验位不对".
func (p Problem) Localize(l i18n.Lang) string {
	msg := p.Message(l)
	if p.Field == "" {
		return msg
	}
	sep := ": "
	if l == i18n.ZH {
		sep = "："
	}
	return l.T("field."+p.Field) + sep + msg
}

// Message is the problem without its field label (for display next to the field).
func (p Problem) Message(l i18n.Lang) string { return l.T(p.Key, localArgs(l, p.Args)...) }

// localArgs translates arguments that are themselves catalogue keys or
// problems.
func localArgs(l i18n.Lang, args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch a := a.(type) {
		case i18nKeyArg:
			out[i] = l.T(string(a))
		case Problem: // a part's problem quoted in its whole's (a case's worker)
			out[i] = a.Message(l)
		default:
			out[i] = a
		}
	}
	return out
}

// Problems is the list of problems of one record; as an error it is non-nil
// only when the list is non-empty (use Err).
type Problems []Problem

func (ps *Problems) add(field, key string, args ...any) {
	*ps = append(*ps, Problem{Field: field, Key: key, Args: args})
}

// addErr records a parse error from one of the value parsers under field.
func (ps *Problems) addErr(field string, err error) {
	if e, ok := err.(*i18n.Error); ok {
		ps.add(field, e.Key, e.Args...)
		return
	}
	ps.add(field, "problem.invalid")
}

// Err returns the problems as an error, or nil when there are none.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}

func (ps Problems) Error() string { return ps.Localize(i18n.EN) }

// Localize joins every problem, one per line.
func (ps Problems) Localize(l i18n.Lang) string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Localize(l)
	}
	return strings.Join(lines, "\n")
}

// For returns the problems of one field.
func (ps Problems) For(field string) []Problem {
	var out []Problem
	for _, p := range ps {
		if p.Field == field {
			out = append(out, p)
		}
	}
	return out
}

// Has reports whether field has a problem with the given key.
func (ps Problems) Has(field, key string) bool {
	for _, p := range ps {
		if p.Field == field && p.Key == key {
			return true
		}
	}
	return false
}
