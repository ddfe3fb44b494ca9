package report

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
)

const op = "李秘书"

// books writes two months of work in 2024 (the clock is 15 June 2024):
// openings cash 1,000.00 and bank 20,000.00 on 1 January; 01-05 dues
// 300.00 cash; 01-10 402 12,345.67 bank; 01-15 50101 training 1,200.50
// bank; 01-20 取现 500.00; 01-25 50405 680.00 cash; 02-03 40301
// 5,000.00 bank; 02-10 50102 2,345.60 bank; 02-28 50602 88.88 cash.
func books(t *testing.T) *storage.Store {
	t.Helper()
	now := time.Date(2024, 6, 15, 10, 0, 0, 0, time.Local)
	s, err := storage.Open(filepath.Join(t.TempDir(), "u.db"), storage.Options{Now: func() time.Time { return now }, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	p := model.DefaultProfile()
	p.UnionName = "青山镇总工会"
	p.Books.Signatures = model.SignatureLine{Chair: "陈建国", Preparer: op}
	if err := s.SaveProfile(op, p); err != nil {
		t.Fatal(err)
	}
	for _, o := range []model.OpeningBalance{{Money: model.MoneyCash, Date: 20240101, Amount: 100000}, {Money: model.MoneyBank, Date: 20240101, Amount: 2000000}} {
		if err := s.SetOpening(op, &o); err != nil {
			t.Fatal(err)
		}
	}
	entry := func(d model.Date, dir model.Direction, code string, amt model.Money, m model.MoneyAccount, memo string) {
		e := model.LedgerEntry{Date: d, Direction: dir, Account: code, Amount: amt, Money: m, Memo: memo}
		if err := s.AddLedgerEntry(op, &e); err != nil {
			t.Fatal(err)
		}
	}
	entry(20240105, model.In, "401", 30000, model.MoneyCash, "一月会费")
	entry(20240110, model.In, "402", 1234567, model.MoneyBank, "拨缴经费")
	entry(20240115, model.Out, "50101", 120050, model.MoneyBank, "职工技能培训")
	if err := s.AddTransfer(op, &model.Transfer{Date: 20240120, From: model.MoneyBank, To: model.MoneyCash, Amount: 50000}); err != nil {
		t.Fatal(err)
	}
	entry(20240125, model.Out, "50405", 68000, model.MoneyCash, "春节慰问")
	entry(20240203, model.In, "40301", 500000, model.MoneyBank, "上级补助")
	entry(20240210, model.Out, "50102", 234560, model.MoneyBank, "篮球赛")
	entry(20240228, model.Out, "50602", 8888, model.MoneyCash, "办公用品")
	if _, err := s.SetBudget(op, &model.Budget{Year: 2024, Account: "50101", Amount: 100000}); err != nil {
		t.Fatal(err)
	}
	return s
}

// write writes a report and reads its sheets back.
func write(t *testing.T, s *storage.Store, name, period string, m model.MoneyAccount, l i18n.Lang) (*excelize.File, map[string][][]string) {
	t.Helper()
	p, err := model.ParsePeriod(period)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "r.xlsx")
	if err := WriteFile(s, name, Options{Period: p, Money: m, Lang: l}, path); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	out := map[string][][]string{}
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		out[sh] = rows
	}
	return f, out
}

// find is the row whose first cells are prefix.
func find(rows [][]string, col int, text string) []string {
	for _, r := range rows {
		if len(r) > col && r[col] == text {
			return r
		}
	}
	return nil
}

func portrait(t *testing.T, f *excelize.File, sheet string) {
	t.Helper()
	pl, err := f.GetPageLayout(sheet)
	if err != nil || pl.Orientation == nil || *pl.Orientation != "portrait" || pl.Size == nil || *pl.Size != 9 {
		t.Errorf("%s is not A4 portrait: %+v %v", sheet, pl, err)
	}
}

func signed(t *testing.T, rows [][]string) {
	t.Helper()
	// The chair signs first; the preparer last, on the same row or one of
	// the next (narrow forms take two rows).
	for i, r := range rows {
		if len(r) == 0 || !strings.HasPrefix(r[0], "工会主席：陈建国") {
			continue
		}
		for _, next := range rows[i:min(i+2, len(rows))] {
			if slices.Contains(next, "制表："+op) {
				return
			}
		}
	}
	t.Errorf("no signature line: %q", rows[max(len(rows)-2, 0):])
}

func TestCashJournal(t *testing.T) {
	s := books(t)
	f, sheets := write(t, s, "journal", "2024-02", model.MoneyCash, i18n.ZH)
	rows := sheets["现金日记账"]
	if rows == nil {
		t.Fatalf("sheets %v", f.GetSheetList())
	}
	portrait(t, f, "现金日记账")
	// February opens with January's 1,120.00 and ends at 1,031.12.
	if r := find(rows, 2, "期初余额"); r == nil || r[6] != "1120" {
		t.Errorf("brought forward %q", r)
	}
	if r := find(rows, 2, "本月合计"); r == nil || r[4] != "" && r[4] != "0" || r[5] != "88.88" || r[6] != "1031.12" {
		t.Errorf("month total %q", r)
	}
	// The year so far: in 300 + 500 (取现), out 680 + 88.88.
	if r := find(rows, 2, "本年累计"); r == nil || r[4] != "800" || r[5] != "768.88" {
		t.Errorf("year total %q", r)
	}
	signed(t, rows)

	_, sheets = write(t, s, "journal", "2024-01", model.MoneyBank, i18n.ZH)
	rows = sheets["银行存款日记账"]
	if r := find(rows, 2, "上年结转"); r == nil || r[6] != "20000" {
		t.Errorf("January opens with last year's balance: %q", r)
	}
	if r := find(rows, 2, "取现"); r == nil || r[3] != "101 库存现金" || r[5] != "500" {
		t.Errorf("withdrawal on the bank side %q", r)
	}
}

// The printed statement agrees to the fen with the hand calculation:
// February income 5,000.00, spending 2,345.60 + 88.88 = 2,434.48; the
// year so far 17,645.67 and 4,314.98.
func TestStatementPrint(t *testing.T) {
	s := books(t)
	f, sheets := write(t, s, "statement", "2024-02", 0, i18n.ZH)
	rows := sheets["收入支出表"]
	portrait(t, f, "收入支出表")
	if r := find(rows, 0, "三、收入合计"); r == nil || r[2] != "5000" || r[3] != "17645.67" {
		t.Errorf("income %q", r)
	}
	if r := find(rows, 0, "四、支出合计"); r == nil || r[2] != "2434.48" || r[3] != "4314.98" {
		t.Errorf("expense %q", r)
	}
	if r := find(rows, 0, "五、本期收支差额"); r == nil || r[2] != "2565.52" || r[3] != "13330.69" {
		t.Errorf("difference %q", r)
	}
	if r := find(rows, 0, "        50405 送温暖支出"); r == nil || r[3] != "680" {
		t.Errorf("50405 %q", r)
	}
	if hf, _ := f.GetHeaderFooter("收入支出表"); hf == nil || !strings.Contains(hf.OddHeader, "工会02表") {
		t.Errorf("form number missing from the header: %+v", hf)
	}
	signed(t, rows)
	budget := sheets["预算执行情况"]
	if r := find(budget, 0, "        50101 职工教育支出"); r == nil || r[1] != "1000" || r[2] != "1200.5" || r[3] != "-200.5" || r[5] != "超预算" {
		t.Errorf("budget line %q", r)
	}
	// The totals are over the lines with a budget: 501's 1,000.00 (its
	// 50101 line) against 501's 3,546.10 (1,200.50 + 2,345.60), not the
	// year's 4,314.98 of spending (50405 and 50602 have no budget); income
	// has no budget, so no income total (it read budget 0, remaining
	// -17,645.67).
	if r := find(budget, 0, "有预算的支出合计"); r == nil || r[1] != "1000" || r[2] != "3546.1" || r[3] != "-2546.1" {
		t.Errorf("budget total %q", r)
	}
	for _, r := range budget {
		if len(r) > 0 && strings.Contains(r[0], "收入合计") {
			t.Errorf("income total without an income budget: %q", r)
		}
	}

	// A year's statement fills the balances at its start and end.
	_, sheets = write(t, s, "statement", "2024", 0, i18n.EN)
	rows = sheets["Income and expense statement"]
	if r := find(rows, 0, "1. Balance at the start of the year"); r == nil || r[2] != "21000" {
		t.Errorf("opening %q", r)
	}
	if r := find(rows, 0, "6. Balance at the end of the year"); r == nil || r[2] != "34330.69" {
		t.Errorf("closing %q", r)
	}
}

func TestVouchers(t *testing.T) {
	s := books(t)
	_, sheets := write(t, s, "vouchers", "2024-01", 0, i18n.ZH)
	rows := sheets["记账凭证"]
	n := 0
	for _, r := range rows {
		if len(r) > 0 && r[0] == "记 账 凭 证" {
			n++
		}
	}
	if n != 5 {
		t.Errorf("%d vouchers, want 5 (four entries and the transfer)", n)
	}
	// The training: debit 50101, credit 102.
	for i, r := range rows {
		if len(r) > 2 && r[0] == "职工技能培训" {
			if r[1] != "50101" || r[3] != "1200.5" || rows[i+1][1] != "102" || rows[i+1][4] != "1200.5" {
				t.Errorf("training voucher %q %q", r, rows[i+1])
			}
		}
	}
	signed(t, rows)

	// English counts its vouchers without a plural to get wrong (it read
	// "1 vouchers").
	_, sheets = write(t, s, "vouchers", "2024-01", 0, i18n.EN)
	if r := sheets["Vouchers"]; len(r) < 2 || !strings.HasSuffix(r[1][0], "vouchers: 5") {
		t.Errorf("English sub line %q", r[:min(2, len(r))])
	}
}

func TestReportNeedsItsAccount(t *testing.T) {
	s := books(t)
	p, _ := model.ParsePeriod("2024-01")
	err := WriteTo(s, "journal", Options{Period: p, Lang: i18n.ZH}, nil)
	if err == nil || !strings.Contains(i18n.Text(err, i18n.EN), "cash or bank") {
		t.Errorf("journal without an account: %v", err)
	}
	if err := WriteTo(s, "ledger-art", Options{Period: p}, nil); err == nil {
		t.Error("unknown report written")
	}
	if got := FileName("journal", Options{Period: p, Money: model.MoneyBank, Lang: i18n.ZH}); got != "银行存款日记账_2024-01.xlsx" {
		t.Errorf("file name %s", got)
	}
}

// Books that start in the program in March print from their opening
// balance: one opening line, no balance of nothing brought forward, no
// empty January and February; the year's totals count from March.
func TestJournalOfBooksStartingMidYear(t *testing.T) {
	now := time.Date(2024, 6, 15, 10, 0, 0, 0, time.Local)
	s, err := storage.Open(filepath.Join(t.TempDir(), "u.db"), storage.Options{NoSync: true, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	for _, o := range []model.OpeningBalance{{Money: model.MoneyCash, Date: 20240301, Amount: 150000}, {Money: model.MoneyBank, Date: 20240301, Amount: 4800000}} {
		if err := s.SetOpening(op, &o); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.AddTransfer(op, &model.Transfer{Date: 20240305, From: model.MoneyBank, To: model.MoneyCash, Amount: 300000, Memo: "备用金"}); err != nil {
		t.Fatal(err)
	}
	e := model.LedgerEntry{Date: 20240306, Direction: model.Out, Account: "50102", Amount: 123456, Money: model.MoneyCash, Memo: "篮球赛饮用水"}
	if err := s.AddLedgerEntry(op, &e); err != nil {
		t.Fatal(err)
	}
	for _, period := range []string{"2024-03", "2024"} {
		_, sheets := write(t, s, "journal", period, model.MoneyCash, i18n.ZH)
		rows := sheets["现金日记账"]
		var openings, monthTotals int
		for _, r := range rows {
			if len(r) > 2 && (r[2] == "期初余额" || r[2] == "上年结转") {
				openings++
				if r[0] != "2024-03-01" || r[6] != "1500" {
					t.Errorf("%s: opening line %q, want 2024-03-01 1500", period, r)
				}
			}
			if len(r) > 2 && r[2] == "本月合计" {
				monthTotals++
			}
		}
		if openings != 1 {
			t.Errorf("%s: %d opening lines, want 1", period, openings)
		}
		if want := map[string]int{"2024-03": 1, "2024": 10}[period]; monthTotals != want {
			t.Errorf("%s: %d month totals, want %d (March to December)", period, monthTotals, want)
		}
		if r := find(rows, 2, "本年累计"); r == nil || r[4] != "3000" || r[5] != "1234.56" || r[6] != "3265.44" {
			t.Errorf("%s: year to date %q", period, r)
		}
	}

	// In English the lines say the accounts and the withdrawal in English.
	_, sheets := write(t, s, "journal", "2024-03", model.MoneyCash, i18n.EN)
	rows := sheets["Cash journal"]
	if r := find(rows, 1, "2024-0001"); r == nil || r[2] != "withdrawal (bank to cash) 备用金" || r[3] != "102 Bank deposits" {
		t.Errorf("the withdrawal in English %q", r)
	}
	if r := find(rows, 1, "2024-0002"); r == nil || r[3] != "50102 Culture and sports" {
		t.Errorf("the entry in English %q", r)
	}
}
