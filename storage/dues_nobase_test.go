package storage

import (
	"testing"

	"unionbook/model"
)

// A member without a wage base pays what they pay for a month, and the
// month counts as paid with it. The collection figures count that amount
// as the month's due too, so the month's rate is not over 100% and the
// year's unpaid amount is the arrears plus what is due now. Clock 15 June
// 2024, dues from 2024-01: 张三 (base 3,085.00 from January: 15.40 a
// month) pays January; 李四's base starts in April, and she pays January
// 20.00 without one, then February 10.00, which is reversed.
func TestPaidMonthWithoutABaseCountsAsDue(t *testing.T) {
	s := openTest(t)
	p := model.DefaultProfile()
	p.UnionName, p.DuesSince = "青山镇总工会", ym(2024, 1)
	if err := s.SaveProfile("李秘书", p); err != nil {
		t.Fatal(err)
	}
	u := mustUnit(t, s, "甲公司工会")
	zs := mustMember(t, s, "张三", residentID("350102", 19900101, 23), u.ID)
	ls := mustMember(t, s, "李四", residentID("350102", 19900101, 24), u.ID)
	for _, w := range []struct {
		id   uint64
		from model.Month
	}{{zs.ID, ym(2024, 1)}, {ls.ID, ym(2024, 4)}} {
		if _, err := s.SetWageBase("李秘书", w.id, model.WageBase{From: w.from, Base: 308500}); err != nil {
			t.Fatal(err)
		}
	}
	pay := func(id uint64, mo model.Month, amt model.Money) model.DuesPayment {
		t.Helper()
		p := model.DuesPayment{MemberID: id, From: mo, To: mo, Amount: amt, Date: 20240610, Method: model.PayCash}
		if err := s.RecordPayment("李秘书", &p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	pay(zs.ID, ym(2024, 1), 1540)
	pay(ls.ID, ym(2024, 1), 2000)
	feb := pay(ls.ID, ym(2024, 2), 1000)
	if _, err := s.ReversePayment("李秘书", feb.ID, 20240611, "录错"); err != nil {
		t.Fatal(err)
	}
	months, err := s.CollectionByMonth(2024)
	if err != nil {
		t.Fatal(err)
	}
	jan, fe := months[0], months[1]
	if jan.Due != 1540+2000 || jan.Paid != 1540+2000 || jan.DueMembers != 2 || jan.NoBase != 0 {
		t.Errorf("January: due %s paid %s, %d member-months owed, %d without a base; want 35.40 35.40 2 0",
			jan.Due.Display(), jan.Paid.Display(), jan.DueMembers, jan.NoBase)
	}
	if fe.Due != 1540 || fe.Paid != 0 || fe.NoBase != 1 {
		t.Errorf("February (李四's payment reversed): due %s paid %s, %d without a base; want 15.40 0.00 1",
			fe.Due.Display(), fe.Paid.Display(), fe.NoBase)
	}
}
