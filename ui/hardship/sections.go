package hardship

import (
	"fmt"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
)

// OverviewSection adds the hardship figures to the overview: active files
// by category, files lifted out this year and the lift-out rate (脱困率),
// aid this year by type, and overdue reviews.
func OverviewSection() common.OverviewSection {
	return common.OverviewSection{
		Compute: func(s *storage.Store, today model.Date) (any, error) { return s.HardshipStats(today) },
		Render: func(c *common.Common, result any) []common.Cards {
			st, ok := result.(model.HardshipStats)
			if !ok {
				return nil
			}
			return overviewLines(c, st)
		},
	}
}

func overviewLines(c *common.Common, h model.HardshipStats) []common.Cards {
	s := c.Styles
	card := func(label, value string) string { return s.Label.Render(label+" ") + s.Title.Render(value) }
	active := h.ActiveByCategory
	line1 := []string{
		card(c.T("hardship.ov_active"), fmt.Sprint(h.ByStatus.Active)),
		s.Muted.Render(c.T("hardship.ov_by_cat", active.Deep, active.Relative, active.Sudden)),
		card(c.T("hardship.ov_lifted", h.Year), fmt.Sprint(h.LiftedThisYear)),
		card(c.T("hardship.ov_rate"), liftRate(h)),
	}
	overdue := card(c.T("hardship.ov_overdue"), fmt.Sprint(h.OverdueReviews))
	if h.OverdueReviews > 0 {
		overdue = s.Label.Render(c.T("hardship.ov_overdue")+" ") + s.Warning.Render(fmt.Sprint(h.OverdueReviews))
	}
	line1 = append(line1, overdue, card(c.T("hardship.ov_aid", h.Year), h.Aid.Total.Display()))
	var byType common.Cards // a detail: the overview may leave it out on a small screen
	for _, t := range model.AidTypes {
		if a := h.Aid.ByType[t.Code()]; a.Cash+a.Goods != 0 || a.Count != 0 {
			byType = append(byType, s.Muted.Render(c.T(t.Key())+" "+(a.Cash+a.Goods).Display()))
		}
	}
	if len(byType) == 0 {
		return []common.Cards{line1}
	}
	return []common.Cards{line1, byType}
}

// MemberSection shows a member's hardship file on the member detail: the
// open (or latest) file's category, status, per-capita income and last
// review, and the member's aid this year. Sensitive fields are not shown.
func MemberSection() common.MemberSection {
	return func(c *common.Common, m *model.Member, width int) (string, []string) {
		files, err := c.Store.MemberHardshipFiles(m.ID)
		if err != nil {
			return c.T("hardship.member_title"), []string{c.Err(err)}
		}
		aid, err := c.Store.MemberAid(m.ID)
		if err != nil {
			return c.T("hardship.member_title"), []string{c.Err(err)}
		}
		if len(files) == 0 && len(aid) == 0 {
			return "", nil
		}
		var lines []string
		if len(files) > 0 {
			f := files[len(files)-1]
			lines = append(lines, c.T("hardship.member_file", f.ID, c.T(f.Category.Key()), c.T(f.Status.Key()),
				f.PerCapita().Display(), f.LastReviewed().String()))
			if len(files) > 1 {
				lines = append(lines, c.Styles.Muted.Render(c.T("hardship.member_earlier", len(files)-1)))
			}
		}
		year := c.Today().Year()
		for _, y := range model.AidTotalsByYear(aid) {
			if y.Year == year {
				lines = append(lines, c.T("hardship.member_aid", year, y.Count, (y.Cash+y.Goods).Display()))
			}
		}
		lines = append(lines, c.Styles.Muted.Render(c.T("hardship.member_hint")))
		return c.T("hardship.member_title"), lines
	}
}

// liftRate is the year's lift-out rate, "-" without a household to lift
// out, as the other rates over nothing read.
func liftRate(h model.HardshipStats) string {
	if h.ByStatus.Active+h.LiftedThisYear == 0 {
		return "-"
	}
	return fmt.Sprintf("%d.%02d%%", h.LiftRateBP/100, h.LiftRateBP%100)
}
