package district

import (
	"context"
	"io"

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

// MergeOptions are merge's choices beyond the packages.
type MergeOptions struct {
	// Expect is the district's list of townships (ReadExpected): those
	// that sent nothing get a row saying so in every sheet.
	Expect []ExpectedUnion
	// Key is the district's cross-check key; nil compares the packages
	// hashed with the key most of them share, and says the key was not checked.
	Key *CrosscheckKey
}

// MergeResult says what was merged.
type MergeResult struct {
	Unions []Manifest
	// Missing are the expected townships that sent no package; Unexpected
	// the packages of townships the list does not name.
	Missing    []ExpectedUnion
	Unexpected []Manifest
	// Pairs are the cross-check's findings; Cross says, per union, how its
	// package took part; KeyID is the fingerprint compared under, and
	// KeyChecked whether it is the key merge was given.
	Pairs      []CrosscheckPair
	Cross      []CrosscheckState
	PackageKey []string // each package's fingerprint, "" for none
	KeyID      string
	KeyChecked bool
}

type mergedUnion struct {
	man Manifest
	sum Summary
}

// Merge reads, verifies and merges the packages and writes the workbook
// to out (atomically).
func Merge(ctx context.Context, in []MergeInput, out string, l i18n.Lang) (*MergeResult, error) {
	return MergeWith(ctx, in, out, l, MergeOptions{})
}

// MergeWith is Merge with the district's list of townships and its
// cross-check key: besides the report sheets, the workbook lists who sent
// nothing and what the cross-check found (merge_crosscheck.go).
func MergeWith(ctx context.Context, in []MergeInput, out string, l i18n.Lang, o MergeOptions) (*MergeResult, error) {
	if len(in) == 0 {
		return nil, i18n.E("merge.nothing")
	}
	var us []mergedUnion
	var cross []crossInput
	seen := map[string]string{}
	for _, x := range in {
		p, err := OpenVerified(ctx, x.File, x.Keys)
		if err != nil {
			return nil, err
		}
		sum, err := p.Summary()
		man := p.Manifest
		var xp *Crosscheck
		if err == nil {
			var x Crosscheck
			var ok bool
			if x, ok, err = p.Crosscheck(); ok {
				xp = &x
			}
		}
		p.Close()
		if err != nil {
			return nil, err
		}
		cross = append(cross, crossInput{union: man.Union.Name, code: man.Union.Code,
			period: man.Period.From + "~" + man.Period.To, x: xp})
		key := man.Union.Code + "\x00" + man.Union.Name + "\x00" + man.Period.From + "\x00" + man.Period.To
		if prev, dup := seen[key]; dup {
			return nil, i18n.E("merge.duplicate", man.Union.Name, man.Period.Text, prev, x.File)
		}
		seen[key] = x.File
		us = append(us, mergedUnion{man, sum})
	}
	res := &MergeResult{}
	for _, u := range us {
		res.Unions = append(res.Unions, u.man)
	}
	came, unexpected := matchExpected(o.Expect, us)
	for i, j := range came {
		if j < 0 {
			res.Missing = append(res.Missing, o.Expect[i])
		}
	}
	if len(o.Expect) > 0 {
		for _, j := range unexpected {
			res.Unexpected = append(res.Unexpected, us[j].man)
		}
	}
	keyID := ""
	if o.Key != nil {
		keyID, res.KeyChecked = o.Key.ID(), true
	}
	cr := compareCrosschecks(cross, keyID)
	res.Pairs, res.Cross, res.KeyID = cr.pairs, cr.states, cr.keyID
	for _, c := range cross {
		id := ""
		if c.x != nil {
			id = c.x.KeyID
		}
		res.PackageKey = append(res.PackageKey, id)
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
		for _, e := range res.Missing { // side by side: who sent nothing
			row := []any{nil, e.Name, e.Code, l.T("merge.not_received")}
			for range keys {
				row = append(row, nil)
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
	if err := writeCrosscheckSheet(b, l, res); err != nil {
		return nil, err
	}
	if len(o.Expect) > 0 {
		if err := writeExpectSheet(b, l, o.Expect, came, us, in); err != nil {
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
		{Header: l.T("merge.c_crosscheck"), Width: 36, ColKind: workbook.KText},
		{Header: l.T("merge.c_file"), Width: 50, ColKind: workbook.KText},
	})
	if err != nil {
		return nil, err
	}
	for i, u := range us {
		if err := t.Row(i+1, u.man.Union.Name, u.man.Union.Code, u.man.Period.From+"~"+u.man.Period.To, u.man.CreatedAt, u.man.ProgramVersion,
			CrossStateText(l, res, i), in[i].File); err != nil {
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

// figureLabel is the catalogue key of a figure's column header: the label
// the report gives the figure where the report names its figures in the
// register's words (the basic statistics), else "export.f_<key>" by
// convention. Packages carry keys, not labels: the merging program's own
// words head the columns.
func figureLabel(report, key string) string {
	if report == "stats" {
		for _, f := range statsFigures(model.SurveyTotals{}, model.OrgRates{}) {
			if f.Key == key {
				return f.Label
			}
		}
	}
	if k := "export.f_" + key; i18n.EN.Has(k) {
		return k
	}
	return ""
}
