package widget

import tea "charm.land/bubbletea/v2"

// SearchList is the list most tabs open on, as one component: a search
// box over a table, and the routing of input between them that each such
// list wrote for itself. The box takes every key while it is active; a
// changed search puts the cursor on the first row and filters again; a
// click on a column title sorts; a second click on the selected row opens
// it; other keys are the screen's first (Key), then the table's (moving).
// The screen keeps what is its own: its rows, columns, filters and keys,
// and the Table and SearchBox, which it draws where it likes.
type SearchList struct {
	Table  *Table
	Search *SearchBox
	// Filter filters the rows again (the search changed, or the order).
	Filter func()
	// Sort orders the rows by the shown column col whose title was
	// clicked (ColumnOrder.Click, then the rows again). nil: titles do
	// not sort.
	Sort func(col int)
	// Open opens the selected row (a second click on it).
	Open func() tea.Cmd
	// Key handles the screen's own keys; ok is false for the table's.
	Key func(tea.KeyPressMsg) (cmd tea.Cmd, ok bool)
}

// Capturing reports whether the search box takes typing (digits are then
// text, not tab keys).
func (l *SearchList) Capturing() bool { return l.Search.Active() }

// Update routes msg: to the search box while it is active, then the
// screen's keys, the clicks and the table's keys and wheel. Messages for no
// list (those broadcast to every screen) are left alone.
func (l *SearchList) Update(msg tea.Msg) tea.Cmd {
	switch ev, cmd := l.Search.Update(msg); ev {
	case SearchChanged:
		l.Table.SetCursor(0)
		l.Filter()
		return cmd
	case SearchCleared:
		l.Filter()
		return cmd
	case SearchHandled:
		return cmd
	}
	switch m := msg.(type) {
	case tea.KeyPressMsg:
		if l.Key != nil {
			if cmd, ok := l.Key(m); ok {
				return cmd
			}
		}
		return l.move(msg)
	case HeaderClickedMsg:
		if l.Table.Owns(m) && l.Sort != nil {
			l.Sort(m.Col)
		}
	case RowClickedMsg:
		if l.Table.Owns(m) && m.Again && l.Open != nil {
			return l.Open()
		}
	case tea.MouseMsg:
		return l.move(msg)
	}
	return nil
}

// move hands the table a key (up, down, pages, home, end) or the mouse.
func (l *SearchList) move(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	*l.Table, cmd = l.Table.Update(msg)
	return cmd
}
