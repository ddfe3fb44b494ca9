package storage

import "unionbook/model"

// Dues and the cash book. Stubs: see each doc comment for the contract.

// DuesRules reads the dues settings from the profile (defaults when unset).
func (s *Store) DuesRules() (model.DuesRules, error) { panic("todo") }

// SetWageBase records a member's wage base from a month on (replacing a
// base with the same From). Earlier months keep what they owed.
func (s *Store) SetWageBase(op string, memberID uint64, wb model.WageBase) (model.Member, error) {
	panic("todo")
}

// PaidMonths maps each month the member has paid (and not reversed) to the
// payment covering it.
func (s *Store) PaidMonths(memberID uint64) (map[model.Month]uint64, error) { panic("todo") }

// MemberPayments lists the member's payments and reversals, oldest first.
func (s *Store) MemberPayments(memberID uint64) ([]model.DuesPayment, error) { panic("todo") }

// Payment returns one payment.
func (s *Store) Payment(id uint64) (model.DuesPayment, error) { panic("todo") }

// RecordPayment validates and writes a payment with the next receipt number
// and its 401 会费收入 cash-book entry, in one transaction. p.Expected is
// computed here; p.ID, ReceiptNo, LedgerID, UnitID and CreatedAt are set.
// Problems (as model.Problems on fields "amount", "from", "to", "date",
// "method", "member"): amount zero, negative or not exact to the fen; a
// month already paid; months before the start month; From after To; a
// member who is not active (left, transferred, expelled, deceased) for a
// month they did not owe; a date in the future.
func (s *Store) RecordPayment(op string, p *model.DuesPayment) error { panic("todo") }

// BatchLine is one member of a unit's batch.
type BatchLine struct {
	MemberID uint64
	Amount   model.Money // to be paid (editable in the preview)
	Expected model.Money // what the month owes by the wage base
}

// BatchPreview lists the unit's members who owe dues for month and have not
// paid it, with what they owe.
func (s *Store) BatchPreview(unitID uint64, month model.Month) ([]BatchLine, error) { panic("todo") }

// DuesBatch is one month's dues handed over by a unit for its members.
type DuesBatch struct {
	UnitID     uint64
	Month      model.Month
	Date       model.Date
	Method     model.PayMethod
	Lines      []BatchLine
	OneReceipt bool // one receipt for the batch instead of one per member
}

// RecordBatch writes one payment per line and one 401 cash-book entry for
// the batch's total, all in one transaction: all or nothing.
func (s *Store) RecordBatch(op string, b DuesBatch) ([]model.DuesPayment, error) { panic("todo") }

// ReversePayment reverses a payment (冲正): a new payment with the negative
// amount and the same months, and a reversing cash-book entry, in one
// transaction; its months become unpaid again. A reversal cannot be
// reversed, nor a payment twice.
func (s *Store) ReversePayment(op string, id uint64, date model.Date, reason string) (model.DuesPayment, error) {
	panic("todo")
}

// Collection is what was due and paid for a month (and a unit, when UnitID
// is set).
type Collection struct {
	Month       model.Month
	UnitID      uint64
	Due, Paid   model.Money
	DueMembers  int // members who owed the month
	PaidMembers int // of them, members who paid it
}

// Rate is paid over due in basis points (10000 = 100%), 0 when nothing was due.
func (c Collection) Rate() int {
	if c.Due <= 0 {
		return 0
	}
	return int(int64(c.Paid) * 10000 / int64(c.Due))
}

// CollectionByMonth gives the twelve months of a year for the whole union.
// It must take well under a second on 100,000 members with two years of
// payments: it may not read every payment.
func (s *Store) CollectionByMonth(year int) ([]Collection, error) { panic("todo") }

// CollectionByUnit gives each unit's totals over the months from..to.
func (s *Store) CollectionByUnit(from, to model.Month) ([]Collection, error) { panic("todo") }

// Arrear is a member with unpaid months.
type Arrear struct {
	MemberID    uint64
	Months      []model.Month
	Amount      model.Money
	Consecutive int // the longest run of consecutive unpaid months
}

// Arrears lists members whose longest run of unpaid months up to asOf is at
// least minRun, longest first. Under a second on 100,000 members.
func (s *Store) Arrears(asOf model.Month, minRun int) ([]Arrear, error) { panic("todo") }

// Chart is the accounting chart: the standard accounts and the union's own
// sub-accounts.
func (s *Store) Chart() ([]model.Account, error) { panic("todo") }

// AddLedgerEntry validates and writes a manual cash-book entry with the next
// voucher number. Problems on fields "date", "account", "direction",
// "amount", "counterparty", "memo".
func (s *Store) AddLedgerEntry(op string, e *model.LedgerEntry) error { panic("todo") }

// ReverseLedgerEntry reverses a manual entry (an entry posted by dues, aid
// or an event is reversed through its source). A reversal cannot be
// reversed, nor an entry twice.
func (s *Store) ReverseLedgerEntry(op string, id uint64, date model.Date, reason string) (model.LedgerEntry, error) {
	panic("todo")
}

// LedgerEntry returns one cash-book entry.
func (s *Store) LedgerEntry(id uint64) (model.LedgerEntry, error) { panic("todo") }

// LedgerFilter selects cash-book entries; zero fields select everything.
type LedgerFilter struct {
	From, To  model.Date
	Account   string // an account code; its sub-accounts are included
	Direction model.Direction
}

// LedgerLine is an entry with the running balance after it (over every
// entry, filtered or not) and whether it was reversed.
type LedgerLine struct {
	model.LedgerEntry
	Balance    model.Money
	ReversedBy uint64
}

// Ledger lists the matching entries in date order with running balances.
func (s *Store) Ledger(f LedgerFilter) ([]LedgerLine, error) { panic("todo") }

// Balance is the cash balance: income minus spending over every entry.
func (s *Store) Balance() (model.Money, error) { panic("todo") }

// StatementLine is one account's income and spending over a period.
type StatementLine struct {
	Account model.Account
	In, Out model.Money
}

// Statement is the income-and-expense statement (收支表) for the months
// from..to: one line per account used, sub-accounts after their parent.
func (s *Store) Statement(from, to model.Month) ([]StatementLine, error) { panic("todo") }
