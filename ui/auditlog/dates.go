package auditlog

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/widget"
)

// dateInput is the line where the date range of the filter is typed: enter
// applies it, esc closes the line.
type dateInput struct {
	c     *common.Common
	field widget.TextField
	err   string
}

// dateResult says what the user did with the input.
type dateResult int

const (
	dateTyping dateResult = iota
	dateApplied
	dateCancelled
)

func newDateInput(c *common.Common, from, to model.Date) *dateInput {
	d := &dateInput{c: c, field: widget.NewTextField()}
	d.field.SetPlaceholder(c.T("audit.date_hint"))
	d.field.SetCharLimit(40)
	d.field.SetValue(rangeText(from, to))
	d.field.Focus()
	return d
}

// SetWidth fits the field to a screen w wide.
func (d *dateInput) SetWidth(w int) { d.field.SetWidth(max(10, min(30, w-20))) }

// Update handles a key; when the result is dateApplied, from and to are
// the range (0 for an open end).
func (d *dateInput) Update(msg tea.Msg) (res dateResult, from, to model.Date, cmd tea.Cmd) {
	if km, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(km, d.c.Keys.Back):
			return dateCancelled, 0, 0, nil
		case key.Matches(km, d.c.Keys.Open):
			from, to, ok := parseRange(d.field.Value())
			if !ok {
				d.err = d.c.T("audit.bad_date")
				return dateTyping, 0, 0, nil
			}
			return dateApplied, from, to, nil
		}
	}
	d.field, cmd = d.field.Update(msg)
	return dateTyping, 0, 0, cmd
}

// View is the prompt, the field and what is wrong with the range typed.
func (d *dateInput) View() string {
	s := d.c.T("audit.date_prompt") + " " + d.field.View()
	if d.err != "" {
		s += " " + d.c.Styles.Error.Render(d.err)
	}
	return s
}

// Cursor is the caret, on line y.
func (d *dateInput) Cursor(y int) *tea.Cursor {
	return tea.NewCursor(ansi.StringWidth(d.c.T("audit.date_prompt")+" ")+d.field.CursorColumn(), y)
}

// parseRange reads "2024-01-01..2024-06-30", "2024-01-01.." or a single
// day; either end may be empty. Each end is read as every date field reads
// (model.ReadDate), a month alone covering the whole month: "2024-5" is
// 2024-05-01..2024-05-31, "2024.1..2024.3" the first quarter.
func parseRange(s string) (from, to model.Date, ok bool) {
	s = strings.TrimSpace(model.Clean(s))
	if s == "" {
		return 0, 0, true
	}
	a, b, isRange := strings.Cut(s, "..")
	if !isRange {
		for _, sep := range []string{"～", "~", " - ", "至", "到"} {
			if a, b, isRange = strings.Cut(s, sep); isRange {
				break
			}
		}
	}
	// a month alone is its first day as a start, its last as an end
	parse := func(x string, end bool) (model.Date, bool) {
		x = strings.TrimSpace(x)
		if x == "" {
			return 0, true
		}
		d, monthOnly, err := model.ParseDateOrMonth(x)
		if monthOnly && end {
			d = d.Month().Last()
		}
		return d, err == nil
	}
	if !isRange {
		from, ok1 := parse(s, false)
		to, ok2 := parse(s, true)
		return from, to, ok1 && ok2 && from != 0
	}
	from, ok1 := parse(a, false)
	to, ok2 := parse(b, true)
	if !ok1 || !ok2 || (from != 0 && to != 0 && from > to) {
		return 0, 0, false
	}
	return from, to, true
}

func rangeText(from, to model.Date) string {
	if from == 0 && to == 0 {
		return ""
	}
	f, t := "", ""
	if from != 0 {
		f = from.String()
	}
	if to != 0 {
		t = to.String()
	}
	return f + ".." + t
}
