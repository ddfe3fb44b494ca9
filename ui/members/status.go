package members

import (
	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/picker"
	"unionbook/ui/stack"
)

// openStatusForm asks which status m moves to (a picker), then pushes the
// form of that change with the fields it needs, as the ACFTU member data
// items code them: the date; a coded reason and a note; the receiving
// union of a transfer; how a rejoining member came back (入会 or 转入, and
// from which union); an expulsion's ground and the day it was reported to
// the higher union; the day the card was taken back. After a save it
// calls saved. A member whose status cannot change (deceased) gets a
// status line instead.
func openStatusForm(c *common.Common, st *stack.Stack, b *book, m model.Member, saved func(model.Member) tea.Cmd) tea.Cmd {
	targets := statusTargets(m.Status)
	if len(targets) == 0 {
		return common.SetStatus(c.T("members.no_transition", c.T(m.Status.Key())), true)
	}
	opts := make([]form.Option, len(targets))
	for i, t := range targets {
		opts[i] = form.Option{Label: c.T(t.Key()), Value: uint64(t)}
	}
	title := c.T("members.status_title", m.Name, c.T(m.Status.Key()))
	return st.Push(picker.NewScreen(c, st, title, opts, 0, func(v uint64) tea.Cmd {
		return st.Push(statusForm(c, st, b, m, model.Status(v), saved)) // the picker has popped itself
	}))
}

// statusFields are the fields of a change to status to, after the date.
func statusFields(c *common.Common, to model.Status) []*form.Field {
	date := c.T("hint.date")
	var fs []*form.Field
	if codes := model.ReasonsFor(to); len(codes) > 0 {
		opts := make([]form.Option, len(codes))
		for i, r := range codes {
			opts[i] = form.Option{Label: c.T(r.Key()), Value: uint64(r)}
		}
		if to != model.StatusExpelled {
			fs = append(fs, form.ChoiceField("reason_code", true, opts))
		}
	}
	switch to {
	case model.StatusActive:
		fs = append(fs, form.ChoiceField("join_kind", true, joinOptions(c)), form.TextField("from_union", false, c.T("members.hint_from_union")))
	case model.StatusTransferred:
		fs = append(fs, form.TextField("to_union", true, c.T("hint.to_union")))
	case model.StatusExpelled:
		fs = append(fs, form.TextField("ground", true, c.T("members.hint_ground")), form.TextField("reported_on", true, date))
	}
	required := to == model.StatusDeceased || to == model.StatusActive
	fs = append(fs, form.TextField("reason", required, c.T("members.hint_note")))
	if to != model.StatusActive && to != model.StatusDeceased {
		fs = append(fs, form.TextField("card_returned", false, date))
	}
	return fs
}

// statusForm is the form of m's change to status to.
func statusForm(c *common.Common, st *stack.Stack, b *book, m model.Member, to model.Status, saved func(model.Member) tea.Cmd) *form.Screen {
	f := form.New(c, append([]*form.Field{form.TextField("change_date", true, c.T("hint.date"))}, statusFields(c, to)...)...)
	f.SetDefault("change_date", c.Today().String())
	f.MarkClean()
	read := func() (model.StatusChange, model.Problems) {
		r := form.Reader{F: f}
		ch := model.StatusChange{To: to, Date: r.Date("change_date"), Reason: f.Value("reason")}
		if f.Has("reason_code") {
			ch.ReasonCode = model.ChangeReason(r.Choice("reason_code"))
		}
		if f.Has("join_kind") {
			ch.Joined = model.JoinKind(r.Choice("join_kind"))
			ch.FromUnion = f.Value("from_union")
		}
		if f.Has("to_union") {
			ch.ToUnion = f.Value("to_union")
		}
		if f.Has("ground") {
			ch.Ground = f.Value("ground")
			ch.ReportedOn = r.Date("reported_on")
		}
		if f.Has("card_returned") {
			ch.CardReturned = r.Date("card_returned")
		}
		return ch, r.Merge(m.ValidateChange(ch, c.Today()))
	}
	f.Validate = func(*form.Form) model.Problems { _, ps := read(); return ps }
	f.Revalidate()
	save := func() tea.Cmd {
		ch, _ := read()
		changed, err := c.Store.ChangeStatus(c.OperatorName(), m.ID, ch)
		if err != nil {
			return f.SaveError(err, nil)
		}
		b.put(&changed)
		return tea.Batch(saved(changed), common.SetStatus(c.T("members.status_changed", changed.Name, changed.No), false),
			common.Changed(model.EntityMember, changed.ID))
	}
	title := c.T("members.status_to", m.Name, c.T(m.Status.Key()), c.T(to.Key()))
	return form.NewScreen(c, st, title, f, save)
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
