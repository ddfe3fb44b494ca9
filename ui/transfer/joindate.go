package transfer

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/widget"
)

// joinDateLine is the preview's line that holds the join date input.
const joinDateLine = 3

// joinDate asks, on the preview's options line, for the join date of the
// rows without one (empty for none); enter checks the file again with it,
// esc leaves the date as it was.
type joinDate struct {
	common.ScreenBase
	e       *env
	preview *preview
	input   widget.TextField
	err     string // what is wrong with the date typed
}

func newJoinDate(e *env, p *preview) *joinDate {
	j := &joinDate{e: e, preview: p, input: widget.NewTextField()}
	j.input.SetPlaceholder("2023-05-01")
	j.input.SetWidth(12)
	if p.joinDate != 0 {
		j.input.SetValue(p.joinDate.String())
		j.input.SetPosition(len([]rune(j.input.Value())))
	}
	j.input.Focus()
	return j
}

// SetSize: the preview underneath has the same size.
func (j *joinDate) SetSize(w, h int) {}
func (j *joinDate) Capturing() bool  { return true }

func (j *joinDate) Cursor() *tea.Cursor {
	return tea.NewCursor(widget.Width(j.e.c.T("importer.join_date_prompt"))+1+j.input.CursorColumn(), joinDateLine)
}

func (j *joinDate) Update(msg tea.Msg) tea.Cmd {
	if km, ok := msg.(tea.KeyPressMsg); ok {
		if key.Matches(km, j.e.keys.setDate) {
			return j.set()
		}
		j.err = ""
	}
	var cmd tea.Cmd
	j.input, cmd = j.input.Update(msg)
	return cmd
}

// set takes the date typed, if it is a date and not after today.
func (j *joinDate) set() tea.Cmd {
	c := j.e.c
	var d model.Date
	if v := strings.TrimSpace(j.input.Value()); v != "" {
		var err error
		if d, err = model.ParseDate(v); err != nil {
			j.err = c.Err(err)
			return nil
		}
		if d > c.Today() {
			j.err = c.T("import.join_date_future", d.String())
			return nil
		}
	}
	j.e.st.Pop()
	return j.preview.setJoinDate(d)
}

func (j *joinDate) View() string {
	p := j.preview
	return screenOf(p.lines("", j.line(p.w)), p.w, p.h)
}

// line is the input and what is wrong with the date typed, in w cells.
func (j *joinDate) line(w int) string {
	st := j.e.c.Styles
	label := j.e.c.T("importer.join_date_prompt") + " "
	line := st.Label.Render(label) + j.input.View()
	used := widget.Width(label) + j.input.Width()
	if j.err != "" && used+2 < w {
		msg := widget.Fit(j.err, w-used-2, false)
		line += "  " + st.Error.Render(msg)
		used += 2 + widget.Width(msg)
	}
	return line + strings.Repeat(" ", max(0, w-used))
}

func (j *joinDate) ShortHelp() []key.Binding { return []key.Binding{j.e.keys.setDate} }
func (j *joinDate) FullHelp() [][]key.Binding {
	return [][]key.Binding{{j.e.keys.setDate, j.e.c.Keys.Back}}
}
