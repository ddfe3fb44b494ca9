package settings

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
)

// build writes the summary's lines: a title per section with the key that
// edits it, then what is set. View cuts them to the width.
func (s *summary) build(pr model.Profile, accounts int) []string {
	st := s.c.Styles
	labelKeys := []string{"field.union_name", "field.union_code", "field.higher_union", "field.operator", "field.min_living",
		"field.dues_rate", "field.trunc_unit", "field.owe_join_month", "field.batch_one_receipt", "field.arrears_months", "field.dues_since", "field.dues_rates"}
	labelW := 0
	for _, k := range labelKeys {
		labelW = max(labelW, ansi.StringWidth(s.c.T(k)))
	}
	lab := func(k string) string {
		l := s.c.T(k)
		return st.Label.Render(l + strings.Repeat(" ", labelW+2-ansi.StringWidth(l)))
	}
	yesNo := func(b bool) string {
		if b {
			return s.c.T("form.yes")
		}
		return s.c.T("form.no")
	}
	dash := func(v string) string {
		if v == "" {
			return "-"
		}
		return v
	}
	section := func(title, hint string) string {
		return st.Title.Render(s.c.T(title)) + "  " + st.Muted.Render(hint)
	}
	keyOf := func(b key.Binding) string { return b.Help().Key }
	editWith := func(b key.Binding) string { return s.c.T("settings.edit_with", keyOf(b)) }
	hr := pr.HardshipRules()
	limits := pr.DateLimits()
	since := s.c.T("settings.since_joining")
	if pr.DuesSince != 0 {
		since = pr.DuesSince.String()
	}
	minLiving := "-"
	if pr.MinLiving > 0 {
		minLiving = pr.MinLiving.Display()
	}
	now := pr.DuesRateIn(s.c.Today().Month())
	lines := []string{
		section("settings.profile_title", editWith(s.k.Profile)),
		lab("field.union_name") + dash(pr.UnionName),
		lab("field.union_code") + dash(pr.Code),
		lab("field.higher_union") + dash(pr.HigherUnion),
		lab("field.operator") + dash(pr.Operator),
		lab("field.min_living") + minLiving,
		"",
		section("settings.dues_title", editWith(s.k.Dues)),
		lab("field.dues_rate") + fmt.Sprintf("%s%%", model.Money(now.RateBP).String()),
		lab("field.trunc_unit") + truncOrDefault(now.TruncUnit).Display(),
	}
	// the rate's history, one period a line under its label
	for i, item := range rateChanges(s.c, pr) {
		label := strings.Repeat(" ", labelW+2)
		if i == 0 {
			label = lab("field.dues_rates")
		}
		lines = append(lines, label+st.Muted.Render(item))
	}
	lines = append(lines,
		lab("field.owe_join_month")+yesNo(pr.OweJoinMonth),
		lab("field.batch_one_receipt")+yesNo(pr.BatchOneReceipt),
		lab("field.arrears_months")+strconv.Itoa(arrearsMonths(pr)),
		lab("field.dues_since")+since,
		s.c.T("settings.pay_ahead_line", limits.PayAheadMonths),
		"",
		section("settings.hardship_title", editWith(s.k.Hardship)),
		s.c.T("settings.hardship_summary", hr.DeepPct, hr.RelativePct, hr.LivingDeepMonths, hr.LivingRelativeMonths),
		"",
		section("settings.org_title", editWith(s.k.Org)),
		s.c.T("settings.org_summary", pr.OrgRules().TermYears, pr.OrgRules().ElectionWarnDays),
		"",
		section("settings.cases_title", editWith(s.k.Cases)),
		s.c.T("settings.collective_line", pr.CaseRules().CollectiveMin)+"  "+st.Muted.Render(s.c.T("settings.hint_collective_min")),
		"",
		section("settings.chart_title", s.c.T("settings.chart_summary", accounts, len(pr.CustomAccounts))),
		"",
		section("settings.books_title", s.c.T("settings.books_keys", keyOf(s.k.Openings), keyOf(s.k.Books))),
		booksLine(s.c),
		s.c.T("settings.years_back_line", limits.YearsBack),
		"",
		section("settings.audit_title", s.c.T("settings.open_with", keyOf(s.k.Audit))),
		"",
		section("settings.backup_title", s.c.T("settings.backup_with", keyOf(s.k.Backup))),
	)
	if bs, err := storage.Backups(s.c.Store.Path()); err == nil && len(bs) > 0 {
		lines = append(lines, s.c.T("settings.backup_newest", len(bs), bs[0].Path))
	}
	if s.demo {
		lines = append(lines, "",
			section("settings.fresh_title", s.c.T("settings.fresh_with", keyOf(s.k.Fresh))),
			s.c.T("settings.fresh_line"))
	}
	return lines
}

// rateChanges lists the periods of the dues rate when it has changed:
// "起初 0.50%，取整 10.00 元", "2027-01 起 0.80%，取整 10.00 元".
func rateChanges(c *common.Common, pr model.Profile) []string {
	if len(pr.DuesRates) == 0 {
		return nil
	}
	items := []string{c.T("settings.rate_first_item", model.Money(pr.DuesRateBP).String(), truncUnit(pr).String())}
	for _, r := range pr.DuesRates {
		items = append(items, c.T("settings.rate_change_item", r.From.String(), model.Money(r.RateBP).String(), truncOrDefault(r.TruncUnit).String()))
	}
	return items
}
