package district

import (
	"unionbook/model"
	"unionbook/workbook"
)

// 基本情况统计: one row per unit in the manner of the district's yearly
// survey (《基层工会调查表》): employees, women and migrant workers, members
// with women and migrant-worker members (in the union on the period's last
// day), workers' congress, open affairs and a collective contract in force.

func writeStats(rc *ReportContext, b *workbook.Book) ([]Figure, error) {
	last := rc.Period.Last()
	type counts struct{ members, women, migrant int }
	per := map[uint64]*counts{}
	for i := range rc.Members {
		m := &rc.Members[i]
		if m.JoinDate == 0 || m.JoinDate > last || !m.StatusOn(last).InUnion() {
			continue
		}
		c := per[m.UnitID]
		if c == nil {
			c = &counts{}
			per[m.UnitID] = c
		}
		c.members++
		if m.Gender == model.Female {
			c.women++
		}
		if m.Migrant {
			c.migrant++
		}
	}
	t, err := b.Table(rc.T("export.s_stats"), rc.T("export.r_stats"), []workbook.Column{
		{Header: rc.T("export.c_seq"), Width: 6, ColKind: workbook.KInt},
		{Header: rc.T("export.c_unit"), Width: 30, ColKind: workbook.KText},
		{Header: rc.T("export.c_credit_code"), Width: 21, ColKind: workbook.KText},
		{Header: rc.T("export.c_unit_kind"), Width: 14, ColKind: workbook.KText},
		{Header: rc.T("export.c_union_type"), Width: 10, ColKind: workbook.KText},
		{Header: rc.T("export.c_employees"), Width: 9, ColKind: workbook.KInt},
		{Header: rc.T("export.c_women"), Width: 9, ColKind: workbook.KInt},
		{Header: rc.T("export.c_migrant_workers"), Width: 9, ColKind: workbook.KInt},
		{Header: rc.T("export.c_members"), Width: 9, ColKind: workbook.KInt},
		{Header: rc.T("export.c_women_members"), Width: 9, ColKind: workbook.KInt},
		{Header: rc.T("export.c_migrant_members"), Width: 10, ColKind: workbook.KInt},
		{Header: rc.T("export.c_congress"), Width: 8, ColKind: workbook.KText},
		{Header: rc.T("export.c_open_affairs"), Width: 8, ColKind: workbook.KText},
		{Header: rc.T("export.c_contract"), Width: 10, ColKind: workbook.KText},
		{Header: rc.T("export.c_unit_status"), Width: 8, ColKind: workbook.KText},
	})
	if err != nil {
		return nil, err
	}
	var units, emp, women, mig, mem, wm, mm, congress, open, contract int
	n := 0
	for i := range rc.Units {
		u := &rc.Units[i]
		c := per[u.ID]
		if c == nil {
			c = &counts{}
		}
		n++
		if u.Status == model.UnitActive {
			units++
		}
		emp += u.Employees
		women += u.Women
		mig += u.MigrantWorkers
		mem += c.members
		wm += c.women
		mm += c.migrant
		inForce := u.ContractInForce(last)
		if u.WorkersCongress {
			congress++
		}
		if u.OpenAffairs {
			open++
		}
		if inForce {
			contract++
		}
		if err := t.Row(n, u.Name, u.CreditCode, unitKindText(rc, u.Kind), rc.T(u.UnionType.Key()), u.Employees, u.Women, u.MigrantWorkers,
			c.members, c.women, c.migrant, yesNoText(rc, u.WorkersCongress), yesNoText(rc, u.OpenAffairs), yesNoText(rc, inForce), rc.T(u.Status.Key())); err != nil {
			return nil, err
		}
	}
	if err := t.Total(nil, rc.T("export.total_units", n), nil, nil, nil, emp, women, mig, mem, wm, mm,
		rc.T("export.count_yes", congress), rc.T("export.count_yes", open), rc.T("export.count_yes", contract), nil); err != nil {
		return nil, err
	}
	if err := t.Close(); err != nil {
		return nil, err
	}
	return []Figure{
		{Key: "units", Label: "export.f_units", Kind: workbook.KInt, Value: int64(units)},
		{Key: "employees", Label: "export.c_employees", Kind: workbook.KInt, Value: int64(emp)},
		{Key: "women_employees", Label: "export.c_women", Kind: workbook.KInt, Value: int64(women)},
		{Key: "migrant_workers", Label: "export.c_migrant_workers", Kind: workbook.KInt, Value: int64(mig)},
		{Key: "members", Label: "export.c_members", Kind: workbook.KInt, Value: int64(mem)},
		{Key: "women_members", Label: "export.c_women_members", Kind: workbook.KInt, Value: int64(wm)},
		{Key: "migrant_members", Label: "export.c_migrant_members", Kind: workbook.KInt, Value: int64(mm)},
		{Key: "workers_congress", Label: "export.c_congress", Kind: workbook.KInt, Value: int64(congress)},
		{Key: "open_affairs", Label: "export.c_open_affairs", Kind: workbook.KInt, Value: int64(open)},
		{Key: "collective_contracts", Label: "export.c_contract", Kind: workbook.KInt, Value: int64(contract)},
	}, nil
}

func unitKindText(rc *ReportContext, k model.UnitKind) string {
	return rc.T(k.Key())
}

func yesNoText(rc *ReportContext, v bool) string {
	if v {
		return rc.T("export.yes")
	}
	return rc.T("export.no")
}
