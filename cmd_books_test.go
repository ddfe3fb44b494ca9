package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"unionbook/model"
	"unionbook/storage"

	"github.com/charmbracelet/x/ansi"
)

// A new user's month, as the issue puts it: set the opening balances,
// record a month of cash and bank work, reconcile the bank, close the
// month, try to back-date an entry, print the journals and the statement.
// The dates are last month's, so the month can be closed today.
func TestNewUserKeepsAMonthOfBooks(t *testing.T) {
	db := tempDB(t)
	st, err := storage.Open(db, storage.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	last := model.Today().Month().Add(-1)
	day := func(d int) string { return model.Date(int(last)*100 + d).String() }
	books := func(args ...string) []string { return append([]string{"books"}, append(args, "--db", db)...) }

	if out := runZH(books("status")...).expect(t, 0).stdout; !strings.Contains(out, "请先设期初余额") {
		t.Errorf("status asks for the opening balances:\n%s", out)
	}
	runZH(books("opening", "--money", "cash", "--date", last.First().String(), "--amount", "1000")...).expect(t, 0)
	runZH(books("opening", "--money", "bank", "--date", last.First().String(), "--amount", "20,000.00")...).expect(t, 0)
	if r := runEN(books("opening", "--money", "cash", "--date", last.First().String(), "--amount", "-5")...).expect(t, 1); !strings.Contains(r.stderr, "cannot be below zero") {
		t.Errorf("negative opening: %s", r.stderr)
	}
	runZH(books("entry", "--date", day(5), "--code", "401", "--amount", "300", "--money", "cash", "--memo", "会费")...).expect(t, 0)
	runZH(books("entry", "--date", day(10), "--code", "402", "--amount", "12345.67", "--money", "bank")...).expect(t, 0)
	runZH(books("entry", "--date", day(15), "--code", "50101", "--amount", "1200.50", "--money", "bank", "--memo", "培训")...).expect(t, 0)
	out := runZH(books("transfer", "--from", "bank", "--to", "cash", "--date", day(20), "--amount", "500")...).expect(t, 0).stdout
	if !strings.Contains(out, "取现") {
		t.Errorf("withdrawal: %s", out)
	}
	runZH(books("entry", "--date", day(25), "--code", "50405", "--amount", "680", "--money", "cash")...).expect(t, 0)
	if r := runZH(books("transfer", "--from", "cash", "--to", "cash", "--date", day(26), "--amount", "1")...).expect(t, 1); !strings.Contains(r.stderr, "不能是同一个账户") {
		t.Errorf("transfer to the same account: %s", r.stderr)
	}
	if r := runZH(books("budget", "--year", "2024", "--code", "504", "--amount", "100")...).expect(t, 1); !strings.Contains(r.stderr, "预算请编到明细科目") {
		t.Errorf("budget on a heading: %s", r.stderr)
	}

	// The bank statement shows everything: reconciled.
	out = runZH(books("reconcile", "--date", last.Last().String(), "--amount", "30645.17", "--tick", "all")...).expect(t, 0).stdout
	if !strings.Contains(out, "未达差额") || !strings.Contains(out, "0.00") {
		t.Errorf("reconciliation:\n%s", out)
	}
	out = runZH(books("close", "--period", last.String())...).expect(t, 0).stdout
	if !strings.Contains(out, "库存现金 1,120.00") || !strings.Contains(out, "银行存款 30,645.17") {
		t.Errorf("closing:\n%s", out)
	}
	if r := runZH(books("entry", "--date", day(28), "--code", "408", "--amount", "1", "--money", "cash")...).expect(t, 1); !strings.Contains(r.stderr, "已结账") {
		t.Errorf("back-dated entry: %s", r.stderr)
	}

	dir := t.TempDir()
	for _, r := range [][]string{
		{"journal", "--account", "cash", "--out", filepath.Join(dir, "cash.xlsx")},
		{"journal", "--account", "bank", "--out", filepath.Join(dir, "bank.xlsx")},
		{"statement", "--out", filepath.Join(dir, "statement.xlsx")},
		{"vouchers", "--out", filepath.Join(dir, "vouchers.xlsx")},
	} {
		args := append([]string{"report"}, r...)
		runEN(append(args, "--period", last.String(), "--db", db)...).expect(t, 0)
		fi, err := os.Stat(r[len(r)-1])
		if err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v %v", r[len(r)-1], fi, err)
		}
	}
	if r := runEN("report", "journal", "--period", last.String(), "--db", db).expect(t, 2); !strings.Contains(r.stderr, "--account cash or bank") {
		t.Errorf("journal without account: %s", r.stderr)
	}
	if r := runEN("report", "ledger-art", "--period", last.String(), "--db", db).expect(t, 2); !strings.Contains(r.stderr, "journal|statement|vouchers") {
		t.Errorf("unknown report: %s", r.stderr)
	}
	if out := runEN("check", "--db", db).expect(t, 0).stdout; !strings.Contains(out, "1 closings") && !strings.Contains(out, "closings") {
		t.Errorf("check:\n%s", out)
	}
}

// books transfer and books entry warn on stderr when they leave a money
// account below zero (the month will not close), and an entry by hand on a
// heading account is refused.
func TestBooksWarnsOfMoneyBelowZero(t *testing.T) {
	db := tempDB(t)
	st, err := storage.Open(db, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	last := model.Today().Month().Add(-1)
	day := func(d int) string { return model.Date(int(last)*100 + d).String() }
	books := func(args ...string) []string { return append([]string{"books"}, append(args, "--db", db)...) }
	runZH(books("opening", "--money", "cash", "--date", last.First().String(), "--amount", "100")...).expect(t, 0)
	r := runZH(books("transfer", "--from", "cash", "--to", "bank", "--date", day(3), "--amount", "500")...).expect(t, 0)
	if !strings.Contains(r.stdout, "存现") || !strings.Contains(r.stderr, "注意：库存现金 在 "+day(3)+" 日终余额为 -400.00") {
		t.Errorf("transfer past the cash held:\n%s\n%s", r.stdout, r.stderr)
	}
	r = runEN(books("entry", "--date", day(4), "--code", "50602", "--amount", "1", "--money", "cash", "--memo", "paper")...).expect(t, 0)
	if !strings.Contains(r.stderr, "note: cash ends "+day(4)+" at -401.00, below zero") {
		t.Errorf("entry with the cash box short:\n%s", r.stderr)
	}
	if r := runZH(books("entry", "--date", day(4), "--code", "501", "--amount", "1", "--money", "bank", "--memo", "补记")...).expect(t, 1); !strings.Contains(r.stderr, "501 职工活动支出 下面有明细科目，请记到明细科目") {
		t.Errorf("entry on a heading: %s", r.stderr)
	}
}

// books chart --file loads the union's own chart; status and chart name it
// in the user's words with the sheet it came from (they printed "own" and a
// hard-coded "导入自" with the whole path).
func TestBooksChartFromASheet(t *testing.T) {
	db := tempDB(t)
	st, err := storage.Open(db, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	sheet := filepath.Join(t.TempDir(), "chart.csv")
	csv := "科目编号,科目名称,上级科目,收支方向\n401,会费收入,,收入\n501,职工活动支出,,支出\n50105,会员活动支出,501,支出\n5010501,节日慰问,50105,支出\n"
	if err := os.WriteFile(sheet, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	year := strconv.Itoa(model.Today().Year() + 1)
	books := func(args ...string) []string { return append([]string{"books"}, append(args, "--db", db)...) }
	runZH(books("chart", "--file", sheet, "--year", year)...).expect(t, 0)
	out := runZH(books("chart", "--year", year)...).expect(t, 0).stdout
	if !strings.Contains(out, "科目表：本会自定（导入自 chart.csv）") || !strings.Contains(out, "5010501") {
		t.Errorf("zh chart:\n%s", out)
	}
	out = runEN(books("chart", "--year", year)...).expect(t, 0).stdout
	if !strings.HasPrefix(out, "chart: the union's own (") {
		t.Errorf("en chart:\n%s", out)
	}
}

// books funds and pay-funds: a unit's 工会经费 for a quarter, paid in full,
// then 10.00 more, which is kept with a warning; the list's period column
// starts under its title.
func TestBooksFundsPaidAndOverpaid(t *testing.T) {
	db := tempDB(t)
	st, err := storage.Open(db, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.CreateUnit("李秘书", &model.Unit{Name: "青山镇宏达机械制造有限公司工会", Kind: 170, Employees: 120}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	q := model.Today().Month().Add(-3)
	books := func(args ...string) []string { return append([]string{"books"}, append(args, "--db", db)...) }
	out := runZH(books("funds", "--unit", "青山镇宏达机械制造有限公司工会", "--from", q.String(), "--to", q.Add(2).String(), "--payroll", "100000")...).expect(t, 0).stdout
	lines := strings.Split(out, "\n")
	var head, row string
	for _, l := range lines {
		if strings.Contains(l, "期间") {
			head = l
		}
		if strings.Contains(l, q.String()+"..") {
			row = l
		}
	}
	if head == "" || row == "" || ansi.StringWidth(head[:strings.Index(head, "期间")]) != ansi.StringWidth(row[:strings.Index(row, q.String()+"..")]) {
		t.Errorf("the period is not under its title:\n%s", out)
	}
	r := runZH(books("pay-funds", "--record", "1", "--date", model.Today().String(), "--amount", "2000", "--money", "bank")...).expect(t, 0)
	if !strings.Contains(r.stdout, "已记缴款 2,000.00") || r.stderr != "" {
		t.Errorf("paid in full:\n%s\n%s", r.stdout, r.stderr)
	}
	r = runZH(books("pay-funds", "--record", "1", "--date", model.Today().String(), "--amount", "10", "--money", "bank")...).expect(t, 0)
	if !strings.Contains(r.stderr, "注意：已缴超过应缴 2,000.00，多出 10.00") {
		t.Errorf("overpaid:\n%s\n%s", r.stdout, r.stderr)
	}
}
