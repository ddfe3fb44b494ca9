package dues

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/form"
)

// formHeaderLines is the title and the line under it above every form.
const formHeaderLines = 3

func methodOptions(c *common.Common) []form.Option {
	opts := make([]form.Option, len(model.PayMethods))
	for i, m := range model.PayMethods {
		opts[i] = form.Option{Label: c.T(m.Key()), Value: uint64(m)}
	}
	return opts
}

func (p *Page) showForm(f *form.Form, m mode) tea.Cmd {
	f.MarkClean()
	f.Revalidate()
	p.form = f
	p.form.SetSize(p.width, p.height-formHeaderLines-1)
	p.mode = m
	return nil
}

func (p *Page) closeForm(to mode) {
	p.form = nil
	p.mode = to
}

// --- payment ---

// openPayForm prepares a payment for the member shown, covering the oldest
// unpaid months up to this month with the amount the wage base says.
func (p *Page) openPayForm() tea.Cmd {
	m := p.member
	if !m.Status.InUnion() {
		return common.SetStatus(p.c.T("dues.not_in_union", m.Name, p.c.T(m.Status.Key())), true)
	}
	today := p.c.Today()
	unpaid, _, _ := model.Unpaid(&m, p.rules, p.paid, today.Month())
	from, to := today.Month(), today.Month()
	if len(unpaid) > 0 {
		from, to = unpaid[0], unpaid[len(unpaid)-1]
	}
	f := form.New(p.c,
		form.TextField("from", true, p.c.T("hint.month")),
		form.TextField("to", true, p.c.T("hint.month")),
		form.TextField("amount", true, ""),
		form.ChoiceField("method", true, methodOptions(p.c)),
		form.TextField("date", true, p.c.T("hint.date")),
	)
	f.SetValue("from", from.String())
	f.SetValue("to", to.String())
	f.SetValue("amount", model.Expected(&m, p.rules, from, to).String())
	f.SetValue("date", today.String())
	lastMonths := ""
	f.Validate = func(f *form.Form) model.Problems {
		pay, ps := p.paymentFromForm(f)
		// follow the months with the amount until the user types one
		if months := f.Value("from") + f.Value("to"); months != lastMonths && len(ps.For("from"))+len(ps.For("to")) == 0 && !f.Touched("amount") {
			f.SetValue("amount", model.Expected(&p.member, p.rules, pay.From, pay.To).String())
			lastMonths = months
			pay, ps = p.paymentFromForm(f)
		}
		return ps
	}
	return p.showForm(f, modePayForm)
}

func (p *Page) paymentFromForm(f *form.Form) (model.DuesPayment, model.Problems) {
	var ps model.Problems
	pay := model.DuesPayment{MemberID: p.member.ID}
	var err error
	if pay.From, err = model.ParseMonth(f.Value("from")); err != nil {
		ps = append(ps, form.ProblemOf("from", err))
	}
	if pay.To, err = model.ParseMonth(f.Value("to")); err != nil {
		ps = append(ps, form.ProblemOf("to", err))
	}
	if len(ps) == 0 && pay.To < pay.From {
		ps = append(ps, model.Problem{Field: "to", Key: "dues.to_before_from"})
	}
	if pay.Amount, err = model.ParseMoney(f.Value("amount")); err != nil {
		ps = append(ps, form.ProblemOf("amount", err))
	} else if err := pay.Amount.Positive(); err != nil {
		ps = append(ps, form.ProblemOf("amount", err))
	}
	mth, _ := f.Choice("method")
	pay.Method = model.PayMethod(mth)
	if pay.Date, err = model.ParseDate(f.Value("date")); err != nil {
		ps = append(ps, form.ProblemOf("date", err))
	} else if pay.Date > p.c.Today() {
		ps = append(ps, model.Problem{Field: "date", Key: "problem.future"})
	}
	return pay, ps
}

// payWarning says when the amount differs from what the wage base gives.
func (p *Page) payWarning() string {
	pay, ps := p.paymentFromForm(p.form)
	if len(ps) > 0 {
		return ""
	}
	exp := model.Expected(&p.member, p.rules, pay.From, pay.To)
	if exp != pay.Amount {
		return p.c.T("dues.amount_differs", exp.Display())
	}
	return ""
}

// --- wage base ---

func (p *Page) openWageForm() tea.Cmd {
	f := form.New(p.c,
		form.TextField("wage_from", true, p.c.T("hint.month")),
		form.TextField("wage_base", true, p.c.T("hint.wage")),
	)
	f.SetValue("wage_from", p.c.Today().Month().String())
	if b := p.member.BaseFor(p.c.Today().Month()); b > 0 {
		f.SetValue("wage_base", b.String())
	}
	f.Validate = func(f *form.Form) model.Problems { _, ps := p.wageFromForm(f); return ps }
	return p.showForm(f, modeWageForm)
}

func (p *Page) wageFromForm(f *form.Form) (model.WageBase, model.Problems) {
	var ps model.Problems
	var wb model.WageBase
	var err error
	if wb.From, err = model.ParseMonth(f.Value("wage_from")); err != nil {
		ps = append(ps, form.ProblemOf("wage_from", err))
	}
	if wb.Base, err = model.ParseMoney(f.Value("wage_base")); err != nil {
		ps = append(ps, form.ProblemOf("wage_base", err))
	} else if wb.Base < 0 {
		ps = append(ps, model.Problem{Field: "wage_base", Key: "money.negative"})
	}
	return wb, ps
}

// --- reversal ---

func (p *Page) openReverseForm(pay model.DuesPayment) tea.Cmd {
	p.reverseOf = pay
	f := form.New(p.c,
		form.TextField("date", true, p.c.T("hint.date")),
		form.TextField("reason", true, p.c.T("hint.reverse_reason")),
	)
	f.SetValue("date", p.c.Today().String())
	f.Validate = func(f *form.Form) model.Problems {
		var ps model.Problems
		if d, err := model.ParseDate(f.Value("date")); err != nil {
			ps = append(ps, form.ProblemOf("date", err))
		} else if d > p.c.Today() {
			ps = append(ps, model.Problem{Field: "date", Key: "problem.future"})
		}
		if strings.TrimSpace(f.Value("reason")) == "" {
			ps = append(ps, model.Problem{Field: "reason", Key: "problem.required"})
		}
		return ps
	}
	return p.showForm(f, modeReverseForm)
}

// --- batch ---

func (p *Page) openBatchForm() tea.Cmd {
	units, err := p.c.Store.Units()
	if err != nil {
		return common.SetStatus(p.c.Err(err), true)
	}
	opts := make([]form.Option, len(units))
	for i, u := range units {
		opts[i] = form.Option{Label: u.Name, Value: u.ID}
	}
	f := form.New(p.c,
		form.PickField("unit", true, opts),
		form.TextField("batch_month", true, p.c.T("hint.month")),
		form.ChoiceField("method", true, methodOptions(p.c)),
		form.TextField("date", true, p.c.T("hint.date")),
	)
	if p.mode == modeUnits && len(p.collection) > 0 {
		f.SetChoice("unit", p.collection[p.unitTable.Cursor()].UnitID)
	}
	f.SetValue("batch_month", p.c.Today().Month().String())
	f.SetChoice("method", uint64(model.PayPayroll))
	f.SetValue("date", p.c.Today().String())
	f.Validate = func(f *form.Form) model.Problems { _, ps := p.batchFromForm(f); return ps }
	p.back = p.mode
	return p.showForm(f, modeBatchForm)
}

func (p *Page) batchFromForm(f *form.Form) (storage.DuesBatch, model.Problems) {
	var ps model.Problems
	var b storage.DuesBatch
	var ok bool
	var err error
	if b.UnitID, ok = f.Choice("unit"); !ok {
		ps = append(ps, model.Problem{Field: "unit", Key: "problem.required"})
	}
	if b.Month, err = model.ParseMonth(f.Value("batch_month")); err != nil {
		ps = append(ps, form.ProblemOf("batch_month", err))
	}
	mth, _ := f.Choice("method")
	b.Method = model.PayMethod(mth)
	if b.Date, err = model.ParseDate(f.Value("date")); err != nil {
		ps = append(ps, form.ProblemOf("date", err))
	} else if b.Date > p.c.Today() {
		ps = append(ps, model.Problem{Field: "date", Key: "problem.future"})
	}
	b.OneReceipt = p.prof.BatchOneReceipt
	return b, ps
}

// updateForm handles the open form and saves it.
func (p *Page) updateForm(msg tea.Msg) tea.Cmd {
	act, cmd := p.form.Update(msg)
	return p.form.Answer(act, cmd, form.Answers{
		Cancel: func() {
			to := modeMember
			if p.mode == modeBatchForm {
				to = p.back
			}
			p.closeForm(to)
		},
		Pick: func(title string, opts []form.Option, cur uint64) { p.openPicker(pickFormField, title, opts, cur) },
		Save: p.save,
	})
}

func (p *Page) save() tea.Cmd {
	op := p.c.Operator
	switch p.mode {
	case modePayForm:
		pay, _ := p.paymentFromForm(p.form)
		if err := p.c.Store.RecordPayment(op, &pay); err != nil {
			return p.form.SaveError(err, nil)
		}
		p.closeForm(modeMember)
		p.loadMember(p.member.ID)
		return tea.Batch(common.SetStatus(p.c.T("dues.paid_ok", p.member.Name, pay.Amount.Display(), pay.ReceiptNo), false),
			common.Changed(model.EntityPayment, pay.ID))
	case modeWageForm:
		wb, _ := p.wageFromForm(p.form)
		m, err := p.c.Store.SetWageBase(op, p.member.ID, wb)
		if err != nil {
			return p.form.SaveError(err, nil)
		}
		p.member = m
		p.closeForm(modeMember)
		p.loadMember(m.ID)
		return tea.Batch(common.SetStatus(p.c.T("dues.wage_ok", m.Name, wb.Base.Display(), wb.From.String()), false),
			common.Changed(model.EntityMember, m.ID))
	case modeReverseForm:
		d, _ := model.ParseDate(p.form.Value("date"))
		rev, err := p.c.Store.ReversePayment(op, p.reverseOf.ID, d, p.form.Value("reason"))
		if err != nil {
			return p.form.SaveError(err, nil)
		}
		p.closeForm(modeMember)
		p.loadMember(p.member.ID)
		return tea.Batch(common.SetStatus(p.c.T("dues.reversed_ok", p.reverseOf.ReceiptNo), false), common.Changed(model.EntityPayment, rev.ID))
	case modeBatchForm:
		b, _ := p.batchFromForm(p.form)
		lines, err := p.c.Store.BatchPreview(b.UnitID, b.Month)
		if err != nil {
			return p.form.SaveError(err, nil)
		}
		b.Lines = lines
		p.batch = b
		p.batchOn = make([]bool, len(lines))
		p.batchNames = make(map[uint64]model.Member, len(lines))
		for i, l := range lines {
			p.batchOn[i] = true
			if m, err := p.c.Store.Member(l.MemberID); err == nil {
				p.batchNames[l.MemberID] = m
			}
		}
		p.form = nil
		p.mode = modeBatchPreview
		p.setBatchTable()
		return nil
	}
	return nil
}

func (p *Page) formView() string {
	st := p.c.Styles
	var title, sub string
	switch p.mode {
	case modePayForm:
		title = p.c.T("dues.pay_title", p.member.Name, p.member.No)
		if b := p.member.BaseFor(p.c.Today().Month()); b > 0 {
			sub = p.c.T("dues.wage_line", b.Display(), p.rules.Monthly(b).Display())
		} else {
			sub = p.c.T("dues.no_wage")
		}
	case modeWageForm:
		title = p.c.T("dues.wage_title", p.member.Name, p.member.No)
		sub = p.c.T("dues.wage_hint")
	case modeReverseForm:
		r := p.reverseOf
		title = p.c.T("dues.reverse_title", r.ReceiptNo)
		sub = p.c.T("dues.reverse_hint", r.Amount.Display(), r.From.String(), r.To.String())
	case modeBatchForm:
		title = p.c.T("dues.batch_title")
		sub = p.c.T("dues.batch_hint")
	}
	// one line each: the form is laid out below them
	fit := func(s string) string { return ansi.Truncate(s, p.width, "~") }
	out := st.Title.Render(fit(title)) + "\n" + st.Muted.Render(fit(sub)) + "\n\n" + p.form.View()
	if p.mode == modePayForm {
		if w := p.payWarning(); w != "" {
			out += "\n\n" + st.Warning.Render(fit(w))
		}
	}
	return out
}
