package model

import "time"

// DuesRules are the union's dues settings. DOMAIN.md: commonly 0.5% of the
// monthly wage base with the part under 10 yuan ignored; sources disagree,
// so every number is a setting.
type DuesRules struct {
	RateBP int // basis points of the wage base: 50 = 0.5%
	// TruncUnit: the wage base is cut down to a multiple of this before the
	// rate applies (10 yuan: 3,085 -> 3,080). 0 or 1 fen means no cut.
	TruncUnit Money
	// OweJoinMonth: a new member owes from the month of joining; otherwise
	// from the month after (the usual default).
	OweJoinMonth bool
	// Since is the first month the union keeps dues in this program
	// (Profile.DuesSince): earlier months owe nothing here, so the months
	// before the program was taken into use do not show as arrears. 0 means
	// no limit.
	Since Month
	// Changes are the later rates, by From ascending: from each one's month
	// on, its rate and rounding unit replace RateBP and TruncUnit (see In).
	Changes []DuesRate
}

// WageBase is a member's monthly wage base for dues from a month on. A new
// base never changes what earlier months owed.
type WageBase struct {
	From Month `cbor:"1,keyasint"`
	Base Money `cbor:"2,keyasint"`
}

// PayMethod is how dues were paid.
type PayMethod uint8

const (
	PayCash    PayMethod = iota + 1 // 现金
	PayBank                         // 银行转账
	PayMobile                       // 微信/支付宝
	PayPayroll                      // 单位代扣
)

// PayMethods lists the methods in display order.
var PayMethods = []PayMethod{PayCash, PayBank, PayMobile, PayPayroll}

// Key is the catalogue key of the method's name.
func (p PayMethod) Key() string {
	switch p {
	case PayBank:
		return "pay.bank"
	case PayMobile:
		return "pay.mobile"
	case PayPayroll:
		return "pay.payroll"
	}
	return "pay.cash"
}

// DuesPayment is one member's payment for the months From..To. Payments are
// never edited or deleted: a wrong one is reversed by a new payment with
// ReversalOf set, the negative amount, the same months, and a reason; the
// reversal also reverses the payment's cash-book entry.
type DuesPayment struct {
	ID         uint64    `cbor:"1,keyasint"`
	MemberID   uint64    `cbor:"2,keyasint"`
	UnitID     uint64    `cbor:"3,keyasint"` // the member's unit when paying
	From       Month     `cbor:"4,keyasint"`
	To         Month     `cbor:"5,keyasint"`
	Amount     Money     `cbor:"6,keyasint"`
	Expected   Money     `cbor:"7,keyasint"` // what the months still owed when paid (the amount may be less: underpaid)
	Date       Date      `cbor:"8,keyasint"`
	Method     PayMethod `cbor:"9,keyasint"`
	ReceiptNo  string    `cbor:"10,keyasint"` // 收据号, sequential per year, never reused
	BatchID    uint64    `cbor:"11,keyasint,omitempty"`
	LedgerID   uint64    `cbor:"12,keyasint"`
	ReversalOf uint64    `cbor:"13,keyasint,omitempty"`
	Reason     string    `cbor:"14,keyasint,omitempty"` // why it was reversed
	Operator   string    `cbor:"15,keyasint,omitempty"`
	CreatedAt  time.Time `cbor:"16,keyasint"`
	// Alloc is the amount's share of each month From..To, oldest first,
	// and Owed what each month owed (fixed from the month's first payment):
	// a month is paid in full when its shares reach what it owed. A
	// reversal carries its payment's, negated and as they were. Payments
	// written before shares were kept have none: each paid its months in
	// full, whatever the amount, as the books then said.
	Alloc []Money `cbor:"17,keyasint,omitempty"`
	Owed  []Money `cbor:"18,keyasint,omitempty"`
}

// Shortfall is what the payment left owing on its months: what they owed
// less what it paid (0 for a reversal or a payment without shares).
func (p *DuesPayment) Shortfall() Money {
	if p.ReversalOf != 0 || len(p.Alloc) == 0 {
		return 0
	}
	return max(p.Expected-p.Amount, 0)
}

// Months is the number of months the payment covers.
func (p *DuesPayment) Months() int {
	return (p.To.Year()-p.From.Year())*12 + p.To.MonthOfYear() - p.From.MonthOfYear() + 1
}

// DueThrough is the last month whose dues are overdue on day today: the
// month before. A month's dues may be paid until its end, so the current
// month never counts as arrears.
func DueThrough(today Date) Month { return today.Month().Add(-1) }
