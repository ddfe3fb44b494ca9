package widget

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// SearchList routes input as the lists did by hand: typing goes to the
// active search box (the cursor back on the first row, the rows filtered
// again), esc clears it, keys the box does not take are the screen's and
// then the table's, a click on a title sorts by the column shown there and
// a second click on the selected row opens it.
func TestSearchListRoutesInput(t *testing.T) {
	table := newTestTable(60, 8, 10)
	table.SetID("members")
	table.SetCursor(4)
	search := NewSearchBox("", SearchBoxStyles{})
	var filtered, opened int
	var keys []string
	sorted := -1
	l := SearchList{Table: &table, Search: &search,
		Filter: func() { filtered++ },
		Sort:   func(col int) { sorted = col },
		Open:   func() tea.Cmd { opened++; return nil },
		Key: func(k tea.KeyPressMsg) (tea.Cmd, bool) {
			keys = append(keys, k.String())
			return nil, k.String() == "n"
		},
	}
	press := func(k string, code rune) tea.Msg { return tea.KeyPressMsg{Text: k, Code: code} }

	l.Update(press("n", 'n'))
	l.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	if len(keys) != 2 || keys[0] != "n" || table.Cursor() != 5 {
		t.Errorf("keys %v reached the screen, cursor %d: n is the screen's, down the table's (5)", keys, table.Cursor())
	}
	search.Focus()
	if !l.Capturing() {
		t.Error("an active search box does not capture typing")
	}
	l.Update(press("张", '张'))
	if filtered != 1 || table.Cursor() != 0 || search.Value() != "张" || len(keys) != 2 {
		t.Errorf("typing: filtered %d times, cursor %d, search %q, keys %v", filtered, table.Cursor(), search.Value(), keys)
	}
	l.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	if filtered != 1 || search.Active() {
		t.Errorf("enter: filtered %d times, still active %v", filtered, search.Active())
	}
	search.Focus()
	l.Update(tea.KeyPressMsg{Code: tea.KeyEscape})
	if filtered != 2 || search.Value() != "" {
		t.Errorf("esc: filtered %d times, search %q", filtered, search.Value())
	}
	l.Update(HeaderClickedMsg{ID: "picker", Col: 1})
	l.Update(HeaderClickedMsg{ID: "members", Col: 2})
	if sorted != 2 {
		t.Errorf("a click on the third title sorted by %d", sorted)
	}
	l.Update(RowClickedMsg{ID: "members", Row: 3})
	l.Update(RowClickedMsg{ID: "picker", Row: 3, Again: true})
	if opened != 0 {
		t.Error("a first click, or another table's, opened the row")
	}
	l.Update(RowClickedMsg{ID: "members", Row: 3, Again: true})
	if opened != 1 {
		t.Error("a second click did not open the row")
	}
	if cmd := l.Update(tea.WindowSizeMsg{}); cmd != nil || filtered != 2 {
		t.Error("a message for no list did something")
	}
	// a click on a row reaches the table: it selects the row under it
	// (the titles on line 0, the rows from line 1)
	if cmd := l.Update(tea.MouseClickMsg{X: 2, Y: 3, Button: tea.MouseLeft}); cmd == nil || table.Cursor() != 2 {
		t.Errorf("a click on the third row: cursor %d", table.Cursor())
	}
}
