package overview

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/uitest"
)

// A union of one member with a 3,085-yuan wage base (15.40 a month) who paid
// January and February: due 11 × 15.40 = 169.40 by November, paid 30.80.
func TestFiguresAgreeWithAHandCalculation(t *testing.T) {
	s := uitest.OpenStore(t, uitest.FixedNow)
	prof := model.DefaultProfile()
	prof.UnionName, prof.DuesSince = "青山镇总工会", 202601
	if err := s.SaveProfile("李", prof); err != nil {
		t.Fatal(err)
	}
	u := model.Unit{Name: "宏达工会", Kind: 170}
	if err := s.CreateUnit("李", &u); err != nil {
		t.Fatal(err)
	}
	m := model.Member{Name: "张三", Gender: model.Male, IDNumber: "110101199003078670", UnitID: u.ID, JoinDate: 20150301}
	if err := s.CreateMember("李", &m); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetWageBase("李", m.ID, model.WageBase{From: 202601, Base: 308500}); err != nil {
		t.Fatal(err)
	}
	pay := model.DuesPayment{MemberID: m.ID, From: 202601, To: 202602, Amount: 3080, Method: model.PayCash, Date: 20260305}
	if err := s.RecordPayment("李", &pay); err != nil {
		t.Fatal(err)
	}
	c := uitest.NewCommon(s, i18n.ZH, uitest.FixedNow)
	sec := common.OverviewSection{
		Compute: func(*storage.Store, model.Date) (any, error) { return "额外一行", nil },
		Render:  func(_ *common.Common, r any) []common.Cards { return []common.Cards{{r.(string)}} },
	}
	p := New(c, sec)
	p.SetSize(100, 30)
	p.Update(p.Init()())
	if f := p.board.f; f.Due != 16940 || f.Paid != 3080 || f.Balance != 3080 || f.InArrears != 1 {
		t.Fatalf("figures %+v", *f)
	}
	out := ansi.Strip(p.View())
	for _, want := range []string{"18.18%", "30.80", "169.40", "额外一行", "1月", "11月"} {
		if !strings.Contains(out, want) {
			t.Errorf("overview lacks %q:\n%s", want, out)
		}
	}
	// a short screen shows every month still, in columns of rates
	p.SetSize(100, 10)
	out = ansi.Strip(p.View())
	if !strings.Contains(out, "1月 ") || !strings.Contains(out, "11月") || strings.Count(out, "\n") >= 10 {
		t.Errorf("short overview:\n%s", out)
	}
}

func TestRateText(t *testing.T) {
	for _, c := range []struct {
		paid, due model.Money
		want      string
	}{{0, 0, "-"}, {3080, 16940, "18.18%"}, {100, 100, "100.00%"}, {1, 3, "33.33%"}} {
		if got := rateText(c.paid, c.due); got != c.want {
			t.Errorf("rateText(%d,%d) = %q, want %q", c.paid, c.due, got, c.want)
		}
	}
}

// A write while the figures are computed starts another computation: the
// older result, arriving last, is dropped instead of showing stale figures.
func TestAnOlderComputationArrivingLateIsDropped(t *testing.T) {
	s := uitest.OpenStore(t, uitest.FixedNow)
	c := uitest.NewCommon(s, i18n.EN, uitest.FixedNow)
	p := New(c)
	p.SetSize(100, 30)
	older := p.Init()() // computed before the write, delivered after
	u := model.Unit{Name: "宏达工会", Kind: 170}
	if err := s.CreateUnit("李", &u); err != nil {
		t.Fatal(err)
	}
	newer := p.Update(common.DataChangedMsg{Entity: model.EntityUnit, ID: u.ID})
	p.Update(newer())
	p.Update(older)
	if p.board.f == nil || p.board.f.Members.Units != 1 {
		t.Fatalf("the older figures replaced the newer: %+v", p.board.f)
	}
}
