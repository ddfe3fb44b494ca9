// Package reports is where the secretary finds the printable reports: the
// Import/Export tab's "reports" entry opens it. It lists every report of
// the report package's registry (report/registry.go) — the work-summary
// figures, the yearly survey, the books' journals, statement and vouchers
// — and takes one through:
//
//	list -> form (period, survey year or money account)
//	     -> checks (the survey's logic checks, shown before saving)
//	     -> file chooser (ui/filechooser) -> writing (progress; esc stops)
//
// and back to the list with where the file went. Nothing here writes to
// the database, so a read-only look (unionbook --read-only) writes reports
// as any session does.
package reports

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"unionbook/report"
	"unionbook/ui/common"
	"unionbook/ui/filechooser"
	"unionbook/ui/stack"
)

// Files is the file system the chooser reads; tests replace it.
var Files filechooser.FS = filechooser.OS{}

// env is what every screen of a visit shares.
type env struct {
	c    *common.Common
	st   *stack.Stack
	keys keys
	// depth is the stack's depth with the list on top: where a report
	// written returns to.
	depth int
	// write writes a report (report.WriteFile); tests hold it to see the
	// progress or to stop it.
	write func(name string, o report.Options, path string) error
	// now is the clock reports are written as of (fixed in tests).
	now func() time.Time
}

// Open pushes the list of reports on st.
func Open(c *common.Common, st *stack.Stack) tea.Cmd {
	store := c.Store
	e := &env{c: c, st: st, keys: newKeys(c), now: time.Now, write: func(name string, o report.Options, path string) error {
		return report.WriteFile(store, name, o, path)
	}}
	return openWith(e)
}

// openWith pushes the list for e (tests give their own write).
func openWith(e *env) tea.Cmd {
	cmd := e.st.Push(newList(e))
	e.depth = e.st.Depth()
	return cmd
}

// options are a report's options in the user's language, with the union's
// name for the file name.
func (e *env) options() report.Options {
	o := report.Options{Lang: e.c.Lang, Now: e.now()}
	if e.c.Store != nil {
		if p, _, err := e.c.Store.Profile(); err == nil {
			o.Union = p.UnionName
		}
	}
	return o
}
