package district

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
)

// markCases adds to a demo store cases whose personal values are marked,
// and returns every value that must not leave the program: the marked
// ones and the demo cases' phones, ID numbers, claims and notes.
func markCases(t *testing.T, st *storage.Store) []string {
	t.Helper()
	units, err := st.Units()
	if err != nil || len(units) == 0 {
		t.Fatal(err)
	}
	rc := model.RiskCheck{Date: 20260610, UnitID: units[0].ID, Inspector: "排查人机密QX0", Level: model.RiskHigh,
		Findings: "排查机密己QX6", Area: model.CaseWages}
	if err := st.CreateRiskCheck("test", &rc); err != nil {
		t.Fatal(err)
	}
	c := model.Case{Received: 20260612, Channel: model.ChannelVisit, Type: model.CaseWages, Headcount: 15,
		Workers: []model.CaseWorker{{Name: "维权机密甲", Phone: "13912345678", IDNumber: "11010519491231002X"}},
		UnitID:  units[0].ID, Claimed: model.Yuan(123_456), Summary: "诉求机密乙QX2", RiskCheckID: rc.ID,
		Steps:  []model.CaseStep{{Date: 20260613, Kind: model.StepMediate, Who: "李秘书", Note: "环节机密丙QX3"}},
		Closed: 20260620, Outcome: model.OutcomeMediated, Recovered: model.Yuan(100_000), CloseNote: "办结机密丁QX4"}
	if _, err := st.CreateCase("test", &c); err != nil {
		t.Fatal(err)
	}
	v := model.Case{Received: 20260615, Channel: model.ChannelCall, Type: model.CaseOtherType, Headcount: 1,
		Workers: []model.CaseWorker{{Name: "作废人机密"}}, Employer: "某公司"}
	if _, err := st.CreateCase("test", &v); err != nil {
		t.Fatal(err)
	}
	if err := st.VoidCase("test", v.ID, "作废机密戊QX5"); err != nil {
		t.Fatal(err)
	}
	secrets := []string{"维权机密甲", "13912345678", "11010519491231002X", "诉求机密乙QX2", "环节机密丙QX3",
		"办结机密丁QX4", "作废人机密", "作废机密戊QX5", "排查机密己QX6"}
	all, err := st.Cases(0, 0)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, c := range all {
		vals := []string{c.Summary, c.CloseNote}
		for _, w := range c.Workers {
			vals = append(vals, w.Phone, w.IDNumber)
		}
		for _, s := range c.Steps {
			vals = append(vals, s.Note)
		}
		for _, v := range vals {
			if v != "" && !seen[v] {
				seen[v] = true
				secrets = append(secrets, v)
			}
		}
	}
	if len(secrets) < 20 {
		t.Fatalf("only %d values to look for: the demo has no cases?", len(secrets))
	}
	return secrets
}

// No name, phone, ID number, claim or note of a case is in any file of a
// district package, in either language; the cases workbook has its
// figures.
func TestPackageHoldsNoCasePersonalData(t *testing.T) {
	st := demoStore(t, 21, "", 400)
	secrets := markCases(t, st)
	want, err := st.CaseFigures(20260101, 20261231)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
		res := writePkg(t, st, "2026", func(o *PackageOptions) { o.Lang = l })
		pkg := zipFiles(t, res.Path)
		var book []byte
		for name, data := range pkg {
			text := string(data)
			if strings.HasSuffix(name, ".xlsx") {
				text = xlsxXML(t, data)
				csv, wb := xlsxCSV(t, data)
				text += csv
				wb.Close()
				if strings.Contains(name, l.T("cases.r_title")) {
					book = data
				}
			}
			for _, s := range secrets {
				if strings.Contains(text, s) {
					t.Errorf("%s: %s holds %q", l.Code(), name, s)
				}
			}
		}
		if book == nil {
			t.Fatalf("%s: no cases workbook", l.Code())
		}
		var sum Summary
		if err := json.Unmarshal(pkg["summary.json"], &sum); err != nil {
			t.Fatal(err)
		}
		got := map[string]int64{}
		for _, f := range sum.Reports["cases"] {
			got[f.Key] = f.Value
		}
		if got["cases"] != int64(want.Cases) || got["case_workers"] != int64(want.Workers) ||
			got["collective_cases"] != int64(want.Collective) || got["case_claimed"] != int64(want.Claimed) ||
			got["case_recovered"] != int64(want.Recovered) || got["cases_mediated_rate"] != int64(want.MediatedBP()) ||
			got["risk_checks"] != int64(want.Risk.Checks) {
			t.Errorf("%s: summary %v, figures %+v", l.Code(), got, want)
		}
		csv, wb := xlsxCSV(t, book)
		sheets := wb.GetSheetList()
		wb.Close()
		if len(sheets) != 5 || !strings.Contains(csv, l.T("cases.type.wages")) {
			t.Errorf("%s: sheets %v", l.Code(), sheets)
		}
	}
	// the audit entries of cases carry no values of those fields either
	res := writePkg(t, st, "2026", nil)
	if b := zipFiles(t, res.Path)["data/audit.jsonl"]; !bytes.Contains(b, []byte(`"case"`)) {
		t.Error("the audit log of the package has no case entries to check")
	}
}

// The district sums the townships' case figures; the mediated share is
// recomputed from the totals, not summed.
func TestCaseFiguresMerge(t *testing.T) {
	var in []MergeInput
	var cases, closed, mediated int64
	for i, name := range []string{"青山镇总工会", "白水镇总工会"} {
		st := demoStore(t, uint64(40+i), name, 300)
		f, err := st.CaseFigures(20260101, 20261231)
		if err != nil {
			t.Fatal(err)
		}
		cases += int64(f.Cases)
		closed += int64(f.Closed)
		mediated += int64(f.Mediated)
		res := writePkg(t, st, "2026", nil)
		in = append(in, MergeInput{File: res.Path})
	}
	out := filepath.Join(t.TempDir(), "district.xlsx")
	if _, err := Merge(context.Background(), in, out, i18n.ZH); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := i18n.ZH.T("cases.r_title")
	rows, err := f.GetRows(sheet)
	if err != nil || len(rows) != 3+2+1 {
		t.Fatalf("rows %v %v", rows, err)
	}
	found := 0
	for c, h := range rows[2] {
		got, _ := f.GetCellValue(sheet, cell(c, len(rows)))
		got = strings.ReplaceAll(got, ",", "")
		switch h {
		case i18n.ZH.T("export.f_cases"):
			found++
			if got != itoa(uint64(cases)) {
				t.Errorf("merged cases %s, want %d", got, cases)
			}
		case i18n.ZH.T("export.f_cases_mediated_rate"):
			found++
			bp := model.RateBP(model.Money(mediated), model.Money(closed))
			if want := fmt.Sprintf("%d.%02d%%", bp/100, bp%100); got != want {
				t.Errorf("merged mediated share %s, want %s (recomputed)", got, want)
			}
		}
	}
	if found != 2 || cases == 0 {
		t.Errorf("columns %v, %d cases", rows[2], cases)
	}
}
