// Package picker is a searchable list for choosing one of many options (a
// unit among a hundred, an ethnicity among 56): type a name or its pinyin
// initials, move with the arrows, enter to choose, esc to go back. Screen
// is the picker as one level of a tab's stack.
package picker

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/search"
	"unionbook/ui/common"
	"unionbook/ui/widget"
)

// Result tells the parent what happened.
type Result int

const (
	Open Result = iota
	Chosen
	Cancelled
)

// Picker is the list with its search box.
type Picker struct {
	c        *common.Common
	title    string
	options  []widget.Option
	keys     []search.Key
	filtered []int
	input    widget.TextField
	table    widget.Table
	moves    key.Binding // the keys that move in the list; the others type
	width    int
	height   int
}

// New makes a picker over options with the current value selected.
func New(c *common.Common, title string, options []widget.Option, current uint64) *Picker {
	p := &Picker{c: c, title: title, options: options}
	p.keys = make([]search.Key, len(options))
	for i, o := range options {
		p.keys[i] = search.NewKey(o.Label, "", "", "")
	}
	p.moves = key.NewBinding(key.WithKeys("up", "down", "pgup", "pgdown"))
	p.input = widget.NewTextField()
	p.input.SetPlaceholder(c.T("picker.hint"))
	p.input.Focus()
	p.table = widget.NewTable([]widget.Column{{Title: title, Width: 20, Flex: 1}}, c.TableStyles())
	p.table.SetOrigin(0, 1) // under the title line
	p.table.SetEmptyText(c.T("picker.none"))
	p.filter()
	for i, idx := range p.filtered {
		if options[idx].Value == current {
			p.table.SetCursor(i)
		}
	}
	return p
}

func (p *Picker) filter() {
	q := search.Compile(p.input.Value())
	p.filtered = p.filtered[:0]
	for i := range p.options {
		if q.Empty() || p.keys[i].Match(q) {
			p.filtered = append(p.filtered, i)
		}
	}
	p.table.SetRows(len(p.filtered), func(row, col int) string { return p.options[p.filtered[row]].Label })
	p.table.SetCursor(0)
}

// SetSize sets the picker's area.
func (p *Picker) SetSize(w, h int) {
	p.width, p.height = w, h
	p.input.SetWidth(max(10, w-ansi.StringWidth(p.title)-4))
	p.table.SetSize(w, max(3, h-2))
}

// OpeningKey is the key typed on a form's Pick field that opened the
// picker, handed to the picker once it is in front: what was typed is its
// search. Keys typed after it may have reached the picker first (typed
// quickly, or an input method's word arriving a character a key), so its
// text goes before theirs. A key message: only the screen in front gets it.
type OpeningKey struct{ tea.KeyPressMsg }

// Update handles a message; when the result is Chosen, value is the choice.
func (p *Picker) Update(msg tea.Msg) (Result, uint64, tea.Cmd) {
	if opening, ok := msg.(OpeningKey); ok {
		after, at := p.input.Value(), p.input.Position()
		p.input.SetValue(opening.Text)
		at += p.input.Position()
		p.input.SetValue(opening.Text + after)
		p.input.SetPosition(at)
		p.filter()
		return Open, 0, nil
	}
	if km, ok := msg.(tea.KeyPressMsg); ok {
		k := p.c.Keys
		switch {
		case key.Matches(km, k.Back):
			return Cancelled, 0, nil
		case key.Matches(km, k.Open):
			if len(p.filtered) == 0 {
				return Open, 0, nil
			}
			return Chosen, p.options[p.filtered[p.table.Cursor()]].Value, nil
		case key.Matches(km, p.moves):
			var cmd tea.Cmd
			p.table, cmd = p.table.Update(msg)
			return Open, 0, cmd
		}
	}
	if rc, ok := msg.(widget.RowClickedMsg); ok && p.table.Owns(rc) && rc.Again && len(p.filtered) > 0 {
		return Chosen, p.options[p.filtered[p.table.Cursor()]].Value, nil
	}
	if _, ok := msg.(tea.MouseMsg); ok {
		var cmd tea.Cmd
		p.table, cmd = p.table.Update(msg)
		return Open, 0, cmd
	}
	before := p.input.Value()
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	if p.input.Value() != before {
		p.filter()
	}
	return Open, 0, cmd
}

// View draws the title with the search box, then the list.
func (p *Picker) View() string {
	head := p.c.Styles.Title.Render(p.title) + "  " + p.c.Styles.InputFocus.Render(p.input.View())
	return head + "\n" + p.table.View()
}

// Cursor is the caret of the search box.
func (p *Picker) Cursor() *tea.Cursor {
	return tea.NewCursor(ansi.StringWidth(p.title)+2+p.input.CursorColumn(), 0)
}
