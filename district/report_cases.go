package district

import (
	"unionbook/model"
	"unionbook/workbook"
)

// 维权工作统计: the cases received in the period (劳动争议调解, 来信来访, 法律援助)
// and the labour-relations risk checks, as counts and amounts only. The
// workers' names, phones and ID numbers, the units, the claims and the
// notes of steps never leave the program (issue 16): the package carries
// no case record, its audit entries name those fields without their values
// (model.CaseChanges), and these sheets hold figures by type, channel,
// month and outcome, and a summary with the risk checks. Listed in
// registry.go after the events.

func writeCases(rc *ReportContext, b *workbook.Book) ([]Figure, error) {
	f, err := rc.Store.CaseFigures(rc.Period.First(), rc.Period.Last())
	if err != nil {
		return nil, err
	}
	cols := func(first string) []workbook.Column {
		return []workbook.Column{
			{Header: rc.T(first), Width: 16, ColKind: workbook.KText},
			{Header: rc.T("cases.c_cases"), Width: 10, ColKind: workbook.KInt},
			{Header: rc.T("cases.c_workers"), Width: 10, ColKind: workbook.KInt},
			{Header: rc.T("cases.c_collective", f.CollectiveMin), Width: 12, ColKind: workbook.KInt},
			{Header: rc.T("cases.c_claimed"), Width: 15, ColKind: workbook.KMoney},
			{Header: rc.T("cases.c_recovered"), Width: 15, ColKind: workbook.KMoney},
		}
	}
	type breakdown struct {
		sheet, first string
		groups       []model.CaseGroup
		label        func(model.CaseGroup) string
		total        bool
	}
	for _, bd := range []breakdown{
		{"cases.s_type", "cases.c_type", f.ByType, func(g model.CaseGroup) string { return rc.T(g.Type.Key()) }, true},
		{"cases.s_channel", "cases.c_channel", f.ByChannel, func(g model.CaseGroup) string { return rc.T(g.Channel.Key()) }, true},
		{"cases.s_month", "cases.c_month", f.ByMonth, func(g model.CaseGroup) string { return g.Month.String() }, true},
		{"cases.s_outcome", "cases.c_outcome", f.ByOutcome, func(g model.CaseGroup) string { return rc.T(g.Outcome.Key()) }, false},
	} {
		t, err := b.Table(rc.T(bd.sheet), rc.T("cases.r_title")+" "+rc.T(bd.sheet), cols(bd.first))
		if err != nil {
			return nil, err
		}
		var coll int
		var recovered model.Money
		for _, g := range bd.groups {
			coll += g.Collective
			recovered += g.Recovered
			if err := t.Row(bd.label(g), g.Cases, g.Workers, g.Collective, g.Claimed, g.Recovered); err != nil {
				return nil, err
			}
		}
		if bd.total {
			err = t.Total(rc.T("export.total"), f.Cases, f.Workers, f.Collective, f.Claimed, f.Recovered)
		} else { // the closed cases only
			var cases, workers int
			var claimed model.Money
			for _, g := range bd.groups {
				cases, workers, claimed = cases+g.Cases, workers+g.Workers, claimed+g.Claimed
			}
			err = t.Total(rc.T("export.total"), cases, workers, coll, claimed, recovered)
		}
		if err != nil {
			return nil, err
		}
		if err := t.Close(); err != nil {
			return nil, err
		}
	}
	figs := caseFigures(f)
	t, err := b.Table(rc.T("cases.s_summary"), rc.T("cases.r_title"), []workbook.Column{
		{Header: rc.T("cases.c_item"), Width: 30, ColKind: workbook.KText},
		{Header: rc.T("cases.c_count"), Width: 14, ColKind: workbook.KInt},
		{Header: rc.T("cases.c_amount"), Width: 16, ColKind: workbook.KMoney},
		{Header: rc.T("cases.c_rate"), Width: 12, ColKind: workbook.KPct},
	})
	if err != nil {
		return nil, err
	}
	if err := t.Row(rc.T("cases.c_collective_min"), f.CollectiveMin, nil, nil); err != nil {
		return nil, err
	}
	for _, fg := range figs {
		var n, amt, pct any
		switch fg.Kind {
		case workbook.KMoney:
			amt = model.Money(fg.Value)
		case workbook.KPct:
			pct = workbook.Pct(fg.Value)
		default:
			n = fg.Value
		}
		if err := t.Row(rc.T(fg.Label), n, amt, pct); err != nil {
			return nil, err
		}
	}
	if err := t.Close(); err != nil {
		return nil, err
	}
	return figs, nil
}

// caseFigures are the figures the district sums over townships: counts and
// amounts only. Their labels are "export.f_<key>", as merge looks them up.
func caseFigures(f model.CaseFigures) []Figure {
	r := f.Risk
	return []Figure{
		{Key: "cases", Label: "export.f_cases", Kind: workbook.KInt, Value: int64(f.Cases)},
		{Key: "case_workers", Label: "export.f_case_workers", Kind: workbook.KInt, Value: int64(f.Workers)},
		{Key: "case_units", Label: "export.f_case_units", Kind: workbook.KInt, Value: int64(f.Units)},
		{Key: "collective_cases", Label: "export.f_collective_cases", Kind: workbook.KInt, Value: int64(f.Collective)},
		{Key: "collective_workers", Label: "export.f_collective_workers", Kind: workbook.KInt, Value: int64(f.CollectiveWorkers)},
		{Key: "case_claimed", Label: "export.f_case_claimed", Kind: workbook.KMoney, Value: int64(f.Claimed)},
		{Key: "case_recovered", Label: "export.f_case_recovered", Kind: workbook.KMoney, Value: int64(f.Recovered)},
		{Key: "cases_closed", Label: "export.f_cases_closed", Kind: workbook.KInt, Value: int64(f.Closed)},
		{Key: "cases_mediated", Label: "export.f_cases_mediated", Kind: workbook.KInt, Value: int64(f.Mediated)},
		{Key: "cases_mediated_rate", Label: "export.f_cases_mediated_rate", Kind: workbook.KPct, Value: int64(f.MediatedBP()),
			Of: [2]string{"cases_mediated", "cases_closed"}},
		{Key: "cases_legal_aid", Label: "export.f_cases_legal_aid", Kind: workbook.KInt, Value: int64(f.LegalAid)},
		{Key: "cases_open", Label: "export.f_cases_open", Kind: workbook.KInt, Value: int64(f.Open)},
		{Key: "risk_checks", Label: "export.f_risk_checks", Kind: workbook.KInt, Value: int64(r.Checks)},
		{Key: "risk_units", Label: "export.f_risk_units", Kind: workbook.KInt, Value: int64(r.Units)},
		{Key: "risks_found", Label: "export.f_risks_found", Kind: workbook.KInt, Value: int64(r.WithRisk)},
		{Key: "risks_resolved", Label: "export.f_risks_resolved", Kind: workbook.KInt, Value: int64(r.Resolved)},
		{Key: "risk_open_units", Label: "export.f_risk_open_units", Kind: workbook.KInt, Value: int64(r.OpenUnits)},
	}
}
