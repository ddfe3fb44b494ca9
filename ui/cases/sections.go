package cases

import (
	"fmt"
	"strconv"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
)

// OverviewSection is the Overview's line on cases: this year's cases,
// workers, collective disputes, the share resolved by mediation, and the
// cases still open.
func OverviewSection() common.OverviewSection {
	return common.OverviewSection{
		Compute: func(s *storage.Store, today model.Date) (any, error) {
			return s.CaseFigures(model.NewDate(today.Year(), 1, 1), today)
		},
		Render: func(c *common.Common, result any) []common.Cards {
			f, ok := result.(model.CaseFigures)
			if !ok {
				return nil
			}
			st := c.Styles
			card := func(label, value string) string {
				return st.Label.Render(label+" ") + st.Title.Render(value)
			}
			// one group: the chart below gives way to every line added; the
			// rate as the overview's others are, to the hundredth
			bp := f.MediatedBP()
			return []common.Cards{{
				card(c.T("cases.ov_cases", f.To.Year()), strconv.Itoa(f.Cases)),
				card(c.T("cases.ov_workers"), strconv.Itoa(f.Workers)),
				card(c.T("cases.ov_collective", f.CollectiveMin), strconv.Itoa(f.Collective)),
				card(c.T("cases.ov_mediated"), fmt.Sprintf("%d.%02d%%", bp/100, bp%100)),
				card(c.T("cases.ov_open"), strconv.Itoa(f.Open)),
			}}
		},
	}
}
