package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"unionbook/model"
	"unionbook/storage"
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
