package dues

import (
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// payForm records a member's payment: the first month, the amount, the
// last month, the method and the date. The months and the amount follow
// each other: changing the months proposes what they owe, typing an
// amount proposes the months it covers. A payment pays in full only the
// months it reaches in full; the rest of the last one stays owed (shown
// under the form), and more than the months owe is refused.
type payForm struct {
	formFrame
	info *storage.MemberDuesInfo
	// what validate last saw, to tell the user's changes from its own
	lastFrom, lastTo, lastAmount string
	amountTyped                  bool // the user typed the amount: it leads
}

// newPayForm covers the oldest owing months up to this month (or the
// next month owing, to pay in advance) with what they owe.
func newPayForm(d *data, st *stack.Stack, info *storage.MemberDuesInfo) *payForm {
	c := d.c
	today := c.Today()
	pv := info.Paid()
	from := model.FirstToPay(info.Calc, pv, today.Month())
	to := from
	for mo := from.Add(1); mo <= today.Month() && model.DuesMonth(info.Calc, pv, mo).Owing(); mo = mo.Add(1) {
		to = mo
	}
	f := form.New(c,
		form.TextField("from", true, c.T("hint.month")),
		form.TextField("amount", true, ""),
		form.TextField("to", true, c.T("hint.month")),
		form.ChoiceField("method", true, methodOptions(c)),
		form.TextField("date", true, c.T("hint.date")),
	)
	f.SetValue("from", from.String())
	f.SetValue("to", to.String())
	f.SetValue("amount", model.RestOf(info.Calc, pv, from, to).String())
	f.SetDefault("date", today.String())
	p := &payForm{info: info}
	p.remember(f)
	p.open(d, st, f, c.T("dues.pay_title", info.Member.Name, info.Member.No), func() string { return common.MonthlyText(c, p.info) }, p.validate, p.save)
	return p
}

func (p *payForm) remember(f *form.Form) {
	p.lastFrom, p.lastTo, p.lastAmount = f.Value("from"), f.Value("to"), f.Value("amount")
}

// validate makes the months and the amount follow each other, then checks
// the payment as the store will.
func (p *payForm) validate(f *form.Form) model.Problems {
	pv := p.info.Paid()
	from, errFrom := model.ParseMonth(f.Value("from"))
	switch {
	case f.Value("amount") != p.lastAmount:
		p.amountTyped = true
		if amt, err := model.ParseMoney(f.Value("amount")); err == nil && errFrom == nil {
			if to, ok := model.CoverMonths(p.info.Calc, pv, from, amt); ok {
				f.SetValue("to", to.String())
			}
		}
	case !p.amountTyped && (f.Value("from") != p.lastFrom || f.Value("to") != p.lastTo):
		to, errTo := model.ParseMonth(f.Value("to"))
		if errFrom == nil && errTo == nil && to >= from {
			f.SetValue("amount", model.RestOf(p.info.Calc, pv, from, to).String())
		}
	}
	p.remember(f)
	pay, ps := p.read(f)
	if len(ps) > 0 {
		return ps
	}
	_, _, ps = model.PlanPayment(&pay, p.info.Calc, pv, p.c.Today())
	return ps
}

func (p *payForm) read(f *form.Form) (model.DuesPayment, model.Problems) {
	var ps model.Problems
	pay := model.DuesPayment{MemberID: p.info.Member.ID}
	var err error
	if pay.From, err = model.ParseMonth(f.Value("from")); err != nil {
		ps = append(ps, form.ProblemOf("from", err))
	}
	if pay.To, err = model.ParseMonth(f.Value("to")); err != nil {
		ps = append(ps, form.ProblemOf("to", err))
	}
	if pay.Amount, err = model.ParseMoney(f.Value("amount")); err != nil {
		ps = append(ps, form.ProblemOf("amount", err))
	}
	mth, _ := f.Choice("method")
	pay.Method = model.PayMethod(mth)
	if pay.Date, err = model.ParseDate(f.Value("date")); err != nil {
		ps = append(ps, form.ProblemOf("date", err))
	}
	return pay, ps
}

// coverage says what the payment pays: the months paid in full and what
// the last one still owes after it.
func (p *payForm) coverage() (string, bool) {
	pay, ps := p.read(p.form)
	if len(ps) > 0 {
		return "", false
	}
	alloc, _, ps := model.PlanPayment(&pay, p.info.Calc, p.info.Paid(), p.c.Today())
	if len(ps) > 0 {
		return "", false
	}
	n := len(alloc)
	last := pay.To
	// a month without a wage base is paid in full by what is paid: it
	// owes nothing after (not a negative rest)
	rest := max(p.info.Month(last).Rest()-alloc[n-1], 0)
	full := model.Month(0)
	if rest == 0 {
		full = last
	} else if n > 1 {
		full = last.Add(-1)
	}
	switch {
	case rest == 0:
		return p.c.T("dues.covers_full", monthsText(pay.From, full), pay.Amount.Display()), false
	case full == 0:
		return p.c.T("dues.covers_short_only", last.String(), alloc[n-1].Display(), rest.Display()), true
	}
	return p.c.T("dues.covers_short", monthsText(pay.From, full), last.String(), rest.Display()), true
}

func (p *payForm) save() tea.Cmd {
	pay, _ := p.read(p.form)
	if err := p.c.Store.RecordPayment(p.c.OperatorName(), &pay); err != nil {
		return p.form.SaveError(err, nil)
	}
	p.st.Pop()
	m := p.info.Member
	text := p.c.T("dues.paid_ok", m.Name, pay.Amount.Display(), pay.ReceiptNo)
	if s := pay.Shortfall(); s > 0 {
		text += p.c.T("dues.paid_short", s.Display())
	}
	return tea.Batch(common.SetStatus(text, false), common.Changed(model.EntityPayment, pay.ID))
}

// View adds under the form what the amount covers and the rule.
func (p *payForm) View() string {
	out := p.Screen.View()
	if line, short := p.coverage(); line != "" {
		style := p.c.Styles.Success
		if short {
			style = p.c.Styles.Warning
		}
		out += "\n\n" + style.Render(ansi.Truncate(line, p.width(), "~"))
	}
	return out + "\n" + p.c.Styles.Muted.Render(ansi.Wrap(p.c.T("dues.pay_rule"), max(p.width(), 20), ""))
}
