package storage

import (
	"testing"

	"unionbook/model"
)

// setupPaid makes a member who joined in 2015 with a wage base from
// 2024-01 and paid January to March 2024.
func setupPaid(t *testing.T) (*Store, model.Member) {
	t.Helper()
	s := openTest(t)
	p := model.DefaultProfile()
	p.UnionName, p.DuesSince = "青山镇总工会", 202401
	if err := s.SaveProfile("op", p); err != nil {
		t.Fatal(err)
	}
	u := model.Unit{Name: "宏达工会", Kind: 170}
	if err := s.CreateUnit("op", &u); err != nil {
		t.Fatal(err)
	}
	m := model.Member{Name: "张三", Gender: model.Male, IDNumber: "110101199003078670", UnitID: u.ID, JoinDate: 20150301}
	if err := s.CreateMember("op", &m); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetWageBase("op", m.ID, model.WageBase{From: 202401, Base: 308500}); err != nil {
		t.Fatal(err)
	}
	pay := model.DuesPayment{MemberID: m.ID, From: 202401, To: 202403, Amount: 4620, Method: model.PayCash, Date: 20240401}
	if err := s.RecordPayment("op", &pay); err != nil {
		t.Fatal(err)
	}
	m, _ = s.Member(m.ID)
	return s, m
}

func TestWageBaseCannotReachBackOverPaidMonths(t *testing.T) {
	t.Parallel()
	s, m := setupPaid(t)
	for _, from := range []model.Month{202401, 202403} {
		_, err := s.SetWageBase("op", m.ID, model.WageBase{From: from, Base: 999900})
		if ps, ok := err.(model.Problems); !ok || !ps.Has("wage_from", "dues.wage_before_paid") {
			t.Errorf("base from %s over paid months: %v", from, err)
		}
	}
	after, _ := s.Member(m.ID)
	if len(after.Wages) != 1 || after.Wages[0].Base != 308500 {
		t.Errorf("wages changed: %+v", after.Wages)
	}
	if _, err := s.SetWageBase("op", m.ID, model.WageBase{From: 202404, Base: 400000}); err != nil {
		t.Errorf("a base from the first unpaid month was refused: %v", err)
	}
}

func TestChangesThatWouldOrphanPaymentsAreRefused(t *testing.T) {
	t.Parallel()
	s, m := setupPaid(t)
	later := m
	later.JoinDate = 20240215 // February and March would no longer be owed
	err := s.UpdateMember("op", &later)
	if ps, ok := err.(model.Problems); !ok || !ps.Has("join_date", "dues.paid_not_owed") {
		t.Errorf("join date moved after paid months: %v", err)
	}
	_, err = s.ChangeStatus("op", m.ID, model.StatusChange{Date: 20240110, To: model.StatusLeft, Reason: "本人申请"})
	if ps, ok := err.(model.Problems); !ok || !ps.Has("change_date", "dues.paid_not_owed") {
		t.Errorf("left back-dated before paid months: %v", err)
	}
	if got, _ := s.Member(m.ID); got.Status != model.StatusActive || got.JoinDate != 20150301 {
		t.Errorf("member changed: %+v", got)
	}
	// leaving after the paid months is fine
	if _, err := s.ChangeStatus("op", m.ID, model.StatusChange{Date: 20240410, To: model.StatusLeft, Reason: "本人申请"}); err != nil {
		t.Errorf("leaving after the paid months: %v", err)
	}
}
