// Package transfer is the Import/Export tab (导入导出, In/Out): member
// rosters and unit lists read in, the district package written out, and
// the list of past exports.
//
// The tab is a stack of screens (ui/stack), each its own type in its own
// file; esc goes back one level:
//
//	menu
//	  file chooser -> reading -> preview -> importing -> imported
//	                  reading -> unreadable
//	                             preview -> row | mapping | join date | unit names
//	                             preview -> file chooser (the problems report)
//	  export form -> export preview -> exporting -> exported
//	  export form -> folder chooser
//	  history
//
// Import: choose the file (ui/filechooser), read and check it in the
// background counting the rows (esc stops), see every row with its
// problems, change the options, the column mapping or the unit names taken
// as registered units, write the problems report, then write all valid
// rows in one transaction with a progress bar that esc cancels without
// writing anything. Export: choose the period, language, encryption and folder,
// see what the package will hold, write it with a progress bar that esc
// cancels without leaving a file, then see where it went and its SHA-256.
package transfer

import (
	"time"

	"unionbook/ui/common"
	"unionbook/ui/filechooser"
	"unionbook/ui/stack"
)

// Files is the file system the tab's file choosers show; tests of the app
// replace it (as listexport.Files).
var Files filechooser.FS = filechooser.OS{}

// Page is the Import/Export tab.
type Page struct {
	stack.Tab
	env *env
}

// env is what every screen of the tab shares; it never changes once the
// tab is built.
type env struct {
	c    *common.Common
	st   *stack.Stack
	keys keys
	// now is the export's clock (it names the file), fixed in tests.
	now func() time.Time
	// importStep, exportStep and readStep, when set, are called at each
	// progress step of an import, an export or the reading of a roster,
	// from its goroutine: tests hold the work there to see it running or
	// to cancel it at a known point.
	importStep func(done int)
	exportStep func(done int)
	readStep   func(rows int)
	// files is the file system the file choosers show; tests replace it.
	files filechooser.FS
}

// New makes the Import/Export tab, opening on its menu.
func New(c *common.Common) *Page {
	e := &env{c: c, keys: newKeys(c), now: time.Now, files: Files}
	tab := stack.NewTabFunc(c, c.T("importer.tab"), func(st *stack.Stack) common.Screen {
		e.st = st
		return newMenu(e)
	})
	return &Page{Tab: tab, env: e}
}

// operator is the name the audit log gives a write starting now (see
// common.Common.OperatorName), fallback when the profile names nobody.
func (e *env) operator(fallback string) string {
	if op := e.c.OperatorName(); op != "" {
		return op
	}
	return fallback
}

// popTo drops the screens above sc; all but the root when sc is not in the
// stack.
func popTo(st *stack.Stack, sc common.Screen) {
	for st.Depth() > 1 && st.Top() != sc {
		st.Pop()
	}
}
