package settings

import (
	"strconv"
	"strings"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// duesSection is the dues settings: the rate, the wage rounding, when dues
// start, when arrears are flagged and how long before its months a
// payment may be dated.
type duesSection struct{ prof model.Profile }

func newDuesForm(c *common.Common, st *stack.Stack) *form.Screen {
	prof, _, _ := c.Store.Profile()
	return newFormScreen(c, st, duesSection{prof})
}

func (duesSection) title() string { return "settings.dues_title" }

func (s duesSection) build(c *common.Common) *form.Form {
	f := form.New(c,
		form.TextField("dues_rate", true, "0.5"),
		form.TextField("trunc_unit", true, "10"),
		form.TextField("dues_rate_from", false, c.T("settings.hint_rate_from")),
		form.CheckField("owe_join_month"),
		form.CheckField("batch_one_receipt"),
		form.TextField("arrears_months", true, "6"),
		form.TextField("dues_since", false, c.T("hint.month")),
		form.TextField("pay_ahead_months", true, c.T("settings.hint_pay_ahead")),
	)
	latest := s.prof.LatestDuesRate()
	f.SetValue("dues_rate", model.Money(latest.RateBP).String())
	f.SetValue("trunc_unit", truncOrDefault(latest.TruncUnit).String())
	if latest.From != 0 {
		f.SetValue("dues_rate_from", latest.From.String())
	}
	f.SetChecked("owe_join_month", s.prof.OweJoinMonth)
	f.SetChecked("batch_one_receipt", s.prof.BatchOneReceipt)
	f.SetValue("arrears_months", strconv.Itoa(arrearsMonths(s.prof)))
	if s.prof.DuesSince != 0 {
		f.SetValue("dues_since", s.prof.DuesSince.String())
	}
	f.SetValue("pay_ahead_months", strconv.Itoa(s.prof.DateLimits().PayAheadMonths))
	return f
}

// read reads the dues settings. The rate is typed in percent with up to
// two decimals ("0.5" or "0.5%"), which is basis points.
func (s duesSection) read(f *form.Form) (model.Profile, model.Problems) {
	pr := s.prof
	var ps model.Problems
	rate, err := model.ParseMoney(strings.TrimSuffix(strings.TrimSpace(f.Value("dues_rate")), "%"))
	switch {
	case err != nil:
		ps = append(ps, form.ProblemOf("dues_rate", err))
	case rate < 0 || rate > 1000:
		ps = append(ps, model.Problem{Field: "dues_rate", Key: "profile.dues_rate"})
	}
	unit, err := model.ParseMoney(f.Value("trunc_unit"))
	if err != nil {
		ps = append(ps, form.ProblemOf("trunc_unit", err))
	} else if unit < 0 {
		ps = append(ps, model.Problem{Field: "trunc_unit", Key: "problem.negative"})
	}
	var from model.Month
	if v := strings.TrimSpace(f.Value("dues_rate_from")); v != "" {
		if from, err = model.ParseMonth(v); err != nil {
			ps = append(ps, form.ProblemOf("dues_rate_from", err))
		}
	}
	setRate(&pr, model.DuesRate{From: from, RateBP: int(rate), TruncUnit: unit})
	pr.OweJoinMonth = f.Checked("owe_join_month")
	pr.BatchOneReceipt = f.Checked("batch_one_receipt")
	n, err := strconv.Atoi(model.Clean(f.Value("arrears_months")))
	if err != nil || n < 1 || n > 60 {
		ps = append(ps, model.Problem{Field: "arrears_months", Key: "settings.arrears_range"})
	}
	pr.ArrearsMonths = n
	pr.DuesSince = 0
	if v := strings.TrimSpace(f.Value("dues_since")); v != "" {
		m, err := model.ParseMonth(v)
		if err != nil {
			ps = append(ps, form.ProblemOf("dues_since", err))
		}
		pr.DuesSince = m
	}
	pr.PayAheadMonths = readCount(f, "pay_ahead_months", pr.PayAheadMonths, model.DefaultPayAheadMonths, &ps)
	return pr, withProfileProblems(&pr, ps)
}

// arrearsMonths and truncUnit show what an unset setting means.
func arrearsMonths(p model.Profile) int {
	if p.ArrearsMonths <= 0 {
		return 6
	}
	return p.ArrearsMonths
}

func truncUnit(p model.Profile) model.Money { return truncOrDefault(p.DuesTruncUnit) }

func truncOrDefault(m model.Money) model.Money {
	if m == 0 {
		return model.Yuan(10)
	}
	return m
}

// setRate applies what the form says of the rate: it shows the rate set
// last, from its month. Without a month the rate is for every month (the
// changes are dropped); the same rate from another month moves that
// change; another rate from a month is a change from then on. The store
// refuses any of these that would alter what a paid month owed.
func setRate(p *model.Profile, r model.DuesRate) {
	latest := p.LatestDuesRate()
	same := r.RateBP == latest.RateBP && truncOrDefault(r.TruncUnit) == truncOrDefault(latest.TruncUnit)
	switch {
	case same && r.From == latest.From:
	case r.From == 0:
		p.DuesRates = nil
		p.SetDuesRate(r)
	case same:
		p.DropDuesRate(latest.From)
		p.SetDuesRate(r)
	default:
		p.SetDuesRate(r)
	}
}

// intro says that a new rate starts from a month, as a wage base does.
func (duesSection) intro(c *common.Common) string { return c.T("settings.rate_from_note") }
