package district

import (
	"fmt"
	"strings"

	"unionbook/model"
	"unionbook/search"
	"unionbook/storage"
	"unionbook/workbook"
)

// 会费收缴: what was due and paid by unit and by month over the period, the
// rate of collection, each unit's payments month by month, and the members
// in arrears, from the store's one reckoning (storage.CollectionGrid), as
// the Dues tab shows them. Units that collect their own dues (自收自管)
// count with the figures they reported, and every sheet says which units'
// figures are reported rather than recorded; their months without a
// report count in neither due nor paid and are listed as not reported.

// sourceText says where a unit's figures come from.
func sourceText(rc *ReportContext, c *storage.Collection) string {
	switch {
	case c.Handling == model.HandlingSelf && c.Unreported > 0 && c.ReportedMonths > 0:
		return rc.T("export.dues_src_part", c.Unreported)
	case c.Handling == model.HandlingSelf && c.ReportedMonths == 0:
		return rc.T("export.dues_src_none")
	case c.Handling == model.HandlingSelf:
		return rc.T("export.dues_src_reported")
	case c.Handling == model.HandlingKept:
		return rc.T("export.dues_src_kept")
	}
	return rc.T("export.dues_src_ours")
}

func writeDues(rc *ReportContext, b *workbook.Book) ([]Figure, error) {
	r, err := rc.Store.DuesRules()
	if err != nil {
		return nil, err
	}
	months := rc.Period.Months()
	g, err := rc.Store.CollectionGridAsOf(rc.Period.From, rc.Period.To, rc.Today().Month())
	if err != nil {
		return nil, err
	}
	units := g.UnitIDs()
	search.SortUnitIDs(units, rc.UnitName)

	// By unit.
	cols := []workbook.Column{
		{Header: rc.T("export.c_seq"), Width: 6, ColKind: workbook.KInt},
		{Header: rc.T("export.c_unit"), Width: 30, ColKind: workbook.KText},
		{Header: rc.T("export.c_dues_source"), Width: 16, ColKind: workbook.KText},
		{Header: rc.T("export.c_due_n"), Width: 12, ColKind: workbook.KInt},
		{Header: rc.T("export.c_due"), Width: 14, ColKind: workbook.KMoney},
		{Header: rc.T("export.c_paid_n"), Width: 12, ColKind: workbook.KInt},
		{Header: rc.T("export.c_paid"), Width: 14, ColKind: workbook.KMoney},
		{Header: rc.T("export.c_unpaid"), Width: 14, ColKind: workbook.KMoney},
		{Header: rc.T("export.c_rate"), Width: 10, ColKind: workbook.KPct},
	}
	r = r.In(rc.Period.To) // the rate in force at the period's end
	title := rc.T("export.r_dues") + " " + rc.T("export.dues_rule", rateText(r.RateBP), r.TruncUnit.String())
	t, err := b.Table(rc.T("export.s_dues_unit"), title, cols)
	if err != nil {
		return nil, err
	}
	var tot storage.Collection
	for i, u := range units {
		s := g.UnitTotal(u)
		tot.Due, tot.Paid, tot.DueMembers, tot.PaidMembers = tot.Due+s.Due, tot.Paid+s.Paid, tot.DueMembers+s.DueMembers, tot.PaidMembers+s.PaidMembers
		tot.ReportedPaid += s.ReportedPaid
		tot.ReportedDue += s.ReportedDue
		tot.Unreported += s.Unreported
		tot.UnreportedDue += s.UnreportedDue
		tot.Kept += s.Kept
		if err := t.Row(i+1, rc.UnitName(u), sourceText(rc, &s), s.DueMembers, s.Due, s.PaidMembers, s.Paid, max(s.Due-s.Paid, 0), workbook.Pct(model.RateBP(s.Paid, s.Due))); err != nil {
			return nil, err
		}
	}
	if err := t.Total(nil, rc.T("export.total"), nil, tot.DueMembers, tot.Due, tot.PaidMembers, tot.Paid, max(tot.Due-tot.Paid, 0), workbook.Pct(model.RateBP(tot.Paid, tot.Due))); err != nil {
		return nil, err
	}
	// What of the totals was reported rather than recorded.
	if err := t.Row(nil, rc.T("export.dues_of_reported"), nil, nil, tot.ReportedDue, nil, tot.ReportedPaid, nil, nil); err != nil {
		return nil, err
	}
	if err := t.Row(nil, rc.T("export.dues_of_kept"), nil, nil, nil, nil, tot.Kept, nil, nil); err != nil {
		return nil, err
	}
	if err := t.Row(nil, rc.T("export.dues_unreported", tot.Unreported), nil, nil, tot.UnreportedDue, nil, nil, nil, nil); err != nil {
		return nil, err
	}
	if err := t.Close(); err != nil {
		return nil, err
	}

	// By month.
	t, err = b.Table(rc.T("export.s_dues_month"), rc.T("export.r_dues_month"), []workbook.Column{
		{Header: rc.T("export.c_month"), Width: 10, ColKind: workbook.KText},
		{Header: rc.T("export.c_due_n"), Width: 12, ColKind: workbook.KInt},
		{Header: rc.T("export.c_due"), Width: 14, ColKind: workbook.KMoney},
		{Header: rc.T("export.c_paid_n"), Width: 12, ColKind: workbook.KInt},
		{Header: rc.T("export.c_paid"), Width: 14, ColKind: workbook.KMoney},
		{Header: rc.T("export.c_rate"), Width: 10, ColKind: workbook.KPct},
		{Header: rc.T("export.c_reported_paid"), Width: 14, ColKind: workbook.KMoney},
	})
	if err != nil {
		return nil, err
	}
	for k, mo := range months {
		s := g.MonthTotal(k)
		if err := t.Row(mo.String(), s.DueMembers, s.Due, s.PaidMembers, s.Paid, workbook.Pct(model.RateBP(s.Paid, s.Due)), s.ReportedPaid); err != nil {
			return nil, err
		}
	}
	if err := t.Total(rc.T("export.total"), tot.DueMembers, tot.Due, tot.PaidMembers, tot.Paid, workbook.Pct(model.RateBP(tot.Paid, tot.Due)), tot.ReportedPaid); err != nil {
		return nil, err
	}
	if err := t.Close(); err != nil {
		return nil, err
	}

	// Paid by unit and month; a reported month is marked in the unit's name.
	mcols := []workbook.Column{{Header: rc.T("export.c_unit"), Width: 30, ColKind: workbook.KText},
		{Header: rc.T("export.c_dues_source"), Width: 16, ColKind: workbook.KText}}
	for _, mo := range months {
		mcols = append(mcols, workbook.Column{Header: mo.String(), Width: 11, ColKind: workbook.KMoney})
	}
	mcols = append(mcols, workbook.Column{Header: rc.T("export.total"), Width: 13, ColKind: workbook.KMoney})
	t, err = b.Table(rc.T("export.s_dues_matrix"), rc.T("export.r_dues_matrix"), mcols)
	if err != nil {
		return nil, err
	}
	colTot := make([]model.Money, len(months)+1)
	for _, u := range units {
		s := g.UnitTotal(u)
		row := []any{rc.UnitName(u), sourceText(rc, &s)}
		var sum model.Money
		for k, c := range g.Units[u] {
			row = append(row, c.Paid)
			sum += c.Paid
			colTot[k] += c.Paid
		}
		colTot[len(months)] += sum
		if err := t.Row(append(row, sum)...); err != nil {
			return nil, err
		}
	}
	row := []any{rc.T("export.total"), nil}
	for _, v := range colTot {
		row = append(row, v)
	}
	if err := t.Total(row...); err != nil {
		return nil, err
	}
	if err := t.Close(); err != nil {
		return nil, err
	}

	// Arrears as of the period's last month (or the last overdue month, if earlier).
	asOf := min(rc.Period.To, model.DueThrough(rc.Today()))
	arrears, err := rc.Store.Arrears(asOf, 1)
	if err != nil {
		return nil, err
	}
	need, err := rc.Store.ArrearsMonths()
	if err != nil {
		return nil, err
	}
	t, err = b.Table(rc.T("export.s_arrears"), rc.T("export.r_arrears", asOf.String()), []workbook.Column{
		{Header: rc.T("export.c_seq"), Width: 6, ColKind: workbook.KInt},
		{Header: rc.T("export.c_member_no"), Width: 11, ColKind: workbook.KText},
		{Header: rc.T("export.c_name"), Width: 10, ColKind: workbook.KText},
		{Header: rc.T("export.c_unit"), Width: 28, ColKind: workbook.KText},
		{Header: rc.T("export.c_arrears_months"), Width: 10, ColKind: workbook.KInt},
		{Header: rc.T("export.c_arrears_run"), Width: 12, ColKind: workbook.KInt},
		{Header: rc.T("export.c_arrears_amount"), Width: 13, ColKind: workbook.KMoney},
		{Header: rc.T("export.c_arrears_list"), Width: 40, ColKind: workbook.KText},
		{Header: rc.T("export.c_arrears_flag"), Width: 14, ColKind: workbook.KText},
	})
	if err != nil {
		return nil, err
	}
	byID := make(map[uint64]*model.Member, len(rc.Members))
	for i := range rc.Members {
		byID[rc.Members[i].ID] = &rc.Members[i]
	}
	var arrTotal model.Money
	long := 0
	for i, a := range arrears {
		m := byID[a.MemberID]
		if m == nil {
			continue
		}
		flag := ""
		if a.Consecutive >= need {
			flag = rc.T("export.arrears_flag", need)
			long++
		}
		arrTotal += a.Amount
		if err := t.Row(i+1, m.No, m.Name, rc.UnitName(m.UnitID), len(a.Months), a.Consecutive, a.Amount, monthRanges(a.Months), flag); err != nil {
			return nil, err
		}
	}
	if err := t.Total(nil, rc.T("export.total"), nil, nil, nil, nil, arrTotal, nil, nil); err != nil {
		return nil, err
	}
	if err := t.Close(); err != nil {
		return nil, err
	}
	return []Figure{
		{Key: "dues_due", Label: "export.f_dues_due", Kind: workbook.KMoney, Value: int64(tot.Due)},
		{Key: "dues_paid", Label: "export.f_dues_paid", Kind: workbook.KMoney, Value: int64(tot.Paid)},
		{Key: "dues_rate", Label: "export.f_dues_rate", Kind: workbook.KPct, Value: int64(model.RateBP(tot.Paid, tot.Due)), Of: [2]string{"dues_paid", "dues_due"}},
		{Key: "dues_reported_paid", Label: "export.f_dues_reported_paid", Kind: workbook.KMoney, Value: int64(tot.ReportedPaid)},
		{Key: "dues_unreported", Label: "export.f_dues_unreported", Kind: workbook.KInt, Value: int64(tot.Unreported)},
		{Key: "arrears_members", Label: "export.f_arrears_members", Kind: workbook.KInt, Value: int64(len(arrears))},
		{Key: "arrears_long", Label: "export.f_arrears_long", Kind: workbook.KInt, Value: int64(long)},
		{Key: "arrears_amount", Label: "export.f_arrears_amount", Kind: workbook.KMoney, Value: int64(arrTotal)},
	}, nil
}

// rateText shows basis points as a percentage: 50 is "0.50%".
func rateText(bp int) string { return fmt.Sprintf("%d.%02d%%", bp/100, bp%100) }

// monthRanges writes months compactly: "2026-01至2026-03, 2026-05".
func monthRanges(ms []model.Month) string {
	var parts []string
	for i := 0; i < len(ms); {
		j := i
		for j+1 < len(ms) && ms[j+1] == ms[j].Add(1) {
			j++
		}
		if j == i {
			parts = append(parts, ms[i].String())
		} else {
			parts = append(parts, ms[i].String()+"~"+ms[j].String())
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}
