package dues

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/uitest"
)

// newPage is a union of two members of one unit, dues kept from 2026-09:
// 张三 (base 3,085.00: 15.40 a month) and 李四 (base 2,000.00: 10.00).
func newPage(t *testing.T) (*Page, []model.Member) {
	t.Helper()
	s := uitest.OpenStore(t, uitest.FixedNow)
	prof := model.DefaultProfile()
	prof.UnionName, prof.DuesSince = "青山镇总工会", 202609
	if err := s.SaveProfile("李", prof); err != nil {
		t.Fatal(err)
	}
	u := model.Unit{Name: "宏达工会", Kind: 170}
	if err := s.CreateUnit("李", &u); err != nil {
		t.Fatal(err)
	}
	ms := []model.Member{
		{Name: "张三", Gender: model.Male, IDNumber: "110101199003078670", UnitID: u.ID, JoinDate: 20150301},
		{Name: "李四", Gender: model.Male, IDNumber: "350303199002033073", UnitID: u.ID, JoinDate: 20150301},
	}
	for i, base := range []model.Money{308500, 200000} {
		if err := s.CreateMember("李", &ms[i]); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SetWageBase("李", ms[i].ID, model.WageBase{From: 202609, Base: base}); err != nil {
			t.Fatal(err)
		}
	}
	c := uitest.NewCommon(s, i18n.ZH, uitest.FixedNow)
	p := New(c)
	p.SetSize(100, 30)
	return p, ms
}

func TestPaymentDefaultsToTheOldestUnpaidMonths(t *testing.T) {
	p, ms := newPage(t)
	p.ShowMember(ms[0].ID)
	p.Update(uitest.Key("p"))
	if p.form == nil {
		t.Fatal("no payment form")
	}
	if f, to, amt := p.form.Value("from"), p.form.Value("to"), p.form.Value("amount"); f != "2026-09" || to != "2026-11" || amt != "46.20" {
		t.Errorf("defaults %s..%s %s, want 2026-09..2026-11 46.20", f, to, amt)
	}
	// the amount follows the months until the user types one
	p.form.SetValue("to", "2026-09")
	p.form.Revalidate()
	if got := p.form.Value("amount"); got != "15.40" {
		t.Errorf("amount after changing months = %s", got)
	}
	p.form.SetValue("amount", "20.00")
	p.form.Revalidate()
	if w := p.payWarning(); !strings.Contains(w, "15.40") {
		t.Errorf("no warning for an amount that differs: %q", w)
	}
	p.Update(uitest.Key("ctrl+s"))
	paid, _ := p.c.Store.PaidMonths(ms[0].ID)
	if _, ok := paid[202609]; !ok || len(paid) != 1 {
		t.Errorf("paid months %v", paid)
	}
	if !strings.Contains(ansi.Strip(p.View()), "2026-000001") {
		t.Errorf("the receipt is not listed:\n%s", p.View())
	}
}

func TestPaymentProblemsStayInTheForm(t *testing.T) {
	p, ms := newPage(t)
	p.ShowMember(ms[0].ID)
	p.Update(uitest.Key("p"))
	p.form.SetValue("amount", "12.345")
	p.form.Revalidate()
	p.Update(uitest.Key("ctrl+s"))
	if p.form == nil || !p.form.Problems().Has("amount", "money.decimals") {
		t.Fatalf("problems: %v", p.form.Problems())
	}
	if paid, _ := p.c.Store.PaidMonths(ms[0].ID); len(paid) != 0 {
		t.Errorf("something was written: %v", paid)
	}
}

func TestBatchUntickedMembersArePassedOver(t *testing.T) {
	p, ms := newPage(t)
	p.Update(uitest.Key("b"))
	p.form.Picked(ms[0].UnitID)
	p.form.SetValue("batch_month", "2026-10")
	p.form.Revalidate()
	p.Update(uitest.Key("ctrl+s")) // to the preview
	if p.mode != modeBatchPreview || len(p.batch.Lines) != 2 {
		t.Fatalf("mode %v lines %d", p.mode, len(p.batch.Lines))
	}
	n, total := p.batchTotals()
	if n != 2 || total != 2540 {
		t.Errorf("preview %d members %v", n, total)
	}
	p.Update(uitest.Key("space")) // untick the first
	p.Update(uitest.Key("ctrl+s"))
	paid0, _ := p.c.Store.PaidMonths(ms[0].ID)
	paid1, _ := p.c.Store.PaidMonths(ms[1].ID)
	if len(paid0)+len(paid1) != 1 {
		t.Errorf("paid %v and %v: want exactly one member paid", paid0, paid1)
	}
}

func TestReversalCannotBeReversed(t *testing.T) {
	p, ms := newPage(t)
	pay := model.DuesPayment{MemberID: ms[1].ID, From: 202609, To: 202609, Amount: 1000, Method: model.PayCash, Date: 20261001}
	if err := p.c.Store.RecordPayment("李", &pay); err != nil {
		t.Fatal(err)
	}
	p.ShowMember(ms[1].ID)
	p.Update(uitest.Key("r"))
	p.form.SetValue("reason", "重复收款")
	p.form.Revalidate()
	p.Update(uitest.Key("ctrl+s"))
	if paid, _ := p.c.Store.PaidMonths(ms[1].ID); len(paid) != 0 {
		t.Fatalf("the month is still paid after the reversal: %v", paid)
	}
	// the reversal is now the newest row; reversing it is refused
	cmd := p.Update(uitest.Key("r"))
	if cmd == nil || !strings.Contains(cmd().(common.StatusMsg).Text, "冲正记录不能再冲正") || p.form != nil {
		t.Error("a reversal could be reversed")
	}
}

func TestOwesTextWithoutWageBase(t *testing.T) {
	c := &common.Common{Lang: i18n.EN}
	if got := OwesText(c, 3, 0, 3, 0); !strings.Contains(got, "unknown") {
		t.Errorf("no wage base: %q", got)
	}
	if got := OwesText(c, 3, 4620, 3, 308500); !strings.Contains(got, "46.20") {
		t.Errorf("with wage base: %q", got)
	}
}
