// Package listexport takes any list of the TUI out as it is shown: one key
// (keymap.Export, E) writes an .xlsx of exactly the rows and columns on
// screen, in their order and under their filter, laid out to print
// (workbook), into a folder she chooses (ui/filechooser) under a name made
// of the list's name and the date. ID numbers stay masked as on screen
// unless she asks for them in full; the audit log records every list
// written, and whether its ID numbers went out whole.
//
// A read-only session (an auditor's look at a backup or a package) may take
// lists out too, but it writes nothing into what it looks at, the audit log
// included: there the ID numbers always go out masked (nothing could record
// whole ones) and the status line says the export was not logged.
//
// A list takes part with one line in its key handling:
//
//	case key.Matches(msg, l.c.Keys.Export):
//		return listexport.Start(l.c, l.st, listexport.List{Name: ..., Table: l.table, ...})
//
// The rows are copied when she has chosen the file; the workbook is
// written in the background, a few thousand rows at a time, with a
// progress bar and esc to cancel.
package listexport

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"unionbook/ui/common"
	"unionbook/ui/filechooser"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// List is a list as the screen shows it.
type List struct {
	// Name is what the list is, in the user's words ("会员", "帮扶档案"):
	// the sheet's title, the start of the file name and the audit entry.
	Name string
	// Filter says how the list is narrowed, as the screen says it ("单位:
	// 宏达  状态: 在会  搜索: zs"); "" when it shows everything.
	Filter string
	// Table is the table on screen: its columns that show, in order, and
	// its rows in their order.
	Table widget.Table
	// Unmasked gives the whole ID number behind a cell the table shows
	// masked (ok false for any other cell); nil for a list that masks
	// nothing, which is then not asked about.
	Unmasked func(row, col int) (full string, ok bool)
}

// Files is the file system the chooser reads; tests replace it.
var Files filechooser.FS = filechooser.OS{}

// Start begins taking l out: for a list with ID numbers it first asks
// whether to write them masked or whole, then opens the file chooser on
// the Desktop with a name suggested.
func Start(c *common.Common, st *stack.Stack, l List) tea.Cmd {
	if l.Table.Len() == 0 {
		return common.SetStatus(c.T("listexport.nothing"), true)
	}
	if l.Unmasked != nil && !readOnly(c) {
		return st.Push(newIDChoice(c, st, func(full bool) tea.Cmd { return choose(c, st, l, full) }))
	}
	return choose(c, st, l, false)
}

// readOnly reports a session that may not write the audit log.
func readOnly(c *common.Common) bool {
	return c.ReadOnly || c.Store != nil && c.Store.ReadOnly()
}

// choose opens the file chooser; once she has chosen, the rows are copied
// and written.
func choose(c *common.Common, st *stack.Stack, l List, full bool) tea.Cmd {
	o := filechooser.Options{
		Title: c.T("listexport.choose_title", l.Name),
		Mode:  filechooser.Save,
		Exts:  []string{".xlsx"},
		Name:  FileName(l.Name, c.Today().String()),
		FS:    Files,
	}
	return st.Push(filechooser.New(c, st, o, func(path string) tea.Cmd {
		sn := snapshot(l, full)
		w := newWriting(c, st, sn, path)
		return st.Push(w)
	}))
}

// FileName is the name suggested for list name written on date:
// "会员-2026-11-21.xlsx", without the characters Windows refuses in a
// file name.
func FileName(name, date string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`\/:*?"<>|`, r) || r < 0x20 {
			return '-'
		}
		return r
	}, strings.TrimSpace(name))
	if name == "" {
		name = "list"
	}
	return name + "-" + date + ".xlsx"
}

// sheet is a list copied as it was shown when she chose the file.
type sheet struct {
	name, filter string
	cols         []widget.Column
	rows         [][]string
	full         bool
}

// snapshot copies the columns that show and every row's cells, whole ID
// numbers in place of masked ones when full.
func snapshot(l List, full bool) sheet {
	t := l.Table
	var cols []widget.Column
	var idx []int
	widths := t.ColumnWidths()
	for i, col := range t.Columns() {
		if i < len(widths) && widths[i] > 0 {
			cols = append(cols, col)
			idx = append(idx, i)
		}
	}
	rows := make([][]string, t.Len())
	for r := range rows {
		cells := make([]string, len(idx))
		for j, i := range idx {
			cells[j] = t.Cell(r, i)
			if full && l.Unmasked != nil {
				if whole, ok := l.Unmasked(r, i); ok {
					cells[j] = whole
				}
			}
		}
		rows[r] = cells
	}
	return sheet{name: l.Name, filter: l.Filter, cols: cols, rows: rows, full: full}
}
