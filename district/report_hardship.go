package district

import (
	"unionbook/model"
	"unionbook/workbook"
)

// 困难职工档案及帮扶情况: the hardship roster (every file open at some time
// in the period, with its status on the period's last day and the aid it
// received in the period), the period's aid by type and fund source, and
// every aid record of the period.
//
// The workbook is written from HardshipFile.Public() copies only: the
// sensitive fields (model.HardshipSensitiveFields: health, disability,
// bank details, household members' health) are blanked before anything
// here reads a file, so no sheet can carry them. Aid records' free-text
// notes are left out for the same reason (a note may describe an illness).

// hardshipStatusOn is a file's status on day d, from its dated steps
// (applied, approved, lifted out, closed); 0 before it was applied for.
func hardshipStatusOn(f *model.HardshipFile, d model.Date) model.HardshipStatus {
	switch {
	case f.AppliedDate == 0:
		return f.Status
	case f.AppliedDate > d:
		return 0
	case f.ClosedDate != 0 && f.ClosedDate <= d:
		return model.HardshipClosed
	case f.LiftDate != 0 && f.LiftDate <= d:
		return model.HardshipLifted
	case f.ApprovedDate != 0 && f.ApprovedDate <= d:
		return model.HardshipActive
	}
	return model.HardshipApplied
}

// publicFiles reads every hardship file and keeps only its Public() copy.
func publicFiles(rc *ReportContext) ([]model.HardshipFile, error) {
	files, err := rc.Store.HardshipFiles()
	if err != nil {
		return nil, err
	}
	out := make([]model.HardshipFile, len(files))
	for i := range files {
		out[i] = files[i].Public()
		files[i] = model.HardshipFile{}
	}
	return out, nil
}

// aidSum is aid summed: records given (not reversed), cash, goods value,
// and value by fund source.
type aidSum struct {
	n           int
	cash, goods model.Money
	byFund      [4]model.Money // indexed by model.FundSource (0: unknown)
}

func fundIndex(f model.FundSource) int {
	if f >= model.FundOwn && f <= model.FundDonation {
		return int(f)
	}
	return 0
}

func writeHardship(rc *ReportContext, b *workbook.Book) ([]Figure, error) {
	first, last := rc.Period.First(), rc.Period.Last()
	files, err := publicFiles(rc)
	if err != nil {
		return nil, err
	}
	aid, err := rc.Store.AidBetween(first, last)
	if err != nil {
		return nil, err
	}
	byMember := make(map[uint64]*model.Member, len(rc.Members))
	for i := range rc.Members {
		byMember[rc.Members[i].ID] = &rc.Members[i]
	}
	// Reversals in the period subtract their amounts; neither a reversal nor
	// the record it reverses counts as aid given.
	reversed := map[uint64]bool{}
	for i := range aid {
		if aid[i].ReversalOf != 0 {
			reversed[aid[i].ReversalOf] = true
		}
	}
	counts := func(a *model.AidRecord) bool { return a.ReversalOf == 0 && !reversed[a.ID] }
	type perFile struct {
		n     int
		value model.Money
	}
	fileAid := map[uint64]*perFile{}
	for i := range aid {
		a := &aid[i]
		if a.FileID == 0 {
			continue
		}
		pf := fileAid[a.FileID]
		if pf == nil {
			pf = &perFile{}
			fileAid[a.FileID] = pf
		}
		pf.value += a.Value()
		if counts(a) {
			pf.n++
		}
	}

	// The roster.
	t, err := b.Table(rc.T("export.s_hardship"), rc.T("export.r_hardship_roster"), []workbook.Column{
		{Header: rc.T("export.c_seq"), Width: 6, ColKind: workbook.KInt},
		{Header: rc.T("export.c_file_no"), Width: 8, ColKind: workbook.KText},
		{Header: rc.T("export.c_member_no"), Width: 11, ColKind: workbook.KText},
		{Header: rc.T("export.c_name"), Width: 10, ColKind: workbook.KText},
		{Header: rc.T("export.c_id_number"), Width: 21, ColKind: workbook.KText},
		{Header: rc.T("export.c_unit"), Width: 26, ColKind: workbook.KText},
		{Header: rc.T("export.c_hs_category"), Width: 11, ColKind: workbook.KText},
		{Header: rc.T("export.c_hs_cause"), Width: 16, ColKind: workbook.KText},
		{Header: rc.T("export.c_hs_size"), Width: 8, ColKind: workbook.KInt},
		{Header: rc.T("export.c_hs_per_capita"), Width: 13, ColKind: workbook.KMoney},
		{Header: rc.T("export.c_hs_status"), Width: 9, ColKind: workbook.KText},
		{Header: rc.T("export.c_hs_entered"), Width: 11, ColKind: workbook.KText},
		{Header: rc.T("export.c_hs_reviewed"), Width: 11, ColKind: workbook.KText},
		{Header: rc.T("export.c_aid_n"), Width: 9, ColKind: workbook.KInt},
		{Header: rc.T("export.c_aid_value"), Width: 13, ColKind: workbook.KMoney},
	})
	if err != nil {
		return nil, err
	}
	var listed, active int
	var byCat [4]int
	var rosterAidN int
	var rosterAid model.Money
	for i := range files {
		f := &files[i]
		st := hardshipStatusOn(f, last)
		if st == 0 {
			continue // applied for after the period
		}
		if left := f.LeftDate(); !st.Open() && left != 0 && left < first {
			continue // left hardship before the period
		}
		listed++
		if st == model.HardshipActive {
			active++
			if f.Category.Valid() {
				byCat[f.Category]++
			}
		}
		var reviewed model.Date
		for _, r := range f.Reviews {
			if r.Date <= last && r.Date > reviewed {
				reviewed = r.Date
			}
		}
		no, name, id, unit := "", "#"+itoa(f.MemberID), "", ""
		if m := byMember[f.MemberID]; m != nil {
			no, name, id, unit = m.No, m.Name, m.IDNumber, rc.UnitName(m.UnitID)
		}
		var n int
		var v model.Money
		if pf := fileAid[f.ID]; pf != nil {
			n, v = pf.n, pf.value
		}
		rosterAidN += n
		rosterAid += v
		err := t.Row(listed, itoa(f.ID), no, name, id, unit, rc.T(f.Category.Key()), rc.T(f.MainCause.Key()),
			f.HouseholdSize, f.PerCapita(), rc.T(st.Key()), f.AppliedDate.String(), reviewed.String(), n, v)
		if err != nil {
			return nil, err
		}
	}
	if err := t.Total(nil, rc.T("export.total"), nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, rosterAidN, rosterAid); err != nil {
		return nil, err
	}
	if err := t.Close(); err != nil {
		return nil, err
	}

	// Aid by type and fund source.
	cols := []workbook.Column{
		{Header: rc.T("export.c_aid_type"), Width: 16, ColKind: workbook.KText},
		{Header: rc.T("export.c_aid_count"), Width: 8, ColKind: workbook.KInt},
		{Header: rc.T("export.c_aid_cash"), Width: 13, ColKind: workbook.KMoney},
		{Header: rc.T("export.c_aid_goods_value"), Width: 13, ColKind: workbook.KMoney},
	}
	for _, fs := range model.FundSources {
		cols = append(cols, workbook.Column{Header: rc.T("export.c_aid_fund_amount", rc.T(fs.Key())), Width: 14, ColKind: workbook.KMoney})
	}
	cols = append(cols, workbook.Column{Header: rc.T("export.c_aid_total"), Width: 14, ColKind: workbook.KMoney})
	t, err = b.Table(rc.T("export.s_aid_summary"), rc.T("export.r_aid_summary"), cols)
	if err != nil {
		return nil, err
	}
	sums := map[model.AidType]*aidSum{}
	var all aidSum
	for i := range aid {
		a := &aid[i]
		s := sums[a.Type]
		if s == nil {
			s = &aidSum{}
			sums[a.Type] = s
		}
		for _, x := range []*aidSum{s, &all} {
			x.cash += a.Cash
			x.goods += a.GoodsValue
			x.byFund[fundIndex(a.Fund)] += a.Value()
			if counts(a) {
				x.n++
			}
		}
	}
	row := func(label string, s *aidSum, total bool) error {
		vals := []any{label, s.n, s.cash, s.goods}
		for _, fs := range model.FundSources {
			vals = append(vals, s.byFund[fs])
		}
		vals = append(vals, s.cash+s.goods)
		if total {
			return t.Total(vals...)
		}
		return t.Row(vals...)
	}
	for _, ty := range model.AidTypes {
		s := sums[ty]
		if s == nil {
			s = &aidSum{}
		}
		if err := row(rc.T(ty.Key()), s, false); err != nil {
			return nil, err
		}
	}
	if err := row(rc.T("export.total"), &all, true); err != nil {
		return nil, err
	}
	if err := t.Close(); err != nil {
		return nil, err
	}

	// Every aid record of the period.
	t, err = b.Table(rc.T("export.s_aid_list"), rc.T("export.r_aid_list"), []workbook.Column{
		{Header: rc.T("export.c_seq"), Width: 6, ColKind: workbook.KInt},
		{Header: rc.T("export.c_date"), Width: 11, ColKind: workbook.KText},
		{Header: rc.T("export.c_member_no"), Width: 11, ColKind: workbook.KText},
		{Header: rc.T("export.c_name"), Width: 10, ColKind: workbook.KText},
		{Header: rc.T("export.c_unit"), Width: 24, ColKind: workbook.KText},
		{Header: rc.T("export.c_aid_type"), Width: 14, ColKind: workbook.KText},
		{Header: rc.T("export.c_aid_cash"), Width: 12, ColKind: workbook.KMoney},
		{Header: rc.T("export.c_aid_goods"), Width: 18, ColKind: workbook.KText},
		{Header: rc.T("export.c_aid_goods_value"), Width: 12, ColKind: workbook.KMoney},
		{Header: rc.T("export.c_aid_fund"), Width: 11, ColKind: workbook.KText},
		{Header: rc.T("export.c_aid_approver"), Width: 10, ColKind: workbook.KText},
		{Header: rc.T("export.c_reversal"), Width: 14, ColKind: workbook.KText},
	})
	if err != nil {
		return nil, err
	}
	for i := range aid {
		a := &aid[i]
		no, name, unit := "", "#"+itoa(a.MemberID), ""
		if m := byMember[a.MemberID]; m != nil {
			no, name, unit = m.No, m.Name, rc.UnitName(m.UnitID)
		}
		rev := ""
		switch {
		case a.ReversalOf != 0:
			rev = rc.T("export.reverses", "#"+itoa(a.ReversalOf))
		case reversed[a.ID]:
			rev = rc.T("export.aid_reversed")
		}
		if err := t.Row(i+1, a.Date.String(), no, name, unit, rc.T(a.Type.Key()), a.Cash, a.Goods, a.GoodsValue,
			rc.T(a.Fund.Key()), a.Approver, rev); err != nil {
			return nil, err
		}
	}
	if err := t.Total(nil, rc.T("export.total"), nil, nil, nil, nil, all.cash, nil, all.goods, nil, nil, nil); err != nil {
		return nil, err
	}
	if err := t.Close(); err != nil {
		return nil, err
	}

	figs := []Figure{
		{Key: "hardship_files", Label: "export.f_hardship_files", Kind: workbook.KInt, Value: int64(listed)},
		{Key: "hardship_active", Label: "export.f_hardship_active", Kind: workbook.KInt, Value: int64(active)},
		{Key: "hardship_deep", Label: "export.f_hardship_deep", Kind: workbook.KInt, Value: int64(byCat[model.CategoryDeep])},
		{Key: "hardship_relative", Label: "export.f_hardship_relative", Kind: workbook.KInt, Value: int64(byCat[model.CategoryRelative])},
		{Key: "hardship_sudden", Label: "export.f_hardship_sudden", Kind: workbook.KInt, Value: int64(byCat[model.CategorySudden])},
		{Key: "aid_count", Label: "export.f_aid_count", Kind: workbook.KInt, Value: int64(all.n)},
		{Key: "aid_value", Label: "export.f_aid_value", Kind: workbook.KMoney, Value: int64(all.cash + all.goods)},
	}
	for _, ty := range model.AidTypes {
		var v model.Money
		if s := sums[ty]; s != nil {
			v = s.cash + s.goods
		}
		k := "aid_" + ty.Code()
		figs = append(figs, Figure{Key: k, Label: "export.f_" + k, Kind: workbook.KMoney, Value: int64(v)})
	}
	return figs, nil
}
