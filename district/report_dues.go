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
// in arrears. Due is by the members' current unit and counts months up to
// the current one; paid counts every payment for the period's months, by
// the unit the member belonged to when paying (as the Dues tab counts).

type duesCell struct {
	due, paid   model.Money
	dueN, paidN int64
}

func writeDues(rc *ReportContext, b *workbook.Book) ([]Figure, error) {
	r, err := rc.Store.DuesRules()
	if err != nil {
		return nil, err
	}
	months := rc.Period.Months()
	idx := map[model.Month]int{}
	for i, m := range months {
		idx[m] = i
	}
	current := rc.Today().Month()
	byUnit := map[uint64][]duesCell{}
	cells := func(u uint64) []duesCell {
		c := byUnit[u]
		if c == nil {
			c = make([]duesCell, len(months))
			byUnit[u] = c
		}
		return c
	}
	for i := range rc.Members {
		m := &rc.Members[i]
		var c []duesCell
		for k, mo := range months {
			if mo > current {
				break
			}
			if m.Owes(mo, r) {
				if c == nil {
					c = cells(m.UnitID)
				}
				c[k].due += r.Monthly(m.BaseFor(mo))
				c[k].dueN++
			}
		}
	}
	err = rc.Store.ReadRecords(func(rec *storage.Records) error {
		rec.DuesTotals(rc.Period.From, rc.Period.To, func(mo model.Month, unit uint64, paid model.Money, n int64) {
			c := cells(unit)[idx[mo]]
			c.paid += paid
			c.paidN += n
			cells(unit)[idx[mo]] = c
		})
		return nil
	})
	if err != nil {
		return nil, err
	}
	units := make([]uint64, 0, len(byUnit))
	for u := range byUnit {
		units = append(units, u)
	}
	search.SortUnitIDs(units, rc.UnitName)

	// By unit.
	cols := []workbook.Column{
		{Header: rc.T("export.c_seq"), Width: 6, ColKind: workbook.KInt},
		{Header: rc.T("export.c_unit"), Width: 30, ColKind: workbook.KText},
		{Header: rc.T("export.c_due_n"), Width: 12, ColKind: workbook.KInt},
		{Header: rc.T("export.c_due"), Width: 14, ColKind: workbook.KMoney},
		{Header: rc.T("export.c_paid_n"), Width: 12, ColKind: workbook.KInt},
		{Header: rc.T("export.c_paid"), Width: 14, ColKind: workbook.KMoney},
		{Header: rc.T("export.c_unpaid"), Width: 14, ColKind: workbook.KMoney},
		{Header: rc.T("export.c_rate"), Width: 10, ColKind: workbook.KPct},
	}
	title := rc.T("export.r_dues") + " " + rc.T("export.dues_rule", rateText(r.RateBP), r.TruncUnit.String())
	t, err := b.Table(rc.T("export.s_dues_unit"), title, cols)
	if err != nil {
		return nil, err
	}
	var tot duesCell
	for i, u := range units {
		var s duesCell
		for _, c := range byUnit[u] {
			s.due, s.paid, s.dueN, s.paidN = s.due+c.due, s.paid+c.paid, s.dueN+c.dueN, s.paidN+c.paidN
		}
		tot.due, tot.paid, tot.dueN, tot.paidN = tot.due+s.due, tot.paid+s.paid, tot.dueN+s.dueN, tot.paidN+s.paidN
		if err := t.Row(i+1, rc.UnitName(u), s.dueN, s.due, s.paidN, s.paid, max(s.due-s.paid, 0), workbook.Pct(model.RateBP(s.paid, s.due))); err != nil {
			return nil, err
		}
	}
	if err := t.Total(nil, rc.T("export.total"), tot.dueN, tot.due, tot.paidN, tot.paid, max(tot.due-tot.paid, 0), workbook.Pct(model.RateBP(tot.paid, tot.due))); err != nil {
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
	})
	if err != nil {
		return nil, err
	}
	for k, mo := range months {
		var s duesCell
		for _, u := range units {
			c := byUnit[u][k]
			s.due, s.paid, s.dueN, s.paidN = s.due+c.due, s.paid+c.paid, s.dueN+c.dueN, s.paidN+c.paidN
		}
		if err := t.Row(mo.String(), s.dueN, s.due, s.paidN, s.paid, workbook.Pct(model.RateBP(s.paid, s.due))); err != nil {
			return nil, err
		}
	}
	if err := t.Total(rc.T("export.total"), tot.dueN, tot.due, tot.paidN, tot.paid, workbook.Pct(model.RateBP(tot.paid, tot.due))); err != nil {
		return nil, err
	}
	if err := t.Close(); err != nil {
		return nil, err
	}

	// Paid by unit and month.
	mcols := []workbook.Column{{Header: rc.T("export.c_unit"), Width: 30, ColKind: workbook.KText}}
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
		row := []any{rc.UnitName(u)}
		var s model.Money
		for k, c := range byUnit[u] {
			row = append(row, c.paid)
			s += c.paid
			colTot[k] += c.paid
		}
		colTot[len(months)] += s
		if err := t.Row(append(row, s)...); err != nil {
			return nil, err
		}
	}
	row := []any{rc.T("export.total")}
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
		{Key: "dues_due", Label: "export.f_dues_due", Kind: workbook.KMoney, Value: int64(tot.due)},
		{Key: "dues_paid", Label: "export.f_dues_paid", Kind: workbook.KMoney, Value: int64(tot.paid)},
		{Key: "dues_rate", Label: "export.f_dues_rate", Kind: workbook.KPct, Value: int64(model.RateBP(tot.paid, tot.due)), Of: [2]string{"dues_paid", "dues_due"}},
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
