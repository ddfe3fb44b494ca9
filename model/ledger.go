package model

import "time"

// Direction says whether a cash-book entry is income or spending.
type Direction uint8

const (
	In  Direction = 1 // 收入
	Out Direction = 2 // 支出
)

// Key is the catalogue key of the direction's name.
func (d Direction) Key() string {
	if d == Out {
		return "direction.out"
	}
	return "direction.in"
}

// Account is one line of the union accounting chart (工会会计制度): a
// three-digit account (401 会费收入) or a sub-account whose code extends its
// parent's (50204 困难职工帮扶费). Names are Chinese with an English gloss.
type Account struct {
	Code      string    `cbor:"1,keyasint"`
	Name      string    `cbor:"2,keyasint"`           // 会费收入
	NameEN    string    `cbor:"3,keyasint,omitempty"` // Membership dues
	Direction Direction `cbor:"4,keyasint"`
	// Role is what the program posts here by itself ("" for none): see
	// AccountRole.
	Role AccountRole `cbor:"5,keyasint,omitempty"`
}

// Accounts the program posts to by itself whose code is the same in both
// charts; the others are found by their AccountRole (Chart.RoleCode).
const (
	AccountDues       = "401" // 会费收入: every dues payment
	AccountActivities = "501" // 职工活动支出: event costs (with a sub-account)
	AccountAllocated  = "402" // 拨缴经费收入: the federation's share of 工会经费
)

// Source links a cash-book entry to the record that posted it.
type Source struct {
	Kind string `cbor:"1,keyasint,omitempty"` // "dues", "aid", "event"; "" for a manual entry
	ID   uint64 `cbor:"2,keyasint,omitempty"`
}

// LedgerEntry is one line of the union's cash book (经费收支账). Entries are
// never edited or deleted: a wrong one is reversed by a new entry of the
// same account and direction with the opposite amount (红字冲正) that names
// it in ReversalOf.
type LedgerEntry struct {
	ID           uint64    `cbor:"1,keyasint"`
	Date         Date      `cbor:"2,keyasint"`
	Direction    Direction `cbor:"3,keyasint"`
	Account      string    `cbor:"4,keyasint"`
	Amount       Money     `cbor:"5,keyasint"` // positive; negative only in a reversal
	Counterparty string    `cbor:"6,keyasint,omitempty"`
	VoucherNo    string    `cbor:"7,keyasint"` // 凭证号, sequential per year, never reused
	Memo         string    `cbor:"8,keyasint,omitempty"`
	Source       Source    `cbor:"9,keyasint,omitempty"`
	ReversalOf   uint64    `cbor:"10,keyasint,omitempty"`
	Operator     string    `cbor:"11,keyasint,omitempty"`
	CreatedAt    time.Time `cbor:"12,keyasint"`
	// Money is the money account the entry moved: cash or bank.
	Money MoneyAccount `cbor:"13,keyasint,omitempty"`
}

// Signed is the entry's effect on the balance: + for income, - for spending.
func (e *LedgerEntry) Signed() Money {
	if e.Direction == Out {
		return -e.Amount
	}
	return e.Amount
}
