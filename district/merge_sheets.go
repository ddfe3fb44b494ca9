package district

import (
	"strconv"

	"unionbook/i18n"
	"unionbook/workbook"
)

// The merged workbook's sheets beyond the reports: the cross-check's pairs
// and the list of townships expected.

// CrossStateText says in language l how package i took part in the
// cross-check (a column of the packages sheet, a line of merge's output).
func CrossStateText(l i18n.Lang, res *MergeResult, i int) string {
	switch res.Cross[i] {
	case CrossCompared:
		return l.T("merge.cross_compared", FormatKeyID(res.PackageKey[i]))
	case CrossOtherKey:
		if res.KeyChecked {
			return l.T("merge.cross_other_key", FormatKeyID(res.PackageKey[i]), FormatKeyID(res.KeyID))
		}
		return l.T("merge.cross_minority_key", FormatKeyID(res.PackageKey[i]), FormatKeyID(res.KeyID))
	}
	return l.T("merge.cross_no_data")
}

// PairKindText names what a pair found, in language l.
func PairKindText(l i18n.Lang, k PairKind) string {
	if k == PairHardship {
		return l.T("merge.pair_hardship")
	}
	return l.T("merge.pair_member")
}

// writeCrosscheckSheet lists the pairs: kind, then each side's township,
// member number, name, unit and hardship file. No ID number: merge never
// sees one.
func writeCrosscheckSheet(b *workbook.Book, l i18n.Lang, res *MergeResult) error {
	compared := 0
	for _, s := range res.Cross {
		if s == CrossCompared {
			compared++
		}
	}
	title := l.T("merge.r_crosscheck", compared, len(res.Cross))
	if res.KeyID != "" {
		key := "merge.r_crosscheck_key"
		if !res.KeyChecked {
			key = "merge.r_crosscheck_unchecked"
		}
		title += "    " + l.T(key, FormatKeyID(res.KeyID))
	}
	side := func(s string) []workbook.Column {
		return []workbook.Column{
			{Header: l.T("merge.c_union") + s, Width: 22, ColKind: workbook.KText},
			{Header: l.T("merge.c_member_no") + s, Width: 12, ColKind: workbook.KText},
			{Header: l.T("merge.c_name") + s, Width: 10, ColKind: workbook.KText},
			{Header: l.T("merge.c_unit") + s, Width: 22, ColKind: workbook.KText},
			{Header: l.T("merge.c_file_no") + s, Width: 10, ColKind: workbook.KText},
		}
	}
	cols := []workbook.Column{
		{Header: l.T("export.c_seq"), Width: 6, ColKind: workbook.KInt},
		{Header: l.T("merge.c_pair_kind"), Width: 18, ColKind: workbook.KText},
	}
	cols = append(append(cols, side(" A")...), side(" B")...)
	t, err := b.Table(l.T("merge.s_crosscheck"), title, cols)
	if err != nil {
		return err
	}
	file := func(n uint64) any {
		if n == 0 {
			return nil
		}
		return strconv.FormatUint(n, 10)
	}
	for i, p := range res.Pairs {
		if err := t.Row(i+1, PairKindText(l, p.Kind),
			p.A.Union, p.A.No, p.A.Name, p.A.Unit, file(p.A.File),
			p.B.Union, p.B.No, p.B.Name, p.B.Unit, file(p.B.File)); err != nil {
			return err
		}
	}
	if len(res.Pairs) == 0 {
		none := "merge.pairs_none"
		if compared == 0 {
			none = "merge.pairs_not_compared"
		}
		if err := t.Row(nil, l.T(none)); err != nil {
			return err
		}
	}
	return t.Close()
}

// writeExpectSheet lists the district's townships and whether each sent a
// package, then the packages from townships not on the list.
func writeExpectSheet(b *workbook.Book, l i18n.Lang, exp []ExpectedUnion, came []int, us []mergedUnion, in []MergeInput) error {
	t, err := b.Table(l.T("merge.s_expect"), l.T("merge.r_expect", len(exp)), []workbook.Column{
		{Header: l.T("export.c_seq"), Width: 6, ColKind: workbook.KInt},
		{Header: l.T("merge.c_union"), Width: 28, ColKind: workbook.KText},
		{Header: l.T("merge.c_code"), Width: 20, ColKind: workbook.KText},
		{Header: l.T("merge.c_received"), Width: 14, ColKind: workbook.KText},
		{Header: l.T("merge.c_file"), Width: 50, ColKind: workbook.KText},
	})
	if err != nil {
		return err
	}
	listed := make([]bool, len(us))
	for i, e := range exp {
		state, file := l.T("merge.not_received"), ""
		if j := came[i]; j >= 0 {
			state, file = l.T("merge.received"), in[j].File
		}
		if err := t.Row(i+1, e.Name, e.Code, state, file); err != nil {
			return err
		}
	}
	for _, j := range came {
		if j >= 0 {
			listed[j] = true
		}
	}
	_, unexpected := matchExpected(exp, us)
	for _, j := range unexpected {
		if listed[j] {
			continue
		}
		if err := t.Row(nil, us[j].man.Union.Name, us[j].man.Union.Code, l.T("merge.unexpected"), in[j].File); err != nil {
			return err
		}
	}
	return t.Close()
}
