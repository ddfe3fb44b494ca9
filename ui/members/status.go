package members

import (
	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// openStatusForm pushes the form that changes m's status (leaving,
// transfer, retained membership...) with its date and reason; after a
// save it calls saved. A member whose status cannot change (deceased)
// gets a status line instead.
func openStatusForm(c *common.Common, st *stack.Stack, b *book, m model.Member, saved func(model.Member) tea.Cmd) tea.Cmd {
	targets := statusTargets(m.Status)
	if len(targets) == 0 {
		return common.SetStatus(c.T("members.no_transition", c.T(m.Status.Key())), true)
	}
	opts := make([]form.Option, len(targets))
	for i, t := range targets {
		opts[i] = form.Option{Label: c.T(t.Key()), Value: uint64(t)}
	}
	f := form.New(c,
		form.ChoiceField("status", true, opts),
		form.TextField("change_date", true, c.T("hint.date")),
		form.TextField("reason", true, c.T("hint.reason")),
		form.TextField("to_union", false, c.T("hint.to_union")),
	)
	f.SetValue("change_date", c.Today().String())
	f.MarkClean()
	f.Validate = func(f *form.Form) model.Problems {
		ch, ps := changeFromForm(f)
		for _, q := range m.ValidateChange(ch, c.Today()) {
			if q.Field == "change_date" && len(ps.For("change_date")) > 0 {
				continue
			}
			ps = append(ps, q)
		}
		return ps
	}
	f.Revalidate()
	save := func() tea.Cmd {
		ch, _ := changeFromForm(f)
		changed, err := c.Store.ChangeStatus(c.OperatorName(), m.ID, ch)
		if err != nil {
			return f.SaveError(err, nil)
		}
		b.r.put(changed)
		return tea.Batch(saved(changed), common.SetStatus(c.T("members.status_changed", changed.Name, changed.No), false),
			common.Changed(model.EntityMember, changed.ID))
	}
	title := c.T("members.status_title", m.Name, c.T(m.Status.Key()))
	return st.Push(form.NewScreen(c, st, title, f, save))
}

func changeFromForm(f *form.Form) (model.StatusChange, model.Problems) {
	var c model.StatusChange
	var ps model.Problems
	to, _ := f.Choice("status")
	c.To = model.Status(to)
	if v := f.Value("change_date"); v != "" {
		if d, err := model.ReadDate(v); err == nil {
			c.Date = d
		} else {
			ps = append(ps, form.ProblemOf("change_date", err))
		}
	}
	c.Reason = f.Value("reason")
	c.ToUnion = f.Value("to_union")
	return c, ps
}

// statusTargets are the statuses a member may move to.
func statusTargets(s model.Status) []model.Status {
	var out []model.Status
	for _, t := range model.Statuses {
		if s.CanBecome(t) {
			out = append(out, t)
		}
	}
	return out
}
