package cases

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

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
		Render: func(c *common.Common, result any, width int) []string {
			f, ok := result.(model.CaseFigures)
			if !ok {
				return nil
			}
			st := c.Styles
			card := func(label, value string) string {
				return st.Label.Render(label+" ") + st.Title.Render(value)
			}
			// one line where it fits: the chart below gives way to every
			// line added; a narrow screen wraps between figures, never in one
			return fitCards(width, []string{
				card(c.T("cases.ov_cases", f.To.Year()), strconv.Itoa(f.Cases)),
				card(c.T("cases.ov_workers"), strconv.Itoa(f.Workers)),
				card(c.T("cases.ov_collective", f.CollectiveMin), strconv.Itoa(f.Collective)),
				card(c.T("cases.ov_mediated"), pct(f.MediatedBP())),
				card(c.T("cases.ov_open"), strconv.Itoa(f.Open)),
			})
		},
	}
}

// fitCards lays figures out three cells apart, two when that keeps them
// on one line of width cells, else on as many lines as they need.
func fitCards(width int, cards []string) []string {
	one := strings.Join(cards, "   ")
	if width <= 0 || ansi.StringWidth(one) <= width {
		return []string{one}
	}
	if two := strings.Join(cards, "  "); ansi.StringWidth(two) <= width {
		return []string{two}
	}
	var lines []string
	line := ""
	for _, cd := range cards {
		switch {
		case line == "":
			line = cd
		case ansi.StringWidth(line)+3+ansi.StringWidth(cd) <= width:
			line += "   " + cd
		default:
			lines = append(lines, line)
			line = cd
		}
	}
	return append(lines, line)
}
