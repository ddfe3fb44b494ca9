package cases

import (
	"strconv"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
)

// casesInPackage is the Overview's result on a database loaded from a
// district package (its union and period), which holds no cases.
type casesInPackage string

// OverviewSection is the Overview's line on cases: this year's cases,
// workers, collective disputes, the share resolved by mediation, and the
// cases still open.
func OverviewSection() common.OverviewSection {
	return common.OverviewSection{
		Compute: func(s *storage.Store, today model.Date) (any, error) {
			if from, err := s.FromPackage(); err != nil || from != "" {
				return casesInPackage(from), err
			}
			return s.CaseFigures(model.NewDate(today.Year(), 1, 1), today)
		},
		Render: func(c *common.Common, result any) []common.Cards {
			if from, ok := result.(casesInPackage); ok {
				// a package's cases are figures only: 0 would be false
				return []common.Cards{{c.Styles.Label.Render(c.T("cases.ov_in_package", string(from)))}}
			}
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
			return []common.Cards{{
				card(c.T("cases.ov_cases", f.To.Year()), strconv.Itoa(f.Cases)),
				card(c.T("cases.ov_workers"), strconv.Itoa(f.Workers)),
				card(c.T("cases.ov_collective", f.CollectiveMin), strconv.Itoa(f.Collective)),
				card(c.T("cases.ov_mediated"), mediatedRate(&f)),
				card(c.T("cases.ov_open"), strconv.Itoa(f.Open)),
			}}
		},
	}
}
