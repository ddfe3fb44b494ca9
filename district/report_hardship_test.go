package district

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"unionbook/i18n"
	"unionbook/model"
)

// hardshipBook finds the hardship workbook of a package.
func hardshipBook(t *testing.T, files map[string][]byte, l i18n.Lang) []byte {
	t.Helper()
	for name, b := range files {
		if strings.HasPrefix(name, "reports/") && strings.Contains(name, l.T("export.r_hardship")) {
			return b
		}
	}
	t.Fatalf("no hardship workbook in %v", len(files))
	return nil
}

// xlsxXML is every part of a workbook (its XML) as one text.
func xlsxXML(t *testing.T, book []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		sb.Write(b)
		sb.WriteByte('\n')
	}
	return sb.String()
}

// xlsxCSV converts every sheet of a workbook to CSV, as a user saving it
// as CSV from Excel would.
func xlsxCSV(t *testing.T, book []byte) (string, *excelize.File) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	w := csv.NewWriter(&sb)
	for _, s := range f.GetSheetList() {
		rows, err := f.GetRows(s)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]string{"# " + s})
		w.WriteAll(rows)
	}
	w.Flush()
	return sb.String(), f
}

func TestHardshipWorkbookHasNoSensitiveFields(t *testing.T) {
	st := demoStore(t, 21, "", 800)
	files, err := st.HardshipFiles()
	if err != nil || len(files) == 0 {
		t.Fatalf("%d files: %v", len(files), err)
	}
	// Marked values on one file, besides the demo's own.
	f := files[0].Clone()
	f.Health = "健康机密甲XQ1"
	f.Disability = "残疾机密乙XQ2"
	f.BankName = "开户行机密丙XQ3"
	f.BankAccount = "6228 9911 8822 7733 44"
	f.Household = append(f.Household, model.HouseholdMember{Name: "李小明", Relation: "子女", Health: "家属健康机密丁XQ4"})
	f.HouseholdSize = max(f.HouseholdSize, len(f.Household)+1)
	if err := st.UpdateHardshipFile("test", &f); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.HardshipFile(f.ID); got.Health != f.Health || got.BankAccount != f.BankAccount {
		t.Fatalf("the sensitive values were not stored: %+v", got)
	}
	files, _ = st.HardshipFiles()
	var secrets []string
	for i := range files {
		x := &files[i]
		vals := []string{x.Health, x.Disability, x.BankName, x.BankAccount, strings.ReplaceAll(x.BankAccount, " ", "")}
		for _, h := range x.Household {
			vals = append(vals, h.Health)
		}
		for _, v := range vals {
			if len([]rune(v)) >= 4 { // "良好" (healthy) is too common a word to look for
				secrets = append(secrets, v)
			}
		}
	}
	if len(secrets) < 10 {
		t.Fatalf("only %d sensitive values to look for", len(secrets))
	}
	for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
		res := writePkg(t, st, "2026", func(o *PackageOptions) { o.Lang = l })
		pkg := zipFiles(t, res.Path)
		book := hardshipBook(t, pkg, l)
		xml := xlsxXML(t, book)
		text, wb := xlsxCSV(t, book)
		for _, s := range secrets {
			if strings.Contains(xml, s) {
				t.Errorf("%s: the workbook's XML holds the sensitive value %q", l.Code(), s)
			}
			if strings.Contains(text, s) {
				t.Errorf("%s: the workbook's CSV holds the sensitive value %q", l.Code(), s)
			}
			// Nor does any other file of the package (data files are Public too).
			for name, b := range pkg {
				if bytes.Contains(b, []byte(s)) {
					t.Errorf("%s: %s holds the sensitive value %q", l.Code(), name, s)
				}
			}
		}
		// The roster itself is there: the marked file's member, with the full ID as text.
		m, _ := st.Member(f.MemberID)
		if !strings.Contains(text, m.Name) || !strings.Contains(text, m.IDNumber) {
			t.Errorf("%s: the roster lacks %s %s", l.Code(), m.Name, m.IDNumber)
		}
		sheets := wb.GetSheetList()
		if len(sheets) != 3 {
			t.Errorf("%s: sheets %v", l.Code(), sheets)
		}
		rows, _ := wb.GetRows(sheets[0])
		if rows[2][4] != l.T("export.c_id_number") || len(rows) < 5 {
			t.Fatalf("%s: roster head %v (%d rows)", l.Code(), rows[2], len(rows))
		}
		axis := cell(4, 4)
		if v, _ := wb.GetCellValue(sheets[0], axis); len(v) != 18 {
			t.Errorf("%s: ID cell %q", l.Code(), v)
		}
		if typ, _ := wb.GetCellType(sheets[0], cell(9, 4)); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
			t.Errorf("%s: per-capita income is text", l.Code())
		}
		wb.Close()
	}
}

func TestHardshipFiguresMerge(t *testing.T) {
	var in []MergeInput
	var aid, active int64
	for i, name := range []string{"青山镇总工会", "白水镇总工会"} {
		st := demoStore(t, uint64(30+i), name, 800)
		res := writePkg(t, st, "2026", nil)
		in = append(in, MergeInput{File: res.Path})
		p, err := OpenPackage(res.Path, Keys{})
		if err != nil {
			t.Fatal(err)
		}
		sum, _ := p.Summary()
		p.Close()
		figs := map[string]int64{}
		for _, f := range sum.Reports["hardship"] {
			figs[f.Key] = f.Value
		}
		if figs["hardship_files"] == 0 || figs["aid_value"] == 0 {
			t.Fatalf("figures %v", figs)
		}
		if figs["hardship_deep"]+figs["hardship_relative"]+figs["hardship_sudden"] != figs["hardship_active"] {
			t.Errorf("categories do not add up: %v", figs)
		}
		var byType int64
		for _, ty := range model.AidTypes {
			byType += figs["aid_"+ty.Code()]
		}
		if byType != figs["aid_value"] {
			t.Errorf("aid by type %d, total %d", byType, figs["aid_value"])
		}
		// The summary matches the store.
		all, _ := st.AidBetween(model.NewDate(2026, 1, 1), model.NewDate(2026, 12, 31))
		var v model.Money
		for _, a := range all {
			v += a.Value()
		}
		if int64(v) != figs["aid_value"] {
			t.Errorf("aid value %d, store %d", figs["aid_value"], v)
		}
		aid += figs["aid_value"]
		active += figs["hardship_active"]
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
	sheet := i18n.ZH.T("export.r_hardship")
	rows, err := f.GetRows(sheet)
	if err != nil || len(rows) != 3+2+1 {
		t.Fatalf("rows %v %v", rows, err)
	}
	for c, h := range rows[2] {
		got, _ := f.GetCellValue(sheet, cell(c, len(rows)))
		got = strings.ReplaceAll(got, ",", "")
		switch h {
		case i18n.ZH.T("export.f_aid_value"):
			if got != model.Money(aid).String() {
				t.Errorf("merged aid %s, want %s", got, model.Money(aid).String())
			}
		case i18n.ZH.T("export.f_hardship_active"):
			if got != itoa(uint64(active)) {
				t.Errorf("merged active %s, want %d", got, active)
			}
		}
	}
}

func TestHardshipStatusOn(t *testing.T) {
	d := model.NewDate
	f := &model.HardshipFile{Status: model.HardshipLifted, AppliedDate: d(2025, 3, 1), ApprovedDate: d(2025, 4, 1), LiftDate: d(2026, 5, 1)}
	for day, want := range map[model.Date]model.HardshipStatus{
		d(2025, 2, 1): 0, d(2025, 3, 15): model.HardshipApplied, d(2025, 12, 31): model.HardshipActive,
		d(2026, 6, 30): model.HardshipLifted,
	} {
		if got := hardshipStatusOn(f, day); got != want {
			t.Errorf("%s: %v, want %v", day, got, want)
		}
	}
}
