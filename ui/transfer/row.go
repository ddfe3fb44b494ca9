package transfer

import (
	"path/filepath"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/roster"
	"unionbook/ui/common"
	"unionbook/ui/widget"
)

// row shows one row of the file in full, opened from the preview: what the
// import will do with it (and the record it would update or skip), every
// problem (the preview has room for two lines of them) and each column
// with the field it is read as. Up and down scroll a long one.
type row struct {
	common.ScreenBase
	e      *env
	plan   *roster.Plan
	item   roster.Item
	offset int // the first line shown
	w, h   int
}

func newRow(e *env, plan *roster.Plan, item roster.Item) *row {
	return &row{e: e, plan: plan, item: item}
}

func (r *row) SetSize(w, h int) {
	r.w, r.h = w, h
	r.offset = min(r.offset, r.maxOffset())
}

func (r *row) maxOffset() int { return max(0, len(r.content())-r.h) }

func (r *row) Update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	g := r.e.c.Keys
	switch {
	case key.Matches(km, g.Up):
		r.offset = max(0, r.offset-1)
	case key.Matches(km, g.Down):
		r.offset = min(r.maxOffset(), r.offset+1)
	}
	return nil
}

func (r *row) View() string {
	lines := r.content()
	return screenOf(lines[min(r.offset, len(lines)):], r.w, r.h)
}

// content is every line of the row, w cells each.
func (r *row) content() []string {
	c, st, w, it := r.e.c, r.e.c.Styles, r.w, r.item
	fit := func(s string) string { return widget.Fit(s, w, false) }
	lines := []string{st.Title.Render(fit(c.T("importer.row_title", it.Row, filepath.Base(r.plan.Table.Path))))}
	if len(it.Issues) == 0 && len(it.Changes) == 0 {
		lines = append(lines, fit(action(c, r.plan, it)))
	}
	if s := r.existing(); s != "" {
		lines = append(lines, fit(s))
	}
	if m, ok := r.unitMatch(); ok {
		for _, l := range wrap(plain(c.T("importer.row_unit_match", m.Written, m.Unit, c.T(m.Why))), w) {
			lines = append(lines, st.Warning.Render(fit(l)))
		}
	}
	lines = append(lines, fit(""))
	if len(it.Issues) == 0 && len(it.Changes) > 0 {
		lines = append(lines, st.Label.Render(fit(c.T("importer.row_changes", len(it.Changes)))))
		for _, ch := range it.Changes {
			for _, l := range wrap(ch.Localize(c.Lang), w-2) {
				lines = append(lines, st.Warning.Render(fit("  "+l)))
			}
		}
		lines = append(lines, fit(""))
	}
	if len(it.Issues) > 0 {
		lines = append(lines, st.Label.Render(fit(c.T("importer.row_problems", len(it.Issues)))))
		for _, is := range it.Issues {
			for _, l := range wrap(is.Localize(c.Lang), w-2) {
				lines = append(lines, st.Error.Render(fit("  "+l)))
			}
		}
		lines = append(lines, fit(""))
	}
	lines = append(lines, st.Label.Render(fit(c.T("importer.row_cells"))))
	h, cells := r.plan.Header, r.plan.Table.Rows[it.Index]
	for col := range max(len(h.Fields), len(cells.Cells)) {
		var name string
		var f roster.Field
		if col < len(h.Fields) {
			name, f = h.Names[col], h.Fields[col]
		}
		v := model.Clean(cells.Cell(col))
		if name == "" && f == "" && v == "" {
			continue
		}
		target := "-"
		if f != "" {
			target = c.T("field." + string(f))
		}
		// the row's own screen shows the whole ID number, as a member's detail does
		lines = append(lines, fit("  "+widget.Fit(roster.ColumnName(col), 3, false)+widget.Fit(name, 14, false)+" "+
			widget.Fit(target, 12, false)+" "+v))
	}
	return lines
}

// unitMatch is the near unit name match the row's unit cell was taken by,
// if it was (and not refused).
func (r *row) unitMatch() (roster.UnitMatch, bool) {
	pl := r.plan
	if pl.Kind != roster.Members {
		return roster.UnitMatch{}, false
	}
	name := model.NormalizeUnitName(pl.Table.Rows[r.item.Index].Cell(pl.Header.Column(roster.FUnit)))
	for _, m := range pl.UnitMatches {
		if m.Written == name && !m.Refused && name != "" {
			return m, true
		}
	}
	return roster.UnitMatch{}, false
}

// existing names the record already in the database that the row is, or
// "" when there is none (or it cannot be read).
func (r *row) existing() string {
	id, st, c := r.item.Existing, r.e.c.Store, r.e.c
	if id == 0 || st == nil {
		return ""
	}
	if r.plan.Kind == roster.Units {
		if u, err := st.Unit(id); err == nil {
			return c.T("importer.row_existing_unit", u.Name)
		}
		return ""
	}
	if m, err := st.Member(id); err == nil {
		return c.T("importer.row_existing_member", m.Name, m.No)
	}
	return ""
}

// ShortHelp: scrolling only when the row is longer than the screen.
func (r *row) ShortHelp() []key.Binding {
	if r.maxOffset() > 0 {
		return []key.Binding{r.e.c.Keys.Up, r.e.c.Keys.Down}
	}
	return nil
}

func (r *row) FullHelp() [][]key.Binding {
	return [][]key.Binding{append(r.ShortHelp(), r.e.c.Keys.Back)}
}
