package ledger

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/uitest"
)

// booksSeed adds to the cash book's fixture what the books' screens show:
// a withdrawal, budget lines, a unit's 工会经费 (paid in part) and an
// October bank statement.
func booksSeed(t *testing.T, s *storage.Store) {
	t.Helper()
	if err := s.AddTransfer(op, &model.Transfer{Date: 20261105, From: model.MoneyBank, To: model.MoneyCash, Amount: model.Yuan(1500), Memo: "备用金"}); err != nil {
		t.Fatal(err)
	}
	for code, amt := range map[string]model.Money{"50101": model.Yuan(1500), "50102": model.Yuan(6000), "50405": model.Yuan(3000)} {
		if _, err := s.SetBudget(op, &model.Budget{Year: 2026, Account: code, Amount: amt}); err != nil {
			t.Fatal(err)
		}
	}
	units, _ := s.Units()
	f := model.UnitFunds{UnitID: units[0].ID, From: 202607, To: 202609, Payroll: model.Yuan(480000)}
	if err := s.AddUnitFunds(op, &f); err != nil {
		t.Fatal(err)
	}
	if err := s.PayFunds(op, &model.FundsPayment{FundsID: f.ID, Date: 20261015, Paid: model.Yuan(5000), Money: model.MoneyBank}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetBankStatement(op, 20261031, model.Yuan(21000)); err != nil {
		t.Fatal(err)
	}
}

func booksHarness(t *testing.T, lang i18n.Lang, w, h int) *harness {
	t.Helper()
	hs, _ := newHarness(t, lang, w, h, true)
	booksSeed(t, hs.C.Store)
	hs.Send(common.DataChangedMsg{Entity: model.EntityTransfer})
	return hs
}

// menuTo opens the books menu and chooses its item'th entry.
func (hs *harness) menuTo(item int) {
	hs.Keys("b")
	for i := 1; i < item; i++ {
		hs.Keys("down")
	}
	hs.Keys("enter")
}

func TestGoldenBooksMenu(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := booksHarness(t, lang, w, h)
		hs.Keys("b")
		hs.RequireGolden()
	})
}

func TestGoldenBooksOpenings(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := booksHarness(t, lang, w, h)
		hs.menuTo(menuOpenings)
		hs.RequireGolden()
	})
}

func TestGoldenBooksTransfer(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := booksHarness(t, lang, w, h)
		hs.Keys("T", "tab", "tab")
		hs.Type("-5")
		hs.RequireGolden()
	})
}

func TestGoldenBooksReconcile(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := booksHarness(t, lang, w, h)
		hs.menuTo(menuReconcile)
		hs.Keys("space") // the first line ticked
		hs.RequireGolden()
	})
}

func TestGoldenBooksClose(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := booksHarness(t, lang, w, h)
		hs.menuTo(menuClose)
		hs.RequireGolden()
	})
}

func TestGoldenBooksBudget(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := booksHarness(t, lang, w, h)
		hs.menuTo(menuBudget)
		hs.RequireGolden()
	})
}

func TestGoldenBooksConsolation(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := booksHarness(t, lang, w, h)
		hs.menuTo(menuConsolation)
		hs.Keys("tab", "tab", "tab", "tab")
		hs.Type("200")
		hs.Keys("tab", "right") // money: only illness and bereavement
		hs.RequireGolden()
	})
}

func TestGoldenBooksFunds(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := booksHarness(t, lang, w, h)
		hs.menuTo(menuFunds)
		hs.RequireGolden()
	})
}

func TestGoldenBooksPrint(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := booksHarness(t, lang, w, h)
		hs.Keys("p")
		hs.RequireGolden()
	})
}

// A withdrawal moves money from the bank to the cash box: the balances
// follow, the book's total does not.
func TestTransferMovesBetweenCashAndBank(t *testing.T) {
	hs := booksHarness(t, i18n.ZH, 100, 30)
	before := hs.list().money
	total := hs.list().balance
	hs.Keys("T", "tab", "tab")
	hs.Type("300")
	hs.Keys("ctrl+s")
	if hs.on() != "list" || hs.Status.Error {
		t.Fatalf("on %s, status %+v", hs.on(), hs.Status)
	}
	after := hs.list().money
	if after[model.MoneyCash] != before[model.MoneyCash]+model.Yuan(300) || after[model.MoneyBank] != before[model.MoneyBank]-model.Yuan(300) || hs.list().balance != total {
		t.Errorf("balances %v → %v", before, after)
	}
	uitest.Contains(t, hs.Screen(), "现金 3,830.80")
}

// Ticking every bank line of October against a statement that shows them
// all leaves no difference.
func TestReconcileToZero(t *testing.T) {
	hs := booksHarness(t, i18n.EN, 100, 30)
	hs.menuTo(menuReconcile)
	hs.Keys("a") // October, every line
	r, err := hs.C.Store.Reconcile(20261031)
	if err != nil || r.Difference() != model.Yuan(21000)-r.Cleared || len(r.Outstanding) != 0 {
		t.Fatalf("%+v %v", r, err)
	}
	// The statement's balance entered as the bank shows it.
	hs.Keys("s", "tab")
	hs.clear(len("21000.00"))
	hs.Type(r.Book.String())
	hs.Keys("ctrl+s")
	uitest.Contains(t, hs.Screen(), "Difference: 0.00")
}

// A month without a bank statement has no difference to show: against no
// statement it would be the whole cleared balance, which alarms for
// nothing.
func TestReconcileWithoutStatementShowsNoDifference(t *testing.T) {
	hs := booksHarness(t, i18n.EN, 100, 30)
	hs.menuTo(menuReconcile)
	hs.Keys("[") // September: no statement on or before it
	if r, _ := hs.C.Store.Reconcile(20260930); r.HasStatement || r.Difference() == 0 {
		t.Fatalf("the fixture should have no statement by September and a cleared balance: %+v", r)
	}
	screen := hs.Screen()
	uitest.Contains(t, screen, "2026-09-30", "Statement: none (press s)", "Difference: -  ")
}

// After closing October an entry dated in it is refused next to its date.
func TestCloseThenBackdatedEntryIsRefused(t *testing.T) {
	hs := booksHarness(t, i18n.ZH, 100, 30)
	hs.menuTo(menuClose)
	hs.Keys("ctrl+s")
	if hs.on() != "list" {
		t.Fatalf("closing failed: %s\n%s", hs.Status.Text, hs.Screen())
	}
	// The books start in October: closing October closes the months of
	// the year before it too, and the status says so (it used to say "10
	// closing records" for the one month she closed).
	uitest.Contains(t, hs.Status.Text, "已结账 2026-01 至 2026-10：库存现金")
	if strings.Contains(hs.Status.Text, "结账记录") {
		t.Errorf("status %q counts records", hs.Status.Text)
	}
	hs.Keys("n")
	hs.clear(len("2026-11-21"))
	hs.Type("2026-10-30")
	hs.Keys("tab", "tab", "enter")
	hs.Type("wt")
	hs.Keys("enter", "tab")
	hs.Type("100")
	hs.Keys("tab", "tab")
	hs.Type("补记")
	hs.Keys("ctrl+s")
	uitest.Contains(t, hs.Screen(), "所在的期间已结账")
	if hs.on() != "entry" {
		t.Errorf("the refused entry left its form: %s", hs.on())
	}
}

func TestBudgetLineAndWarning(t *testing.T) {
	hs := booksHarness(t, i18n.ZH, 100, 30)
	// Office spending has no budget line: the foot sets the budget
	// against the budgeted lines' 7,250.50 only (it said 7,350.50).
	addEntry(t, hs.C.Store, model.LedgerEntry{Date: 20261120, Direction: model.Out, Account: "50602", Amount: model.Yuan(100), Memo: "打印纸"})
	hs.menuTo(menuBudget)
	uitest.Contains(t, hs.Screen(), "50101 职工教育支出", "1,500.00", "超预算") // 1,800 spent in October
	uitest.Contains(t, hs.Screen(), "支出预算：10,500.00  本年累计：7,250.50  剩余：3,249.50")
	hs.Keys("n", "enter")
	hs.Type("xchd") // 宣传活动支出
	hs.Keys("enter", "tab")
	hs.Type("800")
	hs.Keys("ctrl+s")
	if b, _ := hs.C.Store.Budgets(2026); len(b) != 4 {
		t.Errorf("budget lines %+v", b)
	}
	uitest.Contains(t, hs.Screen(), "50103 宣传活动支出", "800.00")
}

func TestConsolationForAUnit(t *testing.T) {
	hs := booksHarness(t, i18n.ZH, 100, 30)
	hs.menuTo(menuConsolation)
	hs.Keys("tab", "tab", "enter")
	hs.Type("hd") // 宏达
	hs.Keys("enter", "tab", "tab")
	hs.Type("200")
	hs.Keys("tab", "tab")
	hs.Type("月饼")
	hs.Keys("ctrl+s")
	if hs.Status.Error || hs.on() != "list" {
		t.Fatalf("status %+v on %s\n%s", hs.Status, hs.on(), hs.Screen())
	}
	cs, _ := hs.C.Store.Consolations(2026)
	if len(cs) != 1 || len(cs[0].Members) != 1 || cs[0].Account != "50105" || cs[0].Total() != model.Yuan(200) {
		t.Errorf("consolations %+v", cs)
	}
}

func TestFundsPayment(t *testing.T) {
	hs := booksHarness(t, i18n.EN, 100, 30)
	hs.menuTo(menuFunds)
	// 480,000 × 2% = 9,600 due, 5,000 paid: 4,600 offered.
	hs.Keys("enter")
	uitest.Contains(t, hs.Screen(), "4600.00")
	hs.Keys("ctrl+s")
	rows, _ := hs.C.Store.Funds()
	if len(rows) != 1 || rows[0].Outstanding() != 0 || rows[0].Received != model.MulBP(model.Yuan(9600), 6000) {
		t.Errorf("funds %+v", rows)
	}
	if hs.Status.Error {
		t.Errorf("paying what was due warns: %q", hs.Status.Text)
	}
	// 100.00 more than is due: saved, with a warning to look.
	hs.Keys("enter", "tab", "ctrl+u")
	hs.Type("100")
	hs.Keys("ctrl+s")
	uitest.Contains(t, hs.Status.Text, "Note: paid more than the 9,600.00 due, by 100.00")
	if rows, _ := hs.C.Store.Funds(); rows[0].Paid != model.Yuan(9700) {
		t.Errorf("paid %s", rows[0].Paid.Display())
	}
}

func TestPrintWritesTheWorkbook(t *testing.T) {
	hs := booksHarness(t, i18n.ZH, 100, 30)
	hs.Keys("p", "ctrl+s")
	want := filepath.Join(filepath.Dir(hs.C.Store.Path()), "收入支出表_2026-11.xlsx")
	if fi, err := os.Stat(want); err != nil || fi.Size() == 0 {
		t.Fatalf("%s: %v (status %q)", want, err, hs.Status.Text)
	}
	uitest.Contains(t, hs.Status.Text, "已写出")
}

// clear erases n characters of the focused field.
func (hs *harness) clear(n int) {
	for range n {
		hs.Keys("backspace")
	}
}

// Saving spending past its budget line says so at once (the issue's
// warning; before, only the budget screen showed 超预算), and a transfer of
// more cash than the box holds is saved with a warning naming the day and
// the balance, since closing will refuse the month.
func TestPostingWarnsOfBudgetAndCashBelowZero(t *testing.T) {
	hs := booksHarness(t, i18n.ZH, 100, 30)
	hs.fillEntry(false, "50101", "100", "青山镇成校", "教材")
	hs.Keys("ctrl+s")
	if hs.on() != "list" {
		t.Fatalf("not saved: %s\n%s", hs.Status.Text, hs.Screen())
	}
	uitest.Contains(t, hs.Status.Text, "已记账", "注意：50101 职工教育支出 今年已支出超过预算 1,500.00，超出 400.00")
	if !hs.Status.Error {
		t.Error("the warning is not shown as one")
	}
	// 3,530.80 in the cash box, 5,000.00 taken to the bank.
	hs.Keys("T", "right", "tab", "tab")
	hs.Type("5000")
	hs.Keys("ctrl+s")
	if hs.on() != "list" {
		t.Fatalf("transfer not saved: %s\n%s", hs.Status.Text, hs.Screen())
	}
	uitest.Contains(t, hs.Status.Text, "存现 5,000.00", "注意：库存现金 在 2026-11-21 日终余额为 -1,469.20")

	en := booksHarness(t, i18n.EN, 100, 30)
	en.fillEntry(false, "50101", "100", "school", "books")
	en.Keys("ctrl+s")
	uitest.Contains(t, en.Status.Text, ". Note: spending on 50101")
}

// A consolation paid from a cash box too small for it is saved with the
// warning of the day it ends below zero, after what was saved.
func TestConsolationFromTooLittleCashWarns(t *testing.T) {
	hs := booksHarness(t, i18n.ZH, 100, 30)
	hs.menuTo(menuConsolation)
	hs.Keys("tab", "tab", "enter")
	hs.Type("hd") // 宏达
	hs.Keys("enter", "tab", "tab")
	hs.Type("5000")
	hs.Keys("tab", "tab")
	hs.Type("月饼")
	hs.Keys("tab", "tab", "left") // from the cash box
	hs.Keys("ctrl+s")
	if hs.on() != "list" {
		t.Fatalf("not saved: %q\n%s", hs.Status.Text, hs.Screen())
	}
	uitest.Contains(t, hs.Status.Text, "已记", "注意：库存现金 在 2026-11-21 日终余额为 -1,469.20")
}
