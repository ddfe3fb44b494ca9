package dues

import (
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// payForm records a member's payment: the months it covers, the amount
// (following the months until the user types one), the method and the
// date. A warning says when the amount differs from what the wage base
// gives.
type payForm struct {
	formFrame
	m          model.Member
	lastMonths string // the months the amount was last computed for
}

// newPayForm covers the oldest unpaid months up to this month with the
// amount the wage base says.
func newPayForm(d *data, st *stack.Stack, m model.Member, paid map[model.Month]uint64) *payForm {
	c := d.c
	today := c.Today()
	unpaid, _, _ := model.Unpaid(&m, d.rules, paid, today.Month())
	from, to := today.Month(), today.Month()
	if len(unpaid) > 0 {
		from, to = unpaid[0], unpaid[len(unpaid)-1]
	}
	f := form.New(c,
		form.TextField("from", true, c.T("hint.month")),
		form.TextField("to", true, c.T("hint.month")),
		form.TextField("amount", true, ""),
		form.ChoiceField("method", true, methodOptions(c)),
		form.TextField("date", true, c.T("hint.date")),
	)
	f.SetValue("from", from.String())
	f.SetValue("to", to.String())
	f.SetValue("amount", model.Expected(&m, d.rules, from, to).String())
	f.SetValue("date", today.String())
	p := &payForm{m: m}
	p.open(d, st, f, p.validate)
	return p
}

func (p *payForm) validate(f *form.Form) model.Problems {
	pay, ps := p.read(f)
	// follow the months with the amount until the user types one
	if months := f.Value("from") + f.Value("to"); months != p.lastMonths && len(ps.For("from"))+len(ps.For("to")) == 0 && !f.Touched("amount") {
		f.SetValue("amount", model.Expected(&p.m, p.rules, pay.From, pay.To).String())
		p.lastMonths = months
		_, ps = p.read(f)
	}
	return ps
}

func (p *payForm) read(f *form.Form) (model.DuesPayment, model.Problems) {
	var ps model.Problems
	pay := model.DuesPayment{MemberID: p.m.ID}
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

// warning says when the amount differs from what the wage base gives.
func (p *payForm) warning() string {
	pay, ps := p.read(p.form)
	if len(ps) > 0 {
		return ""
	}
	if exp := model.Expected(&p.m, p.rules, pay.From, pay.To); exp != pay.Amount {
		return p.c.T("dues.amount_differs", exp.Display())
	}
	return ""
}

func (p *payForm) Update(msg tea.Msg) tea.Cmd { return p.answer(msg, p.save) }

func (p *payForm) save() tea.Cmd {
	pay, _ := p.read(p.form)
	if err := p.c.Store.RecordPayment(p.c.OperatorName(), &pay); err != nil {
		return p.form.SaveError(err, nil)
	}
	p.st.Pop()
	return tea.Batch(common.SetStatus(p.c.T("dues.paid_ok", p.m.Name, pay.Amount.Display(), pay.ReceiptNo), false),
		common.Changed(model.EntityPayment, pay.ID))
}

func (p *payForm) View() string {
	out := p.view(p.c.T("dues.pay_title", p.m.Name, p.m.No), wageLine(p.data, p.m))
	if w := p.warning(); w != "" {
		out += "\n\n" + p.c.Styles.Warning.Render(ansi.Truncate(w, p.w, "~"))
	}
	return out
}
