package common

import (
	"unionbook/model"
	"unionbook/storage"
)

// MonthlyText says what the member's dues are a month now: the wage base
// and its dues, a fixed amount, an exemption, or that the unit collects
// its own. The Dues tab and the member's detail both show it.
func MonthlyText(c *Common, info *storage.MemberDuesInfo) string {
	mo := c.Today().Month()
	mc := info.Calc
	amt, st := mc.Month(mo)
	own := mc.Exception(mo)
	switch {
	case st == model.OweExempt:
		return c.T("dues.line_exempt", own.Reason)
	case st == model.OweNone:
		if base := info.Member.BaseFor(mo); base > 0 {
			return c.T("dues.line_base_only", base.Display())
		}
		return c.T("dues.no_wage")
	case st == model.OweNoBase:
		return c.T("dues.no_wage")
	}
	line := ""
	switch {
	case own.Kind == model.MemberFixed:
		line = c.T("dues.line_fixed_own", amt.Display())
	case own.Kind != model.MemberWage && mc.UnitTerm(mo).Scheme == model.SchemeFixed:
		line = c.T("dues.line_fixed_unit", amt.Display())
	default:
		line = c.T("dues.wage_line", info.Member.BaseFor(mo).Display(), amt.Display())
	}
	if st == model.OweSelf {
		line += c.T("dues.line_self")
	} else if mc.Handling(mo) == model.HandlingKept {
		line += c.T("dues.line_kept")
	}
	return line
}

// OwesText says what a member owes up to the last month overdue (the
// current month is due, not in arrears): months, amount, the longest run
// and the months paid in part, or that nothing is owed (and, when so, the
// months whose amount is unknown for want of a wage base).
func OwesText(c *Common, o model.Overdue) string {
	if o.Count == 0 {
		if o.NoBase > 0 {
			return c.T("dues.owes_no_base", o.NoBase)
		}
		return c.T("dues.nothing_owed")
	}
	s := c.T("dues.owes", o.Count, o.Total.Display(), o.Longest)
	if o.Underpaid > 0 {
		s += c.T("dues.owes_underpaid", o.Underpaid)
	}
	return s
}
