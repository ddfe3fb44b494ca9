package district

import (
	"context"
	"io"
	"slices"

	"unionbook/atomicfile"
	"unionbook/i18n"
	"unionbook/model"
	"unionbook/workbook"
)

// Merge consolidates several townships' packages into one district
// workbook: for each report a sheet with one row per union and a totals
// row (percentages recomputed from their totals, not summed). Every package
// is verified first; an altered one, or the same union and period twice,
// refuses the whole merge.

// MergeInput is one package to merge.
type MergeInput struct {
	File string
	Keys Keys
}

// MergeResult says what was merged.
type MergeResult struct {
	Unions []Manifest
}

type mergedUnion struct {
	man Manifest
	sum Summary
}

// Merge reads, verifies and merges the packages and writes the workbook
// to out (atomically).
func Merge(ctx context.Context, in []MergeInput, out string, l i18n.Lang) (*MergeResult, error) {
	if len(in) == 0 {
		return nil, i18n.E("merge.nothing")
	}
	var us []mergedUnion
	seen := map[string]string{}
	for _, x := range in {
		p, err := OpenVerified(ctx, x.File, x.Keys)
		if err != nil {
			return nil, err
		}
		sum, err := p.Summary()
		man := p.Manifest
		p.Close()
		if err != nil {
			return nil, err
		}
		key := man.Union.Code + "\x00" + man.Union.Name + "\x00" + man.Period.From + "\x00" + man.Period.To
		if prev, dup := seen[key]; dup {
			return nil, i18n.E("merge.duplicate", man.Union.Name, man.Period.Text, prev, x.File)
		}
		seen[key] = x.File
		us = append(us, mergedUnion{man, sum})
	}
	// one row per union: the book stays in memory, no temporary file
	b, err := workbook.New(workbook.Options{Lang: l, Union: l.T("merge.title_short"), Subtitle: l.T("merge.subtitle", len(us))})
	if err != nil {
		return nil, err
	}
	defer b.Close()
	for _, r := range reports {
		// The report's figures in the order the first package lists them.
		var keys []Figure
		have := map[string]bool{}
		for _, u := range us {
			for _, f := range u.sum.Reports[r.Name] {
				if !have[f.Key] {
					have[f.Key] = true
					keys = append(keys, f)
				}
			}
		}
		if len(keys) == 0 {
			continue
		}
		cols := []workbook.Column{
			{Header: l.T("export.c_seq"), Width: 6, ColKind: workbook.KInt},
			{Header: l.T("merge.c_union"), Width: 28, ColKind: workbook.KText},
			{Header: l.T("merge.c_code"), Width: 16, ColKind: workbook.KText},
			{Header: l.T("merge.c_period"), Width: 18, ColKind: workbook.KText},
		}
		for _, f := range keys {
			label := f.Key
			if k := figureLabel(r.Name, f.Key); k != "" {
				label = l.T(k)
			}
			cols = append(cols, workbook.Column{Header: label, Width: 13, ColKind: f.Kind})
		}
		t, err := b.Table(l.T(r.Title), l.T("merge.title", l.T(r.Title)), cols)
		if err != nil {
			return nil, err
		}
		totals := map[string]int64{}
		for i, u := range us {
			vals := map[string]int64{}
			for _, f := range u.sum.Reports[r.Name] {
				vals[f.Key] = f.Value
				totals[f.Key] += f.Value
			}
			row := []any{i + 1, u.man.Union.Name, u.man.Union.Code, u.man.Period.From + "~" + u.man.Period.To}
			for _, f := range keys {
				row = append(row, figureValue(f, vals[f.Key]))
			}
			if err := t.Row(row...); err != nil {
				return nil, err
			}
		}
		row := []any{nil, l.T("merge.total", len(us)), nil, nil}
		for _, f := range keys {
			v := totals[f.Key]
			if f.Kind == workbook.KPct && f.Of[0] != "" {
				v = int64(model.RateBP(model.Money(totals[f.Of[0]]), model.Money(totals[f.Of[1]])))
			}
			row = append(row, figureValue(f, v))
		}
		if err := t.Total(row...); err != nil {
			return nil, err
		}
		if err := t.Close(); err != nil {
			return nil, err
		}
	}
	// The list of packages merged.
	t, err := b.Table(l.T("merge.s_packages"), l.T("merge.r_packages"), []workbook.Column{
		{Header: l.T("export.c_seq"), Width: 6, ColKind: workbook.KInt},
		{Header: l.T("merge.c_union"), Width: 28, ColKind: workbook.KText},
		{Header: l.T("merge.c_code"), Width: 16, ColKind: workbook.KText},
		{Header: l.T("merge.c_period"), Width: 18, ColKind: workbook.KText},
		{Header: l.T("merge.c_created"), Width: 22, ColKind: workbook.KText},
		{Header: l.T("merge.c_version"), Width: 10, ColKind: workbook.KText},
		{Header: l.T("merge.c_file"), Width: 50, ColKind: workbook.KText},
	})
	if err != nil {
		return nil, err
	}
	for i, u := range us {
		if err := t.Row(i+1, u.man.Union.Name, u.man.Union.Code, u.man.Period.From+"~"+u.man.Period.To, u.man.CreatedAt, u.man.ProgramVersion, in[i].File); err != nil {
			return nil, err
		}
	}
	if err := t.Close(); err != nil {
		return nil, err
	}
	if err := atomicfile.Write(out, func(w io.Writer) error {
		_, err := b.WriteTo(w)
		return err
	}); err != nil {
		return nil, err
	}
	res := &MergeResult{}
	for _, u := range us {
		res.Unions = append(res.Unions, u.man)
	}
	return res, nil
}

func figureValue(f Figure, v int64) any {
	switch f.Kind {
	case workbook.KMoney:
		return model.Money(v)
	case workbook.KPct:
		return workbook.Pct(v)
	}
	return v
}

// figureLabel is the catalogue key of a figure's column header:
// "export.f_<key>" by convention (reports register theirs in the catalogue).
func figureLabel(_, key string) string {
	if k := "export.f_" + key; i18n.EN.Has(k) {
		return k
	}
	return ""
}

var _ = slices.Sort[[]string]
