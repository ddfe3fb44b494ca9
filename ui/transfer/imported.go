package transfer

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/roster"
	"unionbook/ui/common"
	"unionbook/ui/widget"
)

// imported is the result of an import: what was written, the rows left
// out and why, and the backup taken before; or why nothing was written.
// Enter chooses another file, esc goes back to the menu.
type imported struct {
	common.ScreenBase
	e    *env
	imp  *importState
	plan *roster.Plan
	res  roster.Result
	err  error
	w, h int
}

func newImported(e *env, imp *importState, plan *roster.Plan, res roster.Result, err error) *imported {
	return &imported{e: e, imp: imp, plan: plan, res: res, err: err}
}

// Init tells every tab that records came, so the roster (or the units)
// reloads; new units made for members count too.
func (r *imported) Init() tea.Cmd {
	if r.err != nil {
		return nil
	}
	if r.plan.Kind == roster.Units {
		return common.Changed(model.EntityUnit, 0)
	}
	if r.res.UnitsCreated > 0 {
		return tea.Batch(common.Changed(model.EntityUnit, 0), common.Changed(model.EntityMember, 0))
	}
	return common.Changed(model.EntityMember, 0)
}

func (r *imported) SetSize(w, h int) { r.w, r.h = w, h }

func (r *imported) Update(msg tea.Msg) tea.Cmd {
	if km, ok := msg.(tea.KeyPressMsg); ok && key.Matches(km, r.e.keys.again) {
		r.e.st.Pop()
		return chooseRoster(r.e, r.imp)
	}
	return nil
}

func (r *imported) View() string {
	c, st, w := r.e.c, r.e.c.Styles, r.w
	fit := func(s string) string { return widget.Fit(s, w, false) }
	lines := []string{st.Title.Render(fit(c.T("importer.title"))), fit("")}
	if r.err != nil {
		for _, l := range wrap(plain(c.Err(r.err)), w) {
			lines = append(lines, st.Error.Render(fit(l)))
		}
	} else {
		lines = append(lines, st.Success.Render(fit(c.T("import.outcome_wrote", r.res.Created, r.res.Updated, r.res.Unchanged, r.res.UnitsCreated))))
		s := r.plan.Stats
		if n := s.Problems + s.Skipped + r.plan.Ignored; n > 0 {
			lines = append(lines, fit(c.T("importer.skipped", n)))
		}
		for _, n := range []struct {
			key string
			n   int
		}{{"importer.left_out", s.Problems}, {"importer.dups_skipped", s.Skipped}} {
			if n.n > 0 {
				lines = append(lines, fit("  "+c.T(n.key, n.n)))
			}
		}
		if r.plan.Ignored > 0 {
			for _, l := range wrap(c.T("import.ignored_rows_why", r.plan.Ignored, r.plan.IgnoredText(c.Lang)), w-2) {
				lines = append(lines, fit("  "+l))
			}
		}
		if r.res.Backup != "" {
			lines = append(lines, st.Muted.Render(fit(c.T("import.backup_taken", r.res.Backup))))
		}
	}
	lines = append(lines, fit(""), st.Muted.Render(fit(c.T("importer.again_hint"))))
	return screenOf(lines, w, r.h)
}

func (r *imported) ShortHelp() []key.Binding { return []key.Binding{r.e.keys.again} }
func (r *imported) FullHelp() [][]key.Binding {
	return [][]key.Binding{{r.e.keys.again, r.e.c.Keys.Back}}
}
