package form

import (
	"errors"
	"strings"

	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
)

// The helpers below are what every page does around a form's Submit and
// OpenPicker actions, so that all forms answer alike.

// PickRequest is what the picker for the focused Pick field (after
// OpenPicker) shows: the field's label as its title, its options and the
// current choice (0 for none).
func (f *Form) PickRequest() (title string, opts []Option, current uint64) {
	fl := f.fields[f.focus]
	current, _ = f.Choice(fl.Key)
	return f.c.T("field." + fl.Key), fl.Options, current
}

// PickEmpty is what the focused Pick field's picker says when there is
// nothing to choose ("" for the picker's own words).
func (f *Form) PickEmpty() string { return f.fields[f.focus].Empty }

// SubmitBlocked is the footer message for a Submit while problems remain
// ("2 things to fix"), with the focus moved to the first field with a
// problem, or nil when there are none and the form may be saved.
func (f *Form) SubmitBlocked() tea.Cmd {
	if n := len(f.problems); n > 0 {
		f.focusFirstProblem()
		return common.SetStatus(f.c.T("form.has_problems", n), true)
	}
	return nil
}

// SaveError shows the store's answer to a save and returns the footer
// message. The store's problems go next to the form's fields (rename maps
// the store's field names to the form's keys where they differ; nil when
// they are the same) and the footer spells them all out, on one line: the
// store has the last word, and its problems may name no field of the form
// or one scrolled out of sight. Any other error is the footer message.
func (f *Form) SaveError(err error, rename map[string]string) tea.Cmd {
	var ps model.Problems
	if !errors.As(err, &ps) {
		return common.SetStatus(f.c.Err(err), true)
	}
	mapped := make(model.Problems, 0, len(ps))
	texts := make([]string, 0, len(ps))
	for _, q := range ps {
		if k, ok := rename[q.Field]; ok {
			q.Field = k
		}
		if f.has(q.Field) {
			mapped = append(mapped, q)
		}
		if q.Field != "" && f.c.Lang.Has("field."+q.Field) {
			texts = append(texts, q.Localize(f.c.Lang))
		} else {
			texts = append(texts, q.Message(f.c.Lang))
		}
	}
	f.SetProblems(mapped)
	return common.SetStatus(strings.Join(texts, "; "), true)
}

// has reports whether the form has a field of that key.
func (f *Form) has(key string) bool {
	for _, fl := range f.fields {
		if fl.Key == key {
			return true
		}
	}
	return false
}
