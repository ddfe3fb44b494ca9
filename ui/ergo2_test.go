package ui

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/uitest"
)

// books is the walked township with what the books' and the cases'
// lists show: 工会经费 of two more units (张坑村 before 李坑村 by ID and
// character code, after it in pinyin), an entry in the bank, a budget
// line, a case and a risk check.
var books = &fixture{name: "books", seed: seedBooks}

func seedBooks(s *storage.Store) error {
	if err := seedWalk(s); err != nil {
		return err
	}
	var errs []error
	us, err := s.Units()
	errs = append(errs, err)
	for _, name := range []string{"青山镇张坑村联合工会", "青山镇李坑村联合工会"} {
		u := model.Unit{Name: name, Form: model.FormVillage, Employees: 30}
		errs = append(errs, s.CreateUnit(uitest.Operator, &u))
		errs = append(errs, s.AddUnitFunds(uitest.Operator, &model.UnitFunds{UnitID: u.ID, From: 202607, To: 202609, Payroll: model.Yuan(100_000), RateBP: 200}))
	}
	bank := model.LedgerEntry{Date: 20261020, Direction: model.In, Account: "40302", Amount: model.Yuan(3000),
		Counterparty: "滨江区总工会", Memo: "十月补助到账", Money: model.MoneyBank}
	errs = append(errs, s.AddLedgerEntry(uitest.Operator, &bank))
	_, err = s.SetBudget(uitest.Operator, &model.Budget{Year: 2026, Account: "50405", Amount: model.Yuan(1000)})
	errs = append(errs, err)
	rc := model.RiskCheck{Date: 20261103, UnitID: us[0].ID, Inspector: uitest.Operator, Level: model.RiskHigh,
		Area: model.CaseWages, Findings: "两个月未按时发放工资"}
	errs = append(errs, s.CreateRiskCheck(uitest.Operator, &rc))
	_, err = s.CreateCase(uitest.Operator, &model.Case{Received: 20261105, Channel: model.ChannelVisit, Type: model.CaseWages,
		Workers: []model.CaseWorker{{Name: "赵六", Phone: "13600001111", IDNumber: "430302199312194239"}}, Headcount: 1,
		UnitID: us[0].ID, Claimed: model.Yuan(3_600), Summary: "拖欠工资"})
	errs = append(errs, err)
	return errors.Join(errs...)
}

// sheetRows is the first sheet of the workbook at path.
func sheetRows(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// exportTo presses E (and the answers given), names the file path in the
// chooser and saves; it returns the rows written.
func exportTo(t *testing.T, a *App, path string, answers ...string) [][]string {
	t.Helper()
	keys(a, "E")
	keys(a, answers...)
	keys(a, "ctrl+u")
	typeText(a, path)
	keys(a, "ctrl+s")
	if !strings.Contains(screen(a), a.c.T("listexport.written", 0, "")[:4]) && !strings.Contains(a.footer.Status().Text, path) {
		t.Fatalf("no file written to %s:\n%s", path, screen(a))
	}
	return sheetRows(t, path)
}

// E takes out the cash book, the audit log, the cases and risk checks,
// a unit's members, the accounts chart and the books' lists (工会经费,
// reconciliation, budget), each as shown.
func TestEExportsTheBooksAndCasesLists(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	a := appOn(t, books.open(t), i18n.ZH, 120, 40)
	cell := func(rows [][]string, want string) bool {
		for _, r := range rows[3:] {
			if strings.Contains(strings.Join(r, "|"), want) {
				return true
			}
		}
		return false
	}
	for _, c := range []struct {
		name       string
		tab        string
		path       []string // from the tab to the list
		answers    []string
		title      string   // the sheet's title
		want       []string // cells that must be among the rows
		rows       int      // rows under the header
		beforeBack int      // esc to go back to the tab's root
	}{
		{"cash book", "cashbook.tab", nil, nil, "账目", []string{"帮扶补助下拨", "滨江区总工会"}, 3, 0},
		{"reconciliation", "cashbook.tab", []string{"b", "银行对账", "enter"}, nil, "银行对账", []string{"十月补助到账", "送温暖"}, 2, 1},
		{"funds", "cashbook.tab", []string{"b", "工会经费", "enter"}, nil, "工会经费", []string{"青山镇张坑村联合工会"}, 2, 1},
		{"budget", "cashbook.tab", []string{"b", "预算", "enter"}, nil, "2026 年预算执行", []string{"1,000.00"}, -1, 1},
		{"cases", "cases.tab", nil, nil, "维权案件", []string{"赵六"}, 1, 0},
		{"risk checks", "cases.tab", []string{"r"}, nil, "劳动关系隐患排查", []string{"两个月未按时发放工资"}, 1, 1},
		{"unit members", "tab.units", []string{"enter", "tab", "tab"}, []string{"f"}, "青山镇宏达机械制造有限公司工会会员", []string{"110101199003078670"}, 2, 1},
		{"chart", "tab.settings", []string{"c"}, nil, "会计科目", []string{"50405"}, -1, 1},
		{"audit log", "tab.settings", []string{"l"}, nil, "操作日志", []string{"李秘书"}, -1, 1},
	} {
		send(a, tab(t, a, c.tab))
		keys(a, c.path...)
		path := filepath.Join(dir, c.name+".xlsx")
		rows := exportTo(t, a, path, c.answers...)
		if rows[0][0] != c.title {
			t.Errorf("%s: the sheet is titled %q, want %q", c.name, rows[0][0], c.title)
		}
		if c.rows >= 0 && len(rows)-3 != c.rows {
			t.Errorf("%s: %d rows written, want %d: %q", c.name, len(rows)-3, c.rows, rows)
		}
		for _, w := range c.want {
			if !cell(rows, w) {
				t.Errorf("%s: no %q among the rows: %q", c.name, w, rows)
			}
		}
		if c.name == "funds" && !strings.Contains(rows[3][0], "李坑村") {
			t.Errorf("the units of 工会经费 are not in pinyin order (李 li before 张 zhang): %q", rows[3:])
		}
		for range c.beforeBack {
			keys(a, "esc")
		}
	}
}

// Every picker of units lists them in pinyin order: 李坑村 (li) before
// 张坑村 (zhang), though 张坑村 was registered first.
func TestUnitPickersAreInPinyinOrder(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		tab  string
		path []string
	}{
		{"工会经费", "cashbook.tab", []string{"b", "工会经费", "enter", "n", "enter"}},
		{"慰问", "cashbook.tab", []string{"b", "慰问", "enter", "tab", "tab", "enter"}},
		{"case", "cases.tab", []string{"n", "tab", "tab", "tab", "tab", "tab", "enter"}},
		{"risk check", "cases.tab", []string{"r", "n", "tab", "enter"}},
	} {
		a := appOn(t, books.open(t), i18n.ZH, 120, 40)
		send(a, tab(t, a, c.tab))
		keys(a, c.path...)
		out := screen(a)
		li, zhang := strings.Index(out, "青山镇李坑村联合工会"), strings.Index(out, "青山镇张坑村联合工会")
		if li < 0 || zhang < 0 || li > zhang {
			t.Errorf("%s: the unit picker is not in pinyin order:\n%s", c.name, out)
		}
	}
}
