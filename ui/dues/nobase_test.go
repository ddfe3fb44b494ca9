package dues

import (
	"strings"
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/uitest"
)

// A member whose wage base starts in October (dues kept from September):
// the payment form starts at October, which owes a known 15.40 (to this
// month, 30.80), not at
// September, whose amount nobody knows. Paying September anyway (a member
// without a base pays what they pay) says the month is paid in full, not
// "-20.00 yuan still owed"; the grid's legend explains the no-base cell.
func TestPayFormSkipsMonthsWithoutABase(t *testing.T) {
	hs, _ := harness(t, i18n.EN, 100, 30)
	s := hs.C.Store
	u, err := s.Units()
	if err != nil {
		t.Fatal(err)
	}
	m := model.Member{Name: "王五", Gender: model.Female, IDNumber: "350111198505071084", UnitID: u[0].ID, JoinDate: 20150301}
	if err := s.CreateMember("李", &m); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetWageBase("李", m.ID, model.WageBase{From: 202610, Base: 308500}); err != nil {
		t.Fatal(err)
	}
	hs.Driver().Run(hs.P.Load())
	hs.P.ShowMember(m.ID)
	uitest.Contains(t, hs.Screen(), "nb=no wage base")
	hs.Keys("p")
	f := top[*payForm](t, hs.P).form
	if f.Value("from") != "2026-10" || f.Value("to") != "2026-11" || f.Value("amount") != "30.80" {
		t.Fatalf("the form proposes %s..%s %s, want 2026-10..2026-11 30.80", f.Value("from"), f.Value("to"), f.Value("amount"))
	}
	f.SetValue("from", "2026-09")
	f.SetValue("to", "2026-09")
	f.SetValue("amount", "20")
	f.Revalidate()
	scr := hs.Screen()
	uitest.Contains(t, scr, "pays 2026-09 in full, 20.00 yuan")
	if strings.Contains(scr, "-20.00") {
		t.Errorf("a negative amount still owed:\n%s", scr)
	}
}

// r on a unit whose dues this federation collects says why there is no
// report to enter, instead of opening a form that can only be refused; on
// a unit set to collect its own it opens the report form.
func TestReportOnlyForSelfCollectingUnits(t *testing.T) {
	hs, ms := harness(t, i18n.ZH, 100, 30)
	hs.Keys("c", "r")
	if _, ok := hs.P.Top().(*reportForm); ok {
		t.Fatal("r opened the report form for a unit collected here")
	}
	uitest.Contains(t, hs.Status.Text, "宏达工会 的会费由本会收缴，不需报送")
	if _, err := hs.C.Store.SetUnitDuesTerm("李", ms[0].UnitID, model.UnitDuesTerm{From: 202612, Handling: model.HandlingSelf, Scheme: model.SchemeWage}); err != nil {
		t.Fatal(err)
	}
	hs.Keys("r")
	top[*reportForm](t, hs.P)
}

// After a change (a payment saved) the arrears list says it is counting
// until the new figures come, instead of showing the old ones.
func TestArrearsSayCountingAfterAChange(t *testing.T) {
	hs, _ := harness(t, i18n.ZH, 100, 30)
	uitest.Contains(t, hs.Screen(), "共欠")
	hs.P.Update(common.DataChangedMsg{Entity: model.EntityPayment}) // its Load not run yet
	uitest.Contains(t, hs.Screen(), "正在统计")
	if strings.Contains(hs.Screen(), "共欠") {
		t.Errorf("the old figures are shown while counting:\n%s", hs.Screen())
	}
}

// An English receipt names the payer with ASCII brackets ("张三 (000001)";
// it had the Chinese full-width ones), a Chinese one with full-width.
func TestReceiptPayerInTheLanguage(t *testing.T) {
	for _, c := range []struct {
		lang i18n.Lang
		want string
	}{{i18n.EN, "张三 (000001)"}, {i18n.ZH, "张三（000001）"}} {
		hs, ms := harness(t, c.lang, 100, 30)
		pay := model.DuesPayment{ReceiptNo: "2026-000001", MemberID: ms[0].ID, UnitID: ms[0].UnitID, From: 202609, To: 202609, Amount: 1540}
		if got := receiptOf(hs.P.data, pay, ms[0], false).Payer; got != c.want {
			t.Errorf("payer %q, want %q", got, c.want)
		}
	}
}
