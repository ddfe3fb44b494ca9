package events

import (
	"strconv"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
)

// OverviewSection is the Overview's block on events: this year's events,
// 人次 and cost, and the types with the most participation.
func OverviewSection() common.OverviewSection {
	return common.OverviewSection{
		Compute: func(s *storage.Store, today model.Date) (any, error) {
			f, err := s.EventFigures(model.NewDate(today.Year(), 1, 1), today)
			return f, err
		},
		Render: func(c *common.Common, result any) []common.Cards {
			f, ok := result.(model.EventFigures)
			if !ok {
				return nil
			}
			st := c.Styles
			year := f.To.Year()
			card := func(label, value string) string {
				return st.Label.Render(label+" ") + st.Title.Render(value)
			}
			out := []common.Cards{{
				card(c.T("events.ov_events", year), strconv.Itoa(f.Events)),
				card(c.T("events.ov_people"), strconv.Itoa(f.PersonTimes)),
				card(c.T("events.ov_cost"), f.Cost.Display()),
			}}
			if len(f.ByType) > 0 {
				var types common.Cards
				for _, g := range f.ByType {
					types = append(types, st.Muted.Render(c.T(g.Type.Key())+" "+c.T("events.ov_type", g.Events, g.PersonTimes)))
				}
				out = append(out, types)
			}
			return out
		},
	}
}

// memberSectionMax is how many events the member detail lists.
const memberSectionMax = 8

// MemberSection lists on a member's detail the events they took part in,
// newest first, from the member → events index.
func MemberSection() common.MemberSection {
	return func(c *common.Common, m *model.Member, width int) (string, []string) {
		es, err := c.Store.MemberEvents(m.ID)
		if err != nil {
			return c.T("events.member_title", 0), []string{c.Err(err)}
		}
		if len(es) == 0 {
			return c.T("events.member_title", 0), []string{c.Styles.Muted.Render(c.T("events.member_none"))}
		}
		title := c.T("events.member_title", len(es))
		var lines []string
		for i := len(es) - 1; i >= 0 && len(lines) < memberSectionMax; i-- {
			e := &es[i]
			lines = append(lines, e.Start.String()+"  "+e.Title+"  "+c.Styles.Muted.Render(c.T(e.Type.Key())))
		}
		if len(es) > memberSectionMax {
			lines = append(lines, c.Styles.Muted.Render(c.T("events.member_more", len(es)-memberSectionMax)))
		}
		return title, lines
	}
}
