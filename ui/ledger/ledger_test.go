package ledger

import (
	"fmt"
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/form"
	"unionbook/ui/picker"
	"unionbook/ui/uitest"
)

const op = uitest.Operator

// fixture is what seed wrote.
type fixture struct {
	member  model.Member
	payment model.DuesPayment // dues for 2026-10..11, posted to 401
	manual  []model.LedgerEntry
	sports  model.LedgerEntry // a manual spending entry, not reversed
	dup     model.LedgerEntry // a manual entry reversed by rev
	rev     model.LedgerEntry
}

func addEntry(t *testing.T, s *storage.Store, e model.LedgerEntry) model.LedgerEntry {
	t.Helper()
	if err := s.AddLedgerEntry(op, &e); err != nil {
		t.Fatalf("AddLedgerEntry %+v: %v", e, err)
	}
	return e
}

// seed writes a small township cash book: October income, November
// spending of several accounts, a dues payment and a reversed entry.
func seed(t *testing.T, s *storage.Store) fixture {
	t.Helper()
	var fx fixture
	if err := s.SaveProfile(op, model.Profile{UnionName: "青山镇总工会", HigherUnion: "滨江区总工会", DuesRateBP: 50, Operator: op}); err != nil {
		t.Fatal(err)
	}
	u := &model.Unit{Name: "青山镇宏达机械制造有限公司工会", Kind: 170, Employees: 320}
	if err := s.CreateUnit(op, u); err != nil {
		t.Fatal(err)
	}
	fx.member = model.Member{Name: "张三", Gender: model.Male, IDNumber: "110101199003078670", UnitID: u.ID, JoinDate: 20150301}
	if err := s.CreateMember(op, &fx.member); err != nil {
		t.Fatal(err)
	}
	// The books start in October with 2,000.00 in the cash box and
	// 10,000.00 in the bank.
	if err := s.SetOpenings(op, []model.OpeningBalance{{Money: model.MoneyCash, Date: 20261001, Amount: model.Yuan(2000)},
		{Money: model.MoneyBank, Date: 20261001, Amount: model.Yuan(10000)}}); err != nil {
		t.Fatal(err)
	}
	fx.manual = append(fx.manual,
		addEntry(t, s, model.LedgerEntry{Date: 20261008, Direction: model.In, Account: "402", Amount: model.Yuan(12000), Counterparty: "宏达机械公司", Memo: "三季度拨缴经费"}),
		addEntry(t, s, model.LedgerEntry{Date: 20261026, Direction: model.Out, Account: "50101", Amount: 180000, Counterparty: "青山镇成校", Memo: "职工技能培训"}),
	)
	fx.sports = addEntry(t, s, model.LedgerEntry{Date: 20261103, Direction: model.Out, Account: "50102", Amount: 345050, Counterparty: "青山镇文化站", Memo: "职工篮球赛场地租金"})
	fx.manual = append(fx.manual, fx.sports,
		addEntry(t, s, model.LedgerEntry{Date: 20261112, Direction: model.Out, Account: "50405", Amount: model.Yuan(2000), Counterparty: "困难职工李四", Memo: "重阳节慰问"}),
		addEntry(t, s, model.LedgerEntry{Date: 20261115, Direction: model.In, Account: "40302", Amount: model.Yuan(5000), Counterparty: "滨江区总工会", Memo: "帮扶补助下拨"}),
	)
	fx.dup = addEntry(t, s, model.LedgerEntry{Date: 20261116, Direction: model.Out, Account: "50602", Amount: 26800, Counterparty: "文具店", Memo: "办公用品"})
	fx.manual = append(fx.manual, fx.dup)
	fx.payment = model.DuesPayment{MemberID: fx.member.ID, From: 202610, To: 202611, Amount: 3080, Date: 20261118, Method: model.PayCash}
	if err := s.RecordPayment(op, &fx.payment); err != nil {
		t.Fatalf("RecordPayment: %v", err)
	}
	rev, err := s.ReverseLedgerEntry(op, fx.dup.ID, 20261120, "重复记账")
	if err != nil {
		t.Fatalf("ReverseLedgerEntry: %v", err)
	}
	fx.rev = rev
	return fx
}

// harness drives the page as the app does (see uitest.PageHarness).
type harness struct {
	*uitest.PageHarness[*Page]
}

func newHarness(t *testing.T, lang i18n.Lang, w, h int, withData bool) (*harness, fixture) {
	t.Helper()
	s := uitest.OpenStore(t, uitest.FixedNow)
	var fx fixture
	if withData {
		fx = seed(t, s)
	}
	return &harness{uitest.NewPageHarness(t, uitest.NewCommon(s, lang, uitest.FixedNow), w, h, New)}, fx
}

func TestGoldenLedgerList(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.RequireGolden()
	})
}

func TestGoldenLedgerAllMonthsIncome(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.Keys("a", "t") // every month, income only
		hs.RequireGolden()
	})
}

func TestGoldenLedgerFormWithErrors(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.Keys("n", "tab", "tab", "enter")
		hs.Type("wt") // 文体 by its pinyin initials
		hs.Keys("enter", "tab")
		hs.Type("12.345")
		hs.Keys("tab")
		hs.Type("青山镇文化站")
		hs.Keys("ctrl+s")
		hs.RequireGolden()
	})
}

func TestGoldenLedgerDetailOfDues(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, fx := newHarness(t, lang, w, h, true)
		if !hs.list().selectID(fx.payment.LedgerID) {
			t.Fatal("the dues entry is not in the list")
		}
		hs.Keys("enter")
		hs.RequireGolden()
	})
}

func TestGoldenLedgerStatement(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.Keys("S")
		hs.RequireGolden()
	})
}

func TestGoldenLedgerStatementYear(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.Keys("S", "y")
		hs.RequireGolden()
	})
}

func TestGoldenLedgerReverseForm(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, fx := newHarness(t, lang, w, h, true)
		hs.list().selectID(fx.sports.ID)
		hs.Keys("enter", "r")
		hs.Type("场地费")
		hs.RequireGolden()
	})
}

func TestGoldenLedgerAccountPicker(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.Keys("u")
		hs.Type("zg") // 职工…
		hs.RequireGolden()
	})
}

// list is the tab's list, under whatever is open.
func (hs *harness) list() *list { return hs.P.Root().(*list) }

// entry is the entry form in front.
func (hs *harness) entry() *entryForm {
	hs.TB.Helper()
	e, ok := hs.P.Top().(*entryForm)
	if !ok {
		hs.TB.Fatalf("the entry form is not in front: %T", hs.P.Top())
	}
	return e
}

// on names the screen in front.
func (hs *harness) on() string {
	switch hs.P.Top().(type) {
	case *list:
		return "list"
	case *detail:
		return "detail"
	case *entryForm:
		return "entry"
	case *form.Screen: // the reversal; the entry form is its own type
		return "reverse"
	case *statement:
		return "statement"
	case *picker.Screen:
		return "picker"
	}
	return fmt.Sprintf("%T", hs.P.Top())
}
