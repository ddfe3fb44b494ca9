package dues

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// reminderForm records a reminder (催缴) to a member, or to a unit as a
// whole (member 0): when, how, and a note.
type reminderForm struct {
	formFrame
	unit, member uint64
	who          string
}

func newReminderForm(d *data, st *stack.Stack, unit, member uint64) *reminderForm {
	c := d.c
	f := form.New(c,
		form.TextField("date", true, c.T("hint.date")),
		form.ChoiceField("remind_how", true, choices(c, model.ReminderHows, model.ReminderHow.Key)),
		form.TextField("note", false, c.T("hint.remind_note")),
	)
	f.SetDefault("date", c.Today().String())
	r := &reminderForm{unit: unit, member: member, who: d.unitName(unit)}
	if member != 0 {
		if m, err := c.Store.Member(member); err == nil {
			r.who = m.Name
		}
	}
	r.open(d, st, f, c.T("dues.remind_title", r.who), fixed(c.T("dues.remind_hint")),
		func(f *form.Form) model.Problems { _, ps := r.read(f); return ps }, r.save)
	return r
}

func (r *reminderForm) read(f *form.Form) (model.Reminder, model.Problems) {
	x := model.Reminder{UnitID: r.unit, MemberID: r.member, Note: f.Value("note")}
	h, _ := f.Choice("remind_how")
	x.How = model.ReminderHow(h)
	d, err := model.ParseDate(f.Value("date"))
	if err != nil {
		return x, model.Problems{form.ProblemOf("date", err)}
	}
	x.Date = d
	return x, x.Validate(r.c.Today())
}

func (r *reminderForm) save() tea.Cmd {
	x, _ := r.read(r.form)
	if err := r.c.Store.AddReminder(r.c.OperatorName(), &x); err != nil {
		return r.form.SaveError(err, nil)
	}
	r.st.Pop()
	return tea.Batch(common.SetStatus(r.c.T("dues.remind_ok", r.who, x.Date.String()), false),
		common.Changed(model.EntityReminder, x.ID))
}

// reportForm records what a unit that collects its own dues reported for
// a month or a quarter: members who paid, the amount, and (if it said) what
// was due. It counts in the figures, never in this federation's cash.
type reportForm struct {
	formFrame
	unit uint64
}

func newReportForm(d *data, st *stack.Stack, unit uint64) *reportForm {
	c := d.c
	f := form.New(c,
		form.TextField("from", true, c.T("hint.month")),
		form.TextField("to", true, c.T("hint.month")),
		form.TextField("report_members", true, ""),
		form.TextField("report_paid", true, ""),
		form.TextField("report_due", false, c.T("hint.report_due")),
		form.TextField("date", true, c.T("hint.date")),
		form.TextField("note", false, ""),
	)
	// the last quarter that has ended
	q := c.Today().Month()
	q = q.Add(-((q.MonthOfYear() - 1) % 3)).Add(-3)
	f.SetDefault("from", q.String())
	f.SetDefault("to", q.Add(2).String())
	f.SetDefault("date", c.Today().String())
	r := &reportForm{unit: unit}
	r.open(d, st, f, c.T("dues.report_title", d.unitName(unit)), fixed(c.T("dues.report_hint")),
		func(f *form.Form) model.Problems { _, ps := r.read(f); return ps }, r.save)
	return r
}

func (r *reportForm) read(f *form.Form) (model.CollectionReport, model.Problems) {
	x := model.CollectionReport{UnitID: r.unit, Note: f.Value("note")}
	var ps model.Problems
	var err error
	if x.From, err = model.ParseMonth(f.Value("from")); err != nil {
		ps = append(ps, form.ProblemOf("from", err))
	}
	if x.To, err = model.ParseMonth(f.Value("to")); err != nil {
		ps = append(ps, form.ProblemOf("to", err))
	}
	if n, err := strconv.Atoi(strings.TrimSpace(model.Clean(f.Value("report_members")))); err != nil {
		ps = append(ps, model.Problem{Field: "report_members", Key: "problem.not_a_number"})
	} else {
		x.Members = n
	}
	if x.Paid, err = model.ParseMoney(f.Value("report_paid")); err != nil {
		ps = append(ps, form.ProblemOf("report_paid", err))
	}
	if strings.TrimSpace(f.Value("report_due")) != "" {
		if x.Due, err = model.ParseMoney(f.Value("report_due")); err != nil {
			ps = append(ps, form.ProblemOf("report_due", err))
		}
	}
	if x.Date, err = model.ParseDate(f.Value("date")); err != nil {
		ps = append(ps, form.ProblemOf("date", err))
	}
	if len(ps) > 0 {
		return x, ps
	}
	return x, x.Validate(r.c.Today())
}

func (r *reportForm) save() tea.Cmd {
	x, _ := r.read(r.form)
	if err := r.c.Store.AddCollectionReport(r.c.OperatorName(), &x); err != nil {
		return r.form.SaveError(err, nil)
	}
	r.st.Pop()
	return tea.Batch(common.SetStatus(r.c.T("dues.report_ok", r.unitName(r.unit), monthsText(x.From, x.To), x.Paid.Display()), false),
		common.Changed(model.EntityReport, x.ID))
}

// lineAmountForm changes what one member of a batch pays: less than the
// months owe leaves the rest owed, and the preview says how much.
type lineAmountForm struct {
	formFrame
	line storage.BatchLine
	set  func(model.Money)
}

func newLineAmountForm(d *data, st *stack.Stack, m model.Member, l storage.BatchLine, set func(model.Money)) *lineAmountForm {
	f := form.New(d.c, form.TextField("amount", true, ""))
	f.SetValue("amount", l.Amount.String())
	a := &lineAmountForm{line: l, set: set}
	a.open(d, st, f, d.c.T("dues.line_amount_title", m.Name, monthsOf(l.Months)), fixed(d.c.T("dues.line_amount_hint", l.Owing.Display())),
		func(f *form.Form) model.Problems { _, ps := a.read(f); return ps }, a.save)
	return a
}

func (a *lineAmountForm) read(f *form.Form) (model.Money, model.Problems) {
	amt, err := model.ParseMoney(f.Value("amount"))
	switch {
	case err != nil:
		return 0, model.Problems{form.ProblemOf("amount", err)}
	case amt < 0:
		return 0, model.Problems{{Field: "amount", Key: "money.negative"}}
	case amt > a.line.Owing:
		return 0, model.Problems{{Field: "amount", Key: "dues.more_than_owed", Args: []any{a.line.Owing.Display(),
			a.line.Months[0].String(), a.line.Months[len(a.line.Months)-1].String()}}}
	}
	return amt, nil
}

func (a *lineAmountForm) save() tea.Cmd {
	amt, _ := a.read(a.form)
	a.set(amt)
	a.st.Pop()
	return nil
}
