package district

import (
	"strings"

	"unionbook/model"
	"unionbook/workbook"
)

// 活动及参与情况: the events starting in the period, their participation
// (人次 = members plus other headcount) by type, and who took part.

func writeEvents(rc *ReportContext, b *workbook.Book) ([]Figure, error) {
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
	t, err := b.Table(rc.T("export.s_events"), rc.T("export.r_events"), []workbook.Column{
		{Header: rc.T("export.c_seq"), Width: 6, ColKind: workbook.KInt},
		{Header: rc.T("export.c_start"), Width: 11, ColKind: workbook.KText},
		{Header: rc.T("export.c_end"), Width: 11, ColKind: workbook.KText},
		{Header: rc.T("export.c_title"), Width: 28, ColKind: workbook.KText},
		{Header: rc.T("export.c_event_type"), Width: 14, ColKind: workbook.KText},
		{Header: rc.T("export.c_place"), Width: 16, ColKind: workbook.KText},
		{Header: rc.T("export.c_organiser"), Width: 24, ColKind: workbook.KText},
		{Header: rc.T("export.c_event_members"), Width: 10, ColKind: workbook.KInt},
		{Header: rc.T("export.c_event_others"), Width: 10, ColKind: workbook.KInt},
		{Header: rc.T("export.c_person_times"), Width: 10, ColKind: workbook.KInt},
		{Header: rc.T("export.c_cost"), Width: 13, ColKind: workbook.KMoney},
		{Header: rc.T("export.c_summary"), Width: 40, ColKind: workbook.KText},
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
	t, err = b.Table(rc.T("export.s_events_type"), rc.T("export.r_events_type"), []workbook.Column{
		{Header: rc.T("export.c_event_type"), Width: 18, ColKind: workbook.KText},
		{Header: rc.T("export.c_events"), Width: 10, ColKind: workbook.KInt},
		{Header: rc.T("export.c_person_times"), Width: 10, ColKind: workbook.KInt},
		{Header: rc.T("export.c_cost"), Width: 14, ColKind: workbook.KMoney},
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
	t, err = b.Table(rc.T("export.s_participants"), rc.T("export.r_participants"), []workbook.Column{
		{Header: rc.T("export.c_start"), Width: 11, ColKind: workbook.KText},
		{Header: rc.T("export.c_title"), Width: 28, ColKind: workbook.KText},
		{Header: rc.T("export.c_member_no"), Width: 11, ColKind: workbook.KText},
		{Header: rc.T("export.c_name"), Width: 10, ColKind: workbook.KText},
		{Header: rc.T("export.c_unit"), Width: 28, ColKind: workbook.KText},
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
		{Key: "events", Label: "export.c_events", Kind: workbook.KInt, Value: int64(fig.Events)},
		{Key: "person_times", Label: "export.c_person_times", Kind: workbook.KInt, Value: int64(fig.PersonTimes)},
		{Key: "event_cost", Label: "export.c_cost", Kind: workbook.KMoney, Value: int64(fig.Cost)},
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
