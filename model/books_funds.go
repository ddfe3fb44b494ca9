package model

import (
	"time"
	"unicode/utf8"
)

// 工会经费: employers pay 2% of their payroll to the union (工会法 第四十三
// 条). For each unit and period the federation records the payroll base and
// what is due (UnitFunds), then each payment (FundsPayment): what the unit
// paid and when, and the share of it that reaches this federation, which
// is posted to 402 拨缴经费收入.

// UnitFunds is what one unit owes in 工会经费 for the months From..To.
type UnitFunds struct {
	ID        uint64    `cbor:"1,keyasint"`
	UnitID    uint64    `cbor:"2,keyasint"`
	From      Month     `cbor:"3,keyasint"`
	To        Month     `cbor:"4,keyasint"`
	Payroll   Money     `cbor:"5,keyasint"` // 工资总额 of the period
	RateBP    int       `cbor:"6,keyasint"` // 200 = 2%
	Due       Money     `cbor:"7,keyasint"` // Payroll × rate, to the fen
	Memo      string    `cbor:"8,keyasint,omitempty"`
	Operator  string    `cbor:"9,keyasint,omitempty"`
	CreatedAt time.Time `cbor:"10,keyasint"`
}

// FundsDue is payroll × rateBP / 10000, rounded half up to the fen.
func FundsDue(payroll Money, rateBP int) Money { return MulBP(payroll, rateBP) }

// MulBP is m × bp / 10000, rounded half away from zero to the fen.
func MulBP(m Money, bp int) Money {
	p := int64(m) * int64(bp)
	if p >= 0 {
		return Money((p + 5000) / 10000)
	}
	return -Money((-p + 5000) / 10000)
}

// ValidateUnitFunds checks a unit's 工会经费 record and sets its Due:
// a unit, a period of real months From ≤ To not beyond this month, a
// payroll above zero, a rate of 0.01%–100%. Fields "unit", "funds_from",
// "funds_to", "payroll", "funds_rate", "memo".
func ValidateUnitFunds(f *UnitFunds, today Date) Problems {
	var ps Problems
	f.Memo = CleanText(f.Memo)
	if f.UnitID == 0 {
		ps.add("unit", "problem.required")
	}
	month := func(field string, m Month) bool {
		switch {
		case m == 0:
			ps.add(field, "problem.required")
		case m.MonthOfYear() < 1 || m.MonthOfYear() > 12 || m.Year() < 1900:
			ps.add(field, "month.format", m.String())
		case m > today.Month():
			ps.add(field, "problem.future")
		default:
			return true
		}
		return false
	}
	if month("funds_from", f.From) && month("funds_to", f.To) && f.To < f.From {
		ps.add("funds_to", "funds.to_before_from")
	}
	if err := f.Payroll.Positive(); err != nil {
		ps.addErr("payroll", err)
	} else if f.Payroll > Yuan(100_000_000_000) {
		ps.add("payroll", "books.amount_too_large")
	}
	if f.RateBP < 1 || f.RateBP > 10000 {
		ps.add("funds_rate", "books.bp_range")
	}
	if utf8.RuneCountInString(f.Memo) > 200 {
		ps.add("memo", "problem.too_long", 200)
	}
	if len(ps) == 0 {
		f.Due = FundsDue(f.Payroll, f.RateBP)
	}
	return ps
}

// FundsPayment is one payment of a unit's 工会经费: what the unit paid, and
// the share of it that reached this federation (Received, posted to 402
// 拨缴经费收入 on the money account it arrived in). A wrong one is reversed
// by a payment with negative amounts.
type FundsPayment struct {
	ID         uint64       `cbor:"1,keyasint"`
	FundsID    uint64       `cbor:"2,keyasint"`
	UnitID     uint64       `cbor:"3,keyasint"`
	Date       Date         `cbor:"4,keyasint"`
	Paid       Money        `cbor:"5,keyasint"`
	ShareBP    int          `cbor:"6,keyasint"`
	Received   Money        `cbor:"7,keyasint"`
	Money      MoneyAccount `cbor:"8,keyasint"`
	LedgerID   uint64       `cbor:"9,keyasint,omitempty"`
	ReversalOf uint64       `cbor:"10,keyasint,omitempty"`
	Reason     string       `cbor:"11,keyasint,omitempty"`
	Operator   string       `cbor:"12,keyasint,omitempty"`
	CreatedAt  time.Time    `cbor:"13,keyasint"`
}

// ValidateFundsPayment checks a payment and sets Received from the share
// when it is unset: a record, a real date not in the future, an amount
// paid above zero, a share of 0–100%, what reached the federation between
// 0 and the amount paid, a money account. Fields "funds", "date", "paid",
// "funds_share", "received", "money".
func ValidateFundsPayment(p *FundsPayment, today Date) Problems {
	var ps Problems
	if p.FundsID == 0 {
		ps.add("funds", "problem.required")
	}
	ps.date("date", p.Date, today)
	if err := p.Paid.Positive(); err != nil {
		ps.addErr("paid", err)
	} else if p.Paid > Yuan(100_000_000_000) {
		ps.add("paid", "books.amount_too_large")
	}
	if p.ShareBP < 0 || p.ShareBP > 10000 {
		ps.add("funds_share", "books.bp_range")
	}
	if p.Received == 0 && len(ps) == 0 {
		p.Received = MulBP(p.Paid, p.ShareBP)
	}
	if p.Received < 0 || p.Received > p.Paid {
		ps.add("received", "funds.received_range")
	}
	if !p.Money.Valid() {
		ps.add("money", "money_account.unknown")
	}
	return ps
}

// FundsStatus is where a unit's 工会经费 record stands.
type FundsStatus struct {
	Funds    UnitFunds
	Paid     Money // net of reversals
	Received Money
	LastPaid Date
	Payments int
}

// Outstanding is what is still due (never below zero).
func (s *FundsStatus) Outstanding() Money { return max(s.Funds.Due-s.Paid, 0) }

// OverpaidBy warns when paying paid on top of what is paid passes the
// amount due (a digit too many, or a payroll declared too low): the
// payment is real money and is kept, but she should look.
func (s *FundsStatus) OverpaidBy(paid Money) Warnings {
	if over := s.Paid + paid - s.Funds.Due; paid > 0 && over > 0 {
		return Warnings{{Field: "paid", Key: "funds.overpaid", Args: []any{s.Funds.Due.Display(), over.Display()}}}
	}
	return nil
}

// FundsDueDay is the day of the month after a period by which its 工会经费
// is to be paid (the usual 15th; provinces differ by a few days).
const FundsDueDay = 15

// DueDate is the day the record's 工会经费 is to be paid by.
func (s *FundsStatus) DueDate() Date { return s.Funds.To.Add(1).First() + FundsDueDay - 1 }

// Behind reports a record with something still due after its due date.
func (s *FundsStatus) Behind(today Date) bool {
	return s.Outstanding() > 0 && today > s.DueDate()
}
