package export

import (
	"strings"

	"unionbook/model"
)

// 活动及参与情况: the events starting in the period, their participation
// (人次 = members plus other headcount) by type, and who took part.

func init() {
	RegisterReport(Report{Name: "events", Order: 40, Title: "export.r_events", Write: writeEvents})
}

func writeEvents(rc *ReportContext, b *Book) ([]Figure, error) {
	es, err := rc.Store.Events(rc.Period.First(), rc.Period.Last())
	if err != nil {
		return nil, err
	}
	byID := make(map[uint64]*model.Member, len(rc.Members))
	for i := range rc.Members {
		byID[rc.Members[i].ID] = &rc.Members[i]
	}
	unitOf := func(id uint64) uint64 {
		if m := byID[id]; m != nil {
			return m.UnitID
		}
		return 0
	}
	fig := model.SumEvents(es, rc.Period.First(), rc.Period.Last(), unitOf)
	t, err := b.Table(rc.T("export.s_events"), rc.T("export.r_events"), []Column{
		{rc.T("export.c_seq"), 6, KInt},
		{rc.T("export.c_start"), 11, KText},
		{rc.T("export.c_end"), 11, KText},
		{rc.T("export.c_title"), 28, KText},
		{rc.T("export.c_event_type"), 14, KText},
		{rc.T("export.c_place"), 16, KText},
		{rc.T("export.c_organiser"), 24, KText},
		{rc.T("export.c_event_members"), 10, KInt},
		{rc.T("export.c_event_others"), 10, KInt},
		{rc.T("export.c_person_times"), 10, KInt},
		{rc.T("export.c_cost"), 13, KMoney},
		{rc.T("export.c_summary"), 40, KText},
	})
	if err != nil {
		return nil, err
	}
	var cost model.Money
	for i, e := range es {
		org := rc.T("export.federation")
		if e.UnitID != 0 {
			org = rc.UnitName(e.UnitID)
		}
		end := ""
		if e.End != 0 && e.End != e.Start {
			end = e.End.String()
		}
		cost += e.Cost
		if err := t.Row(i+1, e.Start.String(), end, e.Title, rc.T(e.Type.Key()), e.Place, org, len(e.Members), e.Others,
			e.PersonTimes(), e.Cost, oneLine(e.Summary)); err != nil {
			return nil, err
		}
	}
	if err := t.Total(nil, rc.T("export.total"), nil, nil, nil, nil, nil, fig.Members, fig.Others, fig.PersonTimes, cost, nil); err != nil {
		return nil, err
	}
	if err := t.Close(); err != nil {
		return nil, err
	}
	t, err = b.Table(rc.T("export.s_events_type"), rc.T("export.r_events_type"), []Column{
		{rc.T("export.c_event_type"), 18, KText},
		{rc.T("export.c_events"), 10, KInt},
		{rc.T("export.c_person_times"), 10, KInt},
		{rc.T("export.c_cost"), 14, KMoney},
	})
	if err != nil {
		return nil, err
	}
	for _, g := range fig.ByType {
		if err := t.Row(rc.T(g.Type.Key()), g.Events, g.PersonTimes, g.Cost); err != nil {
			return nil, err
		}
	}
	if err := t.Total(rc.T("export.total"), fig.Events, fig.PersonTimes, fig.Cost); err != nil {
		return nil, err
	}
	if err := t.Close(); err != nil {
		return nil, err
	}
	t, err = b.Table(rc.T("export.s_participants"), rc.T("export.r_participants"), []Column{
		{rc.T("export.c_start"), 11, KText},
		{rc.T("export.c_title"), 28, KText},
		{rc.T("export.c_member_no"), 11, KText},
		{rc.T("export.c_name"), 10, KText},
		{rc.T("export.c_unit"), 28, KText},
	})
	if err != nil {
		return nil, err
	}
	for _, e := range es {
		for _, id := range e.Members {
			no, name, unit := "", "#"+itoa(id), ""
			if m := byID[id]; m != nil {
				no, name, unit = m.No, m.Name, rc.UnitName(m.UnitID)
			}
			if err := t.Row(e.Start.String(), e.Title, no, name, unit); err != nil {
				return nil, err
			}
		}
	}
	if err := t.Close(); err != nil {
		return nil, err
	}
	return []Figure{
		{Key: "events", Label: "export.c_events", Kind: KInt, Value: int64(fig.Events)},
		{Key: "person_times", Label: "export.c_person_times", Kind: KInt, Value: int64(fig.PersonTimes)},
		{Key: "event_cost", Label: "export.c_cost", Kind: KMoney, Value: int64(fig.Cost)},
	}, nil
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func itoa(v uint64) string {
	const digits = "0123456789"
	if v == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for v > 0 {
		i--
		b[i] = digits[v%10]
		v /= 10
	}
	return string(b[i:])
}
