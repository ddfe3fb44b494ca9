package units

import (
	"fmt"
	"strconv"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
)

// OverviewSection is the Overview's line on the organisation: this year's
// 建会率 and 入会率 as they stand today (the first row of the Units tab's
// figures, f) and the units whose 换届 is due (its list, r).
func OverviewSection() common.OverviewSection {
	return common.OverviewSection{
		Compute: func(s *storage.Store, today model.Date) (any, error) { return s.OrgGlance(today) },
		Render: func(c *common.Common, result any) []common.Cards {
			g, ok := result.(storage.OrgGlance)
			if !ok {
				return nil
			}
			st := c.Styles
			card := func(label, value string) string {
				return st.Label.Render(label+" ") + st.Title.Render(value)
			}
			r := g.Rates
			due := card(c.T("units.ov_elections_due"), strconv.Itoa(g.ElectionsDue))
			if g.ElectionsDue > 0 {
				due = st.Label.Render(c.T("units.ov_elections_due")+" ") + st.Warning.Render(strconv.Itoa(g.ElectionsDue))
			}
			// one group: the chart below gives way to every line added
			return []common.Cards{{
				card(c.T("units.ov_union_rate", r.Period), c.T("units.ov_rate", rate(r.UnionRateBP, r.EmployersOrganised+r.EmployersUnorganised),
					r.EmployersOrganised, r.EmployersOrganised+r.EmployersUnorganised)),
				card(c.T("units.ov_membership_rate"), c.T("units.ov_rate", rate(r.MembershipRateBP, r.Employees), r.Members, r.Employees)),
				due,
			}}
		},
	}
}

// rate shows basis points as a percentage with two decimals, as the
// figures screen does; over nothing (no employers, no employees) it is
// "-", as the Overview's dues rate with nothing due.
func rate(bp, over int) string {
	if over == 0 {
		return "-"
	}
	return fmt.Sprintf("%d.%02d%%", bp/100, bp%100)
}
