package cases

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/listexport"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// riskList lists the risk check visits, newest first, with the units whose
// risks are still open named above; o shows only the open risks.
type riskList struct {
	common.ScreenBase
	c        *common.Common
	k        keys
	st       *stack.Stack
	all      []model.RiskCheck // newest first
	names    names
	openOnly bool
	view     []int
	table    widget.Table
	w, h     int
	err      error
}

func newRiskList(c *common.Common, st *stack.Stack) *riskList {
	r := &riskList{c: c, k: newKeys(c), st: st, table: widget.NewTable(nil, c.TableStyles())}
	r.table.SetID("risks")
	r.table.SetOrigin(0, 2)
	r.table.SetEmptyText(c.T("cases.risks_empty"))
	r.table.SetRowStyle(func(row int) (lipgloss.Style, bool) {
		if row < len(r.view) && r.all[r.view[row]].OpenRisk() {
			return c.Styles.Warning, true
		}
		return lipgloss.Style{}, false
	})
	r.reload()
	return r
}

func (r *riskList) reload() {
	keep := r.selected()
	r.err = nil
	rs, err := r.c.Store.RiskChecks(0, 0)
	if err == nil {
		r.names, err = loadNames(r.c)
	}
	if err != nil {
		r.err = err
		return
	}
	slices.Reverse(rs)
	r.all = rs
	r.filter()
	for i, idx := range r.view {
		if r.all[idx].ID == keep {
			r.table.SetCursor(i)
		}
	}
}

func (r *riskList) selected() uint64 {
	if i := r.table.Cursor(); i >= 0 && i < len(r.view) {
		return r.all[r.view[i]].ID
	}
	return 0
}

func (r *riskList) filter() {
	r.view = r.view[:0]
	for i := range r.all {
		if !r.openOnly || r.all[i].OpenRisk() {
			r.view = append(r.view, i)
		}
	}
	t := r.c.T
	r.table.SetColumns([]widget.Column{
		{Title: t("field.rk_date"), Width: 10},
		{Title: t("field.rk_unit"), Width: 14, Flex: 2},
		{Title: t("field.rk_level"), Width: r.levelWidth()},
		{Title: t("cases.col_findings"), Width: 12, Flex: 3},
		{Title: t("cases.col_risk_state"), Width: 10},
	})
	r.table.SetRows(len(r.view), func(row, col int) string {
		rc := &r.all[r.view[row]]
		switch col {
		case 0:
			return rc.Date.String()
		case 1:
			return r.names.unit(rc.UnitID, rc.Employer)
		case 2:
			return r.c.T(rc.Level.Key())
		case 3:
			return oneLine(rc.Findings)
		}
		switch {
		case rc.Level == model.RiskNone:
			return ""
		case rc.Resolved != 0:
			return rc.Resolved.String()
		}
		return r.c.T("cases.risk_open")
	})
}

// levelWidth fits the level column's title and every level's name.
func (r *riskList) levelWidth() int {
	w := ansi.StringWidth(r.c.T("field.rk_level"))
	for _, l := range model.RiskLevels {
		w = max(w, ansi.StringWidth(r.c.T(l.Key())))
	}
	return w
}

// openUnits names the units with a risk still open, each once.
func (r *riskList) openUnits() []string {
	var out []string
	seen := map[string]bool{}
	for i := range r.all {
		rc := &r.all[i]
		if k := rc.UnitKey(); rc.OpenRisk() && !seen[k] {
			seen[k] = true
			out = append(out, r.names.unit(rc.UnitID, rc.Employer))
		}
	}
	return out
}

func (r *riskList) SetSize(w, h int) {
	r.w, r.h = w, h
	r.table.SetSize(w, max(2, h-3))
}

func (r *riskList) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.DataChangedMsg:
		if isOurs(msg.Entity) {
			r.reload()
		}
	case widget.RowClickedMsg:
		if msg.ID == "risks" && msg.Again {
			return r.edit()
		}
	case tea.MouseMsg:
		var cmd tea.Cmd
		r.table, cmd = r.table.Update(msg)
		return cmd
	case tea.KeyPressMsg:
		return r.key(msg)
	}
	return nil
}

func (r *riskList) edit() tea.Cmd {
	if i := r.table.Cursor(); i >= 0 && i < len(r.view) {
		rc := r.all[r.view[i]]
		return r.st.Push(newRiskForm(r.c, r.st, &rc))
	}
	return nil
}

func (r *riskList) key(msg tea.KeyPressMsg) tea.Cmd {
	g, k := r.c.Keys, r.k
	switch {
	case key.Matches(msg, g.New):
		return r.st.Push(newRiskForm(r.c, r.st, nil))
	case key.Matches(msg, g.Open):
		return r.edit()
	case key.Matches(msg, k.OpenOnly):
		r.openOnly = !r.openOnly
		r.filter()
	case key.Matches(msg, g.Export):
		filter := ""
		if r.openOnly {
			filter = r.c.T("cases.risks_open_only")
		}
		return listexport.Start(r.c, r.st, listexport.List{Name: r.c.T("cases.risks_title"), Filter: filter, Table: r.table})
	case key.Matches(msg, k.Delete):
		if id := r.selected(); id != 0 {
			return r.st.Ask(r.c.T("cases.risk_delete_confirm"), func() tea.Cmd {
				if err := r.c.Store.DeleteRiskCheck(r.c.OperatorName(), id); err != nil {
					return common.SetStatus(r.c.Err(err), true)
				}
				return tea.Batch(common.Changed(model.EntityRiskCheck, id), common.SetStatus(r.c.T("cases.risk_deleted"), false))
			})
		}
	default:
		var cmd tea.Cmd
		r.table, cmd = r.table.Update(msg)
		return cmd
	}
	return nil
}

func (r *riskList) View() string {
	st := r.c.Styles
	head := st.Title.Render(r.c.T("cases.risks_title"))
	if r.openOnly {
		head += "  " + st.Muted.Render(r.c.T("cases.risks_open_only"))
	}
	lines := []string{ansi.Truncate(head, r.w, "~")}
	if r.err != nil {
		return strings.Join(append(lines, st.Error.Render(r.c.Err(r.err))), "\n")
	}
	units := r.openUnits()
	open := st.Muted.Render(r.c.T("cases.open_units_none"))
	if len(units) > 0 {
		open = st.Warning.Render(r.c.T("cases.open_units", len(units))) + " " + strings.Join(units, r.c.T("cases.list_sep"))
	}
	lines = append(lines, ansi.Truncate(open, r.w, "~"), r.table.View(),
		st.Muted.Render(ansi.Truncate(r.c.T("cases.risks_count", len(r.view)), r.w, "~")))
	return strings.Join(lines, "\n")
}

func (r *riskList) ShortHelp() []key.Binding {
	g, k := r.c.Keys, r.k
	if len(r.view) == 0 {
		return []key.Binding{g.New, k.OpenOnly}
	}
	return []key.Binding{g.New, g.Open, k.OpenOnly, k.Delete, g.Export}
}

// FullHelp offers moving only when there is somewhere to move.
func (r *riskList) FullHelp() [][]key.Binding {
	g := r.c.Keys
	if len(r.view) < 2 {
		return [][]key.Binding{r.ShortHelp()}
	}
	return [][]key.Binding{{g.Up, g.Down, g.PageUp, g.PageDown}, r.ShortHelp()}
}
