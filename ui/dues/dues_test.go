package dues

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
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

// top is the screen in front, which must be a T.
func top[T any](t *testing.T, p *Page) T {
	t.Helper()
	s, ok := p.Top().(T)
	if !ok {
		var want T
		t.Fatalf("%T is in front, not %T", p.Top(), want)
	}
	return s
}

// send hands the page msg and runs what it sets off, as the app would.
func send(p *Page, msg tea.Msg) { uitest.RunCmd(p.Update(msg), p.Update) }

func TestPaymentDefaultsToTheOldestUnpaidMonths(t *testing.T) {
	p, ms := newPage(t)
	p.ShowMember(ms[0].ID)
	p.Update(uitest.Key("p"))
	pf := top[*payForm](t, p)
	if f, to, amt := pf.form.Value("from"), pf.form.Value("to"), pf.form.Value("amount"); f != "2026-09" || to != "2026-11" || amt != "46.20" {
		t.Errorf("defaults %s..%s %s, want 2026-09..2026-11 46.20", f, to, amt)
	}
	// the amount follows the months until the user types one
	pf.form.SetValue("to", "2026-09")
	pf.form.Revalidate()
	if got := pf.form.Value("amount"); got != "15.40" {
		t.Errorf("amount after changing months = %s", got)
	}
	// an amount typed proposes the months it covers: 20.00 pays September
	// (15.40) and 4.60 of October, which stays owed with 10.80
	pf.form.SetValue("amount", "20.00")
	pf.form.Revalidate()
	if to := pf.form.Value("to"); to != "2026-10" {
		t.Errorf("20.00 from 2026-09 proposes to %s, want 2026-10", to)
	}
	if line, short := pf.coverage(); !short || !strings.Contains(line, "10.80") || !strings.Contains(line, "2026-09") {
		t.Errorf("coverage %q", line)
	}
	// more than is owed is refused, in the form
	pf.form.SetValue("to", "2026-09")
	pf.form.Revalidate()
	if !pf.form.Problems().Has("amount", "dues.more_than_owed") {
		t.Errorf("20.00 for September alone: %v", pf.form.Problems())
	}
	pf.form.SetValue("to", "2026-10")
	pf.form.Revalidate()
	send(p, uitest.Key("ctrl+s"))
	paid, _ := pf.c.Store.PaidMonths(ms[0].ID)
	if _, ok := paid[202609]; !ok || len(paid) != 1 {
		t.Errorf("paid months %v: only September is paid in full", paid)
	}
	info, _ := pf.c.Store.MemberDues(ms[0].ID)
	if d := info.Month(202610); !d.Underpaid() || d.Rest() != 1080 {
		t.Errorf("October %+v", d)
	}
	view := ansi.Strip(p.View())
	if !strings.Contains(view, "2026-000001") || !strings.Contains(view, "少缴 10.80") || !strings.Contains(view, "2026-10 少缴：已缴 4.60，差 10.80 元") {
		t.Errorf("the receipt and the shortfall are not shown:\n%s", view)
	}
}

func TestPaymentProblemsStayInTheForm(t *testing.T) {
	p, ms := newPage(t)
	p.ShowMember(ms[0].ID)
	p.Update(uitest.Key("p"))
	pf := top[*payForm](t, p)
	pf.form.SetValue("amount", "12.345")
	pf.form.Revalidate()
	p.Update(uitest.Key("ctrl+s"))
	if pf = top[*payForm](t, p); !pf.form.Problems().Has("amount", "money.decimals") {
		t.Fatalf("problems: %v", pf.form.Problems())
	}
	if paid, _ := pf.c.Store.PaidMonths(ms[0].ID); len(paid) != 0 {
		t.Errorf("something was written: %v", paid)
	}
}

func TestBatchUntickedMembersArePassedOver(t *testing.T) {
	p, ms := newPage(t)
	p.Update(uitest.Key("b"))
	bf := top[*batchForm](t, p)
	bf.form.Picked(ms[0].UnitID)
	bf.form.SetValue("batch_from", "2026-10")
	bf.form.SetValue("batch_to", "2026-10")
	bf.form.Revalidate()
	p.Update(uitest.Key("ctrl+s")) // to the preview
	pv := top[*preview](t, p)
	if len(pv.batch.Lines) != 2 || p.Depth() != 2 {
		t.Fatalf("lines %d, depth %d", len(pv.batch.Lines), p.Depth())
	}
	n, total, _ := pv.totals()
	if n != 2 || total != 2540 {
		t.Errorf("preview %d members %v", n, total)
	}
	p.Update(uitest.Key("space")) // untick the first
	send(p, uitest.Key("ctrl+s"))
	if p.Depth() != 1 {
		t.Errorf("recorded, the tab goes back to where the batch began: depth %d", p.Depth())
	}
	paid0, _ := pv.c.Store.PaidMonths(ms[0].ID)
	paid1, _ := pv.c.Store.PaidMonths(ms[1].ID)
	if len(paid0)+len(paid1) != 1 {
		t.Errorf("paid %v and %v: want exactly one member paid", paid0, paid1)
	}
}

func TestReversalCannotBeReversed(t *testing.T) {
	p, ms := newPage(t)
	pay := model.DuesPayment{MemberID: ms[1].ID, From: 202609, To: 202609, Amount: 1000, Method: model.PayCash, Date: 20261001}
	store := p.data.c.Store
	if err := store.RecordPayment("李", &pay); err != nil {
		t.Fatal(err)
	}
	p.ShowMember(ms[1].ID)
	p.Update(uitest.Key("r"))
	rf := top[*reverseForm](t, p)
	rf.form.SetValue("reason", "重复收款")
	rf.form.Revalidate()
	send(p, uitest.Key("ctrl+s"))
	if paid, _ := store.PaidMonths(ms[1].ID); len(paid) != 0 {
		t.Fatalf("the month is still paid after the reversal: %v", paid)
	}
	// the reversal is now the newest row; reversing it is refused
	cmd := p.Update(uitest.Key("r"))
	if cmd == nil || !strings.Contains(cmd().(common.StatusMsg).Text, "冲正记录不能再冲正") || p.Depth() != 2 {
		t.Error("a reversal could be reversed")
	}
}

func TestOwesTextWithoutWageBase(t *testing.T) {
	c := &common.Common{Lang: i18n.EN}
	if got := common.OwesText(c, model.Overdue{NoBase: 3}); !strings.Contains(got, "unknown") {
		t.Errorf("no wage base: %q", got)
	}
	if got := common.OwesText(c, model.Overdue{Count: 3, Total: 4620, Longest: 3, Underpaid: 1}); !strings.Contains(got, "46.20") || !strings.Contains(got, "1 paid in part") {
		t.Errorf("with wage base: %q", got)
	}
	if got := common.OwesText(c, model.Overdue{}); !strings.Contains(got, "Nothing owed") {
		t.Errorf("nothing owed: %q", got)
	}
}

// esc on a payment form with something typed asks before dropping it; the
// answer n keeps it, y drops it and nothing is written.
func TestEscOnAChangedPaymentFormAsks(t *testing.T) {
	p, ms := newPage(t)
	p.SetSize(100, 30)
	p.ShowMember(ms[0].ID)
	p.Update(uitest.Key("p"))
	pf := top[*payForm](t, p)
	p.Update(uitest.Key("esc"))
	if _, ok := p.Top().(*member); !ok {
		t.Fatalf("esc on an untouched form goes back to the member: %T", p.Top())
	}
	p.Update(uitest.Key("p"))
	pf = top[*payForm](t, p)
	p.Update(uitest.Key("tab")) // to the amount
	p.Update(uitest.Key("backspace"))
	if !p.Dirty() {
		t.Fatal("a payment form with a changed amount is unsaved work")
	}
	p.Update(uitest.Key("esc"))
	if p.Top() != pf || !p.Confirming() || !strings.Contains(ansi.Strip(p.View()), "放弃") {
		t.Fatalf("esc must ask first:\n%s", ansi.Strip(p.View()))
	}
	p.Update(uitest.Key("n"))
	if p.Top() != pf || pf.form.Value("amount") != "46.2" {
		t.Fatalf("n keeps the form as typed: amount %q", pf.form.Value("amount"))
	}
	p.Update(uitest.Key("esc"))
	p.Update(uitest.Key("y"))
	if _, ok := p.Top().(*member); !ok || p.Dirty() {
		t.Fatalf("y drops the form: %T", p.Top())
	}
	if paid, _ := pf.c.Store.PaidMonths(ms[0].ID); len(paid) != 0 {
		t.Errorf("a dropped payment was written: %v", paid)
	}
}

// A batch being prepared is unsaved too: esc asks before dropping it.
func TestEscOnABatchPreviewAsks(t *testing.T) {
	p, ms := newPage(t)
	p.Update(uitest.Key("b"))
	bf := top[*batchForm](t, p)
	bf.form.Picked(ms[0].UnitID)
	bf.form.Revalidate()
	p.Update(uitest.Key("ctrl+s"))
	top[*preview](t, p)
	p.Update(uitest.Key("esc"))
	if !p.Confirming() {
		t.Fatal("esc on a preview must ask")
	}
	p.Update(uitest.Key("y"))
	if p.Depth() != 1 {
		t.Fatalf("y goes back to the arrears: depth %d", p.Depth())
	}
}

// A payment is written in the name of the operator in the union's details
// at the time, not the one when the tab opened.
func TestPaymentUsesTheOperatorOfTheMoment(t *testing.T) {
	p, ms := newPage(t)
	store := p.data.c.Store
	prof, _, _ := store.Profile()
	prof.Operator = "王会计"
	if err := store.SaveProfile("李", prof); err != nil {
		t.Fatal(err)
	}
	send(p, common.DataChangedMsg{Entity: model.EntityProfile})
	p.ShowMember(ms[0].ID)
	p.Update(uitest.Key("p"))
	send(p, uitest.Key("ctrl+s"))
	es, _, err := store.AuditQuery(storage.AuditFilter{Entity: model.EntityPayment}, 0, 1)
	if err != nil || len(es) != 1 || es[0].Operator != "王会计" {
		t.Fatalf("payment logged as %+v, %v", es, err)
	}
}
