package transfer

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/roster"
	"unionbook/ui/common"
	"unionbook/ui/widget"
)

// mapping changes which field each column of the file is read as, on the
// preview's mapping line; esc is done and the file is checked again with
// the new mapping.
type mapping struct {
	common.ScreenBase
	e       *env
	preview *preview
	header  roster.Header // the mapping being changed
	col     int           // the column selected
}

func newMapping(e *env, p *preview) *mapping {
	h := p.plan.Header
	h.Fields = slices.Clone(h.Fields)
	return &mapping{e: e, preview: p, header: h}
}

// HandlesBack: esc is done, which applies the mapping.
func (m *mapping) HandlesBack() bool { return true }

// SetSize: the preview underneath has the same size.
func (m *mapping) SetSize(w, h int) {}

func (m *mapping) Update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	k := m.e.keys
	switch {
	case key.Matches(km, k.mapDone):
		m.e.st.Pop()
		return m.preview.setHeader(m.header)
	case key.Matches(km, k.colLeft):
		m.col = max(0, m.col-1)
	case key.Matches(km, k.colRight):
		m.col = min(len(m.header.Fields)-1, m.col+1)
	case key.Matches(km, k.cycle):
		fields := append([]roster.Field{""}, roster.FieldsOf(m.preview.plan.Kind)...)
		i := slices.Index(fields, m.header.Fields[m.col])
		m.header.Set(m.col, fields[(i+1)%len(fields)])
	}
	return nil
}

func (m *mapping) View() string {
	p := m.preview
	return screenOf(p.lines(mappingLine(m.e.c, m.header, p.w, m.col), ""), p.w, p.h)
}

func (m *mapping) ShortHelp() []key.Binding {
	k := m.e.keys
	return []key.Binding{k.colLeft, k.colRight, k.cycle, k.mapDone}
}

func (m *mapping) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

// mappingLine shows each column's letter, header and field in w cells.
// With a selected column (sel >= 0) the line is being changed: it is
// highlighted and scrolls so that the column shows.
func mappingLine(c *common.Common, h roster.Header, w, sel int) string {
	if h.Index < 0 {
		return widget.Fit("", w, false)
	}
	editing := sel >= 0
	var parts []string
	shown := -1 // the selected column's part
	for col, f := range h.Fields {
		if h.Names[col] == "" && f == "" {
			continue
		}
		target := "-"
		if f != "" {
			target = c.T("field." + string(f))
		}
		part := roster.ColumnName(col) + " " + h.Names[col] + "->" + target
		if col == sel {
			shown = len(parts)
			part = "[" + part + "]"
		}
		parts = append(parts, part)
	}
	prefix := c.T("importer.mapping") + " "
	if editing {
		prefix = c.T("importer.mapping_edit") + " "
	}
	start := 0
	for shown > start && widget.Width(prefix+strings.Join(parts[start:shown+1], "  ")) > w {
		start++
	}
	line := widget.Fit(prefix+strings.Join(parts[start:], "  "), w, false)
	if editing {
		return c.Styles.Focused.Render(line)
	}
	return line
}
